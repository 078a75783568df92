/**
 * The conventions' dashboard of a session: how many generated, sent, signed, complete, as the
 * sidebar's small table and bar; with `print`, drawn on the sheet « Tableau de bord » to print.
 */
import type { DashboardView } from '../../api/contract';
import { DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import { dashboardCounts, dashboardGrid } from '../../domain/documents/reminders';
import { isLiveStatus } from '../../domain/documents/signatures';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { paintGrid } from '../../gas/paint';
import { str } from '../../sheets/records';
import { DOCUMENTS, STAGES } from '../../sheets/schema';
import { references } from '../references';

export const DASHBOARD_SHEET = 'Tableau de bord';

export function documentsDashboard(
  ctx: Context,
  input: { sessionId: string; print: boolean },
): DashboardView {
  const sessionId = typed(input?.sessionId);
  const session = references(ctx).sessions.find((s) => s.id === sessionId);
  if (!session) throw new UserError('Choisissez une session.', 'sessionId');
  const stageIds = new Set(
    ctx
      .table(STAGES)
      .readColumns(['id', 'sessionId'] as const)
      .filter((r) => str(r.values.sessionId) === sessionId && str(r.values.id) !== '')
      .map((r) => str(r.values.id)),
  );
  const label = DOCUMENT_KIND_LABELS.convention;
  // The live convention of each stage (the last one registered).
  const byStage = new Map<string, string>();
  for (const { values: d } of ctx
    .table(DOCUMENTS)
    .readColumns(['stageId', 'kind', 'status'] as const)) {
    const status = str(d.status) || 'Générée';
    if (str(d.kind) === label && stageIds.has(str(d.stageId)) && isLiveStatus(status))
      byStage.set(str(d.stageId), status);
  }
  const counts = dashboardCounts([...byStage.values()], stageIds.size);
  const view: DashboardView = {
    sessionId,
    session: session.title,
    stages: stageIds.size,
    counts,
    sheetUrl: '',
  };
  if (input?.print === true) {
    ctx.noteViewWrite();
    // A sheet to print, not to work in: after the school's sheets, not among them.
    paintGrid(
      ctx,
      DASHBOARD_SHEET,
      dashboardGrid(session.title, stageIds.size, counts, ctx.today()),
      {
        atEnd: true,
      },
    );
    view.sheetUrl = DASHBOARD_SHEET;
  }
  return view;
}
