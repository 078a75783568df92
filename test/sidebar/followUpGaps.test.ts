/**
 * The follow-up's loose ends, in the workbench by visible French labels (M. BRUEL is signed in):
 * the session form's « Visites attendues » and « Compte rendu de visite »; the cap of interns
 * followed at once in Paramètres, prefilling « Répartir le suivi »; « Supprimer » only on the
 * visits one may delete (the fiche and « Mes stages » alike); a visit with its report deleted
 * after a confirmation that says the report goes to the bin.
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

const reports = () =>
  bench.wb.session.emulator.drive
    .all()
    .filter((f) => f.appProperties?.sdsKind === 'compteRendu' && !f.trashed);

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

describe('the follow-up’s settings and rights', () => {
  it('the session form saves « Visites attendues » and « Compte rendu de visite »', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Nouvelle session…');
    const chooser = sidebar.getByLabel('Session', { exact: true });
    await chooser.selectOption({ label: 'BTS 1 info période 1 (01/02/2023 - 31/03/2023)' });
    await sidebar.getByRole('heading', { name: 'Modifier la session' }).waitFor();
    const visits = sidebar.getByLabel('Visites attendues');
    const reportBox = sidebar.getByLabel(
      'Compte rendu de visite (un document Google pour chaque visite)',
    );
    expect(await visits.inputValue()).toBe('');
    expect(await reportBox.isChecked()).toBe(false);
    await visits.fill('12');
    await sidebar.getByRole('button', { name: 'Enregistrer la session' }).click();
    await sidebar
      .getByText(/« Visites attendues » doit être un nombre entier de 0 à 10/)
      .first()
      .waitFor();
    await visits.fill('2');
    await reportBox.check();
    await sidebar.getByRole('button', { name: 'Enregistrer la session' }).click();
    await sidebar
      .getByRole('status')
      .getByText(/BTS 1 info période 1/)
      .waitFor();
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);

    await openSheet(page, 'Sessions');
    await expect
      .poll(async () =>
        (await sheetRows(page)).map((r) => [r['Visites attendues'], r['Compte rendu de visite']]),
      )
      .toEqual([['2', 'oui']]);
    // Shown again when the session is chosen anew.
    await chooser.selectOption({ label: 'Nouvelle session' });
    expect(await visits.inputValue()).toBe('');
    await chooser.selectOption({ label: 'BTS 1 info période 1 (01/02/2023 - 31/03/2023)' });
    expect(await visits.inputValue()).toBe('2');
    expect(await reportBox.isChecked()).toBe(true);
  });

  it('Paramètres hold the cap of interns followed at once; « Répartir » is prefilled with it', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Paramètres…');
    const cap = sidebar.getByLabel('Stagiaires suivis au plus par enseignant');
    await expect.poll(() => cap.inputValue()).toBe('16');
    await cap.fill('12');
    await sidebar
      .getByRole('form', { name: 'Paramètres' })
      .getByRole('button', { name: 'Enregistrer' })
      .click();
    await sidebar
      .getByRole('status')
      .getByText(/^Paramètres enregistrés/)
      .waitFor();

    await menu(page, 'Répartir le suivi…');
    const panel = sidebar.getByRole('region', { name: 'Répartir le suivi' });
    await expect
      .poll(() => panel.getByLabel('Stagiaires suivis en même temps au plus').inputValue())
      .toBe('12');
  });

  it('the fiche offers « Supprimer » only on the visits one may delete', async () => {
    const { page, sidebar } = bench;
    // A colleague, whose visit M. BRUEL records for her on a stage nobody follows yet.
    await menu(page, 'Paramètres…');
    const f = sidebar.getByRole('form', { name: 'Personnel' });
    await f.getByLabel('Civilité').selectOption('Mme');
    await f.getByLabel('Nom', { exact: true }).fill('Roux');
    await f.getByLabel('Prénom').fill('Léa');
    await f.getByRole('button', { name: 'Ajouter au personnel' }).click();
    await f.getByRole('list', { name: 'Membres du personnel' }).getByText('Mme ROUX Léa').waitFor();

    await openLaurieVisits();
    const tab = sidebar.getByRole('tabpanel', { name: 'Visites' });
    await tab.getByLabel('Date de la visite').fill('13/02/2023');
    await tab.getByLabel('Enseignant').selectOption({ label: 'Mme ROUX Léa' });
    await tab.getByLabel('Commentaire').fill('Appel de Mme Roux.');
    await tab.getByRole('button', { name: 'Enregistrer la visite' }).click();
    const list = tab.getByRole('list', { name: 'Visites du stage' });
    const hers = list.getByRole('listitem').filter({ hasText: 'Mme ROUX Léa' });
    await hers.waitFor();
    expect(await hers.getByRole('button', { name: /^Supprimer/ }).count()).toBe(0);

    await tab.getByLabel('Date de la visite').fill('14/02/2023');
    await tab.getByLabel('Enseignant').selectOption({ label: 'M. BRUEL Patrick' });
    await tab.getByLabel('Commentaire').fill('Visite de M. Bruel.');
    await tab.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await list
      .getByRole('listitem')
      .filter({ hasText: 'M. BRUEL Patrick' })
      .getByRole('button', { name: 'Supprimer la visite du 14/02/2023' })
      .waitFor();
    // Read again from the server: the same buttons.
    await sidebar.getByRole('tab', { name: 'Général' }).click();
    await (await rowCell(page, { Élève: 'ACNA Camille' }, 'Élève')).click();
    await sidebar
      .getByRole('tabpanel', { name: 'Général' })
      .getByText('ACNA Camille')
      .first()
      .waitFor();
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await sidebar.getByRole('tab', { name: 'Visites' }).click();
    await list.getByRole('button', { name: 'Supprimer la visite du 14/02/2023' }).waitFor();
    expect(await hers.getByRole('button', { name: /^Supprimer/ }).count()).toBe(0);
  });

  it('in « Mes stages », the follower may delete a colleague’s visit, not edit it', async () => {
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
    await laurie.getByRole('button', { name: 'Supprimer la visite du 13/02/2023' }).waitFor();
    expect(
      await laurie.getByRole('button', { name: 'Modifier la visite du 13/02/2023' }).count(),
    ).toBe(0);
    expect(
      await laurie.getByRole('button', { name: 'Modifier la visite du 14/02/2023' }).count(),
    ).toBe(1);
  });

  it('a visit with its report: a confirmation says the report goes to the bin, then both go', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Modèles de documents…');
    await sidebar.getByRole('button', { name: 'Créer les modèles' }).click();
    await sidebar.getByRole('link', { name: /^Ouvrir le modèle Compte rendu de visite/ }).waitFor();

    await menu(page, 'Mes stages');
    const laurie = sidebar
      .getByRole('list', { name: 'Mes stages suivis' })
      .getByRole('listitem')
      .filter({ hasText: 'ACAR Laurie' })
      .first();
    await laurie.getByRole('button', { name: 'Compte rendu de la visite du 14/02/2023' }).click();
    await sidebar
      .getByRole('status')
      .getByText(/^Compte rendu créé/)
      .waitFor();
    expect(reports()).toHaveLength(1);

    await laurie.getByRole('button', { name: 'Supprimer la visite du 14/02/2023' }).click();
    const confirm = laurie.getByRole('group', {
      name: 'Supprimer la visite du 14/02/2023 et son compte rendu',
    });
    await confirm
      .getByText(
        'Cette visite a un compte rendu : il sera mis à la corbeille de Google Drive et noté « Annulée » dans la feuille Documents.',
      )
      .waitFor();
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
    // « Garder la visite » keeps everything.
    await confirm.getByRole('button', { name: 'Garder la visite' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(reports()).toHaveLength(1);

    await laurie.getByRole('button', { name: 'Supprimer la visite du 14/02/2023' }).click();
    await confirm.getByRole('button', { name: 'Supprimer la visite et son compte rendu' }).click();
    await sidebar
      .getByRole('status')
      .getByText(
        'Visite supprimée ; son compte rendu est à la corbeille (« Annulée » dans la feuille Documents).',
      )
      .waitFor();
    expect(reports()).toHaveLength(0);
    await openSheet(page, 'Documents');
    await expect
      .poll(async () =>
        (await sheetRows(page))
          .filter((r) => r['Type'] === 'Compte rendu de visite')
          .map((r) => r['Statut']),
      )
      .toEqual(['Annulée']);
  });
});
