/** Planning sheets as pure data: the stage calendar and the session overview. */
export {
  PLANNING_COLORS,
  PLANNING_FONT_COLORS,
  DAY_KIND_COLORS,
  dayKind,
  type CalendarGrid,
  type DayFacts,
  type DayKind,
  type FontWeight,
  type LegendItem,
} from './grid';
export {
  buildStageCalendar,
  stageCalendarCell,
  dayCellText,
  monthHeader,
  planningLegend,
  DAY_NAMES,
  MONTH_NAMES,
  STAGE_CALENDAR_SIZES,
  type StageCalendarInput,
} from './stageCalendar';
export {
  buildSessionOverview,
  overviewDays,
  overviewColumn,
  OVERVIEW_SIZES,
  type OverviewRow,
  type SessionOverviewInput,
} from './sessionOverview';
export type { CalendarStage } from './dayFacts';
