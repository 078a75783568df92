/**
 * The stage calendar after the seed's stop and new stage: the colours of 27/02/2023 (stop day),
 * 01/03/2023 (the student's second stage), a weekend and a public holiday, each compared with
 * the legend swatch the sheet itself draws, as a user reads it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { benchFor, menu, openSheet, rowCell } from './harness';

const bench = benchFor({ seed: 'full' });

/** Background of the calendar cell in the month column `month` whose text starts with `day`. */
async function dayColour(page: Page, month: string, day: string): Promise<string> {
  return page.evaluate(
    ([m, d]) => {
      const cells = [...document.querySelectorAll<HTMLElement>('#grid td')];
      const head = cells.find((td) => td.textContent === m);
      if (!head) throw new Error(`Colonne ${m} absente`);
      const cell = cells.find(
        (td) => td.dataset.c === head.dataset.c && (td.textContent ?? '').startsWith(d),
      );
      if (!cell) throw new Error(`Jour ${d} absent de ${m}`);
      return getComputedStyle(cell).backgroundColor;
    },
    [month, day] as const,
  );
}

/** Background of the legend swatch beside the legend text `label`. */
async function legendColour(page: Page, label: string): Promise<string> {
  return page.evaluate((l) => {
    const cell = [...document.querySelectorAll<HTMLElement>('#grid td')].find(
      (td) => td.textContent === l,
    );
    const swatch = cell?.previousElementSibling as HTMLElement | null;
    if (!swatch) throw new Error(`Légende « ${l} » absente`);
    return getComputedStyle(swatch).backgroundColor;
  }, label);
}

describe('calendar', () => {
  it('colours the stop day, the second stage, weekends and holidays as its legend says', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Ouvrir la fiche stage');
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await sidebar
      .getByRole('tabpanel', { name: 'Général' })
      .getByText('CREDIT AGRICOLE DU NORD CAMBRAI')
      .waitFor();

    await sidebar.getByRole('button', { name: 'Arrêter le stage…' }).click();
    await sidebar.getByLabel("Date d'arrêt").fill('27/02/2023');
    await sidebar.getByLabel("Motif d'arrêt").fill('Changement d’entreprise');
    await sidebar.getByRole('button', { name: 'Arrêter le stage', exact: true }).click();
    await sidebar.getByRole('tabpanel', { name: 'Général' }).getByText('Stage arrêté').waitFor();
    await sidebar.getByRole('button', { name: 'Assigner un nouveau stage…' }).click();
    await sidebar.getByLabel('Début').fill('01/03/2023');
    await sidebar.getByLabel('Fin', { exact: true }).fill('31/03/2023');
    await sidebar.getByRole('button', { name: 'Assigner le stage' }).click();
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();

    await sidebar.getByRole('button', { name: 'Calendrier' }).click();
    await sidebar
      .getByRole('status')
      .getByText(/Calendrier/)
      .waitFor();
    const calendar = page.getByRole('tab', { name: 'Calendrier' });
    await calendar.waitFor();
    if ((await calendar.getAttribute('aria-selected')) !== 'true') await calendar.click();
    await page.locator('table.sheet[aria-label="Feuille Calendrier"]').waitFor();
    await page.getByRole('cell', { name: "Jour d'arrêt du stage" }).waitFor();

    const stop = await legendColour(page, "Jour d'arrêt du stage");
    const other = await legendColour(page, "Autre stage de l'élève");
    const stage = await legendColour(page, 'Stage');
    const weekend = await legendColour(page, 'Week-end');
    const holiday = await legendColour(page, 'Jour férié');
    expect(new Set([stop, other, stage, weekend, holiday]).size).toBe(5);

    expect(await dayColour(page, 'Fév. 23', 'Lu. 27')).toBe(stop);
    expect(await dayColour(page, 'Fév. 23', 'Ve. 24')).toBe(stage);
    expect(await dayColour(page, 'Mar. 23', 'Me. 01')).toBe(other);
    // Saturday 1 October 2022 (no stage then) and Toussaint, 1 November 2022.
    expect(await dayColour(page, 'Oct. 22', 'Sa. 01')).toBe(weekend);
    expect(await dayColour(page, 'Nov. 22', 'Fé. 01')).toBe(holiday);
  });

  it('draws the session overview: a row per stage, the stop day in the stop colour', async () => {
    const { page, sidebar } = bench;
    await openSheet(page, 'Stages');
    await (await rowCell(page, { Élève: 'ACAR Laurie', Début: '01/02/2023' }, 'Élève')).click();
    await sidebar.getByRole('navigation').getByRole('button', { name: 'Absences' }).click();
    await sidebar.locator('.stage-context').getByText('ACAR Laurie').waitFor();
    await sidebar.getByRole('button', { name: "Vue d'ensemble" }).click();
    const tab = page.getByRole('tab', { name: "Vue d'ensemble" });
    await tab.waitFor();
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await page.locator(`table.sheet[aria-label="Feuille Vue d'ensemble"]`).waitFor();
    const text = await page.locator('#grid').innerText();
    expect(text).toContain('ACAR Laurie');
    expect(text).toContain('ACNA Camille');
    // Here the legend's labels carry their own colour; ACAR Laurie's row has the stop day.
    const found = await page.evaluate(() => {
      const cells = [...document.querySelectorAll<HTMLElement>('#grid td')];
      const legend = cells.find((td) => td.textContent === "Jour d'arrêt du stage");
      const stop = legend ? getComputedStyle(legend).backgroundColor : '';
      const row = cells.find((td) => td.textContent?.startsWith('ACAR Laurie'))?.parentElement;
      const days = row ? [...row.querySelectorAll<HTMLElement>('td')] : [];
      return {
        stop,
        stopDays: days.filter((td) => getComputedStyle(td).backgroundColor === stop).length,
        others: cells.filter(
          (td) =>
            td.parentElement !== row &&
            td !== legend &&
            getComputedStyle(td).backgroundColor === stop,
        ).length,
      };
    });
    expect(found.stop).not.toBe('');
    expect(found.stopDays).toBe(1);
    expect(found.others).toBe(0);
  });
});
