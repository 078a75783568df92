/**
 * A stage lies inside one period of its session. The stage actions keep it there, and a session
 * whose periods change says which of its stages the new periods would leave outside: it refuses,
 * or, on the user's explicit choice, moves or clips them.
 */
import { formatFr, hasIsoForm } from '../dates';
import {
  describePeriod,
  describePeriods,
  lastStageDay,
  overlaps,
  periodContaining,
} from '../periods';
import type { Period, Result, Session, Stage } from '../types';
import { fail, ok } from '../types';

/** The days a stage runs (to its stop day when stopped). */
function daysOf(s: Pick<Stage, 'start' | 'end' | 'stoppedOn'>): Period {
  return { start: s.start, end: lastStageDay(s) };
}

function judgeable(s: Pick<Stage, 'start' | 'end' | 'stoppedOn'>): boolean {
  return hasIsoForm(s.start) && hasIsoForm(lastStageDay(s));
}

/**
 * Refuses dates a stage action would give a stage outside its session's periods (a session with
 * no period, or dates not yet understood, cannot be judged and pass). `what` names the stage in
 * the message ("Le stage arrêté le 20/03/2023"), `advice` says what to do instead.
 */
export function keepInSession(
  stage: Pick<Stage, 'start' | 'end' | 'stoppedOn'>,
  session: Pick<Session, 'title' | 'periods'> | undefined,
  field: string,
  words: { what?: string; advice?: string } = {},
): Result<true> {
  if (!session || session.periods.length === 0 || !judgeable(stage)) return ok(true);
  if (periodContaining(session.periods, daysOf(stage))) return ok(true);
  const what = words.what ?? `Le stage ${describePeriod(daysOf(stage))}`;
  const advice = words.advice ?? 'choisissez des dates dans une de ses périodes';
  return fail(
    `${what} sortirait de la session « ${session.title} » ` +
      `(${describePeriods(session.periods)}) : ${advice}.`,
    field,
  );
}

/** A stage of the session with the student's name as the sheet shows it, for messages. */
export interface NamedStage {
  stage: Stage;
  student: string;
}

/** The stages the periods leave outside (dates not understood are left to the user). */
export function stagesOutside(
  stages: readonly NamedStage[],
  periods: readonly Period[],
): NamedStage[] {
  return stages.filter((s) => judgeable(s.stage) && !periodContaining(periods, daysOf(s.stage)));
}

const MAX_LISTED = 10;

/** « ACAR Laurie (du 01/02/2023 au 31/03/2023), … et 3 autres ». */
export function listStages(items: readonly { label: string }[]): string {
  const shown = items.slice(0, MAX_LISTED).map((i) => i.label);
  const more = items.length - shown.length;
  return shown.join(', ') + (more > 0 ? ` et ${more} autre${more > 1 ? 's' : ''}` : '');
}

function label(s: NamedStage): string {
  return `${s.student || s.stage.id} (${describePeriod(daysOf(s.stage))})`;
}

/** The refusal of new periods that would leave stages outside, naming them. */
export function outsideMessage(outside: readonly NamedStage[]): string {
  const n = outside.length;
  return (
    `Ces périodes laisseraient ${n === 1 ? 'un stage' : `${n} stages`} hors de la session : ` +
    `${listStages(outside.map((s) => ({ label: label(s) })))}. Rien n'a été enregistré. ` +
    'Cochez « Ajuster les stages aux nouvelles dates » pour les y ramener, ou modifiez d’abord ' +
    (n === 1 ? 'ce stage.' : 'ces stages.')
  );
}

function days(p: Period): number {
  return Math.round((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000) + 1;
}

function shared(a: Period, b: Period): number {
  if (!overlaps(a, b)) return 0;
  return days({ start: a.start > b.start ? a.start : b.start, end: a.end < b.end ? a.end : b.end });
}

/** The period sharing the most days with `p`, or null when none shares any. */
function closest(periods: readonly Period[], p: Period): Period | null {
  let best: Period | null = null;
  let most = 0;
  for (const q of periods) {
    const n = shared(p, q);
    if (n > most) {
      best = q;
      most = n;
    }
  }
  return best;
}

export interface StageAdjustment {
  before: NamedStage;
  after: Stage;
}

export interface AdjustmentPlan {
  adjusted: StageAdjustment[];
  /** Stages that cannot follow the new periods by themselves, with the reason. */
  impossible: { stage: NamedStage; reason: string }[];
}

/**
 * "Ajuster les stages aux nouvelles dates": each stage the new periods leave outside follows
 * them. A stage that covered a whole old period takes the whole new period matching it (the one
 * sharing the most days, or the one of the same rank when none does and their number did not
 * change); any other stage is clipped to the new period sharing the most days with it. A stopped
 * stage is never changed (its stop day is a fact), nor a stage the new dates would make overlap
 * another stage of the student: those are listed for the user to settle.
 * `others` are the students' other stages, in every session (those being adjusted excepted).
 */
export function adjustToPeriods(
  outside: readonly NamedStage[],
  oldPeriods: readonly Period[],
  newPeriods: readonly Period[],
  others: readonly Stage[],
): AdjustmentPlan {
  const plan: AdjustmentPlan = { adjusted: [], impossible: [] };
  const placed: Stage[] = [];
  for (const item of outside) {
    const s = item.stage;
    if (s.stoppedOn !== '') {
      plan.impossible.push({
        stage: item,
        reason: `arrêté le ${formatFr(s.stoppedOn)} : ses dates ne changent pas toutes seules`,
      });
      continue;
    }
    const range = daysOf(s);
    const oldIndex = oldPeriods.findIndex((p) => p.start === s.start && p.end === s.end);
    let target: Period | null;
    if (oldIndex >= 0) {
      const old = oldPeriods[oldIndex]!;
      const moved =
        closest(newPeriods, old) ??
        (oldPeriods.length === newPeriods.length ? (newPeriods[oldIndex] ?? null) : null);
      target = moved ? { ...moved } : null;
    } else {
      const p = closest(newPeriods, range);
      target = p
        ? { start: s.start > p.start ? s.start : p.start, end: s.end < p.end ? s.end : p.end }
        : null;
    }
    if (!target) {
      plan.impossible.push({
        stage: item,
        reason: 'aucune des nouvelles périodes ne recouvre ses dates',
      });
      continue;
    }
    const after: Stage = { ...s, start: target.start, end: target.end };
    const clash = [...others, ...placed].find(
      (o) => o.studentId === s.studentId && o.id !== s.id && overlaps(daysOf(o), target),
    );
    if (clash) {
      plan.impossible.push({
        stage: item,
        reason: `ses nouvelles dates (${describePeriod(target)}) chevaucheraient son autre stage ${describePeriod(daysOf(clash))}`,
      });
      continue;
    }
    placed.push(after);
    plan.adjusted.push({ before: item, after });
  }
  return plan;
}

/** The refusal of an adjustment some stages cannot follow, naming them and why. */
export function impossibleMessage(impossible: AdjustmentPlan['impossible']): string {
  const n = impossible.length;
  return (
    `${n === 1 ? 'Un stage ne peut pas' : `${n} stages ne peuvent pas`} suivre les nouvelles ` +
    `périodes : ${listStages(impossible.map((i) => ({ label: `${label(i.stage)} — ${i.reason}` })))}. ` +
    `Rien n'a été enregistré : modifiez d'abord ${n === 1 ? 'ce stage' : 'ces stages'}, ` +
    "ou choisissez d'autres périodes."
  );
}

/** « ACAR Laurie : du 01/02/2023 au 31/03/2023 → du 01/02/2023 au 15/03/2023 », for the journal. */
export function describeAdjustment(a: StageAdjustment): string {
  return `${a.before.student || a.after.id} : ${describePeriod(daysOf(a.before.stage))} → ${describePeriod(daysOf(a.after))}`;
}
