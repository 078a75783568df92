/**
 * "Vue d'ensemble de la session": every stage of a session, one row each, day by day over the
 * session's periods, on the Vue d'ensemble sheet.
 */
import { buildSessionOverview } from '../../domain/calendar';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { paintGrid } from '../../gas/paint';
import { stageFromRecord, str } from '../../sheets/records';
import { STAGES } from '../../sheets/schema';
import { absencesByStage } from '../presenceColumns';
import { references } from '../references';
import { parsers } from '../stageStore';
import { schoolHolidayDays } from '../../domain/holidays/schoolHolidays';
import { holidayCoverageNotes, publicHolidayMap, readHolidaySheet, selectedStage } from './shared';

const OVERVIEW_SHEET = "Vue d'ensemble";

export function renderOverview(ctx: Context, input: { sessionId: string }): { sheetName: string } {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const session = refs.sessions.find((s) => s.id === typed(input?.sessionId));
    if (!session) throw new UserError('Choisissez une session enregistrée.', 'sessionId');
    if (session.periods.length === 0) throw new UserError("Cette session n'a aucune période.");
    const rows = ctx
      .table(STAGES)
      .readAll()
      .filter((r) => str(r.values.sessionId) === session.id)
      .map((r) => ({ rec: r.values, stage: stageFromRecord(r.values, parsers) }))
      .sort(
        (a, b) =>
          str(a.rec.student).localeCompare(str(b.rec.student), 'fr') ||
          (a.stage.start < b.stage.start ? -1 : 1),
      );
    const absences = absencesByStage(ctx);
    const holidays = readHolidaySheet(ctx);
    const zone = ctx.settings().zone;
    const first = session.periods.map((p) => p.start).sort()[0]!;
    const last = session.periods
      .map((p) => p.end)
      .sort()
      .reverse()[0]!;
    const grid = buildSessionOverview({
      session: { title: session.title, periods: session.periods },
      rows: rows.map(({ rec, stage }) => ({
        label: `${str(rec.student)} — ${str(rec.company) || 'sans entreprise'}`,
        stages: [stage],
        absences: absences.get(stage.id) ?? [],
      })),
      publicHolidays: publicHolidayMap(ctx, first, last),
      schoolHolidays: schoolHolidayDays(holidays, zone),
      notes: holidayCoverageNotes(holidays, zone, { start: first, end: last }),
    });
    // A picture, not data: a failure leaves it half drawn, and says so (gas/run.ts).
    ctx.noteViewWrite();
    paintGrid(ctx, OVERVIEW_SHEET, grid);
    return { sheetName: OVERVIEW_SHEET };
  });
}

/** "Vue d'ensemble de la session" (menu): the overview of that stage's session. */
export function renderOverviewOfSelection(ctx: Context): { sheetName: string } {
  return renderOverview(ctx, { sessionId: selectedStage(ctx).sessionId });
}
