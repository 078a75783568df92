/**
 * VLOOKUP, MATCH, INDEX. Exact matches are answered from a per-evaluation index of the lookup
 * column, so a lookup over a whole column inside ARRAYFORMULA stays linear.
 */
import { compareScalars, toBoolean, toNumber } from '../coerce';
import type { EvalContext } from '../context';
import { cellKey, compileCriterion } from '../criteria';
import { isErrorValue, isMatrix, isRange, type Matrix, type Scalar, type Value } from '../types';
import { lifted, whole, type FunctionTable } from './registry';

const exactIndexes = new WeakMap<Scalar[], Map<string, number>>();

function hasWildcard(s: string): boolean {
  return /(^|[^~])[*?]/.test(s);
}

/** Position of the first value equal to key (case-insensitive text, * ? wildcards), or -1. */
function exactMatch(values: Scalar[], key: Scalar, ctx: EvalContext): number {
  if (key === null) return -1;
  if (typeof key === 'string' && hasWildcard(key)) {
    const c = compileCriterion(`=${key}`, ctx.locale);
    return values.findIndex((v) => v !== null && c.test(v));
  }
  let index = exactIndexes.get(values);
  if (!index) {
    index = new Map();
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? null;
      if (v === null) continue;
      const k = cellKey(v);
      if (!index.has(k)) index.set(k, i);
    }
    exactIndexes.set(values, index);
  }
  return index.get(cellKey(key)) ?? -1;
}

/**
 * For sorted data: the last value <= key (ascending) or >= key (descending) among values of
 * the key's type, stopping at the first one past the key.
 */
function sortedMatch(values: Scalar[], key: Scalar, descending: boolean): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? null;
    if (v === null || typeof v !== typeof key || isErrorValue(v)) continue;
    const c = compareScalars(v, key);
    if (descending ? c >= 0 : c <= 0) best = i;
    else break;
  }
  return best;
}

const columnCache = new WeakMap<Matrix, Scalar[]>();

function firstColumn(m: Matrix): Scalar[] {
  let col = columnCache.get(m);
  if (!col) {
    col = m.map((r) => r[0] ?? null);
    columnCache.set(m, col);
  }
  return col;
}

const lineCache = new WeakMap<Matrix, Scalar[]>();

function line(m: Matrix): Scalar[] | null {
  if (m.length !== 1 && (m[0]?.length ?? 0) !== 1) return null;
  let values = lineCache.get(m);
  if (!values) {
    values = m.flat();
    lineCache.set(m, values);
  }
  return values;
}

function tableOf(v: Value | undefined, ctx: EvalContext): Matrix | Scalar {
  if (v === undefined) return '#N/A';
  if (isRange(v) || isMatrix(v)) return ctx.toMatrix(v);
  return isErrorValue(v) ? v : [[v]];
}

function indexArg(v: Value | undefined, ctx: EvalContext): number | Scalar {
  if (v === undefined) return 0;
  const n = toNumber(ctx.toScalar(v), ctx.locale);
  return typeof n === 'number' ? Math.trunc(n) : n;
}

export const LOOKUP_FUNCTIONS: FunctionTable = {
  VLOOKUP: lifted(
    3,
    4,
    ([key, , column, sorted], ctx, raw) => {
      const table = tableOf(raw[1], ctx);
      if (!isMatrix(table)) return table;
      const col = toNumber(column ?? null, ctx.locale);
      if (typeof col !== 'number') return col;
      const c = Math.trunc(col);
      if (c < 1) return '#VALUE!';
      if (c > (table[0]?.length ?? 0)) return '#REF!';
      const isSorted = raw.length > 3 ? toBoolean(sorted ?? null) : true;
      if (typeof isSorted !== 'boolean') return isSorted;
      const keys = firstColumn(table);
      const k = key ?? null;
      const row = isSorted ? sortedMatch(keys, k, false) : exactMatch(keys, k, ctx);
      return row < 0 ? '#N/A' : (table[row]?.[c - 1] ?? null);
    },
    { raw: [1] },
  ),
  MATCH: lifted(
    2,
    3,
    ([key, , type], ctx, raw) => {
      const range = tableOf(raw[1], ctx);
      if (!isMatrix(range)) return range;
      const values = line(range);
      if (!values) return '#N/A';
      const t = raw.length > 2 ? toNumber(type ?? null, ctx.locale) : 1;
      if (typeof t !== 'number') return t;
      const k = key ?? null;
      const i = t === 0 ? exactMatch(values, k, ctx) : sortedMatch(values, k, t < 0);
      return i < 0 ? '#N/A' : i + 1;
    },
    { raw: [1] },
  ),
  INDEX: whole(1, 3, (args, ctx) => {
    const m = tableOf(args[0], ctx);
    if (!isMatrix(m)) return m;
    const rowArg = indexArg(args[1], ctx);
    const colArg = indexArg(args[2], ctx);
    if (typeof rowArg !== 'number') return rowArg;
    if (typeof colArg !== 'number') return colArg;
    const rows = m.length;
    const cols = m[0]?.length ?? 0;
    // A single row with one index counts along the row, as in INDEX(A1:E1, 3).
    const [r, c] = rows === 1 && args.length === 2 && cols > 1 ? [1, rowArg] : [rowArg, colArg];
    if (r < 0 || c < 0) return '#VALUE!';
    if (r > rows || c > cols) return '#REF!';
    let out: Matrix;
    if (r === 0 && c === 0) out = m;
    else if (r === 0) out = m.map((line) => [line[c - 1] ?? null]);
    else if (c === 0) out = [m[r - 1] ?? []];
    else return m[r - 1]?.[c - 1] ?? null;
    return out.length === 1 && out[0]?.length === 1 ? (out[0][0] ?? null) : out;
  }),
};
