/**
 * « Mes stages › Supprimer »: the visit's author, or the teacher who follows its stage, deletes
 * it (visitRights); a visit that has its report takes it along (deleteVisit). Journalled.
 */
import type { MyVisitOutcome, VisitRemoval } from '../../api/contract';
import { isIsoDate } from '../../domain/dates';
import { isVisitDone } from '../../domain/visits';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { stageSubject } from '../../sheets/journalText';
import { VISITS } from '../../sheets/schema';
import { loadStage } from '../stageStore';
import { followedView } from './shared';
import { deleteVisit, findVisit, requireVisitRight } from './visitRights';

export function removeMyVisit(ctx: Context, input: VisitRemoval): MyVisitOutcome {
  return ctx.withLock(() => {
    const found = findVisit(ctx, input?.visitId);
    const { row, before } = found;
    const loaded = loadStage(ctx, str(before.stageId));
    const meId = requireVisitRight(ctx, 'remove', before, loaded.rec);
    const others = ctx
      .table(VISITS)
      .readRowsWhere('stageId', (v) => v === loaded.stage.id)
      .filter((v) => v.row !== row)
      .map((v) => v.values);
    const date = str(before.date);
    const counted = isIsoDate(date) && isVisitDone(date, ctx.today());
    const visits = Math.max(0, (Number(loaded.rec.visits) || 0) - (counted ? 1 : 0));
    // Read before writing: after the journal line, nothing may fail the action.
    const followed = followedView(ctx, loaded.row, { ...loaded.rec, visits }, others, meId);
    const { report, binReport } = deleteVisit(ctx, found, input?.withReport);
    ctx.journal({
      action: 'Supprimer une visite',
      target: stageSubject(loaded.rec),
      before,
      after: Object.keys(report).length > 0 ? report : null,
    });
    binReport();
    return {
      visitId: str(before.id),
      followed,
      ...(str(before.report) !== '' ? { reportBinned: true } : {}),
    };
  });
}
