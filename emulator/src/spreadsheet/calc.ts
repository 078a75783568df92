/**
 * The formula layer: formulas are evaluated lazily on read by the formula engine, results are
 * cached until the next write (the workbook's version changes), array results spill into the
 * empty cells right/below, blocked spills and circular references read '#REF!'.
 *
 * Spills are found without evaluating every formula: only formula cells that can return an
 * array (a range reference, an array literal or an array function) are spill candidates, and an
 * empty cell asks only the candidates above-left of it. So an ARRAYFORMULA over 5,000 rows is
 * evaluated once per version, and each read of one of its cells is a lookup.
 */
import { evaluateFormula } from '../formula';
import { createSharedCache, type SharedCache } from '../formula/types';
import { cellA1 } from './a1';
import { getCell, hasContent, type SheetModel } from './model';
import { translateFormula } from './refs';

export type Scalar = number | string | boolean | null;
type Matrix = Scalar[][];

export interface CalcHost {
  version(): number;
  sheetByName(name: string): SheetModel | undefined;
  /** Serial of now in the spreadsheet's time zone. */
  nowSerial(): number;
  locale(): string;
  namedRangeNames(): string[];
}

interface Candidate {
  row: number;
  col: number;
  formula: string;
}

interface SpillState {
  /** Unclassified candidates per column, in row order; `head` = first not yet evaluated. */
  columns: { col: number; list: Candidate[]; head: number }[];
  deferred: Candidate[];
  /** Candidates whose result spills, in row-major order. */
  spillers: { c: Candidate; m: Matrix }[];
}

interface Frame {
  cycle: boolean;
  index: number;
}

const CYCLE = Symbol('cycle');

const ARRAY_FUNCTIONS =
  /\b(ARRAYFORMULA|FILTER|SORT|SORTN|UNIQUE|SPLIT|SEQUENCE|QUERY|TRANSPOSE|FLATTEN|IMPORTRANGE|IMPORTDATA|IMPORTHTML|IMPORTXML|MAKEARRAY|MAP|BYROW|BYCOL|SCAN|HSTACK|VSTACK|CHOOSECOLS|CHOOSEROWS|TOCOL|TOROW|WRAPROWS|WRAPCOLS|INDIRECT|OFFSET|REGEXEXTRACT|GOOGLEFINANCE|LAMBDA|MMULT|FREQUENCY|ARRAY_CONSTRAIN|EXPAND)\s*\(/i;

/**
 * Whether a formula can return an array that spills: an array function or literal, or a bare
 * range / named range. Other formulas with ranges (SUM(A:A), COUNTIF(B:B;A2), IF(A2:A>0;…)
 * without ARRAYFORMULA) give one value, as in Sheets (implicit intersection).
 */
export function maySpill(formula: string, namedRanges: string[]): boolean {
  if (ARRAY_FUNCTIONS.test(formula) || formula.includes('{')) return true;
  const body = formula.replace(/^=\s*/, '').trim();
  if (
    /^(?:(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?\$?[A-Z]{0,3}\$?\d*:\$?[A-Z]{0,3}\$?\d*$/iu.test(
      body,
    )
  )
    return true;
  return namedRanges.some((n) => n.toLowerCase() === body.toLowerCase());
}

export const CIRCULAR_MESSAGE =
  'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';

export class Calc {
  private version = -1;
  private results = new Map<string, Matrix>();
  private messages = new Map<string, string>();
  private blocked = new Map<string, string | null>();
  private spillState = new Map<number, SpillState>();
  private inProgress = new Map<string, Frame>();
  private stack: Frame[] = [];
  /** Number of formula evaluations since creation (lets tests check caching). */
  evaluations = 0;

  constructor(private readonly host: CalcHost) {}

  /** Reads shared by the formulas of one sheet until the next write (see FormulaEnv.shared). */
  private shared = new Map<string, SharedCache>();

  private sync(): void {
    const v = this.host.version();
    if (v === this.version) return;
    this.version = v;
    this.shared.clear();
    this.results.clear();
    this.messages.clear();
    this.blocked.clear();
    this.spillState.clear();
  }

  /** Computed value of a cell (null = empty), spills and errors included. */
  value(sheet: SheetModel, row: number, col: number): Scalar {
    this.sync();
    const cell = getCell(sheet, row, col);
    if (cell?.formula !== undefined) {
      const m = this.evalCell(sheet, row, col, cell.formula);
      if (m === CYCLE) return '#REF!';
      const first = m[0]?.[0] ?? null;
      if (m.length === 1 && (m[0]?.length ?? 0) <= 1) return first;
      return this.blockedBy(sheet, row, col, m) !== null ? '#REF!' : first;
    }
    if (cell?.value !== undefined) return cell.value;
    return this.spilledValue(sheet, row, col);
  }

  /** Why a formula cell shows an error, when the emulator knows (spill or cycle). */
  errorMessage(sheet: SheetModel, row: number, col: number): string | null {
    this.value(sheet, row, col);
    return this.messages.get(key(sheet, row, col)) ?? null;
  }

  /** Whether the cell shows a value spilled from an array formula elsewhere. */
  isSpilled(sheet: SheetModel, row: number, col: number): boolean {
    this.sync();
    if (hasContent(getCell(sheet, row, col))) return false;
    return this.spillSource(sheet, row, col) !== null;
  }

  /** Last row and column that hold a spilled (non-empty) value, 0 when none. */
  spillExtent(sheet: SheetModel): { row: number; col: number } {
    this.sync();
    let maxRow = 0;
    let maxCol = 0;
    const state = this.state(sheet);
    this.discover(sheet, state, sheet.maxRows, sheet.maxCols);
    for (const { c, m } of state.spillers) {
      if (this.blockedBy(sheet, c.row, c.col, m) !== null) continue;
      m.forEach((line, i) => {
        for (let j = line.length - 1; j >= 0; j--) {
          if (line[j] !== null && line[j] !== undefined) {
            maxRow = Math.max(maxRow, c.row + i);
            maxCol = Math.max(maxCol, c.col + j);
            break;
          }
        }
      });
    }
    return { row: maxRow, col: maxCol };
  }

  /**
   * Evaluate a formula that is not in a cell (conditional format, filter or validation rule)
   * at (row, col), its relative references written for (anchorRow, anchorCol).
   */
  evalRule(
    sheet: SheetModel,
    formula: string,
    row: number,
    col: number,
    anchorRow: number,
    anchorCol: number,
  ): Scalar {
    this.sync();
    try {
      const m = evaluateFormula(
        formula,
        this.env(sheet),
        { row, col },
        { rows: row - anchorRow, cols: col - anchorCol },
      );
      return m[0]?.[0] ?? null;
    } catch {
      // Fall back to rewriting the formula when the engine cannot shift it itself.
      try {
        const moved = translateFormula(formula, row - anchorRow, col - anchorCol);
        const m = evaluateFormula(moved, this.env(sheet), { row, col });
        return m[0]?.[0] ?? null;
      } catch {
        return '#ERROR!';
      }
    }
  }

  private env(sheet: SheetModel) {
    const host = this.host;
    let shared = this.shared.get(sheet.name);
    if (!shared) {
      shared = createSharedCache();
      this.shared.set(sheet.name, shared);
    }
    const now = host.nowSerial();
    const locale = host.locale();
    return {
      grid: {
        read: (name: string | null, r: number, c: number): Scalar => {
          const target = name === null ? sheet : host.sheetByName(name);
          if (!target) return '#REF!';
          if (r < 1 || c < 1 || r > target.maxRows || c > target.maxCols) return null;
          return this.read(target, r, c);
        },
        bounds: (name: string | null) => {
          const target = name === null ? sheet : host.sheetByName(name);
          return target ? { rows: target.maxRows, cols: target.maxCols } : null;
        },
      },
      today: Math.floor(now),
      now,
      shared,
      ...(locale === 'fr_FR' || locale === 'en_US' ? { locale: locale as 'fr_FR' | 'en_US' } : {}),
    };
  }

  /** A read made by the engine during an evaluation (cycle-aware). */
  private read(sheet: SheetModel, row: number, col: number): Scalar {
    const cell = getCell(sheet, row, col);
    if (cell?.formula !== undefined) {
      const k = key(sheet, row, col);
      const frame = this.inProgress.get(k);
      if (frame) {
        for (let i = frame.index; i < this.stack.length; i++) (this.stack[i] as Frame).cycle = true;
        return '#REF!';
      }
    }
    return this.value(sheet, row, col);
  }

  private evalCell(
    sheet: SheetModel,
    row: number,
    col: number,
    formula: string,
  ): Matrix | typeof CYCLE {
    const k = key(sheet, row, col);
    const cached = this.results.get(k);
    if (cached) return cached;
    if (this.inProgress.has(k)) return CYCLE;
    const frame: Frame = { cycle: false, index: this.stack.length };
    this.inProgress.set(k, frame);
    this.stack.push(frame);
    this.evaluations++;
    let m: Matrix;
    try {
      m = evaluateFormula(formula, this.env(sheet), { row, col });
      if (!Array.isArray(m) || m.length === 0 || !Array.isArray(m[0]) || m[0].length === 0)
        m = [[null]];
    } catch {
      m = [['#ERROR!']];
    } finally {
      this.stack.pop();
      this.inProgress.delete(k);
    }
    if (frame.cycle) {
      m = [['#REF!']];
      this.messages.set(k, CIRCULAR_MESSAGE);
    }
    this.results.set(k, m);
    return m;
  }

  /** The cell that blocks a formula's spill ("B3"), a message when off the grid, or null. */
  private blockedBy(sheet: SheetModel, row: number, col: number, m: Matrix): string | null {
    const k = key(sheet, row, col);
    if (this.blocked.has(k)) return this.blocked.get(k) ?? null;
    const h = m.length;
    const w = Math.max(...m.map((line) => line.length));
    let res: string | null = null;
    if (row + h - 1 > sheet.maxRows || col + w - 1 > sheet.maxCols) {
      const more = row + h - 1 - sheet.maxRows;
      res =
        more > 0
          ? `Result was not automatically expanded, please insert more rows (${more}).`
          : `Result was not automatically expanded, please insert more columns (${col + w - 1 - sheet.maxCols}).`;
      this.messages.set(k, res);
    } else {
      outer: for (let r = row; r < row + h; r++) {
        const line = sheet.rows[r - 1];
        if (!line) continue;
        for (let c = col; c < col + w; c++) {
          if (r === row && c === col) continue;
          if (hasContent(line.cells[c - 1])) {
            res = cellA1(r, c);
            this.messages.set(
              k,
              `Array result was not expanded because it would overwrite data in ${res}.`,
            );
            break outer;
          }
        }
      }
    }
    this.blocked.set(k, res);
    return res;
  }

  private spillSource(
    sheet: SheetModel,
    row: number,
    col: number,
  ): { c: Candidate; m: Matrix } | null {
    const state = this.state(sheet);
    this.discover(sheet, state, row, col);
    for (const s of state.spillers) {
      const { c, m } = s;
      if (c.row > row) break;
      if (c.col > col || (c.row === row && c.col === col)) continue;
      if (row >= c.row + m.length) continue;
      const line = m[row - c.row] as Scalar[];
      if (col >= c.col + line.length) continue;
      if (this.blockedBy(sheet, c.row, c.col, m) !== null) continue;
      return s;
    }
    return null;
  }

  /**
   * Evaluate the not-yet-classified candidates above-left of (row, col) and keep those whose
   * result is larger than one cell. Each candidate is evaluated once per version, so reading a
   * whole sheet costs O(candidates + cells x spillers). Candidates being evaluated right now
   * are deferred (reading them would be a false cycle).
   */
  private discover(sheet: SheetModel, state: SpillState, row: number, col: number): void {
    const classify = (c: Candidate): boolean => {
      if (this.inProgress.has(key(sheet, c.row, c.col))) return false;
      const m = this.evalCell(sheet, c.row, c.col, c.formula);
      if (m !== CYCLE && (m.length > 1 || (m[0]?.length ?? 0) > 1)) {
        state.spillers.push({ c, m });
        state.spillers.sort((a, b) => a.c.row - b.c.row || a.c.col - b.c.col);
      }
      return true;
    };
    if (state.deferred.length) {
      const pending = state.deferred;
      state.deferred = [];
      for (const c of pending)
        if (c.row > row || c.col > col || !classify(c)) state.deferred.push(c);
    }
    for (const queue of state.columns) {
      if (queue.col > col) break;
      while (queue.head < queue.list.length) {
        const c = queue.list[queue.head] as Candidate;
        if (c.row > row) break;
        queue.head++;
        if (!classify(c)) state.deferred.push(c);
      }
    }
  }

  private state(sheet: SheetModel): SpillState {
    const hit = this.spillState.get(sheet.id);
    if (hit) return hit;
    const names = this.host.namedRangeNames();
    const byCol = new Map<number, Candidate[]>();
    sheet.rows.forEach((line, i) => {
      if (!line || line.formulas === 0) return;
      line.cells.forEach((cell, j) => {
        const f = cell?.formula;
        if (f === undefined || !maySpill(f, names)) return;
        let list = byCol.get(j + 1);
        if (!list) {
          list = [];
          byCol.set(j + 1, list);
        }
        list.push({ row: i + 1, col: j + 1, formula: f });
      });
    });
    const state: SpillState = {
      columns: [...byCol.entries()]
        .sort(([a], [b]) => a - b)
        .map(([c, list]) => ({ col: c, list, head: 0 })),
      deferred: [],
      spillers: [],
    };
    this.spillState.set(sheet.id, state);
    return state;
  }

  private spilledValue(sheet: SheetModel, row: number, col: number): Scalar {
    const src = this.spillSource(sheet, row, col);
    if (!src) return null;
    return src.m[row - src.c.row]?.[col - src.c.col] ?? null;
  }
}

function key(sheet: SheetModel, row: number, col: number): string {
  return `${sheet.id}:${row}:${col}`;
}
