/**
 * State of one evaluation: where the formula sits, whether it is in array mode (inside
 * ARRAYFORMULA, FILTER…), and cached reads of the grid.
 *
 * Array mode decides what a range means where a single value is expected: in array mode the
 * operation is applied to every cell (broadcasting); otherwise Sheets takes the cell of the range
 * on the formula's own row (or column): implicit intersection.
 */
import {
  isErrorValue,
  isMatrix,
  isRange,
  type CellPosition,
  type ErrorValue,
  type FormulaEnv,
  type FormulaLocale,
  type Matrix,
  type RangeRef,
  type Scalar,
  type Shift,
  type Value,
} from './types';

type Bounds = { rows: number; cols: number } | null;

export class EvalContext {
  arrayMode = false;
  readonly locale: FormulaLocale;
  private readonly boundsCache = new Map<string, Bounds>();
  private readonly rangeCache = new Map<string, Matrix>();

  constructor(
    readonly env: FormulaEnv,
    readonly at: CellPosition,
    readonly shift: Shift,
  ) {
    this.locale = env.locale ?? 'fr_FR';
  }

  bounds(sheet: string | null): Bounds {
    const key = sheet ?? '\u0000self';
    if (!this.boundsCache.has(key)) this.boundsCache.set(key, this.env.grid.bounds(sheet));
    return this.boundsCache.get(key) ?? null;
  }

  read(sheet: string | null, row: number, col: number): Scalar {
    const b = this.bounds(sheet);
    if (!b || row > b.rows || col > b.cols) return null;
    return this.env.grid.read(sheet, row, col) ?? null;
  }

  /** The cells of a range, read once per evaluation. */
  readRange(r: RangeRef): Matrix {
    const key = `${r.sheet ?? '\u0000self'}|${r.top}|${r.left}|${r.bottom}|${r.right}`;
    const shared = this.env.shared?.ranges;
    const cached = this.rangeCache.get(key) ?? shared?.get(key);
    if (cached) return cached;
    const m: Matrix = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: Scalar[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(this.read(r.sheet, row, col));
      m.push(line);
    }
    this.rangeCache.set(key, m);
    shared?.set(key, m);
    return m;
  }

  /** Any value as a matrix (a scalar is 1x1). */
  toMatrix(v: Value): Matrix {
    if (isRange(v)) return this.readRange(v);
    if (isMatrix(v)) return v;
    return [[v]];
  }

  /** A single value where Sheets expects one outside array mode. */
  toScalar(v: Value): Scalar {
    if (isMatrix(v)) return v[0]?.[0] ?? null;
    if (!isRange(v)) return v;
    if (v.top === v.bottom && v.left === v.right) return this.read(v.sheet, v.top, v.left);
    if (v.left === v.right && this.at.row >= v.top && this.at.row <= v.bottom) {
      return this.read(v.sheet, this.at.row, v.left);
    }
    if (v.top === v.bottom && this.at.col >= v.left && this.at.col <= v.right) {
      return this.read(v.sheet, v.top, this.at.col);
    }
    return '#VALUE!';
  }

  /** An argument of an element-wise operation: a matrix in array mode, else a single value. */
  private operand(v: Value): Scalar | Matrix {
    if (!this.arrayMode) return this.toScalar(v);
    const m = isRange(v) ? this.readRange(v) : v;
    if (isMatrix(m) && m.length === 1 && m[0]?.length === 1) return m[0][0] ?? null;
    return m;
  }

  /**
   * Applies `fn` element-wise over the values marked in `lift` (the others are passed as given).
   * A single value broadcasts; arrays of different sizes give '#VALUE!'.
   */
  lift(
    values: readonly Value[],
    lift: (index: number) => boolean,
    fn: (scalars: Scalar[]) => Scalar,
  ): Value {
    const prepared: (Scalar | Matrix)[] = values.map((v, i) => (lift(i) ? this.operand(v) : null));
    let rows = -1;
    let cols = -1;
    for (const p of prepared) {
      if (!isMatrix(p)) continue;
      const r = p.length;
      const c = p[0]?.length ?? 0;
      if (rows < 0) [rows, cols] = [r, c];
      else if (r !== rows || c !== cols) return '#VALUE!';
    }
    if (rows < 0) return fn(prepared as Scalar[]);
    const out: Matrix = [];
    for (let i = 0; i < rows; i++) {
      const line: Scalar[] = [];
      for (let j = 0; j < cols; j++) {
        line.push(fn(prepared.map((p) => (isMatrix(p) ? (p[i]?.[j] ?? null) : p))));
      }
      out.push(line);
    }
    return out;
  }
}

export function isErrorScalar(v: Value): v is ErrorValue {
  return !isMatrix(v) && !isRange(v) && isErrorValue(v);
}
