/**
 * Durations the law cares about, per student, host and school year (Code de l'éducation):
 * gratification due beyond 2 months (L124-6), more than 6 months refused (L124-5); the thresholds
 * are domain/presence.ts'.
 * Each row keeps its presence (label and hours); the "Gratification" column is a sheet formula
 * summing the hours of the same student, host and school year, so it stays true by itself.
 */
import { hasIsoForm } from '../domain/dates';
import { gratification, presenceLimitsCheck } from '../domain/presence';
import { schoolYearOf } from '../domain/sessions';
import type { Stage } from '../domain/types';
import { UserError } from '../domain/errors';
import type { Context } from '../gas/context';
import { type Rec, str, stageFromRecord } from '../sheets/records';
import { STAGES, type StageKey } from '../sheets/schema';
import { presenceColumns, presenceOf } from './presenceColumns';
import { parsers } from './stageStore';
import { writeRowsUndoable } from './undoable';

function groupKey(s: Stage): string {
  if (!s.companyId || !hasIsoForm(s.start)) return '';
  return `${s.studentId}|${s.companyId}|${schoolYearOf(s.start)}`;
}

/**
 * Refuses a change that would put more than 6 months of stage with one host in one
 * school year (L124-5). `others` are the student's other stages, as loaded.
 */
export function checkHostLimit(
  ctx: Context,
  changed: Stage[],
  others: Stage[],
  /** Hours already counted in a row whose dates did not change (saves reading the absences). */
  knownHours: (s: Stage) => number | null = () => null,
): void {
  const all = [...changed, ...others.filter((o) => !changed.some((c) => c.id === o.id))];
  for (const c of changed) {
    const k = groupKey(c);
    if (!k) continue;
    const group = all.filter((s) => groupKey(s) === k);
    const g = gratification({
      stages: group.map((s) => ({
        hours: knownHours(s) ?? (hasIsoForm(s.end) ? presenceOf(ctx, s).hours : 0),
      })),
      hourlyRate: ctx.settings().hourlyGratification,
    });
    const check = presenceLimitsCheck(g.totalHours);
    if (!check.ok) throw new UserError(check.error);
  }
}

/**
 * "Recalculer les durées": presence and gratification of every stage, after hand edits or a
 * change of settings. One read of the table, one write of the two adjacent columns.
 */
export function recomputeDurations(ctx: Context): { updated: number } {
  return ctx.withLock(() => recomputeDurationsLocked(ctx));
}

/** The same, for a caller already holding the document lock. */
export function recomputeDurationsLocked(ctx: Context): { updated: number } {
  const updated = recountPresence(ctx);
  ctx.journal({
    action: 'Recalculer les durées',
    target: '',
    before: null,
    after: { lignes: updated },
  });
  return { updated };
}

/**
 * The presence of every stage counted again, the rows whose figures changed written (and put
 * back if the action fails before its journal line, which is its caller's). Returns their count.
 */
export function recountPresence(ctx: Context): number {
  const t = ctx.table(STAGES);
  const rows = t.readAll().filter((r) => str(r.values.id) !== '');
  const patches = new Map<number, Partial<Rec<StageKey>>>();
  for (const r of rows) {
    const s = stageFromRecord(r.values, parsers);
    const cols = presenceColumns(ctx, s);
    if ((Object.keys(cols) as StageKey[]).some((k) => (r.values[k] ?? '') !== (cols[k] ?? ''))) {
      patches.set(r.row, cols);
    }
  }
  const read = new Map(rows.map((r) => [r.row, r.values]));
  writeRowsUndoable(ctx, t, patches, (row) => read.get(row) ?? {});
  return patches.size;
}
