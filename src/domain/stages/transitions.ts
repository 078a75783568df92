/**
 * What staff do to a stage (PRONOTE seed 000, steps 3 to 5): stop it, remove the stop, assign a
 * new stage, split it in one action, reassign it, affect several rows at once.
 *
 * Every function takes the raw text typed in the sidebar, judges it completely, and returns
 * either the new stage(s) or one French message with the `field` at fault; nothing is half-done.
 * `others` are the student's stages in every session (the stage itself may be among them: it is
 * recognised by its ID and ignored).
 */
import { addDays, formatFr, parseUserDate } from '../dates';
import { tutorLabel } from '../labels';
import { MAX_REASON_LENGTH, MAX_WEEKLY_HOURS } from '../limits';
import {
  describePeriod,
  describePeriods,
  includesDay,
  overlaps,
  periodContaining,
} from '../periods';
import type { IsoDate, Period, Result, Session, Stage, Tutor } from '../types';
import { fail, ok } from '../types';

export interface NewStageContext {
  newId: string;
  tutors: readonly Tutor[];
  /** Titles of the other sessions, to name them in an overlap message (optional). */
  sessions?: readonly Pick<Session, 'id' | 'title'>[];
}

function checkReason(raw: string): Result<string> {
  const reason = String(raw ?? '').trim();
  if (reason === '') return fail("Le motif de l'arrêt est obligatoire.", 'reason');
  if (reason.length > MAX_REASON_LENGTH) {
    return fail(
      `Le motif de l'arrêt est trop long : ${reason.length} caractères pour ${MAX_REASON_LENGTH} au plus.`,
      'reason',
    );
  }
  return ok(reason);
}

function parseDate(text: string, label: string, field: string): Result<IsoDate> {
  const r = parseUserDate(text, label);
  return r.ok ? r : fail(r.error, field);
}

/**
 * Weekly hours as typed: '' → null (the default applies); "35", "17,5", "17.5", "35h", "35 h 30".
 */
export function parseWeeklyHours(text: string): Result<number | null> {
  const raw = String(text ?? '').trim();
  if (raw === '') return ok(null);
  let hours: number | null = null;
  const decimal = /^(\d{1,3}(?:[.,]\d+)?)\s*(?:h|heures?)?$/i.exec(raw);
  if (decimal) hours = Number(decimal[1]!.replace(',', '.'));
  const hm = /^(\d{1,3})\s*h\s*([0-5]\d)$/i.exec(raw);
  if (hm) hours = Number(hm[1]) + Number(hm[2]) / 60;
  if (hours === null || !Number.isFinite(hours)) {
    return fail(
      `« ${raw} » n'est pas une durée hebdomadaire : écrivez un nombre d'heures, par exemple 35 ou 17,5.`,
      'weeklyHours',
    );
  }
  if (hours <= 0 || hours > MAX_WEEKLY_HOURS) {
    return fail(
      `La durée hebdomadaire doit être comprise entre 0 et ${MAX_WEEKLY_HOURS} heures (0 exclu).`,
      'weeklyHours',
    );
  }
  return ok(hours);
}

/** null when the tutor may be chosen with this company, else the French reason. */
function tutorProblem(
  tutorId: string,
  companyId: string,
  tutors: readonly Tutor[],
  where = "l'entreprise choisie",
): string | null {
  if (tutorId === '') return null;
  const tutor = tutors.find((t) => t.id === tutorId);
  if (!tutor) return "Ce tuteur n'existe pas (ou plus) dans la feuille Tuteurs.";
  if (companyId === '') return "Choisissez l'entreprise avant son tuteur.";
  if (tutor.companyId !== companyId) return `${tutorLabel(tutor)} n'est pas tuteur dans ${where}.`;
  return null;
}

function tutorBelongs(tutorId: string, companyId: string, tutors: readonly Tutor[]): boolean {
  return tutors.some((t) => t.id === tutorId && t.companyId === companyId && companyId !== '');
}

/** The first of the student's other stages (by date) sharing a day with `range`. */
function findClash(
  studentId: string,
  range: Period,
  others: readonly Stage[],
  excludeIds: readonly string[],
): Stage | null {
  const clashes = others
    .filter((o) => o.studentId === studentId && !excludeIds.includes(o.id) && overlaps(o, range))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return clashes[0] ?? null;
}

function clashMessage(clash: Stage, session: Session, ctx: NewStageContext): string {
  const title =
    clash.sessionId === session.id
      ? session.title
      : ctx.sessions?.find((s) => s.id === clash.sessionId)?.title;
  const where = title ? ` (session « ${title} »)` : ' (autre session)';
  return (
    `Ces dates chevauchent un autre stage de l'élève : ${describePeriod(clash)}${where}. ` +
    "Choisissez d'autres dates, ou arrêtez ou scindez d'abord ce stage."
  );
}

/**
 * The one rule for "Fin initiale" (`originalEnd`), whatever the route: it is the end planned
 * before the stop, and it exists only while the stage is stopped. Stopping records the end the
 * stage had then; removing the stop (restoring that end or not) empties it, as PRONOTE's
 * "l'arrêt (fictif) n'apparaîtra plus"; "Scinder" in "arrêt réel" records it on the first part,
 * in "simple découpage" it leaves it empty. So stop → new stage → remove the stop gives the rows
 * "Scinder" (simple découpage) gives, and stop → new stage those of "Scinder" (arrêt réel).
 * Nothing is lost: the journal keeps every value an action replaced.
 */

/** "Arrêter le stage…": the end becomes the stop date; the end it had is kept as "Fin initiale". */
export function stopStage(
  stage: Stage,
  input: { stoppedOn: string; reason: string },
): Result<Stage> {
  if (stage.stoppedOn !== '') {
    return fail(
      `Ce stage est déjà arrêté depuis le ${formatFr(stage.stoppedOn)} : enlevez d'abord l'arrêt.`,
    );
  }
  const date = parseDate(input.stoppedOn, 'arrêt', 'stoppedOn');
  if (!date.ok) return date;
  if (!includesDay(stage, date.value)) {
    return fail(
      `La date d'arrêt (${formatFr(date.value)}) doit tomber pendant le stage, ${describePeriod(stage)}.`,
      'stoppedOn',
    );
  }
  const reason = checkReason(input.reason);
  if (!reason.ok) return reason;
  return ok({
    ...stage,
    end: date.value,
    originalEnd: stage.end,
    stoppedOn: date.value,
    stopReason: reason.value,
    // Its convention said otherwise: an avenant records the stop (D124-4, 13°).
    needsAmendment: stage.needsAmendment || stage.conventionUrl !== '',
  });
}

/** A stage of a multi-row action, with the words that name it to the user. */
export interface NamedStage {
  stage: Stage;
  /** "ACAR Laurie (ligne 5)". */
  name: string;
}

/** Rows named one by one in a refusal, before "et N autres". */
const MAX_NAMED_ROWS = 10;

/**
 * "Arrêter les stages…" on several selected rows (a company closing): one date, one reason,
 * checked on every row; all are stopped, or none, with every row at fault named.
 */
export function stopStages(
  items: readonly NamedStage[],
  input: { stoppedOn: string; reason: string },
): Result<Stage[]> {
  if (items.length === 0) return fail('Sélectionnez au moins une ligne de stage.');
  if (items.length === 1) {
    const r = stopStage(items[0]!.stage, input);
    return r.ok ? ok([r.value]) : r;
  }
  // What does not depend on the row is said once, on its field.
  const date = parseDate(input.stoppedOn, 'arrêt', 'stoppedOn');
  if (!date.ok) return date;
  const reason = checkReason(input.reason);
  if (!reason.ok) return reason;
  const stopped: Stage[] = [];
  const refusals: { name: string; error: string; field?: string }[] = [];
  for (const { stage, name } of items) {
    const r = stopStage(stage, { stoppedOn: date.value, reason: reason.value });
    if (r.ok) stopped.push(r.value);
    else refusals.push({ name, error: r.error, ...(r.field ? { field: r.field } : {}) });
  }
  if (refusals.length === 0) return ok(stopped);
  const listed = refusals
    .slice(0, MAX_NAMED_ROWS)
    .map((x) => `${x.name} : ${x.error}`)
    .join(' ');
  const more =
    refusals.length > MAX_NAMED_ROWS ? ` Et ${refusals.length - MAX_NAMED_ROWS} autres.` : '';
  const fields = new Set(refusals.map((x) => x.field));
  const field = fields.size === 1 ? [...fields][0] : undefined;
  return fail(
    `Aucun stage arrêté : ${refusals.length === 1 ? 'un' : refusals.length} des ${items.length} ` +
      `stages sélectionnés ne ${refusals.length === 1 ? 'peut' : 'peuvent'} pas l'être le ` +
      `${formatFr(date.value)}. ${listed}${more}`,
    field,
  );
}

/** Why the original end cannot come back, or null when it can. */
function restoreProblem(stage: Stage, others: readonly Stage[]): string | null {
  if (stage.originalEnd === '') return "Ce stage n'a pas de fin initiale à rétablir.";
  if (stage.originalEnd < stage.start) {
    return `La fin initiale (${formatFr(stage.originalEnd)}) est avant le début du stage : impossible de la rétablir.`;
  }
  const clash = findClash(stage.studentId, { start: stage.start, end: stage.originalEnd }, others, [
    stage.id,
  ]);
  if (clash) {
    return (
      `Impossible de rétablir la fin initiale (${formatFr(stage.originalEnd)}) : ` +
      `le stage chevaucherait l'autre stage de l'élève ${describePeriod(clash)}.`
    );
  }
  return null;
}

/** True when "Enlever l'arrêt" may offer to restore `Fin initiale` (nothing would overlap). */
export function canRestoreOriginalEnd(stage: Stage, others: readonly Stage[]): boolean {
  return restoreProblem(stage, others) === null;
}

/**
 * "Enlever l'arrêt": date and reason go, the dates stay (the seed's "arrêt fictif"), unless
 * `restoreOriginalEnd` asks for the end before the stop to come back. Either way "Fin initiale"
 * goes with the stop (see the rule above stopStage).
 */
export function removeStop(
  stage: Stage,
  input: { restoreOriginalEnd: boolean },
  others: readonly Stage[],
): Result<Stage> {
  if (stage.stoppedOn === '') return fail("Ce stage n'est pas arrêté.");
  const cleared: Stage = { ...stage, stoppedOn: '', stopReason: '', originalEnd: '' };
  if (!input.restoreOriginalEnd) return ok(cleared);
  const problem = restoreProblem(stage, others);
  if (problem) return fail(problem, 'restoreOriginalEnd');
  return ok({ ...cleared, end: stage.originalEnd, originalEnd: '' });
}

interface AssignmentInput {
  companyId: string;
  tutorId: string;
  referentId: string;
}

function cleanAssignment(input: AssignmentInput): AssignmentInput {
  return {
    companyId: String(input.companyId ?? '').trim(),
    tutorId: String(input.tutorId ?? '').trim(),
    referentId: String(input.referentId ?? '').trim(),
  };
}

/**
 * "Assigner un nouveau stage…": a second stage for the same student in the same session, with its
 * own dates inside one period of the session and clear of every other stage of the student.
 */
export function newStage(
  from: Stage,
  session: Session,
  others: readonly Stage[],
  input: AssignmentInput & { start: string; end: string; weeklyHours: string },
  ctx: NewStageContext,
): Result<Stage> {
  if (from.sessionId !== session.id) {
    return fail(`Le stage d'origine n'appartient pas à la session « ${session.title} ».`);
  }
  const start = parseDate(input.start, 'début', 'start');
  if (!start.ok) return start;
  const end = parseDate(input.end, 'fin', 'end');
  if (!end.ok) return end;
  if (end.value < start.value) {
    return fail(
      `La fin (${formatFr(end.value)}) est avant le début (${formatFr(start.value)}).`,
      'end',
    );
  }
  const range: Period = { start: start.value, end: end.value };
  if (session.periods.length === 0) {
    return fail(`La session « ${session.title} » n'a aucune période.`, 'start');
  }
  if (!periodContaining(session.periods, range)) {
    const startInside = periodContaining(session.periods, { start: range.start, end: range.start });
    const which = session.periods.length === 1 ? 'la période' : 'une seule période';
    return fail(
      `Les dates du stage doivent tenir dans ${which} de la session : ${describePeriods(session.periods)}.`,
      startInside ? 'end' : 'start',
    );
  }
  const clash = findClash(from.studentId, range, others, [ctx.newId]);
  if (clash) return fail(clashMessage(clash, session, ctx), 'start');
  const assignment = cleanAssignment(input);
  const tutor = tutorProblem(assignment.tutorId, assignment.companyId, ctx.tutors);
  if (tutor) return fail(tutor, 'tutorId');
  const hours = parseWeeklyHours(input.weeklyHours);
  if (!hours.ok) return hours;
  return ok({
    id: ctx.newId,
    sessionId: session.id,
    studentId: from.studentId,
    ...assignment,
    start: range.start,
    end: range.end,
    stoppedOn: '',
    stopReason: '',
    originalEnd: '',
    weeklyHours: hours.value,
    schedule: from.schedule,
    country: from.country,
    conventionUrl: '',
    needsAmendment: false,
  });
}

export interface SplitStageInput extends AssignmentInput {
  /** First day of the second part. */
  splitDate: string;
  /** Last day of the first part; '' = the day before splitDate (a gap is allowed). */
  firstPartEnd: string;
  /**
   * 'stop' = "arrêt réel" (the first part is stopped, with a reason); 'cut' = "simple découpage".
   * Anything else (nothing chosen) is refused: the nature of a split is never guessed.
   */
  mode: string;
  reason: string;
  /** The second part keeps the first part's company/tutor/referent, or takes the ones given. */
  keepAssignment: boolean;
}

/**
 * "Scinder le stage…": the seed's stop + new stage in one action. The first part ends on
 * `firstPartEnd`; the second runs from `splitDate` to the stage's end. In 'cut' mode a stage
 * with a convention is marked for an amendment, its dates having changed; a real stop is not an
 * amendment but a termination.
 */
export function splitStage(
  stage: Stage,
  session: Session,
  others: readonly Stage[],
  input: SplitStageInput,
  ctx: NewStageContext,
): Result<[Stage, Stage]> {
  if (stage.sessionId !== session.id) {
    return fail(`Ce stage n'appartient pas à la session « ${session.title} ».`);
  }
  if (stage.stoppedOn !== '') {
    return fail(
      `Ce stage est arrêté depuis le ${formatFr(stage.stoppedOn)} : enlevez d'abord l'arrêt pour le scinder.`,
    );
  }
  if (input.mode !== 'stop' && input.mode !== 'cut') {
    return fail(
      'Choisissez la nature de la coupure : « Arrêt réel » ou « Simple découpage ».',
      'mode',
    );
  }
  if (stage.end <= stage.start) {
    return fail("Un stage d'un seul jour ne peut pas être scindé.", 'splitDate');
  }
  const split = parseDate(input.splitDate, 'début de la seconde partie', 'splitDate');
  if (!split.ok) return split;
  const earliest = addDays(stage.start, 1);
  if (!includesDay({ start: earliest, end: stage.end }, split.value)) {
    return fail(
      `La seconde partie doit commencer entre le ${formatFr(earliest)} et le ${formatFr(stage.end)}, ` +
        'pour que chaque partie dure au moins un jour.',
      'splitDate',
    );
  }
  const eve = addDays(split.value, -1);
  let firstEnd = eve;
  if (String(input.firstPartEnd ?? '').trim() !== '') {
    const typed = parseDate(input.firstPartEnd, 'fin de la première partie', 'firstPartEnd');
    if (!typed.ok) return typed;
    if (!includesDay({ start: stage.start, end: eve }, typed.value)) {
      return fail(
        `La fin de la première partie doit être comprise entre le ${formatFr(stage.start)} ` +
          `et le ${formatFr(eve)} (veille de la seconde partie).`,
        'firstPartEnd',
      );
    }
    firstEnd = typed.value;
  }
  let reason = '';
  if (input.mode === 'stop') {
    const r = checkReason(input.reason);
    if (!r.ok) return r;
    reason = r.value;
  }
  const assignment = input.keepAssignment
    ? { companyId: stage.companyId, tutorId: stage.tutorId, referentId: stage.referentId }
    : cleanAssignment(input);
  if (!input.keepAssignment) {
    const tutor = tutorProblem(assignment.tutorId, assignment.companyId, ctx.tutors);
    if (tutor) return fail(tutor, 'tutorId');
  }
  const secondRange: Period = { start: split.value, end: stage.end };
  const clash = findClash(stage.studentId, secondRange, others, [stage.id, ctx.newId]);
  if (clash) return fail(clashMessage(clash, session, ctx), 'splitDate');

  const first: Stage =
    input.mode === 'stop'
      ? {
          ...stage,
          end: firstEnd,
          stoppedOn: firstEnd,
          stopReason: reason,
          originalEnd: stage.end,
        }
      : {
          ...stage,
          end: firstEnd,
          originalEnd: '',
          needsAmendment: stage.needsAmendment || stage.conventionUrl !== '',
        };
  const second: Stage = {
    id: ctx.newId,
    sessionId: stage.sessionId,
    studentId: stage.studentId,
    ...assignment,
    start: split.value,
    end: stage.end,
    stoppedOn: '',
    stopReason: '',
    originalEnd: '',
    weeklyHours: stage.weeklyHours,
    schedule: stage.schedule,
    country: stage.country,
    conventionUrl: '',
    needsAmendment: false,
  };
  return ok([first, second]);
}

function needsAmendment(before: Stage, after: AssignmentInput): boolean {
  return (
    before.needsAmendment ||
    (before.conventionUrl !== '' &&
      (before.companyId !== after.companyId ||
        before.tutorId !== after.tutorId ||
        before.referentId !== after.referentId))
  );
}

/**
 * "Réaffecter…": new company, tutor or referent. A stage whose convention was generated is marked
 * as needing an amendment ("avenant") when any of them changes: the convention names all three.
 */
export function reassignStage(
  stage: Stage,
  input: AssignmentInput,
  tutors: readonly Tutor[],
): Result<Stage> {
  const next = cleanAssignment(input);
  const tutor = tutorProblem(next.tutorId, next.companyId, tutors);
  if (tutor) return fail(tutor, 'tutorId');
  if (
    next.companyId === stage.companyId &&
    next.tutorId === stage.tutorId &&
    next.referentId === stage.referentId
  ) {
    return fail('Aucun changement à enregistrer.');
  }
  return ok({ ...stage, ...next, needsAmendment: needsAmendment(stage, next) });
}

/**
 * "Affecter" on one or several rows: each given field is set on every stage, an undefined one is
 * left as it is. Changing a stage's company drops a tutor who does not work there. Returns every
 * stage, changed or not, in the order given.
 */
export function affectStages(
  stages: readonly Stage[],
  input: { companyId?: string; tutorId?: string; referentId?: string },
  tutors: readonly Tutor[],
): Result<Stage[]> {
  if (stages.length === 0) return fail('Sélectionnez au moins un stage.');
  const companyId = input.companyId === undefined ? undefined : String(input.companyId).trim();
  const tutorId = input.tutorId === undefined ? undefined : String(input.tutorId).trim();
  const referentId = input.referentId === undefined ? undefined : String(input.referentId).trim();
  if (companyId === undefined && tutorId === undefined && referentId === undefined) {
    return fail("Choisissez l'entreprise, le tuteur ou le référent à affecter.");
  }
  if (tutorId !== undefined && tutorId !== '') {
    const mismatched = stages.filter(
      (s) => tutorProblem(tutorId, companyId ?? s.companyId, tutors) !== null,
    );
    const firstMismatch = mismatched[0];
    if (firstMismatch) {
      const where =
        companyId !== undefined || stages.length === 1
          ? "l'entreprise choisie"
          : mismatched.length === 1
            ? "l'entreprise d'un des stages sélectionnés"
            : `l'entreprise de ${mismatched.length} des stages sélectionnés`;
      return fail(
        tutorProblem(tutorId, companyId ?? firstMismatch.companyId, tutors, where)!,
        'tutorId',
      );
    }
  }
  let changed = false;
  const result = stages.map((s) => {
    const next: AssignmentInput = {
      companyId: companyId ?? s.companyId,
      tutorId: tutorId ?? s.tutorId,
      referentId: referentId ?? s.referentId,
    };
    if (
      tutorId === undefined &&
      next.companyId !== s.companyId &&
      next.tutorId !== '' &&
      !tutorBelongs(next.tutorId, next.companyId, tutors)
    ) {
      next.tutorId = '';
    }
    if (
      next.companyId === s.companyId &&
      next.tutorId === s.tutorId &&
      next.referentId === s.referentId
    ) {
      return s;
    }
    changed = true;
    return { ...s, ...next, needsAmendment: needsAmendment(s, next) };
  });
  if (!changed) return fail('Aucun changement à enregistrer.');
  return ok(result);
}
