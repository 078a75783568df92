/**
 * Seed 000, steps 3 to 5, replayed in the workbench by visible French labels: stop ACAR
 * Laurie's stage on 27/02/2023, assign her a new stage 01/03/2023 – 31/03/2023, give the second
 * row BANQUE POPULAIRE DU NORD DENAIN, remove the stop; then the same rows with « Scinder » in
 * one action; then bad inputs, each refused in French with nothing written.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { benchFor, menu, openSheet, rowCell, sheetRows } from './harness';

const bench = benchFor({ seed: 'full' });

const COLUMNS = [
  'Début',
  'Fin',
  'Élève',
  'Entreprise',
  'Tuteur entreprise',
  'Référent établissement',
  "Date d'arrêt",
  "Motif d'arrêt",
  // The manual route and « Scinder » agree on it too: no stop left, no "Fin initiale".
  'Fin initiale',
];

async function rowsOf(page: Page, student: string): Promise<Record<string, string>[]> {
  const rows = await sheetRows(page);
  return rows
    .filter((r) => r['Élève'] === student)
    .map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? ''])))
    .sort((a, b) =>
      (a['Début'] ?? '')
        .split('/')
        .reverse()
        .join('')
        .localeCompare((b['Début'] ?? '').split('/').reverse().join('')),
    );
}

/** Waits until the drawn sheet shows `n` rows for the student. */
async function waitRows(page: Page, student: string, n: number): Promise<void> {
  await expect.poll(async () => (await rowsOf(page, student)).length, { timeout: 10_000 }).toBe(n);
}

async function selectStage(match: Record<string, string>, expectInFiche: string): Promise<void> {
  const { page, sidebar } = bench;
  await openSheet(page, 'Stages');
  await (await rowCell(page, match, 'Élève')).click();
  await sidebar.getByRole('navigation').getByRole('button', { name: 'Fiche stage' }).click();
  await sidebar
    .getByRole('tabpanel', { name: 'Général' })
    .getByText(expectInFiche)
    .first()
    .waitFor();
}

const SEED_FINAL = [
  {
    Début: '01/02/2023',
    Fin: '27/02/2023',
    Élève: 'ACAR Laurie',
    Entreprise: 'CREDIT AGRICOLE DU NORD CAMBRAI',
    'Tuteur entreprise': 'M. ECUSSON Blase',
    'Référent établissement': 'M. BRUEL Patrick',
    "Date d'arrêt": '',
    "Motif d'arrêt": '',
    'Fin initiale': '',
  },
  {
    Début: '01/03/2023',
    Fin: '31/03/2023',
    Élève: 'ACAR Laurie',
    Entreprise: 'BANQUE POPULAIRE DU NORD DENAIN',
    'Tuteur entreprise': '',
    'Référent établissement': '',
    "Date d'arrêt": '',
    "Motif d'arrêt": '',
    'Fin initiale': '',
  },
];

describe('seed 000: two stages in one session, by stop + new stage + remove the stop', () => {
  it('stops the stage on 27/02/2023 with a reason', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Ouvrir la fiche stage');
    await selectStage({ Élève: 'ACAR Laurie' }, 'CREDIT AGRICOLE DU NORD CAMBRAI');
    await sidebar.getByRole('button', { name: 'Arrêter le stage…' }).click();
    await sidebar.getByLabel("Date d'arrêt").fill('27/02/2023');
    await sidebar.getByLabel("Motif d'arrêt").fill("Fin du stage dans l'entreprise X");
    await sidebar.getByRole('button', { name: 'Arrêter le stage', exact: true }).click();

    const general = sidebar.getByRole('tabpanel', { name: 'Général' });
    await general.getByText('Stage arrêté').waitFor();
    const text = await general.innerText();
    expect(text).toContain('27/02/2023');
    expect(text).toContain("Fin du stage dans l'entreprise X");
    expect(text).toContain('01/02/2023 – 27/02/2023');
    expect(text).toContain('Fin initiale : 31/03/2023');

    await expect
      .poll(async () => (await rowsOf(page, 'ACAR Laurie'))[0]?.['Fin'])
      .toBe('27/02/2023');
    const [row] = await sheetRows(page).then((r) => r.filter((x) => x['Élève'] === 'ACAR Laurie'));
    expect(row).toMatchObject({
      "Date d'arrêt": '27/02/2023',
      'Fin initiale': '31/03/2023',
      Phase: 'Arrêté',
    });
    // "Stage arrêté" in red: the row's font is red.
    const color = await (
      await rowCell(page, { Élève: 'ACAR Laurie' }, 'Phase')
    ).evaluate((td) => getComputedStyle(td).color);
    const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(100);
    expect(b).toBeLessThan(100);
  });

  it('assigns a new stage 01/03/2023 – 31/03/2023: two rows for the student', async () => {
    const { page, sidebar } = bench;
    await sidebar.getByRole('button', { name: 'Assigner un nouveau stage…' }).click();
    await sidebar.getByText('Période de la session : 01/02/2023 – 31/03/2023').waitFor();
    await sidebar.getByLabel('Début').fill('01/03/2023');
    await sidebar.getByLabel('Fin', { exact: true }).fill('31/03/2023');
    await sidebar.getByRole('button', { name: 'Assigner le stage' }).click();
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();
    await waitRows(page, 'ACAR Laurie', 2);
    await sidebar.getByRole('tab', { name: "Stages de l'élève" }).click();
    const list = sidebar.getByRole('list', { name: "Stages de l'élève dans la session" });
    await list.getByText('01/03/2023 – 31/03/2023').waitFor();
    await list.getByText('01/02/2023 – 27/02/2023').waitFor();
    await sidebar.getByRole('tab', { name: 'Général' }).click();
  });

  it('gives the second row BANQUE POPULAIRE DU NORD DENAIN', async () => {
    const { page, sidebar } = bench;
    await selectStage({ Élève: 'ACAR Laurie', Début: '01/03/2023' }, '01/03/2023 – 31/03/2023');
    await sidebar.getByRole('button', { name: 'Réaffecter…' }).click();
    await sidebar
      .getByLabel('Entreprise', { exact: true })
      .selectOption({ label: 'BANQUE POPULAIRE DU NORD DENAIN' });
    await sidebar.getByRole('button', { name: 'Réaffecter', exact: true }).click();
    await sidebar
      .getByRole('tabpanel', { name: 'Général' })
      .getByText('BANQUE POPULAIRE DU NORD DENAIN')
      .waitFor();
    await expect
      .poll(async () => (await rowsOf(page, 'ACAR Laurie'))[1]?.['Entreprise'])
      .toBe('BANQUE POPULAIRE DU NORD DENAIN');
  });

  it("removes the stop: date and reason go, the dates stay, the end can't be restored", async () => {
    const { page, sidebar } = bench;
    await selectStage({ Élève: 'ACAR Laurie', Début: '01/02/2023' }, 'Stage arrêté');
    await sidebar.getByRole('button', { name: "Enlever l'arrêt" }).click();
    const restore = sidebar.getByLabel(/Rétablir la fin initiale/);
    await restore.waitFor();
    // The second stage occupies 01/03 – 31/03: the original end is not offered.
    expect(await restore.isDisabled()).toBe(true);
    await sidebar.getByRole('button', { name: "Enlever l'arrêt", exact: true }).click();
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();
    await expect
      .poll(async () => sidebar.getByRole('tabpanel', { name: 'Général' }).innerText())
      .not.toContain('Stage arrêté');
    await expect.poll(async () => rowsOf(page, 'ACAR Laurie')).toEqual(SEED_FINAL);
  });
});

describe('the same in one action with « Scinder le stage… »', () => {
  it('gives the seed’s final rows', async () => {
    const { page, sidebar } = bench;
    const reset = page.getByRole('button', { name: "Réinitialiser l'exemple" });
    await reset.click();
    await page.getByRole('button', { name: 'Confirmer la réinitialisation' }).click();
    await waitRows(page, 'ACAR Laurie', 1);

    await menu(page, 'Ouvrir la fiche stage');
    await selectStage({ Élève: 'ACAR Laurie' }, 'CREDIT AGRICOLE DU NORD CAMBRAI');
    await sidebar.getByRole('button', { name: 'Scinder le stage…' }).click();
    await sidebar.getByLabel('Date de début de la 2e partie').fill('01/03/2023');
    await sidebar.getByLabel('Dernier jour de la 1re partie (facultatif)').fill('27/02/2023');
    await sidebar.getByLabel('Simple découpage').check();
    await sidebar.getByLabel("La 2e partie garde l'entreprise, le tuteur et le référent").uncheck();
    await sidebar
      .getByLabel('Entreprise', { exact: true })
      .selectOption({ label: 'BANQUE POPULAIRE DU NORD DENAIN' });
    await sidebar.getByRole('button', { name: 'Scinder le stage', exact: true }).click();
    await sidebar.getByRole('heading', { name: 'Fiche stage' }).waitFor();
    await expect
      .poll(async () => rowsOf(page, 'ACAR Laurie'), { timeout: 10_000 })
      .toEqual(SEED_FINAL);
  });
});

describe('bad inputs: a French message, nothing written', () => {
  const stagesValues = () => bench.wb.session.emulator.sheets.debugGetValues('Stages', 'A1:AA40');
  const journalValues = () => bench.wb.session.emulator.sheets.debugGetValues('Journal', 'A1:F200');

  async function refused(
    fill: () => Promise<void>,
    submit: string,
    message: RegExp,
  ): Promise<void> {
    const { sidebar } = bench;
    const before = JSON.stringify([stagesValues(), journalValues()]);
    await fill();
    await sidebar.getByRole('button', { name: submit, exact: true }).click();
    const alert = sidebar.getByRole('alert');
    await alert.getByText(message).waitFor();
    // The message is also next to the field at fault.
    await sidebar.locator('.field-error').getByText(message).waitFor();
    expect(JSON.stringify([stagesValues(), journalValues()])).toBe(before);
  }

  it('refuses a stop date outside the stage, a missing reason and a date typed as text', async () => {
    const { sidebar } = bench;
    await selectStage({ Élève: 'ACNA Camille' }, 'BANQUE POPULAIRE DU NORD DENAIN');
    await sidebar.getByRole('button', { name: 'Arrêter le stage…' }).click();
    const date = sidebar.getByLabel("Date d'arrêt");
    const reason = sidebar.getByLabel("Motif d'arrêt");
    await refused(
      async () => {
        await date.fill('15/04/2023');
        await reason.fill('Raison');
      },
      'Arrêter le stage',
      /La date d'arrêt \(15\/04\/2023\) doit tomber pendant le stage/,
    );
    await refused(
      async () => {
        await date.fill('27/02/2023');
        await reason.fill('');
      },
      'Arrêter le stage',
      /Le motif de l'arrêt est obligatoire/,
    );
    await refused(
      async () => {
        await date.fill('vingt-sept février');
        await reason.fill('Raison');
      },
      'Arrêter le stage',
      /« vingt-sept février » n'est pas une date/,
    );
    await sidebar.getByRole('button', { name: '← Retour à la fiche' }).click();
  });

  it('refuses a new stage overlapping the student’s stage', async () => {
    const { sidebar } = bench;
    await sidebar.getByRole('button', { name: 'Assigner un nouveau stage…' }).click();
    await refused(
      async () => {
        await sidebar.getByLabel('Début').fill('15/03/2023');
        await sidebar.getByLabel('Fin', { exact: true }).fill('31/03/2023');
      },
      'Assigner le stage',
      /Ces dates chevauchent un autre stage de l'élève/,
    );
  });
});
