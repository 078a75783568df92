/**
 * « Mes stages »: what a teacher following stages needs to see first (the visits due, the late
 * ones flagged), the kinds of follow-up contact, and the e-mail to arrange a visit with the tutor.
 */
import { formatFr, parseUserDate } from '../dates';
import { MAX_VISIT_COMMENT_LENGTH } from '../limits';
import { fold, typed } from '../text';
import { fail, ok, type IsoDate, type Result } from '../types';

/** How a follow-up contact took place (the Visites sheet's « Type »). */
export const VISIT_TYPES = ['visite', 'appel', 'visio'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

export function isVisitType(v: unknown): v is VisitType {
  return typeof v === 'string' && (VISIT_TYPES as readonly string[]).includes(v);
}

/** The number of visits a stage expects: its own figure, else its session's, else one. */
export function expectedVisits(stageFigure: unknown, sessionFigure: unknown): number {
  for (const v of [stageFigure, sessionFigure]) {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  }
  return 1;
}

export interface FollowedStageFacts {
  start: IsoDate;
  end: IsoDate;
  stoppedOn: IsoDate | '';
  /** Visits whose day has come. */
  done: number;
  expected: number;
  /** The planned visit's date ('' = none planned). */
  planned: IsoDate | '';
}

export type FollowStatus = 'en_retard' | 'a_faire' | 'fait';

/**
 * « en retard »: a visit is still due and its planned day has passed, or the stage is over;
 * « à faire »: a visit is still due; « fait »: every expected visit is done.
 */
export function followStatus(s: FollowedStageFacts, today: IsoDate): FollowStatus {
  if (s.done >= s.expected) return 'fait';
  const end = s.stoppedOn !== '' && s.stoppedOn < s.end ? s.stoppedOn : s.end;
  const late = (s.planned !== '' && s.planned < today) || (end !== '' && end < today);
  return late ? 'en_retard' : 'a_faire';
}

const RANK: Record<FollowStatus, number> = { en_retard: 0, a_faire: 1, fait: 2 };

/** The visits due first (late ones at the top), each group by planned date, then start. */
export function sortFollowed<T extends FollowedStageFacts & { id: string }>(
  stages: readonly T[],
  today: IsoDate,
): T[] {
  const key = (s: T) => s.planned || s.start;
  return [...stages].sort(
    (a, b) =>
      RANK[followStatus(a, today)] - RANK[followStatus(b, today)] ||
      (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** A visit comment as « Mes stages » requires it (seed 004: a comment after each visit). */
export function validateVisitComment(text: unknown): Result<string> {
  const comment = typed(text).trim();
  if (comment === '') return fail('Écrivez un commentaire sur la visite.', 'comment');
  if (comment.length > MAX_VISIT_COMMENT_LENGTH) {
    return fail(
      `Le commentaire est trop long (${MAX_VISIT_COMMENT_LENGTH} caractères au plus, ${comment.length} saisis).`,
      'comment',
    );
  }
  return ok(comment);
}

/** A planned visit date as typed; '' clears it. */
export function parsePlannedDate(text: unknown): Result<IsoDate | ''> {
  const t = typed(text).trim();
  if (t === '') return ok('');
  const r = parseUserDate(t, 'visite prévue');
  return r.ok ? r : fail(r.error, 'planned');
}

export interface TutorMailFacts {
  tutorEmail: string;
  /** « M. ECUSSON Blase » ('' when unknown). */
  tutorName: string;
  /** « ACAR Laurie ». */
  student: string;
  company: string;
  start: IsoDate;
  end: IsoDate;
  /** The teacher writing (« M. BRUEL Patrick »). */
  teacher: string;
  school: string;
}

/** RFC 6068: every reserved character percent-encoded, lines ended by CRLF. */
const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));

/**
 * « Préparer un e-mail au tuteur »: a mailto: link opening the teacher's own mail with the tutor's
 * address and a French text to arrange the visit. No mail scope: nothing is sent by the add-on.
 * Returns '' when the tutor has no e-mail address.
 */
export function tutorMailto(f: TutorMailFacts): string {
  const to = f.tutorEmail.trim();
  if (!/^[^\s@?&#]+@[^\s@?&#]+$/.test(to)) return '';
  const subject = `Visite de stage – ${f.student}`;
  const lines = [
    f.tutorName ? `Bonjour ${f.tutorName},` : 'Bonjour,',
    '',
    `Je suis l'enseignant chargé du suivi du stage de ${f.student}` +
      `${f.company ? ` chez ${f.company}` : ''}, du ${formatFr(f.start)} au ${formatFr(f.end)}.`,
    "Je souhaiterais convenir avec vous d'une date de visite (ou d'un appel) pour faire le point sur son stage.",
    'Pourriez-vous me proposer un ou deux créneaux qui vous conviendraient ?',
    '',
    'Cordialement,',
    f.teacher,
    ...(f.school ? [f.school] : []),
  ];
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${enc(subject)}&body=${enc(lines.join('\n'))}`;
}

/**
 * Who follows a stage. The hidden « ID enseignant suivi » is the truth, unless the visible name
 * was changed by hand: a name that is exactly one teacher's (case and accents aside) means that
 * teacher, an empty name means nobody, and a name nobody has keeps the ID.
 */
export function resolveFollower(
  id: string,
  label: string,
  staff: readonly { id: string; label: string }[],
): string {
  const name = fold(label);
  if (name === '') return '';
  const own = staff.find((s) => s.id === id);
  if (own && fold(own.label) === name) return id;
  const named = staff.filter((s) => fold(s.label) === name);
  return named.length === 1 ? named[0]!.id : id;
}

/** A stage's follow-up as its row reads (« Enseignant suivi » and its hidden ID). */
export interface FollowerCells {
  followerId: string;
  follower: string;
}

/**
 * Who follows a stage that continues another, so that it is not left without a teacher until
 * « Répartir le suivi » runs again: each part of a split keeps the teacher of the stage split;
 * a new stage takes the teacher of the stage it was assigned from only when that stage was
 * stopped (it replaces it); a stage still running may be a later period someone else follows.
 * null: nobody to carry over.
 */
export function carriedFollower(
  from: FollowerCells & { stoppedOn: string },
  how: 'split' | 'afterStop',
  staff: readonly { id: string; label: string }[],
): FollowerCells | null {
  if (how === 'afterStop' && from.stoppedOn === '') return null;
  const label = from.follower.trim();
  if (label === '') return null;
  const id = resolveFollower(from.followerId, label, staff);
  return { followerId: id, follower: staff.find((s) => s.id === id)?.label ?? label };
}
