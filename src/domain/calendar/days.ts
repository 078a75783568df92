/**
 * Small ISO-date helpers private to the planning modules (holidays, presence, calendar).
 *
 * Dates are built at local noon so that no daylight-saving jump can move them to another day,
 * whatever the host time zone; date-fns does the calendar arithmetic on those local dates and the
 * result is read back with the local getters. The presence loop runs over thousands of stages,
 * hence the hand-written `toIso` rather than date-fns `format`.
 */
import { addDays, differenceInCalendarDays, getDaysInMonth, getISOWeek } from 'date-fns';
import type { IsoDate } from '../types';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2023-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= getDaysInMonth(new Date(y, mo - 1, 1, 12));
}

/** Local noon of an ISO date; the caller guarantees the format. */
export function toDate(iso: IsoDate): Date {
  return new Date(
    Number(iso.slice(0, 4)),
    Number(iso.slice(5, 7)) - 1,
    Number(iso.slice(8, 10)),
    12,
  );
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO date of a local Date (its local calendar day). */
export function toIso(d: Date): IsoDate {
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function addDaysIso(iso: IsoDate, n: number): IsoDate {
  return toIso(addDays(toDate(iso), n));
}

/** Number of calendar days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(toDate(b), toDate(a));
}

/** Every day from `start` to `end`, both included; empty when end < start. */
export function eachDayIso(start: IsoDate, end: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  const d = toDate(start);
  const last = toIso(toDate(end));
  if (last < start) return out;
  for (let iso = toIso(d); iso <= last;) {
    out.push(iso);
    d.setDate(d.getDate() + 1);
    iso = toIso(d);
  }
  return out;
}

/** 0 = Monday … 6 = Sunday (the order of `WeeklySchedule`). */
export function weekdayMon0(iso: IsoDate): number {
  return (toDate(iso).getDay() + 6) % 7;
}

export function isoWeekOf(iso: IsoDate): number {
  return getISOWeek(toDate(iso));
}

export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new Date(year, month - 1, 1, 12));
}

/** `dd/MM/yyyy`, as French users read and type dates. */
export function frDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** School year "2022-2023" of a date: September to August. */
export function schoolYearOf(iso: IsoDate): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const first = m >= 9 ? y : y - 1;
  return `${first}-${first + 1}`;
}

/** First and last day of a school year "2022-2023", or null when the text is not one. */
export function schoolYearBounds(schoolYear: string): { start: IsoDate; end: IsoDate } | null {
  const m = /^\s*(\d{4})\s*[-/]\s*(\d{4})\s*$/.exec(schoolYear);
  if (!m) return null;
  const first = Number(m[1]);
  if (Number(m[2]) !== first + 1) return null;
  return { start: isoOf(first, 9, 1), end: isoOf(first + 1, 8, 31) };
}

/** French decimal number: 3.5 → "3,5", 7 → "7", 1/3 → "0,33" (at most two decimals). */
export function frNumber(n: number, decimals = 2): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(n * factor) / factor;
  return String(rounded).replace('.', ',');
}
