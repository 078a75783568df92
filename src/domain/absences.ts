/**
 * Absences of a trainee during a stage ("Absences…"): what the form may record. An absence lies
 * within the days the stage runs and never shares a day with another absence of that stage.
 */
import { parseUserDate } from './dates';
import { MAX_REASON_LENGTH } from './limits';
import { contains, describePeriod, lastStageDay, overlaps } from './periods';
import { typed } from './text';
import type { Period, Result, Stage } from './types';
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
  if (reason.length > MAX_REASON_LENGTH) {
    return fail(`Le motif est trop long (${MAX_REASON_LENGTH} caractères au plus).`, 'reason');
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
