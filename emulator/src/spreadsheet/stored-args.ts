/** Rule arguments (dates, ranges, lists…) as the model stores them, and back as a script sees them. */
import { unwrap } from './api';
import type { Workbook } from './book';
import type { StoredArg } from './model';
import { makeRange, RangeApi } from './range';
import { isDate } from './values';

/** A script argument (Date, Range, list…) as stored in a rule. */
export function toStored(value: unknown): StoredArg {
  if (value === null || value === undefined) return null;
  if (isDate(value)) return { date: value.getTime() };
  if (Array.isArray(value)) return { list: value.map((v) => String(v)) };
  const r = unwrap(value, RangeApi);
  if (r) return { range: r.ref() };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  return String(value);
}

/** A stored rule argument as the script sees it. */
export function fromStored(wb: Workbook, a: StoredArg): unknown {
  if (a === null || typeof a !== 'object') return a;
  if ('date' in a) return new Date(a.date);
  if ('list' in a) return [...a.list];
  if ('relative' in a) return a.relative;
  const sheet = wb.sheetById(a.range.sheetId);
  return sheet
    ? makeRange(wb, sheet, a.range.row, a.range.col, a.range.numRows, a.range.numCols)
    : null;
}

export function cloneArgs(args: StoredArg[]): StoredArg[] {
  return JSON.parse(JSON.stringify(args)) as StoredArg[];
}
