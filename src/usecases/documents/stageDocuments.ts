/**
 * The fiche's « Documents » tab: every document of a stage, its life and its next step; for a
 * stage without a convention, the blank conventions it can take (« Rattacher une convention
 * vierge », the rule of domain/documents/regularisation.ts).
 */
import type { RegisterDocumentView, StageDocumentsView } from '../../api/contract';
import { DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import {
  blankRefusal,
  isLiveConvention,
  stageRefusal,
} from '../../domain/documents/regularisation';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { DOCUMENTS, STAGES } from '../../sheets/schema';
import { documentView, registerFacts, stageStatusLine } from './life';

/** Consecutive runs of row numbers (ascending), each read in one call. */
function runsOf(rows: readonly number[]): { first: number; count: number }[] {
  const runs: { first: number; count: number }[] = [];
  for (const r of rows) {
    const last = runs.at(-1);
    if (last && last.first + last.count === r) last.count += 1;
    else runs.push({ first: r, count: 1 });
  }
  return runs;
}

export function stageDocuments(
  ctx: Context,
  stageId: unknown,
  stageRow?: unknown,
): StageDocumentsView {
  const id = typed(stageId);
  if (!id) throw new UserError('Sélectionnez une ligne de la feuille Stages.');
  const table = ctx.table(DOCUMENTS);
  const stageIds = table.readColumn('stageId').map((v) => str(v));
  const own: number[] = [];
  stageIds.forEach((v, i) => {
    if (v === id) own.push(i + 2);
  });
  const rows = [];
  if (own.length > 0) {
    const lo = own[0]!;
    const block = table.readRows(lo, own.at(-1)! - lo + 1);
    for (const row of own) rows.push({ row, values: block[row - lo]! });
  }
  const documents = rows.map((r) => documentView(r.row, r.values));
  return {
    stageId: id,
    documents,
    stageStatus: stageStatusLine(
      rows.map((r) => ({ kind: str(r.values.kind), status: str(r.values.status) })),
    ),
    blanks: rows.some((r) => isLiveConvention(registerFacts(r.values)))
      ? []
      : blanksFor(ctx, id, stageRow, stageIds),
  };
}

/**
 * The blank conventions this stage can take. A stage with its convention reads nothing more;
 * else the « Type » column, and only when blanks wait: their rows (few, one read per run) and
 * the stage's row (one read with the sidebar's row, else the ID column too).
 */
function blanksFor(
  ctx: Context,
  id: string,
  stageRow: unknown,
  stageIds: readonly string[],
): RegisterDocumentView[] {
  const table = ctx.table(DOCUMENTS);
  const waiting: number[] = [];
  table.readColumn('kind').forEach((k, i) => {
    if (str(k) === DOCUMENT_KIND_LABELS.vierge && (stageIds[i] ?? '') === '') waiting.push(i + 2);
  });
  if (waiting.length === 0) return [];
  const blanks = runsOf(waiting).flatMap(({ first, count }) =>
    table.readRows(first, count).map((values, i) => ({ row: first + i, values })),
  );
  const live = blanks.filter((b) => blankRefusal(registerFacts(b.values)) === '');
  if (live.length === 0) return [];
  const stages = ctx.table(STAGES);
  const hinted = Number(stageRow);
  let rec = Number.isInteger(hinted) && hinted >= 2 ? stages.readRow(hinted) : null;
  if (!rec || str(rec.id) !== id) {
    const row = stages.findRow(id);
    if (row === 0) return [];
    rec = stages.readRow(row);
  }
  const stage = {
    sessionId: str(rec.sessionId),
    convention: str(rec.convention),
    hasLiveConvention: false,
  };
  return live
    .filter(
      (b) =>
        stageRefusal(
          { sessionId: str(b.values.sessionId), session: str(b.values.session) },
          stage,
        ) === '',
    )
    .map((b) => documentView(b.row, b.values));
}
