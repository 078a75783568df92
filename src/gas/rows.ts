/** Structural changes to a table's rows that SheetTable's reads and writes do not cover. */
import { type CellIn, literalText } from './cells';
import type { SheetTable } from './sheetTable';

/**
 * Puts back rows deleted from a table (the way back of a deletion): inserted again at `at`, with
 * the cells the sheet gave when they were read, and their computed cells given their row formula
 * again. Calls: insert, (formats at the top of the sheet), one write, and for a table with row
 * formulas one read and one write of them.
 */
export function restoreRows<K extends string>(
  t: SheetTable<K>,
  at: number,
  raws: readonly (readonly CellIn[])[],
): void {
  const n = raws.length;
  if (n === 0) return;
  const width = t.rowWidth;
  const sheet = t.sheetRef;
  t.insertRowsAfter(at - 1, n);
  if (at <= 2 && sheet.getMaxRows() >= at + n) {
    // Inserted under the header, the rows took its look: they take the data rows' instead.
    sheet
      .getRange(at + n, 1, 1, width)
      .copyTo(sheet.getRange(at, 1, n, width), SpreadsheetApp.CopyPasteType.PASTE_FORMAT, false);
  }
  // Text is written as text: a value read back without its apostrophe must not become a formula.
  const cells = raws.map((raw) =>
    Array.from({ length: width }, (_, i) => {
      const v = raw[i];
      return typeof v === 'string' ? literalText(v) : v === undefined || v === null ? '' : v;
    }),
  );
  sheet.getRange(at, 1, n, width).setValues(cells);
  if (t.spec.columns.some((c) => c.kind === 'computed')) {
    // The computed cells were written as the values they showed: their formulas come back.
    const rows = t.readRows(at, n);
    const idKey = 'id' as K;
    t.writeRows(new Map(rows.map((rec, i) => [at + i, { [idKey]: rec[idKey] } as never])));
  }
}
