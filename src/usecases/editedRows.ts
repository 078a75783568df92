/**
 * Staff may change a stage's dates, weekly hours, schedule or country straight in the sheet. The
 * simple onEdit trigger then counts those rows' presence again, so the "Présence" column and the
 * gratification formula built on it stay true without anyone thinking of "Recalculer les durées".
 */
import { CHASED_SHEETS, type Context, REFERENCE_SHEETS } from '../gas/context';
import { forgetChaseCount } from '../gas/chaseCountCache';
import { stagesSubject } from '../sheets/journalText';
import { type Rec, stageFromRecord, str } from '../sheets/records';
import { STAGES, type StageKey } from '../sheets/schema';
import { followHandRenames } from './handRenames';
import { presenceColumns } from './presenceColumns';
import { keepInSession } from '../domain/stages/sessionPeriods';
import { describePeriod } from '../domain/periods';
import { references } from './references';
import { parsers } from './stageStore';
import { writeRowsUndoable } from './undoable';

const DURATION_KEYS: readonly StageKey[] = [
  'start',
  'end',
  'stoppedOn',
  'weeklyHours',
  'schedule',
  'country',
];
/** Typed by hand, these may take a stage out of its session's periods. */
const DATE_KEYS: readonly StageKey[] = ['start', 'end', 'stoppedOn'];
/** A paste of thousands of rows is left to "Recalculer les durées". */
const MAX_ROWS = 500;

export interface EditOutcome {
  /** Rows whose presence was counted again. */
  recounted: number;
  /** Stages whose dates, as typed, lie outside their session ("ACAR Laurie, du … au …"). */
  outside: string[];
}

const NOTHING: EditOutcome = { recounted: 0, outside: [] };

export function refreshEditedRows(
  ctx: Context,
  edit: { sheetName: string; row: number; numRows: number; column: number; numColumns: number },
): EditOutcome {
  if (REFERENCE_SHEETS.has(edit.sheetName)) {
    // A name, a company, a period typed by hand: the cached lists must not be used any more,
    // and the stages showing a name follow it.
    ctx.referencesChanged();
    followHandRenames(ctx, edit);
    return NOTHING;
  }
  // A date or a status typed by hand may put a convention on, or off, the list to chase.
  if (CHASED_SHEETS.has(edit.sheetName)) forgetChaseCount(ctx);
  if (edit.sheetName !== STAGES.name) return NOTHING;
  const first = Math.max(2, edit.row);
  const last = Math.min(edit.row + edit.numRows - 1, first + MAX_ROWS - 1);
  if (last < first) return NOTHING;
  const t = ctx.table(STAGES);
  const within = (k: StageKey) => {
    const c = t.col(k);
    return c >= edit.column && c < edit.column + edit.numColumns;
  };
  if (!DURATION_KEYS.some(within)) return NOTHING;
  const rows = t.readRows(first, last - first + 1);
  const outside = DATE_KEYS.some(within) ? outsideTheirSession(ctx, rows) : [];
  const patches = new Map<number, Partial<Rec<StageKey>>>();
  rows.forEach((rec, i) => {
    if (str(rec.id) === '') return;
    const cols = presenceColumns(ctx, stageFromRecord(rec, parsers));
    if ((Object.keys(cols) as StageKey[]).some((k) => (rec[k] ?? '') !== (cols[k] ?? ''))) {
      patches.set(first + i, cols);
    }
  });
  if (patches.size === 0) return { recounted: 0, outside };
  writeRowsUndoable(ctx, t, patches, (row) => rows[row - first] ?? {});
  ctx.journal({
    action: 'Recompter la présence (saisie à la main)',
    target: stagesSubject([...patches.keys()].map((r) => rows[r - first]!)),
    before: null,
    after: [...patches.values()],
  });
  return { recounted: patches.size, outside };
}

/**
 * Dates typed by hand are not refused (the sheet is the user's), but those that take a stage out
 * of its session's periods are named, for the trigger to warn.
 */
function outsideTheirSession(ctx: Context, rows: Rec<StageKey>[]): string[] {
  const live = rows.filter((r) => str(r.id) !== '');
  if (live.length === 0) return [];
  const sessions = references(ctx).sessions;
  const out: string[] = [];
  for (const rec of live) {
    const s = stageFromRecord(rec, parsers);
    const session = sessions.find((x) => x.id === s.sessionId);
    if (!keepInSession(s, session, 'end').ok) {
      out.push(
        `${str(rec.student) || s.id}, ${describePeriod({ start: s.start, end: s.stoppedOn || s.end })}, hors de « ${session?.title ?? ''} »`,
      );
    }
  }
  return out;
}
