/**
 * "Supprimer le stage" and "Retirer l'élève de la session": a preview to confirm, then the
 * deletion of exactly what was confirmed. The stage rows and their absences go, their values kept
 * in the journal line; a stage with visits is not deleted (domain/stages/deletion.ts).
 */
import type {
  DeletionConfirmInput,
  DeletionInput,
  DeletionPreview,
  DeletionResult,
} from '../../api/contract';
import { checkConfirmed, deletionBlocker, type DeletionScope } from '../../domain/stages/deletion';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { type Rec, str } from '../../sheets/records';
import { ABSENCES, STAGES, type StageKey, VISITS } from '../../sheets/schema';
import {
  type LoadedStage,
  loadStageWithOthers,
  pick,
  rowFingerprint,
  stageView,
} from '../stageStore';
import { deleteRowsUndoable } from '../undoable';
import { hintOf, text } from './shared';

const scopeOf = (v: unknown): DeletionScope => (v === 'session' ? 'session' : 'stage');

interface Gathered {
  scope: DeletionScope;
  stages: LoadedStage[];
  absences: { row: number; values: Rec<string> }[];
  visits: number;
}

/**
 * The stages a deletion takes (the stage, or the student's stages of its session, in date
 * order), their absences and how many visits they have. Reads: the student's rows (column and
 * span), the Visites ID column, the Absences ID column and the span of their rows.
 */
function gather(ctx: Context, input: DeletionInput): Gathered {
  const scope = scopeOf(input?.scope);
  const { loaded, others } = loadStageWithOthers(ctx, text(input?.stageId), hintOf(input ?? {}));
  const stages = (
    scope === 'stage'
      ? [loaded]
      : [loaded, ...others.filter((o) => o.stage.sessionId === loaded.stage.sessionId)]
  ).sort((a, b) => (a.stage.start < b.stage.start ? -1 : a.stage.start > b.stage.start ? 1 : 0));
  const ids = new Set(stages.map((s) => s.stage.id));
  const visits = ctx
    .table(VISITS)
    .readColumn('stageId')
    .filter((v) => ids.has(str(v))).length;
  const absences = ctx.table(ABSENCES).readRowsWhere('stageId', (id) => ids.has(id));
  return { scope, stages, absences, visits };
}

function who(g: Gathered): { student: string; session: string } {
  const first = g.stages[0]!;
  return { student: str(first.rec.student), session: str(first.rec.session) };
}

export function previewDeletion(ctx: Context, input: DeletionInput): DeletionPreview {
  const g = gather(ctx, input);
  const today = ctx.today();
  return {
    scope: g.scope,
    ...who(g),
    stages: g.stages.map((s) => stageView(s.row, s.rec, today, s.stage)),
    absences: g.absences.length,
    visits: g.visits,
    blocked: deletionBlocker(g.scope, g.visits),
  };
}

/** A stage row as the journal keeps it: every cell the add-on writes (no formula's result). */
function kept(rec: Rec<StageKey>): Partial<Rec<StageKey>> {
  const keys = STAGES.columns.filter((c) => c.kind !== 'computed').map((c) => c.key);
  return pick(rec, keys);
}

export function deleteStages(ctx: Context, input: DeletionConfirmInput): DeletionResult {
  return ctx.withLock(() => {
    const g = gather(ctx, input);
    const shown = Array.isArray(input?.expected)
      ? input.expected.map((e) => ({ id: text(e?.id), fingerprint: text(e?.fingerprint) }))
      : [];
    const now = g.stages.map((s) => ({ id: s.stage.id, fingerprint: rowFingerprint(s.rec) }));
    const confirmed = checkConfirmed(now, shown);
    if (!confirmed.ok) throw new UserError(confirmed.error, undefined, true);
    const blocked = deletionBlocker(g.scope, g.visits);
    if (blocked) throw new UserError(blocked);
    // The absences first, then the stages: each row comes back where it was if the journal
    // line cannot be written.
    deleteRowsUndoable(
      ctx,
      ctx.table(ABSENCES),
      g.absences.map((a) => a.row),
    );
    deleteRowsUndoable(
      ctx,
      ctx.table(STAGES),
      g.stages.map((s) => s.row),
    );
    const { student, session } = who(g);
    ctx.journal({
      action: g.scope === 'stage' ? 'Supprimer le stage' : 'Retirer l’élève de la session',
      target: g.stages.map((s) => s.stage.id).join(', '),
      before: {
        'Stages supprimés': g.stages.map((s) => kept(s.rec)),
        ...(g.absences.length > 0
          ? { 'Absences supprimées': g.absences.map((a) => a.values) }
          : {}),
      },
      after: null,
    });
    return {
      scope: g.scope,
      student,
      session,
      stages: g.stages.map((s) => ({ id: s.stage.id, start: s.stage.start, end: s.stage.end })),
      absences: g.absences.length,
    };
  });
}
