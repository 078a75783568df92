/**
 * Values and interfaces shared by the formula engine.
 *
 * Errors travel as the plain strings Sheets displays ('#N/A', …): that is how the grid hands back
 * the results of other formula cells, so the engine uses the same representation throughout.
 */

/** A cell value. `null` is an empty cell; error values are the strings of ERROR_VALUES. */
export type Scalar = number | string | boolean | null;

export const ERROR_VALUES = [
  '#REF!',
  '#N/A',
  '#VALUE!',
  '#NAME?',
  '#DIV/0!',
  '#ERROR!',
  '#NUM!',
] as const;

export type ErrorValue = (typeof ERROR_VALUES)[number];

const ERROR_SET: ReadonlySet<string> = new Set(ERROR_VALUES);

export function isErrorValue(v: Scalar | undefined): v is ErrorValue {
  return typeof v === 'string' && ERROR_SET.has(v);
}

/** Rows of cells; every row has the same length. */
export type Matrix = Scalar[][];

/** A rectangle of a sheet, already resolved to 1-based absolute coordinates. */
export interface RangeRef {
  readonly kind: 'range';
  readonly sheet: string | null;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What an expression evaluates to before it is flattened into a result matrix. */
export type Value = Scalar | Matrix | RangeRef;

export function isMatrix(v: Value): v is Matrix {
  return Array.isArray(v);
}

export function isRange(v: Value): v is RangeRef {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface FormulaGrid {
  /** 1-based; sheet null = the formula's own sheet; dates are serial numbers (days since 1899-12-30). */
  read(sheet: string | null, row: number, col: number): Scalar;
  /** Grid size; null = no such sheet. */
  bounds(sheet: string | null): { rows: number; cols: number } | null;
}

/** Spreadsheet locales the engine knows; they only change how numbers and dates meet text. */
export type FormulaLocale = 'fr_FR' | 'en_US';

export interface FormulaEnv {
  grid: FormulaGrid;
  /** Serial of today, in the spreadsheet's time zone. */
  today: number;
  /** Serial of now (with the time as a fraction), in the spreadsheet's time zone. */
  now: number;
  /** Spreadsheet locale (default 'fr_FR'): decimal comma, day/month names, dd/mm/yyyy dates. */
  locale?: FormulaLocale;
  /**
   * Reads shared by every formula evaluated against the same state of the workbook (the host
   * drops it on each write): per-row formulas over whole columns then cost one read and one
   * index of each column, not one per row.
   */
  shared?: SharedCache;
}

export interface SharedCache {
  /** Range reads, keyed by sheet name and bounds. */
  ranges: Map<string, Matrix>;
  /** Equality indexes of criteria ranges (cell key → positions), per range read. */
  indexes: WeakMap<Matrix, Map<string, number[]>>;
  /** Range reads flattened row by row, per range read. */
  flat: WeakMap<Matrix, Scalar[]>;
}

export function createSharedCache(): SharedCache {
  return { ranges: new Map(), indexes: new WeakMap(), flat: new WeakMap() };
}

export interface CellPosition {
  row: number;
  col: number;
}

export interface Shift {
  rows: number;
  cols: number;
}

/** Thrown by the lexer and parser; evaluateFormula turns it into '#ERROR!'. */
export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (at ${position})`);
    this.name = 'FormulaSyntaxError';
  }
}
