/**
 * Conversions between cell values and the comparison order of Sheets.
 *
 * Sheets rules followed here: an empty cell is 0 in arithmetic, "" in text and FALSE in logic;
 * text that reads as a number or a date (in the spreadsheet locale) is converted in arithmetic;
 * comparisons are case-insensitive for text and order types as numbers < text < booleans.
 */
import { isValidDate, serialFromDate } from './serial';
import { isErrorValue, type ErrorValue, type FormulaLocale, type Scalar } from './types';

const SPACES = /[\s\u00a0\u202f]/g;
const FR_NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
const EN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const EN_GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;

function parseDateText(t: string, locale: FormulaLocale): number | null {
  let y: number;
  let m: number;
  let d: number;
  const iso = ISO_DATE.exec(t);
  const slash = iso ? null : SLASH_DATE.exec(t);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (slash) {
    const a = Number(slash[1]);
    const b = Number(slash[2]);
    [d, m] = locale === 'fr_FR' ? [a, b] : [b, a];
    y = Number(slash[3]);
    if (y < 100) y += y < 30 ? 2000 : 1900;
  } else {
    return null;
  }
  return isValidDate(y, m, d) ? serialFromDate(y, m, d) : null;
}

/** The number a text reads as (numbers, percentages, dates), or null. */
export function parseNumericText(text: string, locale: FormulaLocale): number | null {
  let t = text.trim();
  if (t === '') return null;
  let scale = 1;
  if (t.endsWith('%')) {
    scale = 0.01;
    t = t.slice(0, -1).trim();
  }
  if (locale === 'fr_FR') {
    const compact = t.replace(SPACES, '');
    if (FR_NUMBER.test(compact)) return Number(compact.replace(',', '.')) * scale;
  } else {
    if (EN_NUMBER.test(t)) return Number(t) * scale;
    if (EN_GROUPED.test(t)) return Number(t.replace(/,/g, '')) * scale;
  }
  return scale === 1 ? parseDateText(t, locale) : null;
}

export function toNumber(v: Scalar, locale: FormulaLocale): number | ErrorValue {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === '') return 0;
  if (isErrorValue(v)) return v;
  return parseNumericText(v, locale) ?? '#VALUE!';
}

/** Number as Sheets shows it in text: up to 15 significant digits, locale decimal separator. */
export function formatNumber(n: number, locale: FormulaLocale): string {
  const plain = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
  const s = plain.replace('e', 'E');
  return locale === 'fr_FR' ? s.replace('.', ',') : s;
}

export function toText(v: Scalar, locale: FormulaLocale): string | ErrorValue {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v, locale);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '';
}

export function toBoolean(v: Scalar): boolean | ErrorValue {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null || v === '') return false;
  if (isErrorValue(v)) return v;
  const upper = v.trim().toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return '#VALUE!';
}

/** First error among the values, if any. */
export function firstError(values: readonly Scalar[]): ErrorValue | null {
  for (const v of values) if (isErrorValue(v)) return v;
  return null;
}

const collator = new Intl.Collator('fr', { sensitivity: 'accent' });

function typeRank(v: number | string | boolean): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

function emptyLike(v: number | string | boolean): number | string | boolean {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? '' : false;
}

/** Numbers equal to 15 significant digits, as Sheets compares them (0.1+0.2 = 0.3). */
export function numbersEqual(a: number, b: number): boolean {
  return a === b || Number(a.toPrecision(15)) === Number(b.toPrecision(15));
}

export function textEquals(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** Sheets ordering of two non-error values: -1, 0 or 1. */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (a === null && b === null) return 0;
  const x = a === null ? emptyLike(b as number | string | boolean) : a;
  const y = b === null ? emptyLike(x) : b;
  const rx = typeRank(x);
  const ry = typeRank(y);
  if (rx !== ry) return rx < ry ? -1 : 1;
  if (typeof x === 'number' && typeof y === 'number') {
    return numbersEqual(x, y) ? 0 : x < y ? -1 : 1;
  }
  if (typeof x === 'string' && typeof y === 'string') {
    if (textEquals(x, y)) return 0;
    const c = collator.compare(x, y);
    if (c !== 0) return c < 0 ? -1 : 1;
    return x.toLowerCase() < y.toLowerCase() ? -1 : 1;
  }
  return Number(x) - Number(y);
}
