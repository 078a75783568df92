/**
 * Writes an action can take back if it fails before its journal line (see gas/ledger.ts): each
 * registers its way back with the context, so that the action ends done and journalled, or not
 * done. Values are put back by rewriting what was read; rows added are removed; rows deleted
 * come back where they were.
 */
import type { Context } from '../gas/context';
import { restoreRows } from '../gas/rows';
import type { Rec, SheetTable } from '../gas/sheetTable';
import { str } from '../sheets/records';

/** Rewrites `keys` of a row with `patch`; its way back rewrites them as `before` had them. */
export function writeRowUndoable<K extends string>(
  ctx: Context,
  t: SheetTable<K>,
  row: number,
  patch: Partial<Rec<K>>,
  before: Partial<Rec<K>>,
): void {
  if (Object.keys(patch).length === 0) return;
  const old = onlyKeys(before, Object.keys(patch) as K[]);
  ctx.onRollback(() => t.writeRow(row, old));
  t.writeRow(row, patch);
}

/** Several rows read before (readRows, readAll): `before` holds each row's record as read. */
export function writeRowsUndoable<K extends string>(
  ctx: Context,
  t: SheetTable<K>,
  patches: Map<number, Partial<Rec<K>>>,
  before: (row: number) => Partial<Rec<K>>,
): void {
  if (patches.size === 0) return;
  const old = new Map<number, Partial<Rec<K>>>();
  for (const [row, patch] of patches)
    old.set(row, onlyKeys(before(row), Object.keys(patch) as K[]));
  ctx.onRollback(() => t.writeRows(old));
  t.writeRows(patches);
}

/**
 * Appends records to a table whose rows have an ID: their way back deletes the rows holding
 * those IDs (read again only if it is needed), so it is safe whatever part was written.
 */
export function appendUndoable<K extends string>(
  ctx: Context,
  t: SheetTable<K>,
  records: Partial<Rec<K>>[],
  idKey: K = 'id' as K,
): void {
  if (records.length === 0) return;
  const ids = new Set(records.map((r) => str(r[idKey])).filter((id) => id !== ''));
  ctx.onRollback(() => deleteWhere(t, idKey, ids));
  if (records.length === 1 && !t.spec.columns.some((c) => c.kind === 'computed')) {
    t.appendOne(records[0]!);
  } else {
    t.appendRows(records);
  }
}

/**
 * Appends records to a table without IDs. Its data is one write (the table's columns are
 * contiguous): the way back deletes the rows appended once they are.
 */
export function appendPlainUndoable<K extends string>(
  ctx: Context,
  t: SheetTable<K>,
  records: Partial<Rec<K>>[],
): void {
  if (records.length === 0) return;
  const first = ctx.atomically(() => t.appendRows(records));
  ctx.onRollback(() => t.deleteRows(first, records.length));
}

function deleteWhere<K extends string>(t: SheetTable<K>, key: K, values: Set<string>): void {
  if (values.size === 0) return;
  const rows: number[] = [];
  t.readColumn(key).forEach((v, i) => {
    if (values.has(str(v))) rows.push(i + 2);
  });
  for (const [lo, n] of runsFromBottom(rows)) t.deleteRows(lo, n);
}

/** [2,3,4,9] → [[9,1],[2,3]]: runs of consecutive rows as [first, count], the bottom one first. */
export function runsFromBottom(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === r) last[1] += 1;
    else runs.push([r, 1]);
  }
  return runs.reverse();
}

/**
 * Deletes rows read in this execution (their cells are kept to put them back), one call per run
 * of consecutive rows, the lowest run first so the others keep their numbers. Each run comes
 * back where it was if the action fails later.
 */
export function deleteRowsUndoable<K extends string>(
  ctx: Context,
  t: SheetTable<K>,
  rows: readonly number[],
): void {
  for (const [lo, n] of runsFromBottom(rows)) {
    const raws = Array.from({ length: n }, (_, i) => {
      const raw = t.rawRow(lo + i);
      if (!raw) throw new Error(`Ligne ${lo + i} non lue avant sa suppression`);
      return [...raw];
    });
    ctx.atomically(() => t.deleteRows(lo, n));
    ctx.onRollback(() => restoreRows(t, lo, raws));
  }
}

function onlyKeys<K extends string>(r: Partial<Rec<K>>, keys: K[]): Partial<Rec<K>> {
  const out: Partial<Rec<K>> = {};
  for (const k of keys) out[k] = r[k] ?? '';
  return out;
}
