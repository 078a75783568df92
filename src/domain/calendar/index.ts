/** Planning sheets as pure data: the stage calendar and the session overview. */
export { PLANNING_COLORS, PLANNING_FONT_COLORS, type CalendarGrid } from './grid';
export {
  buildStageCalendar,
  stageCalendarCell,
  dayCellText,
  STAGE_CALENDAR_SIZES,
  type CalendarNote,
  type StageCalendarInput,
} from './stageCalendar';
export {
  buildSessionOverview,
  overviewDays,
  overviewColumn,
  OVERVIEW_SIZES,
} from './sessionOverview';
