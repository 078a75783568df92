/**
 * « Mes stages › Modifier le commentaire »: only its author may, and the journal keeps the
 * comment before and after.
 */
import type { MyVisitOutcome } from '../../api/contract';
import { validateVisitComment } from '../../domain/followUp/myStages';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { stageSubject } from '../../sheets/journalText';
import { VISITS } from '../../sheets/schema';
import { loadStage, unwrap } from '../stageStore';
import { writeRowUndoable } from '../undoable';
import { currentTeacher, followedView } from './shared';

/** A visit of the signed-in teacher, found by ID: its row and what it reads. */
export function ownVisit(ctx: Context, visitId: unknown, meId: string) {
  const t = ctx.table(VISITS);
  const row = t.findRow(typed(visitId));
  if (row === 0) {
    throw new UserError(
      'Cette visite est introuvable : elle a peut-être été supprimée. Rechargez la liste.',
      undefined,
      true,
    );
  }
  const before = t.readRow(row);
  if (str(before.staffId) !== meId) {
    throw new UserError('Vous ne pouvez modifier ou supprimer que vos propres visites.');
  }
  return { t, row, before };
}

export function editMyVisit(
  ctx: Context,
  input: { visitId: string; comment: string },
): MyVisitOutcome {
  const comment = unwrap(validateVisitComment(input?.comment));
  return ctx.withLock(() => {
    const me = currentTeacher(ctx);
    const { t, row, before } = ownVisit(ctx, input?.visitId, me.id);
    const loaded = loadStage(ctx, str(before.stageId));
    const visits = t.readRowsWhere('stageId', (v) => v === loaded.stage.id);
    const now = visits.map((v) => (v.row === row ? { ...v.values, comment } : v.values));
    // Read before writing: after the journal line, nothing may fail the action.
    const followed = followedView(ctx, loaded.row, loaded.rec, now, me.id);
    writeRowUndoable(ctx, t, row, { comment }, before);
    ctx.journal({
      action: 'Modifier une visite',
      target: stageSubject(loaded.rec),
      before: { commentaire: str(before.comment) },
      after: { commentaire: comment },
    });
    return { visitId: str(before.id), followed };
  });
}
