/**
 * Range and RangeList: 1-based blocks of a sheet with the real service's value semantics and
 * error messages. Every method works on the model directly (uncounted) and returns proxies.
 */
import { cellA1 } from './a1';
import {
  ApiObject,
  notModelled,
  invalidArgs,
  normaliseColor,
  rgbHex,
  typeNames,
  unwrap,
  wrap,
} from './api';
import { fail, type Workbook } from './book';
import {
  DataValidationApi,
  makeRichText,
  makeTextStyle,
  makeValidation,
  RichTextValueApi,
  TextStyleApi,
  type TextStyleData,
} from './builders';
import { AUTOMATIC_FORMAT, formatValue, isDateTimeFormat, normaliseFormat } from './display';
import { makeFilter } from './filter';
import { makeTextFinder } from './finder';
import {
  type BorderSide,
  type Cell,
  getCell,
  type GridRef,
  hasContent,
  type SheetModel,
  setContent,
  type Style,
  type ValidationData,
} from './model';
import { makeProtection } from './protection';
import { translateFormula } from './refs';
import { makeSheet, SheetApi } from './sheet';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

export const DEFAULTS = {
  background: '#ffffff',
  fontColor: '#000000',
  fontFamily: 'Arial',
  fontSize: 10,
  hAlign: 'general',
  vAlign: 'bottom',
};

function dimsError(kind: 'rows' | 'columns', data: number, range: number): never {
  fail(
    `The number of ${kind} in the data does not match the number of ${kind} in the range. The data has ${data} but the range has ${range}.`,
  );
}

export class RangeApi extends ApiObject<GasRange> {
  constructor(
    readonly wb: Workbook,
    readonly sheet: SheetModel,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
    private readonly notation: string | null = null,
  ) {
    super();
  }

  ref(): GridRef {
    return {
      sheetId: this.sheet.id,
      row: this.row,
      col: this.col,
      numRows: this.numRows,
      numCols: this.numCols,
    };
  }

  private get lastRowIdx(): number {
    return this.row + this.numRows - 1;
  }

  private get lastColIdx(): number {
    return this.col + this.numCols - 1;
  }

  /** Build a rows x cols matrix from a per-cell function. */
  private grid<T>(fn: (row: number, col: number, cell: Cell | undefined) => T): T[][] {
    const out: T[][] = new Array<T[]>(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const r = this.row + i;
      const line = this.sheet.rows[r - 1];
      const rowOut = new Array<T>(this.numCols);
      for (let j = 0; j < this.numCols; j++)
        rowOut[j] = fn(r, this.col + j, line?.cells[this.col + j - 1]);
      out[i] = rowOut;
    }
    return out;
  }

  private checkDims(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values)) invalidArgs(`SpreadsheetApp.Range.${method}`, typeNames([values]));
    if (values.length !== this.numRows) dimsError('rows', values.length, this.numRows);
    for (const line of values) {
      if (!Array.isArray(line)) invalidArgs(`SpreadsheetApp.Range.${method}`, 'Object[]');
      if (line.length !== this.numCols) dimsError('columns', line.length, this.numCols);
    }
    return values as unknown[][];
  }

  private styled<K extends keyof Style>(key: K, value: Style[K] | undefined): GasRange {
    this.wb.eachCell(this.sheet, this.ref(), (cell) => setStyle(cell, key, value));
    return this.self;
  }

  private styledEach<K extends keyof Style, V>(
    values: V[][],
    method: string,
    map: (v: V) => Style[K] | undefined,
    key: K,
  ): GasRange {
    const vals = this.checkDims(values, method) as V[][];
    this.wb.eachCell(this.sheet, this.ref(), (cell, r, c) =>
      setStyle(cell, key, map((vals[r - this.row] as V[])[c - this.col] as V)),
    );
    return this.self;
  }

  private styleGrid<T>(fn: (s: Style | undefined) => T): T[][] {
    return this.grid((_r, _c, cell) => fn(cell?.style));
  }

  // ---- Position

  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.lastRowIdx;
  }
  getLastColumn(): number {
    return this.lastColIdx;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  getGridId(): number {
    return this.sheet.id;
  }
  getA1Notation(): string {
    if (this.notation) return this.notation;
    const start = cellA1(this.row, this.col);
    return this.numRows === 1 && this.numCols === 1
      ? start
      : `${start}:${cellA1(this.lastRowIdx, this.lastColIdx)}`;
  }
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
  isStartRowBounded(): boolean {
    return !this.notation || !/^[A-Z]+(:|$)/i.test(this.notation);
  }
  isEndRowBounded(): boolean {
    return !this.notation || /\d$/.test(this.notation);
  }
  isStartColumnBounded(): boolean {
    return !this.notation || !/^\d/.test(this.notation);
  }
  isEndColumnBounded(): boolean {
    return !this.notation || !/:\d+$/.test(this.notation);
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
  getDataRegion(): GasRange {
    return makeSheet(this.wb, this.sheet).getDataRange();
  }

  // ---- Values

  getValues(): unknown[][] {
    const wb = this.wb;
    const sheet = this.sheet;
    return this.grid((r, c, cell) => {
      if (cell && cell.formula === undefined && cell.value !== undefined) {
        const v = cell.value;
        if (typeof v === 'number' && cell.format && isDateTimeFormat(cell.format))
          return wb.clock.fromSerial(v);
        return v;
      }
      if (cell?.formula === undefined && !wb.calc.isSpilled(sheet, r, c)) return '';
      return wb.readValue(sheet, r, c);
    });
  }
  getValue(): unknown {
    return this.wb.readValue(this.sheet, this.row, this.col);
  }
  setValues(values: unknown[][]): GasRange {
    const vals = this.checkDims(values, 'setValues');
    for (let i = 0; i < this.numRows; i++) {
      const line = vals[i] as unknown[];
      for (let j = 0; j < this.numCols; j++)
        this.wb.write(this.sheet, this.row + i, this.col + j, line[j]);
    }
    return this.self;
  }
  setValue(value: unknown): GasRange {
    if (Array.isArray(value)) invalidArgs('SpreadsheetApp.Range.setValue', 'number[]');
    const first = this.wb.coerce(this.sheet, this.row, this.col, value);
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const r = this.row + i;
        const c = this.col + j;
        if (first.kind === 'formula') {
          // Like a fill: relative references move with each cell.
          this.wb.apply(this.sheet, r, c, {
            kind: 'formula',
            formula: translateFormula(first.formula, i, j),
          });
        } else {
          this.wb.write(this.sheet, r, c, value);
        }
      }
    }
    return this.self;
  }
  getDisplayValues(): string[][] {
    const wb = this.wb;
    const locale = wb.model.locale;
    return this.grid((r, c, cell) => {
      if (cell && cell.formula === undefined && cell.value !== undefined)
        return formatValue(cell.value, cell.format, locale);
      return wb.display(this.sheet, r, c);
    });
  }
  getDisplayValue(): string {
    return this.wb.display(this.sheet, this.row, this.col);
  }
  getFormulas(): string[][] {
    return this.grid((_r, _c, cell) => cell?.formula ?? '');
  }
  getFormula(): string {
    return getCell(this.sheet, this.row, this.col)?.formula ?? '';
  }
  getFormulasR1C1(): (string | null)[][] {
    return this.grid((r, c, cell) =>
      cell?.formula !== undefined ? toR1C1(cell.formula, r, c) : null,
    );
  }
  getFormulaR1C1(): string | null {
    return this.getFormulasR1C1()[0]?.[0] ?? null;
  }
  setFormula(formula: string): GasRange {
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const f =
          typeof formula === 'string' && formula.startsWith('=')
            ? translateFormula(formula, i, j)
            : formula;
        this.wb.writeFormula(this.sheet, this.row + i, this.col + j, f);
      }
    }
    return this.self;
  }
  setFormulas(formulas: string[][]): GasRange {
    const vals = this.checkDims(formulas, 'setFormulas') as string[][];
    vals.forEach((line, i) =>
      line.forEach((f, j) => this.wb.writeFormula(this.sheet, this.row + i, this.col + j, f)),
    );
    return this.self;
  }
  isBlank(): boolean {
    for (let r = this.row; r <= this.lastRowIdx; r++) {
      for (let c = this.col; c <= this.lastColIdx; c++) {
        if (hasContent(getCell(this.sheet, r, c)) || this.wb.calc.isSpilled(this.sheet, r, c))
          return false;
      }
    }
    return true;
  }
  trimWhitespace(): GasRange {
    for (let r = this.row; r <= this.lastRowIdx; r++) {
      for (let c = this.col; c <= this.lastColIdx; c++) {
        const cell = getCell(this.sheet, r, c);
        if (typeof cell?.value === 'string')
          setContent(this.sheet, r, c, { value: cell.value.trim().replace(/\s+/g, ' ') });
      }
    }
    this.wb.touch();
    return this.self;
  }

  // ---- Clearing

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GasRange {
    if (!options) {
      this.wb.clearBlock(this.sheet, this.ref(), { contents: true, formats: true });
      return this.self;
    }
    const any =
      options.commentsOnly || options.contentsOnly || options.formatOnly || options.validationsOnly;
    this.wb.clearBlock(this.sheet, this.ref(), {
      contents: !any || options.contentsOnly,
      formats: !any || options.formatOnly,
      validations: !any || options.validationsOnly,
      notes: !any || options.commentsOnly,
    });
    return this.self;
  }
  clearContent(): GasRange {
    this.wb.clearBlock(this.sheet, this.ref(), { contents: true });
    return this.self;
  }
  clearFormat(): GasRange {
    this.wb.clearBlock(this.sheet, this.ref(), { formats: true });
    return this.self;
  }
  clearDataValidations(): GasRange {
    this.wb.clearBlock(this.sheet, this.ref(), { validations: true });
    return this.self;
  }
  clearNote(): GasRange {
    this.wb.clearBlock(this.sheet, this.ref(), { notes: true });
    return this.self;
  }

  // ---- Formats

  getBackgrounds(): string[][] {
    return this.styleGrid((s) => s?.background ?? DEFAULTS.background);
  }
  getBackground(): string {
    return this.getBackgrounds()[0]?.[0] ?? DEFAULTS.background;
  }
  setBackground(color: string | null): GasRange {
    return this.styled('background', colorOrNull(color, DEFAULTS.background));
  }
  setBackgroundRGB(r: number, g: number, b: number): GasRange {
    return this.setBackground(rgbHex(r, g, b));
  }
  setBackgrounds(colors: (string | null)[][]): GasRange {
    return this.styledEach(
      colors,
      'setBackgrounds',
      (c) => colorOrNull(c, DEFAULTS.background),
      'background',
    );
  }
  getFontColors(): string[][] {
    return this.styleGrid((s) => s?.fontColor ?? DEFAULTS.fontColor);
  }
  getFontColor(): string {
    return this.getFontColors()[0]?.[0] ?? DEFAULTS.fontColor;
  }
  setFontColor(color: string | null): GasRange {
    return this.styled('fontColor', colorOrNull(color, DEFAULTS.fontColor));
  }
  setFontColors(colors: (string | null)[][]): GasRange {
    return this.styledEach(
      colors,
      'setFontColors',
      (c) => colorOrNull(c, DEFAULTS.fontColor),
      'fontColor',
    );
  }
  getFontWeights(): string[][] {
    return this.styleGrid((s) => s?.fontWeight ?? 'normal');
  }
  getFontWeight(): string {
    return this.getFontWeights()[0]?.[0] ?? 'normal';
  }
  setFontWeight(w: 'bold' | 'normal' | null): GasRange {
    return this.styled('fontWeight', w === 'bold' ? 'bold' : undefined);
  }
  setFontWeights(ws: ('bold' | 'normal' | null)[][]): GasRange {
    return this.styledEach(
      ws,
      'setFontWeights',
      (w) => (w === 'bold' ? 'bold' : undefined),
      'fontWeight',
    );
  }
  getFontStyles(): string[][] {
    return this.styleGrid((s) => s?.fontStyle ?? 'normal');
  }
  getFontStyle(): string {
    return this.getFontStyles()[0]?.[0] ?? 'normal';
  }
  setFontStyle(st: 'italic' | 'normal' | null): GasRange {
    return this.styled('fontStyle', st === 'italic' ? 'italic' : undefined);
  }
  setFontStyles(sts: ('italic' | 'normal' | null)[][]): GasRange {
    return this.styledEach(
      sts,
      'setFontStyles',
      (s) => (s === 'italic' ? 'italic' : undefined),
      'fontStyle',
    );
  }
  getFontLines(): string[][] {
    return this.styleGrid((s) => s?.fontLine ?? 'none');
  }
  getFontLine(): string {
    return this.getFontLines()[0]?.[0] ?? 'none';
  }
  setFontLine(line: 'underline' | 'line-through' | 'none' | null): GasRange {
    return this.styled(
      'fontLine',
      line === 'underline' || line === 'line-through' ? line : undefined,
    );
  }
  setFontLines(lines: ('underline' | 'line-through' | 'none' | null)[][]): GasRange {
    return this.styledEach(
      lines,
      'setFontLines',
      (l) => (l === 'underline' || l === 'line-through' ? l : undefined),
      'fontLine',
    );
  }
  getFontSizes(): number[][] {
    return this.styleGrid((s) => s?.fontSize ?? DEFAULTS.fontSize);
  }
  getFontSize(): number {
    return this.getFontSizes()[0]?.[0] ?? DEFAULTS.fontSize;
  }
  setFontSize(size: number): GasRange {
    return this.styled('fontSize', size === DEFAULTS.fontSize ? undefined : size);
  }
  setFontSizes(sizes: number[][]): GasRange {
    return this.styledEach(
      sizes,
      'setFontSizes',
      (s) => (s === DEFAULTS.fontSize ? undefined : s),
      'fontSize',
    );
  }
  getFontFamilies(): string[][] {
    return this.styleGrid((s) => s?.fontFamily ?? DEFAULTS.fontFamily);
  }
  getFontFamily(): string {
    return this.getFontFamilies()[0]?.[0] ?? DEFAULTS.fontFamily;
  }
  setFontFamily(f: string | null): GasRange {
    return this.styled('fontFamily', f ?? undefined);
  }
  setFontFamilies(fs: (string | null)[][]): GasRange {
    return this.styledEach(fs, 'setFontFamilies', (f) => f ?? undefined, 'fontFamily');
  }
  getHorizontalAlignments(): string[][] {
    return this.styleGrid((s) => s?.hAlign ?? DEFAULTS.hAlign);
  }
  getHorizontalAlignment(): string {
    return this.getHorizontalAlignments()[0]?.[0] ?? DEFAULTS.hAlign;
  }
  setHorizontalAlignment(a: string | null): GasRange {
    return this.styled('hAlign', a && a !== 'normal' && a !== 'general' ? a : undefined);
  }
  setHorizontalAlignments(as: (string | null)[][]): GasRange {
    return this.styledEach(
      as,
      'setHorizontalAlignments',
      (a) => (a && a !== 'normal' && a !== 'general' ? a : undefined),
      'hAlign',
    );
  }
  getVerticalAlignments(): string[][] {
    return this.styleGrid((s) => s?.vAlign ?? DEFAULTS.vAlign);
  }
  getVerticalAlignment(): string {
    return this.getVerticalAlignments()[0]?.[0] ?? DEFAULTS.vAlign;
  }
  setVerticalAlignment(a: string | null): GasRange {
    return this.styled('vAlign', a && a !== 'bottom' ? a : undefined);
  }
  setVerticalAlignments(as: (string | null)[][]): GasRange {
    return this.styledEach(
      as,
      'setVerticalAlignments',
      (a) => (a && a !== 'bottom' ? a : undefined),
      'vAlign',
    );
  }
  getWrapStrategies(): string[][] {
    return this.styleGrid((s) => s?.wrap ?? 'OVERFLOW');
  }
  getWrapStrategy(): string {
    return this.getWrapStrategies()[0]?.[0] ?? 'OVERFLOW';
  }
  setWrapStrategy(strategy: unknown): GasRange {
    const s = String(strategy) as Style['wrap'];
    return this.styled('wrap', s === 'OVERFLOW' ? undefined : s);
  }
  setWrapStrategies(strategies: unknown[][]): GasRange {
    return this.styledEach(
      strategies,
      'setWrapStrategies',
      (s) => (String(s) === 'OVERFLOW' ? undefined : (String(s) as Style['wrap'])),
      'wrap',
    );
  }
  getWraps(): boolean[][] {
    return this.styleGrid((s) => s?.wrap === 'WRAP');
  }
  getWrap(): boolean {
    return this.getWraps()[0]?.[0] ?? false;
  }
  setWrap(wrapEnabled: boolean): GasRange {
    return this.styled('wrap', wrapEnabled ? 'WRAP' : undefined);
  }
  setWraps(ws: boolean[][]): GasRange {
    return this.styledEach(ws, 'setWraps', (w) => (w ? 'WRAP' : undefined), 'wrap');
  }
  getNumberFormats(): string[][] {
    return this.grid((_r, _c, cell) => cell?.format ?? AUTOMATIC_FORMAT);
  }
  getNumberFormat(): string {
    return getCell(this.sheet, this.row, this.col)?.format ?? AUTOMATIC_FORMAT;
  }
  setNumberFormat(fmt: string): GasRange {
    const f = normaliseFormat(fmt);
    this.wb.eachCell(this.sheet, this.ref(), (cell) => {
      if (f === undefined) delete cell.format;
      else cell.format = f;
    });
    return this.self;
  }
  setNumberFormats(fmts: string[][]): GasRange {
    const vals = this.checkDims(fmts, 'setNumberFormats') as string[][];
    this.wb.eachCell(this.sheet, this.ref(), (cell, r, c) => {
      const f = normaliseFormat((vals[r - this.row] as string[])[c - this.col]);
      if (f === undefined) delete cell.format;
      else cell.format = f;
    });
    return this.self;
  }
  getTextStyles() {
    return this.styleGrid((s) => makeTextStyle(this.wb, styleToText(s)));
  }
  getTextStyle() {
    return makeTextStyle(this.wb, styleToText(getCell(this.sheet, this.row, this.col)?.style));
  }
  setTextStyle(style: GoogleAppsScript.Spreadsheet.TextStyle): GasRange {
    const api = unwrap(style, TextStyleApi);
    if (api) this.wb.eachCell(this.sheet, this.ref(), (cell) => applyTextStyle(cell, api.data));
    return this.self;
  }
  setTextStyles(styles: GoogleAppsScript.Spreadsheet.TextStyle[][]): GasRange {
    const vals = this.checkDims(styles, 'setTextStyles');
    this.wb.eachCell(this.sheet, this.ref(), (cell, r, c) => {
      const api = unwrap((vals[r - this.row] as unknown[])[c - this.col], TextStyleApi);
      if (api) applyTextStyle(cell, api.data);
    });
    return this.self;
  }
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: unknown,
  ): GasRange {
    const side: BorderSide = {
      color: color ? normaliseColor(color) : '#000000',
      style: style ? String(style) : 'SOLID',
    };
    const set = (cell: Cell, key: keyof NonNullable<Style['borders']>, on: boolean | null) => {
      if (on === null || on === undefined) return;
      const borders = { ...(cell.style?.borders ?? {}) };
      if (on) borders[key] = side;
      else delete borders[key];
      setStyle(cell, 'borders', Object.keys(borders).length ? borders : undefined);
    };
    this.wb.eachCell(this.sheet, this.ref(), (cell, r, c) => {
      if (r === this.row) set(cell, 'top', top);
      if (r === this.lastRowIdx) set(cell, 'bottom', bottom);
      else set(cell, 'bottom', horizontal);
      if (c === this.col) set(cell, 'left', left);
      if (c === this.lastColIdx) set(cell, 'right', right);
      else set(cell, 'right', vertical);
    });
    return this.self;
  }
  setShowHyperlink(): GasRange {
    return this.self;
  }
  setTextRotation(): GasRange {
    return this.self;
  }
  setTextDirection(): GasRange {
    return this.self;
  }
  setVerticalText(): GasRange {
    return this.self;
  }
  merge(): GasRange {
    return this.self;
  }
  mergeAcross(): GasRange {
    return this.self;
  }
  mergeVertically(): GasRange {
    return this.self;
  }
  breakApart(): GasRange {
    return this.self;
  }
  isPartOfMerge(): boolean {
    return false;
  }
  getMergedRanges(): GasRange[] {
    return [];
  }

  // ---- Notes and rich text

  getNotes(): string[][] {
    return this.grid((_r, _c, cell) => cell?.note ?? '');
  }
  getNote(): string {
    return getCell(this.sheet, this.row, this.col)?.note ?? '';
  }
  setNote(note: string | null): GasRange {
    this.wb.eachCell(this.sheet, this.ref(), (cell) => {
      if (note === null || note === '') delete cell.note;
      else cell.note = String(note);
    });
    return this.self;
  }
  setNotes(notes: (string | null)[][]): GasRange {
    const vals = this.checkDims(notes, 'setNotes') as (string | null)[][];
    this.wb.eachCell(this.sheet, this.ref(), (cell, r, c) => {
      const n = (vals[r - this.row] as (string | null)[])[c - this.col];
      if (n === null || n === '' || n === undefined) delete cell.note;
      else cell.note = String(n);
    });
    return this.self;
  }
  getRichTextValues() {
    return this.grid((r, c, cell) => {
      const v = this.wb.value(this.sheet, r, c);
      if (typeof v !== 'string' && v !== null) return null;
      return makeRichText(this.wb, {
        text: v ?? '',
        link: cell?.link ?? null,
        style: styleToText(cell?.style),
      });
    });
  }
  getRichTextValue() {
    return this.getRichTextValues()[0]?.[0] ?? null;
  }
  setRichTextValue(value: GoogleAppsScript.Spreadsheet.RichTextValue): GasRange {
    const api = unwrap(value, RichTextValueApi);
    if (!api) invalidArgs('SpreadsheetApp.Range.setRichTextValue', typeNames([value]));
    this.wb.eachCell(this.sheet, this.ref(), (cell, r, c) =>
      writeRichText(this.sheet, cell, r, c, api),
    );
    return this.self;
  }
  setRichTextValues(values: GoogleAppsScript.Spreadsheet.RichTextValue[][]): GasRange {
    const vals = this.checkDims(values, 'setRichTextValues');
    this.wb.eachCell(this.sheet, this.ref(), (cell, r, c) => {
      const api = unwrap((vals[r - this.row] as unknown[])[c - this.col], RichTextValueApi);
      if (api) writeRichText(this.sheet, cell, r, c, api);
    });
    return this.self;
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
}

function toR1C1(formula: string, row: number, col: number): string {
  return formula.replace(
    /(\$?)([A-Z]{1,3})(\$?)(\d+)/g,
    (_m, ca: string, letters: string, ra: string, digits: string) => {
      let n = 0;
      for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
      const r = Number(digits);
      const rs = ra ? `R${r}` : r === row ? 'R' : `R[${r - row}]`;
      const cs = ca ? `C${n}` : n === col ? 'C' : `C[${n - col}]`;
      return rs + cs;
    },
  );
}

function colorOrNull(color: string | null | undefined, dflt: string): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const c = normaliseColor(String(color));
  return c === dflt ? undefined : c;
}

function setStyle<K extends keyof Style>(cell: Cell, key: K, value: Style[K] | undefined): void {
  if (value === undefined) {
    if (!cell.style) return;
    delete cell.style[key];
    if (Object.keys(cell.style).length === 0) delete cell.style;
    return;
  }
  cell.style ??= {};
  cell.style[key] = value;
}

function styleToText(s: Style | undefined): TextStyleData {
  return {
    bold: s?.fontWeight === 'bold',
    italic: s?.fontStyle === 'italic',
    underline: s?.fontLine === 'underline',
    strikethrough: s?.fontLine === 'line-through',
    fontFamily: s?.fontFamily ?? DEFAULTS.fontFamily,
    fontSize: s?.fontSize ?? DEFAULTS.fontSize,
    color: s?.fontColor ?? DEFAULTS.fontColor,
  };
}

function applyTextStyle(cell: Cell, t: TextStyleData): void {
  if (t.bold !== undefined) setStyle(cell, 'fontWeight', t.bold ? 'bold' : undefined);
  if (t.italic !== undefined) setStyle(cell, 'fontStyle', t.italic ? 'italic' : undefined);
  if (t.underline !== undefined || t.strikethrough !== undefined) {
    setStyle(
      cell,
      'fontLine',
      t.underline ? 'underline' : t.strikethrough ? 'line-through' : undefined,
    );
  }
  if (t.fontFamily !== undefined) setStyle(cell, 'fontFamily', t.fontFamily);
  if (t.fontSize !== undefined)
    setStyle(cell, 'fontSize', t.fontSize === DEFAULTS.fontSize ? undefined : t.fontSize);
  if (t.color !== undefined) setStyle(cell, 'fontColor', colorOrNull(t.color, DEFAULTS.fontColor));
}

function writeRichText(
  sheet: SheetModel,
  cell: Cell,
  row: number,
  col: number,
  api: RichTextValueApi,
): void {
  // Rich text is always text: never parsed as a number, date or formula.
  setContent(sheet, row, col, api.data.text === '' ? {} : { value: api.data.text });
  if (api.data.link) cell.link = api.data.link;
  if (Object.keys(api.data.style).length) applyTextStyle(cell, api.data.style);
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

// ---------------------------------------------------------------- RangeList

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

notModelled(RangeApi, 'Range', [
  'addDeveloperMetadata',
  'applyColumnBanding',
  'applyRowBanding',
  'autoFill',
  'autoFillToNeighbor',
  'collapseGroups',
  'copyFormatToRange',
  'createDataSourcePivotTable',
  'createDataSourceTable',
  'createDeveloperMetadataFinder',
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
  'getDeveloperMetadata',
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
