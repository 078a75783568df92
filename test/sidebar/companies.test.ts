/**
 * « Entreprises » in the workbench, by visible French labels: a company is created from the
 * sidebar (a wrong SIRET key refused next to its field, La Poste's rule accepted), written with
 * its signatory, offered at once in Réaffecter; a SIRET already used is refused naming the other
 * company; a company picked from the list is corrected, and its new name follows on its stage.
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

const bench = benchFor({ seed: 'full' });

/** The names of the server functions the page calls while `act` runs (polls left out). */
async function callsDuring(page: Page, act: () => Promise<void>): Promise<string[]> {
  const names: string[] = [];
  const listener = (req: { url(): string; postData(): string | null }) => {
    if (!req.url().endsWith('/api')) return;
    const name = (JSON.parse(req.postData() ?? '{}') as { name?: string }).name;
    if (name && name !== 'apiPollSelection') names.push(name);
  };
  page.on('request', listener);
  try {
    await act();
  } finally {
    page.off('request', listener);
  }
  return names;
}

const companyRows = () =>
  bench.wb.session.emulator.sheets
    .render('Entreprises')
    .cells.map((line) => line.map((c) => c.text));

describe('companies from the sidebar', () => {
  it('creates a company: the SIRET key is checked, the signatory written', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Entreprises…');
    await sidebar.getByRole('heading', { name: 'Entreprises' }).waitFor();
    const f = sidebar.getByRole('form', { name: 'Entreprise' });
    await f.getByText('Nouvelle entreprise : seule la raison sociale est obligatoire.').waitFor();
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);

    await f.getByLabel('Raison sociale').fill('Garage Martin');
    await f.getByLabel('SIRET').fill('443 061 841 00048');
    await f.getByLabel('Code postal').fill('59140');
    await f.getByLabel('Ville').fill('Dunkerque');
    await f.getByLabel('Nom du signataire').fill('Jean Martin');
    await f.getByLabel('Fonction du signataire').fill('Gérant');
    await f.getByRole('button', { name: 'Créer l’entreprise' }).click();
    await f
      .locator('.field-error')
      .getByText(/Le SIRET 443 061 841 00048 est invalide : sa clé de contrôle ne correspond pas/)
      .waitFor();
    expect(companyRows().some((r) => r.includes('Garage Martin'))).toBe(false);

    await f.getByLabel('SIRET').fill('443 061 841 00047');
    const calls = await callsDuring(page, async () => {
      await f.getByLabel('SIRET').press('Enter');
      await sidebar
        .getByRole('status')
        .getByText('Entreprise « Garage Martin » enregistrée.')
        .waitFor();
    });
    expect(calls).toEqual(['apiSaveCompany']);
    // It stays on screen, as the sheet has it, ready to be corrected.
    expect(await f.getByLabel('SIRET').inputValue()).toBe('44306184100047');
    expect(await f.getByRole('button', { name: 'Enregistrer les modifications' }).count()).toBe(1);
    await openSheet(page, 'Entreprises');
    await expect
      .poll(async () =>
        (await sheetRows(page)).find((r) => r['Raison sociale'] === 'Garage Martin'),
      )
      .toMatchObject({
        SIRET: '44306184100047',
        'Code postal': '59140',
        Signataire: 'Jean Martin',
        'Fonction du signataire': 'Gérant',
      });

    // La Poste's establishments follow their own rule: digits adding up to a multiple of 5.
    await f
      .getByLabel('Entreprise', { exact: true })
      .selectOption({ label: '— Nouvelle entreprise —' });
    expect(await f.getByLabel('Raison sociale').inputValue()).toBe('');
    await f.getByLabel('Raison sociale').fill('La Poste Cambrai');
    await f.getByLabel('SIRET').fill('356 000 000 49837');
    await f.getByRole('button', { name: 'Créer l’entreprise' }).click();
    await sidebar
      .getByRole('status')
      .getByText('Entreprise « La Poste Cambrai » enregistrée.')
      .waitFor();
  });

  it('refuses a SIRET another company has, naming it', async () => {
    const { sidebar } = bench;
    const f = sidebar.getByRole('form', { name: 'Entreprise' });
    await f
      .getByLabel('Entreprise', { exact: true })
      .selectOption({ label: '— Nouvelle entreprise —' });
    await f.getByLabel('Raison sociale').fill('Garage du Port');
    await f.getByLabel('SIRET').fill('44306184100047');
    await f.getByRole('button', { name: 'Créer l’entreprise' }).click();
    await sidebar
      .getByRole('alert')
      .getByText(
        "Le SIRET 443 061 841 00047 est déjà celui de l'entreprise « Garage Martin » (Dunkerque) : choisissez-la dans la liste pour la modifier.",
      )
      .waitFor();
    expect(companyRows().some((r) => r.includes('Garage du Port'))).toBe(false);
  });

  it('the new company is offered at once in Réaffecter', async () => {
    const { page, sidebar } = bench;
    await openSheet(page, 'Stages');
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await menu(page, 'Réaffecter…');
    const f = sidebar.getByRole('form', { name: 'Réaffecter le stage' });
    await f.waitFor();
    const offered = await f
      .getByLabel('Entreprise', { exact: true })
      .evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.text));
    expect(offered).toContain('Garage Martin');
  });

  it('corrects a company picked from the list; its stage shows the new name', async () => {
    const { page, sidebar } = bench;
    await sidebar.getByRole('navigation').getByRole('button', { name: 'Entreprises' }).click();
    const f = sidebar.getByRole('form', { name: 'Entreprise' });
    await f
      .getByLabel('Entreprise', { exact: true })
      .selectOption({ label: 'CREDIT AGRICOLE DU NORD CAMBRAI' });
    await expect
      .poll(() => f.getByLabel('Raison sociale').inputValue())
      .toBe('CREDIT AGRICOLE DU NORD CAMBRAI');
    expect(await f.getByLabel('Code postal').inputValue()).toBe('59400');
    await f.getByLabel('Raison sociale').fill('CRÉDIT AGRICOLE NORD DE FRANCE');
    await f.getByLabel('Nom du signataire').fill('Claire Dupont');
    await f.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await sidebar
      .getByRole('status')
      .getByText(
        'Entreprise « CRÉDIT AGRICOLE NORD DE FRANCE » enregistrée ; nouveau nom reporté sur 1 stage et 1 tuteur.',
      )
      .waitFor();
    // The list names it anew, still selected.
    expect(
      await f
        .getByLabel('Entreprise', { exact: true })
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
    ).toBe('CRÉDIT AGRICOLE NORD DE FRANCE');
    await openSheet(page, 'Stages');
    await expect
      .poll(
        async () =>
          (await sheetRows(page)).find((r) => r['Élève'] === 'ACAR Laurie')?.['Entreprise'],
      )
      .toBe('CRÉDIT AGRICOLE NORD DE FRANCE');
  });
});
