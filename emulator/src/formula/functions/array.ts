/** ARRAYFORMULA, FILTER, UNIQUE: functions whose arguments are evaluated in array mode. */
import { toBoolean } from '../coerce';
import { isErrorScalar } from '../context';
import { isErrorValue, isRange, type Matrix, type Scalar } from '../types';
import { whole, type FunctionTable } from './registry';

function rowKey(row: Scalar[]): string {
  return row.map((v) => `${typeof v}:${String(v)}`).join('\u0001');
}

export const ARRAY_FUNCTIONS: FunctionTable = {
  ARRAYFORMULA: whole(1, 1, ([v = null], ctx) => (isRange(v) ? ctx.toMatrix(v) : v), true),
  FILTER: whole(
    2,
    Infinity,
    (args, ctx) => {
      const first = args[0] ?? null;
      if (isErrorScalar(first)) return first;
      const data = ctx.toMatrix(first);
      const rows = data.length;
      const cols = data[0]?.length ?? 0;
      const conditions = args.slice(1).map((a) => ctx.toMatrix(a));
      const byRow = conditions.every((c) => c.length === rows && c[0]?.length === 1);
      const byCol = !byRow && conditions.every((c) => c.length === 1 && c[0]?.length === cols);
      if (!byRow && !byCol) return '#VALUE!';
      const count = byRow ? rows : cols;
      const keep: boolean[] = [];
      for (let i = 0; i < count; i++) {
        let ok = true;
        for (const c of conditions) {
          const v = (byRow ? c[i]?.[0] : c[0]?.[i]) ?? null;
          if (isErrorValue(v)) return v;
          if (toBoolean(v) !== true) ok = false;
        }
        keep.push(ok);
      }
      const out: Matrix = byRow
        ? data.filter((_, i) => keep[i])
        : data.map((row) => row.filter((_, j) => keep[j]));
      return out.length === 0 || out[0]?.length === 0 ? '#N/A' : out;
    },
    true,
  ),
  UNIQUE: whole(
    1,
    1,
    ([v = null], ctx) => {
      if (isErrorScalar(v)) return v;
      const seen = new Set<string>();
      const out: Matrix = [];
      for (const row of ctx.toMatrix(v)) {
        const key = rowKey(row);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(row);
      }
      return out;
    },
    true,
  ),
};
