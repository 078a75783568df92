/**
 * Issue 9, "What staff see", in the workbench by visible French labels: the split's nature is
 * required and the second part's assignment shows whenever it does not keep the company; long
 * text is counted, never cut; several selected rows are stopped together, and single-stage
 * actions say which row they act on; absences on a day off or without a reason are refused;
 * the Journal names the student and the session; the session type comes from a list.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  benchFor,
  menu,
  openSheet,
  rowCell,
  sheetRows,
  sidebarFrame,
} from './harness';

const bench = benchFor({ seed: 'full', today: '2023-02-15' });

const stagesValues = () => bench.wb.session.emulator.sheets.debugGetValues('Stages', 'A1:AA40');
const journalValues = () => bench.wb.session.emulator.sheets.debugGetValues('Journal', 'A1:F200');
const written = () => JSON.stringify([stagesValues(), journalValues()]);

async function selectRow(page: Page, student: string): Promise<void> {
  await openSheet(page, 'Stages');
  await (await rowCell(page, { Élève: student }, 'Élève')).click();
}

async function fiche(student: string): Promise<void> {
  const { page, sidebar } = bench;
  await selectRow(page, student);
  await menu(page, 'Ouvrir la fiche stage');
  await sidebar.locator('.who-block').getByText(student).waitFor();
}

describe('Scinder: the nature is chosen by the user, the 2nd part’s assignment always in view', () => {
  it('starts with no nature, and refuses a split without one on the field, writing nothing', async () => {
    const { sidebar } = bench;
    await fiche('ACAR Laurie');
    await sidebar.getByRole('button', { name: 'Scinder le stage…' }).click();
    const nature = sidebar.getByRole('group', { name: 'Nature de la coupure (obligatoire)' });
    await nature.waitFor();
    expect(await nature.getByLabel('Arrêt réel').isChecked()).toBe(false);
    expect(await nature.getByLabel('Simple découpage').isChecked()).toBe(false);

    await sidebar.getByLabel('Date de début de la 2e partie').fill('01/03/2023');
    const before = written();
    await sidebar.getByRole('button', { name: 'Scinder le stage', exact: true }).click();
    const message = 'Choisissez la nature de la coupure : « Arrêt réel » ou « Simple découpage ».';
    await sidebar.getByRole('alert').getByText(message).waitFor();
    await nature.locator('.field-error').getByText(message).waitFor();
    expect(written()).toBe(before);
  });

  it('shows the 2nd part’s company, tutor and referent whenever it does not keep them, after another row too', async () => {
    const { sidebar } = bench;
    const keep = sidebar.getByLabel("La 2e partie garde l'entreprise, le tuteur et le référent");
    const assignment = sidebar.getByRole('group', { name: 'Affectation de la 2e partie' });
    expect(await keep.isChecked()).toBe(true);
    expect(await assignment.isVisible()).toBe(false);
    await keep.uncheck();
    await assignment.waitFor();

    // Another row selected: the form starts again, and what it shows matches what it sends.
    await selectRow(bench.page, 'ACNA Camille');
    await sidebar.locator('.stage-context').getByText('ACNA Camille').waitFor();
    await expect.poll(() => keep.isChecked()).toBe(true);
    expect(await assignment.isVisible()).toBe(false);
    expect(await sidebar.getByLabel('Simple découpage').isChecked()).toBe(false);
    await keep.uncheck();
    await assignment.waitFor();
  });

  it('splits with the company chosen for the 2nd part, journalled under the student’s name', async () => {
    const { page, sidebar } = bench;
    await sidebar.getByLabel('Date de début de la 2e partie').fill('01/03/2023');
    await sidebar.getByLabel('Simple découpage').check();
    await sidebar
      .getByLabel('Entreprise', { exact: true })
      .selectOption({ label: 'CREDIT AGRICOLE DU NORD CAMBRAI' });
    await sidebar.getByRole('button', { name: 'Scinder le stage', exact: true }).click();
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();
    await expect
      .poll(async () =>
        (await sheetRows(page))
          .filter((r) => r['Élève'] === 'ACNA Camille')
          .map((r) => [r['Début'], r['Fin'], r['Entreprise'], r['Fin initiale']]),
      )
      .toEqual([
        ['01/02/2023', '28/02/2023', 'BANQUE POPULAIRE DU NORD DENAIN', ''],
        ['01/03/2023', '31/03/2023', 'CREDIT AGRICOLE DU NORD CAMBRAI', ''],
      ]);
    await openSheet(page, 'Journal');
    const last = (await sheetRows(page)).at(-1)!;
    expect([last['Action'], last['Objet']]).toEqual([
      'Scinder le stage',
      'ACNA Camille – BTS 1 info période 1',
    ]);
  });
});

describe('limits shown, never silent', () => {
  it('counts a reason past 500 characters without cutting it; the server refuses it in French', async () => {
    const { sidebar } = bench;
    await fiche('BENALI Yanis');
    await sidebar.getByRole('button', { name: 'Arrêter le stage…' }).click();
    const reason = sidebar.getByLabel("Motif d'arrêt");
    await reason.waitFor();
    await sidebar.getByText('0 / 500').waitFor();
    // The counter is part of the field's description, read with it.
    const describedBy = (await reason.getAttribute('aria-describedby')) ?? '';
    const counterId = await sidebar.locator('.counter').first().getAttribute('id');
    expect(describedBy.split(' ')).toContain(counterId);

    await reason.fill('x'.repeat(510));
    expect((await reason.inputValue()).length).toBe(510);
    await sidebar.getByText('510 / 500').waitFor();
    // Said once, politely, when the text went past the limit.
    await sidebar
      .getByText('10 caractères de trop : 500 au plus, le texte sera refusé tel quel.')
      .waitFor();

    await sidebar.getByLabel("Date d'arrêt").fill('27/02/2023');
    const before = written();
    await sidebar.getByRole('button', { name: 'Arrêter le stage', exact: true }).click();
    const message = "Le motif de l'arrêt est trop long : 510 caractères pour 500 au plus.";
    await sidebar.locator('.field-error').getByText(message).waitFor();
    expect(written()).toBe(before);
    expect((await reason.inputValue()).length).toBe(510);

    await reason.fill('Fermeture');
    await sidebar.getByText('9 / 500').waitFor();
    const live = sidebar.locator('.counter + [aria-live="polite"]').first();
    await expect.poll(() => live.innerText()).toBe('Longueur de nouveau acceptée.');
    // Typing on, far from the limit, says nothing more: only the visible count moves.
    await reason.pressSequentially(' usine');
    await sidebar.getByText('15 / 500').waitFor();
    expect(await live.innerText()).toBe('Longueur de nouveau acceptée.');
    expect(await axeViolations(await sidebarFrame(bench.page))).toEqual([]);
  });
});

describe('several rows selected', () => {
  const three = ['DUPONT Léa', 'FONTAINE Théo', 'LEFEBVRE Chloé'];

  it('stops all the selected rows with one date and one reason', async () => {
    const { page, sidebar } = bench;
    await selectRow(page, 'DUPONT Léa');
    await (
      await rowCell(page, { Élève: 'LEFEBVRE Chloé' }, 'Élève')
    ).click({
      modifiers: ['Shift'],
    });
    await menu(page, 'Ouvrir la fiche stage');
    await sidebar
      .getByRole('note')
      .getByText(/^3 lignes sont sélectionnées : « Arrêter les 3 stages… » les arrête toutes/)
      .waitFor();
    await sidebar.getByRole('button', { name: 'Arrêter les 3 stages…' }).click();

    const list = sidebar.getByRole('list', { name: 'Stages à arrêter' });
    for (const s of three) await list.getByText(new RegExp(`^${s} \\(ligne \\d+,`)).waitFor();
    await sidebar.getByLabel("Date d'arrêt").fill('27/02/2023');
    await sidebar.getByLabel("Motif d'arrêt").fill("Fermeture de l'entreprise");
    await sidebar.getByRole('button', { name: 'Arrêter les 3 stages', exact: true }).click();
    await sidebar
      .getByRole('status')
      .getByText(`3 stages arrêtés le 27/02/2023 : ${three.join(', ')}.`)
      .waitFor();
    await expect
      .poll(async () =>
        (await sheetRows(page))
          .filter((r) => three.includes(r['Élève']!))
          .map((r) => [r['Élève'], r["Date d'arrêt"], r["Motif d'arrêt"]]),
      )
      .toEqual(three.map((s) => [s, '27/02/2023', "Fermeture de l'entreprise"]));
  });

  it('says which row a single-stage action acts on', async () => {
    const { sidebar } = bench;
    await sidebar.getByRole('button', { name: 'Réaffecter…' }).click();
    await sidebar
      .getByRole('note')
      .getByText(
        /^3 lignes sont sélectionnées : cette action ne porte que sur la ligne active, DUPONT Léa \(ligne \d+, 01\/02\/2023 – 27\/02\/2023\)\.$/,
      )
      .waitFor();
  });
});

describe('absences', () => {
  it('refuses a Saturday and a missing reason, in French on the field, writing nothing', async () => {
    const { page, sidebar } = bench;
    await selectRow(page, 'MARTIN Nathan');
    await menu(page, 'Absences…');
    await sidebar.getByText('Aucune absence enregistrée.').waitFor();
    await sidebar
      .getByText("Obligatoire : « non communiqué » si l'élève n'en a pas donné.")
      .waitFor();
    const absences = () => bench.wb.session.emulator.sheets.debugGetValues('Absences', 'A1:J20');
    const before = JSON.stringify(absences());

    await sidebar.getByLabel('Du', { exact: true }).fill('04/02/2023');
    await sidebar.getByLabel('Motif', { exact: true }).fill('Malade');
    await sidebar.getByRole('button', { name: "Ajouter l'absence" }).click();
    await sidebar
      .locator('.field-error')
      .getByText(
        "Le samedi 04/02/2023 n'est pas travaillé dans ce stage (horaire : du lundi au vendredi) : une absence se saisit sur un jour travaillé.",
      )
      .waitFor();

    await sidebar.getByLabel('Du', { exact: true }).fill('06/02/2023');
    await sidebar.getByLabel('Motif', { exact: true }).fill('');
    await sidebar.getByRole('button', { name: "Ajouter l'absence" }).click();
    await sidebar
      .locator('.field-error')
      .getByText(/^Le motif de l'absence est obligatoire/)
      .waitFor();
    expect(JSON.stringify(absences())).toBe(before);
    expect(await sidebar.getByText('Aucune absence enregistrée.').isVisible()).toBe(true);
  });
});

describe('session type', () => {
  it('is chosen in a list, required, and an old free-text type is shown to be replaced', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Nouvelle session…');
    const type = sidebar.getByLabel('Type de session');
    await type.waitFor();
    expect(await type.locator('option').allInnerTexts()).toEqual([
      '— Choisir le type —',
      'PFMP',
      'Stage BTS',
      "Stage d'observation",
      'Stage de seconde',
      'Autre',
    ]);
    await sidebar.getByLabel('Intitulé').fill('Seconde observation');
    await sidebar.getByLabel('Année scolaire').fill('2022-2023');
    const period = sidebar.getByRole('group', { name: 'Période 1' });
    await period.getByLabel('Du').fill('05/06/2023');
    await period.getByLabel('Au').fill('09/06/2023');
    await sidebar.getByRole('button', { name: 'Enregistrer la session' }).click();
    await sidebar
      .locator('.field-error')
      .getByText(/^Choisissez le type de session/)
      .waitFor();
    await type.selectOption({ label: "Stage d'observation" });
    await sidebar.getByRole('button', { name: 'Enregistrer la session' }).click();
    await sidebar.getByRole('heading', { name: 'Modifier la session' }).waitFor();

    // A type typed by hand in the sheet before the list existed is still shown.
    await openSheet(page, 'Sessions');
    const cell = await rowCell(page, { Intitulé: 'BTS 1 info période 1' }, 'Type de session');
    await cell.dblclick();
    const editor = page.getByRole('textbox', { name: /^Modifier la cellule/ });
    await editor.fill('Stage en entreprise');
    await editor.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await menu(page, 'Nouvelle session…');
    const chooser = sidebar.getByLabel('Session', { exact: true });
    // The sidebar hears of the hand edit at its next look at the sheet: choose the session
    // again until the form shows it.
    await expect
      .poll(async () => {
        const labels = await chooser.locator('option').allInnerTexts();
        await chooser.selectOption({ label: 'Nouvelle session' });
        await chooser.selectOption({ label: labels.find((l) => l.startsWith('BTS 1 info'))! });
        return type.locator('option:checked').innerText();
      })
      .toBe('Stage en entreprise (ancien type, à remplacer)');
  });
});
