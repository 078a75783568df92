/** Where the user's cursor is: the active sheet, its selected ranges and the current cell. */
import type { Context } from './context';

export interface ActiveRanges {
  /** Each selected range as its first row and number of rows (1-based, header included). */
  ranges: { row: number; numRows: number }[];
  /** Row of the current cell, or null when there is none. */
  currentRow: number | null;
}

/** The selection when `sheetName` is the active sheet, else null (nothing more is asked). */
export function activeRangesOn(ctx: Context, sheetName: string): ActiveRanges | null {
  const sheet = ctx.ss.getActiveSheet();
  if (sheet.getName() !== sheetName) return null;
  const list = ctx.ss.getActiveRangeList();
  const ranges = (list ? list.getRanges() : []).map((r) => ({
    row: r.getRow(),
    numRows: r.getNumRows(),
  }));
  const current = ctx.ss.getCurrentCell();
  return { ranges, currentRow: current ? current.getRow() : null };
}
