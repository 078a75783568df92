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
import type { Phase, Result, Stage } from '../domain/types';
import type { CellValue } from '../gas/cells';
import { type Context, UserError } from '../gas/context';
import { resolveReference } from '../domain/labels';
import {
  changedKeys,
  type Labels,
  labelsCheck,
  type Rec,
  stageFromRecord,
  stageToRecord,
  str,
} from '../sheets/records';
import { STAGES, type StageKey } from '../sheets/schema';
import { presenceColumns } from './presenceColumns';
import { references, type References } from './references';

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
      c.kind !== 'computed' && !['presence', 'hours', 'schoolYear', 'labelsCheck'].includes(c.key),
  )
  .map((c) => c.key);

export function rowFingerprint(r: Partial<Rec<StageKey>>): string {
  return fingerprint(FINGERPRINT_KEYS.map((k) => r[k] ?? ''));
}

export function stageView(row: number, r: Rec<StageKey>, today: string): StageView {
  const s = stageFromRecord(r, parsers);
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
  };
}

export interface LoadedStage {
  row: number;
  rec: Rec<StageKey>;
  stage: Stage;
}

/**
 * The IDs a row really means. Rows the add-on wrote carry a digest of their names: when it still
 * matches, the hidden IDs are right and nothing else is read. Otherwise someone picked or typed
 * names by hand, and each name is resolved against the reference sheets (homonyms and renamed
 * companies handled by resolveReference).
 */
export function reconcile(ctx: Context, rec: Rec<StageKey>, stage: Stage): Stage {
  if (str(rec.labelsCheck) !== '' && str(rec.labelsCheck) === labelsCheck(rec)) return stage;
  const refs = references(ctx);
  const pickId = <T extends { id: string }>(
    label: string,
    id: string,
    list: T[],
    labelOf: (t: T) => string,
    listName: string,
    field: string,
  ): string => {
    const r = resolveReference(label, id, list, labelOf, listName);
    if ('error' in r) throw new UserError(`Ligne ${stage.id} : ${r.error}`, field);
    return r.id;
  };
  return {
    ...stage,
    sessionId:
      pickId(
        str(rec.session),
        stage.sessionId,
        refs.sessions,
        (s) => s.title,
        'la feuille Sessions',
        'session',
      ) || stage.sessionId,
    studentId:
      pickId(
        str(rec.student),
        stage.studentId,
        refs.students,
        (s) => refs.studentLabel.get(s.id) ?? '',
        'la feuille Élèves',
        'student',
      ) || stage.studentId,
    companyId: pickId(
      str(rec.company),
      stage.companyId,
      refs.companies,
      (c) => c.name,
      'la feuille Entreprises',
      'companyId',
    ),
    tutorId: pickId(
      str(rec.tutor),
      stage.tutorId,
      refs.tutors,
      (t) => refs.labels.tutor(t.id),
      'la feuille Tuteurs',
      'tutorId',
    ),
    referentId: pickId(
      str(rec.referent),
      stage.referentId,
      refs.staff,
      (s) => refs.labels.staff(s.id),
      'la feuille Personnel',
      'referentId',
    ),
  };
}

/** Find and read one stage by ID. Two reads (ID column, the row). */
export function loadStage(ctx: Context, id: string): LoadedStage {
  const t = ctx.table(STAGES);
  const row = t.findRow(id);
  if (row === 0) {
    throw new UserError(
      `Le stage ${id || '(sans identifiant)'} est introuvable : la ligne a peut-être été supprimée. Rechargez la fiche.`,
      undefined,
      true,
    );
  }
  const rec = t.readRow(row);
  return { row, rec, stage: reconcile(ctx, rec, stageFromRecord(rec, parsers)) };
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
 * student column, then one read per stage of that student (a handful), never the whole table.
 */
export function stagesOfStudent(ctx: Context, studentId: string, exceptId: string): LoadedStage[] {
  const t = ctx.table(STAGES);
  const column = t.readColumn('studentId');
  const rows: number[] = [];
  column.forEach((v, i) => {
    if (v === studentId) rows.push(i + 2);
  });
  return rows
    .map((row) => {
      const rec = t.readRow(row);
      return { row, rec, stage: stageFromRecord(rec, parsers) };
    })
    .filter((l) => l.stage.id !== '' && l.stage.id !== exceptId);
}

/**
 * Labels for a record, taken from rows already read where the ID is the same (so an action
 * that does not change a reference never reads the reference sheets), else from the sheets.
 */
export function labelsWith(refs: References, known: Partial<Rec<StageKey>>[]): Labels {
  const find = (idKey: StageKey, id: string) =>
    known.find((r) => id !== '' && str(r[idKey]) === id);
  return {
    session: (id) => {
      const r = find('sessionId', id);
      return r ? str(r.session) : refs.labels.session(id);
    },
    student: (id) => {
      const r = find('studentId', id);
      return r ? { label: str(r.student), className: str(r.className) } : refs.labels.student(id);
    },
    company: (id) => {
      const r = find('companyId', id);
      return r ? str(r.company) : refs.labels.company(id);
    },
    tutor: (id) => {
      const r = find('tutorId', id);
      return r ? str(r.tutor) : refs.labels.tutor(id);
    },
    staff: (id) => {
      const r = find('referentId', id);
      return r ? str(r.referent) : refs.labels.staff(id);
    },
  };
}

/** The full writable record of a stage, presence included. */
export function recordFor(ctx: Context, stage: Stage, labels: Labels): Partial<Rec<StageKey>> {
  return {
    ...stageToRecord(stage, labels, formatSchedule),
    ...presenceColumns(ctx, stage),
  };
}

/**
 * Apply a domain rule to one stage row: lock, find by ID, conflict check, rule, one write of
 * the changed cells, journal. Returns the stage's new view.
 */
export function mutateStage(
  ctx: Context,
  input: { stageId: string; fingerprint: string; action: string },
  rule: (loaded: LoadedStage, refs: References) => Stage,
): StageView {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const loaded = loadStage(ctx, input.stageId);
    checkFingerprint(loaded, input.fingerprint);
    const after = rule(loaded, refs);
    const rec = recordFor(ctx, after, labelsWith(refs, [loaded.rec]));
    const keys = changedKeys<StageKey>(loaded.rec, rec);
    const patch: Partial<Rec<StageKey>> = {};
    for (const k of keys) patch[k] = rec[k] as CellValue;
    ctx.table(STAGES).writeRow(loaded.row, patch);
    ctx.journal({
      action: input.action,
      target: input.stageId,
      before: pick(loaded.rec, keys),
      after: pick(patch, keys),
    });
    const merged = { ...loaded.rec, ...patch } as Rec<StageKey>;
    return stageView(loaded.row, merged, ctx.today());
  });
}

export function pick<K extends string>(r: Partial<Rec<K>>, keys: K[]): Partial<Rec<K>> {
  const out: Partial<Rec<K>> = {};
  for (const k of keys) out[k] = r[k] ?? '';
  return out;
}

/** Append new stages (already validated). One write per run of writable columns. */
export function insertStages(ctx: Context, stages: Stage[], labels: Labels): number {
  const records = stages.map((s) => recordFor(ctx, s, labels));
  return ctx.table(STAGES).appendRows(records);
}
