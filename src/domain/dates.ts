/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, free of any time zone: the one place where that
 * form, and the French `jj/mm/aaaa` one, are written down.
 *
 * An ISO date becomes a *local* Date at noon (never midnight: some zones skip midnight on a DST
 * change) for date-fns' calendar arithmetic, and is read back with the local getters, so the host
 * zone cancels out. No function here reads the clock: "today" is always a parameter.
 */
import { addDays as addDaysFns, isValid } from 'date-fns';
import type { IsoDate, Result } from './types';
import { fail, ok } from './types';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date a sheet cell holds as text, as French users write it: "27/02/2023", "5/3/2023". */
const SLASH_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
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

/** The local Date at noon of an ISO date; throws on anything else. */
export function toLocalNoon(iso: IsoDate): Date {
  const m = ISO_RE.exec(iso);
  if (!m) throw new Error(`Not an ISO date: "${iso}"`);
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  if (!isValid(d)) throw new Error(`Not an ISO date: "${iso}"`);
  return d;
}

/**
 * The ISO date of a local Date (its local calendar day). Hand-written rather than date-fns'
 * `format`: the presence count calls it for every day of every stage.
 */
export function toIso(d: Date): IsoDate {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `YYYY-MM-DD` from its parts, not checked (see isIsoDate). */
export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** True for a real calendar day written `YYYY-MM-DD` (so '2023-02-31' is false). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * True for text written `YYYY-MM-DD`, a real day or not: what a date cell reads as. Code that
 * must tell a date cell from text typed by hand asks this; a rule about days asks isIsoDate.
 */
export function hasIsoForm(s: string): boolean {
  return ISO_RE.test(s);
}

/** "27/02/2023" or "5/3/2023" → "2023-02-27", "2023-03-05" (the day is not checked); else null. */
export function slashDateToIso(s: string): string | null {
  const m = SLASH_RE.exec(s);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
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
  return toIso(addDaysFns(toLocalNoon(iso), n));
}
