/**
 * Follow-up visits (seed 004, step 4): a teacher visits a student on a stage and writes a comment.
 * A visit may come before the stage (a preparatory visit) or after it (a late one), but it belongs
 * to the stage's school year; the teacher is a member of staff ("Personnel").
 */
import { parseUserDate } from './dates';
import { MAX_VISIT_COMMENT_LENGTH } from './limits';
import { describePeriod, includesDay } from './periods';
import { schoolYearBounds, schoolYearOf } from './sessions';
import type { IsoDate, Result } from './types';
import { typed } from './text';
import { fail, ok } from './types';

/** What the "Enregistrer la visite" form sends, dates as typed. */
export interface VisitText {
  date: string;
  staffId: string;
  comment: string;
}

export interface ValidVisit {
  date: IsoDate;
  staffId: string;
  comment: string;
}

/**
 * Checks a visit for a stage starting on `stageStart`, given the IDs of the staff. The comment
 * keeps its line breaks; only its ends are trimmed.
 */
export function validateVisit(
  input: VisitText,
  stageStart: IsoDate,
  staffIds: ReadonlySet<string>,
): Result<ValidVisit> {
  const date = parseUserDate(typed(input?.date), 'visite');
  if (!date.ok) return fail(date.error, 'date');
  const year = schoolYearOf(stageStart);
  const bounds = schoolYearBounds(year);
  if (!includesDay(bounds, date.value)) {
    return fail(
      `La visite doit avoir lieu pendant l'année scolaire ${year} du stage (${describePeriod(bounds)}).`,
      'date',
    );
  }
  const staffId = typed(input?.staffId).trim();
  if (staffId === '') return fail("Choisissez l'enseignant qui a fait la visite.", 'staffId');
  if (!staffIds.has(staffId)) {
    return fail(
      'Cet enseignant ne figure plus dans la feuille Personnel : rechargez la liste et choisissez-en un autre.',
      'staffId',
    );
  }
  const comment = typed(input?.comment).trim();
  if (comment.length > MAX_VISIT_COMMENT_LENGTH) {
    return fail(
      `Le commentaire est trop long (${MAX_VISIT_COMMENT_LENGTH} caractères au plus, ${comment.length} saisis).`,
      'comment',
    );
  }
  return ok({ date: date.value, staffId, comment });
}

/** A visit counts as done once its day has come, as the Stages sheet's "Visites" cell counts. */
export function isVisitDone(date: IsoDate, today: IsoDate): boolean {
  return date <= today;
}

/** Date order, then the order they were recorded in (stable sort). */
export function sortVisits<T extends { date: IsoDate }>(visits: readonly T[]): T[] {
  return [...visits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Who may change a recorded visit, the same in the fiche's « Visites » tab and in « Mes stages »
 * (the Personnel sheet has no role to single out the direction or the DDFPT):
 * - its comment is its author's words: only the author edits it;
 * - the author, or the teacher who follows the stage (answerable for its follow-up: a visit
 *   recorded twice or on the wrong stage), may delete it.
 * `meId` is the signed-in user's Personnel ID ('' when they are not in it: nothing).
 */
export interface VisitRights {
  edit: boolean;
  remove: boolean;
}

export function visitRights(
  f: { authorId: string; followerId: string },
  meId: string,
): VisitRights {
  if (meId === '') return { edit: false, remove: false };
  const author = f.authorId === meId;
  return { edit: author, remove: author || f.followerId === meId };
}

export const VISIT_REFUSALS: Readonly<Record<keyof VisitRights, string>> = {
  edit: 'Seul l’enseignant qui a fait la visite peut modifier son commentaire.',
  remove:
    'Seuls l’enseignant qui a fait la visite et celui qui suit le stage peuvent la supprimer.',
};
