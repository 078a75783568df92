/**
 * The one rule of who may edit or delete a visit (domain/visits.ts visitRights), applied the same
 * way by the fiche's « Visites » tab and by « Mes stages », and the deletion both share: a visit
 * that has its report (« Compte rendu ») takes it along, its register row « Annulée » and its file
 * binned once the action is journalled.
 */
import { DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import { UserError } from '../../domain/errors';
import { resolveFollower } from '../../domain/followUp/myStages';
import { typed } from '../../domain/text';
import { VISIT_REFUSALS, type VisitRights, visitRights } from '../../domain/visits';
import type { Context } from '../../gas/context';
import type { Rec } from '../../gas/sheetTable';
import { str } from '../../sheets/records';
import { DOCUMENTS, type StageKey, VISITS } from '../../sheets/schema';
import { staffOfSignedInUser } from '../references';
import { deleteRowsUndoable, writeRowUndoable } from '../undoable';
import { binQuietly } from '../documents/driveSpace';
import { isLive, readRegister, STATUS_CANCELLED } from '../documents/register';
import { currentTeacher, staffNames, type VisitRec } from './shared';
import { fileIdOf } from './visitReport';

/** The signed-in user's Personnel ID, '' when they are not in it (they then change nothing). */
export function signedInStaffId(ctx: Context): string {
  const found = staffOfSignedInUser(ctx);
  return found.length === 1 ? found[0]!.id : '';
}

/** What one visit allows `meId`, its stage's row read (null: the stage is gone). */
export function rightsOn(
  ctx: Context,
  visit: Partial<VisitRec>,
  stage: Partial<Rec<StageKey>> | null,
  meId: string,
): VisitRights {
  const staff = staffNames(ctx);
  const staffId = str(visit.staffId);
  // A visit typed by hand without its hidden ID: its teacher's name says who.
  const authorId = staffId !== '' ? staffId : resolveFollower('', str(visit.staff), staff);
  const followerId = stage
    ? resolveFollower(str(stage.followerId), str(stage.follower), staff)
    : '';
  return visitRights({ authorId, followerId }, meId);
}

/**
 * Refuses, in French, a change the signed-in user may not make; a user missing from Personnel
 * is told to be added. Returns their Personnel ID.
 */
export function requireVisitRight(
  ctx: Context,
  change: keyof VisitRights,
  visit: Partial<VisitRec>,
  stage: Partial<Rec<StageKey>> | null,
): string {
  const me = currentTeacher(ctx);
  if (!rightsOn(ctx, visit, stage, me.id)[change]) throw new UserError(VISIT_REFUSALS[change]);
  return me.id;
}

/** The visit's row and what it reads; refused when the visit is gone. */
export function findVisit(
  ctx: Context,
  visitId: unknown,
): { row: number; before: Rec<(typeof VISITS.columns)[number]['key']> } {
  const t = ctx.table(VISITS);
  const id = typed(visitId);
  const row = id === '' ? 0 : t.findRow(id);
  if (row === 0) {
    throw new UserError(
      'Cette visite est introuvable : elle a peut-être déjà été supprimée. Rechargez la liste.',
      undefined,
      true,
    );
  }
  return { row, before: t.readRow(row) };
}

const REPORT_KIND = DOCUMENT_KIND_LABELS.compteRendu;

/**
 * Deletes a visit's row; when it has its report, the report's register row becomes « Annulée »
 * (written back should the action fail). Every read comes first. `withReport` is the user's
 * consent to bin the report: a report made since the list was drawn is refused, not binned
 * unseen. Returns what the journal says of the report, and a way to bin its file, to call once
 * the journal line is written (the bin cannot be undone; a failure there leaves the file in its
 * folder, unlinked, « Annulée » in the register).
 */
export function deleteVisit(
  ctx: Context,
  found: { row: number; before: Partial<VisitRec> },
  withReport: unknown,
): { report: Record<string, string>; binReport: () => void } {
  const link = str(found.before.report);
  if (link !== '' && withReport !== true) {
    throw new UserError(
      'Cette visite a un compte rendu : confirmez sa suppression avec celle de la visite ' +
        '(rechargez la liste s’il n’était pas affiché).',
      undefined,
      true,
    );
  }
  const docs = ctx.table(DOCUMENTS);
  const register =
    link === ''
      ? []
      : readRegister(ctx)
          .filter((d) => d.kind === REPORT_KIND && d.link === link && isLive(d))
          .map((d) => ({ ...d, rec: docs.readRow(d.row) }));
  deleteRowsUndoable(ctx, ctx.table(VISITS), [found.row]);
  const today = ctx.today();
  for (const d of register) {
    writeRowUndoable(
      ctx,
      docs,
      d.row,
      { status: STATUS_CANCELLED, cancelledOn: today },
      { status: d.rec.status, cancelledOn: d.rec.cancelledOn },
    );
  }
  const fileIds = [...new Set([...register.map((d) => d.fileId), fileIdOf(link)])].filter(
    (id) => id !== '',
  );
  return {
    report: link === '' ? {} : { 'compte rendu': `${register[0]?.name || link} (à la corbeille)` },
    binReport: () => fileIds.forEach((id) => binQuietly(id)),
  };
}
