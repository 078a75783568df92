/** Aggregates (SUM, MIN, MAX, COUNT…) and number functions (ROUND, INT, ABS, MOD). */
import type { EvalContext } from '../context';
import { toNumber } from '../coerce';
import {
  isErrorValue,
  isMatrix,
  isRange,
  type ErrorValue,
  type Scalar,
  type Value,
} from '../types';
import { lifted, whole, type FunctionTable } from './registry';

/**
 * Visits every value of the arguments. `direct` is true for a value written as an argument
 * rather than read from a range or an array: Sheets converts those ("5" counts in SUM("5"))
 * but ignores text in ranges. Stops at the first error `visit` returns.
 */
export function eachValue(
  args: readonly Value[],
  ctx: EvalContext,
  visit: (v: Scalar, direct: boolean) => ErrorValue | undefined,
): ErrorValue | null {
  for (const arg of args) {
    if (isRange(arg) || isMatrix(arg)) {
      for (const row of ctx.toMatrix(arg)) {
        for (const v of row) {
          const err = visit(v, false);
          if (err) return err;
        }
      }
    } else {
      const err = visit(arg, true);
      if (err) return err;
    }
  }
  return null;
}

/** Numbers of the arguments: numbers only in ranges, converted when direct; errors propagate. */
function numbersOf(args: readonly Value[], ctx: EvalContext): number[] | ErrorValue {
  const out: number[] = [];
  const err = eachValue(args, ctx, (v, direct) => {
    if (isErrorValue(v)) return v;
    if (typeof v === 'number') out.push(v);
    else if (direct) {
      const n = toNumber(v, ctx.locale);
      if (typeof n !== 'number') return n;
      out.push(n);
    }
    return undefined;
  });
  return err ?? out;
}

function sum(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Half away from zero, after trimming binary noise (ROUND(2.675, 2) is 2.68 in Sheets). */
export function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f;
}

function numeric(fn: (...n: number[]) => Scalar): (args: Scalar[], ctx: EvalContext) => Scalar {
  return (args, ctx) => {
    const nums: number[] = [];
    for (const a of args) {
      const n = toNumber(a, ctx.locale);
      if (typeof n !== 'number') return n;
      nums.push(n);
    }
    return fn(...nums);
  };
}

export const MATH_FUNCTIONS: FunctionTable = {
  SUM: whole(1, Infinity, (args, ctx) => {
    const nums = numbersOf(args, ctx);
    return typeof nums === 'string' ? nums : sum(nums);
  }),
  MIN: whole(1, Infinity, (args, ctx) => {
    const nums = numbersOf(args, ctx);
    if (typeof nums === 'string') return nums;
    return nums.length ? nums.reduce((a, b) => Math.min(a, b)) : 0;
  }),
  MAX: whole(1, Infinity, (args, ctx) => {
    const nums = numbersOf(args, ctx);
    if (typeof nums === 'string') return nums;
    return nums.length ? nums.reduce((a, b) => Math.max(a, b)) : 0;
  }),
  COUNT: whole(1, Infinity, (args, ctx) => {
    let n = 0;
    eachValue(args, ctx, (v, direct) => {
      if (typeof v === 'number') n++;
      else if (direct && v !== null && typeof toNumber(v, ctx.locale) === 'number') n++;
      return undefined;
    });
    return n;
  }),
  COUNTA: whole(1, Infinity, (args, ctx) => {
    let n = 0;
    eachValue(args, ctx, (v) => {
      if (v !== null) n++;
      return undefined;
    });
    return n;
  }),
  COUNTBLANK: whole(1, 1, (args, ctx) => {
    let n = 0;
    eachValue(args, ctx, (v) => {
      if (v === null || v === '') n++;
      return undefined;
    });
    return n;
  }),
  SUMPRODUCT: whole(
    1,
    Infinity,
    (args, ctx) => {
      const matrices = args.map((a) => ctx.toMatrix(a));
      const rows = matrices[0]?.length ?? 0;
      const cols = matrices[0]?.[0]?.length ?? 0;
      if (matrices.some((m) => m.length !== rows || (m[0]?.length ?? 0) !== cols)) return '#VALUE!';
      let total = 0;
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          let p = 1;
          for (const m of matrices) {
            const v = m[i]?.[j] ?? null;
            if (isErrorValue(v)) return v;
            // Sheets ignores booleans and text here: SUMPRODUCT((A1:A3="x")*1) is the idiom.
            p *= typeof v === 'number' ? v : 0;
          }
          total += p;
        }
      }
      return total;
    },
    true,
  ),
  ROUND: lifted(
    1,
    2,
    numeric((x, digits = 0) => roundHalfAway(x, Math.trunc(digits))),
  ),
  INT: lifted(1, 1, numeric(Math.floor)),
  ABS: lifted(1, 1, numeric(Math.abs)),
  MOD: lifted(
    2,
    2,
    numeric((a, b) => {
      if (b === 0) return '#DIV/0!';
      const r = a - b * Math.floor(a / b);
      return Number(r.toPrecision(15));
    }),
  ),
};
