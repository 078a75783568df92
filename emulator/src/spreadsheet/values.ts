/**
 * Value coercion between script values and stored cells, as the real service does it:
 * - a JS Date written to a cell becomes a date serial (days since 1899-12-30) at the wall-clock
 *   time of the SPREADSHEET's time zone, and reads back as a Date at that wall-clock time;
 * - strings are "user entered": '=…' is a formula, a leading apostrophe forces text, numbers,
 *   percentages, dates and booleans typed as text are recognised in the spreadsheet's locale.
 *
 * Nothing here depends on the host process's time zone: offsets come from Intl for the
 * spreadsheet's zone.
 */
import type { LocaleInfo } from './locale';
import type { Primitive } from './model';

export const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
export const DAY_MS = 86_400_000;

/** Converts instants to and from date serials in one IANA time zone. */
export class ZoneClock {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  }

  /** Offset (ms) of the zone's wall clock from UTC at a UTC instant. */
  offsetAt(utcMs: number): number {
    // Offsets only change on (at least) quarter-hour boundaries: cache per quarter hour.
    const bucket = Math.floor(utcMs / 900_000);
    const hit = this.offsets.get(bucket);
    if (hit !== undefined) return hit;
    const at = bucket * 900_000;
    const parts: Record<string, string> = {};
    for (const p of this.fmt.formatToParts(new Date(at))) parts[p.type] = p.value;
    let year = Number(parts.year);
    if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
    const wall = Date.UTC(
      year,
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    // Date.UTC maps years 0..99 to 1900..1999; none of our dates are that old.
    const offset = wall - at;
    this.offsets.set(bucket, offset);
    return offset;
  }

  toSerial(date: Date): number {
    const ms = date.getTime();
    return (ms + this.offsetAt(ms) - SERIAL_EPOCH_MS) / DAY_MS;
  }

  fromSerial(serial: number): Date {
    const wall = SERIAL_EPOCH_MS + Math.round(serial * DAY_MS);
    const guess = wall - this.offsetAt(wall);
    return new Date(wall - this.offsetAt(guess));
  }
}

/** Wall-clock parts of a serial, independent of any zone. */
export function serialParts(serial: number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
} {
  const d = new Date(SERIAL_EPOCH_MS + Math.round(serial * DAY_MS));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

export function serialOf(year: number, month: number, day: number, h = 0, m = 0, s = 0): number {
  return (Date.UTC(year, month - 1, day, h, m, s) - SERIAL_EPOCH_MS) / DAY_MS;
}

/** What a written value becomes in the cell. */
export type Written =
  | { kind: 'empty' }
  | { kind: 'value'; value: Primitive; autoFormat?: string }
  | { kind: 'formula'; formula: string };

export interface InputContext {
  locale: LocaleInfo;
  clock: ZoneClock;
  /** The cell's current number format (undefined = automatic). */
  cellFormat: string | undefined;
  /** Current year in the spreadsheet's zone, for dates typed without a year. */
  currentYear: number;
}

export function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** Coerce a value given to setValue/setValues. */
export function coerceInput(raw: unknown, ctx: InputContext): Written {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' };
  if (typeof raw === 'boolean') return { kind: 'value', value: raw };
  if (typeof raw === 'number') return { kind: 'value', value: raw };
  if (isDate(raw)) {
    const t = raw.getTime();
    if (Number.isNaN(t)) return { kind: 'value', value: String(raw) };
    const serial = ctx.clock.toSerial(raw);
    const midnight = Math.abs(serial - Math.round(serial)) < 1e-9;
    return {
      kind: 'value',
      value: serial,
      autoFormat: midnight ? ctx.locale.dateFormat : ctx.locale.dateTimeFormat,
    };
  }
  const s = typeof raw === 'string' ? raw : String(raw);
  // Plain-text cells keep whatever is typed, formulas included.
  if (ctx.cellFormat === '@') return { kind: 'value', value: s };
  if (s.startsWith("'")) return { kind: 'value', value: s.slice(1) };
  if (s.startsWith('=') && s.length > 1) return { kind: 'formula', formula: s };
  const parsed = parseTyped(s, ctx);
  if (parsed) return parsed;
  // Sheets reads input starting with '+' or '-' as a formula ("+33 6 12…" is a formula that
  // fails to parse: #ERROR!). See values.test.ts.
  if ((s.startsWith('+') || s.startsWith('-')) && s.length > 1) {
    return { kind: 'formula', formula: `=${s}` };
  }
  return { kind: 'value', value: s };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Numbers, percentages, booleans, dates and times typed as text, or null for plain text. */
export function parseTyped(input: string, ctx: InputContext): Written | null {
  const s = input.trim();
  if (!s) return null;
  const loc = ctx.locale;
  // Fast path for ordinary text: typed numbers and dates start with a digit, a sign or a mark.
  if (!/^[\d+\-.,]/.test(s)) {
    const lower = s.toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'value', value: lower === 'true' };
    const b = loc.boolInput[lower];
    return b === undefined ? null : { kind: 'value', value: b };
  }
  const num = parseLocaleNumber(s, loc);
  if (num !== null) return { kind: 'value', value: num };
  const pct = /^(.*\d)\s*%$/.exec(s);
  if (pct?.[1]) {
    const n = parseLocaleNumber(pct[1], loc);
    if (n !== null) {
      const value = n / 100;
      return { kind: 'value', value, autoFormat: Number.isInteger(n) ? '0%' : '0.00%' };
    }
  }
  const lower = s.toLowerCase();
  if (lower === 'true' || lower === 'false') return { kind: 'value', value: lower === 'true' };
  const localBool = loc.boolInput[lower];
  if (localBool !== undefined) return { kind: 'value', value: localBool };
  return parseDateTime(s, ctx);
}

const numberRes = new WeakMap<LocaleInfo, RegExp>();

function numberRe(loc: LocaleInfo): RegExp {
  let re = numberRes.get(loc);
  if (!re) {
    const dec = escapeRe(loc.decimal);
    const groups = loc.groupInput.map(escapeRe).join('|');
    re = new RegExp(
      `^([+-]?)(\\d{1,3}(?:(?:${groups})\\d{3})+|\\d+)?(?:${dec}(\\d+))?(?:[eE]([+-]?\\d+))?$`,
    );
    numberRes.set(loc, re);
  }
  return re;
}

export function parseLocaleNumber(s: string, loc: LocaleInfo): number | null {
  const m = numberRe(loc).exec(s);
  if (!m) return null;
  const [, sign = '', int, frac, exp] = m;
  if (int === undefined && frac === undefined) return null;
  const digits = (int ?? '0').replace(/\D/g, '');
  const text = `${sign}${digits}${frac !== undefined ? `.${frac}` : ''}${exp !== undefined ? `e${exp}` : ''}`;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  // Two-digit years: 00–29 → 2000s, 30–99 → 1900s.
  return n < 30 ? 2000 + n : 1900 + n;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function parseTime(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3] ?? 0);
  if (h > 23 || min > 59 || sec > 59) return null;
  return (h * 3600 + min * 60 + sec) / 86400;
}

function parseDateTime(s: string, ctx: InputContext): Written | null {
  const loc = ctx.locale;
  const time = parseTime(s);
  if (time !== null) return { kind: 'value', value: time, autoFormat: loc.timeFormat };
  const [datePart = '', timePart, ...rest] = s.split(/\s+/);
  if (rest.length) return null;
  let t = 0;
  if (timePart !== undefined) {
    const tt = parseTime(timePart);
    if (tt === null) return null;
    t = tt;
  }
  let y: number;
  let mo: number;
  let d: number;
  let format: string;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(datePart);
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(datePart);
  const dm = /^(\d{1,2})\/(\d{1,2})$/.exec(datePart);
  if (iso) {
    y = Number(iso[1]);
    mo = Number(iso[2]);
    d = Number(iso[3]);
    format = timePart !== undefined ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd';
  } else if (dmy) {
    const a = Number(dmy[1]);
    const b = Number(dmy[3]);
    y = fullYear(dmy[4] ?? '');
    [mo, d] = loc.monthFirst ? [a, b] : [b, a];
    format = timePart !== undefined ? loc.dateTimeFormat : loc.dateFormat;
  } else if (dm && timePart === undefined) {
    const a = Number(dm[1]);
    const b = Number(dm[2]);
    y = ctx.currentYear;
    [mo, d] = loc.monthFirst ? [a, b] : [b, a];
    format = loc.monthFirst ? 'M/d' : 'dd/MM';
  } else {
    return null;
  }
  if (!validDate(y, mo, d)) return null;
  return { kind: 'value', value: serialOf(y, mo, d) + t, autoFormat: format };
}
