/**
 * The reference lists (sessions, students, companies, tutors, staff) read from their sheets,
 * with the labels shown in the Stages sheet. Read once per execution, on demand.
 */
import type { Company, Session, Staff, Student, Tutor } from '../domain/types';
import { personLabel, studentLabels, tutorLabel } from '../domain/labels';
import { parsePeriods } from '../domain/sessions';
import { fold } from '../domain/text';
import { visitReportsOn } from '../domain/followUp/visitReport';
import type { Context } from '../gas/context';
import { cachedReferenceList, referenceVersion } from '../gas/referenceCache';
import { type Labels, str, studentFromRecord } from '../sheets/records';
import { COMPANIES, SESSIONS, STAFF, STUDENTS, TUTORS, type SheetSpec } from '../sheets/schema';
import { assertUniqueIds, type Row } from '../gas/sheetTable';

export interface References {
  sessions: Session[];
  students: Student[];
  companies: Company[];
  tutors: Tutor[];
  staff: Staff[];
  labels: Labels;
  studentLabel: Map<string, string>;
}

function lazy<T>(fn: () => T): () => T {
  let v: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      v = fn();
      done = true;
    }
    return v as T;
  };
}

/**
 * A reference sheet's rows, refused when one ID is on two rows (a row copied by hand): the
 * stages pointing to that ID could not tell which one they mean. One read.
 */
function readUnique<K extends string>(ctx: Context, spec: SheetSpec<K>): Row<K>[] {
  const rows = ctx.table(spec).readAll();
  assertUniqueIds(spec.name, rows as Row<string>[]);
  return rows;
}

export function readSessions(ctx: Context): Session[] {
  return readUnique(ctx, SESSIONS)
    .map(({ values: r }) => {
      const periods = parsePeriods(str(r.periods));
      return {
        id: str(r.id),
        title: str(r.title),
        type: str(r.type),
        schoolYear: str(r.schoolYear),
        diploma: str(r.diploma),
        editionLabel: str(r.editionLabel),
        objectives: str(r.objectives),
        periods: periods.ok ? periods.value : [],
        expectedVisits: typeof r.expectedVisits === 'number' ? r.expectedVisits : null,
        visitReports: visitReportsOn(r.visitReport),
      };
    })
    .filter((s) => s.id !== '');
}

/** A student as its row reads, with the row (valid in this execution), INE and label. */
export type StudentRow = Student & { row: number; ine: string; label: string };

export function readStudents(ctx: Context): StudentRow[] {
  return readUnique(ctx, STUDENTS)
    .map(({ row, values: r }) => ({ row, ...studentFromRecord(r), label: str(r.label) }))
    .filter((s) => s.id !== '');
}

/** A company as its row reads, with the row (valid in this execution). */
export type CompanyRow = Company & { row: number };

export function readCompanies(ctx: Context): CompanyRow[] {
  return readUnique(ctx, COMPANIES)
    .map(({ row, values: r }) => ({
      row,
      id: str(r.id),
      name: str(r.name),
      siret: str(r.siret),
      address: str(r.address),
      postalCode: str(r.postalCode),
      city: str(r.city),
      country: str(r.country),
      phone: str(r.phone),
      email: str(r.email),
      signatory: str(r.signatory),
      signatoryRole: str(r.signatoryRole),
    }))
    .filter((c) => c.id !== '');
}

export function readTutors(ctx: Context): Tutor[] {
  return readUnique(ctx, TUTORS)
    .map(({ values: r }) => ({
      id: str(r.id),
      companyId: str(r.companyId),
      civility: str(r.civility),
      lastName: str(r.lastName),
      firstName: str(r.firstName),
      role: str(r.role),
      phone: str(r.phone),
      email: str(r.email),
    }))
    .filter((t) => t.id !== '');
}

export function readStaff(ctx: Context): Staff[] {
  return readUnique(ctx, STAFF)
    .map(({ values: r }) => ({
      id: str(r.id),
      civility: str(r.civility),
      lastName: str(r.lastName),
      firstName: str(r.firstName),
      email: str(r.email),
      discipline: str(r.discipline),
    }))
    .filter((s) => s.id !== '');
}

const perExecution = new WeakMap<Context, { version: string; refs: References }>();

/**
 * All reference lists, each taken the first time it is needed from the document's cache, or
 * else read from its sheet; the same lists for the whole execution until a reference sheet
 * is written.
 */
export function references(ctx: Context): References {
  const version = referenceVersion(ctx);
  const known = perExecution.get(ctx);
  if (known && known.version === version) return known.refs;
  const refs = buildReferences(ctx);
  perExecution.set(ctx, { version, refs });
  return refs;
}

/** Row numbers are only valid in the execution that read them: never cached. */
function withoutRow<T extends { row: number }>(items: T[]): Omit<T, 'row'>[] {
  return items.map(({ row: _row, ...rest }) => rest);
}

function buildReferences(ctx: Context): References {
  const sessions = lazy(() => cachedReferenceList(ctx, 'sessions', () => readSessions(ctx)));
  const students = lazy(() =>
    cachedReferenceList(ctx, 'students', () => withoutRow(readStudents(ctx))),
  );
  const companies = lazy(() =>
    cachedReferenceList(ctx, 'companies', () => withoutRow(readCompanies(ctx))),
  );
  const tutors = lazy(() => cachedReferenceList(ctx, 'tutors', () => readTutors(ctx)));
  const staff = lazy(() => cachedReferenceList(ctx, 'staff', () => readStaff(ctx)));
  const sLabels = lazy(() => studentLabels(students()));
  const byId = <T extends { id: string }>(list: () => T[]) => {
    const m = lazy(() => new Map(list().map((x) => [x.id, x])));
    return (id: string) => (id ? m().get(id) : undefined);
  };
  const session = byId(sessions);
  const student = byId(students);
  const company = byId(companies);
  const tutor = byId(tutors);
  const member = byId(staff);
  const labels: Labels = {
    session: (id) => session(id)?.title ?? '',
    student: (id) => {
      const s = student(id);
      return s
        ? {
            label: sLabels().get(id) ?? personLabel(s.lastName, s.firstName),
            className: s.className,
          }
        : { label: '', className: '' };
    },
    company: (id) => company(id)?.name ?? '',
    tutor: (id) => {
      const t = tutor(id);
      return t ? tutorLabel(t) : '';
    },
    staff: (id) => {
      const s = member(id);
      return s ? tutorLabel(s) : '';
    },
  };
  return {
    get sessions() {
      return sessions();
    },
    get students() {
      return students();
    },
    get companies() {
      return companies();
    },
    get tutors() {
      return tutors();
    },
    get staff() {
      return staff();
    },
    get studentLabel() {
      return sLabels();
    },
    labels,
  };
}

/**
 * The Personnel rows whose « Courriel » is the signed-in user's address (case and accents aside):
 * who is acting, for « Mes stages », the rights on visits and the reminders' signature.
 */
export function staffOfSignedInUser(ctx: Context): Staff[] {
  const email = fold(ctx.user());
  if (email === '') return [];
  return references(ctx).staff.filter((s) => s.email !== '' && fold(s.email) === email);
}
