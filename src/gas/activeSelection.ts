/**
 * Where the user is in the spreadsheet: the active sheet, the selected rows and the active
 * cell's row. Only navigation calls: no cell is read.
 */
import type { Context } from './context';

export interface ActiveRows {
  sheet: string;
  /** Selected rows from row 2 down, at most `limit` per range, sorted. */
  rows: number[];
  /** Row of the active cell (0 when none). */
  currentRow: number;
}

export function readActiveRows(ctx: Context, limit = 1000): ActiveRows {
  const ss = ctx.ss;
  const sheet = ss.getActiveSheet().getName();
  const list = ss.getActiveRangeList();
  const rows = new Set<number>();
  for (const r of list ? list.getRanges() : []) {
    const top = r.getRow();
    const first = Math.max(2, top);
    const last = Math.min(top + r.getNumRows() - 1, first + limit - 1);
    for (let i = first; i <= last; i++) rows.add(i);
  }
  const current = ss.getCurrentCell();
  return {
    sheet,
    rows: [...rows].sort((a, b) => a - b),
    currentRow: current ? current.getRow() : 0,
  };
}

/** [2,3,4,9] → "2-4,9": the selection's signature, compared between two polls. */
export function rowRuns(rows: readonly number[]): string {
  const runs: string[] = [];
  let start = -1;
  let prev = -1;
  for (const r of rows) {
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    if (start >= 0) runs.push(start === prev ? `${start}` : `${start}-${prev}`);
    start = prev = r;
  }
  if (start >= 0) runs.push(start === prev ? `${start}` : `${start}-${prev}`);
  return runs.join(',');
}
