/**
 * Each column of an add-on sheet carries a developer metadata tag naming its key ("end" for
 * "Fin"). Sheets keeps such a tag on its column when the header is renamed and when the column
 * is moved, inserted around or sorted; it goes only with the column. So a column stays
 * recognised whatever its title says, and "Initialiser le classeur" can put its title back.
 *
 * Developer metadata can only be attached to the spreadsheet, a sheet, or whole rows or
 * columns, never to a single cell: the tag is on the whole column ("D:D").
 *
 * Visibility DOCUMENT, not PROJECT: a PROJECT tag is seen only by the script project that wrote
 * it, and a school may move from a container-bound copy of the script to the published add-on
 * (another project); the namespaced key keeps other scripts' metadata apart. Nothing in a tag
 * is secret.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const COLUMN_TAG = 'sds.column';

export interface ColumnTag {
  key: string;
  column: number;
  remove(): void;
}

/** The column tags of a sheet, in one data call (the finder's search). */
export function readColumnTags(sheet: Sheet): ColumnTag[] {
  const out: ColumnTag[] = [];
  for (const m of sheet.createDeveloperMetadataFinder().withKey(COLUMN_TAG).find()) {
    const column = m.getLocation().getColumn();
    const key = m.getValue();
    if (!column || !key) continue;
    out.push({ key, column: column.getColumn(), remove: () => m.remove() });
  }
  return out;
}

/** Tag the column of letter `letter` ("D") as the add-on's column `key`. One data call. */
export function tagColumn(sheet: Sheet, letter: string, key: string): void {
  // A whole column in A1 notation: the only kind of range metadata may be attached to.
  sheet
    .getRange(`${letter}:${letter}`)
    .addDeveloperMetadata(COLUMN_TAG, key, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
}
