/** IS* tests, N, and the position functions ROW, COLUMN, ROWS, COLUMNS. */
import { isErrorValue, isMatrix, isRange, type Value } from '../types';
import { lifted, whole, type FunctionTable } from './registry';

function notAReference(v: Value | undefined): Value {
  return v !== undefined && !isMatrix(v) && !isRange(v) && isErrorValue(v) ? v : '#VALUE!';
}

export const INFO_FUNCTIONS: FunctionTable = {
  ISBLANK: lifted(1, 1, ([v]) => v === null, { handlesErrors: true }),
  ISNUMBER: lifted(1, 1, ([v]) => typeof v === 'number', { handlesErrors: true }),
  ISTEXT: lifted(1, 1, ([v]) => typeof v === 'string' && !isErrorValue(v), {
    handlesErrors: true,
  }),
  ISLOGICAL: lifted(1, 1, ([v]) => typeof v === 'boolean', { handlesErrors: true }),
  ISERROR: lifted(1, 1, ([v]) => isErrorValue(v ?? null), { handlesErrors: true }),
  ISNA: lifted(1, 1, ([v]) => v === '#N/A', { handlesErrors: true }),
  N: lifted(1, 1, ([v]) => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : 0)),
  ROW: whole(0, 1, (args, ctx) => {
    const r = args[0];
    if (args.length === 0) return ctx.at.row;
    if (r === undefined || !isRange(r)) return notAReference(r);
    if (!ctx.arrayMode || r.top === r.bottom) return r.top;
    return Array.from({ length: r.bottom - r.top + 1 }, (_, i) => [r.top + i]);
  }),
  COLUMN: whole(0, 1, (args, ctx) => {
    const r = args[0];
    if (args.length === 0) return ctx.at.col;
    if (r === undefined || !isRange(r)) return notAReference(r);
    if (!ctx.arrayMode || r.left === r.right) return r.left;
    return [Array.from({ length: r.right - r.left + 1 }, (_, i) => r.left + i)];
  }),
  ROWS: whole(1, 1, ([v]) => {
    if (v === undefined) return '#N/A';
    if (isRange(v)) return v.bottom - v.top + 1;
    if (isMatrix(v)) return v.length;
    return isErrorValue(v) ? v : 1;
  }),
  COLUMNS: whole(1, 1, ([v]) => {
    if (v === undefined) return '#N/A';
    if (isRange(v)) return v.right - v.left + 1;
    if (isMatrix(v)) return v[0]?.length ?? 0;
    return isErrorValue(v) ? v : 1;
  }),
};
