/**
 * One server execution per action, as the user feels it: from the click to the redrawn
 * sidebar, the sidebar calls the action and nothing else (no reload of the selection, the
 * reference lists or the absences). Looks at the selection may go on meanwhile: they are
 * counted apart, and only the light poll is allowed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { benchFor, menu, openSheet, rowCell } from './harness';

const bench = benchFor({ seed: 'full' });

/** The names of the server functions the page calls while `act` runs. */
async function callsDuring(page: Page, act: () => Promise<void>): Promise<string[]> {
  const names: string[] = [];
  const listener = (req: { url(): string; postData(): string | null }) => {
    if (!req.url().endsWith('/api')) return;
    const name = (JSON.parse(req.postData() ?? '{}') as { name?: string }).name;
    if (name) names.push(name);
  };
  page.on('request', listener);
  try {
    await act();
  } finally {
    page.off('request', listener);
  }
  return names;
}

const actions = (names: string[]) => names.filter((n) => n !== 'apiPollSelection');

describe('one server call per sidebar action', () => {
  it('a stop, an absence and a visit each call the server once and redraw from its answer', async () => {
    const { page, sidebar } = bench;
    await openSheet(page, 'Stages');
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    const general = sidebar.getByRole('tabpanel', { name: 'Général' });
    // The menu item writes the first screen's data into the page: drawn without a call.
    const opening = await callsDuring(page, async () => {
      await menu(page, 'Ouvrir la fiche stage');
      await general.getByText('CREDIT AGRICOLE DU NORD CAMBRAI').waitFor();
    });
    expect(actions(opening)).toEqual([]);

    await sidebar.getByRole('button', { name: 'Arrêter le stage…' }).click();
    await sidebar.getByLabel("Date d'arrêt").fill('27/02/2023');
    await sidebar.getByLabel("Motif d'arrêt").fill('Rupture');
    const stop = await callsDuring(page, async () => {
      await sidebar.getByRole('button', { name: 'Arrêter le stage', exact: true }).click();
      await general.getByText('Stage arrêté').waitFor();
    });
    expect(actions(stop)).toEqual(['apiStopStage']);

    await sidebar.getByRole('navigation').getByRole('button', { name: 'Absences' }).click();
    await sidebar.getByText('Aucune absence enregistrée.').waitFor();
    await sidebar.getByLabel('Du', { exact: true }).fill('15/02/2023');
    const absence = await callsDuring(page, async () => {
      await sidebar.getByRole('button', { name: "Ajouter l'absence" }).click();
      await sidebar
        .getByRole('list', { name: 'Absences du stage' })
        .getByText(/15\/02\/2023/)
        .waitFor();
    });
    expect(actions(absence)).toEqual(['apiAddAbsence']);

    await sidebar.getByRole('navigation').getByRole('button', { name: 'Fiche stage' }).click();
    await sidebar.getByRole('tab', { name: 'Visites' }).click();
    await sidebar.getByLabel('Date de la visite').fill('14/02/2023');
    await sidebar.getByLabel('Commentaire').fill('Bonne intégration.');
    const visit = await callsDuring(page, async () => {
      await sidebar.getByRole('button', { name: 'Enregistrer la visite' }).click();
      await sidebar
        .getByRole('list', { name: 'Visites du stage' })
        .getByText(/14\/02\/2023/)
        .waitFor();
    });
    expect(actions(visit)).toEqual(['apiAddVisit']);
    // The fiche counts it from the action's answer, as the sheet does.
    await sidebar.getByRole('tab', { name: 'Général' }).click();
    await expect.poll(() => general.innerText()).toMatch(/Visites\s*:?\s*1/);
  });
});
