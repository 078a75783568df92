/**
 * « Compte rendu de visite » in the workbench, by visible French labels: the templates created,
 * the session's « Compte rendu de visite » set to « oui » in the Sessions sheet, ACAR Laurie's
 * stage followed by the signed-in teacher (M. BRUEL); in « Mes stages » a visit recorded, then
 * « Compte rendu » makes the report, which the same place then opens — no second document; the
 * fiche's Visites tab links it too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, benchFor, menu, openSheet, rowCell, sidebarFrame } from './harness';

const bench = benchFor({ seed: 'full' });

const docView = (page: Page) => page.frameLocator('#docview-frame');

const reports = () =>
  bench.wb.session.emulator.drive
    .all()
    .filter((f) => f.appProperties?.sdsKind === 'compteRendu' && !f.trashed);

describe('a visit report', () => {
  it('the templates include « Compte rendu de visite »', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Modèles de documents…');
    await sidebar.getByRole('button', { name: 'Créer les modèles' }).click();
    await sidebar.getByRole('link', { name: /^Ouvrir le modèle Compte rendu de visite/ }).waitFor();
  });

  it('the session asks for reports: « oui » typed in Sessions', async () => {
    const { page } = bench;
    await openSheet(page, 'Sessions');
    const cell = await rowCell(
      page,
      { Intitulé: 'BTS 1 info période 1' },
      'Compte rendu de visite',
    );
    await cell.dblclick();
    const editor = page.getByRole('textbox', { name: /^Modifier la cellule / });
    await editor.fill('oui');
    await editor.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => cell.innerText()).toBe('oui');
  });

  it('ACAR Laurie’s stage followed by M. BRUEL, a visit recorded in « Mes stages »', async () => {
    const { page, sidebar } = bench;
    await openSheet(page, 'Stages');
    await menu(page, 'Répartir le suivi…');
    const panel = sidebar.getByRole('region', { name: 'Répartir le suivi' });
    await panel
      .getByLabel('Session', { exact: true })
      .selectOption({ label: 'BTS 1 info période 1' });
    await panel.getByLabel('M. BRUEL Patrick').check();
    await panel.getByRole('button', { name: 'Aperçu' }).click();
    await panel.getByRole('button', { name: 'Appliquer' }).click();
    await sidebar
      .getByRole('status')
      .getByText(/^Suivi réparti/)
      .waitFor();

    await menu(page, 'Mes stages');
    const laurie = sidebar
      .getByRole('list', { name: 'Mes stages suivis' })
      .getByRole('listitem')
      .filter({ hasText: 'ACAR Laurie' })
      .first();
    await laurie.getByRole('button', { name: 'Enregistrer une visite' }).click();
    await laurie.getByLabel('Commentaire').fill('Bonne intégration, tuteur disponible.');
    await laurie.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await sidebar.getByRole('status').getByText('Visite du 15/02/2023 enregistrée.').waitFor();
  });

  it('« Compte rendu » makes the report, then opens that one: no second document', async () => {
    const { page, sidebar } = bench;
    const laurie = sidebar
      .getByRole('list', { name: 'Mes stages suivis' })
      .getByRole('listitem')
      .filter({ hasText: 'ACAR Laurie' })
      .first();
    expect(reports()).toHaveLength(0);
    await laurie.getByRole('button', { name: 'Compte rendu de la visite du 15/02/2023' }).click();
    await sidebar
      .getByRole('status')
      .getByText(/^Compte rendu créé : « Compte rendu de visite – ACAR Laurie/)
      .waitFor();
    const link = laurie.getByRole('link', { name: 'Compte rendu de la visite du 15/02/2023' });
    await link.waitFor();
    expect(reports()).toHaveLength(1);
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);

    // The second click opens the report made, filled with the visit.
    await link.click();
    const doc = docView(page);
    await doc.getByText('Bonne intégration, tuteur disponible.').first().waitFor();
    const text = await doc.locator('main').innerText();
    expect(text).toContain('Compte rendu de visite');
    expect(text).toContain('ACAR');
    expect(text).not.toContain('{{');
    expect(await link.getAttribute('href')).toContain(reports()[0]!.id);
    await page.getByRole('button', { name: 'Fermer le document' }).click();
    expect(reports()).toHaveLength(1);
  });

  it('the fiche’s Visites tab links the same report', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Ouvrir la fiche stage');
    await openSheet(page, 'Stages');
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await sidebar.getByRole('tab', { name: 'Visites' }).click();
    const visits = sidebar.getByRole('tabpanel', { name: 'Visites' });
    const link = visits.getByRole('link', { name: 'Compte rendu de la visite du 15/02/2023' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toContain(reports()[0]!.id);
    expect(reports()).toHaveLength(1);
  });
});
