/**
 * "Calendrier du stage": the school year of one stage drawn on the Calendrier sheet, with its
 * sibling stages, absences and holidays.
 */
import { buildStageCalendar } from '../../domain/calendar';
import { formatFr } from '../../domain/dates';
import { UserError } from '../../domain/errors';
import { schoolHolidayDays } from '../../domain/holidays/schoolHolidays';
import { schoolYearBounds, schoolYearOf } from '../../domain/sessions';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { paintGrid } from '../../gas/paint';
import { str } from '../../sheets/records';
import { absencesByStage } from '../presenceColumns';
import { references } from '../references';
import { loadStage, stagesOfStudent } from '../stageStore';
import { holidayCoverageNotes, publicHolidayMap, readHolidaySheet, selectedStage } from './shared';

const CALENDAR_SHEET = 'Calendrier';

export function renderCalendar(ctx: Context, input: { stageId: string }): { sheetName: string } {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const loaded = loadStage(ctx, typed(input?.stageId));
    const session = refs.sessions.find((s) => s.id === loaded.stage.sessionId);
    if (!session)
      throw new UserError('La session de ce stage est introuvable dans la feuille Sessions.');
    const siblings = stagesOfStudent(ctx, loaded.stage.studentId, loaded.stage.id)
      .map((l) => l.stage)
      .filter((s) => s.sessionId === session.id);
    const stages = [loaded.stage, ...siblings.sort((a, b) => (a.start < b.start ? -1 : 1))];
    const schoolYear = session.schoolYear || schoolYearOf(loaded.stage.start);
    const bounds = schoolYearBounds(schoolYear);
    const absences = absencesByStage(ctx);
    const holidays = readHolidaySheet(ctx);
    const zone = ctx.settings().zone;
    const grid = buildStageCalendar({
      schoolYear,
      stages,
      session: { periods: session.periods },
      absences: stages.flatMap((s) => absences.get(s.id) ?? []),
      publicHolidays: publicHolidayMap(ctx, bounds.start, bounds.end),
      schoolHolidays: schoolHolidayDays(holidays, zone),
      notes: holidayCoverageNotes(holidays, zone, bounds),
      title: [
        `${str(loaded.rec.student)} — ${str(loaded.rec.className)}`,
        `${session.title} (${schoolYear}) — stage du ${formatFr(loaded.stage.start)} au ${formatFr(loaded.stage.end)}` +
          (loaded.stage.stoppedOn
            ? ` — Stage arrêté le ${formatFr(loaded.stage.stoppedOn)} : ${loaded.stage.stopReason}`
            : ''),
      ],
    });
    // A picture, not data: a failure leaves it half drawn, and says so (gas/run.ts).
    ctx.noteViewWrite();
    paintGrid(ctx, CALENDAR_SHEET, grid);
    return { sheetName: CALENDAR_SHEET };
  });
}

/** "Calendrier du stage" (menu): the calendar of the stage under the cursor. */
export function renderCalendarOfSelection(ctx: Context): { sheetName: string } {
  return renderCalendar(ctx, { stageId: selectedStage(ctx).id });
}
