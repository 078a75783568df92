/**
 * Seed 004, step 4, in the workbench by visible French labels: the fiche's « Visites » tab records
 * a visit of ACAR Laurie's stage (date, teacher, comment), lists it, and the Stages sheet's
 * "Visites" cell becomes 1; a bad date is refused in French; a visit is deleted. Then the people
 * the forms need, created from the sidebar: « + Nouveau tuteur » in « Réaffecter… », and a member
 * of staff in Paramètres, offered at once as visiting teacher.
 */
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

const bench = benchFor({ seed: 'full' });

const laurieRow = async () =>
  (await sheetRows(bench.page)).find((r) => r['Élève'] === 'ACAR Laurie')!;

async function openLaurieVisits(): Promise<void> {
  const { page, sidebar } = bench;
  await openSheet(page, 'Stages');
  await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
  await menu(page, 'Ouvrir la fiche stage');
  await sidebar
    .getByRole('tabpanel', { name: 'Général' })
    .getByText('CREDIT AGRICOLE DU NORD CAMBRAI')
    .waitFor();
  await sidebar.getByRole('tab', { name: 'Visites' }).click();
}

describe('visits from the fiche', () => {
  it('records a visit of ACAR Laurie: listed, and the sheet counts 1', async () => {
    const { sidebar } = bench;
    await openLaurieVisits();
    const tab = sidebar.getByRole('tabpanel', { name: 'Visites' });
    await tab.getByText('Aucune visite enregistrée.').waitFor();
    expect((await laurieRow())['Visites']).toBe('0');
    // The stage's referent is offered first.
    expect(
      await tab
        .getByLabel('Enseignant')
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
    ).toBe('M. BRUEL Patrick');

    await tab.getByLabel('Date de la visite').fill('14/02/2023');
    await tab.getByLabel('Enseignant').selectOption({ label: 'M. BRUEL Patrick' });
    await tab
      .getByLabel('Commentaire')
      .fill('Bonne intégration dans l’agence.\n<b>Tuteur disponible</b>');
    await tab.getByRole('button', { name: 'Enregistrer la visite' }).click();

    const list = tab.getByRole('list', { name: 'Visites du stage' });
    await list.getByText('Visite du 14/02/2023 · M. BRUEL Patrick').waitFor();
    // The comment is text, never HTML.
    await list.getByText('<b>Tuteur disponible</b>', { exact: false }).waitFor();
    expect(await list.locator('b').count()).toBe(0);
    await sidebar.getByRole('status').getByText('Visite du 14/02/2023 enregistrée.').waitFor();

    await expect.poll(async () => (await laurieRow())['Visites']).toBe('1');
    const general = sidebar.getByRole('tab', { name: 'Général' });
    await general.click();
    await expect
      .poll(() => sidebar.getByRole('tabpanel', { name: 'Général' }).innerText())
      .toMatch(/Visites\s+1/);
  });

  it('refuses a visit without a date, in French, next to the field', async () => {
    const { sidebar } = bench;
    await sidebar.getByRole('tab', { name: 'Visites' }).click();
    const tab = sidebar.getByRole('tabpanel', { name: 'Visites' });
    await tab.getByLabel('Date de la visite').fill('');
    await tab.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await sidebar.getByRole('alert').getByText('La date de visite est obligatoire.').waitFor();
    await tab.locator('.field-error').getByText('La date de visite est obligatoire.').waitFor();
    expect(
      await tab.getByRole('list', { name: 'Visites du stage' }).getByRole('listitem').count(),
    ).toBe(1);
    expect((await laurieRow())['Visites']).toBe('1');
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    expect(await axeViolations(await sidebarFrame(bench.page))).toEqual([]);
  });

  it('deletes the visit: the sheet counts 0 again', async () => {
    const { sidebar } = bench;
    const tab = sidebar.getByRole('tabpanel', { name: 'Visites' });
    await tab.getByRole('button', { name: 'Supprimer la visite du 14/02/2023' }).click();
    await tab.getByText('Aucune visite enregistrée.').waitFor();
    await expect.poll(async () => (await laurieRow())['Visites']).toBe('0');
  });
});

describe('people created from the sidebar', () => {
  it('« + Nouveau tuteur » in Réaffecter creates the tutor, selects it, and the stage gets it', async () => {
    const { page, sidebar } = bench;
    await openLaurieVisits();
    await sidebar.getByRole('button', { name: 'Réaffecter…' }).click();
    await sidebar.getByRole('heading', { name: 'Réaffecter le stage' }).waitFor();
    const f = sidebar.getByRole('form', { name: 'Réaffecter le stage' });
    await f.getByText('+ Nouveau tuteur').click();
    await f.getByText("Tuteur de l'entreprise CREDIT AGRICOLE DU NORD CAMBRAI.").waitFor();
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
    await f.getByLabel('Civilité').selectOption('Mme');
    await f.getByLabel('Nom', { exact: true }).fill('Durand');
    await f.getByLabel('Prénom').fill('Anne');
    await f.getByLabel('Courriel').fill('anne@');
    await f.getByRole('button', { name: 'Créer le tuteur' }).click();
    await f
      .locator('.field-error')
      .getByText(/n'est pas une adresse électronique/)
      .waitFor();
    await f.getByLabel('Courriel').fill('anne.durand@ca-nord.example');
    await f.getByLabel('Fonction').fill('Cheffe de projet');
    // Enter in a field of the disclosure creates the tutor, it does not reassign the stage.
    await f.getByLabel('Fonction').press('Enter');
    await expect
      .poll(() =>
        f
          .getByLabel('Tuteur entreprise')
          .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
      )
      .toBe('Mme DURAND Anne');
    expect((await laurieRow())['Tuteur entreprise']).toBe('M. ECUSSON Blase');
    expect(
      bench.wb.session.emulator.sheets
        .render('Tuteurs')
        .cells.filter((line) => line.some((c) => c.text === 'Mme DURAND Anne')).length,
    ).toBe(1);

    await f.getByRole('button', { name: 'Réaffecter', exact: true }).click();
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();
    await expect.poll(async () => (await laurieRow())['Tuteur entreprise']).toBe('Mme DURAND Anne');
  });

  it('a member of staff added in Paramètres is offered as visiting teacher', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Paramètres…');
    const f = sidebar.getByRole('form', { name: 'Personnel' });
    await f.getByLabel('Civilité').selectOption('Mme');
    await f.getByLabel('Nom', { exact: true }).fill('Roux');
    await f.getByLabel('Prénom').fill('Léa');
    await f.getByLabel('Discipline').fill('Économie-gestion');
    await f.getByRole('button', { name: 'Ajouter au personnel' }).click();
    await f.getByRole('list', { name: 'Membres du personnel' }).getByText('Mme ROUX Léa').waitFor();
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
    await openSheet(page, 'Personnel');
    await expect
      .poll(async () => (await sheetRows(page)).map((r) => r['Libellé']))
      .toContain('Mme ROUX Léa');

    await openLaurieVisits();
    const tab = sidebar.getByRole('tabpanel', { name: 'Visites' });
    await tab.getByLabel('Enseignant').selectOption({ label: 'Mme ROUX Léa' });
    await tab.getByLabel('Date de la visite').fill('10/03/2023');
    await tab.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await tab
      .getByRole('list', { name: 'Visites du stage' })
      .getByText('Visite prévue le 10/03/2023 · Mme ROUX Léa')
      .waitFor();
    // Planned, not done yet (today is 15/02/2023).
    expect((await laurieRow())['Visites']).toBe('0');
  });
});
