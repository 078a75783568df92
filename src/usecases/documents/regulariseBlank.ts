/**
 * « Régulariser » a blank convention issued in an emergency: the referent links it to its
 * stage, which then has it as its convention (« Convention » in the register, its link in the
 * Stages sheet), with the day of the regularisation. Until then it is listed as to regularise.
 */
import type { DocumentStepOutcome, RegulariseInput } from '../../api/contract';
import { formatFr } from '../../domain/dates';
import { DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import { isLiveStatus } from '../../domain/documents/signatures';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { DOCUMENTS, STAGES } from '../../sheets/schema';
import { loadStage } from '../stageStore';
import { writeRowUndoable } from '../undoable';
import { documentSubject, documentView, loadDocument, writeLife } from './life';

export function regulariseBlank(ctx: Context, input: RegulariseInput): DocumentStepOutcome {
  const stageId = typed(input?.stageId);
  if (!stageId) throw new UserError('Choisissez le stage de cette convention.', 'stageId');
  return ctx.withLock(() => {
    const doc = loadDocument(ctx, input);
    if (str(doc.rec.kind) !== DOCUMENT_KIND_LABELS.vierge || str(doc.rec.stageId) !== '')
      throw new UserError('Ce document n’est pas une convention vierge à régulariser.');
    if (!isLiveStatus(str(doc.rec.status) || 'Générée'))
      throw new UserError('Cette convention vierge est annulée : il n’y a rien à régulariser.');
    const stage = loadStage(ctx, stageId);
    const blankSession = str(doc.rec.sessionId);
    if (blankSession && blankSession !== stage.stage.sessionId)
      throw new UserError(
        `Cette convention vierge est celle de la session « ${str(doc.rec.session)} » : choisissez un stage de cette session.`,
        'stageId',
      );
    const label = DOCUMENT_KIND_LABELS.convention;
    const theirs = ctx
      .table(DOCUMENTS)
      .readRowsWhere('stageId', (v) => v === stageId)
      .some((r) => str(r.values.kind) === label && isLiveStatus(str(r.values.status) || 'Générée'));
    if (theirs || str(stage.rec.convention) !== '')
      throw new UserError(
        'Ce stage a déjà une convention : annulez-la d’abord, ou choisissez un autre stage.',
        'stageId',
      );
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
    return { document: documentView(doc.row, rec), stageStatus };
  });
}
