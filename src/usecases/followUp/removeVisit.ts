/** « Mes stages › Supprimer »: a teacher deletes one of their own visits (journalled). */
import type { MyVisitOutcome } from '../../api/contract';
import { isIsoDate } from '../../domain/dates';
import { isVisitDone } from '../../domain/visits';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { stageSubject } from '../../sheets/journalText';
import { loadStage } from '../stageStore';
import { deleteRowsUndoable } from '../undoable';
import { ownVisit } from './editVisit';
import { currentTeacher, followedView } from './shared';

export function removeMyVisit(ctx: Context, input: { visitId: string }): MyVisitOutcome {
  return ctx.withLock(() => {
    const me = currentTeacher(ctx);
    const { t, row, before } = ownVisit(ctx, input?.visitId, me.id);
    const loaded = loadStage(ctx, str(before.stageId));
    const others = t
      .readRowsWhere('stageId', (v) => v === loaded.stage.id)
      .filter((v) => v.row !== row)
      .map((v) => v.values);
    const date = str(before.date);
    const counted = isIsoDate(date) && isVisitDone(date, ctx.today());
    const visits = Math.max(0, (Number(loaded.rec.visits) || 0) - (counted ? 1 : 0));
    // Read before writing: after the journal line, nothing may fail the action.
    const followed = followedView(ctx, loaded.row, { ...loaded.rec, visits }, others, me.id);
    deleteRowsUndoable(ctx, t, [row]);
    ctx.journal({
      action: 'Supprimer une visite',
      target: stageSubject(loaded.rec),
      before,
      after: null,
    });
    return { visitId: str(before.id), followed };
  });
}
