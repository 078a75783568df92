/**
 * Inserting and deleting rows and columns, with everything that refers to cells following the
 * change as in Sheets: formulas on every sheet, conditional format ranges and rule formulas,
 * the filter and its criteria, protections, named ranges, validation rules and the selection.
 */
import type { Workbook } from './book';
import { fail } from './errors';
import {
  type Cell,
  formatOnly,
  type GridRef,
  recountFormulas,
  type Row,
  type SheetModel,
  type ValidationData,
} from './model';
import { followMetadata } from './metadata-store';
import {
  adjustFormula,
  permuteFormula,
  shiftSpan,
  type StructuralChange,
  translateFormula,
} from './refs';

export function insertRows(
  wb: Workbook,
  sheet: SheetModel,
  at: number,
  count: number,
  inheritFrom: number | null,
): void {
  if (count < 1) fail('The number of rows to insert must be at least 1.');
  if (at < 1 || at > sheet.maxRows + 1) fail('Those rows are out of bounds.');
  const template = inheritFrom !== null ? sheet.rows[inheritFrom - 1] : undefined;
  const fresh: (Row | undefined)[] = [];
  for (let i = 0; i < count; i++) {
    if (!template) {
      fresh.push(undefined);
      continue;
    }
    const cells = template.cells.map((c) => formatOnly(c));
    fresh.push(cells.some((c) => c) ? { cells, formulas: 0 } : undefined);
  }
  padTo(sheet.rows, at - 1);
  sheet.rows.splice(at - 1, 0, ...fresh);
  padTo(sheet.hiddenRows, at - 1);
  sheet.hiddenRows.splice(at - 1, 0, ...new Array<boolean>(count).fill(false));
  padTo(sheet.rowHeights, at - 1);
  sheet.rowHeights.splice(at - 1, 0, ...new Array<number | null>(count).fill(null));
  sheet.maxRows += count;
  if (at <= sheet.frozenRows) sheet.frozenRows += count;
  followStructure(wb, sheet, { sheet: sheet.name, dimension: 'row', at, count });
}

export function deleteRows(wb: Workbook, sheet: SheetModel, at: number, count: number): void {
  if (count < 1) fail('The number of rows to delete must be at least 1.');
  if (at < 1 || at + count - 1 > sheet.maxRows) fail('Those rows are out of bounds.');
  if (sheet.maxRows - count <= sheet.frozenRows)
    fail('Sorry, it is not possible to delete all non-frozen rows.');
  sheet.rows.splice(at - 1, count);
  sheet.hiddenRows.splice(at - 1, count);
  sheet.rowHeights.splice(at - 1, count);
  sheet.maxRows -= count;
  sheet.frozenRows -= overlap(at, count, sheet.frozenRows);
  followStructure(wb, sheet, { sheet: sheet.name, dimension: 'row', at, count: -count });
}

export function insertColumns(
  wb: Workbook,
  sheet: SheetModel,
  at: number,
  count: number,
  inheritFrom: number | null,
): void {
  if (count < 1) fail('The number of columns to insert must be at least 1.');
  if (at < 1 || at > sheet.maxCols + 1) fail('Those columns are out of bounds.');
  for (const line of sheet.rows) {
    if (!line) continue;
    const template = inheritFrom !== null ? line.cells[inheritFrom - 1] : undefined;
    padTo(line.cells, at - 1);
    const fresh = new Array<Cell | undefined>(count)
      .fill(undefined)
      .map(() => formatOnly(template));
    line.cells.splice(at - 1, 0, ...fresh);
  }
  const width = inheritFrom !== null ? (sheet.colWidths[inheritFrom - 1] ?? null) : null;
  padTo(sheet.colWidths, at - 1);
  sheet.colWidths.splice(at - 1, 0, ...new Array<number | null>(count).fill(width));
  padTo(sheet.hiddenCols, at - 1);
  sheet.hiddenCols.splice(at - 1, 0, ...new Array<boolean>(count).fill(false));
  sheet.maxCols += count;
  if (at <= sheet.frozenCols) sheet.frozenCols += count;
  followStructure(wb, sheet, { sheet: sheet.name, dimension: 'col', at, count });
}

export function deleteColumns(wb: Workbook, sheet: SheetModel, at: number, count: number): void {
  if (count < 1) fail('The number of columns to delete must be at least 1.');
  if (at < 1 || at + count - 1 > sheet.maxCols) fail('Those columns are out of bounds.');
  if (sheet.maxCols - count <= sheet.frozenCols)
    fail('Sorry, it is not possible to delete all non-frozen columns.');
  for (const line of sheet.rows) {
    if (!line) continue;
    line.cells.splice(at - 1, count);
    recountFormulas(line);
  }
  sheet.colWidths.splice(at - 1, count);
  sheet.hiddenCols.splice(at - 1, count);
  sheet.maxCols -= count;
  sheet.frozenCols -= overlap(at, count, sheet.frozenCols);
  followStructure(wb, sheet, { sheet: sheet.name, dimension: 'col', at, count: -count });
}

/** Make everything that points at cells of `sheet` follow an insertion or deletion. */
function followStructure(wb: Workbook, sheet: SheetModel, change: StructuralChange): void {
  wb.forEachFormula((cell, s) => {
    cell.formula = adjustFormula(cell.formula as string, s.name, change);
  });
  const shift = (ref: GridRef): GridRef | null => shiftRef(ref, sheet.id, change);
  // Conditional formats: ranges and formulas (relative to the first range's top-left).
  sheet.cfRules = sheet.cfRules.filter((rule) => {
    const anchor = rule.ranges[0];
    const ranges = rule.ranges.map(shift).filter((r): r is GridRef => r !== null);
    if (ranges.length === 0) return false;
    if (
      rule.condition.criteria === 'CUSTOM_FORMULA' &&
      anchor &&
      typeof rule.condition.args[0] === 'string'
    ) {
      rule.condition.args[0] = adjustAnchored(
        rule.condition.args[0],
        anchor,
        sheet.name,
        change,
      ).formula;
    }
    rule.ranges = ranges;
    return true;
  });
  if (sheet.filter) {
    const f = sheet.filter;
    const range = shift(f.range);
    if (!range) {
      sheet.filter = null;
    } else {
      const anchorRow = f.range.row + 1;
      const criteria: typeof f.criteria = {};
      for (const [k, crit] of Object.entries(f.criteria)) {
        const col = Number(k);
        let newCol: number | null = col;
        if (change.dimension === 'col') {
          const s = shiftSpan(col, col, change.at, change.count);
          newCol = s ? s[0] : null;
        }
        if (newCol === null) continue;
        if (
          crit.condition?.criteria === 'CUSTOM_FORMULA' &&
          typeof crit.condition.args[0] === 'string'
        ) {
          crit.condition.args[0] = adjustAnchored(
            crit.condition.args[0],
            { sheetId: sheet.id, row: anchorRow, col, numRows: 1, numCols: 1 },
            sheet.name,
            change,
          ).formula;
        }
        criteria[newCol] = crit;
      }
      sheet.filter = { range, criteria };
    }
  }
  for (const s of wb.model.sheets) {
    s.protections = s.protections.filter((p) => {
      if (p.type === 'SHEET') {
        if (s === sheet)
          p.range = { sheetId: s.id, row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols };
        p.unprotected = p.unprotected.map(shift).filter((r): r is GridRef => r !== null);
        return true;
      }
      const r = shift(p.range);
      if (!r) return false;
      p.range = r;
      return true;
    });
  }
  followMetadata(wb, sheet.id, change.dimension === 'row' ? 'ROW' : 'COLUMN', (a, b) => {
    const s = shiftSpan(a, b, change.at, change.count);
    return s ? [s[0] as number, s[1] as number] : null;
  });
  wb.model.namedRanges = wb.model.namedRanges.filter((n) => {
    const r = shift(n.ref);
    if (!r) return false;
    n.ref = r;
    return true;
  });
  // Validation rules are shared by many cells: adjust each one once.
  const seen = new Set<ValidationData>();
  for (const s of wb.model.sheets) {
    for (const line of s.rows) {
      if (!line) continue;
      for (const cell of line.cells) {
        const v = cell?.validation;
        if (!v || seen.has(v)) continue;
        seen.add(v);
        v.args = v.args.map((a) => {
          if (a && typeof a === 'object' && 'range' in a) {
            const r = shift(a.range);
            return r ? { range: r } : a;
          }
          return a;
        });
        if (s === sheet && v.anchor) {
          const anchorRef = {
            sheetId: sheet.id,
            row: v.anchor.row,
            col: v.anchor.col,
            numRows: 1,
            numCols: 1,
          };
          const moved = adjustAnchored(
            v.criteria === 'CUSTOM_FORMULA' && typeof v.args[0] === 'string' ? v.args[0] : '',
            anchorRef,
            sheet.name,
            change,
          );
          if (v.criteria === 'CUSTOM_FORMULA' && typeof v.args[0] === 'string')
            v.args[0] = moved.formula;
          v.anchor = moved.anchor;
        }
      }
    }
  }
  const sel = sheet.selection;
  sel.ranges = sel.ranges.map(shift).filter((r): r is GridRef => r !== null);
  if (sel.ranges.length === 0)
    sel.ranges = [{ sheetId: sheet.id, row: 1, col: 1, numRows: 1, numCols: 1 }];
  const first = sel.ranges[0] as GridRef;
  if (!sel.ranges.some((r) => r.row <= sel.current.row && sel.current.row < r.row + r.numRows)) {
    sel.current = { row: first.row, col: first.col };
  }
  wb.touch();
}

/**
 * Sheet.moveColumns: columns `start`…`start+count-1` go before column `dest` (counted before the
 * move); the columns in between shift over. Cells, widths and hidden flags move with their
 * columns, and so does everything that points at them: formulas on every sheet, developer
 * metadata, validation, conditional format, protection, named and filter ranges. A range's
 * bounds each follow their own column (exact for single columns, the only kind the add-on
 * writes; a range cut in two by a move is an approximation of what Sheets does).
 */
export function moveColumns(
  wb: Workbook,
  sheet: SheetModel,
  start: number,
  count: number,
  dest: number,
): void {
  if (dest < 1 || dest > sheet.maxCols + 1) fail('Those columns are out of bounds.');
  if (dest >= start && dest <= start + count) return;
  const to = columnPermutation(start, count, dest);
  const permute = <T>(arr: T[]): T[] => {
    const out: T[] = [];
    const n = Math.max(arr.length, start + count - 1, dest - 1);
    for (let c = 1; c <= n; c++) if (arr[c - 1] !== undefined) out[to(c) - 1] = arr[c - 1] as T;
    out.length = Math.max(out.length, arr.length);
    return out;
  };
  for (const line of sheet.rows) if (line) line.cells = permute(line.cells);
  sheet.colWidths = permute(sheet.colWidths);
  sheet.hiddenCols = permute(sheet.hiddenCols);
  const bounds = (a: number, b: number): [number, number] => {
    const x = to(a);
    const y = to(b);
    return x <= y ? [x, y] : [y, x];
  };
  const move = (ref: GridRef): GridRef => {
    if (ref.sheetId !== sheet.id) return ref;
    const [a, b] = bounds(ref.col, ref.col + ref.numCols - 1);
    return { ...ref, col: a, numCols: b - a + 1 };
  };
  wb.forEachFormula((cell, s) => {
    cell.formula = permuteFormula(cell.formula as string, s.name, sheet.name, to);
  });
  for (const rule of sheet.cfRules) {
    rule.ranges = rule.ranges.map(move);
    if (rule.condition.criteria === 'CUSTOM_FORMULA' && typeof rule.condition.args[0] === 'string')
      rule.condition.args[0] = permuteFormula(rule.condition.args[0], sheet.name, sheet.name, to);
  }
  if (sheet.filter) {
    const criteria: typeof sheet.filter.criteria = {};
    for (const [k, crit] of Object.entries(sheet.filter.criteria)) criteria[to(Number(k))] = crit;
    sheet.filter = { range: move(sheet.filter.range), criteria };
  }
  for (const s of wb.model.sheets) {
    for (const p of s.protections) {
      if (p.type === 'RANGE') p.range = move(p.range);
      p.unprotected = p.unprotected.map(move);
    }
  }
  for (const n of wb.model.namedRanges) n.ref = move(n.ref);
  followMetadata(wb, sheet.id, 'COLUMN', bounds);
  const seen = new Set<ValidationData>();
  for (const s of wb.model.sheets) {
    for (const line of s.rows) {
      for (const cell of line?.cells ?? []) {
        const v = cell?.validation;
        if (!v || seen.has(v)) continue;
        seen.add(v);
        v.args = v.args.map((a) =>
          a && typeof a === 'object' && 'range' in a ? { range: move(a.range) } : a,
        );
      }
    }
  }
  sheet.selection.ranges = sheet.selection.ranges.map(move);
  wb.touch();
}

/** Where column c goes when `count` columns from `start` move before column `dest`. */
export function columnPermutation(
  start: number,
  count: number,
  dest: number,
): (c: number) => number {
  const newStart = dest > start ? dest - count : dest;
  return (c) => {
    if (c >= start && c < start + count) return newStart + (c - start);
    if (dest > start && c >= start + count && c < dest) return c - count;
    if (dest < start && c >= dest && c < start) return c + count;
    return c;
  };
}

function padTo<T>(arr: T[], length: number): void {
  if (arr.length < length) arr.length = length;
}

function overlap(at: number, count: number, frozen: number): number {
  const end = Math.min(at + count - 1, frozen);
  return end >= at ? end - at + 1 : 0;
}

export function shiftRef(ref: GridRef, sheetId: number, change: StructuralChange): GridRef | null {
  if (ref.sheetId !== sheetId) return ref;
  if (change.dimension === 'row') {
    const s = shiftSpan(ref.row, ref.row + ref.numRows - 1, change.at, change.count);
    if (!s) return null;
    const [a, b] = s as [number, number];
    return { ...ref, row: a, numRows: b - a + 1 };
  }
  const s = shiftSpan(ref.col, ref.col + ref.numCols - 1, change.at, change.count);
  if (!s) return null;
  const [a, b] = s as [number, number];
  return { ...ref, col: a, numCols: b - a + 1 };
}

/**
 * A rule formula written relative to `anchor` (a range's top-left) after a structural change:
 * it follows the change as a formula in the anchor cell would; when the anchor itself is deleted,
 * the new top-left takes its place with the same relative offsets.
 */
export function adjustAnchored(
  formula: string,
  anchor: GridRef,
  sheetName: string,
  change: StructuralChange,
): { formula: string; anchor: { row: number; col: number } } {
  const pos = change.dimension === 'row' ? anchor.row : anchor.col;
  let f = formula;
  let newPos: number;
  if (change.count > 0) {
    newPos = pos >= change.at ? pos + change.count : pos;
  } else {
    const n = -change.count;
    if (pos >= change.at && pos < change.at + n) {
      // The anchor is deleted: the first surviving cell after the deleted span replaces it.
      const survivor = change.at + n;
      const d = survivor - pos;
      f = change.dimension === 'row' ? translateFormula(f, d, 0) : translateFormula(f, 0, d);
      newPos = change.at;
    } else {
      newPos = pos >= change.at + n ? pos - n : pos;
    }
  }
  if (f) f = adjustFormula(f, sheetName, change);
  const a =
    change.dimension === 'row'
      ? { row: newPos, col: anchor.col }
      : { row: anchor.row, col: newPos };
  return { formula: f, anchor: a };
}
