/**
 * The workbench as a user meets it: the add-on menu opens the fiche stage, clicking a row of the
 * Stages sheet shows that stage, the sidebar works with the keyboard alone, and axe-core finds
 * no serious or critical accessibility violation in any panel.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, benchFor, menu, rowCell, sidebarFrame } from './harness';

const bench = benchFor({ seed: 'full' });

describe('fiche stage', () => {
  it('the add-on menu is the one onOpen registered', async () => {
    const { page } = bench;
    await page.getByRole('menuitem', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'Suivi des stages' }).click();
    const captions = await page.locator('.submenu [role=menuitem]').allTextContents();
    expect(captions).toContain('Ouvrir la fiche stage');
    expect(captions).toContain('Arrêter le stage…');
    expect(captions).toContain('Initialiser le classeur');
    await page.keyboard.press('Escape');
  });

  it('opens from the menu and shows the empty state when no stage row is selected', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Ouvrir la fiche stage');
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();
    await sidebar.getByText('Sélectionnez une ligne de la feuille Stages.').first().waitFor();
  });

  it("follows the selection: clicking ACAR Laurie's row shows her stage", async () => {
    const { page, sidebar } = bench;
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    const general = sidebar.getByRole('tabpanel', { name: 'Général' });
    await general.getByText('CREDIT AGRICOLE DU NORD CAMBRAI').waitFor();
    const text = await general.innerText();
    expect(text).toContain('BTS 1 info période 1');
    expect(text).toContain('01/02/2023 – 31/03/2023');
    expect(text).toContain('ACAR Laurie');
    expect(text).toContain('BTS1');
    expect(text).toContain('M. ECUSSON Blase');
    expect(text).toContain('BRUEL Patrick');
    expect(text).not.toContain('Stage arrêté');
  });

  it('follows the selection to another row', async () => {
    const { page, sidebar } = bench;
    await (await rowCell(page, { Élève: 'ACNA Camille' }, 'Session')).click();
    const general = sidebar.getByRole('tabpanel', { name: 'Général' });
    await general.getByText('BANQUE POPULAIRE DU NORD DENAIN').waitFor();
    expect(await general.innerText()).toContain('M. BONNET Frédéric');
  });

  it('a form typed for one stage empties when another row is selected (never sent for it)', async () => {
    const { page, sidebar } = bench;
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await menu(page, 'Arrêter le stage…');
    await sidebar.getByLabel("Date d'arrêt").fill('20/02/2023');
    await sidebar.getByLabel("Motif d'arrêt").fill('Essai');
    await (await rowCell(page, { Élève: 'ACNA Camille' }, 'Élève')).click();
    await sidebar.getByText(/formulaire est vidé pour ACNA Camille/).waitFor();
    expect(await sidebar.getByLabel("Date d'arrêt").inputValue()).toBe('');
    expect(await sidebar.getByLabel("Motif d'arrêt").inputValue()).toBe('');
    await menu(page, 'Ouvrir la fiche stage');
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();
  });

  it('each menu item opens its panel, and the navigation marks the screen it belongs to', async () => {
    const { page, sidebar } = bench;
    const current = () =>
      sidebar.getByRole('navigation').locator('[aria-current=page]').allTextContents();
    for (const [caption, heading, navItem] of [
      ['Ouvrir la fiche stage', 'Fiche stage', 'Fiche stage'],
      ['Gestion des stages (filtres)', 'Gestion des stages', 'Gestion'],
      ['Nouvelle session…', 'Session de stage', 'Session'],
      ['Importer élèves ou entreprises…', 'Importer', 'Importer'],
      ['Arrêter le stage…', 'Arrêt du stage', 'Fiche stage'],
      ["Enlever l'arrêt", 'Arrêt du stage', 'Fiche stage'],
      ['Assigner un nouveau stage…', 'Assigner un nouveau stage', 'Fiche stage'],
      ['Scinder le stage…', 'Scinder le stage', 'Fiche stage'],
      ['Réaffecter…', 'Réaffecter le stage', 'Fiche stage'],
      ['Absences…', 'Absences', 'Absences'],
      ['Paramètres…', 'Paramètres', 'Paramètres'],
      ['Entreprises…', 'Entreprises', 'Entreprises'],
    ] as const) {
      await menu(page, caption);
      await sidebar.getByRole('heading', { name: heading, exact: true }).waitFor();
      expect(await current(), caption).toEqual([navItem]);
    }
    // Moving inside the sidebar marks the new screen only.
    await sidebar.getByRole('navigation').getByRole('button', { name: 'Gestion' }).click();
    await sidebar.getByRole('heading', { name: 'Gestion des stages' }).waitFor();
    expect(await current()).toEqual(['Gestion']);
    await menu(page, 'Ouvrir la fiche stage');
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();
  });

  it('is usable with the keyboard alone', async () => {
    const { page, sidebar } = bench;
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await sidebar
      .getByRole('tabpanel', { name: 'Général' })
      .getByText('CREDIT AGRICOLE DU NORD CAMBRAI')
      .waitFor();
    const frame = await sidebarFrame(page);
    const focused = () =>
      frame.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          text: el?.textContent?.trim() ?? '',
          role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '',
          outline: el ? getComputedStyle(el).outlineStyle : 'none',
        };
      });

    // From the top of the sidebar, Tab walks the navigation and reaches the fiche's tabs.
    await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await sidebar.getByRole('button', { name: 'Fiche stage' }).focus();
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      const f = await focused();
      seen.push(f.text);
      if (f.role === 'tab') break;
      await page.keyboard.press('Tab');
    }
    expect(seen.slice(0, 6)).toEqual([
      'Fiche stage',
      'Gestion',
      'Session',
      'Importer',
      'Absences',
      'Paramètres',
    ]);
    const onTab = await focused();
    expect(onTab).toMatchObject({ role: 'tab', text: 'Général' });
    expect(onTab.outline).not.toBe('none');

    // Arrow keys move between tabs and show their panel.
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ role: 'tab', text: "Stages de l'élève" });
    await sidebar
      .getByRole('tabpanel', { name: "Stages de l'élève" })
      .getByText('(ce stage)')
      .waitFor();
    await page.keyboard.press('Home');
    expect(await focused()).toMatchObject({ role: 'tab', text: 'Général' });

    // Tab leaves the tablist (one tab stop), enters the panel, then the actions.
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ role: 'tabpanel' });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ text: 'Arrêter le stage…' });

    // Enter opens the stop form; the focus lands on its heading; Enter in a field submits.
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ text: 'Arrêt du stage' });
    await page.keyboard.press('Tab');
    await page.keyboard.type('12/12/2023');
    await page.keyboard.press('Enter');
    const error = sidebar.getByRole('alert');
    await error.getByText(/date d.arrêt/i).waitFor();
    const field = await focused();
    expect(field.role).toBe('input');

    // Back to the fiche with the keyboard: nothing was changed.
    await sidebar.getByRole('button', { name: '← Retour à la fiche' }).focus();
    await page.keyboard.press('Enter');
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();
    expect(await sidebar.getByRole('tabpanel', { name: 'Général' }).innerText()).not.toContain(
      'Stage arrêté',
    );
  });

  it('has no serious or critical accessibility violation (axe-core) in any panel', async () => {
    const { page, sidebar } = bench;
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await sidebar
      .getByRole('tabpanel', { name: 'Général' })
      .getByText('CREDIT AGRICOLE DU NORD CAMBRAI')
      .waitFor();
    const frame = await sidebarFrame(page);
    const report: Record<string, unknown[]> = {};
    const check = async (name: string) => {
      const v = await axeViolations(frame);
      if (v.length > 0) report[name] = v;
    };
    await check('fiche');
    await sidebar.getByRole('tab', { name: "Stages de l'élève" }).click();
    await check('fiche / stages');
    await sidebar.getByRole('button', { name: 'Arrêter le stage…' }).click();
    await sidebar.getByRole('heading', { name: 'Arrêt du stage' }).waitFor();
    await check('stop');
    await sidebar.getByRole('button', { name: '← Retour à la fiche' }).click();
    for (const [button, heading] of [
      ['Assigner un nouveau stage…', 'Assigner un nouveau stage'],
      ['Scinder le stage…', 'Scinder le stage'],
      ['Réaffecter…', 'Réaffecter le stage'],
    ] as const) {
      await sidebar.getByRole('button', { name: button }).click();
      await sidebar.getByRole('heading', { name: heading, exact: true }).waitFor();
      await check(heading);
      await sidebar.getByRole('button', { name: '← Retour à la fiche' }).click();
    }
    for (const [nav, heading] of [
      ['Gestion', 'Gestion des stages'],
      ['Session', 'Session de stage'],
      ['Importer', 'Importer'],
      ['Absences', 'Absences'],
      ['Paramètres', 'Paramètres'],
    ] as const) {
      await sidebar.getByRole('navigation').getByRole('button', { name: nav, exact: true }).click();
      await sidebar.getByRole('heading', { name: heading, exact: true }).waitFor();
      await check(heading);
    }
    // The filter list and the error banner are checked too.
    await sidebar
      .getByRole('navigation')
      .getByRole('button', { name: 'Gestion', exact: true })
      .click();
    await sidebar.getByRole('button', { name: 'Filtrer' }).click();
    await sidebar.getByText(/stages? sur/).waitFor();
    await check('gestion (résultats)');
    expect(report).toEqual({});
  });
});
