/**
 * Issue 12 in the workbench, by visible French labels: the referent shares out the follow-up
 * (« Répartir le suivi… »: preview, then « Appliquer »); the teacher signed in (M. BRUEL, whose
 * address is the workbench user's) opens « Mes stages », records a visit with a comment on ACAR
 * Laurie's stage in two clicks, and sees the count and the « À effectuer » filter change.
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
const followerOf = async (student: string) =>
  (await sheetRows(bench.page)).find((r) => r['Élève'] === student)!['Enseignant suivi'];

describe('the follow-up', () => {
  it('« Répartir le suivi… » for the two rows selected: only they are given out', async () => {
    const { page, sidebar } = bench;
    await openSheet(page, 'Stages');
    await menu(page, 'Répartir le suivi…');
    const panel = sidebar.getByRole('region', { name: 'Répartir le suivi' });
    await (await rowCell(page, { Élève: 'BENALI Yanis' }, 'Élève')).click();
    await (
      await rowCell(page, { Élève: 'CARPENTIER Manon' }, 'Élève')
    ).click({ modifiers: ['Shift'] });
    await panel.getByLabel('Les lignes sélectionnées (2)').check();
    await expect.poll(() => panel.getByLabel('Session', { exact: true }).isDisabled()).toBe(true);
    await panel.getByLabel('M. BRUEL Patrick').check();
    await panel.getByRole('button', { name: 'Aperçu' }).click();
    const table = panel.getByRole('table', { name: 'Répartition proposée' });
    const row = table.getByRole('row').filter({ hasText: 'M. BRUEL Patrick' });
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
    expect(await row.innerText()).toContain('BENALI Yanis');
    expect(await row.innerText()).toContain('CARPENTIER Manon');
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);

    await panel.getByRole('button', { name: 'Appliquer' }).click();
    await sidebar.getByRole('status').getByText('Suivi réparti : 2 stages attribués.').waitFor();
    await expect.poll(() => followerOf('BENALI Yanis')).toBe('M. BRUEL Patrick');
    expect(await followerOf('CARPENTIER Manon')).toBe('M. BRUEL Patrick');
    // The rest of the session is untouched.
    expect(await followerOf('ACAR Laurie')).toBe('');
    expect(await followerOf('DUPONT Léa')).toBe('');
    await panel.getByLabel('Toute une session').check();
  });

  it('« Répartir le suivi… » previews, then applies: the sheet names the teacher', async () => {
    const { page, sidebar } = bench;
    await openSheet(page, 'Stages');
    await menu(page, 'Répartir le suivi…');
    const panel = sidebar.getByRole('region', { name: 'Répartir le suivi' });
    await panel
      .getByLabel('Session', { exact: true })
      .selectOption({ label: 'BTS 1 info période 1' });
    await panel.getByLabel('M. BRUEL Patrick').check();
    await panel.getByRole('button', { name: 'Aperçu' }).click();
    const table = panel.getByRole('table', { name: 'Répartition proposée' });
    await table.getByRole('rowheader', { name: 'M. BRUEL Patrick' }).waitFor();
    await sidebar
      .getByRole('status')
      .getByText(/stages à attribuer/)
      .waitFor();
    // Nothing written by the preview.
    expect((await laurieRow())['Enseignant suivi']).toBe('');
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);

    await panel.getByRole('button', { name: 'Appliquer' }).click();
    await sidebar
      .getByRole('status')
      .getByText(/^Suivi réparti : \d+ stages attribués\.$/)
      .waitFor();
    await expect.poll(async () => (await laurieRow())['Enseignant suivi']).toBe('M. BRUEL Patrick');
  });

  it('« Mes stages »: a visit with a comment on ACAR Laurie’s stage, the count changes', async () => {
    const { page, sidebar } = bench;
    expect((await laurieRow())['Visites']).toBe('0');
    await menu(page, 'Mes stages');
    const panel = sidebar.getByRole('region', { name: 'Mes stages' });
    const laurie = panel
      .getByRole('list', { name: 'Mes stages suivis' })
      .getByRole('listitem')
      .filter({ hasText: 'ACAR Laurie' });
    await laurie.getByText('Visite à faire · 0 / 1').waitFor();
    await panel
      .getByText("M. BRUEL Patrick : 10 stages suivis, les visites à faire d'abord.", {
        exact: true,
      })
      .waitFor();
    await laurie.getByText('12 rue de Noyon, 59400 Cambrai').waitFor();
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);

    await laurie.getByRole('button', { name: 'Enregistrer une visite' }).click();
    await laurie.getByLabel('Commentaire').fill('Bonne intégration, tuteur disponible.');
    await laurie.getByRole('button', { name: 'Enregistrer', exact: true }).click();

    await sidebar.getByRole('status').getByText('Visite du 15/02/2023 enregistrée.').waitFor();
    const done = panel.getByRole('listitem').filter({ hasText: 'ACAR Laurie' });
    await done.getByText('Visites faites · 1 / 1').waitFor();
    await done.getByText('Bonne intégration, tuteur disponible.').waitFor();
    await expect.poll(async () => (await laurieRow())['Visites']).toBe('1');
  });

  it('the gestion filter « À effectuer » no longer lists ACAR Laurie', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Gestion des stages (filtres)');
    const panel = sidebar.getByRole('region', { name: 'Gestion des stages' });
    await panel.getByRole('group', { name: 'Visites' }).getByLabel('Effectuées').check();
    await panel.getByRole('button', { name: 'Filtrer' }).click();
    const list = panel.getByRole('list', { name: 'Stages correspondants' });
    await list.getByText(/^ACAR Laurie/).waitFor();
    await panel.getByRole('group', { name: 'Visites' }).getByLabel('À effectuer').check();
    await panel.getByRole('button', { name: 'Filtrer' }).click();
    await expect.poll(() => list.innerText()).not.toContain('ACAR Laurie');
    await expect.poll(() => list.innerText()).toContain('ACNA Camille');
  });
});
