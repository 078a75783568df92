/**
 * Reading and writing stage rows by stable ID, with conflict detection, presence refresh and
 * the journal. Every stage action goes through `mutateStage` / `insertStages`, so each one is:
 * lock → find row by ID → read the row → check it did not change → domain rule → one write →
 * journal.
 */
import type { StageView } from '../api/contract';
import { fingerprint } from '../domain/fingerprint';
import { phaseOf } from '../domain/phase';
import { formatSchedule, parseSchedule } from '../domain/schedule';
import type { IsoDate, Phase, Result, Stage } from '../domain/types';
import { UserError } from '../domain/errors';
import type { Context } from '../gas/context';
import { resolveReference } from '../domain/labels';
import {
  changedKeys,
  editedLabels,
  type LabelField,
  type Labels,
  type Rec,
  stageFromRecord,
  stageToRecord,
  str,
  withLabel,
} from '../sheets/records';
import { stageSubject } from '../sheets/journalText';
import { STAGES, type StageKey } from '../sheets/schema';
import { markFresh, presenceColumns } from './presenceColumns';
import { references, type References } from './references';
import { appendUndoable, writeRowsUndoable, writeRowUndoable } from './undoable';

export const parsers = {
  parseSchedule: (text: string) => {
    const r = parseSchedule(text);
    return r.ok ? r.value : null;
  },
};

/** The columns a user (or the add-on) edits: the fingerprint covers exactly these. */
const FINGERPRINT_KEYS = STAGES.columns
  .filter(
    (c) =>
      c.kind !== 'computed' &&
      !['presence', 'hours', 'schoolYear', 'labelsCheck', 'docStatus'].includes(c.key),
  )
  .map((c) => c.key);

export function rowFingerprint(r: Partial<Rec<StageKey>>): string {
  return fingerprint(FINGERPRINT_KEYS.map((k) => r[k] ?? ''));
}

export function stageView(
  row: number,
  r: Rec<StageKey>,
  today: string,
  resolved?: Stage,
): StageView {
  const s = resolved ?? stageFromRecord(r, parsers);
  const visits = typeof r.visits === 'number' ? r.visits : Number(r.visits) || 0;
  const phaseCell = str(r.phase);
  const phase: Phase | '' =
    phaseCell === 'À venir' ||
    phaseCell === 'En cours' ||
    phaseCell === 'Effectué' ||
    phaseCell === 'Arrêté'
      ? phaseCell
      : s.start && s.end
        ? phaseOf(s, today)
        : '';
  return {
    id: s.id,
    row,
    sessionId: s.sessionId,
    session: str(r.session),
    start: s.start,
    end: s.end,
    studentId: s.studentId,
    student: str(r.student),
    className: str(r.className),
    companyId: s.companyId,
    company: str(r.company),
    tutorId: s.tutorId,
    tutor: str(r.tutor),
    referentId: s.referentId,
    referent: str(r.referent),
    visits,
    phase,
    stoppedOn: s.stoppedOn,
    stopReason: s.stopReason,
    originalEnd: s.originalEnd,
    weeklyHours: s.weeklyHours,
    convention: s.conventionUrl,
    needsAmendment: s.needsAmendment,
    country: s.country,
    schedule: str(r.schedule),
    presence: str(r.presence),
    gratification: str(r.gratification),
    fingerprint: rowFingerprint(r),
    followerId: str(r.followerId),
    follower: str(r.follower),
    expectedVisits: typeof r.expectedVisits === 'number' ? r.expectedVisits : null,
    plannedVisit: str(r.plannedVisit) as IsoDate | '',
  };
}

export interface LoadedStage {
  row: number;
  rec: Rec<StageKey>;
  stage: Stage;
}

/**
 * The IDs a row really means. The add-on keeps a digest of each name it wrote (labelsCheck):
 * a name still matching its digest keeps its hidden ID and nothing else is read. A name picked
 * or typed by hand since is resolved against its reference sheet, and must name exactly one
 * entry; otherwise the action stops with a French message naming it.
 */
export function reconcile(ctx: Context, rec: Rec<StageKey>, stage: Stage): Stage {
  const edited = editedLabels(rec);
  if (edited.size === 0) return stage;
  const refs = references(ctx);
  const resolve = <T extends { id: string }>(
    field: LabelField,
    id: string,
    list: T[],
    labelOf: (t: T) => string,
    listName: string,
    errorField: string,
  ): string => {
    if (!edited.has(field)) return id;
    const label = str(rec[field]);
    // A row never written by the add-on: a name that is its ID's own is fine as it is.
    const r = resolveReference(
      label,
      str(rec.labelsCheck) === '' ? id : '',
      list,
      labelOf,
      listName,
    );
    if ('error' in r)
      throw new UserError(`Ligne ${stage.id || '(sans ID)'} : ${r.error}`, errorField);
    return r.id;
  };
  return {
    ...stage,
    sessionId: resolve(
      'session',
      stage.sessionId,
      refs.sessions,
      (s) => s.title,
      'la feuille Sessions',
      'session',
    ),
    studentId: resolve(
      'student',
      stage.studentId,
      refs.students,
      (s) => refs.studentLabel.get(s.id) ?? '',
      'la feuille Élèves',
      'student',
    ),
    companyId: resolve(
      'company',
      stage.companyId,
      refs.companies,
      (c) => c.name,
      'la feuille Entreprises',
      'companyId',
    ),
    tutorId: resolve(
      'tutor',
      stage.tutorId,
      refs.tutors,
      (t) => refs.labels.tutor(t.id),
      'la feuille Tuteurs',
      'tutorId',
    ),
    referentId: resolve(
      'referent',
      stage.referentId,
      refs.staff,
      (s) => refs.labels.staff(s.id),
      'la feuille Personnel',
      'referentId',
    ),
  };
}

/**
 * What the sidebar saw of a stage, sent with an action: its row and its student. Only hints:
 * a row is used only when its ID is the one asked for, a student only when the stage is
 * among that student's rows; otherwise the stage is looked up by ID in the whole column.
 */
export interface StageHint {
  row?: unknown;
  studentId?: unknown;
}

function notFound(id: string): UserError {
  return new UserError(
    `Le stage ${id || '(sans identifiant)'} est introuvable : la ligne a peut-être été supprimée. Rechargez la fiche.`,
    undefined,
    true,
  );
}

function loaded(ctx: Context, row: number, rec: Rec<StageKey>): LoadedStage {
  const stage = reconcile(ctx, rec, stageFromRecord(rec, parsers));
  // The row's own count (a formula over the Absences sheet) says it has none: counting its
  // presence again needs no read of that sheet.
  if (str(rec.absences) === '0' && stage.id !== '') markFresh(ctx, stage.id);
  return { row, rec, stage };
}

const KNOWN_PHASES: ReadonlySet<string> = new Set<Phase>([
  'À venir',
  'En cours',
  'Effectué',
  'Arrêté',
]);

/**
 * Whether a row read by its ID alone may be trusted to be the only one with that ID: its Phase
 * formula counts the ID in the whole column and says "ID en double" otherwise. A row without a
 * phase (typed by hand, never completed) proves nothing: the ID column is read instead.
 */
function provedUnique(rec: Rec<StageKey>): boolean {
  return KNOWN_PHASES.has(str(rec.phase));
}

/**
 * Find and read one stage by ID: one read (the row the sidebar saw, when it still holds that
 * ID and its phase shows the ID is on no other row), else two (the ID column, then the row). An
 * ID on several rows is refused (findRow).
 */
export function loadStage(ctx: Context, id: string, hint?: StageHint): LoadedStage {
  const t = ctx.table(STAGES);
  const hinted = Number(hint?.row);
  if (id && Number.isInteger(hinted) && hinted >= 2) {
    const rec = t.readRow(hinted);
    if (str(rec.id) === id && provedUnique(rec)) return loaded(ctx, hinted, rec);
  }
  const row = t.findRow(id);
  if (row === 0) throw notFound(id);
  return loaded(ctx, row, t.readRow(row));
}

/**
 * A stage and its student's other stages (every session), for the rules that compare them
 * (overlaps, hours with one host). With the student's ID as a hint: one read of the student
 * column, then one read of the span of their rows, which holds the stage itself.
 */
export function loadStageWithOthers(
  ctx: Context,
  id: string,
  hint?: StageHint,
): { loaded: LoadedStage; others: LoadedStage[] } {
  const studentId = typeof hint?.studentId === 'string' ? hint.studentId : '';
  if (id && studentId) {
    const rows = rowsOfStudent(ctx, studentId);
    const own = rows.find((r) => str(r.rec.id) === id);
    if (own && provedUnique(own.rec)) {
      const stage = loaded(ctx, own.row, own.rec);
      if (stage.stage.studentId === studentId) {
        return { loaded: stage, others: rows.filter((r) => r !== own && r.stage.id !== '') };
      }
    }
  }
  const stage = loadStage(ctx, id, hint);
  return { loaded: stage, others: stagesOfStudent(ctx, stage.stage.studentId, id) };
}

/** Rows further apart than this are read apart (a span would carry too many other rows). */
const MAX_GAP = 50;

function rowsOfStudent(ctx: Context, studentId: string): LoadedStage[] {
  const t = ctx.table(STAGES);
  const rows: number[] = [];
  t.readColumn('studentId').forEach((v, i) => {
    if (v === studentId) rows.push(i + 2);
  });
  const out: LoadedStage[] = [];
  for (const cluster of clusters(rows, MAX_GAP)) {
    const lo = cluster[0]!;
    const block = t.readRows(lo, cluster[cluster.length - 1]! - lo + 1);
    for (const row of cluster) {
      const rec = block[row - lo]!;
      out.push({ row, rec, stage: stageFromRecord(rec, parsers) });
    }
  }
  return out;
}

/** [2,3,9,200] with gap 50 → [[2,3,9],[200]]. */
export function clusters(rows: readonly number[], gap: number): number[][] {
  const out: number[][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && r - last[last.length - 1]! <= gap) last.push(r);
    else out.push([r]);
  }
  return out;
}

export function checkFingerprint(loaded: LoadedStage, expected: string): void {
  if (expected && rowFingerprint(loaded.rec) !== expected) {
    throw new UserError(
      'Cette ligne a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte. ' +
        'Rechargez la fiche, vérifiez, puis recommencez.',
      undefined,
      true,
    );
  }
}

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new UserError(r.error, r.field);
  return r.value;
}

/**
 * Other stages of a student, in every session (for overlap and duration rules): one read of the
 * student column, then one read per cluster of their rows, never the whole table.
 */
export function stagesOfStudent(ctx: Context, studentId: string, exceptId: string): LoadedStage[] {
  return rowsOfStudent(ctx, studentId).filter((l) => l.stage.id !== '' && l.stage.id !== exceptId);
}

/**
 * Labels for a record, taken from rows already read where the ID is the same and the name is
 * the one the add-on wrote (so an action that does not change a reference never reads the
 * reference lists), else from the lists. A name typed by hand over an ID is never copied onto
 * another ID: the lists say what that ID is called.
 */
export function labelsWith(refs: References, known: Partial<Rec<StageKey>>[]): Labels {
  const find = (idKey: StageKey, field: LabelField, id: string) =>
    known.find(
      (r) => id !== '' && str(r[idKey]) === id && !editedLabels(r as Rec<StageKey>).has(field),
    );
  return {
    session: (id) => {
      const r = find('sessionId', 'session', id);
      return r ? str(r.session) : refs.labels.session(id);
    },
    student: (id) => {
      const r = find('studentId', 'student', id);
      return r ? { label: str(r.student), className: str(r.className) } : refs.labels.student(id);
    },
    company: (id) => {
      const r = find('companyId', 'company', id);
      return r ? str(r.company) : refs.labels.company(id);
    },
    tutor: (id) => {
      const r = find('tutorId', 'tutor', id);
      return r ? str(r.tutor) : refs.labels.tutor(id);
    },
    staff: (id) => {
      const r = find('referentId', 'referent', id);
      return r ? str(r.referent) : refs.labels.staff(id);
    },
  };
}

/** The full writable record of a stage, presence included. */
export function recordFor(
  ctx: Context,
  stage: Stage,
  labels: Labels,
  previous?: { stage: Stage; rec: Rec<StageKey> },
): Partial<Rec<StageKey>> {
  // Presence only depends on these: when none changed, the row's own figures stand (and the
  // Absences sheet need not be read).
  const same =
    previous !== undefined &&
    previous.stage.start === stage.start &&
    previous.stage.end === stage.end &&
    previous.stage.stoppedOn === stage.stoppedOn &&
    previous.stage.weeklyHours === stage.weeklyHours &&
    JSON.stringify(previous.stage.schedule) === JSON.stringify(stage.schedule) &&
    previous.stage.country === stage.country &&
    str(previous.rec.presence) !== '';
  return {
    ...stageToRecord(stage, labels, formatSchedule),
    ...(same
      ? {
          presence: previous.rec.presence,
          hours: previous.rec.hours,
          schoolYear: previous.rec.schoolYear,
        }
      : presenceColumns(ctx, stage)),
  };
}

/**
 * Apply a domain rule to one stage row: lock, find by ID, conflict check, rule, one write of
 * the changed cells, journal. Returns the stage's new view. `withOthers` also reads the
 * student's other stages (for the rules that compare them), with the stage in the same reads.
 */
export function mutateStage(
  ctx: Context,
  input: { stageId: string; fingerprint: string; action: string; hint?: StageHint },
  rule: (loaded: LoadedStage, refs: References, others: LoadedStage[] | null) => Stage,
  options: { withOthers?: boolean } = {},
): StageView {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const { loaded, others } = options.withOthers
      ? loadStageWithOthers(ctx, input.stageId, input.hint)
      : { loaded: loadStage(ctx, input.stageId, input.hint), others: null };
    checkFingerprint(loaded, input.fingerprint);
    const after = rule(loaded, refs, others);
    const rec = recordFor(ctx, after, labelsWith(refs, [loaded.rec]), loaded);
    const keys = changedKeys<StageKey>(loaded.rec, rec);
    const patch = pick(rec, keys);
    writeRowUndoable(ctx, ctx.table(STAGES), loaded.row, patch, loaded.rec);
    ctx.journal({
      action: input.action,
      target: stageSubject(loaded.rec),
      before: pick(loaded.rec, keys),
      after: pick(patch, keys),
    });
    // The Phase formula has not been recalculated in this execution: the view computes it.
    const merged = { ...loaded.rec, ...patch, phase: '' } as Rec<StageKey>;
    return stageView(loaded.row, merged, ctx.today());
  });
}

export function pick<K extends string>(r: Partial<Rec<K>>, keys: K[]): Partial<Rec<K>> {
  const out: Partial<Rec<K>> = {};
  for (const k of keys) out[k] = r[k] ?? '';
  return out;
}

/**
 * Insert new stages (already validated) after row `after` (the student's stages stay
 * together, as PRONOTE shows them), with `patches` of rows read before (written in the same
 * block when they touch the new rows; their caller registers their way back first). Two calls:
 * insert, one write. If the action fails later, the new rows go.
 */
export function insertStagesAfter(
  ctx: Context,
  after: number,
  stages: Stage[],
  labels: Labels,
  patches: Map<number, Partial<Rec<StageKey>>> = new Map(),
  /** Cells every new row also gets, beyond the stage's own (its follower, carried over). */
  extra: Partial<Rec<StageKey>> = {},
): number {
  const t = ctx.table(STAGES);
  const all = new Map(patches);
  stages.forEach((s, i) => all.set(after + 1 + i, { ...recordFor(ctx, s, labels), ...extra }));
  ctx.atomically(() => t.insertRowsAfter(after, stages.length));
  ctx.onRollback(() => t.deleteRows(after + 1, stages.length));
  t.writeRows(all);
  return after + 1;
}

/** Append new stages (already validated). One write per run of writable columns. */
export function insertStages(ctx: Context, stages: Stage[], labels: Labels): void {
  const records = stages.map((s) => recordFor(ctx, s, labels));
  appendUndoable(ctx, ctx.table(STAGES), records);
}

const ID_OF: Record<LabelField, StageKey> = {
  session: 'sessionId',
  student: 'studentId',
  company: 'companyId',
  tutor: 'tutorId',
  referent: 'referentId',
};

/**
 * A reference renamed in its own sheet (a session, a company, a student who gained a homonym):
 * its new name on every stage row that points to it. One read of the ID column, one read and
 * one write of the span of rows concerned.
 */
export function relabelStages(
  ctx: Context,
  field: LabelField,
  labels: Map<string, string>,
  extra?: (id: string) => Partial<Rec<StageKey>>,
): number {
  if (labels.size === 0) return 0;
  const t = ctx.table(STAGES);
  const idKey = ID_OF[field];
  const rows = t.readRowsWhere(idKey, (id) => labels.has(id));
  const patches = new Map<number, Partial<Rec<StageKey>>>();
  for (const { row, values: rec } of rows) {
    const id = str(rec[idKey]);
    const label = labels.get(id)!;
    const more = extra ? extra(id) : {};
    const changed =
      str(rec[field]) !== label || Object.entries(more).some(([k, v]) => rec[k as StageKey] !== v);
    if (!changed) continue;
    // A name someone typed by hand stays theirs to resolve: only names the add-on wrote follow.
    if (editedLabels(rec).has(field)) continue;
    patches.set(row, {
      [field]: label,
      labelsCheck: withLabel(rec.labelsCheck, field, label),
      ...more,
    });
  }
  const read = new Map(rows.map((r) => [r.row, r.values]));
  writeRowsUndoable(ctx, t, patches, (row) => read.get(row) ?? {});
  return patches.size;
}
