/**
 * The workbench shows Drive files as staff would open them: a Google Doc's address in a cell
 * opens the emulated document when clicked, so does a link in the sidebar, and « Drive » lists
 * the files. The document is made here through the emulator's own DocumentApp, as the add-on
 * could, with text that must stay text.
 */
import { describe, expect, it } from 'vitest';
import { benchFor, menu, openSheet, rowCell } from './harness';

const bench = benchFor({ seed: 'full' });

const TEXT = 'Convention de stage de ACAR Laurie <b>chez</b> CREDIT AGRICOLE & fils';

function makeDoc(): string {
  const doc = bench.wb.session.emulator.globals.DocumentApp.create('Convention – essai');
  doc.getBody().appendParagraph(TEXT);
  return doc.getUrl();
}

/** A1 address of a drawn cell. */
async function a1Of(cell: Awaited<ReturnType<typeof rowCell>>): Promise<string> {
  const [r, c] = await cell.evaluate((td) => [
    Number((td as HTMLElement).dataset.r),
    Number((td as HTMLElement).dataset.c),
  ]);
  let col = '';
  for (let x = c ?? 0; x > 0; x = Math.floor((x - 1) / 26))
    col = String.fromCharCode(65 + ((x - 1) % 26)) + col;
  return `${col}${r}`;
}

describe('Drive files in the workbench', () => {
  it('opens a document whose address a cell holds, its text shown as text', async () => {
    const { page } = bench;
    const url = makeDoc();
    await openSheet(page, 'Stages');
    const cell = await rowCell(page, { Élève: 'ACAR Laurie' }, 'Convention');
    bench.wb.session.edit({ sheet: 'Stages', range: await a1Of(cell), value: url });
    const link = page.locator('#grid a.cell-link', { hasText: url });
    await link.click();
    const viewer = page.getByRole('dialog', { name: 'Convention – essai' });
    await viewer.waitFor();
    const doc = page.frameLocator('#docview-frame');
    await doc.getByText(TEXT).waitFor();
    // Escaped: no element came from the document's text.
    expect(await doc.locator('main b').count()).toBe(0);
    await page.getByRole('button', { name: 'Fermer le document' }).click();
    await viewer.waitFor({ state: 'hidden' });
  });

  it('opens the same document from the sidebar’s link', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Ouvrir la fiche stage');
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await sidebar.getByRole('link', { name: 'Ouvrir la convention' }).click();
    await page.frameLocator('#docview-frame').getByText(TEXT).waitFor();
    await page.getByRole('button', { name: 'Fermer le document' }).click();
  });

  it('lists the files of the Drive', async () => {
    const { page } = bench;
    await page.getByRole('button', { name: 'Drive', exact: true }).click();
    const drive = page.getByRole('dialog', { name: 'Drive (émulé)' });
    await drive.getByRole('button', { name: 'Convention – essai' }).first().click();
    await page.frameLocator('#docview-frame').getByText(TEXT).waitFor();
    await page.getByRole('button', { name: 'Fermer le document' }).click();
    await page.getByRole('button', { name: 'Fermer le Drive' }).click();
  });
});
