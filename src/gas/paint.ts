/** Draws a calendar grid (values and colours computed by the domain) on a sheet of its own. */
import type { CalendarGrid } from '../domain/calendar';
import { literalText } from './cells';
import type { Context } from './context';

/**
 * Writes a grid on sheet `name`, replacing the previous picture: one write per layer. A sheet
 * made here goes after the active one, or with `atEnd` after all the others (a sheet only
 * printed should not sit between the sheets people work in); an existing sheet stays where the
 * user put it.
 */
export function paintGrid(
  ctx: Context,
  name: string,
  grid: CalendarGrid,
  opts: { atEnd?: boolean } = {},
): void {
  let sheet = ctx.ss.getSheetByName(name);
  if (!sheet)
    sheet = opts.atEnd ? ctx.ss.insertSheet(name, ctx.ss.getNumSheets()) : ctx.ss.insertSheet(name);
  sheet.clear();
  const rows = grid.values.length;
  const cols = grid.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  const range = sheet.getRange(1, 1, rows, cols);
  range.setValues(grid.values.map((r) => r.map((v) => literalText(v))));
  range.setBackgrounds(grid.backgrounds);
  range.setFontColors(grid.fontColors);
  if (grid.fontWeights.some((r) => r.includes('bold'))) range.setFontWeights(grid.fontWeights);
  range.setFontSize(grid.fontSize).setVerticalAlignment('middle');
  sheet.setRowHeights(1, rows, grid.rowHeight);
  sheet.setFrozenRows(grid.frozenRows);
  sheet.setFrozenColumns(grid.frozenColumns);
  // Widths come in runs of equal values (12 months, or one column per day): one call per run.
  let i = 0;
  while (i < grid.columnWidths.length) {
    let j = i;
    while (j + 1 < grid.columnWidths.length && grid.columnWidths[j + 1] === grid.columnWidths[i])
      j++;
    sheet.setColumnWidths(i + 1, j - i + 1, grid.columnWidths[i]!);
    i = j + 1;
  }
  sheet.activate();
}
