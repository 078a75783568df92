/**
 * Absences of a trainee during a stage ("Absences…"): what the form may record. An absence has a
 * reason, lies within the days the stage runs, falls on at least one day the stage works, and
 * never shares a day with another absence of that stage.
 */
import { eachDayIso, weekdayMon0 } from './calendar/days';
import { formatFr, parseUserDate } from './dates';
import { MAX_REASON_LENGTH } from './limits';
import { contains, describePeriod, lastStageDay, overlaps } from './periods';
import { isAbroad } from './presence';
import { defaultSchedule, formatSchedule } from './schedule';
import { typed } from './text';
import type { IsoDate, Period, Result, Stage } from './types';
import { fail, ok } from './types';

/** What the form sends, dates as typed ("27/02/2023"); an empty end means the start day. */
export interface AbsenceText {
  start: string;
  end: string;
  halfDay: boolean;
  reason: string;
}

export interface ValidAbsence extends Period {
  halfDay: boolean;
  reason: string;
}

/** The form on its own, before the stage and its other absences are read. */
export function validateAbsence(input: AbsenceText): Result<ValidAbsence> {
  const start = parseUserDate(typed(input.start), 'début de l’absence');
  if (!start.ok) return fail(start.error, 'start');
  const endText = typed(input.end).trim() === '' ? typed(input.start) : typed(input.end);
  const end = parseUserDate(endText, 'fin de l’absence');
  if (!end.ok) return fail(end.error, 'end');
  if (end.value < start.value) return fail("La fin de l'absence est avant son début.", 'end');
  const halfDay = input.halfDay === true;
  if (halfDay && start.value !== end.value) {
    return fail('Une demi-journée d’absence tient sur un seul jour.', 'halfDay');
  }
  const reason = typed(input.reason).trim();
  // Required: an absence is later justified, or not, from its reason; an unknown reason is
  // said as such rather than left blank (a blank could be a forgotten field).
  if (reason === '') {
    return fail(
      "Le motif de l'absence est obligatoire : écrivez « non communiqué » si l'élève n'en a pas donné.",
      'reason',
    );
  }
  if (reason.length > MAX_REASON_LENGTH) {
    return fail(
      `Le motif de l'absence est trop long : ${reason.length} caractères pour ${MAX_REASON_LENGTH} au plus.`,
      'reason',
    );
  }
  return ok({ start: start.value, end: end.value, halfDay, reason });
}

/** An absence lies within the days its stage runs, the stop day included. */
export function checkAbsenceInStage(
  absence: Period,
  stage: Pick<Stage, 'start' | 'end' | 'stoppedOn'>,
): Result<void> {
  const days: Period = { start: stage.start, end: lastStageDay(stage) };
  if (contains(days, absence)) return ok(undefined);
  return fail(
    `L'absence doit être comprise dans le stage, ${describePeriod(days)}.`,
    absence.start < days.start ? 'start' : 'end',
  );
}

/** Two absences of one stage never share a day. */
export function checkNoAbsenceClash(absence: Period, others: readonly Period[]): Result<void> {
  const clash = others.find((a) => overlaps(a, absence));
  return clash
    ? fail(`Une absence est déjà saisie ${describePeriod(clash)}.`, 'start')
    : ok(undefined);
}

const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** "samedi 04/02/2023". */
export function describeDay(day: IsoDate): string {
  return `${DAY_NAMES[weekdayMon0(day)]} ${formatFr(day)}`;
}

/** What decides whether a stage works on a day, besides the stage itself. */
export interface WorkedDaysContext {
  /** The settings' weekly hours, for a stage whose own are unset (spread Monday–Friday). */
  defaultWeeklyHours: number;
  /** French public holidays of the absence's years; they do not apply to a stage abroad. */
  publicHolidays: ReadonlySet<IsoDate>;
}

type ScheduledStage = Pick<Stage, 'schedule' | 'weeklyHours' | 'country'>;

function scheduleText(stage: ScheduledStage): string {
  return stage.schedule
    ? `horaire semaine type : ${formatSchedule(stage.schedule)}`
    : 'horaire : du lundi au vendredi';
}

/**
 * An absence counts only on the days its stage works: its weekly schedule ("Horaire semaine
 * type", else Monday to Friday), public holidays excepted (in France). An absence with no such
 * day is refused; one spanning a weekend or a day off (a sick note runs on calendar days) is
 * accepted, and the days it does not count are returned, for the user to be told.
 */
export function checkAbsenceWorkedDays(
  absence: Period,
  stage: ScheduledStage,
  ctx: WorkedDaysContext,
): Result<IsoDate[]> {
  const schedule = stage.schedule ?? defaultSchedule(stage.weeklyHours ?? ctx.defaultWeeklyHours);
  const holidays = isAbroad(stage.country) ? new Set<IsoDate>() : ctx.publicHolidays;
  const days = eachDayIso(absence.start, absence.end);
  const off = days.filter((d) => !((schedule[weekdayMon0(d)] ?? 0) > 0) || holidays.has(d));
  if (off.length < days.length) return ok(off);
  const only = days.length === 1 ? days[0]! : null;
  if (only !== null) {
    const why = holidays.has(only)
      ? 'est un jour férié'
      : `n'est pas travaillé dans ce stage (${scheduleText(stage)})`;
    return fail(
      `Le ${describeDay(only)} ${why} : une absence se saisit sur un jour travaillé.`,
      'start',
    );
  }
  return fail(
    `Aucun jour ${describePeriod(absence)} n'est travaillé dans ce stage (${scheduleText(stage)}, ` +
      'hors jours fériés) : une absence compte au moins un jour travaillé.',
    'start',
  );
}
