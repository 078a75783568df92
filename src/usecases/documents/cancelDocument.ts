/**
 * « Annuler le document »: a document that will not be signed (the stage did not happen, the
 * company refused) stays in the register, « Annulée » with its day; a complete one is changed
 * by an avenant instead.
 */
import type { DocumentStepInput, DocumentStepOutcome } from '../../api/contract';
import { formatFr } from '../../domain/dates';
import { applyStep } from '../../domain/documents/signatures';
import { DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { STAGES } from '../../sheets/schema';
import { writeRowUndoable } from '../undoable';
import { stageView, unwrap } from '../stageStore';
import {
  documentSubject,
  documentView,
  lifeOf,
  lifePatch,
  loadDocument,
  typedDay,
  writeLife,
} from './life';

export function cancelDocument(ctx: Context, input: DocumentStepInput): DocumentStepOutcome {
  return ctx.withLock(() => {
    const on = typedDay(ctx, input?.date);
    const doc = loadDocument(ctx, input);
    const before = lifeOf(doc.rec);
    const after = unwrap(applyStep(before, 'cancel', on, ctx.today()));
    // A cancelled convention leaves the stage without one: « Générer » then makes a new one.
    const stageId = str(doc.rec.stageId);
    const stages = ctx.table(STAGES);
    const stageRow =
      stageId && str(doc.rec.kind) === DOCUMENT_KIND_LABELS.convention
        ? stages.findRow(stageId)
        : 0;
    const stageRec = stageRow > 0 ? stages.readRow(stageRow) : null;
    const { stageStatus, rec } = writeLife(ctx, doc, lifePatch(before, after));
    const unlinked =
      stageRec !== null &&
      str(stageRec.convention) === str(doc.rec.link) &&
      str(doc.rec.link) !== '';
    if (unlinked)
      writeRowUndoable(
        ctx,
        stages,
        stageRow,
        { convention: '' },
        { convention: stageRec.convention },
      );
    ctx.journal({
      action: 'Annuler un document',
      target: documentSubject(doc.rec),
      before: { statut: before.status },
      after: { statut: after.status, 'annulée le': formatFr(on) },
    });
    // The fiche's stage lost its link: its view (and fingerprint) go back with the answer.
    return {
      document: documentView(doc.row, rec),
      stageStatus,
      ...(unlinked
        ? {
            stage: stageView(
              stageRow,
              { ...stageRec, convention: '', docStatus: stageStatus || stageRec.docStatus },
              ctx.today(),
            ),
          }
        : {}),
    };
  });
}
