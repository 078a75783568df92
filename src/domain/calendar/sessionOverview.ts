/**
 * The session overview: one row per stage (student and company), one column per day from the
 * first period's start to the last period's end, for the DDFPT to see a whole class at a glance.
 *
 * Layout, top to bottom:
 *   - the session's title, then its periods ("Du 01/02/2023 au 31/03/2023");
 *   - three header rows over the day columns: the month ("Fév. 23", on the first column and on
 *     each 1st of a month), the day number ("01"), the day initial ("L M M J V S D"); the header
 *     cells of weekends, public holidays and school holidays take their colour;
 *   - one row per stage: its label in the first column, then its days in the colours of the stage
 *     calendar (same precedence); a stop day reads "X", an absence "A", a half-day absence "½";
 *   - one blank row, then the legend, one entry per row in the first column;
 *   - the notes, one row each (which school years' holidays are known), a warning in red bold.
 *
 * Sizes: a 240 px label column and 22 px day columns (a 2-month session is about 1 540 px wide;
 * print it landscape, fitted to the page width), rows of 18 px at 8 pt.
 */
import type { Absence, IsoDate, Period } from '../types';
import { formatFr, isIsoDate } from '../dates';
import { lastStageDay } from '../periods';
import { eachDayIso, weekdayMon0 } from './days';
import { dayFactsBetween, type CalendarStage } from './dayFacts';
import { blankGrid, PLANNING_COLORS, PLANNING_FONT_COLORS, type CalendarGrid } from './grid';
import { type CalendarNote, dayNote, monthHeader, paintDay, planningLegend } from './stageCalendar';

export const OVERVIEW_SIZES = {
  labelWidth: 300,
  dayWidth: 22,
  rowHeight: 18,
  fontSize: 8,
  /** Title, periods, month, day number, day initial. */
  headerRows: 5,
} as const;

const DAY_INITIALS = ['L', 'M', 'M', 'J', 'V', 'S', 'D'] as const;

export interface OverviewRow {
  /** "ACAR Laurie — CREDIT AGRICOLE DU NORD CAMBRAI". */
  label: string;
  /** Usually one stage; a row with several paints the first as the stage, the others as others. */
  stages: readonly CalendarStage[];
  absences: readonly Pick<Absence, 'start' | 'end' | 'halfDay'>[];
}

export interface SessionOverviewInput {
  session: { title: string; periods: readonly Period[] };
  rows: readonly OverviewRow[];
  publicHolidays: ReadonlyMap<IsoDate, string>;
  schoolHolidays: ReadonlyMap<IsoDate, string>;
  /** Lines under the legend, e.g. which school years' holidays are known. */
  notes?: readonly CalendarNote[];
}

/** The days shown: first period start to last period end; without periods, the stages' span. */
export function overviewDays(input: SessionOverviewInput): IsoDate[] {
  const spans: { start: IsoDate; end: IsoDate }[] = input.session.periods.filter(
    (p) => isIsoDate(p.start) && isIsoDate(p.end),
  );
  if (spans.length === 0) {
    for (const r of input.rows) {
      for (const s of r.stages) {
        const end = lastStageDay(s);
        if (isIsoDate(s.start) && isIsoDate(end)) spans.push({ start: s.start, end });
      }
    }
  }
  if (spans.length === 0) return [];
  const start = spans.map((s) => s.start).reduce((a, b) => (a < b ? a : b));
  const end = spans.map((s) => s.end).reduce((a, b) => (a > b ? a : b));
  return eachDayIso(start, end);
}

/** 0-based column of a day, or null when the overview does not show it. */
export function overviewColumn(days: readonly IsoDate[], day: IsoDate): number | null {
  const i = days.indexOf(day);
  return i < 0 ? null : i + 1;
}

export function buildSessionOverview(input: SessionOverviewInput): CalendarGrid {
  const days = overviewDays(input);
  const legend = planningLegend({
    otherStages: input.rows.some((r) => r.stages.length > 1),
    cancelled: input.rows.some((r) =>
      r.stages.some((s) => s.stoppedOn !== '' && (s.originalEnd ?? '') > s.stoppedOn),
    ),
  });
  const { headerRows } = OVERVIEW_SIZES;
  const cols = 1 + days.length;
  const firstLegendRow = headerRows + input.rows.length + 1;
  const notes = input.notes ?? [];
  const grid = blankGrid(firstLegendRow + legend.length + notes.length, cols);

  grid.values[0]![0] = input.session.title;
  grid.fontWeights[0]![0] = 'bold';
  grid.values[1]![0] = input.session.periods
    .map((p) => `Du ${formatFr(p.start)} au ${formatFr(p.end)}`)
    .join(' ; ');
  const [monthRow, numberRow, initialRow] = [2, 3, 4];
  grid.values[monthRow]![0] = 'Mois';
  grid.values[numberRow]![0] = 'Jour';
  for (const r of [monthRow, numberRow, initialRow]) {
    grid.backgrounds[r]![0] = PLANNING_COLORS.header;
    grid.fontWeights[r]![0] = 'bold';
  }

  const span = days.length > 0 ? { from: days[0]!, to: days[days.length - 1]! } : null;
  const context = {
    periods: input.session.periods,
    publicHolidays: input.publicHolidays,
    schoolHolidays: input.schoolHolidays,
  };
  const calendarFacts = span
    ? dayFactsBetween({ ...context, stages: [], absences: [] }, span.from, span.to)
    : null;

  days.forEach((day, i) => {
    const col = i + 1;
    const f = calendarFacts!(day);
    const color =
      f.publicHoliday !== null
        ? PLANNING_COLORS.publicHoliday
        : f.weekend
          ? PLANNING_COLORS.weekend
          : f.schoolHoliday !== null
            ? PLANNING_COLORS.schoolHoliday
            : PLANNING_COLORS.header;
    const note = [f.publicHoliday ? `Jour férié : ${f.publicHoliday}` : '', f.schoolHoliday ?? '']
      .filter((t) => t !== '')
      .join('\n');
    if (i === 0 || day.endsWith('-01')) {
      grid.values[monthRow]![col] = monthHeader(Number(day.slice(0, 4)), Number(day.slice(5, 7)));
    }
    grid.values[numberRow]![col] = day.slice(8, 10);
    grid.values[initialRow]![col] = DAY_INITIALS[weekdayMon0(day)]!;
    for (const r of [monthRow, numberRow, initialRow]) {
      grid.backgrounds[r]![col] = color;
      grid.fontWeights[r]![col] = 'bold';
      grid.notes[r]![col] = note;
    }
  });

  input.rows.forEach((row, i) => {
    const r = headerRows + i;
    grid.values[r]![0] = row.label;
    if (!span) return;
    const facts = dayFactsBetween(
      { ...context, stages: row.stages, absences: row.absences },
      span.from,
      span.to,
    );
    days.forEach((day, j) => {
      const f = facts(day);
      const mark = f.stop ? 'X' : f.absence === 'full' ? 'A' : f.absence === 'half' ? '½' : '';
      paintDay(grid, r, j + 1, f, mark, dayNote(f, row.stages));
    });
  });

  legend.forEach((item, i) => {
    const r = firstLegendRow + i;
    grid.values[r]![0] = item.label;
    grid.backgrounds[r]![0] = item.color;
    grid.fontColors[r]![0] = item.fontColor ?? PLANNING_FONT_COLORS.text;
  });

  notes.forEach((note, i) => {
    const r = firstLegendRow + legend.length + i;
    grid.values[r]![0] = note.text;
    if (note.warning) {
      grid.fontColors[r]![0] = PLANNING_FONT_COLORS.warning;
      grid.fontWeights[r]![0] = 'bold';
    }
  });

  return {
    ...grid,
    legend,
    columnWidths: [OVERVIEW_SIZES.labelWidth, ...days.map(() => OVERVIEW_SIZES.dayWidth)],
    rowHeight: OVERVIEW_SIZES.rowHeight,
    fontSize: OVERVIEW_SIZES.fontSize,
    frozenRows: headerRows,
    frozenColumns: 1,
  };
}
