/**
 * Gathers, day by day, what the planning sheets show: which stage covers the day, stop days,
 * absences, holidays, periods, weekends. Shared by the stage calendar and the session overview.
 */
import type { Absence, IsoDate, Period, Stage } from '../types';
import { addDays, isIsoDate } from '../dates';
import { lastStageDay } from '../periods';
import { eachDayIso, weekdayMon0 } from './days';
import type { DayFacts } from './grid';

export type CalendarStage = Pick<Stage, 'start' | 'end' | 'stoppedOn'> & {
  originalEnd?: Stage['originalEnd'];
};

export interface FactsInput {
  /** In order of importance: the first one wins a day two stages would share. */
  stages: readonly CalendarStage[];
  absences: readonly Pick<Absence, 'start' | 'end' | 'halfDay'>[];
  periods: readonly Period[];
  publicHolidays: ReadonlyMap<IsoDate, string>;
  schoolHolidays: ReadonlyMap<IsoDate, string>;
}

/** Day → facts, for the days from `from` to `to`; a day outside gives blank facts. */
export function dayFactsBetween(
  input: FactsInput,
  from: IsoDate,
  to: IsoDate,
): (day: IsoDate) => DayFacts {
  const clip = (a: IsoDate, b: IsoDate): IsoDate[] =>
    isIsoDate(a) && isIsoDate(b) ? eachDayIso(a < from ? from : a, b > to ? to : b) : [];

  const stageOf = new Map<IsoDate, number>();
  const stops = new Set<IsoDate>();
  const planned = new Set<IsoDate>();
  input.stages.forEach((s, i) => {
    for (const day of clip(s.start, lastStageDay(s))) if (!stageOf.has(day)) stageOf.set(day, i);
    if (s.stoppedOn && isIsoDate(s.stoppedOn)) {
      stops.add(s.stoppedOn);
      if (s.originalEnd && s.originalEnd > s.stoppedOn) {
        for (const day of clip(addDays(s.stoppedOn, 1), s.originalEnd)) planned.add(day);
      }
    }
  });

  const absences = new Map<IsoDate, 'full' | 'half'>();
  for (const a of input.absences) {
    const end = a.end && isIsoDate(a.end) ? a.end : a.start;
    for (const day of clip(a.start, end)) {
      if (absences.get(day) !== 'full') absences.set(day, a.halfDay ? 'half' : 'full');
    }
  }

  const periodOf = new Map<IsoDate, number>();
  input.periods.forEach((p, i) => {
    for (const day of clip(p.start, p.end)) if (!periodOf.has(day)) periodOf.set(day, i + 1);
  });

  return (day) => {
    const stageIndex = stageOf.get(day) ?? -1;
    return {
      stageIndex,
      stop: stops.has(day),
      cancelled: stageIndex < 0 && planned.has(day),
      absence: absences.get(day) ?? null,
      publicHoliday: input.publicHolidays.get(day) ?? null,
      schoolHoliday: input.schoolHolidays.get(day) ?? null,
      period: periodOf.get(day) ?? 0,
      weekend: weekdayMon0(day) >= 5,
    };
  };
}
