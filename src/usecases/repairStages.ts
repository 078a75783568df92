/**
 * Stage rows typed or edited by hand in the sheet: give a new row its ID, turn the names picked in
 * its drop-downs into IDs, and fill its computed cells, so that every action can address it.
 * A row holding the ID of an earlier row (copied by hand) gets a new ID, journalled.
 * Run by "Initialiser le classeur"; rows it cannot understand are listed, not guessed.
 */
import { UserError } from '../domain/errors';
import type { Context } from '../gas/context';
import { journalRenewedIds, renewDuplicateIds } from '../gas/uniqueIds';
import { editedLabels, type Rec, stageFromRecord, str } from '../sheets/records';
import { STAGES, type StageKey } from '../sheets/schema';
import { references } from './references';
import { labelsWith, parsers, reconcile, recordFor } from './stageStore';

export function repairStages(ctx: Context): {
  repaired: number;
  reidentified: number;
  problems: string[];
} {
  const t = ctx.table(STAGES);
  const rows = t.readAll();
  const refs = references(ctx);
  const renewed = renewDuplicateIds(
    rows.map(({ row, values }) => ({ row, id: str(values.id) })),
    () => ctx.newId('STG'),
  );
  const renewedAt = new Map(renewed.map((r) => [r.row, r.to]));
  const patches = new Map<number, Partial<Rec<StageKey>>>();
  const problems: string[] = [];
  for (const { row, values } of rows) {
    const fresh = renewedAt.get(row);
    const hasId = str(values.id) !== '';
    if (!hasId && str(values.student) === '') continue;
    if (hasId && editedLabels(values).size === 0) {
      if (fresh) patches.set(row, { id: fresh });
      continue;
    }
    try {
      const base = stageFromRecord(values, parsers);
      const id = fresh ?? (hasId ? base.id : ctx.newId('STG'));
      const stage = reconcile(ctx, values, { ...base, id });
      if (!stage.sessionId || !stage.studentId) throw new UserError('session ou élève manquant');
      patches.set(row, recordFor(ctx, stage, labelsWith(refs, [])));
    } catch (e) {
      // Even a row left to fix by hand must not keep an ID that another row holds.
      if (fresh) patches.set(row, { id: fresh });
      problems.push(`Ligne ${row} : ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (patches.size > 0) t.writeRows(patches);
  journalRenewedIds(ctx, STAGES.name, renewed, (back) =>
    t.writeRows(new Map(back.map((r) => [r.row, { id: r.from }]))),
  );
  return { repaired: patches.size - renewed.length, reidentified: renewed.length, problems };
}
