/**
 * Date ranges with both ends included (a stage from 01/02 to 27/02 is at its company on the 27th),
 * so two ranges that merely touch (…–27/02 and 28/02–…) share no day and do not overlap.
 */
import { formatFr } from './dates';
import type { IsoDate, Period, Stage } from './types';

/** True when the two ranges share at least one day. */
export function overlaps(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** True when `day` is one of the days of `p`. */
export function includesDay(p: Period, day: IsoDate): boolean {
  return p.start <= day && day <= p.end;
}

/** True when every day of `inner` lies in `outer`. */
export function contains(outer: Period, inner: Period): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The first period holding the whole of `inner`, or null. */
export function periodContaining<P extends Period>(periods: readonly P[], inner: Period): P | null {
  return periods.find((p) => contains(p, inner)) ?? null;
}

/** « du 01/02/2023 au 31/03/2023 », for messages. */
export function describePeriod(p: Period): string {
  return `du ${formatFr(p.start)} au ${formatFr(p.end)}`;
}

/** « du 01/02/2023 au 31/03/2023 ou du 02/05/2023 au 26/05/2023 ». */
export function describePeriods(periods: readonly Period[]): string {
  return periods.map(describePeriod).join(' ou ');
}

/** The last day a stage runs: its stop day when stopped (a stop day is spent there), else its end. */
export function lastStageDay(s: Pick<Stage, 'end' | 'stoppedOn'>): IsoDate {
  return s.stoppedOn || s.end;
}
