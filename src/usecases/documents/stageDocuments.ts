/** The fiche's « Documents » tab: every document of a stage, its life and its next step. */
import type { StageDocumentsView } from '../../api/contract';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { DOCUMENTS } from '../../sheets/schema';
import { documentView, stageStatusLine } from './life';

export function stageDocuments(ctx: Context, stageId: unknown): StageDocumentsView {
  const id = typed(stageId);
  if (!id) throw new UserError('Sélectionnez une ligne de la feuille Stages.');
  const rows = ctx.table(DOCUMENTS).readRowsWhere('stageId', (v) => v === id);
  const documents = rows.map((r) => documentView(r.row, r.values));
  return {
    stageId: id,
    documents,
    stageStatus: stageStatusLine(
      rows.map((r) => ({ kind: str(r.values.kind), status: str(r.values.status) })),
    ),
  };
}
