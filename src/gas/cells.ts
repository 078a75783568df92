/**
 * Conversion between what a sheet cell holds and what the domain uses, per column kind.
 * Dates cross the boundary in the spreadsheet's time zone: a date cell reads back as a Date at
 * local midnight there, so it is formatted with that zone, never the script's.
 */
import { hasIsoForm, slashDateToIso } from '../domain/dates';
import type { CellValue, ColumnKind } from '../sheets/schema';

export type CellIn = string | number | boolean | Date | null | undefined;

export interface DateCodec {
  /** Date cell → 'YYYY-MM-DD' in the spreadsheet's time zone. */
  toIso(d: Date): string;
  /** 'YYYY-MM-DD' → the Date at that local midnight in the spreadsheet's time zone. */
  fromIso(iso: string): Date;
}

/** A Date-like from any realm (the bundle may run in a context whose Date is not ours). */
function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function readCell(v: CellIn, kind: ColumnKind, dates: DateCodec): CellValue {
  if (v === null || v === undefined || v === '') {
    return kind === 'number' ? null : kind === 'boolean' ? false : '';
  }
  switch (kind) {
    case 'date': {
      if (isDate(v)) return dates.toIso(v);
      const s = String(v).trim();
      if (hasIsoForm(s)) return s;
      // A date typed by hand in a cell formatted as text stays a string: accept dd/mm/yyyy.
      const iso = slashDateToIso(s);
      if (iso !== null) return iso;
      return s; // left for validation to reject with a message naming the value
    }
    case 'number': {
      if (typeof v === 'number') return v;
      const n = Number(String(v).replace(',', '.').replace(/\s/g, ''));
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return v === true || String(v).toUpperCase() === 'TRUE' || String(v).toUpperCase() === 'VRAI';
    default:
      if (isDate(v)) return dates.toIso(v);
      return String(v);
  }
}

/**
 * Text typed by users must stay text: Sheets would turn "=…", "+…", "-…" or "@…" into a
 * formula and "0612…" into a number. A leading apostrophe makes the cell literal and is not
 * part of the value read back, so every string not starting with a letter gets one.
 */
export function literalText(s: string): string {
  if (s === '') return '';
  return /^[\p{L}]/u.test(s) ? s : `'${s}`;
}

/**
 * A cell read earlier, written back unchanged beside the cells a row write changes: text stays
 * text (a date-like or « = » string read from a text cell would otherwise be parsed again).
 */
export function rewriteAsRead(v: CellIn): CellIn {
  return typeof v === 'string' ? literalText(v) : v;
}

/** What a read returns for a value this module wrote (the text marker is not part of it). */
export function readBack(v: CellIn): CellIn {
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
}

export function writeCell(v: CellValue, kind: ColumnKind, dates: DateCodec): CellIn {
  if (v === null || v === '') return kind === 'boolean' ? false : '';
  switch (kind) {
    case 'date':
      if (typeof v === 'string' && hasIsoForm(v)) return dates.fromIso(v);
      // Not a date (typed by hand): written back as the same text, never invented.
      return literalText(String(v));
    case 'number':
      return typeof v === 'number' ? v : Number(v);
    case 'boolean':
      return v === true;
    default:
      return literalText(String(v));
  }
}
