/**
 * "Gestion des stages": PRONOTE's filters over the Stages sheet.
 *
 * The sidebar lists the matching stages without touching the sheet, so nobody else's view
 * changes. "Appliquer à la feuille" also sets the sheet's shared basic filter (hiding the other
 * rows by their ID; see gas/sheetFilter.ts for why not a filter view).
 */
import type { FilterResult, StageFilter } from '../api/contract';
import { matchesStageFilter, parseStageFilter } from '../domain/stages/filter';
import type { Context } from '../gas/context';
import { filterOutIds, removeFilter } from '../gas/sheetFilter';
import { str } from '../sheets/records';
import { STAGES } from '../sheets/schema';
import { expectedVisits } from '../domain/followUp/myStages';
import { conventionsToChase } from './documents/chase';
import { references } from './references';
import { stageView, unwrap } from './stageStore';

const LIST_LIMIT = 200;

function run(ctx: Context, raw: StageFilter): { result: FilterResult; hidden: string[] } {
  const filter = unwrap(parseStageFilter(raw));
  const today = ctx.today();
  const rows = ctx
    .table(STAGES)
    .readAll()
    .filter((r) => str(r.values.id) !== '');
  // The session's figure is needed only for a stage without its own, and only by this filter.
  const sessionFigure = lazySessionFigures(ctx, filter.visits !== 'indif');
  // « Conventions à relancer »: the register is read only when this filter is on.
  const toChase =
    raw?.toChase === true
      ? new Set(conventionsToChase(ctx, filter.sessionId).items.map((i) => i.stageId))
      : null;
  const matching = [];
  const hidden: string[] = [];
  for (const r of rows) {
    const v = stageView(r.row, r.values, today);
    const ok = matchesStageFilter(
      {
        sessionId: v.sessionId,
        start: v.start,
        end: v.end,
        stoppedOn: v.stoppedOn,
        student: v.student,
        className: v.className,
        company: v.company,
        companyId: v.companyId,
        tutorId: v.tutorId,
        referentId: v.referentId,
        visits: v.visits,
        expectedVisits: expectedVisits(v.expectedVisits, sessionFigure(v)),
      },
      filter,
      today,
    );
    if (ok && (!toChase || toChase.has(v.id))) matching.push(v);
    else hidden.push(v.id);
  }
  return {
    result: { count: matching.length, total: rows.length, stages: matching.slice(0, LIST_LIMIT) },
    hidden,
  };
}

function lazySessionFigures(
  ctx: Context,
  needed: boolean,
): (v: { sessionId: string; expectedVisits?: number | null }) => number | null {
  let bySession: Map<string, number | null> | undefined;
  return (v) => {
    if (!needed || typeof v.expectedVisits === 'number') return null;
    bySession ??= new Map(references(ctx).sessions.map((s) => [s.id, s.expectedVisits ?? null]));
    return bySession.get(v.sessionId) ?? null;
  };
}

export function filterStages(ctx: Context, raw: StageFilter): FilterResult {
  return run(ctx, raw).result;
}

export function applyFilterToSheet(ctx: Context, raw: StageFilter): FilterResult {
  return ctx.withLock(() => {
    const { result, hidden } = run(ctx, raw);
    // A view, not data: a failure leaves the filter half set, and says so (gas/run.ts).
    ctx.noteViewWrite();
    filterOutIds(ctx.table(STAGES), 'id', hidden);
    ctx.journal({
      action: 'Filtrer la feuille Stages',
      target: '',
      before: null,
      after: { affichés: result.count, masqués: hidden.length },
    });
    return result;
  });
}

export function clearSheetFilter(ctx: Context): null {
  return ctx.withLock(() => {
    ctx.noteViewWrite();
    removeFilter(ctx.table(STAGES));
    return null;
  });
}
