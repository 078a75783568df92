/**
 * Staff may change a stage's dates, weekly hours, schedule or country straight in the sheet. The
 * simple onEdit trigger then counts those rows' presence again, so the "Présence" column and the
 * gratification formula built on it stay true without anyone thinking of "Recalculer les durées".
 */
import { type Context, REFERENCE_SHEETS } from '../gas/context';
import { type Rec, stageFromRecord, str } from '../sheets/records';
import { STAGES, type StageKey } from '../sheets/schema';
import { presenceColumns } from './presenceColumns';
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
/** A paste of thousands of rows is left to "Recalculer les durées". */
const MAX_ROWS = 500;

export function refreshEditedRows(
  ctx: Context,
  edit: { sheetName: string; row: number; numRows: number; column: number; numColumns: number },
): number {
  if (REFERENCE_SHEETS.has(edit.sheetName)) {
    // A name, a company, a period typed by hand: the cached lists must not be used any more.
    ctx.referencesChanged();
    return 0;
  }
  if (edit.sheetName !== STAGES.name) return 0;
  const first = Math.max(2, edit.row);
  const last = Math.min(edit.row + edit.numRows - 1, first + MAX_ROWS - 1);
  if (last < first) return 0;
  const t = ctx.table(STAGES);
  const touched = DURATION_KEYS.some((k) => {
    const c = t.col(k);
    return c >= edit.column && c < edit.column + edit.numColumns;
  });
  if (!touched) return 0;
  const rows = t.readRows(first, last - first + 1);
  const patches = new Map<number, Partial<Rec<StageKey>>>();
  rows.forEach((rec, i) => {
    if (str(rec.id) === '') return;
    const cols = presenceColumns(ctx, stageFromRecord(rec, parsers));
    if ((Object.keys(cols) as StageKey[]).some((k) => (rec[k] ?? '') !== (cols[k] ?? ''))) {
      patches.set(first + i, cols);
    }
  });
  if (patches.size === 0) return 0;
  writeRowsUndoable(ctx, t, patches, (row) => rows[row - first] ?? {});
  ctx.journal({
    action: 'Recompter la présence (saisie à la main)',
    target: [...patches.keys()].map((r) => str(rows[r - first]!.id)).join(', '),
    before: null,
    after: [...patches.values()],
  });
  return patches.size;
}
