/** "Importer les vacances scolaires": the Ministry's calendar added to the Vacances sheet. */
import {
  mergeSchoolHolidays,
  parseOfficialCalendarCsv,
  parseOfficialCalendarIcs,
} from '../../domain/holidays/schoolHolidays';
import { UserError } from '../../domain/errors';
import { schoolYearOf } from '../../domain/sessions';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { HOLIDAYS } from '../../sheets/schema';
import { unwrap } from '../stageStore';
import type { HolidayCoverageView } from '../../api/contract';
import { appendPlainUndoable } from '../undoable';
import { holidayCoverage, readHolidaySheet } from './shared';

/** The Ministry's "fr-en-calendrier-scolaire" export (CSV or ICS) added to the Vacances sheet. */
export function importSchoolHolidays(
  ctx: Context,
  input: { text: string },
): { added: number; coverage: HolidayCoverageView } {
  const raw = typed(input?.text);
  if (raw.trim() === '')
    throw new UserError('Collez le contenu du fichier CSV ou ICS du calendrier scolaire.', 'text');
  const parsed = /BEGIN:VCALENDAR/i.test(raw)
    ? parseOfficialCalendarIcs(raw, ctx.settings().zone)
    : parseOfficialCalendarCsv(raw);
  const list = unwrap(parsed);
  return ctx.withLock(() => {
    const existing = readHolidaySheet(ctx);
    const { merged, added: fresh } = mergeSchoolHolidays(existing, list);
    if (fresh.length > 0) {
      appendPlainUndoable(
        ctx,
        ctx.table(HOLIDAYS),
        fresh.map((h) => ({
          zone: h.zone,
          name: h.name,
          start: h.start,
          end: h.end,
          schoolYear: schoolYearOf(h.start),
        })),
      );
    }
    ctx.journal({
      action: 'Importer les vacances scolaires',
      target: '',
      before: null,
      after: { ajoutées: fresh.length },
    });
    // The years now known, for the sidebar to say so without asking again.
    return { added: fresh.length, coverage: holidayCoverage(ctx, merged) };
  });
}
