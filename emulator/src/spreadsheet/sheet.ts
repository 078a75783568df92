/**
 * Sheet: grid structure (rows/columns, frozen panes, widths, hidden rows/columns), sheet-level
 * reads, sorting, conditional format rules, protections and selection.
 */
import { raw } from '../instrument';
import { parseA1 } from './a1';
import {
  ApiObject,
  notModelled,
  invalidArgs,
  normaliseColor,
  typeNames,
  unwrap,
  wrap,
} from './api';
import type { Workbook } from './book';
import { fail } from './errors';
import { ConditionalFormatRuleApi, makeCfRule } from './conditions';
import { makeFilter } from './filter';
import { addMetadata, makeFinder, metadataAt } from './metadata';
import { makeTextFinder } from './finder';
import {
  type CfRuleData,
  DEFAULT_COL_WIDTH,
  DEFAULT_ROW_HEIGHT,
  type GridRef,
  type SheetModel,
} from './model';
import { makeNamedRange, makeProtection } from './protection';
import { checkedRange, makeRange, RangeApi } from './range';
import { makeRangeList } from './range-list';
import { makeSelection, makeSpreadsheet } from './spreadsheet';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Resolve A1 notation (open ranges included) on a sheet, with the real errors. */
export function rangeFromA1(wb: Workbook, sheet: SheetModel, a1: string): GasRange {
  const p = parseA1(a1);
  if (!p) fail('Range not found');
  const r1 = p.startRow ?? 1;
  const c1 = p.startCol ?? 1;
  const r2 = p.endRow ?? sheet.maxRows;
  const c2 = p.endCol ?? sheet.maxCols;
  if (r2 > sheet.maxRows || c2 > sheet.maxCols || r1 > sheet.maxRows || c1 > sheet.maxCols) {
    fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
  const open = p.startRow === null || p.endRow === null || p.startCol === null || p.endCol === null;
  const body = a1
    .slice(a1.lastIndexOf('!') + 1)
    .replace(/\$/g, '')
    .toUpperCase();
  return makeRange(wb, sheet, r1, c1, r2 - r1 + 1, c2 - c1 + 1, open ? body : null);
}

/** An uncounted Range object for the emulator's own use. */
export function rawRange(wb: Workbook, sheet: SheetModel, ref: GridRef): RangeApi {
  return raw(
    makeRange(wb, sheet, ref.row, ref.col, ref.numRows, ref.numCols),
  ) as unknown as RangeApi;
}

export class SheetApi extends ApiObject<GasSheet> {
  constructor(
    readonly wb: Workbook,
    readonly model: SheetModel,
  ) {
    super();
  }

  private whole(): GridRef {
    return {
      sheetId: this.model.id,
      row: 1,
      col: 1,
      numRows: this.model.maxRows,
      numCols: this.model.maxCols,
    };
  }

  private checkRows(index: number, count: number): void {
    if (index < 1 || count < 1 || index + count - 1 > this.model.maxRows)
      fail('Those rows are out of bounds.');
  }

  private checkCols(index: number, count: number): void {
    if (index < 1 || count < 1 || index + count - 1 > this.model.maxCols)
      fail('Those columns are out of bounds.');
  }

  // ---- Developer metadata (metadata.ts)

  addDeveloperMetadata(...args: unknown[]): GasSheet {
    addMetadata(
      this.wb,
      { type: 'SHEET', sheetId: this.model.id },
      'SpreadsheetApp.Sheet.addDeveloperMetadata',
      args,
    );
    return this.self;
  }
  getDeveloperMetadata() {
    return metadataAt(this.wb, { type: 'SHEET', sheetId: this.model.id });
  }
  createDeveloperMetadataFinder() {
    return makeFinder(this.wb, { kind: 'sheet', sheetId: this.model.id });
  }

  // ---- Identity

  getName(): string {
    return this.model.name;
  }
  getSheetName(): string {
    return this.model.name;
  }
  setName(name: string): GasSheet {
    this.wb.renameSheet(this.model, String(name));
    return this.self;
  }
  getSheetId(): number {
    return this.model.id;
  }
  getIndex(): number {
    return this.wb.model.sheets.indexOf(this.model) + 1;
  }
  getType() {
    return 'GRID' as unknown as GoogleAppsScript.Spreadsheet.SheetType;
  }
  getParent() {
    return makeSpreadsheet(this.wb);
  }
  activate(): GasSheet {
    this.wb.model.activeSheetId = this.model.id;
    this.model.hidden = false;
    return this.self;
  }
  hideSheet(): GasSheet {
    const others = this.wb.model.sheets.filter((s) => s !== this.model && !s.hidden);
    if (others.length === 0) fail("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    if (this.wb.model.activeSheetId === this.model.id)
      this.wb.model.activeSheetId = (others[0] as SheetModel).id;
    this.wb.touch();
    return this.self;
  }
  showSheet(): GasSheet {
    this.model.hidden = false;
    this.wb.touch();
    return this.self;
  }
  isSheetHidden(): boolean {
    return this.model.hidden;
  }
  getTabColor(): string | null {
    return this.model.tabColor;
  }
  setTabColor(color: string | null): GasSheet {
    this.model.tabColor = color ? normaliseColor(color) : null;
    this.wb.touch();
    return this.self;
  }
  hasHiddenGridlines(): boolean {
    return this.model.hiddenGridlines;
  }
  setHiddenGridlines(hide: boolean): GasSheet {
    this.model.hiddenGridlines = !!hide;
    this.wb.touch();
    return this.self;
  }
  isRightToLeft(): boolean {
    return false;
  }
  setRightToLeft(): GasSheet {
    return this.self;
  }

  // ---- Ranges

  getRange(...args: unknown[]): GasRange {
    if (typeof args[0] === 'string') {
      const p = parseA1(args[0]);
      if (p?.sheet && p.sheet.toLowerCase() !== this.model.name.toLowerCase())
        fail('Range not found');
      return rangeFromA1(this.wb, this.model, args[0]);
    }
    if (args.length < 2) invalidArgs('SpreadsheetApp.Sheet.getRange', typeNames(args));
    const [row, col, numRows = 1, numCols = 1] = args as number[];
    return checkedRange(this.wb, this.model, row as number, col as number, numRows, numCols);
  }
  getRangeList(a1s: string[]) {
    return makeRangeList(
      this.wb,
      a1s.map((a) => raw(this.getRange(a)) as unknown as RangeApi),
    );
  }
  getDataRange(): GasRange {
    const rows = Math.max(1, this.wb.lastRow(this.model));
    const cols = Math.max(1, this.wb.lastColumn(this.model));
    return makeRange(this.wb, this.model, 1, 1, rows, cols);
  }
  getLastRow(): number {
    return this.wb.lastRow(this.model);
  }
  getLastColumn(): number {
    return this.wb.lastColumn(this.model);
  }
  getMaxRows(): number {
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    return this.model.maxCols;
  }
  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    const nr = numRows === -1 ? this.wb.lastRow(this.model) - startRow + 1 : numRows;
    const nc = numColumns === -1 ? this.wb.lastColumn(this.model) - startColumn + 1 : numColumns;
    const range = raw(
      checkedRange(this.wb, this.model, startRow, startColumn, nr, nc),
    ) as unknown as RangeApi;
    return range.getValues();
  }
  getNamedRanges() {
    return this.wb.model.namedRanges
      .filter((n) => n.ref.sheetId === this.model.id)
      .map((n) => makeNamedRange(this.wb, n));
  }
  createTextFinder(text: string) {
    return makeTextFinder(this.wb, [this.whole()], text);
  }

  // ---- Content

  appendRow(rowContents: unknown[]): GasSheet {
    if (!Array.isArray(rowContents))
      invalidArgs('SpreadsheetApp.Sheet.appendRow', typeNames([rowContents]));
    const row = this.wb.lastRow(this.model) + 1;
    if (row > this.model.maxRows)
      this.wb.insertRows(this.model, this.model.maxRows + 1, 1, this.model.maxRows);
    if (rowContents.length > this.model.maxCols) {
      this.wb.insertColumns(
        this.model,
        this.model.maxCols + 1,
        rowContents.length - this.model.maxCols,
        this.model.maxCols,
      );
    }
    rowContents.forEach((v, j) => this.wb.write(this.model, row, j + 1, v));
    return this.self;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GasSheet {
    const contents = !options || !options.formatOnly || !!options.contentsOnly;
    const formats = !options || !options.contentsOnly || !!options.formatOnly;
    this.wb.clearBlock(this.model, this.whole(), { contents, formats });
    return this.self;
  }
  clearContents(): GasSheet {
    this.wb.clearBlock(this.model, this.whole(), { contents: true });
    return this.self;
  }
  clearFormats(): GasSheet {
    this.wb.clearBlock(this.model, this.whole(), { formats: true });
    return this.self;
  }
  clearNotes(): GasSheet {
    this.wb.clearBlock(this.model, this.whole(), { notes: true });
    return this.self;
  }
  sort(columnPosition: number, ascending = true): GasSheet {
    this.checkCols(columnPosition, 1);
    const first = this.model.frozenRows + 1;
    const last = this.wb.lastRow(this.model);
    if (last >= first) {
      this.wb.sortBlock(
        this.model,
        {
          sheetId: this.model.id,
          row: first,
          col: 1,
          numRows: last - first + 1,
          numCols: this.model.maxCols,
        },
        [{ col: columnPosition, asc: ascending !== false }],
      );
    }
    return this.self;
  }

  // ---- Rows and columns

  insertRowAfter(afterPosition: number): GasSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): GasSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    this.checkRows(afterPosition, 1);
    this.wb.insertRows(this.model, afterPosition + 1, howMany, afterPosition);
    return this.self;
  }
  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    this.checkRows(beforePosition, 1);
    // New rows take the format of the row above them (the row below when inserting at the top).
    this.wb.insertRows(
      this.model,
      beforePosition,
      howMany,
      beforePosition > 1 ? beforePosition - 1 : beforePosition,
    );
    return this.self;
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  deleteRow(rowPosition: number): GasSheet {
    this.wb.deleteRows(this.model, rowPosition, 1);
    return this.self;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.wb.deleteRows(this.model, rowPosition, howMany);
  }
  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): GasSheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    this.checkCols(afterPosition, 1);
    this.wb.insertColumns(this.model, afterPosition + 1, howMany, afterPosition);
    return this.self;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    this.checkCols(beforePosition, 1);
    this.wb.insertColumns(
      this.model,
      beforePosition,
      howMany,
      beforePosition > 1 ? beforePosition - 1 : beforePosition,
    );
    return this.self;
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteColumn(columnPosition: number): GasSheet {
    this.wb.deleteColumns(this.model, columnPosition, 1);
    return this.self;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.wb.deleteColumns(this.model, columnPosition, howMany);
  }
  moveColumns(columnSpec: GasRange, destinationIndex: number): void {
    const r = unwrap(columnSpec, RangeApi);
    if (!r || r.sheet !== this.model || typeof destinationIndex !== 'number')
      invalidArgs('SpreadsheetApp.Sheet.moveColumns', typeNames([columnSpec, destinationIndex]));
    this.wb.moveColumns(this.model, r.col, r.numCols, destinationIndex);
  }
  moveRows(rowSpec: GasRange, destinationIndex: number): void {
    const r = unwrap(rowSpec, RangeApi);
    if (!r) invalidArgs('SpreadsheetApp.Sheet.moveRows', typeNames([rowSpec, destinationIndex]));
    const lines = this.model.rows.slice(r.row - 1, r.row - 1 + r.numRows);
    const values = lines.map((l) => l);
    this.model.rows.splice(r.row - 1, r.numRows);
    const dest = destinationIndex > r.row ? destinationIndex - r.numRows : destinationIndex;
    if (this.model.rows.length < dest - 1) this.model.rows.length = dest - 1;
    this.model.rows.splice(dest - 1, 0, ...values);
    this.wb.touch();
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }
  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this.model.maxRows) fail('Those rows are out of bounds.');
    this.model.frozenRows = rows;
    this.wb.touch();
  }
  getFrozenColumns(): number {
    return this.model.frozenCols;
  }
  setFrozenColumns(columns: number): void {
    if (columns < 0 || columns > this.model.maxCols) fail('Those columns are out of bounds.');
    this.model.frozenCols = columns;
    this.wb.touch();
  }
  getColumnWidth(columnPosition: number): number {
    this.checkCols(columnPosition, 1);
    return this.model.colWidths[columnPosition - 1] ?? DEFAULT_COL_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): GasSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    this.checkCols(startColumn, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this.model.colWidths[c - 1] = width;
    this.wb.touch();
    return this.self;
  }
  autoResizeColumn(): GasSheet {
    return this.self;
  }
  autoResizeColumns(): GasSheet {
    return this.self;
  }
  autoResizeRows(): GasSheet {
    return this.self;
  }
  getRowHeight(rowPosition: number): number {
    this.checkRows(rowPosition, 1);
    return this.model.rowHeights[rowPosition - 1] ?? DEFAULT_ROW_HEIGHT;
  }
  setRowHeight(rowPosition: number, height: number): GasSheet {
    return this.setRowHeights(rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number): GasSheet {
    this.checkRows(startRow, numRows);
    for (let r = startRow; r < startRow + numRows; r++) this.model.rowHeights[r - 1] = height;
    this.wb.touch();
    return this.self;
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number): GasSheet {
    return this.setRowHeights(startRow, numRows, height);
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.checkCols(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      this.model.hiddenCols[c - 1] = true;
    this.wb.touch();
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.checkCols(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      this.model.hiddenCols[c - 1] = false;
    this.wb.touch();
  }
  hideColumn(column: GasRange): void {
    const r = unwrap(column, RangeApi);
    if (r) this.hideColumns(r.col, r.numCols);
  }
  unhideColumn(column: GasRange): void {
    const r = unwrap(column, RangeApi);
    if (r) this.showColumns(r.col, r.numCols);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.model.hiddenCols[columnPosition - 1] === true;
  }
  hideRows(rowIndex: number, numRows = 1): void {
    this.checkRows(rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.model.hiddenRows[r - 1] = true;
    this.wb.touch();
  }
  showRows(rowIndex: number, numRows = 1): void {
    this.checkRows(rowIndex, numRows);
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.model.hiddenRows[r - 1] = false;
    this.wb.touch();
  }
  hideRow(row: GasRange): void {
    const r = unwrap(row, RangeApi);
    if (r) this.hideRows(r.row, r.numRows);
  }
  unhideRow(row: GasRange): void {
    const r = unwrap(row, RangeApi);
    if (r) this.showRows(r.row, r.numRows);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this.model.hiddenRows[rowPosition - 1] === true;
  }
  isRowHiddenByFilter(rowPosition: number): boolean {
    return this.wb.filteredRows(this.model).has(rowPosition);
  }

  // ---- Rules, filter, protection

  getConditionalFormatRules() {
    return this.model.cfRules.map((r) =>
      makeCfRule(this.wb, JSON.parse(JSON.stringify(r)) as CfRuleData),
    );
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    if (!Array.isArray(rules))
      invalidArgs('SpreadsheetApp.Sheet.setConditionalFormatRules', typeNames([rules]));
    this.model.cfRules = rules.map((rule) => {
      const api = unwrap(rule, ConditionalFormatRuleApi);
      if (!api) invalidArgs('SpreadsheetApp.Sheet.setConditionalFormatRules', 'Object[]');
      return JSON.parse(JSON.stringify(api.data)) as CfRuleData;
    });
    this.wb.touch();
  }
  clearConditionalFormatRules(): void {
    this.model.cfRules = [];
    this.wb.touch();
  }
  getFilter() {
    return this.model.filter ? makeFilter(this.wb, this.model) : null;
  }
  protect() {
    const existing = this.model.protections.find((p) => p.type === 'SHEET');
    const p = existing ?? this.wb.addProtection(this.model, 'SHEET', this.whole());
    return makeProtection(this.wb, this.model, p);
  }
  getProtections(type: unknown) {
    return this.model.protections
      .filter((p) => p.type === String(type))
      .map((p) => makeProtection(this.wb, this.model, p));
  }
  getCharts(): unknown[] {
    return [];
  }
  getImages(): unknown[] {
    return [];
  }
  getDrawings(): unknown[] {
    return [];
  }
  getBandings(): unknown[] {
    return [];
  }
  getPivotTables(): unknown[] {
    return [];
  }
  getSlicers(): unknown[] {
    return [];
  }
  // ---- Selection

  getActiveRange(): GasRange | null {
    const r = this.model.selection.ranges[0];
    return r ? makeRange(this.wb, this.model, r.row, r.col, r.numRows, r.numCols) : null;
  }
  getActiveCell(): GasRange {
    const c = this.model.selection.current;
    return makeRange(this.wb, this.model, c.row, c.col, 1, 1);
  }
  getCurrentCell(): GasRange | null {
    return this.getActiveCell();
  }
  getActiveRangeList() {
    const ranges = this.model.selection.ranges.map((r) => rawRange(this.wb, this.model, r));
    return ranges.length ? makeRangeList(this.wb, ranges) : null;
  }
  getSelection() {
    return makeSelection(this.wb, this.model);
  }
  setActiveRange(range: GasRange): GasRange {
    const r = unwrap(range, RangeApi);
    if (!r) invalidArgs('SpreadsheetApp.Sheet.setActiveRange', typeNames([range]));
    r.activate();
    return makeRange(this.wb, r.sheet, r.row, r.col, r.numRows, r.numCols);
  }
  setActiveSelection(range: GasRange | string): GasRange {
    return this.setActiveRange(typeof range === 'string' ? this.getRange(range) : range);
  }
  setActiveRangeList(list: GoogleAppsScript.Spreadsheet.RangeList) {
    const api = raw(list) as unknown as { activate?: () => unknown };
    api.activate?.();
    return list;
  }
  setCurrentCell(cell: GasRange): GasRange {
    const r = unwrap(cell, RangeApi);
    if (!r) invalidArgs('SpreadsheetApp.Sheet.setCurrentCell', typeNames([cell]));
    r.activateAsCurrentCell();
    return makeRange(this.wb, r.sheet, r.row, r.col, 1, 1);
  }
}

const sheetProxies = new WeakMap<SheetModel, GasSheet>();

export function makeSheet(wb: Workbook, model: SheetModel): GasSheet {
  const hit = sheetProxies.get(model);
  if (hit) return hit;
  const p = wrap<GasSheet, SheetApi>(new SheetApi(wb, model), 'Sheet', wb);
  sheetProxies.set(model, p);
  return p;
}

notModelled(SheetApi, 'Sheet', [
  'asDataSourceSheet',
  'collapseAllColumnGroups',
  'collapseAllRowGroups',
  'copyTo',
  'expandAllColumnGroups',
  'expandAllRowGroups',
  'expandColumnGroupsUpToDepth',
  'expandRowGroupsUpToDepth',
  'getColumnGroup',
  'getColumnGroupControlPosition',
  'getColumnGroupDepth',
  'getDataSourceTables',
  'getFormUrl',
  'getRowGroup',
  'getRowGroupControlPosition',
  'getRowGroupDepth',
  'insertChart',
  'insertImage',
  'insertSlicer',
  'newChart',
  'removeChart',
  'setColumnGroupControlPosition',
  'setRowGroupControlPosition',
  'updateChart',
]);
