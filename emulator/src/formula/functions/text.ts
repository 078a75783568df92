/** LEN, TRIM, UPPER, LOWER, LEFT, RIGHT, MID, CONCATENATE, CONCAT, TEXT, VALUE. */
import { parseNumericText, toNumber, toText } from '../coerce';
import type { EvalContext } from '../context';
import { isErrorValue, type Scalar } from '../types';
import { eachValue } from './math';
import { lifted, whole, type FunctionTable } from './registry';
import { formatWithPattern } from './textFormat';

function textual(fn: (s: string, ...n: number[]) => Scalar) {
  return (args: Scalar[], ctx: EvalContext): Scalar => {
    const s = toText(args[0] ?? null, ctx.locale);
    if (isErrorValue(s)) return s;
    const nums: number[] = [];
    for (const a of args.slice(1)) {
      const n = toNumber(a, ctx.locale);
      if (typeof n !== 'number') return n;
      nums.push(Math.trunc(n));
    }
    return fn(s, ...nums);
  };
}

export const TEXT_FUNCTIONS: FunctionTable = {
  LEN: lifted(
    1,
    1,
    textual((s) => s.length),
  ),
  // Sheets' TRIM removes spaces only (not tabs or line breaks) and collapses inner runs.
  TRIM: lifted(
    1,
    1,
    textual((s) => s.replace(/^ +| +$/g, '').replace(/ {2,}/g, ' ')),
  ),
  UPPER: lifted(
    1,
    1,
    textual((s) => s.toUpperCase()),
  ),
  LOWER: lifted(
    1,
    1,
    textual((s) => s.toLowerCase()),
  ),
  LEFT: lifted(
    1,
    2,
    textual((s, n = 1) => (n < 0 ? '#VALUE!' : s.slice(0, n))),
  ),
  RIGHT: lifted(
    1,
    2,
    textual((s, n = 1) => (n < 0 ? '#VALUE!' : n === 0 ? '' : s.slice(-n))),
  ),
  MID: lifted(
    3,
    3,
    textual((s, start = 1, n = 0) =>
      start < 1 || n < 0 ? '#VALUE!' : s.slice(start - 1, start - 1 + n),
    ),
  ),
  // CONCATENATE joins every cell of its ranges, even inside ARRAYFORMULA (as Sheets does).
  CONCATENATE: whole(1, Infinity, (args, ctx) => {
    let out = '';
    const err = eachValue(args, ctx, (v) => {
      if (isErrorValue(v)) return v;
      out += toText(v, ctx.locale);
      return undefined;
    });
    return err ?? out;
  }),
  CONCAT: lifted(2, 2, (args, ctx) => args.map((a) => toText(a, ctx.locale)).join('')),
  TEXT: lifted(2, 2, ([value, pattern], ctx) => {
    const p = toText(pattern ?? null, ctx.locale);
    if (typeof value === 'string') {
      const n = parseNumericText(value, ctx.locale);
      if (n === null) return value;
      return formatWithPattern(n, p, ctx.locale);
    }
    const n = toNumber(value ?? null, ctx.locale);
    if (typeof n !== 'number') return n;
    return formatWithPattern(n, p, ctx.locale);
  }),
  VALUE: lifted(1, 1, ([v], ctx) => {
    if (typeof v === 'boolean') return '#VALUE!';
    return toNumber(v ?? null, ctx.locale);
  }),
};
