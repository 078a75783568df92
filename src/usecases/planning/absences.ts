/**
 * "Absences…": the absences of a stage, kept in the Absences sheet; adding or removing one
 * counts the stage's presence again.
 */
import type { AbsenceInput, AbsenceView, StageView } from '../../api/contract';
import {
  checkAbsenceInStage,
  checkAbsenceWorkedDays,
  checkNoAbsenceClash,
  validateAbsence,
} from '../../domain/absences';
import { publicHolidaySet } from '../../domain/holidays/publicHolidays';
import type { IsoDate } from '../../domain/types';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { stageSubject } from '../../sheets/journalText';
import { type Rec, str } from '../../sheets/records';
import { ABSENCES, STAGES, type StageKey } from '../../sheets/schema';
import { absencesByStage, forgetAbsences, noteAbsence, presenceColumns } from '../presenceColumns';
import { type LoadedStage, loadStage, stageView, unwrap } from '../stageStore';
import { typed } from '../../domain/text';
import { appendUndoable, deleteRowsUndoable, writeRowUndoable } from '../undoable';

export function listAbsences(ctx: Context, stageId: string): AbsenceView[] {
  return ctx
    .table(ABSENCES)
    .readAll()
    .filter((r) => str(r.values.stageId) === String(stageId ?? '') && str(r.values.id) !== '')
    .map(({ values: r }) => ({
      id: str(r.id),
      stageId: str(r.stageId),
      start: str(r.start),
      end: str(r.end),
      halfDay: r.halfDay === true,
      reason: str(r.reason),
      justified: r.justified === true,
      countsAsPresence: r.countsAsPresence === true,
    }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/**
 * Rewrites the stage's presence after its absences changed (the stage as already read); the
 * stage's view as it now is.
 */
function refreshPresence(ctx: Context, loaded: LoadedStage): StageView {
  const cols = presenceColumns(ctx, loaded.stage);
  if (cols.presence !== loaded.rec.presence)
    writeRowUndoable(ctx, ctx.table(STAGES), loaded.row, cols, loaded.rec);
  return stageView(loaded.row, { ...loaded.rec, ...cols } as Rec<StageKey>, ctx.today());
}

/** French public holidays of the years an absence spans. */
function holidaysOver(ctx: Context, start: IsoDate, end: IsoDate): ReadonlySet<IsoDate> {
  const years: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) years.push(y);
  return publicHolidaySet(years, { alsaceMoselle: ctx.settings().alsaceMoselle });
}

export function addAbsence(
  ctx: Context,
  input: AbsenceInput,
): { absence: AbsenceView; stage: StageView; notWorked: IsoDate[] } {
  const { start, end, halfDay, reason } = unwrap(validateAbsence(input));
  return ctx.withLock(() => {
    const loaded = loadStage(ctx, typed(input.stageId), { row: input.row });
    const s = loaded.stage;
    unwrap(checkAbsenceInStage({ start, end }, s));
    const notWorked = unwrap(
      checkAbsenceWorkedDays({ start, end }, s, {
        defaultWeeklyHours: ctx.settings().defaultWeeklyHours,
        publicHolidays: holidaysOver(ctx, start, end),
      }),
    );
    unwrap(checkNoAbsenceClash({ start, end }, absencesByStage(ctx).get(s.id) ?? []));
    const view: AbsenceView = {
      id: ctx.newId('ABS'),
      stageId: s.id,
      start,
      end,
      halfDay,
      reason,
      justified: input.justified === true,
      countsAsPresence: input.countsAsPresence === true,
    };
    appendUndoable(ctx, ctx.table(ABSENCES), [{ ...view, student: str(loaded.rec.student) }]);
    // The absences were read above for the overlap check: add this one rather than read again
    // (its row is not known, and not needed by anything else in this execution).
    noteAbsence(ctx, { ...view, row: 0 });
    const stage = refreshPresence(ctx, loaded);
    ctx.journal({
      action: 'Ajouter une absence',
      target: stageSubject(loaded.rec),
      before: null,
      after: view,
    });
    return { absence: view, stage, notWorked };
  });
}

export function removeAbsence(ctx: Context, input: { absenceId: string }): { stage: StageView } {
  return ctx.withLock(() => {
    const t = ctx.table(ABSENCES);
    const row = t.findRow(typed(input?.absenceId));
    if (row === 0)
      throw new UserError(
        'Cette absence est introuvable : elle a peut-être déjà été supprimée.',
        undefined,
        true,
      );
    const before = t.readRow(row);
    deleteRowsUndoable(ctx, t, [row]);
    forgetAbsences(ctx);
    const loaded = loadStage(ctx, str(before.stageId));
    const stage = refreshPresence(ctx, loaded);
    ctx.journal({
      action: 'Supprimer une absence',
      target: stageSubject(loaded.rec),
      before,
      after: null,
    });
    return { stage };
  });
}
