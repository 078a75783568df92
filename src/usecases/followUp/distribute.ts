/**
 * « Répartir le suivi… »: the preview (nothing written) and the apply, which writes every change
 * in one batch write of the Stages sheet and one journal line. The apply computes the proposal
 * again and writes it only when it is the one previewed (same digest): what the user approved
 * is what is written, or nothing is.
 */
import type { FollowUpApplyInput, FollowUpInput, FollowUpPreview } from '../../api/contract';
import {
  distributeFollowUp,
  type FollowStage,
  loadsOf,
  MAX_FOLLOW_CAP,
} from '../../domain/followUp/distribution';
import { fingerprint } from '../../domain/fingerprint';
import { resolveFollower } from '../../domain/followUp/myStages';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { IsoDate } from '../../domain/types';
import type { Context } from '../../gas/context';
import type { Row } from '../../gas/sheetTable';
import { str } from '../../sheets/records';
import { STAFF, STAGES, type StageKey } from '../../sheets/schema';
import { references } from '../references';
import { writeRowsUndoable } from '../undoable';
import { staffNames } from './shared';

/** « Stagiaires suivis au plus par enseignant », a setting of Paramètres. */
function capOf(ctx: Context, typedCap: unknown): number {
  const t = typed(typedCap).trim();
  if (t === '') return ctx.settings().followCap;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1 || n > MAX_FOLLOW_CAP) {
    throw new UserError(
      `Le nombre de stagiaires suivis en même temps doit être un entier entre 1 et ${MAX_FOLLOW_CAP}.`,
      'cap',
    );
  }
  return n;
}

interface Proposal {
  preview: FollowUpPreview;
  rows: Row<StageKey>[];
  /** Stage ID → teacher ID to write. */
  changes: Map<string, string>;
  target: string;
}

/** What is given out: a whole session, or the rows selected in the Stages sheet. */
interface Scope {
  /** The rows given out. */
  rows: Row<StageKey>[];
  /** The rest of their sessions: counted for the cap and balance, left as they are. */
  others: Row<StageKey>[];
  sessionId: string;
  stageIds: string[] | null;
  /** The journal's « Objet ». */
  target: string;
}

function scopeOf(ctx: Context, input: FollowUpInput): Scope {
  const refs = references(ctx);
  const picked = Array.isArray(input?.stageIds)
    ? [...new Set(input.stageIds.map((id) => typed(id)).filter((id) => id !== ''))]
    : null;
  if (picked === null) {
    const sessionId = typed(input?.sessionId);
    const session = refs.sessions.find((s) => s.id === sessionId);
    if (!session) throw new UserError('Choisissez une session.', 'sessionId');
    const rows = ctx
      .table(STAGES)
      .readAll()
      .filter((r) => str(r.values.id) !== '' && str(r.values.sessionId) === sessionId);
    return { rows, others: [], sessionId, stageIds: null, target: session.title };
  }
  if (picked.length === 0) {
    throw new UserError(
      'Sélectionnez une ou plusieurs lignes de la feuille Stages, ou choisissez « Toute une session ».',
      'stageIds',
    );
  }
  const all = ctx
    .table(STAGES)
    .readAll()
    .filter((r) => str(r.values.id) !== '');
  const wanted = new Set(picked);
  const rows = all.filter((r) => wanted.has(str(r.values.id)));
  if (rows.length !== wanted.size) {
    throw new UserError(
      'Une ligne sélectionnée n’est plus dans la feuille Stages : sélectionnez-la de nouveau.',
      'stageIds',
      true,
    );
  }
  const sessions = new Set(rows.map((r) => str(r.values.sessionId)));
  const others = all.filter(
    (r) => !wanted.has(str(r.values.id)) && sessions.has(str(r.values.sessionId)),
  );
  const titles = [...sessions].map((id) => refs.sessions.find((s) => s.id === id)?.title ?? id);
  const n = rows.length;
  return {
    rows,
    others,
    sessionId: '',
    stageIds: rows.map((r) => str(r.values.id)),
    target: `${n} stage${n > 1 ? 's' : ''} sélectionné${n > 1 ? 's' : ''} (${titles.join(', ')})`,
  };
}

function propose(ctx: Context, input: FollowUpInput): Proposal {
  const refs = references(ctx);
  const scope = scopeOf(ctx, input);
  const cap = capOf(ctx, input?.cap);
  const staffIds = new Set(refs.staff.map((s) => s.id));
  const chosenIds = [...new Set(Array.isArray(input?.teacherIds) ? input.teacherIds : [])].map(
    (id) => typed(id),
  );
  const unknown = chosenIds.filter((id) => !staffIds.has(id));
  if (unknown.length > 0) {
    throw new UserError(
      'Un enseignant choisi ne figure plus dans la feuille Personnel : rechargez la liste.',
      'teacherIds',
    );
  }
  if (chosenIds.length === 0)
    throw new UserError('Choisissez au moins un enseignant.', 'teacherIds');
  // « Classes » is read here only: no other action needs it.
  const classes = new Map(
    ctx
      .table(STAFF)
      .readAll()
      .map((r) => [str(r.values.id), str(r.values.classes)]),
  );
  const { rows } = scope;
  const companies = new Map(refs.companies.map((c) => [c.id, c]));
  const names = staffNames(ctx);
  const followStage = ({ values: r }: Row<StageKey>): FollowStage => ({
    id: str(r.id),
    start: str(r.start) as IsoDate,
    end: str(r.end) as IsoDate,
    stoppedOn: str(r.stoppedOn) as IsoDate | '',
    companyId: str(r.companyId),
    city: companies.get(str(r.companyId))?.city ?? '',
    className: str(r.className),
    followerId: resolveFollower(str(r.followerId), str(r.follower), names),
  });
  const stages = rows.map(followStage);
  const others = scope.others.map(followStage);
  const d = distributeFollowUp(
    stages,
    chosenIds.map((id) => ({
      id,
      classes: (classes.get(id) ?? '').split(/[,;]/).map((c) => c.trim()),
    })),
    { cap, keepExisting: input?.keepExisting !== false, staffIds, others },
  );
  const byId = new Map(rows.map((r) => [str(r.values.id), r.values]));
  const describe = (id: string) => {
    const r = byId.get(id)!;
    return {
      id,
      student: str(r.student),
      company: str(r.company),
      city: companies.get(str(r.companyId))?.city ?? '',
    };
  };
  const changes = new Map<string, string>();
  // A name changed by hand to another teacher's is kept, and its hidden ID follows it.
  for (const a of d.assignments) {
    const r = byId.get(a.stageId);
    const shown = str(r?.follower);
    if (str(r?.followerId) !== a.teacherId || shown !== refs.labels.staff(a.teacherId)) {
      changes.set(a.stageId, a.teacherId);
    }
  }
  // « * » marks a change of teacher: a stage redone back to its own teacher is not one.
  const followerOf = new Map(stages.map((s) => [s.id, s.followerId]));
  const kept = new Set(
    d.assignments
      .filter((a) => a.kept || followerOf.get(a.stageId) === a.teacherId)
      .map((a) => a.stageId),
  );
  const teachers = loadsOf(d, chosenIds).map((l) => ({
    teacherId: l.teacherId,
    teacher: refs.labels.staff(l.teacherId) || l.teacherId,
    stages: l.stageIds.map((id) => ({ ...describe(id), kept: kept.has(id) })),
  }));
  const unassigned = d.unassigned.map((u) => ({ ...describe(u.stageId), reason: u.reason }));
  const digest = fingerprint([
    scope.stageIds ? `rows:${[...scope.stageIds].sort().join(',')}` : scope.sessionId,
    cap,
    ...[...changes.entries()].sort().map(([s, t]) => `${s}>${t}`),
    // The rest of the session weighs on the proposal: a change there makes it stale too.
    ...[...stages, ...others].map((s) => `${s.id}:${s.followerId}:${s.start}:${s.end}`).sort(),
  ]);
  return {
    preview: {
      sessionId: scope.sessionId,
      ...(scope.stageIds ? { stageIds: scope.stageIds } : {}),
      cap,
      teachers,
      unassigned: unassigned.map(({ id, student, reason }) => ({ id, student, reason })),
      changes: changes.size,
      digest,
    },
    rows,
    changes,
    target: scope.target,
  };
}

export function previewFollowUp(ctx: Context, input: FollowUpInput): FollowUpPreview {
  return propose(ctx, input).preview;
}

export function applyFollowUp(ctx: Context, input: FollowUpApplyInput): FollowUpPreview {
  return ctx.withLock(() => {
    const { preview, rows, changes, target } = propose(ctx, input);
    if (preview.digest !== typed(input?.digest)) {
      throw new UserError(
        'Les stages ou le personnel ont changé depuis l’aperçu : rien n’a été écrit. Relancez l’aperçu.',
        undefined,
        true,
      );
    }
    const refs = references(ctx);
    const patches = new Map<number, { followerId: string; follower: string }>();
    const byRow = new Map(rows.map((r) => [r.row, r.values]));
    for (const r of rows) {
      const teacherId = changes.get(str(r.values.id));
      if (teacherId === undefined) continue;
      patches.set(r.row, { followerId: teacherId, follower: refs.labels.staff(teacherId) });
    }
    const t = ctx.table(STAGES);
    writeRowsUndoable(ctx, t, patches, (row) => byRow.get(row) ?? {});
    // The figure applied becomes Paramètres' own, as it was « retenu pour les fois suivantes ».
    const settings = ctx.settings();
    if (preview.cap !== settings.followCap) {
      ctx.noteWrite();
      ctx.onRollback(() => ctx.saveSettings(settings));
      ctx.saveSettings({ ...settings, followCap: preview.cap });
    }
    ctx.journal({
      action: 'Répartir le suivi',
      target,
      before: null,
      after: {
        'stages attribués': changes.size,
        'sans enseignant': preview.unassigned.length,
        'suivis en même temps au plus': preview.cap,
        répartition: preview.teachers.map((x) => `${x.teacher} : ${x.stages.length}`).join(', '),
      },
    });
    return preview;
  });
}
