/**
 * Records (one sheet row as `{columnKey: value}`) ⇄ domain objects. Pure.
 * A record's display columns (names) are derived from the IDs and the reference lists; the IDs
 * are the truth, so renaming a company or having two "MARTIN Léa" breaks nothing.
 */
import type {
  IsoDate,
  Session,
  Staff,
  Stage,
  Student,
  Company,
  Tutor,
  WeeklySchedule,
} from '../domain/types';
import type { CellValue } from '../gas/cells';
import { fingerprint } from '../domain/fingerprint';
import type { StageKey } from './schema';

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
    needsAmendment: str(r.amendment) !== '',
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
    amendment: s.needsAmendment ? 'À faire' : '',
    country: s.country,
    schedule: s.schedule ? formatSchedule(s.schedule) : '',
    sessionId: s.sessionId,
    studentId: s.studentId,
    companyId: s.companyId,
    tutorId: s.tutorId,
    referentId: s.referentId,
  };
}

/**
 * Digest of the names a row shows for its references, as the add-on wrote them. When a user
 * picks another company (or student, tutor…) in the sheet by hand, the digest no longer
 * matches and the add-on resolves the new names to IDs instead of trusting the hidden IDs.
 */
export function labelsCheck(r: {
  session: CellValue | undefined;
  student: CellValue | undefined;
  company: CellValue | undefined;
  tutor: CellValue | undefined;
  referent: CellValue | undefined;
}): string {
  return fingerprint([
    str(r.session),
    str(r.student),
    str(r.company),
    str(r.tutor),
    str(r.referent),
  ]);
}

/** Keys whose value differs between two records (to write only what changed). */
export function changedKeys<K extends string>(
  before: Partial<Rec<K>>,
  after: Partial<Rec<K>>,
): K[] {
  return (Object.keys(after) as K[]).filter((k) => (before[k] ?? '') !== (after[k] ?? ''));
}

export function sessionLabelMap(sessions: Session[]): Map<string, string> {
  return new Map(sessions.map((s) => [s.id, s.title]));
}

export type { Company, Staff, Student, Tutor };
