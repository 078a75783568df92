/**
 * « Mes stages › Modifier le commentaire »: only its author may (visitRights), and the journal
 * keeps the comment before and after.
 */
import type { MyVisitOutcome } from '../../api/contract';
import { validateVisitComment } from '../../domain/followUp/myStages';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { stageSubject } from '../../sheets/journalText';
import { VISITS } from '../../sheets/schema';
import { loadStage, unwrap } from '../stageStore';
import { writeRowUndoable } from '../undoable';
import { followedView } from './shared';
import { findVisit, requireVisitRight } from './visitRights';

export function editMyVisit(
  ctx: Context,
  input: { visitId: string; comment: string },
): MyVisitOutcome {
  const comment = unwrap(validateVisitComment(input?.comment));
  return ctx.withLock(() => {
    const { row, before } = findVisit(ctx, input?.visitId);
    // Only its author edits a comment: no need of the stage to say so.
    const meId = requireVisitRight(ctx, 'edit', before, null);
    const t = ctx.table(VISITS);
    const loaded = loadStage(ctx, str(before.stageId));
    const visits = t.readRowsWhere('stageId', (v) => v === loaded.stage.id);
    const now = visits.map((v) => (v.row === row ? { ...v.values, comment } : v.values));
    // Read before writing: after the journal line, nothing may fail the action.
    const followed = followedView(ctx, loaded.row, loaded.rec, now, meId);
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
