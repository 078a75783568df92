/**
 * A small Google Sheets formula engine for the in-memory Apps Script emulator.
 *
 * Syntax: what Apps Script's setFormula/setValues and conditional-format rules accept, i.e.
 * the en_US syntax whatever the spreadsheet locale: ',' between arguments, {a, b; c, d} array
 * literals, '.' decimals, English function names. The fr_FR display syntax (';' between
 * arguments, '\' between array columns) is a syntax error here. See formula.syntax.test.ts.
 */
import { EvalContext } from './context';
import { evaluateNode } from './evaluate';
import { parseFormula, type Node } from './parser';
import {
  FormulaSyntaxError,
  isMatrix,
  isRange,
  type CellPosition,
  type FormulaEnv,
  type Scalar,
  type Shift,
} from './types';

export { isErrorValue, ERROR_VALUES } from './types';
export type {
  ErrorValue,
  FormulaEnv,
  FormulaGrid,
  FormulaLocale,
  Scalar,
  CellPosition,
  Shift,
} from './types';

const PARSE_CACHE_LIMIT = 2000;
const parseCache = new Map<string, Node | FormulaSyntaxError>();

function parseCached(formula: string): Node | FormulaSyntaxError {
  let entry = parseCache.get(formula);
  if (entry === undefined) {
    try {
      entry = parseFormula(formula);
    } catch (e) {
      if (!(e instanceof FormulaSyntaxError)) throw e;
      entry = e;
    }
    if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
    parseCache.set(formula, entry);
  }
  return entry;
}

/** Throws FormulaSyntaxError when the formula would not be accepted by setFormula. */
export function checkFormulaSyntax(formula: string): void {
  const entry = parseCached(formula);
  if (entry instanceof FormulaSyntaxError) throw entry;
}

/**
 * Evaluates a formula ("=...") as the cell `at` would.
 *
 * `at` is the cell being computed (for a conditional format: the cell being formatted); it
 * serves ROW(), COLUMN() and the implicit intersection of a range used where one value is
 * expected. `shift` moves the relative references (those without '$'): a conditional format
 * written for the top-left cell of its range is evaluated for another cell with
 * shift = that cell minus the top-left cell.
 *
 * Result: a matrix (1x1 for a single value; larger when the result spills). Never throws:
 * syntax errors, and any failure, give [['#ERROR!']].
 */
export function evaluateFormula(
  formula: string,
  env: FormulaEnv,
  at: CellPosition,
  shift: Shift = { rows: 0, cols: 0 },
): Scalar[][] {
  try {
    const ast = parseCached(formula);
    if (ast instanceof FormulaSyntaxError) return [['#ERROR!']];
    const ctx = new EvalContext(env, at, shift);
    const value = evaluateNode(ast, ctx);
    const matrix = isRange(value) ? ctx.readRange(value) : isMatrix(value) ? value : [[value]];
    if (matrix.length === 0 || (matrix[0]?.length ?? 0) === 0) return [[null]];
    return matrix.map((row) => row.slice());
  } catch {
    return [['#ERROR!']];
  }
}
