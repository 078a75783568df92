/**
 * What the sidebar's "fiche stage" shows: the stage under the active cell, every stage of that
 * student in the session, and the IDs of all selected stage rows (for "Affecter").
 */
import type { SelectionPoll, SelectionProbe, StageSelection, StageView } from '../api/contract';
import { fingerprint } from '../domain/fingerprint';
import { type ActiveRows, readActiveRows, rowRuns } from '../gas/activeSelection';
import type { CellIn } from '../gas/cells';
import { referenceVersion } from '../gas/referenceCache';
import type { Context } from '../gas/context';
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

const NO_PROBE: SelectionProbe = { sheet: '', rows: '', currentRow: 0, rowDigest: '', width: 0 };

const EMPTY: StageSelection = {
  stage: null,
  siblings: [],
  selectedIds: [],
  selectedFingerprints: [],
  probe: NO_PROBE,
};

/** A digest of a row's raw cells: equal digests, same cells (dates by their instant). */
function rawDigest(cells: readonly CellIn[]): string {
  return fingerprint(cells.map((c) => (c instanceof Date ? c.getTime() : (c ?? ''))));
}

/**
 * Following the selection without reading it again: when the same rows are selected, the
 * active row is the same, and its cells are those the sidebar last saw (one read), nothing
 * changed. Otherwise the whole selection is read as `currentSelection` does.
 */
export function pollSelection(ctx: Context, probe: SelectionProbe): SelectionPoll {
  const refsVersion = referenceVersion(ctx);
  const active = readActiveRows(ctx);
  const same =
    probe !== null &&
    typeof probe === 'object' &&
    probe.sheet === active.sheet &&
    probe.rows === rowRuns(active.rows) &&
    probe.currentRow === active.currentRow;
  if (same && active.sheet !== STAGES.name) return { changed: false, refsVersion };
  const width = Number(probe?.width);
  if (same && active.currentRow >= 2 && Number.isInteger(width) && width >= 1 && width <= 500) {
    const cells = ctx.table(STAGES).readRawRow(active.currentRow, width);
    if (rawDigest(cells) === probe.rowDigest) return { changed: false, refsVersion };
  }
  return { changed: true, selection: selectionOf(ctx, active), refsVersion };
}

export function currentSelection(ctx: Context): StageSelection {
  return selectionOf(ctx, readActiveRows(ctx));
}

function selectionOf(ctx: Context, active: ActiveRows): StageSelection {
  const noStage: StageSelection = {
    ...EMPTY,
    probe: {
      ...NO_PROBE,
      sheet: active.sheet,
      rows: rowRuns(active.rows),
      currentRow: active.currentRow,
    },
  };
  if (active.sheet !== STAGES.name) return noStage;
  const rows = new Set(active.rows);
  const currentRow = active.currentRow || (active.rows[0] ?? 0);
  if (rows.size === 0 && currentRow < 2) return noStage;
  if (currentRow >= 2) rows.add(currentRow);
  const t = ctx.table(STAGES);
  const sorted = [...rows].sort((a, b) => a - b);
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  const today = ctx.today();
  const block = t.readRows(lo, hi - lo + 1);
  const width = t.rowWidth;
  const probe: SelectionProbe = {
    sheet: active.sheet,
    rows: rowRuns(active.rows),
    currentRow: active.currentRow,
    rowDigest: active.currentRow >= 2 ? rawDigest(t.rawRow(active.currentRow) ?? []) : '',
    width,
  };
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
    probe,
    selected: selected.map((v) => ({
      id: v.id,
      row: v.row,
      student: v.student,
      start: v.start,
      end: v.end,
      stoppedOn: v.stoppedOn,
    })),
  };
}
