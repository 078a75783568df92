/**
 * "Arrêter les stages…" on several rows selected in the sheet (a company closing, say): one date
 * and one reason, checked on every row; every row is stopped, or none, and one journal line
 * names them all.
 */
import type { StageView, StopStagesInput } from '../../api/contract';
import { UserError } from '../../domain/errors';
import { stopStages } from '../../domain/stages/transitions';
import type { Context } from '../../gas/context';
import { changedKeys, type Rec, stageFromRecord, str } from '../../sheets/records';
import { stagesSubject } from '../../sheets/journalText';
import { writeRowsUndoable } from '../undoable';
import { STAGES, type StageKey } from '../../sheets/schema';
import { references } from '../references';
import {
  checkFingerprint,
  labelsWith,
  parsers,
  pick,
  reconcile,
  recordFor,
  stageView,
  unwrap,
} from '../stageStore';
import { text } from './shared';

export function stopMany(ctx: Context, input: StopStagesInput): StageView[] {
  const ids = Array.isArray(input?.stageIds) ? input.stageIds.map(text).filter((s) => s) : [];
  const prints = Array.isArray(input?.fingerprints) ? input.fingerprints.map(text) : [];
  if (ids.length === 0)
    throw new UserError('Sélectionnez au moins une ligne de stage dans la feuille Stages.');
  if (new Set(ids).size !== ids.length)
    throw new UserError('La même ligne est sélectionnée deux fois : rechargez la sélection.');
  return ctx.withLock(() => {
    const t = ctx.table(STAGES);
    const idColumn = t.readColumn('id');
    const rows = ids.map((id) => {
      const found: number[] = [];
      idColumn.forEach((v, i) => {
        if (v === id) found.push(i + 2);
      });
      if (found.length === 0)
        throw new UserError(
          `Le stage ${id} est introuvable : la ligne a peut-être été supprimée. Rechargez la sélection.`,
          undefined,
          true,
        );
      if (found.length > 1)
        throw new UserError(
          `Les lignes ${found.join(' et ')} portent le même identifiant ${id} : ` +
            '« Initialiser le classeur » le répare ; rien n’a été modifié.',
        );
      return found[0]!;
    });
    // One read of the span of the selected rows (kept for the one write below).
    const lo = Math.min(...rows);
    const block = t.readRows(lo, Math.max(...rows) - lo + 1);
    const loaded = rows.map((row, i) => {
      const rec = block[row - lo]!;
      const l = { row, rec, stage: stageFromRecord(rec, parsers) };
      checkFingerprint(l, prints[i] ?? '');
      return { ...l, stage: reconcile(ctx, rec, l.stage) };
    });
    const stopped = unwrap(
      stopStages(
        loaded.map((l) => ({
          stage: l.stage,
          name: `${str(l.rec.student) || l.stage.id} (ligne ${l.row})`,
        })),
        { stoppedOn: text(input.stoppedOn), reason: text(input.reason) },
      ),
    );
    const labels = labelsWith(
      references(ctx),
      loaded.map((l) => l.rec),
    );
    const patches = new Map<number, Partial<Rec<StageKey>>>();
    const undo = new Map<number, Partial<Rec<StageKey>>>();
    const before: Partial<Rec<StageKey>>[] = [];
    const after: Partial<Rec<StageKey>>[] = [];
    const today = ctx.today();
    const views = stopped.map((s, i) => {
      const l = loaded[i]!;
      const rec = recordFor(ctx, s, labels, l);
      const keys = changedKeys<StageKey>(l.rec, rec);
      const patch = pick(rec, keys);
      patches.set(l.row, patch);
      undo.set(l.row, pick(l.rec, keys));
      before.push({ id: s.id, student: l.rec.student, ...pick(l.rec, keys) });
      after.push({ id: s.id, student: l.rec.student, ...patch });
      return stageView(l.row, { ...l.rec, ...patch } as Rec<StageKey>, today);
    });
    writeRowsUndoable(ctx, t, patches, (row) => undo.get(row) ?? {});
    ctx.journal({
      action: 'Arrêter les stages',
      target: stagesSubject(loaded.map((l) => l.rec)),
      before,
      after,
    });
    return views;
  });
}
