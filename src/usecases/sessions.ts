/**
 * Seed 000 step 1: create or edit a session, then "Affecter les élèves" — one stage row per
 * selected student and period, never a duplicate when run twice.
 */
import type {
  AssignmentResult,
  AssignmentView,
  ReferenceData,
  SessionInput,
  SessionView,
} from '../api/contract';
import { assignedStudentIds, classCounts, planAssignment } from '../domain/assignment';
import { visitReportsOn } from '../domain/followUp/visitReport';
import { tutorLabel } from '../domain/labels';
import { formatPeriods, parsePeriods, validateSession } from '../domain/sessions';
import {
  adjustToPeriods,
  describeAdjustment,
  impossibleMessage,
  outsideMessage,
  type StageAdjustment,
  stagesOutside,
} from '../domain/stages/sessionPeriods';
import type { Period, Session, Stage } from '../domain/types';
import { UserError } from '../domain/errors';
import type { Context } from '../gas/context';
import { referenceVersion } from '../gas/referenceCache';
import { changedKeys, type Rec, stageFromRecord, str } from '../sheets/records';
import { SESSIONS, STAGES, type StageKey } from '../sheets/schema';
import { checkHostLimit } from './durations';
import { references } from './references';
import {
  insertStages,
  labelsWith,
  parsers,
  pick,
  recordFor,
  relabelStages,
  unwrap,
} from './stageStore';
import { appendUndoable, writeRowsUndoable, writeRowUndoable } from './undoable';

type SessionKey = (typeof SESSIONS.columns)[number]['key'];

/** A saved session, and how many of its stages followed its new periods. */
export type SavedSession = SessionView & { adjustedStages?: number };

function sessionView(s: Session): SessionView {
  return {
    id: s.id,
    title: s.title,
    type: s.type,
    schoolYear: s.schoolYear,
    diploma: s.diploma,
    editionLabel: s.editionLabel,
    objectives: s.objectives,
    periods: s.periods.map((p) => ({ start: p.start, end: p.end })),
    ...(s.visitReports ? { visitReports: true } : {}),
    ...(typeof s.expectedVisits === 'number' ? { expectedVisits: s.expectedVisits } : {}),
  };
}

/** The follow-up cells of a session as the form sent them (nothing of a field it did not send). */
function followUpCells(valid: Omit<Session, 'id'>): Partial<Rec<SessionKey>> {
  return {
    ...(valid.expectedVisits !== undefined ? { expectedVisits: valid.expectedVisits ?? '' } : {}),
    ...(valid.visitReports !== undefined
      ? { visitReport: valid.visitReports ? 'oui' : 'non' }
      : {}),
  };
}

export function referenceData(ctx: Context): ReferenceData {
  const refs = references(ctx);
  const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
  const byLabel = <T extends { label: string }>(a: T, b: T) => collator.compare(a.label, b.label);
  const students = refs.students
    .map((s) => ({
      id: s.id,
      label: refs.studentLabel.get(s.id) ?? s.lastName,
      className: s.className,
    }))
    .sort(byLabel);
  return {
    version: referenceVersion(ctx),
    sessions: refs.sessions.map(sessionView),
    classes: [...new Set(refs.students.map((s) => s.className).filter((c) => c !== ''))].sort(
      collator.compare,
    ),
    students,
    companies: refs.companies.map((c) => ({ id: c.id, label: c.name })).sort(byLabel),
    tutors: refs.tutors
      .map((t) => ({ id: t.id, label: tutorLabel(t), companyId: t.companyId }))
      .sort(byLabel),
    staff: refs.staff.map((s) => ({ id: s.id, label: tutorLabel(s) })).sort(byLabel),
  };
}

export function saveSession(ctx: Context, input: SessionInput): SavedSession {
  const valid = unwrap(validateSession(input));
  return ctx.withLock(() => {
    const t = ctx.table(SESSIONS);
    const id = typeof input.id === 'string' ? input.id.trim() : '';
    const others = references(ctx).sessions.filter((s) => s.id !== id);
    if (
      others.some((s) => s.title.toLocaleLowerCase('fr') === valid.title.toLocaleLowerCase('fr'))
    ) {
      throw new UserError(`Une autre session s'appelle déjà « ${valid.title} ».`, 'title');
    }
    const record = {
      title: valid.title,
      type: valid.type,
      schoolYear: valid.schoolYear,
      diploma: valid.diploma,
      editionLabel: valid.editionLabel,
      objectives: valid.objectives,
      periods: formatPeriods(valid.periods),
      ...followUpCells(valid),
    };
    if (id === '') {
      const session: Session = { id: ctx.newId('SES'), ...valid };
      appendUndoable(ctx, t, [{ id: session.id, ...record }]);
      ctx.journal({
        action: 'Créer la session',
        target: session.title,
        before: null,
        after: record,
      });
      return sessionView(session);
    }
    const row = t.findRow(id);
    if (row === 0)
      throw new UserError(
        'Cette session est introuvable : elle a peut-être été supprimée.',
        undefined,
        true,
      );
    const before = t.readRow(row);
    const previous = parsePeriods(str(before.periods));
    const oldPeriods = previous.ok ? previous.value : [];
    // Only new periods can leave stages outside: the Stages sheet is read only then.
    const adjusted =
      formatPeriods(oldPeriods) === record.periods
        ? []
        : followPeriods(ctx, id, oldPeriods, valid.periods, input.adjustStages === true);
    writeRowUndoable(ctx, t, row, record, before);
    if (str(before.title) !== valid.title)
      relabelStages(ctx, 'session', new Map([[id, valid.title]]));
    ctx.journal({
      action: 'Modifier la session',
      target: valid.title,
      before,
      after:
        adjusted.length > 0
          ? { ...record, 'Stages ajustés': adjusted.map(describeAdjustment) }
          : record,
    });
    // A field the form did not send keeps the sheet's value: the answer shows that one.
    return {
      ...sessionView({
        expectedVisits: typeof before.expectedVisits === 'number' ? before.expectedVisits : null,
        visitReports: visitReportsOn(before.visitReport),
        id,
        ...valid,
      }),
      adjustedStages: adjusted.length,
    };
  });
}

/**
 * New periods for session `sessionId`: the stages they would leave outside are refused, named,
 * unless `adjust` asks for them to follow (moved or clipped, their presence counted again, put
 * back if the action fails before its journal line). One read of the Stages sheet.
 */
function followPeriods(
  ctx: Context,
  sessionId: string,
  oldPeriods: Period[],
  newPeriods: Period[],
  adjust: boolean,
): StageAdjustment[] {
  const st = ctx.table(STAGES);
  const rows = st
    .readAll()
    .filter((r) => str(r.values.id) !== '')
    .map((r) => ({ row: r.row, rec: r.values, stage: stageFromRecord(r.values, parsers) }));
  const own = rows
    .filter((r) => r.stage.sessionId === sessionId)
    .map((r) => ({ stage: r.stage, student: str(r.rec.student) }));
  const outside = stagesOutside(own, newPeriods);
  if (outside.length === 0) return [];
  if (!adjust) throw new UserError(outsideMessage(outside), 'adjustStages');
  const moving = new Set(outside.map((o) => o.stage.id));
  const students = new Set(outside.map((o) => o.stage.studentId));
  const others = rows
    .filter((r) => students.has(r.stage.studentId) && !moving.has(r.stage.id))
    .map((r) => r.stage);
  const plan = adjustToPeriods(outside, oldPeriods, newPeriods, others);
  if (plan.impossible.length > 0)
    throw new UserError(impossibleMessage(plan.impossible), 'periods');
  checkHostLimit(
    ctx,
    plan.adjusted.map((a) => a.after),
    others,
  );
  const byId = new Map(rows.map((r) => [r.stage.id, r]));
  const refs = references(ctx);
  const labels = labelsWith(
    refs,
    rows.map((r) => r.rec),
  );
  const patches = new Map<number, Partial<Rec<StageKey>>>();
  for (const a of plan.adjusted) {
    const read = byId.get(a.after.id)!;
    const next = recordFor(ctx, a.after, labels, read);
    patches.set(read.row, pick(next, changedKeys<StageKey>(read.rec, next)));
  }
  writeRowsUndoable(ctx, st, patches, (row) => rows.find((r) => r.row === row)?.rec ?? {});
  return plan.adjusted;
}

function existingStages(ctx: Context): Pick<Stage, 'sessionId' | 'studentId' | 'start' | 'end'>[] {
  return ctx
    .table(STAGES)
    .readColumns(['start', 'end', 'sessionId', 'studentId'] as const)
    .filter((r) => str(r.values.sessionId) !== '')
    .map((r) => ({
      sessionId: str(r.values.sessionId),
      studentId: str(r.values.studentId),
      start: str(r.values.start),
      end: str(r.values.end),
    }));
}

export function assignmentView(ctx: Context, sessionId: string): AssignmentView {
  const refs = references(ctx);
  const assigned = assignedStudentIds(String(sessionId ?? ''), existingStages(ctx));
  const counts = classCounts(refs.students);
  return {
    sessionId: String(sessionId ?? ''),
    classes: counts.classes,
    students: refs.students.map((s) => ({
      id: s.id,
      label: refs.studentLabel.get(s.id) ?? s.lastName,
      className: s.className,
      assigned: assigned.has(s.id),
    })),
  };
}

export function assignStudents(
  ctx: Context,
  input: { sessionId: string; studentIds: string[] },
): AssignmentResult {
  const sessionId = String(input?.sessionId ?? '');
  const ids = Array.isArray(input?.studentIds) ? input.studentIds.map((x) => String(x)) : [];
  if (ids.length === 0) throw new UserError('Sélectionnez au moins un élève.', 'studentIds');
  return ctx.withLock(() => {
    const refs = references(ctx);
    const session = refs.sessions.find((s) => s.id === sessionId);
    if (!session) throw new UserError("Choisissez d'abord une session enregistrée.", 'sessionId');
    if (session.periods.length === 0)
      throw new UserError("Cette session n'a aucune période.", 'periods');
    const known = new Set(refs.students.map((s) => s.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new UserError(
        `${unknown.length} élève(s) introuvable(s) dans la feuille Élèves.`,
        'studentIds',
      );
    const plan = planAssignment(session, ids, existingStages(ctx));
    const country = '';
    const stages: Stage[] = plan.toCreate.map(({ studentId, period }) => ({
      id: ctx.newId('STG'),
      sessionId,
      studentId,
      companyId: '',
      tutorId: '',
      referentId: '',
      start: period.start,
      end: period.end,
      stoppedOn: '',
      stopReason: '',
      originalEnd: '',
      weeklyHours: null,
      schedule: null,
      country,
      conventionUrl: '',
      needsAmendment: false,
    }));
    if (stages.length > 0) insertStages(ctx, stages, refs.labels);
    ctx.journal({
      action: 'Affecter les élèves',
      target: session.title,
      before: null,
      after: {
        créés: stages.length,
        déjàAffectés: plan.alreadyAssigned.length,
        autreStageAuxMêmesDates: plan.overlapping.length,
      },
    });
    const overlapping = [...new Set(plan.overlapping.map((o) => o.studentId))].map(
      (id) => refs.studentLabel.get(id) ?? id,
    );
    return { created: stages.length, skipped: plan.alreadyAssigned.length, overlapping };
  });
}
