/**
 * Date serial numbers (days since 1899-12-30, as Sheets stores dates). Computed with UTC
 * arithmetic only, so the host's time zone never leaks in.
 */

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** Serial of a calendar date; out-of-range months and days roll over as in DATE(). */
export function serialFromDate(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return Math.round((d.getTime() - EPOCH_MS) / DAY_MS);
}

export function dateFromSerial(serial: number): CalendarDate {
  const d = new Date(EPOCH_MS + Math.floor(serial) * DAY_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

/** A UTC Date at the serial's midnight, for Intl formatting with timeZone 'UTC'. */
export function utcDateOf(serial: number): Date {
  return new Date(EPOCH_MS + Math.floor(serial) * DAY_MS);
}

export function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
