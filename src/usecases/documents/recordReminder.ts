/**
 * « J’ai envoyé la relance »: the sidebar prepared the e-mail (a mailto: link, nothing sent by
 * the add-on); the user says it went, and the day is noted in « Relancée le ».
 */
import type { DocumentStepInput, DocumentStepOutcome } from '../../api/contract';
import { formatFr } from '../../domain/dates';
import { isLiveStatus } from '../../domain/documents/signatures';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { documentSubject, documentView, loadDocument, typedDay, writeLife } from './life';

export function recordReminder(ctx: Context, input: DocumentStepInput): DocumentStepOutcome {
  return ctx.withLock(() => {
    const on = typedDay(ctx, input?.date);
    if (on > ctx.today()) throw new UserError(`Le ${formatFr(on)} est dans le futur.`, 'date');
    const doc = loadDocument(ctx, input);
    const status = str(doc.rec.status) || 'Générée';
    if (!isLiveStatus(status) || status === 'Complète')
      throw new UserError(`Ce document est « ${status} » : il n’y a rien à relancer.`);
    const old = str(doc.rec.remindedOn);
    const { stageStatus, rec } = writeLife(ctx, doc, { remindedOn: on });
    ctx.journal({
      action: 'Relancer une convention',
      target: documentSubject(doc.rec),
      before: { 'relancée le': old ? formatFr(old) : '' },
      after: { 'relancée le': formatFr(on) },
    });
    return { document: documentView(doc.row, rec), stageStatus };
  });
}
