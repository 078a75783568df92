/**
 * The Planning on the real bundle: absences entered from the fiche and the "Présence" column they
 * change, the stage calendar sheet laid out and coloured as the seed's Planning tab (after the
 * seed's stop and new stage), the session overview, and the school holidays imported from the
 * Ministry's "fr-en-calendrier-scolaire" export.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  AbsenceInput,
  AbsenceView,
  ApiResult,
  SettingsView,
  StageSelection,
  StageView,
} from '../../src/api/contract';
import { PLANNING_COLORS, PLANNING_FONT_COLORS } from '../../src/domain/calendar/grid';
import { type Harness, seededWorkbook } from './harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function fiche(h: Harness, stageId: string): StageSelection {
  h.select(h.rowOf(stageId));
  return h.call<StageSelection>('apiGetSelection');
}

function sheetOf(h: Harness, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  return h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
}

const presenceOf = (h: Harness, stageId: string) =>
  h.stageRows().find((r) => r['ID'] === stageId)!['Présence'];

/**
 * ACAR Laurie, 01/02/2023 (a Wednesday) – 31/03/2023 (a Friday), 35 h a week = 7 h a day,
 * Monday to Friday, no public holiday in February or March 2023:
 *   February: 01/02–28/02 is exactly 4 weeks → 20 working days;
 *   March: 01/03–28/03 is 4 weeks → 20, plus Wed 29, Thu 30, Fri 31 → 23;
 *   43 days × 7 h = 301 h → 43 days = 1 month (22 days) + 21 days → "1 mois 21 jours".
 */
const FULL = '1 mois 21 jours';

// One scenario on one workbook: each test builds on the absences the previous ones entered.
describe('absences and the Présence column', () => {
  let h: Harness;
  let laurie: string;
  beforeAll(() => {
    h = seededWorkbook();
    laurie = h.ids.stages['ACAR Laurie']!;
  });

  const absence = (patch: Partial<AbsenceInput>): AbsenceInput => ({
    stageId: laurie,
    start: '',
    end: '',
    halfDay: false,
    reason: '',
    justified: false,
    countsAsPresence: false,
    ...patch,
  });

  it('starts from the full presence worked out by hand', () => {
    expect(presenceOf(h, laurie)).toBe(FULL);
    expect(h.call<AbsenceView[]>('apiListAbsences', laurie)).toEqual([]);
  });

  const absenceIds: string[] = [];

  it('a full day of absence removes 7 h: 42 days → "1 mois 20 jours"', () => {
    const journal = h.display('Journal').length;
    const a = ok(
      h.call<ApiResult<{ absence: AbsenceView }>>(
        'apiAddAbsence',
        absence({ start: '15/02/2023', end: '', reason: 'Malade', justified: true }),
      ),
    ).absence;
    absenceIds.push(a.id);
    expect(a).toMatchObject({ stageId: laurie, start: '2023-02-15', end: '2023-02-15' });
    // Justified or not, an absence is not presence.
    expect(presenceOf(h, laurie)).toBe('1 mois 20 jours');
    // Checkbox columns fill the sheet down: count the rows that have an ID.
    const rows = h.display('Absences').filter((r) => r[0] !== '');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 5)).toEqual([a.id, laurie, 'ACAR Laurie', '15/02/2023', '15/02/2023']);
    expect(h.display('Journal')).toHaveLength(journal + 1);
    expect(h.display('Journal').at(-1)![2]).toBe('Ajouter une absence');
  });

  it('a half day removes 3.5 h: 290.5 h = 41 days + 3.5 h → "1 mois 19 jours 3,5 heures"', () => {
    const a = ok(
      h.call<ApiResult<{ absence: AbsenceView }>>(
        'apiAddAbsence',
        absence({ start: '16/02/2023', end: '16/02/2023', halfDay: true }),
      ),
    ).absence;
    absenceIds.push(a.id);
    expect(presenceOf(h, laurie)).toBe('1 mois 19 jours 3,5 heures');
  });

  it('leave provided for in the convention counts as presence', () => {
    const a = ok(
      h.call<ApiResult<{ absence: AbsenceView }>>(
        'apiAddAbsence',
        absence({
          start: '20/03/2023',
          end: '21/03/2023',
          reason: 'Congé',
          countsAsPresence: true,
        }),
      ),
    ).absence;
    absenceIds.push(a.id);
    expect(presenceOf(h, laurie)).toBe('1 mois 19 jours 3,5 heures');
    expect(
      h.call<AbsenceView[]>('apiListAbsences', laurie).map((x) => [x.start, x.end, x.halfDay]),
    ).toEqual([
      ['2023-02-15', '2023-02-15', false],
      ['2023-02-16', '2023-02-16', true],
      ['2023-03-20', '2023-03-21', false],
    ]);
  });

  const bad: [string, Partial<AbsenceInput>, string, RegExp][] = [
    [
      'before the stage',
      { start: '31/01/2023', end: '01/02/2023' },
      'start',
      /01\/02\/2023 au 31\/03\/2023/,
    ],
    [
      'after the stage',
      { start: '31/03/2023', end: '03/04/2023' },
      'end',
      /comprise dans le stage/,
    ],
    [
      'a half day on two days',
      { start: '06/03/2023', end: '07/03/2023', halfDay: true },
      'halfDay',
      /seul jour/,
    ],
    [
      'overlapping another absence',
      { start: '14/02/2023', end: '15/02/2023' },
      'start',
      /déjà saisie du 15\/02\/2023/,
    ],
    [
      'ending before it starts',
      { start: '10/03/2023', end: '09/03/2023' },
      'end',
      /avant son début/,
    ],
    ['a date that is not one', { start: 'lundi' }, 'start', /n'est pas une date/],
  ];
  for (const [name, patch, field, message] of bad) {
    it(`refuses an absence ${name}, writing nothing`, () => {
      const absences = h.display('Absences');
      const stages = h.display('Stages');
      const journal = h.display('Journal').length;
      const r = h.call<ApiResult<{ absence: AbsenceView }>>('apiAddAbsence', absence(patch));
      expect(r).toMatchObject({ ok: false, field });
      if (!r.ok) expect(r.error).toMatch(message);
      expect(h.display('Absences')).toEqual(absences);
      expect(h.display('Stages')).toEqual(stages);
      expect(h.display('Journal')).toHaveLength(journal);
    });
  }

  it('removing an absence gives its hours back', () => {
    ok(h.call('apiRemoveAbsence', { absenceId: absenceIds[0] }));
    // 301 − 3.5 = 297.5 h = 42 days + 3.5 h.
    expect(presenceOf(h, laurie)).toBe('1 mois 20 jours 3,5 heures');
    ok(h.call('apiRemoveAbsence', { absenceId: absenceIds[1] }));
    expect(presenceOf(h, laurie)).toBe(FULL);
    expect(h.call<AbsenceView[]>('apiListAbsences', laurie).map((a) => a.id)).toEqual([
      absenceIds[2],
    ]);
    const again = h.call<ApiResult<null>>('apiRemoveAbsence', { absenceId: absenceIds[0] });
    expect(again).toMatchObject({ ok: false, conflict: true });
  });

  it('the fiche shows the same presence as the sheet', () => {
    expect(fiche(h, laurie).stage!.presence).toBe(FULL);
  });

  it('after a stop, the stage ends on the stop day: an absence after it is refused', () => {
    const s = fiche(h, laurie).stage!;
    ok(
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'x',
      }),
    );
    // 01/02–27/02: 19 working days (3 + 5 + 5 + 5 + Monday 27) = 133 h → "19 jours".
    expect(presenceOf(h, laurie)).toBe('19 jours');
    const r = h.call<ApiResult<{ absence: AbsenceView }>>(
      'apiAddAbsence',
      absence({ start: '01/03/2023' }),
    );
    expect(r).toMatchObject({ ok: false, field: 'end' });
    if (!r.ok) expect(r.error).toMatch(/27\/02\/2023/);
  });
});

/** The cell of a day in the Calendrier sheet, found by its month header and its text. */
function calendarCell(
  h: Harness,
  month: string,
  day: string,
): { row: number; col: number; text: string } {
  const grid = h.display('Calendrier');
  const headerRow = grid.findIndex((r) => r.includes(month));
  expect(headerRow, `month header ${month}`).toBeGreaterThanOrEqual(0);
  const col = grid[headerRow]!.indexOf(month);
  const row = grid.findIndex((r, i) => i > headerRow && r[col]!.startsWith(day));
  expect(row, `${day} in ${month}`).toBeGreaterThan(headerRow);
  return { row: row + 1, col: col + 1, text: grid[row]![col]! };
}

function look(h: Harness, sheet: string, cell: { row: number; col: number }) {
  const r = sheetOf(h, sheet).getRange(cell.row, cell.col);
  return { background: r.getBackground(), font: r.getFontColor() };
}

describe('the stage calendar ("Calendrier") after the seed’s stop and new stage', () => {
  let h: Harness;
  let first: StageView;
  let second: StageView;

  beforeAll(() => {
    h = seededWorkbook();
    const s = fiche(h, h.ids.stages['ACAR Laurie']!).stage!;
    first = ok(
      h.call<ApiResult<StageView>>('apiStopStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Deuxième entreprise prévue',
      }),
    );
    second = ok(
      h.call<ApiResult<StageView>>('apiNewStage', {
        fromStageId: s.id,
        start: '01/03/2023',
        end: '31/03/2023',
        companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN'],
        tutorId: '',
        referentId: '',
        weeklyHours: '',
      }),
    );
  });

  it('costs one values write and one backgrounds write', () => {
    h.em.log.reset();
    const r = h.call<ApiResult<{ sheetName: string }>>('apiRenderCalendar', { stageId: first.id });
    expect(ok(r)).toEqual({ sheetName: 'Calendrier' });
    expect(h.em.log.count('Range.setValues')).toBe(1);
    expect(h.em.log.count('Range.setBackgrounds')).toBe(1);
    expect(h.em.log.count('Range.setValue')).toBe(0);
    expect(h.em.log.count('Range.setBackground')).toBe(0);
  });

  it('is laid out as the seed’s Planning: a column per month, a row per day, week numbers', () => {
    ok(h.call('apiRenderCalendar', { stageId: first.id }));
    const grid = h.display('Calendrier');
    expect(grid[0]![0]).toBe('ACAR Laurie — BTS1');
    expect(grid[1]![0]).toMatch(/BTS 1 info période 1 \(2022-2023\)/);
    expect(grid[1]![0]).toMatch(/Stage arrêté le 27\/02\/2023 : Deuxième entreprise prévue/);
    expect(grid[2]).toEqual([
      'Sep. 22',
      'Oct. 22',
      'Nov. 22',
      'Déc. 22',
      'Jan. 23',
      'Fév. 23',
      'Mar. 23',
      'Avr. 23',
      'Mai 23',
      'Juin 23',
      'Juil. 23',
      'Août 23',
    ]);
    expect(calendarCell(h, 'Fév. 23', 'Lu. 27').text).toBe('Lu. 27  Sem 9');
    expect(calendarCell(h, 'Sep. 22', 'Je. 01').row).toBe(4);
    // February 2023 has 28 days: the rows below are empty.
    const feb = grid[2]!.indexOf('Fév. 23');
    expect([grid[31]![feb], grid[32]![feb], grid[33]![feb]]).toEqual(['', '', '']);
    const legend = grid.slice(34).flat();
    expect(legend).toEqual(
      expect.arrayContaining([
        'Période de la session',
        'Stage',
        "Autre stage de l'élève",
        "Jour d'arrêt du stage",
        'Jour férié',
        'Vacances scolaires',
        'Week-end',
      ]),
    );
    expect(sheetOf(h, 'Calendrier').getFrozenRows()).toBe(3);
  });

  it('27/02/2023 is the stop day: white on red', () => {
    ok(h.call('apiRenderCalendar', { stageId: first.id }));
    expect(look(h, 'Calendrier', calendarCell(h, 'Fév. 23', 'Lu. 27'))).toEqual({
      background: PLANNING_COLORS.stop,
      font: PLANNING_FONT_COLORS.onStop,
    });
    // The days before it are the stage's.
    expect(look(h, 'Calendrier', calendarCell(h, 'Fév. 23', 'Ve. 24')).background).toBe(
      PLANNING_COLORS.stage,
    );
    // 28/02 was planned before the stop and no longer is: the period's colour, red text.
    expect(look(h, 'Calendrier', calendarCell(h, 'Fév. 23', 'Ma. 28'))).toEqual({
      background: PLANNING_COLORS.period,
      font: PLANNING_FONT_COLORS.cancelled,
    });
  });

  it('01/03/2023 is the second stage: "other stage" on the first one’s calendar, "stage" on its own', () => {
    ok(h.call('apiRenderCalendar', { stageId: first.id }));
    expect(look(h, 'Calendrier', calendarCell(h, 'Mar. 23', 'Me. 01')).background).toBe(
      PLANNING_COLORS.otherStage,
    );
    ok(h.call('apiRenderCalendar', { stageId: second.id }));
    expect(h.display('Calendrier')[1]![0]).toMatch(/stage du 01\/03\/2023 au 31\/03\/2023/);
    expect(look(h, 'Calendrier', calendarCell(h, 'Mar. 23', 'Me. 01')).background).toBe(
      PLANNING_COLORS.stage,
    );
    expect(look(h, 'Calendrier', calendarCell(h, 'Fév. 23', 'Ve. 24')).background).toBe(
      PLANNING_COLORS.otherStage,
    );
    // The stop day stays marked on the sister stage's calendar.
    expect(look(h, 'Calendrier', calendarCell(h, 'Fév. 23', 'Lu. 27')).background).toBe(
      PLANNING_COLORS.stop,
    );
  });

  it('weekends are grey, inside a stage too', () => {
    ok(h.call('apiRenderCalendar', { stageId: first.id }));
    // Saturday 07/01/2023: no stage, no holiday.
    expect(look(h, 'Calendrier', calendarCell(h, 'Jan. 23', 'Sa. 07')).background).toBe(
      PLANNING_COLORS.weekend,
    );
    expect(look(h, 'Calendrier', calendarCell(h, 'Juin 23', 'Di. 04')).background).toBe(
      PLANNING_COLORS.weekend,
    );
    expect(look(h, 'Calendrier', calendarCell(h, 'Fév. 23', 'Sa. 04')).background).toBe(
      PLANNING_COLORS.weekend,
    );
  });

  it('public holidays read "Fé." in their colour: 01/05/2023 and 14/07/2023', () => {
    ok(h.call('apiRenderCalendar', { stageId: first.id }));
    const mayDay = calendarCell(h, 'Mai 23', 'Fé. 01');
    expect(mayDay.text).toBe('Fé. 01  Sem 18');
    expect(look(h, 'Calendrier', mayDay).background).toBe(PLANNING_COLORS.publicHoliday);
    const bastille = calendarCell(h, 'Juil. 23', 'Fé. 14');
    expect(look(h, 'Calendrier', bastille).background).toBe(PLANNING_COLORS.publicHoliday);
    // Easter Monday 2023 is 10 April.
    expect(calendarCell(h, 'Avr. 23', 'Fé. 10').text).toBe('Fé. 10  Sem 15');
  });

  it('re-rendering replaces the picture: one Calendrier sheet, the other stage’s title', () => {
    ok(h.call('apiRenderCalendar', { stageId: h.ids.stages['MOREL Chloé']! }));
    ok(h.call('apiRenderCalendar', { stageId: first.id }));
    ok(h.call('apiRenderCalendar', { stageId: h.ids.stages['MOREL Chloé']! }));
    const names = h.em.sheets.sheetNames().filter((n) => n.startsWith('Calendrier'));
    expect(names).toEqual(['Calendrier']);
    const grid = h.display('Calendrier');
    expect(grid[0]![0]).toBe('MOREL Chloé — BTS1');
    expect(grid[1]![0]).not.toMatch(/arrêté/);
    // MOREL Chloé has one stage and no stop: no trace of ACAR Laurie's stop or second stage.
    expect(look(h, 'Calendrier', calendarCell(h, 'Fév. 23', 'Lu. 27'))).toEqual({
      background: PLANNING_COLORS.stage,
      font: PLANNING_FONT_COLORS.text,
    });
    expect(grid.flat()).not.toContain("Autre stage de l'élève");
  });

  it('an unknown stage is a French message', () => {
    const r = h.call<ApiResult<unknown>>('apiRenderCalendar', { stageId: 'STG-NOPE' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/introuvable/);
  });
});

describe('school holidays on the calendar follow the school’s zone', () => {
  let h: Harness;
  let camille: string;
  beforeAll(() => {
    h = seededWorkbook();
    camille = h.ids.stages['ACNA Camille']!;
    // Stopped on Friday 03/02: the rest of February is no longer a stage day.
    const s = fiche(h, camille).stage!;
    ok(
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        stoppedOn: '03/02/2023',
        reason: 'Rupture',
      }),
    );
  });

  const zone = (z: 'A' | 'B' | 'C') => {
    const settings = h.call<SettingsView>('apiGetSettings');
    ok(h.call('apiSaveSettings', { ...settings, zone: z }));
    ok(h.call('apiRenderCalendar', { stageId: camille }));
  };
  const bg = (month: string, day: string) =>
    look(h, 'Calendrier', calendarCell(h, month, day)).background;

  // Winter holidays 2023: zone A 04/02–19/02, zone B 11/02–26/02, zone C 18/02–05/03.
  it('zone A: Monday 06/02 is a holiday, Monday 20/02 is not', () => {
    zone('A');
    expect(bg('Fév. 23', 'Lu. 06')).toBe(PLANNING_COLORS.schoolHoliday);
    expect(bg('Fév. 23', 'Lu. 20')).toBe(PLANNING_COLORS.period);
  });

  it('zone B: Monday 20/02 is a winter-holiday day, Monday 06/02 and 27/02 are not', () => {
    zone('B');
    expect(bg('Fév. 23', 'Lu. 20')).toBe(PLANNING_COLORS.schoolHoliday);
    expect(bg('Fév. 23', 'Lu. 13')).toBe(PLANNING_COLORS.schoolHoliday);
    expect(bg('Fév. 23', 'Lu. 06')).toBe(PLANNING_COLORS.period);
    expect(bg('Fév. 23', 'Lu. 27')).toBe(PLANNING_COLORS.period);
    // Toussaint is the same for every zone: 22/10/2022–06/11/2022 (a weekday in it).
    expect(bg('Oct. 22', 'Ma. 25')).toBe(PLANNING_COLORS.schoolHoliday);
  });

  it('zone C: Monday 27/02 is a holiday', () => {
    zone('C');
    expect(bg('Fév. 23', 'Lu. 27')).toBe(PLANNING_COLORS.schoolHoliday);
    expect(bg('Fév. 23', 'Lu. 13')).toBe(PLANNING_COLORS.period);
  });
});

describe('the session overview ("Vue d\'ensemble")', () => {
  let h: Harness;
  beforeAll(() => {
    h = seededWorkbook();
    const s = fiche(h, h.ids.stages['ACAR Laurie']!).stage!;
    ok(
      h.call('apiSplitStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        splitDate: '01/03/2023',
        firstPartEnd: '27/02/2023',
        mode: 'stop',
        reason: 'Deuxième entreprise',
        keepAssignment: false,
        companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN'],
        tutorId: '',
        referentId: '',
      }),
    );
    ok(
      h.call('apiAddAbsence', {
        stageId: h.ids.stages['ACNA Camille'],
        start: '06/02/2023',
        end: '06/02/2023',
        halfDay: false,
        reason: '',
        justified: false,
        countsAsPresence: false,
      }),
    );
  });

  it('one row per stage, one column per day of the session, in one values and one backgrounds write', () => {
    h.em.log.reset();
    const r = h.call<ApiResult<{ sheetName: string }>>('apiRenderOverview', {
      sessionId: h.ids.sessionId,
    });
    expect(ok(r)).toEqual({ sheetName: "Vue d'ensemble" });
    expect(h.em.log.count('Range.setValues')).toBe(1);
    expect(h.em.log.count('Range.setBackgrounds')).toBe(1);

    const grid = h.display("Vue d'ensemble");
    expect(grid[0]![0]).toBe('BTS 1 info période 1');
    expect(grid[1]![0]).toBe('Du 01/02/2023 au 31/03/2023');
    // 01/02 → 31/03/2023: 28 + 31 = 59 days, plus the label column.
    expect(grid[0]).toHaveLength(60);
    const month = grid[2]!;
    expect(month.indexOf('Fév. 23')).toBe(1);
    expect(month.indexOf('Mar. 23')).toBe(29);
    expect(grid[3]!.slice(1, 4)).toEqual(['01', '02', '03']);
    expect(grid[4]!.slice(1, 8)).toEqual(['M', 'J', 'V', 'S', 'D', 'L', 'M']);
    const labels = grid.slice(5, 16).map((row) => row[0]);
    expect(labels).toEqual([
      'ACAR Laurie — CREDIT AGRICOLE DU NORD CAMBRAI',
      'ACAR Laurie — BANQUE POPULAIRE DU NORD DENAIN',
      'ACNA Camille — BANQUE POPULAIRE DU NORD DENAIN',
      'BERNARD Hugo — sans entreprise',
      'COLIN Sarah — sans entreprise',
      'DUBOIS Mehdi — sans entreprise',
      'FABRE Inès — sans entreprise',
      'GARNIER Lucas — sans entreprise',
      'HENRY Manon — sans entreprise',
      'LEROY Yanis — sans entreprise',
      'MOREL Chloé — sans entreprise',
    ]);
  });

  it('the days carry the calendar’s colours: stop "X", absence "A", stage, weekend', () => {
    ok(h.call('apiRenderOverview', { sessionId: h.ids.sessionId }));
    const grid = h.display("Vue d'ensemble");
    const col = (day: number, month: 'Fév. 23' | 'Mar. 23') =>
      grid[2]!.indexOf(month) + day - 1 + 1; // 1-based column
    const rowOf = (label: string) => grid.findIndex((r) => r[0] === label) + 1;
    const acar = rowOf('ACAR Laurie — CREDIT AGRICOLE DU NORD CAMBRAI');
    const acar2 = rowOf('ACAR Laurie — BANQUE POPULAIRE DU NORD DENAIN');
    const acna = rowOf('ACNA Camille — BANQUE POPULAIRE DU NORD DENAIN');
    const at = (row: number, c: number) => ({
      text: grid[row - 1]![c - 1],
      ...look(h, "Vue d'ensemble", { row, col: c }),
    });
    expect(at(acar, col(27, 'Fév. 23'))).toEqual({
      text: 'X',
      background: PLANNING_COLORS.stop,
      font: PLANNING_FONT_COLORS.onStop,
    });
    expect(at(acar, col(24, 'Fév. 23')).background).toBe(PLANNING_COLORS.stage);
    expect(at(acar2, col(1, 'Mar. 23')).background).toBe(PLANNING_COLORS.stage);
    expect(at(acar2, col(27, 'Fév. 23')).background).toBe(PLANNING_COLORS.period);
    expect(at(acna, col(6, 'Fév. 23'))).toMatchObject({
      text: 'A',
      background: PLANNING_COLORS.absence,
    });
    // The header cell of Saturday 04/02 is grey.
    expect(look(h, "Vue d'ensemble", { row: 5, col: col(4, 'Fév. 23') }).background).toBe(
      PLANNING_COLORS.weekend,
    );
  });

  it('an unknown session is a French message', () => {
    const r = h.call<ApiResult<unknown>>('apiRenderOverview', { sessionId: 'SES-NOPE' });
    expect(r).toMatchObject({ ok: false, field: 'sessionId' });
  });
});

describe('importing the Ministry’s school calendar', () => {
  let h: Harness;
  beforeEach(() => {
    h = seededWorkbook();
  });

  /** An extract of "fr-en-calendrier-scolaire" (CSV export), school year 2026-2027. */
  const CSV = [
    'Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire',
    'Vacances de la Toussaint;-;2026-10-16T22:00:00+00:00;2026-11-01T23:00:00+00:00;Lille;Zone B;2026-2027',
    'Vacances de la Toussaint;-;2026-10-16T22:00:00+00:00;2026-11-01T23:00:00+00:00;Amiens;Zone B;2026-2027',
    'Vacances de Noël;-;2026-12-18T23:00:00+00:00;2027-01-03T23:00:00+00:00;Lille;Zone B;2026-2027',
    'Vacances de Noël;Enseignants;2026-12-18T23:00:00+00:00;2027-01-03T23:00:00+00:00;Lille;Zone B;2026-2027',
    'Vacances de Noël;-;2026-12-18T23:00:00+00:00;2027-01-03T23:00:00+00:00;Corse;Corse;2026-2027',
  ].join('\n');

  it('adds the new holidays to the Vacances sheet, once', () => {
    const before = h.display('Vacances');
    const r = h.call<ApiResult<{ added: number }>>('apiImportSchoolHolidays', { text: CSV });
    // Two academies of zone B give one Toussaint; teachers' and Corsica's rows are left out.
    expect(ok(r)).toMatchObject({ added: 2 });
    const after = h.display('Vacances');
    expect(after).toHaveLength(before.length + 2);
    expect(after.slice(-2)).toEqual([
      ['B', 'Vacances de la Toussaint', '17/10/2026', '01/11/2026', '2026-2027'],
      ['B', 'Vacances de Noël', '19/12/2026', '03/01/2027', '2026-2027'],
    ]);
    expect(h.display('Journal').at(-1)![2]).toBe('Importer les vacances scolaires');

    const again = h.call<ApiResult<{ added: number }>>('apiImportSchoolHolidays', { text: CSV });
    expect(ok(again)).toMatchObject({ added: 0 });
    expect(h.display('Vacances')).toEqual(after);
  });

  it('a year already shipped adds nothing', () => {
    const before = h.display('Vacances');
    const shipped = [
      'Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire',
      "Vacances d'Hiver;-;2023-02-10T23:00:00+00:00;2023-02-26T23:00:00+00:00;Lille;Zone B;2022-2023",
    ].join('\n');
    expect(ok(h.call('apiImportSchoolHolidays', { text: shipped }))).toMatchObject({
      added: 0,
    });
    expect(h.display('Vacances')).toEqual(before);
  });

  it('a file that is not the official export is refused and nothing is written', () => {
    const before = h.display('Vacances');
    const journal = h.display('Journal').length;
    for (const text of ['Nom;Prénom;Classe\nACAR;Laurie;BTS1', '   ']) {
      const r = h.call<ApiResult<{ added: number }>>('apiImportSchoolHolidays', { text });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/calendrier|colonnes|Collez/i);
    }
    expect(h.display('Vacances')).toEqual(before);
    expect(h.display('Journal')).toHaveLength(journal);
  });
});
