/**
 * « Générer » : a batch starts on the stages the report said it would make. Only its cursor is
 * written here; the chunks (runDocumentsChunk) make the documents.
 */
import type { DocumentJobView, DocumentRequest } from '../../api/contract';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { freshJob, liveClaims, saveNewJob, type JobRecord } from './jobStore';
import { jobView } from './jobView';
import { checkedRequest, planFrom } from './planDocuments';
import { readRegister } from './register';
import { loadSources } from './sources';

export function startDocuments(ctx: Context, raw: DocumentRequest): DocumentJobView {
  const request = checkedRequest(raw);
  return ctx.withLock(() => {
    const running = freshJob(ctx);
    if (running && running.state === 'running' && liveClaims(running, Date.now()).length > 0) {
      throw new UserError(
        `Un lot de documents est déjà en cours (lancé par ${running.by} le ${running.startedAt}) : ` +
          'attendez qu’il se termine ou annulez-le.',
      );
    }
    const register = readRegister(ctx);
    const { plan, eligible: e } = planFrom(ctx, request, loadSources(ctx), register);
    if (plan.blocked) throw new UserError(plan.blocked);
    if (plan.toCreate === 0)
      throw new UserError('Aucun document à créer : voyez le compte rendu de la vérification.');
    const job: JobRecord = {
      id: ctx.newId('LOT'),
      kind: request.kind,
      sessionId: request.scope.sessionId ?? '',
      regenerate: request.regenerate,
      pdf: request.pdf,
      total: e.toMake.length,
      by: ctx.user(),
      startedAt: ctx.now().slice(0, 16),
      state: 'running',
      claims: {},
      failures: {},
      idParts: 0,
    };
    saveNewJob(
      ctx,
      job,
      e.toMake.map((s) => s.stage.id),
    );
    return jobView(ctx, job, register);
  });
}
