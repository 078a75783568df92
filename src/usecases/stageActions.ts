/**
 * The stage actions of seed 000 (steps 3 to 5), made native: stop, remove the stop, assign a
 * new stage, split, reassign, and "Affecter" on several rows. Each is validated whole by a pure
 * domain rule before anything is written.
 */
import type {
  AffectInput,
  NewStageInput,
  ReassignInput,
  RemoveStopInput,
  SplitInput,
  StageView,
  StopInput,
} from '../api/contract';
import {
  affectStages,
  newStage,
  reassignStage,
  removeStop,
  splitStage,
  stopStage,
} from '../domain/stages/transitions';
import type { Result, Session, Stage } from '../domain/types';
import { parseSchedule } from '../domain/schedule';
import { UserError } from '../domain/errors';
import type { Context } from '../gas/context';
import { changedKeys, type Rec, stageFromRecord, str } from '../sheets/records';
import { STAGES, type StageKey } from '../sheets/schema';
import type { References } from './references';
import {
  checkFingerprint,
  insertStages,
  labelsWith,
  loadStage,
  mutateStage,
  parsers,
  pick,
  reconcile,
  recordFor,
  stagesOfStudent,
  stageView,
  unwrap,
} from './stageStore';
import { references } from './references';
import { checkHostLimit } from './durations';
import { markFresh, moveAbsences } from './presenceColumns';

const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);

/** IDs sent by the sidebar must name existing entities: it is never trusted. */
export function checkReferenceIds(
  refs: References,
  ids: { companyId?: string; tutorId?: string; referentId?: string },
): void {
  if (ids.companyId && !refs.companies.some((c) => c.id === ids.companyId)) {
    throw new UserError(
      "Cette entreprise n'existe pas (ou plus) dans la feuille Entreprises.",
      'companyId',
    );
  }
  if (ids.tutorId && !refs.tutors.some((t) => t.id === ids.tutorId)) {
    throw new UserError("Ce tuteur n'existe pas (ou plus) dans la feuille Tuteurs.", 'tutorId');
  }
  if (ids.referentId && !refs.staff.some((s) => s.id === ids.referentId)) {
    throw new UserError(
      "Ce référent n'existe pas (ou plus) dans la feuille Personnel.",
      'referentId',
    );
  }
}

function withScheduleField<T>(r: Result<T>): Result<T> {
  return r.ok ? r : { ok: false, error: r.error, field: 'schedule' };
}

/** Hours already in the rows read (their dates did not change), by stage ID. */
function knownHours(rows: { stage: Stage; rec: Rec<StageKey> }[]): (s: Stage) => number | null {
  const byId = new Map(rows.map((r) => [r.stage.id, r]));
  return (s) => {
    const r = byId.get(s.id);
    if (!r || typeof r.rec.hours !== 'number') return null;
    const same =
      r.stage.start === s.start && r.stage.end === s.end && r.stage.stoppedOn === s.stoppedOn;
    return same ? r.rec.hours : null;
  };
}

function sessionOf(refs: References, sessionId: string): Session {
  const session = refs.sessions.find((s) => s.id === sessionId);
  if (!session) {
    throw new UserError(
      'La session de ce stage est introuvable dans la feuille Sessions : vérifiez la colonne « ID session ».',
    );
  }
  return session;
}

export function stop(ctx: Context, input: StopInput): StageView {
  return mutateStage(
    ctx,
    {
      stageId: text(input.stageId),
      fingerprint: text(input.fingerprint),
      action: 'Arrêter le stage',
    },
    ({ stage }) =>
      unwrap(stopStage(stage, { stoppedOn: text(input.stoppedOn), reason: text(input.reason) })),
  );
}

export function unstop(ctx: Context, input: RemoveStopInput): StageView {
  return mutateStage(
    ctx,
    {
      stageId: text(input.stageId),
      fingerprint: text(input.fingerprint),
      action: "Enlever l'arrêt",
    },
    ({ stage }) => {
      const others =
        input.restoreOriginalEnd === true
          ? stagesOfStudent(ctx, stage.studentId, stage.id).map((l) => l.stage)
          : [];
      return unwrap(
        removeStop(stage, { restoreOriginalEnd: input.restoreOriginalEnd === true }, others),
      );
    },
  );
}

export function reassign(ctx: Context, input: ReassignInput): StageView {
  return mutateStage(
    ctx,
    {
      stageId: text(input.stageId),
      fingerprint: text(input.fingerprint),
      action: 'Réaffecter le stage',
    },
    (loaded, refs) => {
      const stage = loaded.stage;
      const ids = {
        companyId: text(input.companyId),
        tutorId: text(input.tutorId),
        referentId: text(input.referentId),
      };
      checkReferenceIds(refs, ids);
      const after = unwrap(reassignStage(stage, ids, refs.tutors));
      if (after.companyId !== stage.companyId && after.companyId !== '') {
        const others = stagesOfStudent(ctx, stage.studentId, stage.id);
        checkHostLimit(
          ctx,
          [after],
          others.map((l) => l.stage),
          knownHours([loaded, ...others]),
        );
      }
      return after;
    },
  );
}

export function assignNewStage(ctx: Context, input: NewStageInput): StageView {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const from = loadStage(ctx, text(input.fromStageId));
    const ids = {
      companyId: text(input.companyId),
      tutorId: text(input.tutorId),
      referentId: text(input.referentId),
    };
    checkReferenceIds(refs, ids);
    const session = sessionOf(refs, from.stage.sessionId);
    const loadedOthers = stagesOfStudent(ctx, from.stage.studentId, '');
    const others = loadedOthers.map((l) => l.stage);
    const created = unwrap(
      newStage(
        from.stage,
        session,
        others,
        {
          ...ids,
          start: text(input.start),
          end: text(input.end),
          weeklyHours: text(input.weeklyHours),
        },
        {
          newId: ctx.newId('STG'),
          tutors: refs.tutors,
          sessions: refs.sessions,
        },
      ),
    );
    const typedSchedule = text(input.schedule).trim();
    if (typedSchedule !== '') {
      created.schedule = unwrap(withScheduleField(parseSchedule(typedSchedule)));
    }
    markFresh(ctx, created.id);
    checkHostLimit(ctx, [created], others, knownHours(loadedOthers));
    const labels = labelsWith(refs, [from.rec]);
    const row = insertStages(ctx, [created], labels);
    const rec = recordFor(ctx, created, labels);
    ctx.journal({
      action: 'Assigner un nouveau stage',
      target: created.id,
      before: { depuis: from.stage.id },
      after: rec,
    });
    return stageView(row, { ...rec, visits: 0, phase: '' } as Rec<StageKey>, ctx.today());
  });
}

export function split(ctx: Context, input: SplitInput): StageView[] {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const loaded = loadStage(ctx, text(input.stageId));
    checkFingerprint(loaded, text(input.fingerprint));
    const keep = input.keepAssignment === true;
    const ids = keep
      ? {
          companyId: loaded.stage.companyId,
          tutorId: loaded.stage.tutorId,
          referentId: loaded.stage.referentId,
        }
      : {
          companyId: text(input.companyId),
          tutorId: text(input.tutorId),
          referentId: text(input.referentId),
        };
    if (!keep) checkReferenceIds(refs, ids);
    // A split keeps the stage's own days: its session's periods need not be read again.
    const session: Session = {
      id: loaded.stage.sessionId,
      title: str(loaded.rec.session),
      type: '',
      schoolYear: '',
      diploma: '',
      editionLabel: '',
      objectives: '',
      periods: [],
    };
    const loadedOthers = stagesOfStudent(ctx, loaded.stage.studentId, loaded.stage.id);
    const others = loadedOthers.map((l) => l.stage);
    const [first, second] = unwrap(
      splitStage(
        loaded.stage,
        session,
        others,
        {
          ...ids,
          splitDate: text(input.splitDate),
          firstPartEnd: text(input.firstPartEnd),
          mode: input.mode === 'stop' ? 'stop' : 'cut',
          reason: text(input.reason),
          keepAssignment: keep,
        },
        { newId: ctx.newId('STG'), tutors: refs.tutors, sessions: [session] },
      ),
    );
    checkHostLimit(ctx, [first, second], others, knownHours(loadedOthers));
    const labels = labelsWith(refs, [loaded.rec]);
    const firstRec = recordFor(ctx, first, labels);
    const keys = changedKeys<StageKey>(loaded.rec, firstRec);
    const patch = pick(firstRec, keys);
    const t = ctx.table(STAGES);
    t.writeRow(loaded.row, patch);
    let row2: number;
    let moved = 0;
    try {
      moved = moveAbsences(ctx, first.id, second.id, second.start);
      row2 = insertStages(ctx, [second], labels);
    } catch (e) {
      // Sheets has no transaction: put things back as they were rather than leave half a split.
      if (moved > 0) moveAbsences(ctx, second.id, first.id, second.start);
      t.writeRow(loaded.row, pick(loaded.rec, keys));
      throw e;
    }
    const secondRec = recordFor(ctx, second, labels);
    ctx.journal({
      action: 'Scinder le stage',
      target: `${first.id} → ${second.id}`,
      before: pick(loaded.rec, keys),
      after: { premier: pick(patch, keys), second: secondRec },
    });
    const today = ctx.today();
    return [
      stageView(loaded.row, { ...loaded.rec, ...patch } as Rec<StageKey>, today),
      stageView(row2, { ...secondRec, visits: 0, phase: '' } as Rec<StageKey>, today),
    ];
  });
}

/**
 * "Affecter" on the rows selected in the sheet. Reads the ID column and the block of rows
 * spanning the selection once, writes the changed rows, one journal entry for the batch.
 */
export function affect(ctx: Context, input: AffectInput): StageView[] {
  const ids = Array.isArray(input.stageIds) ? input.stageIds.map(text).filter((s) => s !== '') : [];
  const prints = Array.isArray(input.fingerprints) ? input.fingerprints.map(text) : [];
  if (ids.length === 0)
    throw new UserError('Sélectionnez au moins une ligne de stage dans la feuille Stages.');
  return ctx.withLock(() => {
    const refs = references(ctx);
    const patchIds = {
      ...(input.companyId === undefined ? {} : { companyId: text(input.companyId) }),
      ...(input.tutorId === undefined ? {} : { tutorId: text(input.tutorId) }),
      ...(input.referentId === undefined ? {} : { referentId: text(input.referentId) }),
    };
    checkReferenceIds(refs, patchIds);
    const t = ctx.table(STAGES);
    const idColumn = t.readColumn('id');
    const rows = ids.map((id) => {
      const i = idColumn.findIndex((v) => v === id);
      if (i < 0)
        throw new UserError(
          `Le stage ${id} est introuvable : rechargez la sélection.`,
          undefined,
          true,
        );
      return i + 2;
    });
    const lo = Math.min(...rows);
    const block = t.readRows(lo, Math.max(...rows) - lo + 1);
    const recs = rows.map((r) => block[r - lo]!);
    recs.forEach((rec, i) => {
      const expected = prints[i] ?? '';
      checkFingerprint({ row: rows[i]!, rec, stage: stageFromRecord(rec, parsers) }, expected);
    });
    const stages = recs.map((r) => reconcile(ctx, r, stageFromRecord(r, parsers)));
    const updated = unwrap(affectStages(stages, patchIds, refs.tutors));
    // The selection is checked as a whole; a student's stages outside it are not read here.
    checkHostLimit(
      ctx,
      updated,
      [],
      knownHours(stages.map((stage, i) => ({ stage, rec: recs[i]! }))),
    );
    const labels = labelsWith(refs, recs);
    const today = ctx.today();
    const views: StageView[] = [];
    const journalBefore: unknown[] = [];
    const journalAfter: unknown[] = [];
    const patches = new Map<number, Partial<Rec<StageKey>>>();
    updated.forEach((s, i) => {
      const rec = recordFor(ctx, s, labels, { stage: stages[i]!, rec: recs[i]! });
      const keys = changedKeys<StageKey>(recs[i]!, rec).filter((k) => k !== 'presence');
      if (keys.length > 0) {
        const patch = pick(rec, keys);
        patches.set(rows[i]!, patch);
        journalBefore.push({ id: s.id, ...pick(recs[i]!, keys) });
        journalAfter.push({ id: s.id, ...pick(rec, keys) });
        views.push(stageView(rows[i]!, { ...recs[i]!, ...patch } as Rec<StageKey>, today));
      } else {
        views.push(stageView(rows[i]!, recs[i]!, today));
      }
    });
    t.writeRows(patches);
    ctx.journal({
      action: 'Affecter',
      target: `${journalAfter.length} stage(s)`,
      before: journalBefore,
      after: journalAfter,
    });
    return views;
  });
}
