/**
 * A blank convention issued in an emergency is « régularisée » by linking it to its stage. The
 * rule of which blank can be regularised and which stage can take it is written here once: the
 * chase list and the fiche's Documents tab offer only the stages (or blanks) it accepts, and
 * « Régulariser » checks it again under the lock.
 */
import { formatFr } from '../dates';
import type { IsoDate } from '../types';
import { DOCUMENT_KIND_LABELS } from './kinds';
import { isLiveStatus } from './signatures';

/** A register row, as far as the rule needs it. */
export interface RegisterFacts {
  kind: string;
  stageId: string;
  status: string;
}

/** A convention of the register that still counts (not cancelled nor replaced). */
export function isLiveConvention(d: RegisterFacts): boolean {
  return d.kind === DOCUMENT_KIND_LABELS.convention && isLiveStatus(d.status || 'Générée');
}

/** Why this register row is not a blank convention to regularise, or '' when it is one. */
export function blankRefusal(d: RegisterFacts): string {
  if (d.kind !== DOCUMENT_KIND_LABELS.vierge || d.stageId !== '')
    return 'Ce document n’est pas une convention vierge à régulariser.';
  if (!isLiveStatus(d.status || 'Générée'))
    return 'Cette convention vierge est annulée : il n’y a rien à régulariser.';
  return '';
}

export interface BlankSession {
  /** '' when the blank was issued for no session: any session's stage may take it. */
  sessionId: string;
  /** The session's title, for the message. */
  session: string;
}

export interface CandidateStage {
  sessionId: string;
  /** The Stages sheet's « Convention » cell (a link, or the text of an older convention). */
  convention: string;
  /** Whether the register holds a live convention of this stage. */
  hasLiveConvention: boolean;
}

/** Why this stage cannot take this blank convention, or '' when it can. */
export function stageRefusal(blank: BlankSession, stage: CandidateStage): string {
  if (blank.sessionId !== '' && blank.sessionId !== stage.sessionId)
    return `Cette convention vierge est celle de la session « ${blank.session} » : choisissez un stage de cette session.`;
  if (stage.hasLiveConvention || stage.convention !== '')
    return 'Ce stage a déjà une convention : annulez-la d’abord, ou choisissez un autre stage.';
  return '';
}

export interface StageChoiceFacts {
  student: string;
  company: string;
  start: IsoDate | '';
  end: IsoDate | '';
}

const dayMonth = (d: IsoDate | '') => (d ? formatFr(d).slice(0, 5) : '…');

/** « ACAR Laurie – BANQUE POPULAIRE – du 01/03 au 31/03 », how staff recognise a stage. */
export function stageChoiceLabel(s: StageChoiceFacts): string {
  return `${s.student || 'Élève inconnu'} – ${s.company || 'sans entreprise'} – du ${dayMonth(s.start)} au ${dayMonth(s.end)}`;
}

/** Choices in the order staff look for them: by student, then by start. */
export function byStudentThenStart(a: StageChoiceFacts, b: StageChoiceFacts): number {
  return a.student.localeCompare(b.student, 'fr') || a.start.localeCompare(b.start);
}
