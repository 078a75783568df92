/**
 * Presence of a trainee, counted as the Code de l'éducation counts it, and what follows from it.
 *
 * - Hours: for each day from the stage's start to its end (or its stop day, included), the hours
 *   of that weekday in the stage's weekly schedule (default: weekly hours over Monday–Friday);
 *   public holidays are not presence, except for a stage abroad (French holidays do not apply
 *   there); absences and interruptions are not presence, justified or not, except leave provided
 *   for in the convention ("congé prévu", `countsAsPresence`); a half-day absence removes half of
 *   that day's hours. The school's closure days do not apply to the host company.
 * - D124-6: each 7 hours of presence, consecutive or not, make one day; each 22 days one month.
 * - L124-6 / D124-8: a gratification is due when the presence with the same host in the same
 *   school year exceeds 2 months (44 days = 308 hours), consecutive or not.
 * - L124-5: at most 6 months (924 hours) with the same host in the same school year.
 *
 * Hours are added up in minutes (a schedule is exact to the minute) so that halves and sums stay
 * exact in floating point.
 */
import type { Absence, IsoDate, Result, Stage } from './types';
import { fail, ok } from './types';
import { defaultSchedule } from './schedule';
import { eachDayIso, frNumber } from './calendar/days';
import { isIsoDate, toIso, toLocalNoon } from './dates';
import { lastStageDay } from './periods';

const HOURS_PER_DAY = 7;
const DAYS_PER_MONTH = 22;
/** 2 months = 44 days of 7 h: a gratification is due beyond this (L124-6). */
export const GRATIFICATION_THRESHOLD_HOURS = 308;
/** 6 months = 132 days of 7 h: the maximum per host and school year (L124-5). */
export const MAXIMUM_HOURS_PER_HOST = 924;

const MINUTES_PER_DAY = HOURS_PER_DAY * 60;
/** Tolerance for sums of hours that went through floating point (1/1000 of a minute). */
const EPSILON_HOURS = 1 / 60_000;

export interface Presence {
  /** Total hours of presence (may be fractional: half days, schedules to the minute). */
  hours: number;
  /** Whole days of 7 h (D124-6). */
  days: number;
  /** Whole months of 22 days (D124-6). */
  months: number;
  /** Days beyond the whole months. */
  remainderDays: number;
  /** Hours beyond the whole days. */
  remainderHours: number;
  /** "1 mois 3 jours 2 heures"; "0 heure" when there is no presence. */
  label: string;
}

export interface PresenceInput {
  stage: Pick<Stage, 'start' | 'end' | 'stoppedOn' | 'weeklyHours' | 'schedule' | 'country'>;
  absences: readonly Pick<Absence, 'start' | 'end' | 'halfDay' | 'countsAsPresence'>[];
  /** French public holidays covering the stage's years. */
  publicHolidays: ReadonlySet<IsoDate>;
  /** The setting's weekly hours, for a stage whose own weekly hours are unset. */
  defaultWeeklyHours: number;
}

/** '' or "France" (any case, any spacing) is France; anything else is a stage abroad. */
export function isAbroad(country: string): boolean {
  const c = country.trim().toLowerCase();
  return c !== '' && c !== 'france';
}

function plural(n: number, singular: string, pluralForm: string): string {
  // French: singular below 2 ("1,5 heure"), plural from 2 on.
  return `${frNumber(n)} ${n >= 2 ? pluralForm : singular}`;
}

/** "1 mois 3 jours 2 heures" from its parts; zero parts left out; "0 heure" when all are zero. */
export function presenceLabel(
  months: number,
  remainderDays: number,
  remainderHours: number,
): string {
  const parts: string[] = [];
  if (months > 0) parts.push(`${months} mois`);
  if (remainderDays > 0) parts.push(plural(remainderDays, 'jour', 'jours'));
  if (Math.round(remainderHours * 100) > 0) parts.push(plural(remainderHours, 'heure', 'heures'));
  return parts.length > 0 ? parts.join(' ') : '0 heure';
}

function fromMinutes(minutes: number): Presence {
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const months = Math.floor(days / DAYS_PER_MONTH);
  const remainderDays = days - months * DAYS_PER_MONTH;
  const remainderHours = (minutes - days * MINUTES_PER_DAY) / 60;
  return {
    hours: minutes / 60,
    days,
    months,
    remainderDays,
    remainderHours,
    label: presenceLabel(months, remainderDays, remainderHours),
  };
}

/** Presence of a number of hours (e.g. the total of several stages with the same host). */
export function presenceFromHours(hours: number): Presence {
  // Back to half-minutes, the finest unit a computed presence can have.
  return fromMinutes(Math.max(0, Math.round(hours * 120) / 2));
}

/** Fraction of each day lost to absences that are not leave: 1 (whole day) or 0.5, capped at 1. */
function absentFractions(
  absences: PresenceInput['absences'],
  first: IsoDate,
  last: IsoDate,
): Map<IsoDate, number> {
  const out = new Map<IsoDate, number>();
  for (const a of absences) {
    if (a.countsAsPresence || !isIsoDate(a.start)) continue;
    const end = a.end && isIsoDate(a.end) ? a.end : a.start;
    const from = a.start < first ? first : a.start;
    const to = end > last ? last : end;
    const fraction = a.halfDay ? 0.5 : 1;
    for (const day of eachDayIso(from, to))
      out.set(day, Math.min(1, (out.get(day) ?? 0) + fraction));
  }
  return out;
}

/** Presence of one stage (see the module comment for the rules). */
export function computePresence(input: PresenceInput): Presence {
  const { stage } = input;
  const last = lastStageDay(stage);
  if (!isIsoDate(stage.start) || !isIsoDate(last) || last < stage.start) return fromMinutes(0);
  const schedule = stage.schedule ?? defaultSchedule(stage.weeklyHours ?? input.defaultWeeklyHours);
  const minutesOf = schedule.map((h) => Math.max(0, Math.round(h * 60)));
  const holidays = isAbroad(stage.country) ? null : input.publicHolidays;
  const absent = absentFractions(input.absences, stage.start, last);

  let minutes = 0;
  const d = toLocalNoon(stage.start);
  for (let iso = stage.start; iso <= last;) {
    const planned = minutesOf[(d.getDay() + 6) % 7] ?? 0;
    if (planned > 0 && !(holidays && holidays.has(iso))) {
      minutes += planned * (1 - (absent.get(iso) ?? 0));
    }
    d.setDate(d.getDate() + 1);
    iso = toIso(d);
  }
  return fromMinutes(minutes);
}

export interface GratificationInput {
  /** The presence of every stage of one student with one host in one school year. */
  stages: readonly { hours: number }[];
  /** Minimum hourly gratification (setting: 15 % of the hourly social-security ceiling). */
  hourlyRate: number;
  /** Weekly hours the monthly amount is given for; 35 when omitted. */
  weeklyHours?: number;
}

export interface Gratification {
  totalHours: number;
  /** More than 2 months (GRATIFICATION_THRESHOLD_HOURS) with this host this school year. */
  due: boolean;
  /** More than 6 months (MAXIMUM_HOURS_PER_HOST): forbidden (L124-5). */
  exceedsMaximum: boolean;
  /**
   * Minimum gratification for one full month at `weeklyHours` (whether due or not): the hourly
   * rate × the hours of a month as D124-6 counts it, 22 days of (weeklyHours / 5) hours, i.e.
   * 154 h for 35 h a week: 4,50 € × 154 h = 693 €. The gratification actually owed for a month is
   * the rate × the hours of presence in that month (D124-8); this is the figure for a full month.
   */
  minimumMonthly: number;
  /** "Gratification due : 693,00 € par mois (35 h/semaine)" or "Non due (2 mois ou moins)". */
  label: string;
}

/** 693 → "693,00 €", 1234.5 → "1 234,50 €". */
export function formatEuros(amount: number): string {
  const [units = '0', cents = '00'] = (Math.round(amount * 100) / 100).toFixed(2).split('.');
  return `${units.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${cents} €`;
}

export function gratification(input: GratificationInput): Gratification {
  const weeklyHours = input.weeklyHours ?? 35;
  const totalHours = input.stages.reduce((sum, s) => sum + s.hours, 0);
  const due = totalHours > GRATIFICATION_THRESHOLD_HOURS + EPSILON_HOURS;
  const exceedsMaximum = totalHours > MAXIMUM_HOURS_PER_HOST + EPSILON_HOURS;
  const monthHours = (weeklyHours / 5) * DAYS_PER_MONTH;
  const minimumMonthly = Math.round(input.hourlyRate * monthHours * 100) / 100;
  const dueLabel = `Gratification due : ${formatEuros(minimumMonthly)} par mois (${frNumber(weeklyHours)} h/semaine)`;
  let label = due ? dueLabel : 'Non due (2 mois ou moins)';
  if (exceedsMaximum)
    label = `Interdit : plus de 6 mois (${MAXIMUM_HOURS_PER_HOST} h) dans le même organisme. ${dueLabel}`;
  return { totalHours, due, exceedsMaximum, minimumMonthly, label };
}

/** Refuses more than 6 months with the same host in the same school year (L124-5). */
export function presenceLimitsCheck(totalHours: number): Result<void> {
  if (totalHours > MAXIMUM_HOURS_PER_HOST + EPSILON_HOURS) {
    return fail(
      `Plus de 6 mois (${MAXIMUM_HOURS_PER_HOST} heures) de stage dans le même organisme d'accueil pour la même année scolaire : c'est interdit (article L124-5 du Code de l'éducation).`,
    );
  }
  return ok(undefined);
}
