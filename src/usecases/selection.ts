/**
 * What the sidebar's "fiche stage" shows: the stage under the active cell, every stage of that
 * student in the session, and the IDs of all selected stage rows (for "Affecter").
 */
import type { StageSelection, StageView } from '../api/contract';
import type { Context } from '../gas/context';
import { activeRangesOn } from '../gas/selection';
import { editedLabels, type Rec, stageFromRecord, str } from '../sheets/records';
import type { StageKey } from '../sheets/schema';
import type { Stage } from '../domain/types';
import { STAGES } from '../sheets/schema';
import { parsers, reconcile, stageView } from './stageStore';
import { formatEuros, gratification } from '../domain/presence';
import { DUE_LABEL } from '../sheets/rowFormulas';

/** The IDs a hand-edited row means; null (hidden IDs shown as they are) when a name is unknown. */
function resolvedOrNull(ctx: Context, rec: Rec<StageKey>): Stage | null {
  if (editedLabels(rec).size === 0) return null;
  try {
    return reconcile(ctx, rec, stageFromRecord(rec, parsers));
  } catch {
    return null;
  }
}

const EMPTY: StageSelection = {
  stage: null,
  siblings: [],
  selectedIds: [],
  selectedFingerprints: [],
};

export function currentSelection(ctx: Context): StageSelection {
  const active = activeRangesOn(ctx, STAGES.name);
  if (!active) return EMPTY;
  const rows = new Set<number>();
  for (const r of active.ranges) {
    const first = Math.max(2, r.row);
    const last = Math.min(r.row + r.numRows - 1, first + 999);
    for (let i = first; i <= last; i++) rows.add(i);
  }
  const currentRow = active.currentRow ?? [...rows][0] ?? 0;
  if (rows.size === 0 && currentRow < 2) return EMPTY;
  if (currentRow >= 2) rows.add(currentRow);
  const t = ctx.table(STAGES);
  const sorted = [...rows].sort((a, b) => a - b);
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  const today = ctx.today();
  const block = t.readRows(lo, hi - lo + 1);
  const views = new Map<number, StageView>();
  for (const r of sorted) {
    const rec = block[r - lo]!;
    if (str(rec.id) === '') continue;
    views.set(r, stageView(r, rec, today, resolvedOrNull(ctx, rec) ?? undefined));
  }
  const stage = views.get(currentRow) ?? null;
  const selected = [...views.values()];
  let siblings: StageView[] = [];
  if (stage) {
    const keys = t.readColumns(['sessionId', 'studentId'] as const);
    const siblingRows = keys
      .filter(
        (k) =>
          str(k.values.studentId) === stage.studentId &&
          str(k.values.sessionId) === stage.sessionId,
      )
      .map((k) => k.row);
    siblings = siblingRows.map((r) => views.get(r) ?? stageView(r, t.readRow(r), today));
    siblings.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }
  const withAmount = (v: StageView): StageView => {
    if (v.gratification !== DUE_LABEL) return v;
    const settings = ctx.settings();
    const g = gratification({
      stages: [],
      hourlyRate: settings.hourlyGratification,
      weeklyHours: v.weeklyHours ?? settings.defaultWeeklyHours,
    });
    return {
      ...v,
      gratification: `${DUE_LABEL} : au moins ${formatEuros(g.minimumMonthly)} par mois complet`,
    };
  };
  return {
    stage: stage ? withAmount(stage) : null,
    siblings: siblings.map(withAmount),
    selectedIds: selected.map((v) => v.id),
    selectedFingerprints: selected.map((v) => v.fingerprint),
  };
}
