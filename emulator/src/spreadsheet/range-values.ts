/**
 * The contents layer of Range: values with the real service's coercions, formulas, display
 * values, notes and rich text, and clearing.
 */
import { invalidArgs, typeNames, unwrap } from './api';
import { makeRichText, RichTextValueApi } from './text-styles';
import { applyTextStyle, styleToText } from './cell-style';
import { formatValue, isDateTimeFormat } from './display';
import { type Cell, getCell, hasContent, setContent, type SheetModel } from './model';
import { type GasRange, RangeGeometry } from './range-geometry';
import { translateFormula } from './refs';

export abstract class RangeValues extends RangeGeometry {
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
