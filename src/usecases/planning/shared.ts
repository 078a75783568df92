/** What the planning actions share: the holidays they paint, the stage under the cursor. */
import type { HolidayCoverageView, StageView } from '../../api/contract';
import { hasIsoForm } from '../../domain/dates';
import { UserError } from '../../domain/errors';
import type { CalendarNote } from '../../domain/calendar';
import {
  coverageNote,
  coveredSchoolYears,
  uncoveredSchoolYears,
  uncoveredWarning,
} from '../../domain/holidays/coverage';
import { publicHolidaysBetween } from '../../domain/holidays/publicHolidays';
import { parseSchoolHolidayZone, type SchoolHoliday } from '../../domain/holidays/schoolHolidays';
import type { IsoDate, Period, Zone } from '../../domain/types';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { HOLIDAYS } from '../../sheets/schema';
import { currentSelection } from '../selection';

/** The Vacances sheet's periods (rows without a known zone or dates left out). */
export function readHolidaySheet(ctx: Context): SchoolHoliday[] {
  const out: SchoolHoliday[] = [];
  for (const { values: r } of ctx.table(HOLIDAYS).readAll()) {
    const zone = parseSchoolHolidayZone(str(r.zone));
    const start = str(r.start);
    const end = str(r.end);
    if (!zone || !hasIsoForm(start) || !hasIsoForm(end)) continue;
    out.push({ zone, name: str(r.name), start, end });
  }
  return out;
}

/**
 * The notes a planning sheet ends with: which school years' holidays are known for the zone,
 * and a warning when the days drawn fall in a year whose holidays are not.
 */
export function holidayCoverageNotes(
  list: readonly SchoolHoliday[],
  zone: Zone,
  drawn: Period,
): CalendarNote[] {
  const covered = coveredSchoolYears(list, zone);
  const missing = uncoveredSchoolYears(covered, drawn.start, drawn.end);
  const notes: CalendarNote[] = [];
  if (missing.length > 0) notes.push({ text: uncoveredWarning(zone, missing), warning: true });
  notes.push({ text: coverageNote(zone, covered) });
  return notes;
}

/** Which school years' holidays the Vacances sheet holds, for every zone and the school's. */
export function holidayCoverage(
  ctx: Context,
  list: readonly SchoolHoliday[] = readHolidaySheet(ctx),
): HolidayCoverageView {
  return {
    zone: ctx.settings().zone,
    byZone: {
      A: coveredSchoolYears(list, 'A'),
      B: coveredSchoolYears(list, 'B'),
      C: coveredSchoolYears(list, 'C'),
    },
  };
}

export function publicHolidayMap(
  ctx: Context,
  from: IsoDate,
  to: IsoDate,
): ReadonlyMap<IsoDate, string> {
  return publicHolidaysBetween(from, to, { alsaceMoselle: ctx.settings().alsaceMoselle });
}

/** The stage under the cursor, for a menu item that acts on it. */
export function selectedStage(ctx: Context): StageView {
  const stage = currentSelection(ctx).stage;
  if (!stage) throw new UserError('Sélectionnez d’abord une ligne de la feuille Stages.');
  return stage;
}
