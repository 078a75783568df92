/**
 * Records (one sheet row as `{columnKey: value}`) ⇄ domain objects. Pure.
 * A record's display columns (names) are derived from the IDs and the reference lists; the IDs
 * are the truth, so renaming a company or having two "MARTIN Léa" breaks nothing.
 */
import type { IsoDate, Stage, Student, WeeklySchedule } from '../domain/types';
import { fnv1a32 } from '../domain/fingerprint';
import { fold } from '../domain/text';
import type { CellValue, StageKey, StudentKey } from './schema';

export type Rec<K extends string> = Record<K, CellValue>;

export const str = (v: CellValue | undefined): string =>
  v === null || v === undefined || v === false ? '' : String(v).trim();

const num = (v: CellValue | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

export interface StageRecordParsers {
  parseSchedule(text: string): WeeklySchedule | null;
}

export function stageFromRecord(r: Partial<Rec<StageKey>>, parsers: StageRecordParsers): Stage {
  return {
    id: str(r.id),
    sessionId: str(r.sessionId),
    studentId: str(r.studentId),
    companyId: str(r.companyId),
    tutorId: str(r.tutorId),
    referentId: str(r.referentId),
    start: str(r.start) as IsoDate,
    end: str(r.end) as IsoDate,
    stoppedOn: str(r.stoppedOn) as IsoDate | '',
    stopReason: str(r.stopReason),
    originalEnd: str(r.originalEnd) as IsoDate | '',
    weeklyHours: num(r.weeklyHours ?? null),
    schedule: parsers.parseSchedule(str(r.schedule)),
    country: str(r.country),
    conventionUrl: str(r.convention),
    ...amendmentFromCell(str(r.amendment)),
  };
}

const AMENDMENT_TODO = 'À faire';
const AMENDMENT_DONE = 'Fait';

/**
 * The « Avenant » cell: « À faire » (an amendment is due) or « Fait » (one was generated since),
 * as typed by hand too ("a faire", "FAIT"). Anything else is neither: the add-on writes only these.
 */
function amendmentFromCell(cell: string): Pick<Stage, 'needsAmendment' | 'amendmentDone'> {
  const key = fold(cell);
  return {
    needsAmendment: key === fold(AMENDMENT_TODO),
    amendmentDone: key === fold(AMENDMENT_DONE),
  };
}

function amendmentCell(s: Pick<Stage, 'needsAmendment' | 'amendmentDone'>): string {
  if (s.needsAmendment) return AMENDMENT_TODO;
  return s.amendmentDone === true ? AMENDMENT_DONE : '';
}

/** A student as its `Élèves` row reads. */
export function studentFromRecord(r: Partial<Rec<StudentKey>>): Student & { ine: string } {
  return {
    id: str(r.id),
    lastName: str(r.lastName),
    firstName: str(r.firstName),
    className: str(r.className),
    birthDate: str(r.birthDate) as IsoDate | '',
    email: str(r.email),
    ine: str(r.ine),
    address: str(r.address),
    phone: str(r.phone),
    guardianName: str(r.guardianName),
    guardianAddress: str(r.guardianAddress),
    guardianPhone: str(r.guardianPhone),
    guardianEmail: str(r.guardianEmail),
  };
}

export interface Labels {
  session(id: string): string;
  student(id: string): { label: string; className: string };
  company(id: string): string;
  tutor(id: string): string;
  staff(id: string): string;
}

/** The writable part of a stage row (computed and presence columns excluded). */
export function stageToRecord(
  s: Stage,
  labels: Labels,
  formatSchedule: (s: WeeklySchedule) => string,
): Partial<Rec<StageKey>> {
  const student = labels.student(s.studentId);
  const shown = {
    session: labels.session(s.sessionId),
    student: student.label,
    company: labels.company(s.companyId),
    tutor: labels.tutor(s.tutorId),
    referent: labels.staff(s.referentId),
  };
  return {
    labelsCheck: labelsCheck(shown),
    id: s.id,
    session: labels.session(s.sessionId),
    start: s.start,
    end: s.end,
    student: student.label,
    className: student.className,
    company: labels.company(s.companyId),
    tutor: labels.tutor(s.tutorId),
    referent: labels.staff(s.referentId),
    stoppedOn: s.stoppedOn,
    stopReason: s.stopReason,
    originalEnd: s.originalEnd,
    weeklyHours: s.weeklyHours,
    convention: s.conventionUrl,
    amendment: amendmentCell(s),
    country: s.country,
    schedule: s.schedule ? formatSchedule(s.schedule) : '',
    sessionId: s.sessionId,
    studentId: s.studentId,
    companyId: s.companyId,
    tutorId: s.tutorId,
    referentId: s.referentId,
  };
}

const LABEL_FIELDS = ['session', 'student', 'company', 'tutor', 'referent'] as const;
export type LabelField = (typeof LABEL_FIELDS)[number];

/**
 * Digests of the names a row shows for its references, as the add-on wrote them, one per field
 * ("a1b2c3d4.…"). When a user picks another company (or student, tutor…) in the sheet by hand,
 * that field's digest no longer matches, and the add-on resolves the new name to an ID instead
 * of trusting the hidden ID. A field whose digest matches keeps its ID, even when the entity was
 * renamed in its own sheet since.
 */
export function labelsCheck(r: Partial<Record<LabelField, CellValue | undefined>>): string {
  return LABEL_FIELDS.map((f) => fnv1a32(str(r[f]))).join('.');
}

/** The digests after the add-on itself writes a new name in one field (others untouched). */
export function withLabel(check: CellValue | undefined, field: LabelField, label: string): string {
  const parts = str(check).split('.');
  if (parts.length !== LABEL_FIELDS.length) return '';
  parts[LABEL_FIELDS.indexOf(field)] = fnv1a32(label);
  return parts.join('.');
}

/** The label fields whose cell differs from what the add-on last wrote (all when unknown). */
export function editedLabels(
  r: Partial<Record<LabelField | 'labelsCheck', CellValue | undefined>>,
): Set<LabelField> {
  const stored = str(r.labelsCheck).split('.');
  const edited = new Set<LabelField>();
  LABEL_FIELDS.forEach((f, i) => {
    if (stored.length !== LABEL_FIELDS.length || stored[i] !== fnv1a32(str(r[f]))) edited.add(f);
  });
  return edited;
}

/** Keys whose value differs between two records (to write only what changed). */
export function changedKeys<K extends string>(
  before: Partial<Rec<K>>,
  after: Partial<Rec<K>>,
): K[] {
  return (Object.keys(after) as K[]).filter((k) => (before[k] ?? '') !== (after[k] ?? ''));
}
