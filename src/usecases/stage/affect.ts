/** "Affecter" on the rows selected in the Stages sheet. */
import type { AffectInput, StageView } from '../../api/contract';
import { UserError } from '../../domain/errors';
import { affectStages } from '../../domain/stages/transitions';
import type { Context } from '../../gas/context';
import { changedKeys, type Rec, stageFromRecord } from '../../sheets/records';
import { stagesSubject } from '../../sheets/journalText';
import { STAGES, type StageKey } from '../../sheets/schema';
import { rowOfId } from '../../gas/sheetTable';
import { checkHostLimit } from '../durations';
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
import { writeRowsUndoable } from '../undoable';
import { checkReferenceIds, knownHours, text } from './shared';

/**
 * "Affecter" on the rows selected in the sheet. Reads the ID column and the block of rows
 * spanning the selection once, writes the changed rows, one journal entry for the batch.
 */
export function affect(ctx: Context, input: AffectInput): StageView[] {
  const ids = Array.isArray(input.stageIds) ? input.stageIds.map(text).filter((s) => s !== '') : [];
  const prints = Array.isArray(input.fingerprints) ? input.fingerprints.map(text) : [];
  if (ids.length === 0)
    throw new UserError('Sélectionnez au moins une ligne de stage dans la feuille Stages.');
  return ctx.withLock(() => {
    const refs = references(ctx);
    const patchIds = {
      ...(input.companyId === undefined ? {} : { companyId: text(input.companyId) }),
      ...(input.tutorId === undefined ? {} : { tutorId: text(input.tutorId) }),
      ...(input.referentId === undefined ? {} : { referentId: text(input.referentId) }),
    };
    checkReferenceIds(refs, patchIds);
    const t = ctx.table(STAGES);
    const idColumn = t.readColumn('id');
    const rows = ids.map((id) => {
      const row = rowOfId(STAGES.name, idColumn, id);
      if (row === 0)
        throw new UserError(
          `Le stage ${id} est introuvable : rechargez la sélection.`,
          undefined,
          true,
        );
      return row;
    });
    const lo = Math.min(...rows);
    const block = t.readRows(lo, Math.max(...rows) - lo + 1);
    const recs = rows.map((r) => block[r - lo]!);
    recs.forEach((rec, i) => {
      const expected = prints[i] ?? '';
      checkFingerprint({ row: rows[i]!, rec, stage: stageFromRecord(rec, parsers) }, expected);
    });
    const stages = recs.map((r) => reconcile(ctx, r, stageFromRecord(r, parsers)));
    const updated = unwrap(affectStages(stages, patchIds, refs.tutors));
    // The selection is checked as a whole; a student's stages outside it are not read here.
    checkHostLimit(
      ctx,
      updated,
      [],
      knownHours(stages.map((stage, i) => ({ stage, rec: recs[i]! }))),
    );
    const today = ctx.today();
    const views: StageView[] = [];
    const journalBefore: unknown[] = [];
    const journalAfter: unknown[] = [];
    const patches = new Map<number, Partial<Rec<StageKey>>>();
    updated.forEach((s, i) => {
      // Each row keeps its own names for what it keeps; a new ID takes its name from the lists.
      const labels = labelsWith(refs, [recs[i]!]);
      const rec = recordFor(ctx, s, labels, { stage: stages[i]!, rec: recs[i]! });
      const keys = changedKeys<StageKey>(recs[i]!, rec).filter((k) => k !== 'presence');
      if (keys.length > 0) {
        const patch = pick(rec, keys);
        patches.set(rows[i]!, patch);
        journalBefore.push({ id: s.id, ...pick(recs[i]!, keys) });
        journalAfter.push({ id: s.id, ...pick(rec, keys) });
        views.push(
          stageView(rows[i]!, { ...recs[i]!, ...patch, phase: '' } as Rec<StageKey>, today),
        );
      } else {
        views.push(stageView(rows[i]!, recs[i]!, today));
      }
    });
    const read = new Map(rows.map((row, i) => [row, recs[i]!]));
    writeRowsUndoable(ctx, t, patches, (row) => read.get(row) ?? {});
    ctx.journal({
      action: 'Affecter',
      target: stagesSubject([...patches.keys()].map((row) => recs[rows.indexOf(row)]!)),
      before: journalBefore,
      after: journalAfter,
    });
    return views;
  });
}
