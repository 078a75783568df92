/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, free of any time zone.
 *
 * date-fns works on JavaScript `Date`s, which live in the host's time zone. To keep every result
 * independent of it, an ISO date is turned into a *local* Date at noon (never midnight: some zones
 * skip midnight on a DST change) and formatted back with the local calendar, so the host zone
 * cancels out. No function here reads the clock: "today" is always a parameter.
 */
import { addDays as addDaysFns, differenceInCalendarDays, format, isValid } from 'date-fns';
import type { IsoDate, Result } from './types';
import { fail, ok } from './types';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const USER_FR_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const USER_ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Years outside this range are typing mistakes in a school context (e.g. "27/02/0023"). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(year, month - 1, day, 12);
  return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day;
}

function toLocalNoon(iso: IsoDate): Date {
  const m = ISO_RE.exec(iso);
  if (!m) throw new Error(`Not an ISO date: "${iso}"`);
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  if (!isValid(d)) throw new Error(`Not an ISO date: "${iso}"`);
  return d;
}

function fromLocal(d: Date): IsoDate {
  return format(d, 'yyyy-MM-dd');
}

/** True for a real calendar day written `YYYY-MM-DD` (so '2023-02-31' is false). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The article before a field label: « La date de début », « La date d'arrêt ».
 * Elision follows the first letter (vowel or mute h).
 */
function dateOf(fieldLabel: string): string {
  const label = fieldLabel.trim();
  return /^[aeiouyhàâäéèêëîïôöùûü]/i.test(label) ? `d'${label}` : `de ${label}`;
}

/**
 * Reads a date as a user types it: "27/02/2023", "27/2/2023", "27.02.2023", "27-02-2023" or
 * "2023-02-27", with surrounding spaces. `fieldLabel` names the date in the messages
 * ("début" → « La date de début est obligatoire. », "arrêt" → « La date d'arrêt … »).
 */
export function parseUserDate(text: string, fieldLabel: string): Result<IsoDate> {
  const raw = String(text ?? '').trim();
  if (raw === '') return fail(`La date ${dateOf(fieldLabel)} est obligatoire.`);
  let parts: [number, number, number] | null = null;
  const fr = USER_FR_RE.exec(raw);
  if (fr) parts = [Number(fr[3]), Number(fr[2]), Number(fr[1])];
  const iso = USER_ISO_RE.exec(raw);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  if (parts === null || parts[0] < MIN_YEAR || parts[0] > MAX_YEAR) {
    return fail(`« ${raw} » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).`);
  }
  const [year, month, day] = parts;
  if (!isRealDay(year, month, day)) {
    return fail(`Le ${pad(day)}/${pad(month)}/${pad(year, 4)} n'existe pas.`);
  }
  return ok(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy'; '' stays '' (an optional date left empty). */
export function formatFr(iso: IsoDate | ''): string {
  if (iso === '') return '';
  const m = ISO_RE.exec(iso);
  if (!m) throw new Error(`Not an ISO date: "${iso}"`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromLocal(addDaysFns(toLocalNoon(iso), n));
}

/** -1, 0 or 1, for sorting. ISO strings order like the days they name. */
export function compareIso(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Days from a to b, both counted: (d, d) → 1; 0 when b is before a. */
export function daysBetweenInclusive(a: IsoDate, b: IsoDate): number {
  return Math.max(0, differenceInCalendarDays(toLocalNoon(b), toLocalNoon(a)) + 1);
}

export function minIso(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((m, d) => (d < m ? d : m), first);
}

export function maxIso(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((m, d) => (d > m ? d : m), first);
}

/** Every day from start to end, both included; [] when end is before start. */
export function eachDay(start: IsoDate, end: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  const last = toLocalNoon(end);
  // Stepping from noon keeps every step on its own calendar day, DST changes included.
  for (let d = toLocalNoon(start); d <= last; d = addDaysFns(d, 1)) days.push(fromLocal(d));
  return days;
}

/** 0 = lundi … 6 = dimanche (French weeks start on Monday). */
export function weekdayIndex(iso: IsoDate): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  return ((toLocalNoon(iso).getDay() + 6) % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}
