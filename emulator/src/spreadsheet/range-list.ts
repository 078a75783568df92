/** RangeList: the same call applied to each of its ranges. */
import { ApiObject, wrap } from './api';
import type { Workbook } from './book';
import { makeRange, type RangeApi } from './range';
import type { GasRange } from './range-geometry';

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;

export class RangeListApi extends ApiObject<GasRangeList> {
  constructor(
    private readonly wb: Workbook,
    readonly ranges: RangeApi[],
  ) {
    super();
  }
  getRanges(): GasRange[] {
    return this.ranges.map((r) => makeRange(this.wb, r.sheet, r.row, r.col, r.numRows, r.numCols));
  }
  private each(fn: (r: RangeApi) => void): GasRangeList {
    for (const r of this.ranges) fn(r);
    return this.self;
  }
  activate() {
    const first = this.ranges[0];
    if (first) {
      this.wb.model.activeSheetId = first.sheet.id;
      first.sheet.selection = {
        ranges: this.ranges.map((r) => r.ref()),
        current: { row: first.row, col: first.col },
      };
    }
    return this.self;
  }
  breakApart() {
    return this.self;
  }
  check() {
    return this.each((r) => r.check());
  }
  uncheck() {
    return this.each((r) => r.uncheck());
  }
  clear(options?: Parameters<RangeApi['clear']>[0]) {
    return this.each((r) => r.clear(options));
  }
  clearContent() {
    return this.each((r) => r.clearContent());
  }
  clearDataValidations() {
    return this.each((r) => r.clearDataValidations());
  }
  clearFormat() {
    return this.each((r) => r.clearFormat());
  }
  clearNote() {
    return this.each((r) => r.clearNote());
  }
  insertCheckboxes(...values: unknown[]) {
    return this.each((r) => r.insertCheckboxes(...values));
  }
  removeCheckboxes() {
    return this.each((r) => r.removeCheckboxes());
  }
  setBackground(color: string | null) {
    return this.each((r) => r.setBackground(color));
  }
  setBackgroundRGB(red: number, green: number, blue: number) {
    return this.each((r) => r.setBackgroundRGB(red, green, blue));
  }
  setBorder(...args: Parameters<RangeApi['setBorder']>) {
    return this.each((r) => r.setBorder(...args));
  }
  setFontColor(color: string | null) {
    return this.each((r) => r.setFontColor(color));
  }
  setFontFamily(f: string | null) {
    return this.each((r) => r.setFontFamily(f));
  }
  setFontLine(l: 'underline' | 'line-through' | 'none' | null) {
    return this.each((r) => r.setFontLine(l));
  }
  setFontSize(s: number) {
    return this.each((r) => r.setFontSize(s));
  }
  setFontStyle(s: 'italic' | 'normal' | null) {
    return this.each((r) => r.setFontStyle(s));
  }
  setFontWeight(w: 'bold' | 'normal' | null) {
    return this.each((r) => r.setFontWeight(w));
  }
  setFormula(f: string) {
    return this.each((r) => r.setFormula(f));
  }
  setHorizontalAlignment(a: string | null) {
    return this.each((r) => r.setHorizontalAlignment(a));
  }
  setNote(n: string | null) {
    return this.each((r) => r.setNote(n));
  }
  setNumberFormat(f: string) {
    return this.each((r) => r.setNumberFormat(f));
  }
  setShowHyperlink() {
    return this.self;
  }
  setTextDirection() {
    return this.self;
  }
  setTextRotation() {
    return this.self;
  }
  setValue(v: unknown) {
    return this.each((r) => r.setValue(v));
  }
  setVerticalAlignment(a: string | null) {
    return this.each((r) => r.setVerticalAlignment(a));
  }
  setVerticalText() {
    return this.self;
  }
  setWrap(w: boolean) {
    return this.each((r) => r.setWrap(w));
  }
  setWrapStrategy(s: unknown) {
    return this.each((r) => r.setWrapStrategy(s));
  }
  trimWhitespace() {
    return this.each((r) => r.trimWhitespace());
  }
}

export function makeRangeList(wb: Workbook, ranges: RangeApi[]): GasRangeList {
  return wrap(new RangeListApi(wb, ranges), 'RangeList', wb);
}
