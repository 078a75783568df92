import { describe, expect, it } from 'vitest';
import {
  buildSessionOverview,
  overviewColumn,
  overviewDays,
  OVERVIEW_SIZES,
  PLANNING_COLORS,
  PLANNING_FONT_COLORS,
} from '../../../src/domain/calendar';
import {
  expectRectangular,
  FIRST,
  PERIODS,
  PUBLIC,
  SCHOOL_B,
  SECOND,
} from '../../fixtures/calendar';

describe('buildSessionOverview', () => {
  const input = {
    session: { title: 'BTS 1 info période 1', periods: PERIODS },
    rows: [
      { label: 'ACAR Laurie — CREDIT AGRICOLE DU NORD CAMBRAI', stages: [FIRST], absences: [] },
      { label: 'ACAR Laurie — BANQUE POPULAIRE DU NORD DENAIN', stages: [SECOND], absences: [] },
      {
        label: 'ACNA Camille — BANQUE POPULAIRE DU NORD DENAIN',
        stages: [{ start: '2023-02-01', end: '2023-03-31', stoppedOn: '' }],
        absences: [
          { start: '2023-02-14', end: '2023-02-14', halfDay: false },
          { start: '2023-03-02', end: '2023-03-02', halfDay: true },
        ],
      },
    ],
    publicHolidays: PUBLIC,
    schoolHolidays: SCHOOL_B,
  };
  const grid = buildSessionOverview(input);
  const days = overviewDays(input);
  const at = (row: number, day: string) => {
    const col = overviewColumn(days, day)!;
    return {
      value: grid.values[OVERVIEW_SIZES.headerRows + row]![col]!,
      background: grid.backgrounds[OVERVIEW_SIZES.headerRows + row]![col]!,
      fontColor: grid.fontColors[OVERVIEW_SIZES.headerRows + row]![col]!,
    };
  };

  it('has one column per day of the session and one row per stage', () => {
    expectRectangular(grid);
    expect(days).toHaveLength(28 + 31);
    expect(grid.values[0]).toHaveLength(1 + 59);
    expect(grid.columnWidths[0]).toBe(OVERVIEW_SIZES.labelWidth);
    expect(grid.columnWidths[1]).toBe(OVERVIEW_SIZES.dayWidth);
    // 5 header rows + 3 stages + blank + legend.
    expect(grid.values).toHaveLength(5 + 3 + 1 + grid.legend.length);
    expect(grid.frozenRows).toBe(5);
    expect(grid.frozenColumns).toBe(1);
  });

  it('ends with its notes under the legend, a warning in red bold', () => {
    const noted = buildSessionOverview({
      ...input,
      notes: [
        { text: 'Vacances inconnues pour 2026-2027.', warning: true },
        { text: 'Vacances scolaires connues pour la zone B : 2015-2016 à 2025-2026.' },
      ],
    });
    expectRectangular(noted);
    expect(noted.values.slice(0, grid.values.length)).toEqual(grid.values);
    const [warning, info] = [noted.values.length - 2, noted.values.length - 1];
    expect(noted.values[warning]![0]).toBe('Vacances inconnues pour 2026-2027.');
    expect(noted.fontColors[warning]![0]).toBe(PLANNING_FONT_COLORS.warning);
    expect(noted.fontWeights[warning]![0]).toBe('bold');
    expect(noted.values[info]![0]).toMatch(/^Vacances scolaires connues/);
    expect(noted.fontWeights[info]![0]).toBe('normal');
  });

  it('has the title, the periods and the month, day and initial headers', () => {
    expect(grid.values[0]![0]).toBe('BTS 1 info période 1');
    expect(grid.values[1]![0]).toBe('Du 01/02/2023 au 31/03/2023');
    expect(grid.values[2]![1]).toBe('Fév. 23');
    expect(grid.values[2]![2]).toBe('');
    expect(grid.values[2]![overviewColumn(days, '2023-03-01')!]).toBe('Mar. 23');
    expect(grid.values[3]!.slice(1, 4)).toEqual(['01', '02', '03']);
    expect(grid.values[4]!.slice(1, 8)).toEqual(['M', 'J', 'V', 'S', 'D', 'L', 'M']);
    const saturday = overviewColumn(days, '2023-02-04')!;
    expect(grid.backgrounds[4]![saturday]).toBe(PLANNING_COLORS.weekend);
    const winter = overviewColumn(days, '2023-02-13')!;
    expect(grid.backgrounds[4]![winter]).toBe(PLANNING_COLORS.schoolHoliday);
  });

  it('paints each stage row like the calendar', () => {
    expect(grid.values[5]![0]).toBe('ACAR Laurie — CREDIT AGRICOLE DU NORD CAMBRAI');
    expect(at(0, '2023-02-01').background).toBe(PLANNING_COLORS.stage);
    expect(at(0, '2023-02-27')).toMatchObject({
      value: 'X',
      background: PLANNING_COLORS.stop,
      fontColor: PLANNING_FONT_COLORS.onStop,
    });
    expect(at(0, '2023-02-28').fontColor).toBe(PLANNING_FONT_COLORS.cancelled);
    expect(at(0, '2023-03-01').background).toBe(PLANNING_COLORS.period);
    expect(at(1, '2023-02-27').background).toBe(PLANNING_COLORS.period);
    expect(at(1, '2023-03-01').background).toBe(PLANNING_COLORS.stage);
    expect(at(2, '2023-02-14')).toMatchObject({ value: 'A', background: PLANNING_COLORS.absence });
    expect(at(2, '2023-03-02')).toMatchObject({ value: '½', background: PLANNING_COLORS.absence });
    expect(at(2, '2023-02-15').background).toBe(PLANNING_COLORS.stage);
  });

  it('spans the stages when the session has no period, and copes with no stage at all', () => {
    const noPeriod = buildSessionOverview({ ...input, session: { title: 'S', periods: [] } });
    expectRectangular(noPeriod);
    expect(noPeriod.values[0]).toHaveLength(1 + 59);
    const empty = buildSessionOverview({
      ...input,
      session: { title: 'S', periods: [] },
      rows: [],
    });
    expectRectangular(empty);
    expect(empty.values[0]).toHaveLength(1);
  });
});
