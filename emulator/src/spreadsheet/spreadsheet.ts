/**
 * Spreadsheet, SpreadsheetApp and Selection. One emulated spreadsheet per service; it is the
 * active spreadsheet (a container-bound / add-on context).
 */
import { raw } from '../instrument';
import { parseA1 } from './a1';
import { ApiObject, notModelled, invalidArgs, typeNames, unwrap, wrap } from './api';
import { defaultSheetName, type Workbook } from './book';
import { fail } from './errors';
import { makeCfBuilder, makeFilterCriteriaBuilder } from './conditions';
import * as E from './enums';
import { makeTextFinder } from './finder';
import { addMetadata, makeFinder, metadataAt } from './metadata';
import type { SheetModel } from './model';
import { makeNamedRange, makeUser, validateRangeName } from './protection';
import { makeRichTextBuilder, makeTextStyleBuilder } from './text-styles';
import { makeValidationBuilder } from './validation-rules';
import { makeRange, RangeApi } from './range';
import { makeRangeList, RangeListApi } from './range-list';
import { makeSheet, rangeFromA1, rawRange, SheetApi } from './sheet';
import { makeUi, type UiRecorderImpl } from './ui';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The UI recorder of each workbook (set by createSpreadsheetService). */
export const recorders = new WeakMap<Workbook, UiRecorderImpl>();

function sheetModel(wb: Workbook, sheet: unknown, method: string): SheetModel {
  const api = unwrap(sheet, SheetApi);
  if (!api) invalidArgs(`SpreadsheetApp.Spreadsheet.${method}`, typeNames([sheet]));
  if (!wb.model.sheets.includes(api.model)) fail('Sheet not found');
  return api.model;
}

export class SelectionApi extends ApiObject<GoogleAppsScript.Spreadsheet.Selection> {
  constructor(
    private readonly wb: Workbook,
    private readonly sheet: SheetModel,
  ) {
    super();
  }
  getActiveRange() {
    const r = this.sheet.selection.ranges[0];
    return r ? makeRange(this.wb, this.sheet, r.row, r.col, r.numRows, r.numCols) : null;
  }
  getActiveRangeList() {
    const ranges = this.sheet.selection.ranges.map((r) => rawRange(this.wb, this.sheet, r));
    return ranges.length ? makeRangeList(this.wb, ranges) : null;
  }
  getActiveSheet() {
    return makeSheet(this.wb, this.sheet);
  }
  getCurrentCell() {
    const c = this.sheet.selection.current;
    return makeRange(this.wb, this.sheet, c.row, c.col, 1, 1);
  }
  getNextDataRange(): GasRange | null {
    return null;
  }
}

export function makeSelection(
  wb: Workbook,
  sheet: SheetModel,
): GoogleAppsScript.Spreadsheet.Selection {
  return wrap(new SelectionApi(wb, sheet), 'Selection', wb);
}

export class SpreadsheetApi extends ApiObject<GasSpreadsheet> {
  constructor(readonly wb: Workbook) {
    super();
  }

  private active(): SheetModel {
    const s = this.wb.sheetById(this.wb.model.activeSheetId) ?? this.wb.model.sheets[0];
    if (!s) fail('No sheet');
    return s;
  }

  private activeApi(): SheetApi {
    return raw(makeSheet(this.wb, this.active())) as unknown as SheetApi;
  }

  // ---- Identity and settings

  getId(): string {
    return this.wb.model.id;
  }
  getName(): string {
    return this.wb.model.name;
  }
  rename(name: string): void {
    this.wb.model.name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.wb.model.id}/edit`;
  }
  getOwner() {
    return makeUser(this.wb, this.wb.opts.userEmail);
  }
  getEditors() {
    return [makeUser(this.wb, this.wb.opts.userEmail)];
  }
  getViewers() {
    return [];
  }
  addEditor(): GasSpreadsheet {
    return this.self;
  }
  addEditors(): GasSpreadsheet {
    return this.self;
  }
  addViewer(): GasSpreadsheet {
    return this.self;
  }
  addViewers(): GasSpreadsheet {
    return this.self;
  }
  removeEditor(): GasSpreadsheet {
    return this.self;
  }
  removeViewer(): GasSpreadsheet {
    return this.self;
  }
  getSpreadsheetTimeZone(): string {
    return this.wb.model.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      fail(`Invalid argument: timeZone`);
    }
    this.wb.setTimeZone(tz);
  }
  getSpreadsheetLocale(): string {
    return this.wb.model.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.wb.model.locale = String(locale);
    this.wb.touch();
  }
  getRecalculationInterval() {
    return 'ON_CHANGE' as unknown as GoogleAppsScript.Spreadsheet.RecalculationInterval;
  }
  setRecalculationInterval(): GasSpreadsheet {
    return this.self;
  }
  isIterativeCalculationEnabled(): boolean {
    return false;
  }
  setIterativeCalculationEnabled(): GasSpreadsheet {
    return this.self;
  }
  toast(msg: string, title?: string): void {
    recorders.get(this.wb)?.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
    });
  }
  show(userInterface: unknown): void {
    const ui = raw(makeUi(this.wb, recorders.get(this.wb) as UiRecorderImpl)) as unknown as {
      showModalDialog(u: unknown, t: string): void;
    };
    ui.showModalDialog(userInterface, (userInterface as { getTitle(): string }).getTitle());
  }

  // ---- Sheets

  getSheets(): GasSheet[] {
    return this.wb.model.sheets.map((s) => makeSheet(this.wb, s));
  }
  getNumSheets(): number {
    return this.wb.model.sheets.length;
  }
  getSheetByName(name: string): GasSheet | null {
    const s = this.wb.sheetByName(String(name));
    return s ? makeSheet(this.wb, s) : null;
  }
  getSheetById(id: number): GasSheet | null {
    const s = this.wb.sheetById(id);
    return s ? makeSheet(this.wb, s) : null;
  }
  insertSheet(...args: unknown[]): GasSheet {
    let name: string | null = null;
    let index: number | null = null;
    for (const a of args) {
      if (typeof a === 'string') name = a;
      else if (typeof a === 'number') index = a;
    }
    if (name === null) {
      let n = this.wb.model.sheets.length + 1;
      while (this.wb.sheetByName(defaultSheetName(this.wb.model.locale, n))) n++;
      name = defaultSheetName(this.wb.model.locale, n);
    }
    const at = index ?? this.wb.model.sheets.indexOf(this.active()) + 1;
    const sheet = this.wb.addSheet(name, at);
    // The new sheet becomes the active sheet.
    this.wb.model.activeSheetId = sheet.id;
    return makeSheet(this.wb, sheet);
  }
  deleteSheet(sheet: GasSheet): void {
    this.wb.removeSheet(sheetModel(this.wb, sheet, 'deleteSheet'));
  }
  deleteActiveSheet(): GasSheet {
    const s = this.active();
    this.wb.removeSheet(s);
    return makeSheet(this.wb, this.active());
  }
  getActiveSheet(): GasSheet {
    return makeSheet(this.wb, this.active());
  }
  setActiveSheet(sheet: GasSheet): GasSheet {
    const m = sheetModel(this.wb, sheet, 'setActiveSheet');
    this.wb.model.activeSheetId = m.id;
    m.hidden = false;
    return makeSheet(this.wb, m);
  }
  renameActiveSheet(name: string): void {
    this.wb.renameSheet(this.active(), String(name));
  }
  moveActiveSheet(pos: number): void {
    const s = this.active();
    const list = this.wb.model.sheets.filter((x) => x !== s);
    list.splice(Math.max(0, Math.min(pos - 1, list.length)), 0, s);
    this.wb.model.sheets = list;
    this.wb.touch();
  }
  getSheetId(): number {
    return this.active().id;
  }
  getSheetName(): string {
    return this.active().name;
  }

  // ---- Ranges

  getRange(a1: string): GasRange {
    const p = parseA1(String(a1));
    if (!p) fail('Range not found');
    const sheet = p.sheet !== null ? this.wb.sheetByName(p.sheet) : this.active();
    if (!sheet) fail('Range not found');
    return rangeFromA1(this.wb, sheet, String(a1));
  }
  getRangeList(a1s: string[]) {
    return makeRangeList(
      this.wb,
      a1s.map((a) => raw(this.getRange(a)) as unknown as RangeApi),
    );
  }
  getRangeByName(name: string): GasRange | null {
    const n =
      this.wb.model.namedRanges.find((x) => x.name === name) ??
      this.wb.model.namedRanges.find((x) => x.name.toLowerCase() === String(name).toLowerCase());
    if (!n) return null;
    const sheet = this.wb.sheetById(n.ref.sheetId);
    return sheet
      ? makeRange(this.wb, sheet, n.ref.row, n.ref.col, n.ref.numRows, n.ref.numCols)
      : null;
  }
  setNamedRange(name: string, range: GasRange): void {
    validateRangeName(String(name));
    const api = unwrap(range, RangeApi);
    if (!api) invalidArgs('SpreadsheetApp.Spreadsheet.setNamedRange', typeNames([name, range]));
    const existing = this.wb.model.namedRanges.find((n) => n.name === name);
    if (existing) existing.ref = api.ref();
    else this.wb.model.namedRanges.push({ name: String(name), ref: api.ref() });
    this.wb.touch();
  }
  removeNamedRange(name: string): void {
    const before = this.wb.model.namedRanges.length;
    this.wb.model.namedRanges = this.wb.model.namedRanges.filter((n) => n.name !== name);
    if (this.wb.model.namedRanges.length === before) fail('Range not found');
    this.wb.touch();
  }
  getNamedRanges() {
    return this.wb.model.namedRanges.map((n) => makeNamedRange(this.wb, n));
  }
  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    return this.activeApi().getSheetValues(startRow, startColumn, numRows, numColumns);
  }
  getDataRange(): GasRange {
    return this.activeApi().getDataRange();
  }
  getLastRow(): number {
    return this.activeApi().getLastRow();
  }
  getLastColumn(): number {
    return this.activeApi().getLastColumn();
  }
  createTextFinder(text: string) {
    return makeTextFinder(
      this.wb,
      this.wb.model.sheets.map((s) => ({
        sheetId: s.id,
        row: 1,
        col: 1,
        numRows: s.maxRows,
        numCols: s.maxCols,
      })),
      text,
    );
  }
  getProtections(type: unknown) {
    return this.wb.model.sheets.flatMap((s) =>
      (raw(makeSheet(this.wb, s)) as unknown as SheetApi).getProtections(type),
    );
  }

  // ---- Selection

  getActiveRange(): GasRange | null {
    return this.activeApi().getActiveRange();
  }
  getActiveRangeList() {
    return this.activeApi().getActiveRangeList();
  }
  getActiveCell(): GasRange {
    return this.activeApi().getActiveCell();
  }
  getCurrentCell(): GasRange | null {
    return this.activeApi().getCurrentCell();
  }
  getSelection() {
    return makeSelection(this.wb, this.active());
  }
  setActiveRange(range: GasRange): GasRange {
    return this.activeApi().setActiveRange(range);
  }
  setActiveRangeList(list: GoogleAppsScript.Spreadsheet.RangeList) {
    const api = unwrap(list, RangeListApi);
    api?.activate();
    return list;
  }
  setActiveSelection(range: GasRange | string): GasRange {
    return this.activeApi().setActiveRange(
      typeof range === 'string' ? this.getRange(range) : range,
    );
  }
  setCurrentCell(cell: GasRange): GasRange {
    return this.activeApi().setCurrentCell(cell);
  }

  // ---- Active-sheet shortcuts

  appendRow(row: unknown[]): GasSheet {
    return this.activeApi().appendRow(row);
  }
  deleteRow(r: number): GasSheet {
    return this.activeApi().deleteRow(r);
  }
  deleteRows(r: number, n: number): void {
    this.activeApi().deleteRows(r, n);
  }
  deleteColumn(c: number): GasSheet {
    return this.activeApi().deleteColumn(c);
  }
  deleteColumns(c: number, n: number): void {
    this.activeApi().deleteColumns(c, n);
  }
  insertRowAfter(r: number): GasSheet {
    return this.activeApi().insertRowAfter(r);
  }
  insertRowBefore(r: number): GasSheet {
    return this.activeApi().insertRowBefore(r);
  }
  insertRowsAfter(r: number, n: number): GasSheet {
    return this.activeApi().insertRowsAfter(r, n);
  }
  insertRowsBefore(r: number, n: number): GasSheet {
    return this.activeApi().insertRowsBefore(r, n);
  }
  insertColumnAfter(c: number): GasSheet {
    return this.activeApi().insertColumnAfter(c);
  }
  insertColumnBefore(c: number): GasSheet {
    return this.activeApi().insertColumnBefore(c);
  }
  insertColumnsAfter(c: number, n: number): GasSheet {
    return this.activeApi().insertColumnsAfter(c, n);
  }
  insertColumnsBefore(c: number, n: number): GasSheet {
    return this.activeApi().insertColumnsBefore(c, n);
  }
  getFrozenRows(): number {
    return this.activeApi().getFrozenRows();
  }
  setFrozenRows(n: number): void {
    this.activeApi().setFrozenRows(n);
  }
  getFrozenColumns(): number {
    return this.activeApi().getFrozenColumns();
  }
  setFrozenColumns(n: number): void {
    this.activeApi().setFrozenColumns(n);
  }
  getColumnWidth(c: number): number {
    return this.activeApi().getColumnWidth(c);
  }
  setColumnWidth(c: number, w: number): GasSheet {
    return this.activeApi().setColumnWidth(c, w);
  }
  getRowHeight(r: number): number {
    return this.activeApi().getRowHeight(r);
  }
  setRowHeight(r: number, h: number): GasSheet {
    return this.activeApi().setRowHeight(r, h);
  }
  hideColumn(c: GasRange): void {
    this.activeApi().hideColumn(c);
  }
  unhideColumn(c: GasRange): void {
    this.activeApi().unhideColumn(c);
  }
  hideRow(r: GasRange): void {
    this.activeApi().hideRow(r);
  }
  unhideRow(r: GasRange): void {
    this.activeApi().unhideRow(r);
  }
  isColumnHiddenByUser(c: number): boolean {
    return this.activeApi().isColumnHiddenByUser(c);
  }
  isRowHiddenByUser(r: number): boolean {
    return this.activeApi().isRowHiddenByUser(r);
  }
  isRowHiddenByFilter(r: number): boolean {
    return this.activeApi().isRowHiddenByFilter(r);
  }
  sort(c: number, asc = true): GasSheet {
    return this.activeApi().sort(c, asc);
  }
  autoResizeColumn(): GasSheet {
    return makeSheet(this.wb, this.active());
  }
  addDeveloperMetadata(...args: unknown[]): GasSpreadsheet {
    addMetadata(
      this.wb,
      { type: 'SPREADSHEET' },
      'SpreadsheetApp.Spreadsheet.addDeveloperMetadata',
      args,
    );
    return this.self;
  }
  getDeveloperMetadata() {
    return metadataAt(this.wb, { type: 'SPREADSHEET' });
  }
  createDeveloperMetadataFinder() {
    return makeFinder(this.wb, { kind: 'spreadsheet' });
  }
  addMenu(name: string, subMenus: ({ name: string; functionName: string } | null)[]): void {
    const rec = recorders.get(this.wb);
    if (!rec) return;
    const items = subMenus.map((m) =>
      m === null ? { separator: true as const } : { caption: m.name, functionName: m.functionName },
    );
    const idx = rec.menus.findIndex((m) => m.name === name && !m.addon);
    const entry = { name, addon: false, items };
    if (idx >= 0) rec.menus[idx] = entry;
    else rec.menus.push(entry);
  }
  updateMenu(name: string, subMenus: { name: string; functionName: string }[]): void {
    this.addMenu(name, subMenus);
  }
  removeMenu(name: string): void {
    const rec = recorders.get(this.wb);
    if (rec) rec.menus = rec.menus.filter((m) => m.name !== name || m.addon);
  }
}

const spreadsheetProxies = new WeakMap<Workbook, GasSpreadsheet>();

export function makeSpreadsheet(wb: Workbook): GasSpreadsheet {
  const hit = spreadsheetProxies.get(wb);
  if (hit) return hit;
  const p = wrap<GasSpreadsheet, SpreadsheetApi>(new SpreadsheetApi(wb), 'Spreadsheet', wb);
  spreadsheetProxies.set(wb, p);
  return p;
}

type GasApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export class SpreadsheetAppApi extends ApiObject<GasApp> {
  readonly AutoFillSeries = E.AutoFillSeries;
  readonly BandingTheme = E.BandingTheme;
  readonly BooleanCriteria = E.BooleanCriteria;
  readonly BorderStyle = E.BorderStyle;
  readonly ColorType = E.ColorType;
  readonly CopyPasteType = E.CopyPasteType;
  readonly DataExecutionErrorCode = E.DataExecutionErrorCode;
  readonly DataExecutionState = E.DataExecutionState;
  readonly DataSourceParameterType = E.DataSourceParameterType;
  readonly DataSourceType = E.DataSourceType;
  readonly DataValidationCriteria = E.DataValidationCriteria;
  readonly DeveloperMetadataLocationType = E.DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = E.DeveloperMetadataVisibility;
  readonly Dimension = E.Dimension;
  readonly Direction = E.Direction;
  readonly GroupControlTogglePosition = E.GroupControlTogglePosition;
  readonly InterpolationType = E.InterpolationType;
  readonly PivotTableSummarizeFunction = E.PivotTableSummarizeFunction;
  readonly PivotValueDisplayType = E.PivotValueDisplayType;
  readonly ProtectionType = E.ProtectionType;
  readonly RecalculationInterval = E.RecalculationInterval;
  readonly RelativeDate = E.RelativeDate;
  readonly SheetType = E.SheetType;
  readonly TextDirection = E.TextDirection;
  readonly TextToColumnsDelimiter = E.TextToColumnsDelimiter;
  readonly ThemeColorType = E.ThemeColorType;
  readonly ValueType = E.ValueType;
  readonly WrapStrategy = E.WrapStrategy;

  constructor(
    private readonly wb: Workbook,
    private readonly recorder: UiRecorderImpl,
  ) {
    super();
  }

  private ss(): SpreadsheetApi {
    return raw(makeSpreadsheet(this.wb)) as unknown as SpreadsheetApi;
  }

  getActive() {
    return makeSpreadsheet(this.wb);
  }
  getActiveSpreadsheet() {
    return makeSpreadsheet(this.wb);
  }
  openById(id: string) {
    if (id !== this.wb.model.id)
      fail(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return makeSpreadsheet(this.wb);
  }
  openByUrl(url: string) {
    if (!String(url).includes(this.wb.model.id))
      fail(
        `Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.`,
      );
    return makeSpreadsheet(this.wb);
  }
  setActiveSpreadsheet(): void {}
  flush(): void {}
  enableAllDataSourcesExecution(): void {}
  enableBigQueryExecution(): void {}
  getActiveSheet() {
    return this.ss().getActiveSheet();
  }
  setActiveSheet(sheet: GasSheet) {
    return this.ss().setActiveSheet(sheet);
  }
  getActiveRange() {
    return this.ss().getActiveRange();
  }
  getActiveRangeList() {
    return this.ss().getActiveRangeList();
  }
  setActiveRange(range: GasRange) {
    return this.ss().setActiveRange(range);
  }
  setActiveRangeList(list: GoogleAppsScript.Spreadsheet.RangeList) {
    return this.ss().setActiveRangeList(list);
  }
  getCurrentCell() {
    return this.ss().getCurrentCell();
  }
  setCurrentCell(cell: GasRange) {
    return this.ss().setCurrentCell(cell);
  }
  getSelection() {
    return this.ss().getSelection();
  }
  getUi() {
    return makeUi(this.wb, this.recorder);
  }
  newDataValidation() {
    return makeValidationBuilder(this.wb);
  }
  newConditionalFormatRule() {
    return makeCfBuilder(this.wb);
  }
  newFilterCriteria() {
    return makeFilterCriteriaBuilder(this.wb);
  }
  newRichTextValue() {
    return makeRichTextBuilder(this.wb);
  }
  newTextStyle() {
    return makeTextStyleBuilder(this.wb);
  }
}

export function makeSpreadsheetApp(wb: Workbook, recorder: UiRecorderImpl): GasApp {
  return wrap(new SpreadsheetAppApi(wb, recorder), 'SpreadsheetApp', wb);
}

notModelled(SpreadsheetApi, 'Spreadsheet', [
  'copy',
  'duplicateActiveSheet',
  'getAs',
  'getBandings',
  'getBlob',
  'getDataSourceTables',
  'getFormUrl',
  'getImages',
  'getIterativeCalculationConvergenceThreshold',
  'getMaxIterativeCalculationCycles',
  'getPredefinedSpreadsheetThemes',
  'getSpreadsheetTheme',
  'insertImage',
  'insertSheetWithDataSourceTable',
  'moveChartToObjectSheet',
  'resetSpreadsheetTheme',
  'setIterativeCalculationConvergenceThreshold',
  'setMaxIterativeCalculationCycles',
  'setSpreadsheetTheme',
]);

notModelled(SpreadsheetAppApi, 'SpreadsheetApp', [
  'create',
  'newCellImage',
  'newColor',
  'newDataSourceSpec',
  'open',
]);
