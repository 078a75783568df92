/**
 * The school years whose holidays are known, on the real bundle: the shipped list stops at
 * 2025-2026, so a 2026-2027 stage's calendar would silently show no holiday. The calendar says
 * which years are known and warns in red for a year that is not, pointing to the import; once
 * that year is imported the warning goes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  FilterResult,
  HolidayCoverageView,
  SessionView,
} from '../../src/api/contract';
import { PLANNING_COLORS, PLANNING_FONT_COLORS } from '../../src/domain/calendar/grid';
import { EMPTY_FILTER } from '../../src/domain/stages/filter';
import { type Harness, seededWorkbook } from './harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const KNOWN = 'Vacances scolaires connues pour la zone B : 2015-2016 à 2025-2026.';
const WARNING =
  "Vacances scolaires de la zone B inconnues pour 2026-2027 : le calendrier n'en montre aucune. " +
  'Importez le calendrier officiel du ministère (Paramètres › Vacances scolaires).';

/** The calendar's lines after the legend (its notes). */
function notes(h: Harness): string[] {
  const grid = h.display('Calendrier');
  const legendEnd = grid.findIndex((r) => r.includes('Week-end'));
  return grid.slice(legendEnd + 1).map((r) => r[0]!);
}

function cellLook(h: Harness, text: string) {
  const grid = h.display('Calendrier');
  const row = grid.findIndex((r) => r[0] === text);
  const r = h.em.globals.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName('Calendrier')!
    .getRange(row + 1, 1);
  return { font: r.getFontColor(), weight: r.getFontWeight() };
}

/** Tuesday 20 October 2026 on the calendar. */
function oct20(h: Harness) {
  const grid = h.display('Calendrier');
  const col = grid[2]!.indexOf('Oct. 26');
  const row = grid.findIndex((line) => line[col]!.startsWith('Ma. 20'));
  return h.em.globals.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName('Calendrier')!
    .getRange(row + 1, col + 1);
}

describe('school years covered by the holidays', () => {
  let h: Harness;
  let later: string;
  let laterSession: string;
  beforeAll(() => {
    h = seededWorkbook();
    const session = ok(
      h.call<ApiResult<SessionView>>('apiSaveSession', {
        id: '',
        title: 'BTS 2 info 2026',
        type: 'Stage en entreprise',
        schoolYear: '2026-2027',
        diploma: 'BTS Informatique',
        editionLabel: '',
        objectives: '',
        periods: [{ start: '02/11/2026', end: '27/11/2026' }],
      }),
    );
    ok(
      h.call('apiAssignStudents', {
        sessionId: session.id,
        studentIds: [h.ids.students['ACAR Laurie']!],
      }),
    );
    const list = ok(
      h.call<ApiResult<FilterResult>>('apiFilterStages', {
        ...EMPTY_FILTER,
        sessionId: session.id,
      }),
    );
    later = list.stages[0]!.id;
    laterSession = session.id;
  });

  it('are told by zone, the school’s zone first', () => {
    const c = h.call<HolidayCoverageView>('apiGetHolidayCoverage');
    expect(c.zone).toBe('B');
    for (const zone of ['A', 'B', 'C'] as const) {
      expect(c.byZone[zone][0]).toBe('2015-2016');
      expect(c.byZone[zone].at(-1)).toBe('2025-2026');
    }
  });

  it('a calendar of a covered year says which years are known, and warns of nothing', () => {
    ok(h.call('apiRenderCalendar', { stageId: h.ids.stages['ACAR Laurie']! }));
    expect(notes(h)).toEqual([KNOWN]);
    expect(cellLook(h, KNOWN)).toEqual({ font: PLANNING_FONT_COLORS.text, weight: 'normal' });
  });

  it('a calendar of 2026-2027 warns in red that its holidays are unknown', () => {
    ok(h.call('apiRenderCalendar', { stageId: later }));
    expect(oct20(h).getBackground()).toBe(PLANNING_COLORS.empty);
    expect(h.display('Calendrier')[2]![0]).toBe('Sep. 26');
    expect(notes(h)).toEqual([WARNING, KNOWN]);
    expect(cellLook(h, WARNING)).toEqual({ font: PLANNING_FONT_COLORS.warning, weight: 'bold' });
  });

  it('the session overview warns too, and says the years known', () => {
    ok(h.call('apiRenderOverview', { sessionId: laterSession }));
    const grid = h.display("Vue d'ensemble");
    expect(grid.slice(-2).map((r) => r[0])).toEqual([WARNING, KNOWN]);
  });

  it('after the import of that year, the warning goes and its holidays are drawn', () => {
    // A made-up test file in the official export's format: not the Ministry's dates.
    const csv = [
      'Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire',
      'Vacances de test;-;2026-10-16T22:00:00+00:00;2026-11-01T23:00:00+00:00;Lille;Zone B;2026-2027',
    ].join('\n');
    const r = h.call<ApiResult<{ added: number; coverage?: HolidayCoverageView }>>(
      'apiImportSchoolHolidays',
      { text: csv },
    );
    expect(r.ok && r.message).toBe(
      '1 période de vacances ajoutée. Vacances scolaires connues pour la zone B : 2015-2016 à 2026-2027.',
    );
    expect(ok(r).coverage!.byZone.B.at(-1)).toBe('2026-2027');
    expect(ok(r).coverage!.byZone.A.at(-1)).toBe('2025-2026');
    ok(h.call('apiRenderCalendar', { stageId: later }));
    expect(notes(h)).toEqual([
      'Vacances scolaires connues pour la zone B : 2015-2016 à 2026-2027.',
    ]);
    const cell = oct20(h);
    expect(cell.getBackground()).toBe(PLANNING_COLORS.schoolHoliday);
  });

  it('in another zone, that zone’s years are the ones told', () => {
    const settings = h.call<{ zone: string }>('apiGetSettings');
    ok(h.call('apiSaveSettings', { ...settings, zone: 'A' }));
    ok(h.call('apiRenderCalendar', { stageId: later }));
    expect(notes(h)[0]).toBe(WARNING.replace('zone B', 'zone A'));
    expect(h.call<HolidayCoverageView>('apiGetHolidayCoverage').zone).toBe('A');
  });
});
