/**
 * The "Présence" column of a stage: hours of presence as the Code de l'éducation counts them,
 * written whenever the add-on writes the row. Absences are read once per execution.
 */
import { hasIsoForm } from '../domain/dates';
import { publicHolidaySet } from '../domain/holidays/publicHolidays';
import { computePresence } from '../domain/presence';
import { schoolYearOf } from '../domain/sessions';
import type { Absence, IsoDate, Stage } from '../domain/types';
import type { Context } from '../gas/context';
import { str } from '../sheets/records';
import { ABSENCES, type StageKey } from '../sheets/schema';
import type { Rec } from '../sheets/records';

export type AbsenceLite = Pick<
  Absence,
  'stageId' | 'start' | 'end' | 'halfDay' | 'countsAsPresence'
> & {
  /** Row in the Absences sheet, as read in this execution. */
  row: number;
};

const absenceCache = new WeakMap<Context, Map<string, AbsenceLite[]>>();
const holidayCache = new WeakMap<Context, Map<string, ReadonlySet<IsoDate>>>();

export function absencesByStage(ctx: Context): Map<string, AbsenceLite[]> {
  let m = absenceCache.get(ctx);
  if (!m) {
    m = new Map();
    for (const { row, values: r } of ctx.table(ABSENCES).readAll()) {
      const a: AbsenceLite = {
        row,
        stageId: str(r.stageId),
        start: str(r.start),
        end: str(r.end),
        halfDay: r.halfDay === true,
        countsAsPresence: r.countsAsPresence === true,
      };
      if (!a.stageId || !a.start) continue;
      const list = m.get(a.stageId) ?? [];
      list.push(a);
      m.set(a.stageId, list);
    }
    absenceCache.set(ctx, m);
  }
  return m;
}

/** An absence just written, added to the absences already read in this execution. */
export function noteAbsence(ctx: Context, a: AbsenceLite): void {
  freshStages.get(ctx)?.delete(a.stageId);
  const byStage = absencesByStage(ctx);
  byStage.set(a.stageId, [...(byStage.get(a.stageId) ?? []), a]);
}

export function forgetAbsences(ctx: Context): void {
  absenceCache.delete(ctx);
}

function holidaysFor(ctx: Context, start: IsoDate, end: IsoDate): ReadonlySet<IsoDate> {
  const alsace = ctx.settings().alsaceMoselle;
  const y0 = Number(start.slice(0, 4));
  const y1 = Number((end || start).slice(0, 4));
  const key = `${y0}-${y1}-${alsace}`;
  let m = holidayCache.get(ctx);
  if (!m) {
    m = new Map();
    holidayCache.set(ctx, m);
  }
  let set = m.get(key);
  if (!set) {
    const years: number[] = [];
    for (let y = y0; y <= Math.max(y0, y1); y++) years.push(y);
    set = publicHolidaySet(years, { alsaceMoselle: alsace });
    m.set(key, set);
  }
  return set;
}

/**
 * Stages known to have no absence (created in this execution, or whose row counts none): no
 * need to read the Absences sheet for them.
 */
const freshStages = new WeakMap<Context, Set<string>>();

/** Whether the stage is known to have no absence in this execution. */
export function hasNoAbsence(ctx: Context, stageId: string): boolean {
  return freshStages.get(ctx)?.has(stageId) === true;
}

export function markFresh(ctx: Context, stageId: string): void {
  const set = freshStages.get(ctx) ?? new Set<string>();
  set.add(stageId);
  freshStages.set(ctx, set);
}

export function presenceOf(ctx: Context, stage: Stage) {
  const fresh = freshStages.get(ctx)?.has(stage.id) === true;
  return computePresence({
    stage,
    absences: fresh ? [] : (absencesByStage(ctx).get(stage.id) ?? []),
    publicHolidays: holidaysFor(ctx, stage.start, stage.end),
    defaultWeeklyHours: ctx.settings().defaultWeeklyHours,
  });
}

export function presenceColumns(ctx: Context, stage: Stage): Partial<Rec<StageKey>> {
  if (!hasIsoForm(stage.start) || !hasIsoForm(stage.end)) {
    return { presence: '', hours: null, schoolYear: '' };
  }
  const p = presenceOf(ctx, stage);
  return { presence: p.label, hours: p.hours, schoolYear: schoolYearOf(stage.start) };
}

/**
 * A split gives the days from `from` on to a new stage: the absences of those days follow them,
 * so that neither part's presence loses or counts them twice. One write when there are any; put
 * back if the action fails before its journal line.
 */
export function moveAbsences(
  ctx: Context,
  fromStageId: string,
  toStageId: string,
  from: IsoDate,
): number {
  if (freshStages.get(ctx)?.has(fromStageId) === true) {
    // Nothing to move: the new part has no absence either.
    markFresh(ctx, toStageId);
    return 0;
  }
  const byStage = absencesByStage(ctx);
  const all = byStage.get(fromStageId) ?? [];
  const moving = all.filter((a) => a.start >= from);
  if (moving.length === 0) return 0;
  const t = ctx.table(ABSENCES);
  // They follow their stage back if the action fails before its journal line.
  ctx.onRollback(() => t.writeRows(new Map(moving.map((a) => [a.row, { stageId: fromStageId }]))));
  t.writeRows(new Map(moving.map((a) => [a.row, { stageId: toStageId }])));
  byStage.set(
    fromStageId,
    all.filter((a) => a.start < from),
  );
  byStage.set(
    toStageId,
    moving.map((a) => ({ ...a, stageId: toStageId })),
  );
  return moving.length;
}
