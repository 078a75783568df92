/**
 * Seed 000, steps 1 and 2, in the workbench: create the session "BTS 1 info période 1", assign
 * the ten BTS1 students by class, set company / tutor / referent for two of them through
 * « Gestion des stages », filter, and check the Stages sheet as a user sees it.
 */
import { describe, expect, it } from 'vitest';
import { benchFor, menu, openSheet, rowCell, sheetRows } from './harness';

// Students, companies, tutors and staff exist; no session yet.
const bench = benchFor({ seed: 'references' });

describe('sessions and assignment', () => {
  it('creates the session with its period', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Nouvelle session…');
    await sidebar.getByRole('heading', { name: 'Nouvelle session' }).waitFor();
    await sidebar.getByLabel('Intitulé').fill('BTS 1 info période 1');
    await sidebar.getByLabel('Type de session').selectOption({ label: 'Stage BTS' });
    await sidebar.getByLabel('Année scolaire').fill('2022-2023');
    await sidebar.getByLabel('Diplôme préparé').fill('BTS Informatique');
    await sidebar.getByLabel('Libellé édition').fill('BTS 1 info période 1');
    const period = sidebar.getByRole('group', { name: 'Période 1' });
    await period.getByLabel('Du').fill('01/02/2023');
    await period.getByLabel('Au').fill('31/03/2023');
    await sidebar.getByRole('button', { name: 'Enregistrer la session' }).click();
    await sidebar.getByRole('heading', { name: 'Modifier la session' }).waitFor();
    await sidebar
      .getByRole('status')
      .getByText(/BTS 1 info période 1/)
      .waitFor();

    await openSheet(page, 'Sessions');
    await expect
      .poll(async () =>
        (await sheetRows(page)).map((r) => [
          r['Intitulé'],
          r['Année scolaire'],
          r['Diplôme préparé'],
        ]),
      )
      .toEqual([['BTS 1 info période 1', '2022-2023', 'BTS Informatique']]);
  });

  it('shows the class table and assigns the ten students, once', async () => {
    const { page, sidebar } = bench;
    const table = sidebar.getByRole('table', { name: 'Élèves par classe' });
    await table.waitFor();
    const cells = await table
      .getByRole('row')
      .evaluateAll((trs) =>
        trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent?.trim())),
      );
    expect(cells).toEqual([
      ['Classe', 'Nb élèves'],
      ['BTS1', '10'],
      ['Total', '10'],
    ]);
    await table.getByLabel('BTS1').check();
    await sidebar.getByText('Sélectionnés : 10').waitFor();
    await sidebar.getByRole('button', { name: 'Affecter les élèves' }).click();
    await sidebar.getByText('ACAR Laurie (déjà affecté)').waitFor();

    await openSheet(page, 'Stages');
    await expect.poll(async () => (await sheetRows(page)).length).toBe(10);
    const rows = await sheetRows(page);
    for (const r of rows) {
      expect(r).toMatchObject({
        Session: 'BTS 1 info période 1',
        Début: '01/02/2023',
        Fin: '31/03/2023',
        Classe: 'BTS1',
      });
    }
    expect(rows.map((r) => r['Élève'])).toEqual(
      expect.arrayContaining(['ACAR Laurie', 'ACNA Camille']),
    );

    // Every student is now shown as assigned: nothing left to tick, nothing duplicated.
    expect(await sidebar.getByText('(déjà affecté)').count()).toBe(10);
    await sidebar.getByRole('button', { name: 'Affecter les élèves' }).click();
    await sidebar.getByRole('alert').getByText('Cochez au moins un élève à affecter.').waitFor();
    expect((await sheetRows(page)).length).toBe(10);
  });

  it('sets company, tutor and referent for ACAR Laurie and ACNA Camille from « Gestion des stages »', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Gestion des stages (filtres)');
    await sidebar.getByRole('heading', { name: 'Gestion des stages' }).waitFor();
    const affect = sidebar.getByRole('form', { name: 'Affecter' });

    // One referent for both rows at once: a range selected in the sheet.
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await (await rowCell(page, { Élève: 'ACNA Camille' }, 'Élève')).click({ modifiers: ['Shift'] });
    await affect.getByText('2 lignes sélectionnées').waitFor();
    await affect.getByLabel('Référent établissement').selectOption({ label: 'M. BRUEL Patrick' });
    await affect.getByRole('button', { name: 'Affecter' }).click();
    await expect
      .poll(async () =>
        (await sheetRows(page))
          .filter((r) => r['Référent établissement'] === 'M. BRUEL Patrick')
          .map((r) => r['Élève'])
          .sort(),
      )
      .toEqual(['ACAR Laurie', 'ACNA Camille']);

    const setCompany = async (
      student: string,
      company: string,
      tutor: string,
      otherTutor: string,
    ) => {
      await (await rowCell(page, { Élève: student }, 'Élève')).click();
      await affect.getByText(`1 ligne sélectionnée : ${student}`).waitFor();
      await affect.getByLabel('Référent établissement').selectOption({ label: '(inchangé)' });
      await affect.getByLabel('Entreprise', { exact: true }).selectOption({ label: company });
      // The tutor list only offers the chosen company's tutors.
      const tutors = await affect.getByLabel('Tuteur entreprise').locator('option').allInnerTexts();
      expect(tutors).toContain(tutor);
      expect(tutors).not.toContain(otherTutor);
      await affect.getByLabel('Tuteur entreprise').selectOption({ label: tutor });
      await affect.getByRole('button', { name: 'Affecter' }).click();
      await expect
        .poll(
          async () => (await sheetRows(page)).find((r) => r['Élève'] === student)?.['Entreprise'],
        )
        .toBe(company);
    };
    await setCompany(
      'ACAR Laurie',
      'CREDIT AGRICOLE DU NORD CAMBRAI',
      'M. ECUSSON Blase',
      'M. BONNET Frédéric',
    );
    await setCompany(
      'ACNA Camille',
      'BANQUE POPULAIRE DU NORD DENAIN',
      'M. BONNET Frédéric',
      'M. ECUSSON Blase',
    );

    const rows = await sheetRows(page);
    const pick = (s: string) => {
      const r = rows.find((x) => x['Élève'] === s);
      return [r?.['Entreprise'], r?.['Tuteur entreprise'], r?.['Référent établissement']];
    };
    expect(pick('ACAR Laurie')).toEqual([
      'CREDIT AGRICOLE DU NORD CAMBRAI',
      'M. ECUSSON Blase',
      'M. BRUEL Patrick',
    ]);
    expect(pick('ACNA Camille')).toEqual([
      'BANQUE POPULAIRE DU NORD DENAIN',
      'M. BONNET Frédéric',
      'M. BRUEL Patrick',
    ]);
    expect(rows.filter((r) => r['Entreprise'] !== '').length).toBe(2);
  });

  it('filters as PRONOTE does, and applies the filter to the sheet', async () => {
    const { page, sidebar } = bench;
    const filters = sidebar.getByRole('form', { name: 'Filtres' });
    await filters.getByRole('group', { name: 'Entreprises' }).getByLabel('Avec').check();
    await filters.getByRole('button', { name: 'Filtrer' }).click();
    await sidebar.getByText('2 stages sur 10').waitFor();
    const list = sidebar.getByRole('list', { name: 'Stages correspondants' });
    await list.getByText('ACAR Laurie · BTS1').waitFor();
    await list.getByText('ACNA Camille · BTS1').waitFor();

    await filters.getByRole('button', { name: 'Appliquer à la feuille' }).click();
    await expect
      .poll(async () => (await sheetRows(page)).map((r) => r['Élève']).sort())
      .toEqual(['ACAR Laurie', 'ACNA Camille']);

    await filters.getByRole('button', { name: 'Réinitialiser' }).click();
    await expect.poll(async () => (await sheetRows(page)).length).toBe(10);
    expect(
      await filters.getByRole('group', { name: 'Entreprises' }).getByLabel('Indif.').isChecked(),
    ).toBe(true);
  });

  it('a shorter period is refused, naming the stages, until « Ajuster les stages aux nouvelles dates » is ticked', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Nouvelle session…');
    await sidebar
      .getByLabel('Session', { exact: true })
      .selectOption({ label: 'BTS 1 info période 1 (01/02/2023 - 31/03/2023)' });
    await sidebar.getByRole('heading', { name: 'Modifier la session' }).waitFor();
    const form = sidebar.getByRole('form', { name: 'Session de stage' });
    const adjust = form.getByLabel('Ajuster les stages aux nouvelles dates');
    expect(await adjust.isChecked()).toBe(false);
    await form.getByRole('group', { name: 'Période 1' }).getByLabel('Au').fill('15/03/2023');
    await form.getByRole('button', { name: 'Enregistrer la session' }).click();
    await sidebar
      .getByRole('alert')
      .getByText(
        /^Ces périodes laisseraient 10 stages hors de la session : ACAR Laurie \(du 01\/02\/2023 au 31\/03\/2023\)/,
      )
      .waitFor();
    await openSheet(page, 'Stages');
    expect((await sheetRows(page)).every((r) => r['Fin'] === '31/03/2023')).toBe(true);

    await adjust.check();
    await form.getByRole('button', { name: 'Enregistrer la session' }).click();
    await sidebar
      .getByRole('status')
      .getByText(
        'Session « BTS 1 info période 1 » enregistrée ; 10 stages ajustés aux nouvelles dates.',
      )
      .waitFor();
    await expect
      .poll(async () => [...new Set((await sheetRows(page)).map((r) => r['Fin']))])
      .toEqual(['15/03/2023']);
  });
});
