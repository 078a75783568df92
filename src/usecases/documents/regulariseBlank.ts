/**
 * « Régulariser » a blank convention issued in an emergency: the referent links it to its
 * stage, which then has it as its convention (« Convention » in the register, its link in the
 * Stages sheet), with the day of the regularisation. Until then it is listed as to regularise.
 * Which blank and which stage: domain/documents/regularisation.ts, the rule the pickers use too.
 */
import type { DocumentStepOutcome, RegulariseInput } from '../../api/contract';
import { formatFr } from '../../domain/dates';
import { DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import {
  blankRefusal,
  isLiveConvention,
  stageRefusal,
} from '../../domain/documents/regularisation';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { DOCUMENTS, STAGES } from '../../sheets/schema';
import { loadStage, stageView } from '../stageStore';
import { writeRowUndoable } from '../undoable';
import { documentSubject, documentView, loadDocument, registerFacts, writeLife } from './life';

export function regulariseBlank(ctx: Context, input: RegulariseInput): DocumentStepOutcome {
  const stageId = typed(input?.stageId);
  if (!stageId) throw new UserError('Choisissez le stage de cette convention.', 'stageId');
  return ctx.withLock(() => {
    const doc = loadDocument(ctx, input);
    const notBlank = blankRefusal(registerFacts(doc.rec));
    if (notBlank) throw new UserError(notBlank);
    const stage = loadStage(ctx, stageId);
    const refusal = stageRefusal(
      { sessionId: str(doc.rec.sessionId), session: str(doc.rec.session) },
      {
        sessionId: stage.stage.sessionId,
        convention: str(stage.rec.convention),
        hasLiveConvention: ctx
          .table(DOCUMENTS)
          .readRowsWhere('stageId', (v) => v === stageId)
          .some((r) => isLiveConvention(registerFacts(r.values))),
      },
    );
    if (refusal) throw new UserError(refusal, 'stageId');
    const label = DOCUMENT_KIND_LABELS.convention;
    const today = ctx.today();
    const { stageStatus, rec } = writeLife(ctx, doc, {
      stageId,
      student: str(stage.rec.student),
      session: str(stage.rec.session),
      sessionId: stage.stage.sessionId,
      kind: label,
      regularisedOn: today,
    });
    writeRowUndoable(
      ctx,
      ctx.table(STAGES),
      stage.row,
      { convention: str(doc.rec.link) },
      { convention: stage.rec.convention },
    );
    ctx.journal({
      action: 'Régulariser une convention vierge',
      target: documentSubject(doc.rec),
      before: { stage: '' },
      after: { stage: `${str(stage.rec.student)} (${stageId})`, 'régularisée le': formatFr(today) },
    });
    // The fiche's stage now holds the convention's link: its view (and fingerprint) too.
    const stageRec = {
      ...stage.rec,
      convention: str(doc.rec.link),
      docStatus: stageStatus || stage.rec.docStatus,
    };
    return {
      document: documentView(doc.row, rec),
      stageStatus,
      stage: stageView(stage.row, stageRec, today),
    };
  });
}
