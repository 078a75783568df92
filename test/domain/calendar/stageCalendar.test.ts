import { afterEach, describe, expect, it } from 'vitest';
import {
  buildStageCalendar,
  dayCellText,
  PLANNING_COLORS,
  PLANNING_FONT_COLORS,
  stageCalendarCell,
  STAGE_CALENDAR_SIZES,
  type CalendarGrid,
  type StageCalendarInput,
} from '../../../src/domain/calendar';
import { publicHolidaysBetween } from '../../../src/domain/holidays/publicHolidays';
import {
  BUILT_IN_SCHOOL_HOLIDAYS,
  schoolHolidayDays,
} from '../../../src/domain/holidays/schoolHolidays';
import {
  expectRectangular,
  FIRST,
  PERIODS,
  PUBLIC,
  SCHOOL_B,
  SECOND,
} from '../../fixtures/calendar';

const TITLE = ['ACAR Laurie — BTS 1ère Année', 'Stage du 01/03/2023 au 31/03/2023'];

function seedInput(overrides: Partial<StageCalendarInput> = {}): StageCalendarInput {
  return {
    schoolYear: '2022-2023',
    stages: [SECOND, FIRST],
    session: { periods: PERIODS },
    absences: [],
    publicHolidays: PUBLIC,
    schoolHolidays: SCHOOL_B,
    title: TITLE,
    ...overrides,
  };
}

function cell(grid: CalendarGrid, schoolYear: string, titleLines: number, day: string) {
  const at = stageCalendarCell(schoolYear, titleLines, day);
  if (!at) throw new Error(`${day} is not in ${schoolYear}`);
  return {
    value: grid.values[at.row]![at.col]!,
    background: grid.backgrounds[at.row]![at.col]!,
    fontColor: grid.fontColors[at.row]![at.col]!,
    fontWeight: grid.fontWeights[at.row]![at.col]!,
    note: grid.notes[at.row]![at.col]!,
  };
}

describe('buildStageCalendar: the seed student after the stop and the new stage', () => {
  const grid = buildStageCalendar(seedInput());
  const at = (day: string) => cell(grid, '2022-2023', TITLE.length, day);

  it('is rectangular and sized for one A4 landscape page', () => {
    expectRectangular(grid);
    expect(grid.values[0]).toHaveLength(12);
    // 2 title rows + header + 31 days + blank + legend rows (9 entries, 4 a row → 3).
    expect(grid.values).toHaveLength(2 + 1 + 31 + 1 + 3);
    const width = grid.columnWidths.reduce((a, b) => a + b, 0);
    expect(width).toBeLessThanOrEqual(980);
    expect(grid.values.length * grid.rowHeight).toBeLessThanOrEqual(690);
    expect(grid.rowHeight).toBe(STAGE_CALENDAR_SIZES.rowHeight);
    expect(grid.frozenRows).toBe(3);
  });

  it('has the title lines then the months September → August', () => {
    expect(grid.values[0]![0]).toBe(TITLE[0]);
    expect(grid.values[1]![0]).toBe(TITLE[1]);
    expect(grid.fontWeights[0]![0]).toBe('bold');
    expect(grid.values[2]).toEqual([
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
  });

  it('paints 27/02/2023, the stop day, red with white bold text', () => {
    expect(at('2023-02-27')).toMatchObject({
      value: 'Lu. 27  Sem 9',
      background: PLANNING_COLORS.stop,
      fontColor: PLANNING_FONT_COLORS.onStop,
      fontWeight: 'bold',
    });
    expect(at('2023-02-27').note).toContain("Jour d'arrêt du stage");
  });

  it('paints 01/03/2023 in the colour of the stage shown (the second stage)', () => {
    expect(at('2023-03-01')).toMatchObject({
      value: 'Me. 01',
      background: PLANNING_COLORS.stage,
      fontWeight: 'bold',
    });
    expect(at('2023-03-01').note).toBe(
      'Stage du 01/03/2023 au 31/03/2023\nPériode 1 de la session',
    );
    // The first stage, 01/02–27/02, in the other stages' colour.
    expect(at('2023-02-01').background).toBe(PLANNING_COLORS.otherStage);
    expect(at('2023-02-01').note).toContain('Autre stage du 01/02/2023 au 27/02/2023');
  });

  it('tells the two stages apart the other way round when the first is shown', () => {
    const other = buildStageCalendar(seedInput({ stages: [FIRST, SECOND] }));
    const day = (d: string) => cell(other, '2022-2023', TITLE.length, d);
    expect(day('2023-02-01').background).toBe(PLANNING_COLORS.stage);
    expect(day('2023-03-01').background).toBe(PLANNING_COLORS.otherStage);
    expect(day('2023-02-27').background).toBe(PLANNING_COLORS.stop);
    expect(PLANNING_COLORS.stage).not.toBe(PLANNING_COLORS.otherStage);
  });

  it('shows 28/02/2023 as a period day once planned before the stop', () => {
    expect(at('2023-02-28')).toMatchObject({
      value: 'Ma. 28',
      background: PLANNING_COLORS.period,
      fontColor: PLANNING_FONT_COLORS.cancelled,
      fontWeight: 'normal',
    });
    expect(at('2023-02-28').note).toContain("Prévu avant l'arrêt du stage");
  });

  it('greys weekends, inside the stages too (nobody works on Saturdays)', () => {
    expect(at('2022-09-03')).toMatchObject({
      value: 'Sa. 03',
      background: PLANNING_COLORS.weekend,
    });
    expect(at('2022-09-04')).toMatchObject({
      value: 'Di. 04',
      background: PLANNING_COLORS.weekend,
    });
    expect(at('2023-03-04').background).toBe(PLANNING_COLORS.weekend);
    expect(at('2023-03-06').background).toBe(PLANNING_COLORS.stage);
  });

  it('marks public holidays "Fé." in their colour, with their name in the note', () => {
    expect(at('2023-05-01')).toMatchObject({
      value: 'Fé. 01  Sem 18',
      background: PLANNING_COLORS.publicHoliday,
    });
    // Zone B spring holidays run 15/04–01/05/2023.
    expect(at('2023-05-01').note).toBe('Jour férié : Fête du Travail\nVacances de printemps');
    expect(at('2023-05-08').note).toBe('Jour férié : Victoire 1945');
    expect(at('2022-11-01').value).toBe('Fé. 01');
    expect(at('2022-12-25').value).toBe('Fé. 25');
    expect(at('2023-04-10').value).toBe('Fé. 10  Sem 15');
    // Christmas is in the school holidays too: the public holiday wins.
    expect(at('2022-12-25').background).toBe(PLANNING_COLORS.publicHoliday);
    expect(at('2022-12-25').note).toBe('Jour férié : Noël\nVacances de Noël');
  });

  it('shows zone B school holidays, under the stages when they overlap', () => {
    // Zone B spring 2023: 15/04–01/05.
    expect(at('2023-04-17')).toMatchObject({
      value: 'Lu. 17  Sem 16',
      background: PLANNING_COLORS.schoolHoliday,
      note: 'Vacances de printemps',
    });
    // Zone B winter 2023 (11/02–26/02) falls in the first stage: the stage wins, the note says it.
    expect(at('2023-02-13').background).toBe(PLANNING_COLORS.otherStage);
    expect(at('2023-02-13').note).toContain("Vacances d'hiver");
    // Weekends in holidays stay grey.
    expect(at('2023-04-22').background).toBe(PLANNING_COLORS.weekend);
  });

  it('gives Mondays their ISO week number', () => {
    expect(at('2023-02-06').value).toBe('Lu. 06  Sem 6');
    expect(at('2023-01-02').value).toBe('Lu. 02  Sem 1');
    expect(at('2022-09-05').value).toBe('Lu. 05  Sem 36');
    expect(at('2023-02-07').value).toBe('Ma. 07');
  });

  it('leaves the cells past the end of a month empty and white', () => {
    const feb = 5;
    for (const day of [29, 30, 31]) {
      expect(grid.values[2 + day]![feb]).toBe('');
      expect(grid.backgrounds[2 + day]![feb]).toBe(PLANNING_COLORS.empty);
    }
    expect(grid.values[2 + 31]![0]).toBe(''); // 31 September
    expect(grid.values[2 + 31]![1]).toBe('Lu. 31  Sem 44'); // 31 October 2022
  });

  it('has every day of the school year in its cell, and nothing else', () => {
    let count = 0;
    for (
      let d = new Date(Date.UTC(2022, 8, 1));
      d <= new Date(Date.UTC(2023, 7, 31));
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const iso = d.toISOString().slice(0, 10);
      expect(at(iso).value.slice(4, 6)).toBe(iso.slice(8, 10));
      count++;
    }
    expect(count).toBe(365);
    const dayCells = grid.values
      .slice(3, 34)
      .flat()
      .filter((v) => v !== '');
    expect(dayCells).toHaveLength(365);
    expect(stageCalendarCell('2022-2023', 2, '2023-09-01')).toBeNull();
  });

  it('draws the legend at the bottom', () => {
    expect(grid.legend.map((l) => l.label)).toEqual([
      'Période de la session',
      'Stage',
      "Autre stage de l'élève",
      'Absence',
      "Jour d'arrêt du stage",
      "Prévu avant l'arrêt",
      'Jour férié',
      'Vacances scolaires',
      'Week-end',
    ]);
    const first = 2 + 1 + 31 + 1;
    expect(grid.backgrounds[first]![0]).toBe(PLANNING_COLORS.period);
    expect(grid.values[first]![1]).toBe('Période de la session');
    expect(grid.values[first]![2]).toBe('');
    expect(grid.backgrounds[first]![3]).toBe(PLANNING_COLORS.stage);
    expect(grid.backgrounds[first + 1]![0]).toBe(PLANNING_COLORS.stop);
    expect(grid.fontColors[first + 1]![0]).toBe(PLANNING_FONT_COLORS.onStop);
    expect(grid.values[first + 2]![1]).toBe('Week-end');
  });

  it('paints absences, half days included, above holidays and stages', () => {
    const withAbsences = buildStageCalendar(
      seedInput({
        absences: [
          { start: '2023-03-15', end: '2023-03-15', halfDay: true },
          { start: '2023-03-20', end: '2023-03-21', halfDay: false },
        ],
      }),
    );
    const day = (d: string) => cell(withAbsences, '2022-2023', TITLE.length, d);
    expect(day('2023-03-15')).toMatchObject({
      background: PLANNING_COLORS.absence,
      fontWeight: 'bold',
    });
    expect(day('2023-03-15').note).toContain('Absence (demi-journée)');
    expect(day('2023-03-21').background).toBe(PLANNING_COLORS.absence);
    expect(day('2023-03-22').background).toBe(PLANNING_COLORS.stage);
  });
});

describe('buildStageCalendar: other years and inputs', () => {
  it('has 29 February in a leap school year (2023-2024)', () => {
    const year = { start: '2023-09-01', end: '2024-08-31' };
    const grid = buildStageCalendar({
      schoolYear: '2023-2024',
      stages: [{ id: 'S', start: '2024-02-26', end: '2024-03-08', stoppedOn: '', originalEnd: '' }],
      session: { periods: [{ start: '2024-02-26', end: '2024-03-08' }] },
      absences: [],
      publicHolidays: publicHolidaysBetween(year.start, year.end, { alsaceMoselle: false }),
      schoolHolidays: schoolHolidayDays(BUILT_IN_SCHOOL_HOLIDAYS, 'B', year),
      title: ['Élève'],
    });
    expectRectangular(grid);
    const at = (d: string) => cell(grid, '2023-2024', 1, d);
    expect(at('2024-02-29')).toMatchObject({ value: 'Je. 29', background: PLANNING_COLORS.stage });
    expect(grid.values[1 + 30]![5]).toBe(''); // 30 February
    expect(grid.values[1]![0]).toBe('Sep. 23');
    // Zone B winter 2024 is 24/02–10/03: 22/02 is a plain Thursday outside the period,
    // 24/02 a Saturday in the holidays (grey), 11/03 the Monday back at school.
    expect(at('2024-02-22').background).toBe(PLANNING_COLORS.empty);
    expect(at('2024-02-24').background).toBe(PLANNING_COLORS.weekend);
    expect(at('2024-03-11')).toMatchObject({
      value: 'Lu. 11  Sem 11',
      background: PLANNING_COLORS.empty,
    });
  });

  it('shows a zone B winter holiday cell outside any stage', () => {
    const grid = buildStageCalendar(
      seedInput({
        stages: [SECOND],
        session: { periods: [{ start: '2023-03-01', end: '2023-03-31' }] },
      }),
    );
    expect(cell(grid, '2022-2023', TITLE.length, '2023-02-13')).toMatchObject({
      value: 'Lu. 13  Sem 7',
      background: PLANNING_COLORS.schoolHoliday,
      note: "Vacances d'hiver",
    });
    // One stage, never stopped: no "other stage" and no "planned before the stop" in the legend.
    expect(grid.legend.map((l) => l.label)).not.toContain("Autre stage de l'élève");
    expect(grid.legend.map((l) => l.label)).not.toContain("Prévu avant l'arrêt");
    expect(grid.values).toHaveLength(2 + 1 + 31 + 1 + 2);
  });

  it("falls back on the first stage's school year when the given one is unreadable", () => {
    const grid = buildStageCalendar(seedInput({ schoolYear: '' }));
    expect(grid.values[2]![0]).toBe('Sep. 22');
    expect(() => buildStageCalendar(seedInput({ schoolYear: 'x', stages: [] }))).toThrow(
      /Année scolaire/,
    );
  });

  it('writes its notes under the legend, a warning in red bold', () => {
    const plain = buildStageCalendar(seedInput());
    const grid = buildStageCalendar(
      seedInput({
        notes: [
          { text: 'Vacances scolaires connues pour la zone B : 2015-2016 à 2025-2026.' },
          { text: 'Vacances inconnues pour 2026-2027.', warning: true },
        ],
      }),
    );
    expectRectangular(grid);
    // The grid above is unchanged: the notes are two more rows at the bottom.
    expect(grid.values.slice(0, plain.values.length)).toEqual(plain.values);
    expect(grid.values).toHaveLength(plain.values.length + 2);
    const [info, warning] = [grid.values.length - 2, grid.values.length - 1];
    expect(grid.values[info]![0]).toMatch(/^Vacances scolaires connues/);
    expect(grid.fontWeights[info]![0]).toBe('normal');
    expect(grid.values[warning]![0]).toBe('Vacances inconnues pour 2026-2027.');
    expect(grid.fontColors[warning]![0]).toBe(PLANNING_FONT_COLORS.warning);
    expect(grid.fontWeights[warning]![0]).toBe('bold');
    // Still one A4 landscape page: at most 42 rows of 16 px.
    expect(grid.values.length).toBeLessThanOrEqual(42);
  });

  it('writes day cells as PRONOTE does', () => {
    expect(dayCellText('2023-02-06', false)).toBe('Lu. 06  Sem 6');
    expect(dayCellText('2023-02-11', false)).toBe('Sa. 11');
    expect(dayCellText('2023-02-12', false)).toBe('Di. 12');
    expect(dayCellText('2022-12-25', true)).toBe('Fé. 25');
  });
});

describe('independence from the host time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  const baseline = JSON.stringify(buildStageCalendar(seedInput()));
  for (const tz of ['Pacific/Auckland', 'America/New_York', 'America/Sao_Paulo', 'UTC']) {
    it(`draws the same calendar in ${tz}`, () => {
      process.env.TZ = tz;
      const year = { start: '2022-09-01', end: '2023-08-31' };
      const grid = buildStageCalendar(
        seedInput({
          publicHolidays: publicHolidaysBetween(year.start, year.end, { alsaceMoselle: false }),
          schoolHolidays: schoolHolidayDays(BUILT_IN_SCHOOL_HOLIDAYS, 'B', year),
        }),
      );
      expect(JSON.stringify(grid)).toBe(baseline);
    });
  }
});
