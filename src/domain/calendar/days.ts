/**
 * Day-by-day helpers of the planning modules (holidays, presence, calendar). ISO dates are read
 * and written by src/domain/dates.ts; these walk the calendar from one to the next.
 */
import { getDaysInMonth, getISOWeek } from 'date-fns';
import { toIso, toLocalNoon } from '../dates';
import type { IsoDate } from '../types';

/** Every day from `start` to `end`, both included; empty when end < start. */
export function eachDayIso(start: IsoDate, end: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  const d = toLocalNoon(start);
  const last = toIso(toLocalNoon(end));
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
  return (toLocalNoon(iso).getDay() + 6) % 7;
}

export function isoWeekOf(iso: IsoDate): number {
  return getISOWeek(toLocalNoon(iso));
}

export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new Date(year, month - 1, 1, 12));
}

/** French decimal number: 3.5 → "3,5", 7 → "7", 1/3 → "0,33" (at most two decimals). */
export function frNumber(n: number, decimals = 2): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(n * factor) / factor;
  return String(rounded).replace('.', ',');
}
