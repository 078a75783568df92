/**
 * The stage calendar ("Calendrier"), laid out as PRONOTE's Planning tab: the school year from
 * September to August, one column per month, one row per day of the month (1 to 31).
 *
 * Layout, top to bottom:
 *   - the title lines (one row each, text in the first column);
 *   - one header row with the month names "Sep. 22" … "Août 23";
 *   - 31 day rows: "Lu. 05", "Fé. 01" for a public holiday (as PRONOTE writes it); Mondays also
 *     carry their ISO week number in the same cell, "Lu. 06  Sem 6", so that the grid keeps one
 *     column per month and a week number never shifts the days (PRONOTE's "Sem 6" in its own cell
 *     does); cells past the month's end are empty and white;
 *   - one blank row, then the legend, four entries per row, each a coloured sample cell followed
 *     by its label (which overflows into the empty cell after it);
 *   - the notes, one row each (which school years' holidays are known), a warning in red bold.
 *
 * Size: 12 columns of 80 px (960 px) and rows of 16 px at 8 pt: with 1 to 3 title lines and a
 * note the sheet is 37 to 42 rows (≤ 672 px), which fits one A4 landscape page with the default
 * margins (about 980 × 690 px printable).
 */
import type { Absence, IsoDate, Period, Stage } from '../types';
import { formatFr, isIsoDate, isoOf } from '../dates';
import { includesDay, lastStageDay } from '../periods';
import { parseSchoolYear, schoolYearBounds, schoolYearOf } from '../sessions';
import { daysInMonth, isoWeekOf, weekdayMon0 } from './days';
import { dayFactsBetween, type CalendarStage } from './dayFacts';
import {
  blankGrid,
  dayKind,
  DAY_KIND_COLORS,
  PLANNING_COLORS,
  PLANNING_FONT_COLORS,
  type CalendarGrid,
  type DayFacts,
  type LegendItem,
} from './grid';

const DAY_NAMES = ['Lu', 'Ma', 'Me', 'Je', 'Ve', 'Sa', 'Di'] as const;
/** Month abbreviations, January first. */
const MONTH_NAMES = [
  'Jan.',
  'Fév.',
  'Mar.',
  'Avr.',
  'Mai',
  'Juin',
  'Juil.',
  'Août',
  'Sep.',
  'Oct.',
  'Nov.',
  'Déc.',
] as const;

export const STAGE_CALENDAR_SIZES = {
  columnWidth: 80,
  rowHeight: 16,
  fontSize: 8,
  legendPerRow: 4,
  /** Columns per legend entry: the sample, its label, one empty cell for the label to overflow. */
  legendSpan: 3,
} as const;

export interface StageCalendarInput {
  /** "2022-2023"; when unreadable, the school year of the first stage's start. */
  schoolYear: string;
  /** Every stage of the student in the session; the first one is the stage the sheet is for. */
  stages: readonly Pick<Stage, 'id' | 'start' | 'end' | 'stoppedOn' | 'originalEnd'>[];
  session: { periods: readonly Period[] };
  absences: readonly Pick<Absence, 'start' | 'end' | 'halfDay'>[];
  publicHolidays: ReadonlyMap<IsoDate, string>;
  schoolHolidays: ReadonlyMap<IsoDate, string>;
  /** Header lines, e.g. the student, the stage's company and dates. */
  title: readonly string[];
  /** Lines under the legend, e.g. which school years' holidays are known. */
  notes?: readonly CalendarNote[];
}

export interface CalendarNote {
  text: string;
  /** Shown in red bold: something the calendar cannot show (holidays of an unknown year). */
  warning?: boolean;
}

/** "Sep. 22" for September 2022. */
export function monthHeader(year: number, month: number): string {
  return `${MONTH_NAMES[month - 1]} ${String(year % 100).padStart(2, '0')}`;
}

/** "Lu. 05", "Fé. 01" on a public holiday, "Lu. 06  Sem 6" on a Monday. */
export function dayCellText(day: IsoDate, publicHoliday: boolean): string {
  const weekday = weekdayMon0(day);
  const name = publicHoliday ? 'Fé' : DAY_NAMES[weekday];
  const text = `${name}. ${day.slice(8, 10)}`;
  return weekday === 0 ? `${text}  Sem ${isoWeekOf(day)}` : text;
}

/** The days of a school year written "2022-2023", or null when the text is not one. */
function boundsOf(schoolYear: string): Period | null {
  return parseSchoolYear(schoolYear).ok ? schoolYearBounds(schoolYear) : null;
}

function resolveYear(input: StageCalendarInput): { start: IsoDate; end: IsoDate; first: number } {
  let bounds = boundsOf(input.schoolYear);
  const firstStart = input.stages[0]?.start ?? '';
  if (!bounds && isIsoDate(firstStart)) bounds = schoolYearBounds(schoolYearOf(firstStart));
  if (!bounds) {
    throw new RangeError(
      `Année scolaire illisible : « ${input.schoolYear} » (attendu : 2022-2023).`,
    );
  }
  return { ...bounds, first: Number(bounds.start.slice(0, 4)) };
}

/** 0-based column of a month (1–12) in the school-year grid: September 0 … August 11. */
function monthColumn(month: number): number {
  return (month + 3) % 12;
}

/**
 * Where a date's cell is in the grid built for `schoolYear` with `titleLines` title lines
 * (0-based row and column), or null when the date is outside the school year.
 */
export function stageCalendarCell(
  schoolYear: string,
  titleLines: number,
  day: IsoDate,
): { row: number; col: number } | null {
  const bounds = boundsOf(schoolYear);
  if (!bounds || !isIsoDate(day) || !includesDay(bounds, day)) return null;
  return {
    row: titleLines + 1 + Number(day.slice(8, 10)) - 1,
    col: monthColumn(Number(day.slice(5, 7))),
  };
}

function stageRange(s: CalendarStage): string {
  return `du ${formatFr(s.start)} au ${formatFr(lastStageDay(s))}`;
}

/** The note of a day cell: everything that applies to it, one fact per line. */
export function dayNote(f: DayFacts, stages: readonly CalendarStage[]): string {
  const lines: string[] = [];
  const stage = stages[f.stageIndex];
  if (stage) lines.push(`${f.stageIndex === 0 ? 'Stage' : 'Autre stage'} ${stageRange(stage)}`);
  if (f.stop) lines.push("Jour d'arrêt du stage");
  if (f.cancelled) lines.push("Prévu avant l'arrêt du stage");
  if (f.absence) lines.push(f.absence === 'half' ? 'Absence (demi-journée)' : 'Absence');
  if (f.publicHoliday) lines.push(`Jour férié : ${f.publicHoliday}`);
  if (f.schoolHoliday) lines.push(f.schoolHoliday);
  if (f.period > 0) lines.push(`Période ${f.period} de la session`);
  return lines.join('\n');
}

/** Legend entries: the spans first (period, stages), then what marks single days. */
export function planningLegend(opts: { otherStages: boolean; cancelled: boolean }): LegendItem[] {
  const items: LegendItem[] = [
    { label: 'Période de la session', color: PLANNING_COLORS.period },
    { label: 'Stage', color: PLANNING_COLORS.stage },
  ];
  if (opts.otherStages) {
    items.push({ label: "Autre stage de l'élève", color: PLANNING_COLORS.otherStage });
  }
  items.push(
    { label: 'Absence', color: PLANNING_COLORS.absence },
    {
      label: "Jour d'arrêt du stage",
      color: PLANNING_COLORS.stop,
      fontColor: PLANNING_FONT_COLORS.onStop,
    },
  );
  if (opts.cancelled) {
    items.push({
      label: "Prévu avant l'arrêt",
      color: PLANNING_COLORS.empty,
      fontColor: PLANNING_FONT_COLORS.cancelled,
    });
  }
  items.push(
    { label: 'Jour férié', color: PLANNING_COLORS.publicHoliday },
    { label: 'Vacances scolaires', color: PLANNING_COLORS.schoolHoliday },
    { label: 'Week-end', color: PLANNING_COLORS.weekend },
  );
  return items;
}

/** Paints one day cell (value, colours, weight, note) from its facts. */
export function paintDay(
  grid: ReturnType<typeof blankGrid>,
  row: number,
  col: number,
  f: DayFacts,
  value: string,
  note: string,
): void {
  const kind = dayKind(f);
  grid.values[row]![col] = value;
  grid.backgrounds[row]![col] = DAY_KIND_COLORS[kind];
  grid.fontWeights[row]![col] = f.stageIndex >= 0 || f.stop ? 'bold' : 'normal';
  grid.fontColors[row]![col] =
    kind === 'stop'
      ? PLANNING_FONT_COLORS.onStop
      : f.cancelled
        ? PLANNING_FONT_COLORS.cancelled
        : PLANNING_FONT_COLORS.text;
  grid.notes[row]![col] = note;
}

export function buildStageCalendar(input: StageCalendarInput): CalendarGrid {
  const year = resolveYear(input);
  const facts = dayFactsBetween(
    {
      stages: input.stages,
      absences: input.absences,
      periods: input.session.periods,
      publicHolidays: input.publicHolidays,
      schoolHolidays: input.schoolHolidays,
    },
    year.start,
    year.end,
  );
  const legend = planningLegend({
    otherStages: input.stages.length > 1,
    cancelled: input.stages.some((s) => s.stoppedOn !== '' && s.originalEnd > s.stoppedOn),
  });
  const { legendPerRow, legendSpan } = STAGE_CALENDAR_SIZES;
  const titleRows = input.title.length;
  const headerRow = titleRows;
  const legendRows = Math.ceil(legend.length / legendPerRow);
  const notes = input.notes ?? [];
  const rows = titleRows + 1 + 31 + 1 + legendRows + notes.length;
  const cols = 12;
  const grid = blankGrid(rows, cols);

  input.title.forEach((line, i) => {
    grid.values[i]![0] = line;
    grid.fontWeights[i]![0] = i === 0 ? 'bold' : 'normal';
  });

  for (let c = 0; c < cols; c++) {
    const month = ((c + 8) % 12) + 1;
    const y = month >= 9 ? year.first : year.first + 1;
    grid.values[headerRow]![c] = monthHeader(y, month);
    grid.backgrounds[headerRow]![c] = PLANNING_COLORS.header;
    grid.fontWeights[headerRow]![c] = 'bold';
    const length = daysInMonth(y, month);
    for (let d = 1; d <= length; d++) {
      const day = isoOf(y, month, d);
      const f = facts(day);
      paintDay(
        grid,
        headerRow + d,
        c,
        f,
        dayCellText(day, f.publicHoliday !== null),
        dayNote(f, input.stages),
      );
    }
  }

  const firstLegendRow = headerRow + 1 + 31 + 1;
  legend.forEach((item, i) => {
    const row = firstLegendRow + Math.floor(i / legendPerRow);
    const col = (i % legendPerRow) * legendSpan;
    grid.backgrounds[row]![col] = item.color;
    if (item.fontColor) {
      // The sample shows the text colour too: a day-like text in it.
      grid.values[row]![col] = 'Lu. 05';
      grid.fontColors[row]![col] = item.fontColor;
    }
    grid.values[row]![col + 1] = item.label;
  });

  const firstNoteRow = firstLegendRow + legendRows;
  notes.forEach((note, i) => {
    const row = firstNoteRow + i;
    grid.values[row]![0] = note.text;
    if (note.warning) {
      grid.fontColors[row]![0] = PLANNING_FONT_COLORS.warning;
      grid.fontWeights[row]![0] = 'bold';
    }
  });

  return {
    ...grid,
    legend,
    columnWidths: Array<number>(cols).fill(STAGE_CALENDAR_SIZES.columnWidth),
    rowHeight: STAGE_CALENDAR_SIZES.rowHeight,
    fontSize: STAGE_CALENDAR_SIZES.fontSize,
    frozenRows: headerRow + 1,
    frozenColumns: 0,
  };
}
