/**
 * What the workbench draws: display strings after formulas and number formats, effective styles
 * with conditional formats applied (first matching rule wins), checkboxes, dropdowns, invalid
 * cells (red corner), errors' tooltips, hidden rows/columns, frozen panes, widths.
 */
import { cellA1 } from './a1';
import type { Workbook } from './book';
import { checkCondition, isValidCell, truthy } from './criteria';
import {
  DEFAULT_COL_WIDTH,
  DEFAULT_ROW_HEIGHT,
  type Borders,
  type CfRuleData,
  getCell,
  type GridRef,
  type SheetModel,
} from './model';
import { DEFAULTS } from './cell-style';
import { translateFormula } from './refs';

export interface RenderedCell {
  text: string;
  background: string;
  color: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  fontSize: number;
  fontFamily: string;
  /** Effective alignment: 'general' resolved (numbers right, booleans centre, text left). */
  hAlign: 'left' | 'center' | 'right';
  vAlign: 'top' | 'middle' | 'bottom';
  wrap: boolean;
  borders?: Borders;
  formula?: string;
  note?: string;
  link?: string;
  /** Checkbox state, when the cell has checkbox validation. */
  checkbox?: boolean;
  /** Options of a dropdown (list validation). */
  dropdown?: string[];
  /** The content fails the cell's validation rule (Sheets draws a red corner). */
  invalid?: boolean;
  /** Tooltip of an error value, when known (spill blocked, circular reference). */
  error?: string;
}

export interface RenderedSheet {
  name: string;
  index: number;
  hidden: boolean;
  tabColor: string | null;
  hiddenGridlines: boolean;
  maxRows: number;
  maxColumns: number;
  /** Rendered extent: rows/columns with content or formatting (at least 1 x 1). */
  numRows: number;
  numColumns: number;
  frozenRows: number;
  frozenColumns: number;
  columnWidths: number[];
  rowHeights: number[];
  hiddenColumns: number[];
  /** Rows hidden by the user (hideRows). */
  hiddenRows: number[];
  /** Rows hidden by the sheet's filter. */
  filteredRows: number[];
  filter: { range: string; columns: number[] } | null;
  /** cells[row - 1][col - 1]. */
  cells: RenderedCell[][];
}

function extent(wb: Workbook, sheet: SheetModel): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sheet.rows.forEach((line, i) => {
    if (!line) return;
    for (let j = line.cells.length - 1; j >= 0; j--) {
      if (line.cells[j]) {
        rows = i + 1;
        cols = Math.max(cols, j + 1);
        break;
      }
    }
  });
  const spill = wb.calc.spillExtent(sheet);
  rows = Math.max(rows, spill.row, sheet.frozenRows, 1);
  cols = Math.max(cols, spill.col, sheet.frozenCols, 1);
  return { rows: Math.min(rows, sheet.maxRows), cols: Math.min(cols, sheet.maxCols) };
}

/** Which rule (index) styles each cell: the first whose condition holds. */
function conditionalFormats(
  wb: Workbook,
  sheet: SheetModel,
  rows: number,
  cols: number,
): Map<number, CfRuleData> {
  const out = new Map<number, CfRuleData>();
  for (const rule of sheet.cfRules) {
    const anchor = rule.ranges[0];
    if (!anchor) continue;
    const formula =
      rule.condition.criteria === 'CUSTOM_FORMULA' ? String(rule.condition.args[0] ?? '') : null;
    // A formula whose references are all column-absolute gives one answer per row.
    const perRow = formula !== null && translateFormula(formula, 0, 1) === formula;
    const rowCache = new Map<number, boolean>();
    for (const ref of rule.ranges) {
      const lastRow = Math.min(ref.row + ref.numRows - 1, rows);
      const lastCol = Math.min(ref.col + ref.numCols - 1, cols);
      for (let r = ref.row; r <= lastRow; r++) {
        for (let c = ref.col; c <= lastCol; c++) {
          const k = (r - 1) * cols + (c - 1);
          if (out.has(k)) continue;
          let hit: boolean;
          if (perRow && formula !== null) {
            let v = rowCache.get(r);
            if (v === undefined) {
              v = truthy(wb.evalRule(sheet, formula, r, c, anchor.row, anchor.col));
              rowCache.set(r, v);
            }
            hit = v;
          } else {
            hit = checkCondition(wb, sheet, rule.condition, r, c, anchor);
          }
          if (hit) out.set(k, rule);
        }
      }
    }
  }
  return out;
}

/** Non-empty display values of a validation range, once per range per render. */
function rangeOptions(wb: Workbook, ref: GridRef, cache: Map<string, string[]>): string[] {
  const key = JSON.stringify(ref);
  const hit = cache.get(key);
  if (hit) return hit;
  const source = wb.sheetById(ref.sheetId);
  const out: string[] = [];
  if (source) {
    const last = Math.min(ref.row + ref.numRows - 1, wb.lastRow(source));
    for (let r = ref.row; r <= last; r++) {
      for (let c = ref.col; c < ref.col + ref.numCols; c++) {
        const d = wb.display(source, r, c);
        if (d !== '' && !out.includes(d)) out.push(d);
      }
    }
  }
  cache.set(key, out);
  return out;
}

export function renderSheet(wb: Workbook, sheet: SheetModel): RenderedSheet {
  const { rows, cols } = extent(wb, sheet);
  const cf = conditionalFormats(wb, sheet, rows, cols);
  const optionCache = new Map<string, string[]>();
  const cells: RenderedCell[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: RenderedCell[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = getCell(sheet, r, c);
      const s = cell?.style;
      const value = wb.value(sheet, r, c);
      const rule = cf.get((r - 1) * cols + (c - 1))?.format;
      const general =
        typeof value === 'number' ? 'right' : typeof value === 'boolean' ? 'center' : 'left';
      const h = s?.hAlign;
      const out: RenderedCell = {
        text: wb.display(sheet, r, c),
        background: rule?.background ?? s?.background ?? DEFAULTS.background,
        color: rule?.fontColor ?? s?.fontColor ?? DEFAULTS.fontColor,
        bold: rule?.bold ?? s?.fontWeight === 'bold',
        italic: rule?.italic ?? s?.fontStyle === 'italic',
        underline: rule?.underline ?? s?.fontLine === 'underline',
        strikethrough: rule?.strikethrough ?? s?.fontLine === 'line-through',
        fontSize: s?.fontSize ?? DEFAULTS.fontSize,
        fontFamily: s?.fontFamily ?? DEFAULTS.fontFamily,
        hAlign: h === 'left' || h === 'center' || h === 'right' ? h : general,
        vAlign: s?.vAlign === 'top' || s?.vAlign === 'middle' ? s.vAlign : 'bottom',
        wrap: s?.wrap === 'WRAP',
      };
      if (s?.borders) out.borders = s.borders;
      if (cell?.formula !== undefined) out.formula = cell.formula;
      if (cell?.note) out.note = cell.note;
      if (cell?.link) out.link = cell.link;
      const v = cell?.validation;
      if (v) {
        if (v.criteria === 'CHECKBOX') {
          const checked = v.args.length ? v.args[0] : true;
          out.checkbox = value === checked || (value !== null && String(value) === String(checked));
          out.text = '';
        }
        const list = v.args[0];
        if (v.criteria === 'VALUE_IN_LIST' && list && typeof list === 'object' && 'list' in list)
          out.dropdown = [...list.list];
        if (
          v.criteria === 'VALUE_IN_RANGE' &&
          list &&
          typeof list === 'object' &&
          'range' in list
        ) {
          out.dropdown = rangeOptions(wb, list.range, optionCache);
        }
        if (!isValidCell(wb, sheet, v, r, c)) out.invalid = true;
      }
      if (typeof value === 'string' && value.startsWith('#')) {
        const msg = wb.calc.errorMessage(sheet, r, c);
        if (msg) out.error = msg;
      }
      line.push(out);
    }
    cells.push(line);
  }
  const range = (n: number, fn: (i: number) => boolean) =>
    Array.from({ length: n }, (_, i) => i + 1).filter(fn);
  const f = sheet.filter;
  return {
    name: sheet.name,
    index: wb.model.sheets.indexOf(sheet) + 1,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    hiddenGridlines: sheet.hiddenGridlines,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxCols,
    numRows: rows,
    numColumns: cols,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenCols,
    columnWidths: Array.from({ length: cols }, (_, i) => sheet.colWidths[i] ?? DEFAULT_COL_WIDTH),
    rowHeights: Array.from({ length: rows }, (_, i) => sheet.rowHeights[i] ?? DEFAULT_ROW_HEIGHT),
    hiddenColumns: range(sheet.maxCols, (c) => sheet.hiddenCols[c - 1] === true),
    hiddenRows: range(sheet.maxRows, (r) => sheet.hiddenRows[r - 1] === true),
    filteredRows: [...wb.filteredRows(sheet)].sort((a, b) => a - b),
    filter: f
      ? {
          range: `${cellA1(f.range.row, f.range.col)}:${cellA1(f.range.row + f.range.numRows - 1, f.range.col + f.range.numCols - 1)}`,
          columns: Object.keys(f.criteria).map(Number),
        }
      : null,
    cells,
  };
}
