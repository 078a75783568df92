/** Structural changes to a table's rows that SheetTable's reads and writes do not cover. */
import type { SheetTable } from './sheetTable';

/** Deletes one sheet row (the rows below move up). One call. */
export function deleteRow<K extends string>(t: SheetTable<K>, row: number): void {
  t.sheetRef.deleteRow(row);
}
