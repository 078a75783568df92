/** How the documents panel words a batch (pure: unit-tested without a page). */
import type { BatchKind, DocumentJobView, DocumentPlan } from '../api/contract';

interface KindWords {
  one: string;
  many: string;
  /** The radio's label. */
  choice: string;
  /** Grammatical gender, for « déjà faite(s) » / « déjà fait(s) ». */
  feminine: boolean;
}

export const KIND_WORDS: Record<BatchKind, KindWords> = {
  convention: { one: 'convention', many: 'conventions', choice: 'Conventions', feminine: true },
  avenant: { one: 'avenant', many: 'avenants', choice: 'Avenants', feminine: false },
  attestation: {
    one: 'attestation',
    many: 'attestations',
    choice: 'Attestations',
    feminine: true,
  },
};

/** « 12 conventions », « 1 avenant », « 0 attestation ». */
export function countOf(kind: BatchKind, n: number): string {
  const w = KIND_WORDS[kind];
  return `${n} ${n > 1 ? w.many : w.one}`;
}

function done(kind: BatchKind, n: number): string {
  const w = KIND_WORDS[kind];
  return `${n} déjà ${w.feminine ? 'faite' : 'fait'}${n > 1 ? 's' : ''}`;
}

/** « 12 conventions à créer, 3 déjà faites ». */
export function planHeadline(p: Pick<DocumentPlan, 'kind' | 'toCreate' | 'existing'>): string {
  const w = KIND_WORDS[p.kind];
  const create =
    p.toCreate === 0
      ? `Aucun${w.feminine ? 'e' : ''} ${w.one} à créer`
      : `${countOf(p.kind, p.toCreate)} à créer`;
  return p.existing > 0 ? `${create}, ${done(p.kind, p.existing)}` : create;
}

/** « Générer 12 conventions ». */
export function generateLabel(kind: BatchKind, n: number): string {
  return `Générer ${countOf(kind, n)}`;
}

/** « environ 4 min », « moins d'une minute ». */
export function duration(minutes: number): string {
  if (!(minutes >= 1)) return "moins d'une minute";
  const m = Math.round(minutes);
  if (m < 60) return `environ ${m} min`;
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  return `environ ${hours} h${rest ? ` ${String(rest).padStart(2, '0')}` : ''}`;
}

/**
 * What the daily cap means for this batch, or '' when it does not limit it: a batch larger
 * than what remains stops cleanly at the cap and resumes the next day.
 */
export function dailyNote(kind: BatchKind, toCreate: number, dailyLeft: number): string {
  if (toCreate <= dailyLeft) return '';
  if (dailyLeft <= 0)
    return 'Quota quotidien de Google atteint : aucun document ne peut plus être créé aujourd’hui. Reprenez demain.';
  return (
    `Google ne permet plus que ${dailyLeft} créations de documents aujourd’hui : le lot ` +
    `s’arrêtera après ${countOf(kind, dailyLeft)}, et se reprend demain.`
  );
}

export const QUOTA_MESSAGE = 'Quota quotidien de Google atteint : reprenez demain.';

/** The line shown once the lanes have stopped on a state other than 'running'. */
export function endMessage(job: DocumentJobView): string {
  const failed = job.failed.length;
  const failures = failed > 0 ? ` ${failed} en échec (voir la liste).` : '';
  switch (job.state) {
    case 'done':
      return `Terminé : ${job.progress}.${failures}`;
    case 'cancelled':
      return `Lot annulé : ${job.progress}.${failures}`;
    case 'quota':
      return `${QUOTA_MESSAGE} (${job.progress})`;
    default:
      return job.progress;
  }
}
