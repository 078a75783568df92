/**
 * Which stages of a scope a batch makes a document for, and why the others are left out: the
 * rule shared by the report shown before a batch and the batch itself.
 */
import type { BatchKind, DocumentScope } from '../../api/contract';
import { UserError } from '../../domain/errors';
import { missingFor } from '../../domain/documents/missing';
import { DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import { isFrozen } from '../../domain/documents/signatures';
import { isLive, type RegisteredDocument } from './register';

/** « envoyée pour signature », « signée entreprise »… as the refusal says it. */
function frozenWord(status: string): string {
  return status === 'Envoyée' ? 'envoyée pour signature' : status.toLowerCase();
}
import { inputFor, noInputReason, type Sources, type StageSource } from './sources';

export interface Eligibility {
  inScope: StageSource[];
  toMake: StageSource[];
  existing: StageSource[];
  incomplete: { stage: StageSource; missing: string[] }[];
  notApplicable: { stage: StageSource; reason: string }[];
}

/** The stages a scope names, in sheet order; a scope naming nothing is refused. */
export function stagesInScope(src: Sources, scope: DocumentScope): StageSource[] {
  if (scope.sessionId) {
    const id = String(scope.sessionId);
    if (!src.refs.sessions.some((s) => s.id === id))
      throw new UserError('Cette session n’existe plus : choisissez-en une autre.');
    return src.stages.filter((s) => s.stage.sessionId === id);
  }
  const ids = Array.isArray(scope.stageIds) ? scope.stageIds.map(String) : [];
  if (ids.length === 0)
    throw new UserError('Sélectionnez des lignes de la feuille Stages, ou choisissez une session.');
  const wanted = new Set(ids);
  const found = src.stages.filter((s) => wanted.has(s.stage.id));
  if (found.length === 0)
    throw new UserError('Les lignes sélectionnées ne sont plus dans la feuille Stages.');
  return found;
}

/** The label a register row has for a kind (« Convention »…). */
export function kindLabel(kind: BatchKind): string {
  return DOCUMENT_KIND_LABELS[kind];
}

/** The live documents of a kind, by stage (the last one made when there are several). */
export function liveByStage(
  register: readonly RegisteredDocument[],
  kind: BatchKind | 'convention',
): Map<string, RegisteredDocument> {
  const label = DOCUMENT_KIND_LABELS[kind];
  const m = new Map<string, RegisteredDocument>();
  for (const d of register) if (d.kind === label && isLive(d)) m.set(d.stageId, d);
  return m;
}

function isOver(s: StageSource, today: string): boolean {
  const end = s.stage.stoppedOn || s.stage.end;
  return end !== '' && end <= today;
}

export function eligibility(
  src: Sources,
  register: readonly RegisteredDocument[],
  kind: BatchKind,
  scope: DocumentScope,
  regenerate: boolean,
): Eligibility {
  const inScope = stagesInScope(src, scope);
  const mine = liveByStage(register, kind);
  const conventions = liveByStage(register, 'convention');
  const out: Eligibility = {
    inScope,
    toMake: [],
    existing: [],
    incomplete: [],
    notApplicable: [],
  };
  for (const s of inScope) {
    if (kind === 'avenant') {
      const due = s.stage.needsAmendment || (regenerate && s.stage.amendmentDone === true);
      if (!conventions.has(s.stage.id) && !due) {
        out.notApplicable.push({ stage: s, reason: 'pas de convention générée' });
        continue;
      }
      if (!due) {
        out.notApplicable.push({ stage: s, reason: 'aucun changement depuis la convention' });
        continue;
      }
      if (!conventions.has(s.stage.id)) {
        out.notApplicable.push({
          stage: s,
          reason: 'sa convention n’a pas été faite par le module : faites l’avenant à la main',
        });
        continue;
      }
    } else if (kind === 'attestation' && !isOver(s, src.today)) {
      out.notApplicable.push({ stage: s, reason: 'stage pas encore terminé' });
      continue;
    } else if (
      kind === 'convention' &&
      regenerate &&
      isFrozen(mine.get(s.stage.id)?.status ?? '')
    ) {
      out.notApplicable.push({
        stage: s,
        reason: `convention ${frozenWord(mine.get(s.stage.id)!.status)} : elle ne se régénère plus, faites un avenant`,
      });
      continue;
    } else if (kind === 'convention' && regenerate && s.stage.amendmentDone === true) {
      // Its avenant names it: a new convention would leave that avenant pointing at a bin.
      out.notApplicable.push({
        stage: s,
        reason: 'un avenant complète déjà sa convention : faites un nouvel avenant',
      });
      continue;
    } else if (
      !regenerate &&
      (mine.has(s.stage.id) || (kind === 'convention' && s.stage.conventionUrl !== ''))
    ) {
      out.existing.push(s);
      continue;
    }
    const input = inputFor(src, s);
    const missing = input ? missingFor(kind, input) : [noInputReason(src, s)];
    if (missing.length > 0) out.incomplete.push({ stage: s, missing });
    else out.toMake.push(s);
  }
  return out;
}
