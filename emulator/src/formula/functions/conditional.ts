/**
 * COUNTIF, COUNTIFS, SUMIF, SUMIFS.
 *
 * Inside ARRAYFORMULA a criterion may be an array (COUNTIFS(Visites!B2:B, A2:A)): the result is
 * then an array, one count per criterion. Scanning the ranges once per criterion would be
 * quadratic, so from the second criterion on, each criteria range is indexed once
 * (cell key → rows) and equality criteria are answered from the index; identical criteria
 * tuples are answered once.
 */
import { firstError } from '../coerce';
import type { EvalContext } from '../context';
import { cellKey, compileCriterion, type Criterion } from '../criteria';
import { isErrorValue, isMatrix, isRange, type Matrix, type Scalar, type Value } from '../types';
import { whole, type FunctionTable } from './registry';

interface Condition {
  range: Value;
  criterion: Value;
}

function flatten(m: Matrix, ctx?: EvalContext): Scalar[] {
  const shared = ctx?.env.shared?.flat;
  const known = shared?.get(m);
  if (known) return known;
  const flat = m.flat();
  shared?.set(m, flat);
  return flat;
}

function dims(m: Matrix): [number, number] {
  return [m.length, m[0]?.length ?? 0];
}

function asMatrix(v: Value, ctx: EvalContext): Matrix | Scalar {
  if (isRange(v) || isMatrix(v)) return ctx.toMatrix(v);
  return isErrorValue(v) ? v : [[v]];
}

function conditional(
  ctx: EvalContext,
  conditions: Condition[],
  sumRange: Value | null,
  mode: 'count' | 'sum',
  resizeSumRange = false,
): Value {
  const columns: Scalar[][] = [];
  const matrices: Matrix[] = [];
  let shape: [number, number] | null = null;
  for (const c of conditions) {
    const m = asMatrix(c.range, ctx);
    if (!isMatrix(m)) return m;
    const d = dims(m);
    if (shape && (d[0] !== shape[0] || d[1] !== shape[1])) return '#VALUE!';
    shape = d;
    columns.push(flatten(m, ctx));
    matrices.push(m);
  }
  const sharedIndexes = ctx.env.shared?.indexes;
  if (!shape) return '#N/A';
  let sums: Scalar[] = [];
  if (mode === 'sum') {
    let source = sumRange ?? conditions[0]?.range ?? null;
    // Like Sheets, a SUMIF sum range is read from its top-left at the criteria range's size.
    if (resizeSumRange && isRange(source)) {
      source = { ...source, bottom: source.top + shape[0] - 1, right: source.left + shape[1] - 1 };
    }
    const m = asMatrix(source, ctx);
    if (!isMatrix(m)) return m;
    const d = dims(m);
    if (d[0] !== shape[0] || d[1] !== shape[1]) return '#VALUE!';
    sums = flatten(m, ctx);
  }
  const size = shape[0] * shape[1];
  const compiled = new Map<string, Criterion>();
  const indexes: (Map<string, number[]> | undefined)[] = [];
  const answers = new Map<string, Scalar>();
  let calls = 0;

  const compile = (v: Scalar): Criterion => {
    const k = `${typeof v}:${String(v)}`;
    let c = compiled.get(k);
    if (!c) {
      c = compileCriterion(v, ctx.locale);
      compiled.set(k, c);
    }
    return c;
  };

  const indexOf = (k: number): Map<string, number[]> => {
    let index = indexes[k] ?? (matrices[k] ? sharedIndexes?.get(matrices[k]) : undefined);
    if (!index) {
      index = new Map();
      const cells = columns[k] ?? [];
      for (let i = 0; i < cells.length; i++) {
        const key = cellKey(cells[i] ?? null);
        const list = index.get(key);
        if (list) list.push(i);
        else index.set(key, [i]);
      }
      indexes[k] = index;
      if (matrices[k]) sharedIndexes?.set(matrices[k], index);
    }
    indexes[k] = index;
    return index;
  };

  const evaluate = (criteria: Scalar[]): Scalar => {
    const err = firstError(criteria);
    if (err) return err;
    const tuple = criteria.map((v) => `${typeof v}:${String(v)}`).join('\u0001');
    const known = answers.get(tuple);
    if (known !== undefined) return known;
    calls++;
    const tests = criteria.map(compile);
    let candidates: Iterable<number> | null = null;
    let indexed = -1;
    // A shared index (another formula of the same recalculation built it) is free to use.
    if (calls > 1 || sharedIndexes !== undefined) {
      indexed = tests.findIndex((t) => t.key !== undefined);
      const key = tests[indexed]?.key;
      if (key !== undefined) candidates = indexOf(indexed).get(key) ?? [];
    }
    let count = 0;
    let total = 0;
    const visit = (i: number): void => {
      for (let k = 0; k < tests.length; k++) {
        if (k !== indexed && !(tests[k] as Criterion).test(columns[k]?.[i] ?? null)) return;
      }
      count++;
      const v = sums[i];
      if (typeof v === 'number') total += v;
    };
    if (candidates) for (const i of candidates) visit(i);
    else for (let i = 0; i < size; i++) visit(i);
    const answer = mode === 'count' ? count : total;
    answers.set(tuple, answer);
    return answer;
  };

  return ctx.lift(
    conditions.map((c) => c.criterion),
    () => true,
    evaluate,
  );
}

function pairs(args: Value[]): Condition[] {
  const out: Condition[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) {
    out.push({ range: args[i] ?? null, criterion: args[i + 1] ?? null });
  }
  return out;
}

export const CONDITIONAL_FUNCTIONS: FunctionTable = {
  COUNTIF: whole(2, 2, (args, ctx) => conditional(ctx, pairs(args), null, 'count')),
  COUNTIFS: whole(2, Infinity, (args, ctx) =>
    args.length % 2 ? '#N/A' : conditional(ctx, pairs(args), null, 'count'),
  ),
  SUMIF: whole(2, 3, (args, ctx) =>
    conditional(ctx, pairs(args.slice(0, 2)), args[2] ?? null, 'sum', true),
  ),
  SUMIFS: whole(3, Infinity, (args, ctx) =>
    args.length % 2 === 0 ? '#N/A' : conditional(ctx, pairs(args.slice(1)), args[0] ?? null, 'sum'),
  ),
};
