/**
 * « Compte rendu de visite »: a Google Doc made from its template for one visit, when the
 * session asks for them (the Sessions sheet's « Compte rendu de visite », oui / non). What the
 * document says of the visit, and which visit may have one.
 */
import { fold } from '../text';
import type { IsoDate, Staff } from '../types';
import type { VisitType } from './myStages';

/** How the document names each kind of contact. */
export const VISIT_TYPE_WORDS: Readonly<Record<VisitType, string>> = {
  visite: 'Visite en entreprise',
  appel: 'Appel téléphonique',
  visio: 'Visioconférence',
};

const YES = new Set(['oui', 'o', 'x', 'vrai', 'true', '1', 'yes']);

/**
 * The session's switch as its cell reads: « oui » (any case or accent, a ticked box, « x »)
 * turns the reports on; empty, « non » or anything else leaves them off.
 */
export function visitReportsOn(cell: unknown): boolean {
  if (cell === true) return true;
  if (typeof cell !== 'string') return false;
  return YES.has(fold(cell).trim());
}

/** What the report states of the visit (raw: documentFields makes every value plain text). */
export interface VisitFacts {
  date: IsoDate | '';
  type: VisitType;
  /** The teacher who made it, from Personnel (null when gone from it). */
  teacher: Pick<Staff, 'civility' | 'firstName' | 'lastName'> | null;
  /** The name the Visites sheet keeps, for a teacher gone from Personnel. */
  teacherName: string;
  comment: string;
}

/**
 * Why this visit cannot have a report yet ('' when it can): it must have taken place (a report
 * is written after the visit).
 */
export function visitReportRefusal(visitDate: IsoDate | '', today: IsoDate): string {
  if (visitDate === '' || visitDate > today) {
    return 'Cette visite n’a pas encore eu lieu : son compte rendu se fait après.';
  }
  return '';
}
