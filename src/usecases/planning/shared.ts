/** What the planning actions share: the holidays they paint, the stage under the cursor. */
import type { StageView } from '../../api/contract';
import { hasIsoForm } from '../../domain/dates';
import { UserError } from '../../domain/errors';
import { publicHolidaysBetween } from '../../domain/holidays/publicHolidays';
import {
  parseSchoolHolidayZone,
  schoolHolidayDays,
  type SchoolHoliday,
} from '../../domain/holidays/schoolHolidays';
import type { IsoDate } from '../../domain/types';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { HOLIDAYS } from '../../sheets/schema';
import { currentSelection } from '../selection';

/** School holidays of the school's zone (and its own closure days), from the Vacances sheet. */
export function schoolHolidayMap(ctx: Context): ReadonlyMap<IsoDate, string> {
  const list = readHolidaySheet(ctx);
  return schoolHolidayDays(list, ctx.settings().zone);
}

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
