/**
 * Criteria of COUNTIF(S) / SUMIF(S): "<=45000", "<>", "=", "abc", "a*c", 5, TRUE…
 *
 * A criterion compiles to a test; a plain equality criterion also gets a key so that a column can
 * be indexed once (key → rows) and looked up per criterion, instead of scanned per criterion.
 * Semantics (Sheets): text equality is case-insensitive, with * and ? wildcards (~ escapes);
 * an operator with a number (or a date) compares numeric cells only; "" and "=" match empty
 * cells; "<>" matches non-empty cells; a reference to an empty cell is the criterion 0.
 */
import { compareScalars, numbersEqual, parseNumericText } from './coerce';
import { isErrorValue, type FormulaLocale, type Scalar } from './types';

export interface Criterion {
  test(v: Scalar): boolean;
  /** Set for a plain equality: cells whose cellKey() equals it are exactly the matches. */
  key?: string;
}

/** Index key of a cell value, comparable with Criterion.key. */
export function cellKey(v: Scalar): string {
  if (v === null || v === '') return 'e';
  if (typeof v === 'number') return `n${Number(v.toPrecision(15))}`;
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  return `s${v.toLowerCase()}`;
}

const OPERATORS = ['<=', '>=', '<>', '<', '>', '='] as const;
type CriterionOperator = (typeof OPERATORS)[number];

function hasWildcard(s: string): boolean {
  return /(^|[^~])[*?]/.test(s);
}

function wildcardRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '~' && i + 1 < pattern.length) {
      re += (pattern[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

function equality(operand: Scalar): Criterion {
  const key = cellKey(operand);
  if (typeof operand === 'number') {
    return { key, test: (v) => typeof v === 'number' && numbersEqual(v, operand) };
  }
  if (typeof operand === 'boolean') return { key, test: (v) => v === operand };
  if (operand === null || operand === '') return { key, test: (v) => v === null || v === '' };
  if (hasWildcard(operand)) {
    const re = wildcardRegExp(operand);
    return { test: (v) => typeof v === 'string' && !isErrorValue(v) && re.test(v) };
  }
  const lower = operand.replace(/~([*?~])/g, '$1').toLowerCase();
  return { key: `s${lower}`, test: (v) => typeof v === 'string' && v.toLowerCase() === lower };
}

function ordering(op: '<' | '>' | '<=' | '>=', operand: number | string): Criterion {
  const accept = (c: number): boolean =>
    op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  const sameType = typeof operand;
  return {
    test: (v) =>
      typeof v === sameType && v !== '' && !isErrorValue(v) && accept(compareScalars(v, operand)),
  };
}

/** Operand text as a value: number or date text becomes a number, TRUE/FALSE a boolean. */
function operandValue(text: string, locale: FormulaLocale): Scalar {
  const n = parseNumericText(text, locale);
  if (n !== null) return n;
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  return text;
}

export function compileCriterion(criterion: Scalar, locale: FormulaLocale): Criterion {
  if (criterion === null) return equality(0);
  if (typeof criterion !== 'string') return equality(criterion);
  const op: CriterionOperator | undefined = OPERATORS.find((o) => criterion.startsWith(o));
  const rest = op ? criterion.slice(op.length) : criterion;
  if (!op) return equality(operandValue(rest, locale));
  if (op === '=') return equality(rest === '' ? '' : operandValue(rest, locale));
  if (op === '<>') {
    if (rest === '') return { test: (v) => v !== null && v !== '' };
    const eq = equality(operandValue(rest, locale));
    return { test: (v) => !eq.test(v) };
  }
  const value = operandValue(rest, locale);
  if (typeof value === 'boolean' || value === null) return { test: () => false };
  return ordering(op, value);
}
