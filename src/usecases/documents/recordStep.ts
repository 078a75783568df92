/**
 * « Signée par l’entreprise le … »: one step of a document's life, recorded from the fiche's
 * « Documents » tab. Under the lock, the document found by ID and checked against what the
 * sidebar read; the domain decides whether the step may come now and on that day; the row, the
 * Stages line and the journal change together, or nothing does.
 */
import type { DocumentStepInput, DocumentStepOutcome } from '../../api/contract';
import { formatFr } from '../../domain/dates';
import { applyStep, isStep, STEP_LABELS } from '../../domain/documents/signatures';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { unwrap } from '../stageStore';
import {
  documentSubject,
  documentView,
  lifeOf,
  lifePatch,
  loadDocument,
  typedDay,
  writeLife,
} from './life';

export function recordDocumentStep(ctx: Context, input: DocumentStepInput): DocumentStepOutcome {
  const step = typed(input?.step);
  if (!isStep(step) || step === 'cancel') throw new UserError('Choisissez une étape.');
  return ctx.withLock(() => {
    const on = typedDay(ctx, input?.date);
    const doc = loadDocument(ctx, input);
    const before = lifeOf(doc.rec);
    const after = unwrap(applyStep(before, step, on, ctx.today()));
    const patch = lifePatch(before, after);
    const { stageStatus, rec } = writeLife(ctx, doc, patch);
    ctx.journal({
      action: 'Suivi d’un document',
      target: documentSubject(doc.rec),
      before: { statut: before.status },
      after: { statut: after.status, [STEP_LABELS[step]]: formatFr(on) },
    });
    return { document: documentView(doc.row, rec), stageStatus };
  });
}
