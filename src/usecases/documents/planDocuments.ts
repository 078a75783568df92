/** « Vérifier » before a batch: what it would make, skip and why, writing nothing. */
import type { DocumentPlan, DocumentRequest } from '../../api/contract';
import { isBatchKind } from '../../api/contract';
import { DEFAULT_DOCUMENT_MS, estimateBatch } from '../../domain/documents/chunks';
import { TEMPLATE_NAMES, templateFor } from '../../domain/documents/kinds';
import { checkTemplate } from '../../domain/documents/templateCheck';
import { docsApi } from '../../gas/docsApi';
import { classifyApiError } from '../../gas/googleApiErrors';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { dailyCap, madeToday } from './dailyCount';
import { driveSpace } from './driveSpace';
import { eligibility, type Eligibility } from './eligibility';
import { readRegister, type RegisteredDocument } from './register';
import { loadSources, sessionOf, type Sources } from './sources';

export function checkedRequest(input: DocumentRequest): DocumentRequest {
  if (!input || !isBatchKind(input.kind))
    throw new UserError('Choisissez le type de documents : conventions, avenants ou attestations.');
  const scope = input.scope ?? {};
  return {
    kind: input.kind,
    scope: {
      ...(typeof scope.sessionId === 'string' && scope.sessionId
        ? { sessionId: scope.sessionId }
        : {}),
      ...(Array.isArray(scope.stageIds)
        ? { stageIds: scope.stageIds.map(String).slice(0, 5000) }
        : {}),
    },
    regenerate: input.regenerate === true,
    pdf: input.pdf === true,
  };
}

export function planDocuments(ctx: Context, raw: DocumentRequest): DocumentPlan {
  const request = checkedRequest(raw);
  const src = loadSources(ctx);
  const { plan, eligible } = planFrom(ctx, request, src, readRegister(ctx));
  if (plan.blocked || eligible.toMake.length === 0) return plan;
  // The templates are checked before use (one Docs read each): a typo would be in every copy.
  const space = driveSpace(ctx);
  const used = new Set(
    eligible.toMake.map((s) =>
      templateFor(request.kind, sessionOf(src, s.stage.sessionId)?.type ?? ''),
    ),
  );
  for (const kind of used) {
    const id = space.templates[kind];
    if (!id) continue;
    try {
      const check = checkTemplate(docsApi().documentText(id));
      for (const p of check.problems)
        plan.templateProblems.push(`${TEMPLATE_NAMES[kind]} : ${p.message}`);
    } catch (e) {
      if (classifyApiError(e) !== 'notFound') throw e;
      plan.blocked = `Le modèle « ${TEMPLATE_NAMES[kind]} » est introuvable (mis à la corbeille ?) : cliquez sur « Créer les modèles » pour le refaire.`;
    }
  }
  return plan;
}

/** The report, and the stages behind it, from what was read. */
export function planFrom(
  ctx: Context,
  request: DocumentRequest,
  src: Sources,
  register: readonly RegisteredDocument[],
): { plan: DocumentPlan; eligible: Eligibility } {
  const e = eligibility(src, register, request.kind, request.scope, request.regenerate);
  const space = driveSpace(ctx);
  const missingTemplates = new Set(
    e.inScope
      .map((s) => templateFor(request.kind, sessionOf(src, s.stage.sessionId)?.type ?? ''))
      .filter((k) => !space.templates[k]),
  );
  const dailyLeft = Math.max(0, dailyCap(ctx) - madeToday(ctx));
  const estimate = estimateBatch(e.toMake.length, ctx.settings().googleAccount, {
    createdToday: madeToday(ctx),
    perDocumentMs: request.pdf ? 2 * DEFAULT_DOCUMENT_MS : DEFAULT_DOCUMENT_MS,
  });
  const plan: DocumentPlan = {
    kind: request.kind,
    total: e.inScope.length,
    toCreate: e.toMake.length,
    existing: e.existing.length,
    incomplete: e.incomplete.map(({ stage, missing }) => ({
      stageId: stage.stage.id,
      label: stage.label,
      missing,
    })),
    notApplicable: e.notApplicable.map(({ stage, reason }) => ({
      stageId: stage.stage.id,
      label: stage.label,
      reason,
    })),
    dailyLeft,
    estimatedMinutes: estimate.minutes,
    blocked:
      missingTemplates.size > 0
        ? 'Les modèles de documents n’existent pas encore : cliquez d’abord sur « Créer les modèles ».'
        : '',
    templateProblems: [],
  };
  return { plan, eligible: e };
}
