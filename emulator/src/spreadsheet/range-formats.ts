/**
 * The formats layer of Range: colours, fonts, alignment, wrapping, number formats, text styles
 * and borders. Merging and text rotation are accepted and ignored.
 */
import { normaliseColor, rgbHex, unwrap } from './api';
import { makeTextStyle, TextStyleApi } from './text-styles';
import { applyTextStyle, colorOrNull, DEFAULTS, setStyle, styleToText } from './cell-style';
import { AUTOMATIC_FORMAT, normaliseFormat } from './display';
import { type BorderSide, type Cell, getCell, type Style } from './model';
import type { GasRange } from './range-geometry';
import { RangeValues } from './range-values';

export abstract class RangeFormats extends RangeValues {
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
}
