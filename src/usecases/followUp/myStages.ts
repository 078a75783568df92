/**
 * « Mes stages »: the stages the signed-in teacher follows, the visits due first. Three reads:
 * the follower column of Stages, the span of those rows, and the Visites sheet.
 */
import type { MyStagesView } from '../../api/contract';
import { resolveFollower, sortFollowed } from '../../domain/followUp/myStages';
import type { Row } from '../../gas/sheetTable';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { STAGES, type StageKey, VISITS } from '../../sheets/schema';
import { references } from '../references';
import { currentTeacher, followedView, staffNames, type VisitRec } from './shared';

/**
 * The stage rows `teacherId` follows: the follower's ID and name columns (a name may have been
 * changed by hand, see resolveFollower), then one read of the span of those rows.
 */
function followedRows(ctx: Context, teacherId: string): Row<StageKey>[] {
  const t = ctx.table(STAGES);
  const ids = t.readColumn('followerId');
  const names = t.readColumn('follower');
  const staff = staffNames(ctx);
  const rows: number[] = [];
  for (let i = 0; i < Math.max(ids.length, names.length); i++) {
    if (resolveFollower(str(ids[i] ?? ''), str(names[i] ?? ''), staff) === teacherId) {
      rows.push(i + 2);
    }
  }
  if (rows.length === 0) return [];
  const lo = rows[0]!;
  const block = t.readRows(lo, rows.at(-1)! - lo + 1);
  return rows
    .map((row) => ({ row, values: block[row - lo]! }))
    .filter((r) => str(r.values.id) !== '');
}

export function myStages(ctx: Context): MyStagesView {
  const me = currentTeacher(ctx);
  const rows = followedRows(ctx, me.id);
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
