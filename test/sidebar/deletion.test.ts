/**
 * « Supprimer le stage… » and « Retirer l'élève de la session… » in the workbench, by the French
 * labels users see: what would be deleted is shown first, a stage with a visit cannot go, the
 * confirmed deletion leaves the sheet and is written in the Journal.
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

const students = async () => (await sheetRows(bench.page)).map((r) => r['Élève']);

describe('deleting from the fiche', () => {
  it('« Supprimer le stage… » shows the stage first; confirmed, the row goes and the Journal keeps it', async () => {
    const { page, sidebar } = bench;
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await menu(page, 'Supprimer le stage…');
    await sidebar.getByRole('heading', { name: 'Supprimer le stage' }).waitFor();
    const list = sidebar.getByRole('list', { name: 'Stages qui seraient supprimés' });
    await list.getByText('01/02/2023 – 31/03/2023').waitFor();
    await list.getByText('CREDIT AGRICOLE DU NORD CAMBRAI').waitFor();
    await sidebar.getByText('Aucune absence à supprimer.').waitFor();
    // Nothing is gone before the confirmation.
    expect(await students()).toContain('ACAR Laurie');
    const v = await axeViolations(await sidebarFrame(page));
    expect(v).toEqual([]);

    await sidebar.getByRole('button', { name: 'Supprimer ce stage' }).click();
    await sidebar
      .getByRole('status')
      .getByText(
        'Stage d’ACAR Laurie du 01/02/2023 au 31/03/2023 supprimé (tout est noté au Journal).',
      )
      .waitFor();
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();
    await expect.poll(students).not.toContain('ACAR Laurie');
    expect(await students()).toHaveLength(9);

    await openSheet(page, 'Journal');
    const last = (await sheetRows(page)).at(-1)!;
    expect(last['Action']).toBe('Supprimer le stage');
    expect(last['Avant']).toContain('Élève : ACAR Laurie');
    expect(last['Avant']).toContain('Entreprise : CREDIT AGRICOLE DU NORD CAMBRAI');
    await openSheet(page, 'Stages');
  });

  it('a stage with a visit cannot be deleted: the reason is shown and there is nothing to confirm', async () => {
    const { page, sidebar } = bench;
    await (await rowCell(page, { Élève: 'ACNA Camille' }, 'Élève')).click();
    await menu(page, 'Ouvrir la fiche stage');
    await sidebar
      .getByRole('tabpanel', { name: 'Général' })
      .getByText('BANQUE POPULAIRE DU NORD DENAIN')
      .waitFor();
    await sidebar.getByRole('tab', { name: 'Visites' }).click();
    const tab = sidebar.getByRole('tabpanel', { name: 'Visites' });
    await tab.getByLabel('Date de la visite').fill('14/02/2023');
    await tab.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await tab
      .getByRole('list', { name: 'Visites du stage' })
      .getByText(/14\/02\/2023/)
      .waitFor();

    await sidebar.getByRole('button', { name: 'Supprimer le stage…' }).click();
    await sidebar.getByRole('heading', { name: 'Supprimer le stage' }).waitFor();
    await sidebar.getByText(/^Ce stage a une visite enregistrée : /).waitFor();
    expect(await sidebar.getByRole('button', { name: 'Supprimer ce stage' }).isDisabled()).toBe(
      true,
    );
    await sidebar.getByRole('button', { name: '← Retour à la fiche' }).click();
  });

  it("« Retirer l'élève de la session… » lists every stage of the student in it, then removes them", async () => {
    const { page, sidebar } = bench;
    await (await rowCell(page, { Élève: 'BENALI Yanis' }, 'Élève')).click();
    await sidebar.getByRole('tab', { name: 'Général' }).click();
    await sidebar.getByRole('button', { name: "Retirer l'élève de la session…" }).click();
    await sidebar.getByRole('heading', { name: "Retirer l'élève de la session" }).waitFor();
    await sidebar.getByText('BENALI Yanis dans « BTS 1 info période 1 » : sera supprimé').waitFor();
    await sidebar.getByRole('button', { name: "Retirer l'élève de la session" }).click();
    await sidebar
      .getByRole('status')
      .getByText(
        "BENALI Yanis n'est plus dans la session « BTS 1 info période 1 » : 1 stage supprimé (tout est noté au Journal).",
      )
      .waitFor();
    await expect.poll(students).not.toContain('BENALI Yanis');
    expect(await students()).toHaveLength(8);
  });
});
