/**
 * Follow-up visits of a stage (seed 004, step 4), kept in the Visites sheet that the whole
 * teaching team shares. The Stages sheet's "Visites" cell is a formula over that sheet, so adding
 * or removing a visit never writes the stage row.
 */
import type { StageView, VisitInput, VisitRemoval, VisitView } from '../api/contract';
import { isIsoDate } from '../domain/dates';
import { typed } from '../domain/text';
import { isVisitDone, sortVisits, validateVisit } from '../domain/visits';
import { isVisitType, type VisitType } from '../domain/followUp/myStages';
import { UserError } from '../domain/errors';
import type { Context } from '../gas/context';
import { str } from '../sheets/records';
import { stageSubject } from '../sheets/journalText';
import { STAGES, VISITS } from '../sheets/schema';
import { references } from './references';
import { loadStage, stageView, unwrap } from './stageStore';
import { appendUndoable } from './undoable';
import {
  deleteVisit,
  findVisit,
  requireVisitRight,
  rightsOn,
  signedInStaffId,
} from './followUp/visitRights';

/**
 * The visits of one stage, in date order, with what the signed-in user may do with each. Reads:
 * Visites, Personnel, and the stage's row (its follower) when it has visits.
 */
export function listVisits(ctx: Context, stageId: string): VisitView[] {
  const id = String(stageId ?? '');
  if (id === '') return [];
  const rows = ctx
    .table(VISITS)
    .readAll()
    .filter((r) => str(r.values.stageId) === id && str(r.values.id) !== '');
  if (rows.length === 0) return [];
  const refs = references(ctx);
  const today = ctx.today();
  const meId = signedInStaffId(ctx);
  const stages = ctx.table(STAGES);
  const stageRow = meId === '' ? 0 : stages.findRow(id);
  const stage = stageRow ? stages.readRow(stageRow) : null;
  return sortVisits(
    rows.map(({ values: r }) => {
      const date = str(r.date);
      const staffId = str(r.staffId);
      const rights = rightsOn(ctx, r, stage, meId);
      return {
        mayEdit: rights.edit,
        mayRemove: rights.remove,
        id: str(r.id),
        stageId: id,
        date,
        staffId,
        // A member of staff renamed since keeps their current name; one gone keeps the cell's.
        staff: refs.labels.staff(staffId) || str(r.staff),
        comment: str(r.comment),
        done: isIsoDate(date) && isVisitDone(date, today),
        type: isVisitType(str(r.type)) ? (str(r.type) as VisitType) : 'visite',
        report: str(r.report),
      };
    }),
  );
}

export function addVisit(ctx: Context, input: VisitInput): { visit: VisitView; stage: StageView } {
  return ctx.withLock(() => {
    const loaded = loadStage(ctx, typed(input?.stageId), { row: input?.row });
    const refs = references(ctx);
    const valid = unwrap(
      validateVisit(input, loaded.stage.start, new Set(refs.staff.map((s) => s.id))),
    );
    const type = typed(input?.type) || 'visite';
    if (!isVisitType(type)) throw new UserError('Choisissez : visite, appel ou visio.', 'type');
    const rights = rightsOn(ctx, { staffId: valid.staffId }, loaded.rec, signedInStaffId(ctx));
    const view: VisitView = {
      mayEdit: rights.edit,
      mayRemove: rights.remove,
      id: ctx.newId('VIS'),
      stageId: loaded.stage.id,
      date: valid.date,
      staffId: valid.staffId,
      staff: refs.labels.staff(valid.staffId),
      comment: valid.comment,
      done: isVisitDone(valid.date, ctx.today()),
      type,
    };
    appendUndoable(ctx, ctx.table(VISITS), [
      {
        id: view.id,
        stageId: view.stageId,
        student: str(loaded.rec.student),
        date: view.date,
        staff: view.staff,
        comment: view.comment,
        type,
        staffId: view.staffId,
      },
    ]);
    ctx.journal({
      action: 'Enregistrer une visite',
      target: stageSubject(loaded.rec),
      before: null,
      after: { id: view.id, date: view.date, enseignant: view.staff, commentaire: view.comment },
    });
    // The Visites cell counts the visits whose day has come: one more when this one has.
    const visits = (Number(loaded.rec.visits) || 0) + (view.done ? 1 : 0);
    return { visit: view, stage: stageView(loaded.row, { ...loaded.rec, visits }, ctx.today()) };
  });
}

export function removeVisit(
  ctx: Context,
  input: VisitRemoval,
): { stageId: string; counted: boolean; reportBinned?: boolean } {
  return ctx.withLock(() => {
    const found = findVisit(ctx, input?.visitId);
    const { before } = found;
    // The stage's row names its session and its follower; a visit whose stage is gone keeps
    // its student's name.
    const stages = ctx.table(STAGES);
    const stageRow = stages.findRow(str(before.stageId));
    const stage = stageRow ? stages.readRow(stageRow) : null;
    requireVisitRight(ctx, 'remove', before, stage);
    const { report, binReport } = deleteVisit(ctx, found, input?.withReport);
    ctx.journal({
      action: 'Supprimer une visite',
      target: stageSubject(stage ?? before),
      before,
      after: Object.keys(report).length > 0 ? report : null,
    });
    binReport();
    const date = str(before.date);
    // Whether the stage's "Visites" cell counted it (and now counts one less).
    return {
      stageId: str(before.stageId),
      counted: isIsoDate(date) && isVisitDone(date, ctx.today()),
      ...(str(before.report) !== '' ? { reportBinned: true } : {}),
    };
  });
}
