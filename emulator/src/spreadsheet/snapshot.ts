/**
 * Full spreadsheet state as plain JSON (the workbench keeps it in a file between restarts).
 * Validation rules shared by many cells are stored once and referenced by index.
 */
import type { BookModel, Cell, Row, SheetModel, ValidationData } from './model';

export const SNAPSHOT_FORMAT = 'suivi-emulator-spreadsheet@1';

export interface SpreadsheetSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  book: unknown;
  validations: ValidationData[];
}

export function takeSnapshot(model: BookModel): SpreadsheetSnapshot {
  const index = new Map<ValidationData, number>();
  const validations: ValidationData[] = [];
  const json = JSON.stringify(model, (key, value: unknown) => {
    if (key === 'validation' && value && typeof value === 'object') {
      const v = value as ValidationData;
      let i = index.get(v);
      if (i === undefined) {
        i = validations.length;
        index.set(v, i);
        validations.push(JSON.parse(JSON.stringify(v)) as ValidationData);
      }
      return i;
    }
    return value;
  });
  return { format: SNAPSHOT_FORMAT, book: JSON.parse(json) as unknown, validations };
}

/** Arrays restored from JSON have null where the model had holes. */
function denull<T>(arr: (T | null | undefined)[] | undefined): (T | undefined)[] {
  const out: (T | undefined)[] = [];
  if (!arr) return out;
  arr.forEach((v, i) => {
    if (v !== null && v !== undefined) out[i] = v;
  });
  out.length = arr.length;
  return out;
}

export function readSnapshot(snap: SpreadsheetSnapshot): BookModel {
  if (!snap || snap.format !== SNAPSHOT_FORMAT) throw new Error('Not a spreadsheet snapshot');
  const book = JSON.parse(JSON.stringify(snap.book)) as BookModel;
  const rules = JSON.parse(JSON.stringify(snap.validations)) as ValidationData[];
  book.sheets = book.sheets.map((s: SheetModel) => {
    const rows = denull<Row>(s.rows).map((line) => {
      if (!line) return undefined;
      const cells = denull<Cell>(line.cells).map((cell) => {
        if (!cell) return undefined;
        const v = (cell as { validation?: unknown }).validation;
        if (typeof v === 'number') cell.validation = rules[v];
        return cell;
      });
      return { cells, formulas: cells.filter((c) => c?.formula !== undefined).length };
    });
    return {
      ...s,
      rows,
      colWidths: denull(s.colWidths) as (number | null)[],
      rowHeights: denull(s.rowHeights) as (number | null)[],
      hiddenCols: denull(s.hiddenCols) as boolean[],
      hiddenRows: denull(s.hiddenRows) as boolean[],
    };
  });
  return book;
}
