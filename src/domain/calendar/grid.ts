/**
 * The picture of a planning sheet, ready to be written in one call per property
 * (`setValues`, `setBackgrounds`, `setFontColors`, `setFontWeights`, `setNotes`): every matrix is
 * rectangular, of the same size, and every cell has a value (never undefined).
 *
 * Colours live here, in one place. They are light fills under black text (contrast ratio ≥ 7:1)
 * that stay distinct once printed in greyscale, except the stop day: white bold text on red
 * (5.9:1), as PRONOTE shows it.
 *
 * Which colour a day gets when several apply, strongest first:
 *   stop day > absence > public holiday > weekend > selected stage > other stage of the
 *   student > school holiday > session period.
 * Weekends are grey everywhere, inside a stage too: a student is not at work on Saturdays, and
 * the weeks stay visible (the legend says so).
 * Stage days and the stop day are bold, so that a black-and-white print still shows the stages.
 */
export const PLANNING_COLORS = {
  /** Days of the session's periods. */
  period: '#fff2cc',
  /** Days of the stage the calendar is drawn for. */
  stage: '#6fa8dc',
  /** Days of the student's other stages in the same session. */
  otherStage: '#b6d7a8',
  absence: '#f6b26b',
  /** The stop day ("jour d'arrêt du stage"). */
  stop: '#cc0000',
  publicHoliday: '#b4a7d6',
  schoolHoliday: '#ead1dc',
  weekend: '#d9d9d9',
  /** Title, empty cells, cells past the month's end. */
  empty: '#ffffff',
  /** Month and day header cells. */
  header: '#efefef',
} as const;

export const PLANNING_FONT_COLORS = {
  text: '#000000',
  /** On the stop day's red. */
  onStop: '#ffffff',
  /** Days the stage was planned for before its stop (its original end) and no longer covers. */
  cancelled: '#cc0000',
  /** A note under the grid that warns (school holidays unknown for the year). */
  warning: '#cc0000',
} as const;

export type DayKind =
  | 'stop'
  | 'absence'
  | 'publicHoliday'
  | 'stage'
  | 'otherStage'
  | 'weekend'
  | 'schoolHoliday'
  | 'period'
  | 'none';

export const DAY_KIND_COLORS: Record<DayKind, string> = {
  stop: PLANNING_COLORS.stop,
  absence: PLANNING_COLORS.absence,
  publicHoliday: PLANNING_COLORS.publicHoliday,
  stage: PLANNING_COLORS.stage,
  otherStage: PLANNING_COLORS.otherStage,
  weekend: PLANNING_COLORS.weekend,
  schoolHoliday: PLANNING_COLORS.schoolHoliday,
  period: PLANNING_COLORS.period,
  none: PLANNING_COLORS.empty,
};

export type FontWeight = 'bold' | 'normal';

export interface LegendItem {
  label: string;
  /** Background colour of the sample. */
  color: string;
  /** Text colour of the sample when it matters (the stop day, cancelled days). */
  fontColor?: string;
}

export interface CalendarGrid {
  values: string[][];
  backgrounds: string[][];
  fontColors: string[][];
  fontWeights: FontWeight[][];
  /** Cell notes (holiday names, stage dates…); '' for none. */
  notes: string[][];
  legend: LegendItem[];
  /** Pixels, one per column. */
  columnWidths: number[];
  /** Pixels, for every row. */
  rowHeight: number;
  /** Points, for the whole grid. */
  fontSize: number;
  /** Rows and columns to freeze (headers). */
  frozenRows: number;
  frozenColumns: number;
}

/** A mutable grid of `rows` × `cols` blank white cells. */
export function blankGrid(
  rows: number,
  cols: number,
): Omit<
  CalendarGrid,
  'legend' | 'columnWidths' | 'rowHeight' | 'fontSize' | 'frozenRows' | 'frozenColumns'
> {
  const fill = <T>(v: T): T[][] => Array.from({ length: rows }, () => Array<T>(cols).fill(v));
  return {
    values: fill(''),
    backgrounds: fill<string>(PLANNING_COLORS.empty),
    fontColors: fill<string>(PLANNING_FONT_COLORS.text),
    fontWeights: fill<FontWeight>('normal'),
    notes: fill(''),
  };
}

/** What is known of one day, gathered from the stages, absences, holidays and periods. */
export interface DayFacts {
  /** Index in the stage list of the stage covering the day, or -1. */
  stageIndex: number;
  stop: boolean;
  /** Planned before a stop, no longer covered by any stage. */
  cancelled: boolean;
  absence: 'full' | 'half' | null;
  publicHoliday: string | null;
  schoolHoliday: string | null;
  /** 1-based number of the session period covering the day, or 0. */
  period: number;
  weekend: boolean;
}

/** The colour a day gets, by the precedence documented above. */
export function dayKind(f: DayFacts): DayKind {
  if (f.stop) return 'stop';
  if (f.absence) return 'absence';
  if (f.publicHoliday) return 'publicHoliday';
  if (f.weekend) return 'weekend';
  if (f.stageIndex === 0) return 'stage';
  if (f.stageIndex > 0) return 'otherStage';
  if (f.schoolHoliday) return 'schoolHoliday';
  if (f.period > 0) return 'period';
  return 'none';
}
