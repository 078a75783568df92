/**
 * Range: 1-based blocks of a sheet with the real service's value semantics and error messages.
 * Every method works on the model directly (uncounted) and returns proxies.
 *
 * The class is stacked in layers, one module each, so that each concern reads on its own:
 * range-geometry.ts (position) ← range-values.ts (values, formulas, notes, rich text,
 * clearing) ← range-formats.ts (colours, fonts, number formats, borders) ← RangeApi here.
 * Only RangeApi is ever instantiated. It holds what links a range to the other API objects
 * (navigation to ranges and the sheet, validation and checkboxes, protection, filter,
 * selection, search) and what moves data (sort, copy, move): those modules import this one
 * back, so keeping them here keeps the layers free of import cycles and importable in any
 * order.
 */
import { invalidArgs, notModelled, typeNames, unwrap, wrap } from './api';
import type { Workbook } from './book';
import { fail } from './errors';
import { makeFilter } from './filter';
import { addRangeMetadata, makeFinder, metadataAt, rangeLocation } from './metadata';
import { makeTextFinder } from './finder';
import {
  type Cell,
  getCell,
  hasContent,
  setContent,
  type SheetModel,
  type ValidationData,
} from './model';
import { makeProtection } from './protection';
import type { GasRange } from './range-geometry';
import { RangeFormats } from './range-formats';
import { translateFormula } from './refs';
import { makeSheet, SheetApi } from './sheet';
import { DataValidationApi, makeValidation } from './validation-rules';

export class RangeApi extends RangeFormats {
  // ---- Developer metadata (metadata.ts): whole rows and columns only

  addDeveloperMetadata(...args: unknown[]): GasRange {
    addRangeMetadata(this.wb, this, args);
    return this.self;
  }
  getDeveloperMetadata() {
    return metadataAt(this.wb, rangeLocation(this));
  }
  createDeveloperMetadataFinder() {
    return makeFinder(this.wb, { kind: 'range', range: this });
  }

  // ---- Navigation

  getSheet() {
    return makeSheet(this.wb, this.sheet);
  }
  getCell(row: number, column: number): GasRange {
    if (row < 1 || row > this.numRows || column < 1 || column > this.numCols) {
      fail('Cell reference out of range');
    }
    return makeRange(this.wb, this.sheet, this.row + row - 1, this.col + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    return checkedRange(
      this.wb,
      this.sheet,
      this.row + rowOffset,
      this.col + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numCols,
    );
  }
  /** Like Ctrl+arrow in the UI: the end of the current block, or the next non-empty cell. */
  getNextDataCell(direction: unknown): GasRange {
    const d = String(direction);
    const [dr, dc] =
      d === 'UP' ? [-1, 0] : d === 'DOWN' ? [1, 0] : d === 'PREVIOUS' ? [0, -1] : [0, 1];
    const sheet = this.sheet;
    const inside = (r: number, c: number) =>
      r >= 1 && c >= 1 && r <= sheet.maxRows && c <= sheet.maxCols;
    const filled = (r: number, c: number) =>
      hasContent(getCell(sheet, r, c)) || this.wb.calc.isSpilled(sheet, r, c);
    let r = this.row;
    let c = this.col;
    if (inside(r + dr, c + dc)) {
      if (filled(r, c) && filled(r + dr, c + dc)) {
        while (inside(r + dr, c + dc) && filled(r + dr, c + dc)) {
          r += dr;
          c += dc;
        }
      } else {
        r += dr;
        c += dc;
        while (!filled(r, c) && inside(r + dr, c + dc)) {
          r += dr;
          c += dc;
        }
      }
    }
    return makeRange(this.wb, sheet, r, c, 1, 1);
  }
  getDataRegion(): GasRange {
    return makeSheet(this.wb, this.sheet).getDataRange();
  }

  // ---- Data validation and checkboxes

  getDataValidations() {
    return this.grid((_r, _c, cell) =>
      cell?.validation ? makeValidation(this.wb, cell.validation) : null,
    );
  }
  getDataValidation() {
    const v = getCell(this.sheet, this.row, this.col)?.validation;
    return v ? makeValidation(this.wb, v) : null;
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GasRange {
    if (rule === null) return this.clearDataValidations();
    const api = unwrap(rule, DataValidationApi);
    if (!api) invalidArgs('SpreadsheetApp.Range.setDataValidation', typeNames([rule]));
    const data: ValidationData = { ...api.data, anchor: { row: this.row, col: this.col } };
    this.wb.eachCell(this.sheet, this.ref(), (cell) => {
      cell.validation = data;
    });
    return this.self;
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GasRange {
    const vals = this.checkDims(rules, 'setDataValidations');
    this.wb.eachCell(this.sheet, this.ref(), (cell, r, c) => {
      const api = unwrap((vals[r - this.row] as unknown[])[c - this.col], DataValidationApi);
      if (api) cell.validation = { ...api.data, anchor: { row: r, col: c } };
      else delete cell.validation;
    });
    return this.self;
  }
  insertCheckboxes(...values: unknown[]): GasRange {
    const args = values
      .slice(0, 2)
      .map((v) => (v instanceof Object ? String(v) : (v as string | number | boolean)));
    const rule: ValidationData = { criteria: 'CHECKBOX', args, allowInvalid: true, helpText: null };
    // Real service: cells are set to the unchecked value (false, '' with one custom value).
    const unchecked = values.length === 0 ? false : values.length === 1 ? '' : values[1];
    this.wb.eachCell(this.sheet, this.ref(), (cell) => {
      cell.validation = rule;
    });
    for (let r = this.row; r <= this.lastRowIdx; r++) {
      for (let c = this.col; c <= this.lastColIdx; c++)
        this.wb.apply(
          this.sheet,
          r,
          c,
          unchecked === ''
            ? { kind: 'empty' }
            : { kind: 'value', value: unchecked as string | number | boolean },
        );
    }
    return this.self;
  }
  removeCheckboxes(): GasRange {
    for (let r = this.row; r <= this.lastRowIdx; r++) {
      for (let c = this.col; c <= this.lastColIdx; c++) {
        const cell = getCell(this.sheet, r, c);
        const rule = cell?.validation;
        if (!cell || rule?.criteria !== 'CHECKBOX') continue;
        const [checked, unchecked] = checkboxValues(rule);
        if (cell.value === checked || cell.value === unchecked) setContent(this.sheet, r, c, {});
        delete cell.validation;
      }
    }
    this.wb.touch();
    return this.self;
  }
  private setChecked(on: boolean): GasRange {
    for (let r = this.row; r <= this.lastRowIdx; r++) {
      for (let c = this.col; c <= this.lastColIdx; c++) {
        const rule = getCell(this.sheet, r, c)?.validation;
        if (rule?.criteria !== 'CHECKBOX') continue;
        const [checked, unchecked] = checkboxValues(rule);
        const v = on ? checked : unchecked;
        this.wb.apply(this.sheet, r, c, v === '' ? { kind: 'empty' } : { kind: 'value', value: v });
      }
    }
    return this.self;
  }
  check(): GasRange {
    return this.setChecked(true);
  }
  uncheck(): GasRange {
    return this.setChecked(false);
  }
  isChecked(): boolean | null {
    let all: boolean | null = null;
    for (let r = this.row; r <= this.lastRowIdx; r++) {
      for (let c = this.col; c <= this.lastColIdx; c++) {
        const rule = getCell(this.sheet, r, c)?.validation;
        if (rule?.criteria !== 'CHECKBOX') return null;
        const [checked] = checkboxValues(rule);
        const v = this.wb.value(this.sheet, r, c);
        const on = v === checked || (typeof checked !== 'boolean' && String(v) === String(checked));
        if (all === null) all = on;
        else if (all !== on) return null;
      }
    }
    return all;
  }

  // ---- Protection, filter, selection, search

  protect() {
    const p = this.wb.addProtection(this.sheet, 'RANGE', this.ref());
    return makeProtection(this.wb, this.sheet, p);
  }
  canEdit(): boolean {
    return true;
  }
  createFilter() {
    if (this.sheet.filter) fail("You can't create a filter in a sheet that already has a filter.");
    this.sheet.filter = { range: this.ref(), criteria: {} };
    this.wb.touch();
    return makeFilter(this.wb, this.sheet);
  }
  getFilter() {
    return this.sheet.filter ? makeFilter(this.wb, this.sheet) : null;
  }
  activate(): GasRange {
    this.wb.model.activeSheetId = this.sheet.id;
    this.sheet.selection = { ranges: [this.ref()], current: { row: this.row, col: this.col } };
    return this.self;
  }
  activateAsCurrentCell(): GasRange {
    this.wb.model.activeSheetId = this.sheet.id;
    const sel = this.sheet.selection;
    if (
      !sel.ranges.some(
        (r) =>
          r.row <= this.row &&
          this.row < r.row + r.numRows &&
          r.col <= this.col &&
          this.col < r.col + r.numCols,
      )
    ) {
      sel.ranges = [this.ref()];
    }
    sel.current = { row: this.row, col: this.col };
    return this.self;
  }
  createTextFinder(text: string) {
    return makeTextFinder(this.wb, [this.ref()], text);
  }

  // ---- Moving data

  sort(spec: unknown): GasRange {
    const specs = (Array.isArray(spec) ? spec : [spec]).map((s) => {
      if (typeof s === 'number') return { col: s, asc: true };
      if (s && typeof s === 'object' && 'column' in s) {
        const o = s as { column: number; ascending?: boolean };
        return { col: o.column, asc: o.ascending !== false };
      }
      return invalidArgs('SpreadsheetApp.Range.sort', typeNames([s]));
    });
    for (const s of specs) {
      if (s.col < this.col || s.col > this.lastColIdx)
        fail(`Sort column is out of range of the specified range.`);
    }
    this.wb.sortBlock(this.sheet, this.ref(), specs);
    return this.self;
  }
  copyTo(destination: GasRange, options?: unknown, transposed?: boolean): void {
    const dest = unwrap(destination, RangeApi);
    if (!dest) invalidArgs('SpreadsheetApp.Range.copyTo', typeNames([destination]));
    let contents = true;
    let formats = true;
    if (options && typeof options === 'object') {
      const o = options as { contentsOnly?: boolean; formatOnly?: boolean };
      if (o.contentsOnly) formats = false;
      if (o.formatOnly) contents = false;
    } else if (typeof options === 'string') {
      if (options === 'PASTE_FORMAT') contents = false;
      if (options === 'PASTE_VALUES' || options === 'PASTE_FORMULA') formats = false;
    }
    const pasteValues = options === 'PASTE_VALUES';
    // Read everything first: source and destination may overlap.
    const src = this.grid((r, c, cell) => ({
      cell: cell ? (JSON.parse(JSON.stringify(cell)) as Cell) : undefined,
      value: this.wb.value(this.sheet, r, c),
    }));
    const rows = transposed ? this.numCols : this.numRows;
    const cols = transposed ? this.numRows : this.numCols;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const s = transposed ? src[j]?.[i] : src[i]?.[j];
        const r = dest.row + i;
        const c = dest.col + j;
        if (r > dest.sheet.maxRows || c > dest.sheet.maxCols) continue;
        if (contents) {
          if (pasteValues) {
            const v = s?.value ?? null;
            this.wb.apply(
              dest.sheet,
              r,
              c,
              v === null ? { kind: 'empty' } : { kind: 'value', value: v },
            );
          } else if (s?.cell?.formula !== undefined) {
            this.wb.apply(dest.sheet, r, c, {
              kind: 'formula',
              formula: translateFormula(
                s.cell.formula,
                r - (this.row + (transposed ? j : i)),
                c - (this.col + (transposed ? i : j)),
              ),
            });
          } else if (s?.cell?.value !== undefined) {
            this.wb.apply(dest.sheet, r, c, { kind: 'value', value: s.cell.value });
          } else {
            this.wb.apply(dest.sheet, r, c, { kind: 'empty' });
          }
        }
        if (formats) {
          this.wb.eachCell(
            dest.sheet,
            { sheetId: dest.sheet.id, row: r, col: c, numRows: 1, numCols: 1 },
            (cell) => {
              if (s?.cell?.format !== undefined) cell.format = s.cell.format;
              else delete cell.format;
              if (s?.cell?.style) cell.style = s.cell.style;
              else delete cell.style;
              if (s?.cell?.validation) cell.validation = s.cell.validation;
              else delete cell.validation;
            },
          );
        }
      }
    }
  }
  copyValuesToRange(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    column: number,
    columnEnd: number,
    row: number,
    rowEnd: number,
  ): void {
    const model = unwrap(sheet, SheetApi)?.model;
    if (!model) invalidArgs('SpreadsheetApp.Range.copyValuesToRange', typeNames([sheet]));
    const target = checkedRange(
      this.wb,
      model,
      row,
      column,
      rowEnd - row + 1,
      columnEnd - column + 1,
    );
    this.copyTo(target, 'PASTE_VALUES', false);
  }
  moveTo(target: GasRange): void {
    const dest = unwrap(target, RangeApi);
    if (!dest) invalidArgs('SpreadsheetApp.Range.moveTo', typeNames([target]));
    this.copyTo(target);
    const src = this.ref();
    // Clear the part of the source that the destination does not cover.
    for (let r = src.row; r < src.row + src.numRows; r++) {
      for (let c = src.col; c < src.col + src.numCols; c++) {
        const covered =
          dest.sheet === this.sheet &&
          r >= dest.row &&
          r < dest.row + this.numRows &&
          c >= dest.col &&
          c < dest.col + this.numCols;
        if (!covered) {
          this.wb.clearBlock(
            this.sheet,
            { ...src, row: r, col: c, numRows: 1, numCols: 1 },
            {
              contents: true,
              formats: true,
              validations: true,
              notes: true,
            },
          );
        }
      }
    }
  }
}

function checkboxValues(
  rule: ValidationData,
): [string | number | boolean, string | number | boolean] {
  const [a, b] = rule.args;
  if (rule.args.length === 0) return [true, false];
  const checked = (typeof a === 'object' || a === null || a === undefined ? '' : a) as
    string | number | boolean;
  if (rule.args.length === 1) return [checked, ''];
  return [
    checked,
    (typeof b === 'object' || b === null || b === undefined ? '' : b) as string | number | boolean,
  ];
}

export function makeRange(
  wb: Workbook,
  sheet: SheetModel,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
  notation: string | null = null,
): GasRange {
  return wrap(new RangeApi(wb, sheet, row, col, numRows, numCols, notation), 'Range', wb);
}

/** getRange(row, col, numRows, numCols) with the real argument checks and messages. */
export function checkedRange(
  wb: Workbook,
  sheet: SheetModel,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): GasRange {
  const args = [row, col, numRows, numCols];
  if (args.some((a) => typeof a !== 'number' || Number.isNaN(a))) {
    invalidArgs('SpreadsheetApp.Sheet.getRange', typeNames(args));
  }
  if (row < 1) fail('The starting row of the range is too small.');
  if (col < 1) fail('The starting column of the range is too small.');
  if (numRows < 1) fail('The number of rows in the range must be at least 1.');
  if (numCols < 1) fail('The number of columns in the range must be at least 1.');
  const r = Math.floor(row);
  const c = Math.floor(col);
  const nr = Math.floor(numRows);
  const nc = Math.floor(numCols);
  if (r + nr - 1 > sheet.maxRows || c + nc - 1 > sheet.maxCols) {
    fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return makeRange(wb, sheet, r, c, nr, nc);
}

notModelled(RangeApi, 'Range', [
  'applyColumnBanding',
  'applyRowBanding',
  'autoFill',
  'autoFillToNeighbor',
  'collapseGroups',
  'copyFormatToRange',
  'createDataSourcePivotTable',
  'createDataSourceTable',
  'createPivotTable',
  'deleteCells',
  'expandGroups',
  'getBackgroundObject',
  'getBackgroundObjects',
  'getBandings',
  'getDataSourceFormula',
  'getDataSourceFormulas',
  'getDataSourcePivotTables',
  'getDataSourceTables',
  'getDataSourceUrl',
  'getDataTable',
  'getFontColorObject',
  'getFontColorObjects',
  'getTextDirection',
  'getTextDirections',
  'getTextRotation',
  'getTextRotations',
  'insertCells',
  'randomize',
  'removeDuplicates',
  'setBackgroundObject',
  'setBackgroundObjects',
  'setFontColorObject',
  'setFontColorObjects',
  'setFormulaR1C1',
  'setFormulasR1C1',
  'setTextDirections',
  'setTextRotations',
  'shiftColumnGroupDepth',
  'shiftRowGroupDepth',
  'splitTextToColumns',
]);
