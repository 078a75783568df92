/**
 * A document's life after it is generated (issue 11, seed 004 step 3): sent to the company,
 * signed by the student (or their legal representative), by the company, by the head of school,
 * then the three copies handed out — one for the company, one for the student, one kept by the
 * referent. The order is fixed; each step needs the one before it and is dated on or after it.
 *
 * Decisions:
 * - « Complète » = signed by the school AND the three copies handed out. Copies may be handed one
 *   by one; the document stays « Signée établissement » until the last one.
 * - « Signée entreprise » is also the day the convention came back: « sent and not returned »
 *   means sent (Envoyée or Signée stagiaire) and not yet signed by the company.
 * - « Annulée » is reachable from every live status but « Complète » (a complete convention is
 *   changed by an avenant, not cancelled); « Annulée », « Remplacée » and « Complète » are final.
 * - « Remplacée » (a regenerated document) is set by the batch, never by a step.
 */
import { formatFr, slashDateToIso } from '../dates';
import { fail, ok, type IsoDate, type Result } from '../types';

export const STATUSES = [
  'Générée',
  'Envoyée',
  'Signée stagiaire',
  'Signée entreprise',
  'Signée établissement',
  'Complète',
  'Annulée',
  'Remplacée',
] as const;
export type DocStatus = (typeof STATUSES)[number];

export function isDocStatus(v: unknown): v is DocStatus {
  return typeof v === 'string' && (STATUSES as readonly string[]).includes(v);
}

/** The signing steps, in their fixed order. */
export const SIGN_STEPS = ['sent', 'student', 'company', 'school'] as const;
export type SignStep = (typeof SIGN_STEPS)[number];
export const COPIES = ['companyCopy', 'studentCopy', 'referentCopy'] as const;
export type Copy = (typeof COPIES)[number];
/** Every step a user records; « copies » hands every copy not handed yet. */
export type Step = SignStep | Copy | 'copies' | 'cancel';

export const STEPS: readonly Step[] = [...SIGN_STEPS, ...COPIES, 'copies', 'cancel'];

export function isStep(v: unknown): v is Step {
  return typeof v === 'string' && (STEPS as readonly string[]).includes(v);
}

/** The status a signing step leads to. */
const STATUS_AFTER: Readonly<Record<SignStep, DocStatus>> = {
  sent: 'Envoyée',
  student: 'Signée stagiaire',
  company: 'Signée entreprise',
  school: 'Signée établissement',
};

/** What the step's button says, the date to follow (« Signée par l'entreprise le … »). */
export const STEP_LABELS: Readonly<Record<Step, string>> = {
  sent: 'Envoyée à l’entreprise le',
  student: 'Signée par le stagiaire le',
  company: 'Signée par l’entreprise le',
  school: 'Signée par l’établissement le',
  companyCopy: 'Exemplaire remis à l’entreprise le',
  studentCopy: 'Exemplaire remis au stagiaire le',
  referentCopy: 'Exemplaire gardé par le référent le',
  copies: 'Exemplaires remis le',
  cancel: 'Annulée le',
};

/** What a step's name reads like in a message (« l’envoi », « la signature de l’entreprise »). */
const STEP_NOUNS: Readonly<Record<SignStep, string>> = {
  sent: 'l’envoi à l’entreprise',
  student: 'la signature du stagiaire',
  company: 'la signature de l’entreprise',
  school: 'la signature de l’établissement',
};

/** The dates of a document's life ('' = not yet). */
export interface DocLife {
  status: DocStatus;
  /** The day it was generated (ISO). */
  generatedOn: IsoDate;
  sentOn: IsoDate | '';
  studentOn: IsoDate | '';
  companyOn: IsoDate | '';
  schoolOn: IsoDate | '';
  companyCopyOn: IsoDate | '';
  studentCopyOn: IsoDate | '';
  referentCopyOn: IsoDate | '';
  cancelledOn: IsoDate | '';
}

const DATE_OF: Readonly<Record<SignStep | Copy, keyof DocLife>> = {
  sent: 'sentOn',
  student: 'studentOn',
  company: 'companyOn',
  school: 'schoolOn',
  companyCopy: 'companyCopyOn',
  studentCopy: 'studentCopyOn',
  referentCopy: 'referentCopyOn',
};

export const FINAL: ReadonlySet<DocStatus> = new Set(['Complète', 'Annulée', 'Remplacée']);

/** The register's « Généré le » (« 30/11/2026 10:12:00 ») → its day. */
export function generatedDay(createdOn: string): IsoDate | '' {
  return slashDateToIso(createdOn.trim().slice(0, 10)) ?? '';
}

function signedIndex(status: DocStatus): number {
  if (status === 'Générée') return 0;
  if (status === 'Complète') return SIGN_STEPS.length;
  const i = SIGN_STEPS.findIndex((s) => STATUS_AFTER[s] === status);
  return i < 0 ? -1 : i + 1;
}

/** The latest date recorded so far (generation included): a new step is dated on or after. */
function lastDate(life: DocLife): IsoDate {
  const dates = [
    life.generatedOn,
    ...SIGN_STEPS.map((s) => life[DATE_OF[s]]),
    ...COPIES.map((c) => life[DATE_OF[c]]),
  ].filter((d): d is IsoDate => d !== '');
  return dates.sort().at(-1) ?? '';
}

/** The copies not handed yet. */
export function copiesLeft(life: DocLife): Copy[] {
  return COPIES.filter((c) => life[DATE_OF[c]] === '');
}

/** The one step the sidebar offers next ('' when none: final). */
export function nextStep(life: DocLife): Step | '' {
  if (FINAL.has(life.status)) return '';
  const i = signedIndex(life.status);
  if (i < 0) return '';
  if (i < SIGN_STEPS.length) return SIGN_STEPS[i]!;
  return 'copies';
}

/**
 * Records a step on a document dated `on` (ISO), today being `today`: the new life, or why not
 * (nothing changes then). `copies` hands every copy left at once.
 */
export function applyStep(life: DocLife, step: Step, on: IsoDate, today: IsoDate): Result<DocLife> {
  if (life.status === 'Remplacée')
    return fail('Ce document a été remplacé par un autre : enregistrez les étapes sur le nouveau.');
  if (life.status === 'Annulée') return fail('Ce document est annulé : rien ne s’y enregistre.');
  if (on > today) return fail(`Le ${formatFr(on)} est dans le futur.`, 'date');
  if (life.generatedOn !== '' && on < life.generatedOn)
    return fail(
      `Le ${formatFr(on)} est avant la génération du document (${formatFr(life.generatedOn)}).`,
      'date',
    );
  if (step === 'cancel') {
    if (life.status === 'Complète')
      return fail(
        'Ce document est complet : il ne s’annule plus. Pour le modifier, faites un avenant.',
      );
    return ok({ ...life, status: 'Annulée', cancelledOn: on });
  }
  if (life.status === 'Complète') return fail('Ce document est déjà complet.');
  const last = lastDate(life);
  if (on < last)
    return fail(
      `Le ${formatFr(on)} est avant la dernière étape enregistrée (${formatFr(last)}).`,
      'date',
    );
  const done = signedIndex(life.status);
  if (step === 'copies' || (COPIES as readonly string[]).includes(step)) {
    if (done < SIGN_STEPS.length)
      return fail(
        `Les exemplaires se remettent une fois le document signé par l’établissement : enregistrez d’abord ${STEP_NOUNS[SIGN_STEPS[done]!]}.`,
      );
    const which = step === 'copies' ? copiesLeft(life) : [step as Copy];
    if (which.some((c) => life[DATE_OF[c]] !== ''))
      return fail('Cet exemplaire est déjà noté comme remis.');
    const next: DocLife = { ...life };
    for (const c of which) (next[DATE_OF[c]] as string) = on;
    if (copiesLeft(next).length === 0) next.status = 'Complète';
    return ok(next);
  }
  const i = SIGN_STEPS.indexOf(step as SignStep);
  if (i < done) return fail('Cette étape est déjà enregistrée.');
  if (i > done) return fail(`Enregistrez d’abord ${STEP_NOUNS[SIGN_STEPS[done]!]}.`);
  return ok({ ...life, status: STATUS_AFTER[step as SignStep], [DATE_OF[step as SignStep]]: on });
}

/** « Convention : signée entreprise », the short line of the Stages sheet. */
export function stageStatusText(kindLabel: string, status: DocStatus | string): string {
  const s = status.charAt(0).toLowerCase() + status.slice(1);
  return `${kindLabel} : ${s}`;
}

/** Sent (not yet back signed by the company) on this day, or ''. */
export function awaitingReturnSince(life: DocLife): IsoDate | '' {
  return life.status === 'Envoyée' || life.status === 'Signée stagiaire' ? life.sentOn : '';
}

/** A document that counts: neither cancelled nor replaced. */
export function isLiveStatus(status: string): boolean {
  return status !== 'Annulée' && status !== 'Remplacée';
}

/** Sent for signature or beyond: a convention then is frozen (no regeneration). */
export function isFrozen(status: string): boolean {
  return isDocStatus(status) && signedIndex(status) >= 1 && status !== 'Annulée';
}
