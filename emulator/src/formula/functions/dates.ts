/**
 * TODAY, NOW, DATE, YEAR, MONTH, DAY, WEEKDAY, WEEKNUM, ISOWEEKNUM, EDATE, EOMONTH,
 * NETWORKDAYS. Dates are serial numbers; TODAY and NOW come from the environment (already in
 * the spreadsheet's time zone).
 */
import { toNumber } from '../coerce';
import type { EvalContext } from '../context';
import { dateFromSerial, daysInMonth, serialFromDate, type CalendarDate } from '../serial';
import type { Scalar } from '../types';
import { lifted, whole, type FunctionTable } from './registry';

/** Arguments as whole numbers (dates truncated to their day), or the first error. */
function withNumbers(fn: (...n: number[]) => Scalar) {
  return (args: Scalar[], ctx: EvalContext): Scalar => {
    const nums: number[] = [];
    for (const a of args) {
      const n = toNumber(a, ctx.locale);
      if (typeof n !== 'number') return n;
      nums.push(Math.floor(n));
    }
    return fn(...nums);
  };
}

function withDate(fn: (d: CalendarDate, serial: number, ...rest: number[]) => Scalar) {
  return withNumbers((serial = 0, ...rest) =>
    serial < 0 ? '#NUM!' : fn(dateFromSerial(serial), serial, ...rest),
  );
}

/** Week number counting the week holding 1 January as week 1, weeks starting on `firstDay`. */
function weekNumber(d: CalendarDate, serial: number, firstDay: number): number {
  const jan1 = serialFromDate(d.year, 1, 1);
  const jan1Weekday = dateFromSerial(jan1).weekday;
  const offset = (jan1Weekday - firstDay + 7) % 7;
  return Math.floor((serial - jan1 + offset) / 7) + 1;
}

function isoWeekNumber(serial: number): number {
  const d = dateFromSerial(serial);
  const mondayBased = (d.weekday + 6) % 7; // Monday = 0
  const thursday = serial - mondayBased + 3;
  const year = dateFromSerial(thursday).year;
  return Math.floor((thursday - serialFromDate(year, 1, 1)) / 7) + 1;
}

/** WEEKNUM types → first day of the week (0 = Sunday); 21 is ISO. */
const WEEKNUM_START: Readonly<Record<number, number>> = {
  1: 0,
  2: 1,
  11: 1,
  12: 2,
  13: 3,
  14: 4,
  15: 5,
  16: 6,
  17: 0,
};

function addMonths(serial: number, months: number, endOfMonth: boolean): number {
  const d = dateFromSerial(serial);
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = daysInMonth(year, month);
  return serialFromDate(year, month, endOfMonth ? last : Math.min(d.day, last));
}

function holidaySet(value: Scalar[][] | null, ctx: EvalContext): Set<number> | Scalar {
  const set = new Set<number>();
  for (const row of value ?? []) {
    for (const v of row) {
      if (v === null || v === '') continue;
      const n = toNumber(v, ctx.locale);
      if (typeof n !== 'number') return n;
      set.add(Math.floor(n));
    }
  }
  return set;
}

export const DATE_FUNCTIONS: FunctionTable = {
  TODAY: whole(0, 0, (_args, ctx) => ctx.env.today),
  NOW: whole(0, 0, (_args, ctx) => ctx.env.now),
  DATE: lifted(
    3,
    3,
    withNumbers((y = 0, m = 1, d = 1) => {
      const year = y >= 0 && y < 1900 ? y + 1900 : y;
      if (year < 0 || year > 9999) return '#NUM!';
      const serial = serialFromDate(year, m, d);
      return serial < 0 ? '#NUM!' : serial;
    }),
  ),
  YEAR: lifted(
    1,
    1,
    withDate((d) => d.year),
  ),
  MONTH: lifted(
    1,
    1,
    withDate((d) => d.month),
  ),
  DAY: lifted(
    1,
    1,
    withDate((d) => d.day),
  ),
  WEEKDAY: lifted(
    1,
    2,
    withDate((d, _serial, type = 1) => {
      if (type === 1) return d.weekday + 1;
      if (type === 2) return ((d.weekday + 6) % 7) + 1;
      if (type === 3) return (d.weekday + 6) % 7;
      return '#NUM!';
    }),
  ),
  WEEKNUM: lifted(
    1,
    2,
    withDate((d, serial, type = 1) => {
      if (type === 21) return isoWeekNumber(serial);
      const start = WEEKNUM_START[type];
      return start === undefined ? '#NUM!' : weekNumber(d, serial, start);
    }),
  ),
  ISOWEEKNUM: lifted(
    1,
    1,
    withDate((_d, serial) => isoWeekNumber(serial)),
  ),
  EDATE: lifted(
    2,
    2,
    withDate((_d, serial, months = 0) => addMonths(serial, months, false)),
  ),
  EOMONTH: lifted(
    2,
    2,
    withDate((_d, serial, months = 0) => addMonths(serial, months, true)),
  ),
  NETWORKDAYS: lifted(
    2,
    3,
    (args, ctx, raw) => {
      const start = toNumber(args[0] ?? null, ctx.locale);
      const end = toNumber(args[1] ?? null, ctx.locale);
      if (typeof start !== 'number') return start;
      if (typeof end !== 'number') return end;
      const holidays = holidaySet(raw.length > 2 ? ctx.toMatrix(raw[2] ?? null) : null, ctx);
      if (!(holidays instanceof Set)) return holidays;
      const [from, to] = start <= end ? [start, end] : [end, start];
      let count = 0;
      for (let s = Math.floor(from); s <= Math.floor(to); s++) {
        const weekday = dateFromSerial(s).weekday;
        if (weekday !== 0 && weekday !== 6 && !holidays.has(s)) count++;
      }
      return start <= end ? count : -count;
    },
    { raw: [2] },
  ),
};
