/**
 * Stage rows typed or edited by hand in the sheet: give a new row its ID, turn the names picked in
 * its drop-downs into IDs, and fill its computed cells, so that every action can address it.
 * Run by "Initialiser le classeur"; rows it cannot understand are listed, not guessed.
 */
import { UserError } from '../domain/errors';
import type { Context } from '../gas/context';
import { editedLabels, type Rec, stageFromRecord, str } from '../sheets/records';
import { STAGES, type StageKey } from '../sheets/schema';
import { references } from './references';
import { labelsWith, parsers, reconcile, recordFor } from './stageStore';

export function repairStages(ctx: Context): { repaired: number; problems: string[] } {
  const t = ctx.table(STAGES);
  const rows = t.readAll();
  const refs = references(ctx);
  const patches = new Map<number, Partial<Rec<StageKey>>>();
  const problems: string[] = [];
  for (const { row, values } of rows) {
    const hasId = str(values.id) !== '';
    if (!hasId && str(values.student) === '') continue;
    if (hasId && editedLabels(values).size === 0) continue;
    try {
      const base = stageFromRecord(values, parsers);
      const stage = reconcile(ctx, values, { ...base, id: hasId ? base.id : ctx.newId('STG') });
      if (!stage.sessionId || !stage.studentId) throw new UserError('session ou élève manquant');
      patches.set(row, recordFor(ctx, stage, labelsWith(refs, [])));
    } catch (e) {
      problems.push(`Ligne ${row} : ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (patches.size > 0) t.writeRows(patches);
  return { repaired: patches.size, problems };
}
