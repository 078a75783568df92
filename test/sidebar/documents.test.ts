/**
 * Issue 10's proof in the workbench, by visible French labels: the templates created from the
 * sidebar; ACAR Laurie's stage stopped and a new stage given (as seed 000 does); the report
 * before anything is created, listing what an incomplete stage lacks; her two conventions
 * generated for her selected rows, their links in the rows' « Convention » cells, each opened
 * and read (her name, the company); the panel checked with axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, benchFor, menu, openSheet, rowCell, sidebarFrame } from './harness';

const bench = benchFor({ seed: 'full' });

/** The emulated document shown in the workbench's document view. */
const docView = (page: Page) => page.frameLocator('#docview-frame');

async function closeDoc(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fermer le document' }).click();
  await page.locator('#docview').waitFor({ state: 'hidden' });
}

async function selectStage(match: Record<string, string>): Promise<void> {
  const { page } = bench;
  await openSheet(page, 'Stages');
  await (await rowCell(page, match, 'Élève')).click();
}

describe('documents: the school completes what conventions need', () => {
  it('fills the school and head of school in Paramètres', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Paramètres…');
    const f = sidebar.getByRole('form', { name: 'Paramètres' });
    await f.getByLabel("Nom de l'établissement").fill('Lycée Jean Moulin');
    await f.getByLabel('Adresse').fill('2 rue de la République, 59400 Cambrai');
    await f.getByLabel("Chef d'établissement").fill('Mme DURAND Claire');
    await f.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await sidebar.getByRole('status').filter({ hasText: /./ }).waitFor();
  });

  it('gives both companies their SIRET and signatory', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Entreprises…');
    const f = sidebar.getByRole('form', { name: 'Entreprise' });
    const fix = async (name: string, siret: string, signatory: string) => {
      await f.getByLabel('Entreprise', { exact: true }).selectOption({ label: name });
      await expect.poll(() => f.getByLabel('Raison sociale').inputValue()).toBe(name);
      await f.getByLabel('SIRET').fill(siret);
      await f.getByLabel('Nom du signataire').fill(signatory);
      await f.getByLabel('Fonction du signataire').fill('Directeur d’agence');
      await f.getByRole('button', { name: 'Enregistrer les modifications' }).click();
      await sidebar.getByRole('status').getByText(`Entreprise « ${name} » enregistrée.`).waitFor();
    };
    await fix('CREDIT AGRICOLE DU NORD CAMBRAI', '44306184100047', 'Paul LEROY');
    await fix('BANQUE POPULAIRE DU NORD DENAIN', '75500100000016', 'Anne MOREL');
  });

  it('stops ACAR Laurie’s stage on 27/02/2023 and gives her a new stage in another company', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Ouvrir la fiche stage');
    await selectStage({ Élève: 'ACAR Laurie' });
    const general = sidebar.getByRole('tabpanel', { name: 'Général' });
    await general.getByText('CREDIT AGRICOLE DU NORD CAMBRAI').waitFor();
    await sidebar.getByRole('button', { name: 'Arrêter le stage…' }).click();
    await sidebar.getByLabel("Date d'arrêt").fill('27/02/2023');
    await sidebar.getByLabel("Motif d'arrêt").fill("Fin du stage dans l'entreprise X");
    await sidebar.getByRole('button', { name: 'Arrêter le stage', exact: true }).click();
    await general.getByText('Stage arrêté').waitFor();

    await sidebar.getByRole('button', { name: 'Assigner un nouveau stage…' }).click();
    await sidebar.getByLabel('Début').fill('01/03/2023');
    await sidebar.getByLabel('Fin', { exact: true }).fill('31/03/2023');
    await sidebar
      .getByLabel('Entreprise', { exact: true })
      .selectOption({ label: 'BANQUE POPULAIRE DU NORD DENAIN' });
    await sidebar.getByLabel('Tuteur entreprise').selectOption({ label: 'M. BONNET Frédéric' });
    await sidebar.getByLabel('Référent établissement').selectOption({ label: 'M. BRUEL Patrick' });
    await sidebar.getByRole('button', { name: 'Assigner le stage' }).click();
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();
    await expect
      .poll(async () => {
        await openSheet(page, 'Stages');
        return page.locator('#grid td', { hasText: 'ACAR Laurie' }).count();
      })
      .toBe(2);
  });
});

describe('documents: templates, report, generation', () => {
  it('creates the templates from the menu, opens and checks one', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Modèles de documents…');
    await sidebar.getByRole('heading', { name: 'Documents', level: 2 }).waitFor();
    await sidebar.getByRole('button', { name: 'Créer les modèles' }).click();
    const open = sidebar.getByRole('link', {
      name: /^Ouvrir le modèle Convention de stage \(BTS/,
    });
    await open.waitFor();
    await sidebar.getByRole('button', { name: 'Créer les modèles' }).waitFor({ state: 'hidden' });

    // The template opens in the workbench as staff would see it in Docs: placeholders and all.
    await open.click();
    await docView(page)
      .getByText(/\{\{eleve\.nom/)
      .first()
      .waitFor();
    await closeDoc(page);

    await sidebar
      .getByRole('button', { name: /^Vérifier le modèle Convention de stage \(BTS/ })
      .click();
    await sidebar
      .getByRole('list', { name: 'Modèles de documents' })
      .getByText(/^Aucune balise inconnue \(\d+ balises reconnues\)\.$/)
      .waitFor();

    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
  });

  it('reports, before anything is created, the stages left out and what each lacks', async () => {
    const { page, sidebar } = bench;
    // The menu's « Générer les conventions… » opens the panel on « Générer ».
    await menu(page, 'Générer les conventions…');
    await expect
      .poll(async () =>
        (await sidebarFrame(page)).evaluate(() => document.activeElement?.textContent ?? ''),
      )
      .toBe('Générer');
    const f = sidebar.getByRole('form', { name: 'Générer des documents' });
    await f.getByLabel('Toute une session').check();
    await f
      .getByLabel('Session', { exact: true })
      .selectOption({ label: 'BTS 1 info période 1 (01/02/2023 - 31/03/2023)' });
    const before = bench.wb.session.emulator.drive.all().length;
    await f.getByRole('button', { name: 'Vérifier', exact: true }).click();
    // ACAR Laurie's two stages and ACNA Camille's are complete; the eight others have no company.
    await sidebar.getByText('3 conventions à créer', { exact: true }).waitFor();
    const incomplete = sidebar.getByRole('list', { name: 'Stages incomplets' });
    const benali = incomplete.getByRole('listitem').filter({ hasText: 'BENALI Yanis' });
    await benali.waitFor();
    expect(await benali.innerText()).toMatch(/Pas d'entreprise/);
    expect(await sidebar.getByRole('button', { name: 'Générer 3 conventions' }).count()).toBe(1);
    // Nothing was created by the report.
    expect(bench.wb.session.emulator.drive.all().length).toBe(before);
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
  });

  it('generates ACAR Laurie’s two conventions for her selected rows', async () => {
    const { page, sidebar } = bench;
    await openSheet(page, 'Stages');
    const first = await rowCell(page, { Élève: 'ACAR Laurie', Début: '01/02/2023' }, 'Élève');
    const second = await rowCell(page, { Élève: 'ACAR Laurie', Début: '01/03/2023' }, 'Élève');
    await first.click();
    await second.click({ modifiers: ['Shift'] });
    const f = sidebar.getByRole('form', { name: 'Générer des documents' });
    await f.getByLabel('Les lignes sélectionnées (2)').check();
    await f.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await sidebar.getByText('2 conventions à créer', { exact: true }).waitFor();
    await sidebar.getByRole('button', { name: 'Générer 2 conventions' }).click();
    const job = sidebar.getByRole('group', { name: 'Génération en cours' });
    await job.getByText('Terminé : 2 / 2 conventions.').waitFor();
    expect(
      await job
        .getByRole('progressbar', { name: 'Progression de la génération' })
        .getAttribute('aria-valuetext'),
    ).toBe('2 / 2 conventions');
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
  });

  it('shows the links in the rows and opens each convention, filled', async () => {
    const { page } = bench;
    await openSheet(page, 'Stages');
    const expectations = [
      { Début: '01/02/2023', company: 'CREDIT AGRICOLE DU NORD CAMBRAI' },
      { Début: '01/03/2023', company: 'BANQUE POPULAIRE DU NORD DENAIN' },
    ];
    for (const e of expectations) {
      const link = async () =>
        (await rowCell(page, { Élève: 'ACAR Laurie', Début: e.Début }, 'Convention')).locator(
          'a.cell-link',
        );
      await expect.poll(async () => (await link()).count(), { timeout: 10_000 }).toBe(1);
      await (await link()).click();
      const doc = docView(page);
      await doc.getByText(e.company).first().waitFor();
      const text = await doc.locator('main').innerText();
      expect(text).toContain('ACAR');
      expect(text).toContain('Laurie');
      expect(text).toContain(e.company);
      // Every placeholder was replaced.
      expect(text).not.toContain('{{');
      await closeDoc(page);
    }
  });

  it('the fiche links the convention too, opened the same way', async () => {
    const { page, sidebar } = bench;
    await selectStage({ Élève: 'ACAR Laurie', Début: '01/03/2023' });
    await sidebar.getByRole('navigation').getByRole('button', { name: 'Fiche stage' }).click();
    await sidebar.getByRole('link', { name: 'Ouvrir la convention' }).click();
    await docView(page).getByText('BANQUE POPULAIRE DU NORD DENAIN').first().waitFor();
    await closeDoc(page);
  });

  it('makes a session’s own convention template, and opens it', async () => {
    const { page, sidebar } = bench;
    await sidebar.getByRole('navigation').getByRole('button', { name: 'Documents' }).click();
    const form = sidebar.getByRole('form', { name: 'Modèle propre à une session' });
    // The seeded workbook has one session, after the empty choice.
    await form.getByLabel('Session').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Créer ou ouvrir le modèle de la session' }).click();
    const link = form.getByRole('link', { name: /Convention de stage.*BTS 1 info période 1/ });
    await link.waitFor();
    await link.click();
    await docView(page)
      .getByText(/\{\{eleve\.nom/)
      .first()
      .waitFor();
    await closeDoc(page);
  });
});
