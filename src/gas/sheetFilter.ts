/**
 * The shared basic filter of a sheet ("Appliquer à la feuille"). Filter views would keep it
 * private, but they need the Sheets API and the broad `spreadsheets` scope (see README).
 */
import type { SheetTable } from './sheetTable';

/** Replaces the sheet's filter by one hiding the rows whose `idKey` cell is in `hiddenIds`. */
export function filterOutIds<K extends string>(
  t: SheetTable<K>,
  idKey: K,
  hiddenIds: readonly string[],
): void {
  const sheet = t.sheetRef;
  const existing = sheet.getFilter();
  if (existing) existing.remove();
  const idCol = t.col(idKey);
  const filter = sheet.getDataRange().createFilter();
  if (hiddenIds.length > 0) {
    filter.setColumnFilterCriteria(
      idCol,
      SpreadsheetApp.newFilterCriteria()
        .setHiddenValues([...hiddenIds])
        .build(),
    );
  }
}

/** Removes the sheet's filter, if any: every row shows again. */
export function removeFilter<K extends string>(t: SheetTable<K>): void {
  const existing = t.sheetRef.getFilter();
  if (existing) existing.remove();
}
