/**
 * "Affecter les élèves" (seed 000, step 1): one stage per selected student and period of the
 * session, dates = the period. Running it twice creates nothing new: a student who already has a
 * stage of the session sharing a day with a period (a split or shortened stage included) counts
 * as assigned for that period.
 */
import { overlaps } from './periods';
import type { Period, Session, Stage, Student } from './types';

export interface AssignmentPlan {
  /** The stages to create, student by student in the order selected, periods in date order. */
  toCreate: { studentId: string; period: Period }[];
  /** Selected students with nothing to create: every period of the session already covered. */
  alreadyAssigned: string[];
  /**
   * Periods left out because the student already has a stage (of another session) on some of
   * those days: a student never has two stages at once.
   */
  overlapping: { studentId: string; period: Period }[];
}

type ExistingStage = Pick<Stage, 'sessionId' | 'studentId' | 'start' | 'end'>;

export function planAssignment(
  session: Pick<Session, 'id' | 'periods'>,
  studentIds: readonly string[],
  existing: readonly ExistingStage[],
): AssignmentPlan {
  const mine = new Map<string, ExistingStage[]>();
  const elsewhere = new Map<string, ExistingStage[]>();
  for (const stage of existing) {
    const into = stage.sessionId === session.id ? mine : elsewhere;
    const list = into.get(stage.studentId);
    if (list) list.push(stage);
    else into.set(stage.studentId, [stage]);
  }
  const periods = [...session.periods].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
  );
  const plan: AssignmentPlan = { toCreate: [], alreadyAssigned: [], overlapping: [] };
  const seen = new Set<string>();
  for (const raw of studentIds) {
    const studentId = String(raw ?? '').trim();
    if (studentId === '' || seen.has(studentId)) continue;
    seen.add(studentId);
    const stages = mine.get(studentId) ?? [];
    const missing = periods.filter((p) => !stages.some((s) => overlaps(s, p)));
    if (missing.length === 0 && periods.length > 0) plan.alreadyAssigned.push(studentId);
    const other = elsewhere.get(studentId) ?? [];
    for (const period of missing) {
      if (other.some((s) => overlaps(s, period)))
        plan.overlapping.push({ studentId, period: { ...period } });
      else plan.toCreate.push({ studentId, period: { ...period } });
    }
  }
  return plan;
}

/** The students having at least one stage in the session (shown as "déjà affecté"). */
export function assignedStudentIds(
  sessionId: string,
  existing: readonly Pick<Stage, 'sessionId' | 'studentId'>[],
): Set<string> {
  return new Set(existing.filter((s) => s.sessionId === sessionId).map((s) => s.studentId));
}

export interface ClassCounts {
  /** One line per class, sorted by class name ("BTS1" < "BTS2" < "BTS10"); no class last. */
  classes: { className: string; count: number }[];
  total: number;
}

/** The seed's "Classe / Nb élèves / Total" table. */
export function classCounts(students: readonly Pick<Student, 'className'>[]): ClassCounts {
  const counts = new Map<string, number>();
  for (const s of students) {
    const name = String(s.className ?? '').trim();
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
  const classes = [...counts.entries()]
    .map(([className, count]) => ({ className, count }))
    .sort((a, b) => {
      if (a.className === '' || b.className === '') {
        return a.className === '' ? (b.className === '' ? 0 : 1) : -1;
      }
      return collator.compare(a.className, b.className);
    });
  return { classes, total: students.length };
}
