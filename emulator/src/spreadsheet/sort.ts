/** Range.sort and Filter.sort: Sheets' ordering of mixed values, blanks always last. */
import type { Workbook } from './book';
import type { Scalar } from './calc';
import { type GridRef, recountFormulas, type Row, type SheetModel } from './model';
import { translateFormula } from './refs';

function compareValues(a: Scalar, b: Scalar, collator: Intl.Collator): number {
  const rank = (v: Scalar) =>
    v === null || v === ''
      ? 4
      : typeof v === 'number'
        ? 0
        : typeof v === 'string'
          ? v.startsWith('#') && /^#[A-Z/0!?]+[!?A]?$/.test(v)
            ? 3
            : 1
          : 2;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return 0;
}

/**
 * Sort the block's rows by the given columns (absolute column numbers). Whole rows move when
 * the block spans the sheet's width; formulas follow their row.
 */
export function sortBlock(
  wb: Workbook,
  sheet: SheetModel,
  ref: GridRef,
  specs: { col: number; asc: boolean }[],
): void {
  const collator = new Intl.Collator(wb.localeInfo().tag, { sensitivity: 'base' });
  const rows: { key: Scalar[]; index: number }[] = [];
  for (let r = ref.row; r < ref.row + ref.numRows; r++) {
    rows.push({ key: specs.map((s) => wb.calc.value(sheet, r, s.col)), index: r });
  }
  rows.sort((x, y) => {
    for (let i = 0; i < specs.length; i++) {
      const a = x.key[i] as Scalar;
      const b = y.key[i] as Scalar;
      const emptyA = a === null || a === '';
      const emptyB = b === null || b === '';
      // Blanks always sort last, whatever the direction.
      if (emptyA !== emptyB) return emptyA ? 1 : -1;
      const c = compareValues(a, b, collator);
      if (c !== 0) return (specs[i] as { asc: boolean }).asc ? c : -c;
    }
    return x.index - y.index;
  });
  const whole = ref.col === 1 && ref.numCols >= sheet.maxCols;
  const moved = rows.map((r) => {
    const line = sheet.rows[r.index - 1];
    if (whole) return line;
    const cells =
      ref.col > 0 ? (line?.cells.slice(ref.col - 1, ref.col - 1 + ref.numCols) ?? []) : [];
    return { cells, formulas: 0 } as Row;
  });
  moved.forEach((line, i) => {
    const target = ref.row + i;
    const from = (rows[i] as { index: number }).index;
    const delta = target - from;
    if (line && delta !== 0) {
      for (const cell of line.cells)
        if (cell?.formula !== undefined) cell.formula = translateFormula(cell.formula, delta, 0);
    }
    if (whole) {
      sheet.rows[target - 1] = line;
    } else {
      let dest = sheet.rows[target - 1];
      if (!dest) {
        dest = { cells: [], formulas: 0 };
        sheet.rows[target - 1] = dest;
      }
      for (let j = 0; j < ref.numCols; j++) dest.cells[ref.col - 1 + j] = line?.cells[j];
      recountFormulas(dest);
    }
  });
  wb.touch();
}
