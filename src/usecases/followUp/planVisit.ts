/**
 * « Mes stages › Prévoir la visite »: the teacher following a stage notes the day they plan to
 * visit (« Date de visite prévue »); a planned day gone by flags the visit as late.
 */
import type { MyVisitOutcome, PlanVisitInput } from '../../api/contract';
import { formatFr } from '../../domain/dates';
import { parsePlannedDate, resolveFollower } from '../../domain/followUp/myStages';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { stageSubject } from '../../sheets/journalText';
import { STAGES, VISITS } from '../../sheets/schema';
import { loadStage, unwrap } from '../stageStore';
import { writeRowUndoable } from '../undoable';
import { currentTeacher, followedView, staffNames } from './shared';

export function planMyVisit(ctx: Context, input: PlanVisitInput): MyVisitOutcome {
  const planned = unwrap(parsePlannedDate(input?.date));
  return ctx.withLock(() => {
    const me = currentTeacher(ctx);
    const loaded = loadStage(ctx, typed(input?.stageId), { row: input?.row });
    const follower = resolveFollower(
      str(loaded.rec.followerId),
      str(loaded.rec.follower),
      staffNames(ctx),
    );
    if (follower !== me.id) {
      throw new UserError('Ce stage ne fait pas partie de vos stages suivis.');
    }
    const old = str(loaded.rec.plannedVisit);
    const visits = ctx
      .table(VISITS)
      .readRowsWhere('stageId', (v) => v === loaded.stage.id)
      .map((r) => r.values);
    // Read before writing: after the journal line, nothing may fail the action.
    const followed = followedView(
      ctx,
      loaded.row,
      { ...loaded.rec, plannedVisit: planned },
      visits,
      me.id,
    );
    if (old === planned) return { visitId: '', followed };
    writeRowUndoable(ctx, ctx.table(STAGES), loaded.row, { plannedVisit: planned }, loaded.rec);
    ctx.journal({
      action: 'Prévoir une visite',
      target: stageSubject(loaded.rec),
      before: { 'visite prévue': old ? formatFr(old) : '' },
      after: { 'visite prévue': planned ? formatFr(planned) : '' },
    });
    return { visitId: '', followed };
  });
}
