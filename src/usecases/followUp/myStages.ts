/**
 * « Mes stages »: the stages the signed-in teacher follows, the visits due first. Three reads:
 * the follower column of Stages, the span of those rows, and the Visites sheet.
 */
import type { MyStagesView } from '../../api/contract';
import { sortFollowed } from '../../domain/followUp/myStages';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { STAGES, VISITS } from '../../sheets/schema';
import { references } from '../references';
import { currentTeacher, followedView, type VisitRec } from './shared';

export function myStages(ctx: Context): MyStagesView {
  const me = currentTeacher(ctx);
  const rows = ctx
    .table(STAGES)
    .readRowsWhere('followerId', (v) => v === me.id)
    .filter((r) => str(r.values.id) !== '');
  const ids = new Set(rows.map((r) => str(r.values.id)));
  const byStage = new Map<string, VisitRec[]>();
  if (ids.size > 0) {
    for (const { values: v } of ctx.table(VISITS).readAll()) {
      const id = str(v.stageId);
      if (!ids.has(id) || str(v.id) === '') continue;
      const list = byStage.get(id) ?? [];
      list.push(v);
      byStage.set(id, list);
    }
  }
  const today = ctx.today();
  const views = rows.map((r) =>
    followedView(ctx, r.row, r.values, byStage.get(str(r.values.id)) ?? [], me.id),
  );
  const sorted = sortFollowed(
    views.map((v) => ({
      id: v.stage.id,
      start: v.stage.start,
      end: v.stage.end,
      stoppedOn: v.stage.stoppedOn,
      done: v.stage.visits,
      expected: v.expected,
      planned: v.stage.plannedVisit ?? '',
      view: v,
    })),
    today,
  );
  return {
    teacher: references(ctx).labels.staff(me.id),
    teacherId: me.id,
    today,
    stages: sorted.map((s) => s.view),
  };
}
