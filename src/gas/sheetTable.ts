/**
 * One sheet of the workbook seen as a table of records keyed by column key.
 *
 * Columns are located by their header text (row 1), so users may reorder columns or add their
 * own; a renamed header is recognised by its column's tag (columnTags.ts). Rows are located by the stable ID in the `id` column, never by a remembered row number.
 * Every method states the spreadsheet calls it makes: budgets are counted in them.
 */
import { UserError } from '../domain/errors';
import type { CellValue, ColumnSpec, SheetSpec } from '../sheets/schema';
import { type CellIn, type DateCodec, readBack, readCell, rewriteAsRead, writeCell } from './cells';
import { readColumnTags } from './columnTags';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type Rec<K extends string> = Record<K, CellValue>;

export interface Row<K extends string> {
  /** 1-based sheet row; valid only within this execution. */
  row: number;
  values: Rec<K>;
}

export class MissingSheetError extends Error {}

/**
 * An ID found on several rows (a row copied by hand with its ID): no action may pick one of
 * them, since it cannot know which one is meant. Nothing is written; "Initialiser le classeur"
 * gives the copy a new ID.
 */
export function duplicateIdError(sheet: string, id: string, rows: readonly number[]): UserError {
  const list = `${rows.slice(0, -1).join(', ')} et ${rows[rows.length - 1]}`;
  return new UserError(
    `L’identifiant ${id} figure sur plusieurs lignes de la feuille « ${sheet} » (lignes ${list}) : ` +
      'une ligne a sans doute été copiée avec son identifiant. Rien n’a été modifié. ' +
      'Utilisez Extensions › Suivi des stages › Initialiser le classeur : la copie recevra ' +
      'un nouvel identifiant.',
  );
}

/**
 * The row holding `id` in an ID column read from row 2 (index i = row i + 2), or 0 when none;
 * an ID on several rows is refused (duplicateIdError).
 */
export function rowOfId(sheet: string, ids: readonly CellValue[], id: string): number {
  if (!id) return 0;
  const rows: number[] = [];
  ids.forEach((v, i) => {
    if (v === id) rows.push(i + 2);
  });
  if (rows.length > 1) throw duplicateIdError(sheet, id, rows);
  return rows[0] ?? 0;
}

/** Rows read whole (readAll): the first ID held by two of them is refused. */
export function assertUniqueIds<R extends { row: number; values: { id?: CellValue } }>(
  sheet: string,
  rows: readonly R[],
): void {
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const id = values.id;
    if (typeof id !== 'string' || id === '') continue;
    const first = seen.get(id);
    if (first !== undefined) {
      throw duplicateIdError(
        sheet,
        id,
        rows.filter((r) => r.values.id === id).map((r) => r.row),
      );
    }
    seen.set(id, row);
  }
}

export class SheetTable<K extends string> {
  private columns: Map<K, number> | null = null;
  private width = 0;
  /** Raw cells of rows read in this execution, to fill the gaps of a span write. */
  private rawRows = new Map<number, CellIn[]>();

  constructor(
    readonly spec: SheetSpec<K>,
    private readonly sheet: Sheet,
    private readonly dates: DateCodec,
    /** The formula of a computed cell of a given row (written with the row), if any. */
    private readonly rowFormula?: (
      key: K,
      row: number,
      letterOf: (key: K) => string,
    ) => string | null,
    /**
     * Told before each write, with the keys a row write changes (none for new, deleted or
     * inserted rows): caches made from the sheet are dropped.
     */
    private readonly beforeWrite: (keys?: readonly K[]) => void = () => undefined,
  ) {}

  /** Computed cells of `row` as formulas, by column position (empty without rowFormula). */
  private formulasOf(row: number): Map<number, string> {
    const out = new Map<number, string>();
    if (!this.rowFormula) return out;
    const letterOf = (k: K) => columnLetter(this.col(k));
    for (const c of this.spec.columns) {
      if (c.kind !== 'computed') continue;
      const f = this.rowFormula(c.key, row, letterOf);
      if (f) out.set(this.col(c.key), f);
    }
    return out;
  }

  /** Positions of computed columns that have no row formula (never written). */
  private frozenPositions(): Set<number> {
    const map = this.columnMap();
    return new Set(
      this.spec.columns
        .filter((c) => c.kind === 'computed' && !this.rowFormula)
        .map((c) => map.get(c.key)!),
    );
  }

  get sheetRef(): Sheet {
    return this.sheet;
  }

  /** Column positions from the header row. One read (the first time). */
  columnMap(): Map<K, number> {
    if (this.columns) return this.columns;
    const header = (this.sheet.getRange('1:1').getValues()[0] ?? []) as CellIn[];
    this.learnHeader(header);
    return this.columns!;
  }

  /**
   * Columns by header text, the way staff see them. A header found on no column (renamed by
   * hand) or on several (a column of the user's own with an add-on title) is looked up in the
   * column tags (columnTags.ts, one more call, only then): the tagged column is taken when its
   * header is not empty (an emptied header may mean the column's cells were moved away; then
   * "Initialiser le classeur" decides). The sheet keeps working with the renamed title;
   * "Initialiser le classeur" puts the add-on's title back.
   */
  private learnHeader(header: readonly CellIn[]): void {
    const byHeader = new Map<string, number[]>();
    header.forEach((h, i) => {
      const text = String(h ?? '').trim();
      if (text) byHeader.set(text, [...(byHeader.get(text) ?? []), i + 1]);
    });
    const map = new Map<K, number>();
    const unsure: ColumnSpec<K>[] = [];
    for (const c of this.spec.columns) {
      const found = byHeader.get(c.header) ?? [];
      if (found.length === 1) map.set(c.key, found[0]!);
      else unsure.push(c);
    }
    if (unsure.length > 0) {
      const tagged = new Map(readColumnTags(this.sheet).map((t) => [t.key, t.column]));
      const taken = new Set(map.values());
      const pick = (c: ColumnSpec<K>): number | undefined => {
        const col = tagged.get(c.key);
        // Never tagged (a workbook not initialised since tags exist): the first title, as before.
        if (col === undefined) return byHeader.get(c.header)?.[0];
        const titled = String(header[col - 1] ?? '').trim() !== '';
        return titled && !taken.has(col) ? col : undefined;
      };
      for (const c of unsure) {
        const col = pick(c);
        if (col === undefined) continue;
        map.set(c.key, col);
        taken.add(col);
      }
    }
    const missing = this.spec.columns.find((c) => !map.has(c.key));
    if (missing) {
      throw new MissingSheetError(
        `La feuille « ${this.spec.name} » n'a pas la colonne « ${missing.header} ». ` +
          'Utilisez Extensions › Suivi des stages › Initialiser le classeur pour la réparer.',
      );
    }
    this.columns = map;
    this.width = Math.max(...map.values(), header.length);
  }

  col(key: K): number {
    const c = this.columnMap().get(key);
    if (c === undefined) throw new Error(`Colonne inconnue : ${key}`);
    return c;
  }

  private specOf(key: K): ColumnSpec<K> {
    const c = this.spec.columns.find((x) => x.key === key);
    if (!c) throw new Error(`Colonne inconnue : ${key}`);
    return c;
  }

  private toRecord(raw: readonly CellIn[]): Rec<K> {
    const rec = {} as Rec<K>;
    for (const c of this.spec.columns) {
      rec[c.key] = readCell(raw[this.col(c.key) - 1], c.kind, this.dates);
    }
    return rec;
  }

  /**
   * Every data row. One read: the header comes with the data when the columns are not known
   * yet (data range), else the data block alone (open-ended range to the grid's end).
   */
  readAll(): Row<K>[] {
    let values: CellIn[][];
    if (this.columns) {
      values = this.sheet.getRange(`A2:${columnLetter(this.width)}`).getValues() as CellIn[][];
    } else {
      const all = this.sheet.getDataRange().getValues() as CellIn[][];
      this.learnHeader(all[0] ?? []);
      values = all.slice(1);
    }
    const rows: Row<K>[] = [];
    values.forEach((raw, i) => {
      while (raw.length < this.width) raw.push('');
      this.rawRows.set(i + 2, raw);
      const rec = this.toRecord(raw);
      if (this.isBlankRecord(rec)) return;
      rows.push({ row: i + 2, values: rec });
    });
    return rows;
  }

  private isBlankRecord(rec: Rec<K>): boolean {
    return this.spec.columns.every((c) => {
      const v = rec[c.key];
      return c.kind === 'computed' || v === '' || v === null || v === false;
    });
  }

  /** One column's values from row 2 down, index i = row i + 2. One read (open-ended range). */
  readColumn(key: K): CellValue[] {
    const c = this.col(key);
    const kind = this.specOf(key).kind;
    const letter = columnLetter(c);
    const values = this.sheet.getRange(`${letter}2:${letter}`).getValues() as CellIn[][];
    return values.map((r) => readCell(r[0], kind, this.dates));
  }

  /**
   * Several columns at once, read as ONE block spanning them (cheaper than one read each
   * when they are close together). Returns records holding only the requested keys.
   */
  readColumns<S extends K>(keys: readonly S[]): { row: number; values: Pick<Rec<K>, S> }[] {
    const cols = keys.map((k) => this.col(k));
    const first = Math.min(...cols);
    const last = Math.max(...cols);
    const a1 = `${columnLetter(first)}2:${columnLetter(last)}`;
    const values = this.sheet.getRange(a1).getValues() as CellIn[][];
    return values.map((raw, i) => {
      const rec = {} as Pick<Rec<K>, S>;
      keys.forEach((k, j) => {
        rec[k] = readCell(raw[cols[j]! - first], this.specOf(k).kind, this.dates);
      });
      return { row: i + 2, values: rec };
    });
  }

  /**
   * Row number of `id`, or 0. One read of the ID column, which also tells when the ID is on
   * several rows: that is refused (duplicateIdError), never resolved to one of them.
   */
  findRow(id: string): number {
    if (!id) return 0;
    return rowOfId(this.spec.name, this.readColumn('id' as K), id);
  }

  /** Number of cells a row read covers (the header's width), once the header is known. */
  get rowWidth(): number {
    this.columnMap();
    return this.width;
  }

  /** The raw cells of a row read in this execution, as the sheet gave them. */
  rawRow(row: number): readonly CellIn[] | undefined {
    return this.rawRows.get(row);
  }

  /** The first `width` raw cells of a row, without reading the header. One read. */
  readRawRow(row: number, width: number): CellIn[] {
    return (this.sheet.getRange(row, 1, 1, width).getValues()[0] ?? []) as CellIn[];
  }

  /** One row. One read. */
  readRow(row: number): Rec<K> {
    this.columnMap();
    const raw = (this.sheet.getRange(row, 1, 1, this.width).getValues()[0] ?? []) as CellIn[];
    this.rawRows.set(row, raw);
    return this.toRecord(raw);
  }

  /**
   * Write the given keys of one row. Computed columns take their row formula, never a value.
   * When the row was read in this execution, the span between the
   * changed cells is written whole, refilled with what was read, so a change costs one or two
   * writes rather than one per changed column.
   */
  writeRow(row: number, values: Partial<Rec<K>>): void {
    const cells = new Map<number, CellIn>();
    for (const [key, v] of Object.entries(values) as [K, CellValue][]) {
      const spec = this.specOf(key);
      if (spec.kind === 'computed') continue;
      cells.set(this.col(key), writeCell(v, spec.kind, this.dates));
    }
    if (cells.size === 0) return;
    this.beforeWrite(Object.keys(values) as K[]);
    for (const [c, f] of this.formulasOf(row)) cells.set(c, f);
    const raw = this.rawRows.get(row);
    if (raw && cells.size > 1) {
      const frozen = this.frozenPositions();
      const lo = Math.min(...cells.keys());
      const hi = Math.max(...cells.keys());
      for (let c = lo; c <= hi; c++) {
        if (!cells.has(c) && !frozen.has(c)) cells.set(c, rewriteAsRead(raw[c - 1] ?? ''));
      }
    }
    for (const run of contiguousRuns([...cells.keys()])) {
      const rowValues = run.map((c) => cells.get(c) as CellIn);
      this.sheet.getRange(row, run[0]!, 1, run.length).setValues([rowValues]);
    }
    if (raw) for (const [c, v] of cells) raw[c - 1] = readBack(v);
  }

  /** Consecutive rows `first`…`first+count-1`. One read; rows kept for a later writeRows. */
  readRows(first: number, count: number): Rec<K>[] {
    this.columnMap();
    const values = this.sheet.getRange(first, 1, count, this.width).getValues() as CellIn[][];
    return values.map((raw, i) => {
      this.rawRows.set(first + i, raw);
      return this.toRecord(raw);
    });
  }

  /**
   * The rows whose `key` cell satisfies `matches`: one read of that column, then one read of the
   * span of those rows (kept, so a writeRows of them needs no further read). Never the table.
   */
  readRowsWhere(key: K, matches: (value: string) => boolean): Row<K>[] {
    const rows: number[] = [];
    this.readColumn(key).forEach((v, i) => {
      if (matches(v === null || v === undefined ? '' : String(v).trim())) rows.push(i + 2);
    });
    if (rows.length === 0) return [];
    const lo = Math.min(...rows);
    const block = this.readRows(lo, Math.max(...rows) - lo + 1);
    return rows.map((row) => ({ row, values: block[row - lo]! }));
  }

  /**
   * Write patches to several rows read before with readRows: one write per run of columns over
   * the span of rows, rows and cells without a patch rewritten with what was read.
   */
  writeRows(patches: Map<number, Partial<Rec<K>>>): void {
    if (patches.size === 0) return;
    const map = this.columnMap();
    const rows = [...patches.keys()];
    const lo = Math.min(...rows);
    const hi = Math.max(...rows);
    const cols = new Set<number>();
    for (const p of patches.values()) {
      for (const key of Object.keys(p) as K[]) {
        if (this.specOf(key).kind !== 'computed') cols.add(map.get(key)!);
      }
    }
    if (cols.size === 0) return;
    this.beforeWrite([...new Set([...patches.values()].flatMap((p) => Object.keys(p) as K[]))]);
    for (const c of this.formulasOf(lo).keys()) cols.add(c);
    const computed = this.frozenPositions();
    const cLo = Math.min(...cols);
    const cHi = Math.max(...cols);
    for (let c = cLo; c <= cHi; c++) if (!computed.has(c)) cols.add(c);
    const keyAt = new Map<number, K>([...map.entries()].map(([k, c]) => [c, k]));
    for (const run of contiguousRuns([...cols])) {
      const block: CellIn[][] = [];
      for (let r = lo; r <= hi; r++) {
        const raw = this.rawRows.get(r);
        if (!raw) throw new Error(`Ligne ${r} non lue avant écriture groupée`);
        const patch = patches.get(r);
        // Rows in the span keep their computed cells as formulas (rewriting the value read would
        // freeze them); a row with no ID had none, and gets none.
        const idCell = raw[(map.get('id' as K) ?? 1) - 1];
        const hasRow =
          patch !== undefined || (idCell !== '' && idCell !== null && idCell !== undefined);
        const formulas = hasRow ? this.formulasOf(r) : new Map<number, string>();
        block.push(
          run.map((c) => {
            const f = formulas.get(c);
            if (f !== undefined) return f;
            const key = keyAt.get(c);
            if (key !== undefined && this.rowFormula && this.specOf(key).kind === 'computed')
              return '';
            if (patch && key !== undefined && key in patch) {
              const v = writeCell(patch[key] ?? '', this.specOf(key).kind, this.dates);
              raw[c - 1] = readBack(v);
              return v;
            }
            return rewriteAsRead(raw[c - 1] ?? '');
          }),
        );
      }
      this.sheet.getRange(lo, run[0]!, hi - lo + 1, run.length).setValues(block);
    }
  }

  /**
   * Insert `count` empty rows after `row` (rows below move down; the sheet keeps their formulas
   * pointing at their own rows). Rows read in this execution are renumbered, and the new rows
   * count as read (empty), so a writeRows over them needs no read. One call.
   */
  insertRowsAfter(row: number, count: number): void {
    this.columnMap();
    this.beforeWrite();
    this.sheet.insertRowsAfter(row, count);
    const moved = new Map<number, CellIn[]>();
    for (const [r, raw] of this.rawRows) moved.set(r > row ? r + count : r, raw);
    for (let i = 1; i <= count; i++) moved.set(row + i, new Array<CellIn>(this.width).fill(''));
    this.rawRows = moved;
  }

  /** Delete `count` rows from `row` on (rows below move up). One call. */
  deleteRows(row: number, count: number): void {
    this.beforeWrite();
    this.sheet.deleteRows(row, count);
    const moved = new Map<number, CellIn[]>();
    for (const [r, raw] of this.rawRows) {
      if (r < row) moved.set(r, raw);
      else if (r >= row + count) moved.set(r - count, raw);
    }
    this.rawRows = moved;
  }

  /**
   * Append one record after the last row with content, in one call (appendRow grows the grid
   * itself). Only for sheets without computed columns: every cell up to the last column is
   * written. The row number is not known without another read, and not returned.
   */
  appendOne(record: Partial<Rec<K>>): void {
    const map = this.columnMap();
    if (this.rowFormula || this.spec.columns.some((c) => c.kind === 'computed')) {
      this.appendRows([record]);
      return;
    }
    this.beforeWrite();
    const cells: CellIn[] = new Array<CellIn>(this.width).fill('');
    for (const c of this.spec.columns) {
      const v = record[c.key];
      cells[map.get(c.key)! - 1] = writeCell(v === undefined ? '' : v, c.kind, this.dates);
    }
    this.sheet.appendRow(cells);
  }

  /**
   * Append records after the last row. Computed columns get their row formula, never a value.
   * Calls: last row, grid size, possibly one insert, then one write per run of
   * writable columns (one when computed columns sit outside the written span).
   */
  appendRows(records: Partial<Rec<K>>[]): number {
    if (records.length === 0) return 0;
    this.beforeWrite();
    const map = this.columnMap();
    const first = this.sheet.getLastRow() + 1;
    const needed = first + records.length - 1;
    const max = this.sheet.getMaxRows();
    if (needed > max) this.sheet.insertRowsAfter(max, needed - max);
    const frozen = this.frozenPositions();
    const written = this.spec.columns.filter((c) => !frozen.has(map.get(c.key)!));
    const positions = written.map((c) => map.get(c.key)!).sort((a, b) => a - b);
    const keyAt = new Map<number, K>(written.map((c) => [map.get(c.key)!, c.key]));
    for (const run of contiguousRuns(positions)) {
      const block = records.map((rec, i) => {
        const formulas = this.formulasOf(first + i);
        return run.map((c) => {
          const f = formulas.get(c);
          if (f !== undefined) return f;
          const key = keyAt.get(c)!;
          const spec = this.specOf(key);
          if (spec.kind === 'computed') return '';
          const v = rec[key];
          return writeCell(v === undefined ? '' : v, spec.kind, this.dates);
        });
      });
      this.sheet.getRange(first, run[0]!, records.length, run.length).setValues(block);
    }
    return first;
  }
}

/** 1 → A, 27 → AA. Open-ended ranges ("W2:W") read to the grid's end without asking its size. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** [1,2,3,5,6,9] → [[1,2,3],[5,6],[9]] */
export function contiguousRuns(positions: number[]): number[][] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === p - 1) last.push(p);
    else runs.push([p]);
  }
  return runs;
}
