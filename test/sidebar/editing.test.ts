/**
 * Typing in the drawn sheet as in Sheets: a double-click, Enter or a typed key opens the cell's
 * editor, Enter writes the value, then the add-on's onEdit runs and the page redraws; Escape
 * cancels; strict validation and warning-only protections answer as Sheets does.
 */
import { describe, expect, it } from 'vitest';
import { benchFor, rowCell } from './harness';

const bench = benchFor({ seed: 'full', today: '2023-02-15' });

/** The drawn cell `header` of `student`'s stage, holding exactly `text` (waits for it). */
async function cellWith(student: string, header: string, text: string) {
  const cell = await rowCell(bench.page, { Élève: student }, header);
  await cell.filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
  return cell;
}

describe('the page', () => {
  it('shows the emulated date it runs on', async () => {
    await bench.page
      .getByText('Date du jour émulée : mercredi 15 février 2023 (fixée par --today)')
      .waitFor();
  });
});

describe('typing in a cell of the workbench', () => {
  it('a new end date typed in a Stages row recounts its presence (onEdit)', async () => {
    const { page } = bench;
    await cellWith('ACAR Laurie', 'Présence', '1 mois 21 jours');
    const end = await cellWith('ACAR Laurie', 'Fin', '31/03/2023');
    await end.dblclick();
    const editor = page.getByRole('textbox', { name: /^Modifier la cellule D\d+$/ });
    expect(await editor.inputValue()).toBe('31/03/2023');
    await editor.fill('10/02/2023');
    await editor.press('Enter');
    await editor.waitFor({ state: 'detached' });
    // 01/02 → 10/02/2023: 8 working days of 7 h, counted again by the add-on's onEdit.
    await cellWith('ACAR Laurie', 'Présence', '8 jours');
    await cellWith('ACAR Laurie', 'Fin', '10/02/2023');
    // Enter moved the selection one row down, as in Sheets.
    const below = await rowCell(page, { Élève: 'ACNA Camille' }, 'Fin');
    await below.and(page.locator('td.active')).waitFor();
  });

  it('typing on a selected cell replaces it, with the keyboard alone', async () => {
    const { page } = bench;
    await (await cellWith('ACNA Camille', 'Fin', '31/03/2023')).click();
    await page.keyboard.type('17/03/2023');
    const editor = page.getByRole('textbox', { name: /^Modifier la cellule D\d+$/ });
    expect(await editor.inputValue()).toBe('17/03/2023');
    await page.keyboard.press('Enter');
    await cellWith('ACNA Camille', 'Présence', '1 mois 11 jours');
  });

  it('Escape leaves the cell as it was', async () => {
    const { page } = bench;
    await (await cellWith('BENALI Yanis', 'Fin', '31/03/2023')).click();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: /^Modifier la cellule D\d+$/ });
    await editor.fill('01/03/2023');
    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await cellWith('BENALI Yanis', 'Fin', '31/03/2023');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('grid');
  });

  it('refuses text in a date column, as strict validation does, and writes nothing', async () => {
    const { page } = bench;
    await (await cellWith('CARPENTIER Manon', 'Fin', '31/03/2023')).dblclick();
    const editor = page.getByRole('textbox', { name: /^Modifier la cellule D\d+$/ });
    await editor.fill('fin mars');
    await editor.press('Enter');
    await page
      .getByRole('status')
      .getByText(/Saisie refusée.*Une date jj\/mm\/aaaa/)
      .waitFor();
    await cellWith('CARPENTIER Manon', 'Fin', '31/03/2023');
  });

  it('asks before typing in a protected column (a warning), and Annuler keeps the formula', async () => {
    const { page } = bench;
    await (await cellWith('DELATTRE Hugo', 'Phase', 'En cours')).dblclick();
    const editor = page.getByRole('textbox', { name: /^Modifier la cellule K\d+$/ });
    // The editor shows the formula, as Sheets does.
    expect(await editor.inputValue()).toMatch(/^=IF\(/);
    await editor.fill('Effectué');
    await editor.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Attention' });
    await dialog.getByText(/Suivi des stages : Phase/).waitFor();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await cellWith('DELATTRE Hugo', 'Phase', 'En cours');
  });
});
