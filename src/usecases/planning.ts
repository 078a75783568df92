/**
 * The Planning: absences per stage, the stage calendar sheet, the session overview, and the
 * school holidays imported from the Ministry's calendar.
 */
import type { AbsenceInput, AbsenceView, StageView } from '../api/contract';
import { buildSessionOverview, buildStageCalendar } from '../domain/calendar';
import { formatFr, parseUserDate } from '../domain/dates';
import { publicHolidaysBetween } from '../domain/holidays/publicHolidays';
import {
  mergeSchoolHolidays,
  parseOfficialCalendarCsv,
  parseOfficialCalendarIcs,
  parseSchoolHolidayZone,
  schoolHolidayDays,
  type SchoolHoliday,
} from '../domain/holidays/schoolHolidays';
import { schoolYearBounds, schoolYearOf } from '../domain/sessions';
import type { IsoDate } from '../domain/types';
import { UserError } from '../domain/errors';
import type { Context } from '../gas/context';
import { paintGrid } from '../gas/paint';
import { deleteRow } from '../gas/rows';
import { str } from '../sheets/records';
import { ABSENCES, HOLIDAYS, STAGES } from '../sheets/schema';
import { absencesByStage, forgetAbsences, noteAbsence, presenceColumns } from './presenceColumns';
import { references } from './references';
import { currentSelection } from './selection';
import { type LoadedStage, loadStage, parsers, stagesOfStudent, unwrap } from './stageStore';
import { stageFromRecord } from '../sheets/records';

export const CALENDAR_SHEET = 'Calendrier';
export const OVERVIEW_SHEET = "Vue d'ensemble";

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function listAbsences(ctx: Context, stageId: string): AbsenceView[] {
  return ctx
    .table(ABSENCES)
    .readAll()
    .filter((r) => str(r.values.stageId) === String(stageId ?? '') && str(r.values.id) !== '')
    .map(({ values: r }) => ({
      id: str(r.id),
      stageId: str(r.stageId),
      start: str(r.start),
      end: str(r.end),
      halfDay: r.halfDay === true,
      reason: str(r.reason),
      justified: r.justified === true,
      countsAsPresence: r.countsAsPresence === true,
    }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Rewrites the stage's presence after its absences changed. */
/** Rewrites the stage's presence after its absences changed (the stage as already read). */
function refreshPresence(ctx: Context, loaded: LoadedStage): void {
  const cols = presenceColumns(ctx, loaded.stage);
  if (cols.presence !== loaded.rec.presence) ctx.table(STAGES).writeRow(loaded.row, cols);
}

export function addAbsence(ctx: Context, input: AbsenceInput): AbsenceView {
  const start = unwrap(withField(parseUserDate(text(input.start), 'début de l’absence'), 'start'));
  const endText = text(input.end).trim() === '' ? text(input.start) : text(input.end);
  const end = unwrap(withField(parseUserDate(endText, 'fin de l’absence'), 'end'));
  if (end < start) throw new UserError("La fin de l'absence est avant son début.", 'end');
  const halfDay = input.halfDay === true;
  if (halfDay && start !== end)
    throw new UserError('Une demi-journée d’absence tient sur un seul jour.', 'halfDay');
  const reason = text(input.reason).trim();
  if (reason.length > 500)
    throw new UserError('Le motif est trop long (500 caractères au plus).', 'reason');
  return ctx.withLock(() => {
    const loaded = loadStage(ctx, text(input.stageId));
    const s = loaded.stage;
    const last = s.stoppedOn || s.end;
    if (start < s.start || end > last) {
      throw new UserError(
        `L'absence doit être comprise dans le stage, du ${formatFr(s.start)} au ${formatFr(last)}.`,
        start < s.start ? 'start' : 'end',
      );
    }
    const clash = (absencesByStage(ctx).get(s.id) ?? []).find(
      (a) => a.start <= end && start <= a.end,
    );
    if (clash) {
      throw new UserError(
        `Une absence est déjà saisie du ${formatFr(clash.start)} au ${formatFr(clash.end)}.`,
        'start',
      );
    }
    const view: AbsenceView = {
      id: ctx.newId('ABS'),
      stageId: s.id,
      start,
      end,
      halfDay,
      reason,
      justified: input.justified === true,
      countsAsPresence: input.countsAsPresence === true,
    };
    const row = ctx.table(ABSENCES).appendRows([{ ...view, student: str(loaded.rec.student) }]);
    // The absences were read above for the overlap check: add this one rather than read again.
    noteAbsence(ctx, { ...view, row });
    refreshPresence(ctx, loaded);
    ctx.journal({ action: 'Ajouter une absence', target: s.id, before: null, after: view });
    return view;
  });
}

export function removeAbsence(ctx: Context, input: { absenceId: string }): null {
  return ctx.withLock(() => {
    const t = ctx.table(ABSENCES);
    const row = t.findRow(text(input?.absenceId));
    if (row === 0)
      throw new UserError(
        'Cette absence est introuvable : elle a peut-être déjà été supprimée.',
        undefined,
        true,
      );
    const before = t.readRow(row);
    deleteRow(t, row);
    forgetAbsences(ctx);
    refreshPresence(ctx, loadStage(ctx, str(before.stageId)));
    ctx.journal({
      action: 'Supprimer une absence',
      target: str(before.stageId),
      before,
      after: null,
    });
    return null;
  });
}

function withField<T>(
  r: { ok: true; value: T } | { ok: false; error: string; field?: string },
  field: string,
) {
  return r.ok ? r : { ok: false as const, error: r.error, field };
}

/** School holidays of the school's zone (and its own closure days), from the Vacances sheet. */
function schoolHolidayMap(ctx: Context): ReadonlyMap<IsoDate, string> {
  const list = readHolidaySheet(ctx);
  return schoolHolidayDays(list, ctx.settings().zone);
}

function readHolidaySheet(ctx: Context): SchoolHoliday[] {
  const out: SchoolHoliday[] = [];
  for (const { values: r } of ctx.table(HOLIDAYS).readAll()) {
    const zone = parseSchoolHolidayZone(str(r.zone));
    const start = str(r.start);
    const end = str(r.end);
    if (!zone || !/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) continue;
    out.push({ zone, name: str(r.name), start, end });
  }
  return out;
}

function publicHolidayMap(ctx: Context, from: IsoDate, to: IsoDate): ReadonlyMap<IsoDate, string> {
  return publicHolidaysBetween(from, to, { alsaceMoselle: ctx.settings().alsaceMoselle });
}

export function renderCalendar(ctx: Context, input: { stageId: string }): { sheetName: string } {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const loaded = loadStage(ctx, text(input?.stageId));
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
    const grid = buildStageCalendar({
      schoolYear,
      stages,
      session: { periods: session.periods },
      absences: stages.flatMap((s) => absences.get(s.id) ?? []),
      publicHolidays: publicHolidayMap(ctx, bounds.start, bounds.end),
      schoolHolidays: schoolHolidayMap(ctx),
      title: [
        `${str(loaded.rec.student)} — ${str(loaded.rec.className)}`,
        `${session.title} (${schoolYear}) — stage du ${formatFr(loaded.stage.start)} au ${formatFr(loaded.stage.end)}` +
          (loaded.stage.stoppedOn
            ? ` — Stage arrêté le ${formatFr(loaded.stage.stoppedOn)} : ${loaded.stage.stopReason}`
            : ''),
      ],
    });
    paintGrid(ctx, CALENDAR_SHEET, grid);
    return { sheetName: CALENDAR_SHEET };
  });
}

export function renderOverview(ctx: Context, input: { sessionId: string }): { sheetName: string } {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const session = refs.sessions.find((s) => s.id === text(input?.sessionId));
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
      schoolHolidays: schoolHolidayMap(ctx),
    });
    paintGrid(ctx, OVERVIEW_SHEET, grid);
    return { sheetName: OVERVIEW_SHEET };
  });
}

/** The Ministry's "fr-en-calendrier-scolaire" export (CSV or ICS) added to the Vacances sheet. */
export function importSchoolHolidays(ctx: Context, input: { text: string }): { added: number } {
  const raw = text(input?.text);
  if (raw.trim() === '')
    throw new UserError('Collez le contenu du fichier CSV ou ICS du calendrier scolaire.', 'text');
  const parsed = /BEGIN:VCALENDAR/i.test(raw)
    ? parseOfficialCalendarIcs(raw, ctx.settings().zone)
    : parseOfficialCalendarCsv(raw);
  const list = unwrap(parsed);
  return ctx.withLock(() => {
    const existing = readHolidaySheet(ctx);
    const fresh = mergeSchoolHolidays(existing, list).added;
    if (fresh.length > 0) {
      ctx.table(HOLIDAYS).appendRows(
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
    return { added: fresh.length };
  });
}

/** The stage under the cursor, for a menu item that acts on it. */
function selectedStage(ctx: Context): StageView {
  const stage = currentSelection(ctx).stage;
  if (!stage) throw new UserError('Sélectionnez d’abord une ligne de la feuille Stages.');
  return stage;
}

/** "Calendrier du stage" (menu): the calendar of the stage under the cursor. */
export function renderCalendarOfSelection(ctx: Context): { sheetName: string } {
  return renderCalendar(ctx, { stageId: selectedStage(ctx).id });
}

/** "Vue d'ensemble de la session" (menu): the overview of that stage's session. */
export function renderOverviewOfSelection(ctx: Context): { sheetName: string } {
  return renderOverview(ctx, { sessionId: selectedStage(ctx).sessionId });
}
