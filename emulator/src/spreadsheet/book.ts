/**
 * The workbook engine behind the API objects: cell reads and writes with the real service's
 * coercions, sheets, protections, filters. Structural changes (structure.ts) and sorting
 * (sort.ts) are reached through it too. Uncounted: API objects call it directly.
 */
import type { CallLog } from '../instrument';
import { lettersToColumn } from './a1';
import { Calc, type CalcHost, type Scalar } from './calc';
import { checkCondition, type CriteriaHost, isValidCell } from './criteria';
import { formatValue, isDateTimeFormat } from './display';
import { fail } from './errors';
import { localeInfo, type LocaleInfo } from './locale';
import { dropSheetMetadata } from './metadata-store';
import {
  type BookModel,
  type Cell,
  type GridRef,
  type ProtectionData,
  type SheetModel,
  ensureCell,
  getCell,
  hasContent,
  newSheet,
  pruneCell,
  setContent,
} from './model';
import { renameSheetInFormula } from './refs';
import { sortBlock } from './sort';
import * as structure from './structure';
import { coerceInput, serialParts, type Written, ZoneClock } from './values';

export interface WorkbookOptions {
  log: CallLog;
  timeZone: string;
  locale?: string;
  now: () => Date;
  userEmail: string;
  spreadsheetName?: string;
}

const DATE_FUNCTIONS = new Set([
  'TODAY',
  'DATE',
  'EDATE',
  'EOMONTH',
  'WORKDAY',
  'WORKDAY.INTL',
  'DATEVALUE',
]);

/** The function name when the whole formula is one call (inside ARRAYFORMULA or not). */
function soleCall(formula: string): string | null {
  let body = formula.replace(/^=\s*/, '').trim();
  const arr = /^ARRAYFORMULA\s*\((.*)\)$/is.exec(body);
  if (arr?.[1]) body = arr[1].trim();
  const m = /^([A-Z][A-Z0-9.]*)\s*\(/i.exec(body);
  if (!m?.[1]) return null;
  let depth = 0;
  let quoted = false;
  for (let i = m[0].length - 1; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') depth++;
    if (ch === ')' && --depth === 0) return i === body.length - 1 ? m[1].toUpperCase() : null;
  }
  return null;
}

function stableId(seed: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let h = 2166136261;
  let out = '1';
  for (let i = 0; out.length < 44; i++) {
    h ^= seed.charCodeAt(i % Math.max(1, seed.length)) + i;
    h = Math.imul(h, 16777619) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}

export function defaultSheetName(locale: string, n: number): string {
  return locale.startsWith('fr') ? `Feuille ${n}` : `Sheet${n}`;
}

export class Workbook implements CalcHost, CriteriaHost {
  model: BookModel;
  clock: ZoneClock;
  readonly calc: Calc;
  private ver = 0;
  private filterCache = new Map<number, { ver: number; rows: Set<number> }>();

  constructor(readonly opts: WorkbookOptions) {
    const locale = opts.locale ?? 'fr_FR';
    const name = opts.spreadsheetName ?? 'Suivi des stages';
    this.model = {
      id: stableId(name),
      name,
      timeZone: opts.timeZone,
      locale,
      sheets: [newSheet(0, defaultSheetName(locale, 1))],
      activeSheetId: 0,
      namedRanges: [],
      nextSheetId: 1,
      nextProtectionId: 1,
    };
    this.clock = new ZoneClock(opts.timeZone);
    this.calc = new Calc(this);
  }

  get log(): CallLog {
    return this.opts.log;
  }

  replaceModel(model: BookModel): void {
    this.model = model;
    this.clock = new ZoneClock(model.timeZone);
    this.touch();
  }

  // ---- CalcHost / CriteriaHost

  version(): number {
    return this.ver;
  }

  touch(): void {
    this.ver++;
  }

  sheetByName(name: string): SheetModel | undefined {
    return (
      this.model.sheets.find((s) => s.name === name) ??
      this.model.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())
    );
  }

  sheetById(id: number): SheetModel | undefined {
    return this.model.sheets.find((s) => s.id === id);
  }

  nowSerial(): number {
    return this.clock.toSerial(this.opts.now());
  }

  today(): number {
    return Math.floor(this.nowSerial());
  }

  locale(): string {
    return this.model.locale;
  }

  localeInfo(): LocaleInfo {
    return localeInfo(this.model.locale);
  }

  namedRangeNames(): string[] {
    return this.model.namedRanges.map((n) => n.name);
  }

  dateSerial(ms: number): number {
    return this.clock.toSerial(new Date(ms));
  }

  value(sheet: SheetModel, row: number, col: number): Scalar {
    return this.calc.value(sheet, row, col);
  }

  display(sheet: SheetModel, row: number, col: number): string {
    return formatValue(
      this.calc.value(sheet, row, col),
      this.formatOf(sheet, row, col),
      this.model.locale,
    );
  }

  /**
   * The number format a cell is shown with: its own, or for a formula cell with the automatic
   * format, the date format Sheets infers for date results (TODAY(), DATE(…), a date cell plus
   * a number of days…). Narrow on purpose: NETWORKDAYS(C2;D2) or D2-C2 stay numbers.
   */
  formatOf(sheet: SheetModel, row: number, col: number): string | undefined {
    const cell = getCell(sheet, row, col);
    if (cell?.format !== undefined || cell?.formula === undefined) return cell?.format;
    const f = cell.formula;
    const info = this.localeInfo();
    const fn = soleCall(f);
    if (fn === 'NOW') return info.dateTimeFormat;
    if (fn && DATE_FUNCTIONS.has(fn)) return info.dateFormat;
    const plus = /^=\s*(\$?[A-Z]{1,3}\$?\d+)\s*[+-]\s*\d+(?:\.\d+)?\s*$/i.exec(f);
    if (plus?.[1]) {
      const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(plus[1]);
      if (m) {
        const refFormat = getCell(sheet, Number(m[2]), lettersToColumn(m[1] as string))?.format;
        if (refFormat && isDateTimeFormat(refFormat)) return refFormat;
      }
    }
    return undefined;
  }

  evalRule(
    sheet: SheetModel,
    formula: string,
    row: number,
    col: number,
    anchorRow: number,
    anchorCol: number,
  ): Scalar {
    return this.calc.evalRule(sheet, formula, row, col, anchorRow, anchorCol);
  }

  setTimeZone(tz: string): void {
    this.model.timeZone = tz;
    this.clock = new ZoneClock(tz);
    this.touch();
  }

  // ---- Reading

  /** What getValues() returns for a cell. */
  readValue(sheet: SheetModel, row: number, col: number): unknown {
    const v = this.calc.value(sheet, row, col);
    if (v === null) return '';
    if (typeof v === 'number') {
      const fmt = this.formatOf(sheet, row, col);
      if (fmt && isDateTimeFormat(fmt)) return this.clock.fromSerial(v);
    }
    return v;
  }

  isValid(sheet: SheetModel, row: number, col: number): boolean {
    const rule = getCell(sheet, row, col)?.validation;
    return rule ? isValidCell(this, sheet, rule, row, col) : true;
  }

  /** Last row with content (values, formulas or spilled results), 0 when empty. */
  lastRow(sheet: SheetModel): number {
    let last = 0;
    for (let i = sheet.rows.length - 1; i >= 0; i--) {
      const line = sheet.rows[i];
      if (line && line.cells.some((c) => hasContent(c))) {
        last = i + 1;
        break;
      }
    }
    return Math.max(last, this.calc.spillExtent(sheet).row);
  }

  lastColumn(sheet: SheetModel): number {
    let last = 0;
    for (const line of sheet.rows) {
      if (!line) continue;
      for (let j = line.cells.length - 1; j >= last; j--) {
        if (hasContent(line.cells[j])) {
          last = j + 1;
          break;
        }
      }
    }
    return Math.max(last, this.calc.spillExtent(sheet).col);
  }

  // ---- Writing

  private inputContext(cellFormat: string | undefined) {
    return {
      locale: this.localeInfo(),
      clock: this.clock,
      cellFormat,
      currentYear: serialParts(this.nowSerial()).year,
    };
  }

  coerce(sheet: SheetModel, row: number, col: number, raw: unknown): Written {
    return coerceInput(raw, this.inputContext(getCell(sheet, row, col)?.format));
  }

  /** setValue semantics for one cell. */
  write(sheet: SheetModel, row: number, col: number, raw: unknown): void {
    this.apply(sheet, row, col, this.coerce(sheet, row, col, raw));
  }

  apply(sheet: SheetModel, row: number, col: number, w: Written): void {
    if (w.kind === 'empty') {
      setContent(sheet, row, col, {});
      pruneCell(sheet, row, col);
    } else if (w.kind === 'formula') {
      setContent(sheet, row, col, { formula: w.formula });
    } else {
      setContent(sheet, row, col, { value: w.value });
      if (w.autoFormat) {
        const cell = ensureCell(sheet, row, col);
        if (cell.format === undefined) cell.format = w.autoFormat;
      }
    }
    this.touch();
  }

  /** setFormula semantics: '' clears, '=…' is a formula, anything else is typed input. */
  writeFormula(sheet: SheetModel, row: number, col: number, formula: string): void {
    if (formula === '' || formula === null || formula === undefined) {
      this.apply(sheet, row, col, { kind: 'empty' });
    } else if (String(formula).startsWith('=')) {
      this.apply(sheet, row, col, { kind: 'formula', formula: String(formula) });
    } else {
      this.write(sheet, row, col, formula);
    }
  }

  /** Apply `fn` to every cell object of a block (creating them). */
  eachCell(
    sheet: SheetModel,
    ref: GridRef,
    fn: (cell: Cell, row: number, col: number) => void,
  ): void {
    for (let r = ref.row; r < ref.row + ref.numRows; r++) {
      for (let c = ref.col; c < ref.col + ref.numCols; c++) {
        fn(ensureCell(sheet, r, c), r, c);
        pruneCell(sheet, r, c);
      }
    }
    this.touch();
  }

  /** Visit existing cells of a block without creating any. */
  eachExisting(
    sheet: SheetModel,
    ref: GridRef,
    fn: (cell: Cell, row: number, col: number) => void,
  ): void {
    for (let r = ref.row; r < ref.row + ref.numRows; r++) {
      const line = sheet.rows[r - 1];
      if (!line) continue;
      for (let c = ref.col; c < ref.col + ref.numCols; c++) {
        const cell = line.cells[c - 1];
        if (cell) {
          fn(cell, r, c);
          pruneCell(sheet, r, c);
        }
      }
    }
    this.touch();
  }

  clearBlock(
    sheet: SheetModel,
    ref: GridRef,
    what: { contents?: boolean; formats?: boolean; validations?: boolean; notes?: boolean },
  ): void {
    for (let r = ref.row; r < ref.row + ref.numRows; r++) {
      const line = sheet.rows[r - 1];
      if (!line) continue;
      for (let c = ref.col; c < ref.col + ref.numCols; c++) {
        const cell = line.cells[c - 1];
        if (!cell) continue;
        if (what.contents) setContent(sheet, r, c, {});
        if (what.formats) {
          delete cell.format;
          delete cell.style;
        }
        if (what.validations) delete cell.validation;
        if (what.notes) delete cell.note;
        pruneCell(sheet, r, c);
      }
    }
    this.touch();
  }

  addProtection(sheet: SheetModel, type: 'RANGE' | 'SHEET', range: GridRef): ProtectionData {
    const p: ProtectionData = {
      id: this.model.nextProtectionId++,
      type,
      range,
      description: '',
      warningOnly: false,
      // The creator (the script's user) is always an editor of what they protect.
      editors: [this.opts.userEmail],
      domainEdit: false,
      unprotected: [],
      rangeName: null,
    };
    sheet.protections.push(p);
    this.touch();
    return p;
  }

  // ---- Sheets

  addSheet(name: string, index: number, rows?: number, cols?: number): SheetModel {
    if (this.sheetByName(name))
      fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = newSheet(this.model.nextSheetId++, name, rows, cols);
    this.model.sheets.splice(Math.max(0, Math.min(index, this.model.sheets.length)), 0, sheet);
    this.touch();
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (name === sheet.name) return;
    const other = this.sheetByName(name);
    if (other && other !== sheet)
      fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (!name.trim()) fail('Sheet names cannot be empty.');
    const old = sheet.name;
    sheet.name = name;
    this.forEachFormula((cell) => {
      cell.formula = renameSheetInFormula(cell.formula as string, old, name);
    });
    this.touch();
  }

  removeSheet(sheet: SheetModel): void {
    const visible = this.model.sheets.filter((s) => !s.hidden && s !== sheet);
    if (visible.length === 0) fail("You can't remove all the sheets in a document.");
    this.model.sheets = this.model.sheets.filter((s) => s !== sheet);
    this.model.namedRanges = this.model.namedRanges.filter((n) => n.ref.sheetId !== sheet.id);
    dropSheetMetadata(this, sheet.id);
    if (this.model.activeSheetId === sheet.id)
      this.model.activeSheetId = (visible[0] as SheetModel).id;
    this.touch();
  }

  /** Visit every formula cell of every sheet. */
  forEachFormula(fn: (cell: Cell, sheet: SheetModel, row: number, col: number) => void): void {
    for (const s of this.model.sheets) {
      s.rows.forEach((line, i) => {
        if (!line || line.formulas === 0) return;
        line.cells.forEach((cell, j) => {
          if (cell?.formula !== undefined) fn(cell, s, i + 1, j + 1);
        });
      });
    }
  }

  // ---- Structure (structure.ts) and sorting (sort.ts)

  insertRows(sheet: SheetModel, at: number, count: number, inheritFrom: number | null): void {
    structure.insertRows(this, sheet, at, count, inheritFrom);
  }

  deleteRows(sheet: SheetModel, at: number, count: number): void {
    structure.deleteRows(this, sheet, at, count);
  }

  insertColumns(sheet: SheetModel, at: number, count: number, inheritFrom: number | null): void {
    structure.insertColumns(this, sheet, at, count, inheritFrom);
  }

  deleteColumns(sheet: SheetModel, at: number, count: number): void {
    structure.deleteColumns(this, sheet, at, count);
  }

  moveColumns(sheet: SheetModel, start: number, count: number, dest: number): void {
    structure.moveColumns(this, sheet, start, count, dest);
  }

  sortBlock(sheet: SheetModel, ref: GridRef, specs: { col: number; asc: boolean }[]): void {
    sortBlock(this, sheet, ref, specs);
  }

  // ---- Filters

  /** Rows hidden by the sheet's filter (1-based). */
  filteredRows(sheet: SheetModel): Set<number> {
    const hit = this.filterCache.get(sheet.id);
    if (hit && hit.ver === this.ver) return hit.rows;
    const rows = new Set<number>();
    const f = sheet.filter;
    if (f) {
      const entries = Object.entries(f.criteria).map(([k, v]) => [Number(k), v] as const);
      if (entries.length) {
        for (let r = f.range.row + 1; r < f.range.row + f.range.numRows; r++) {
          for (const [col, crit] of entries) {
            const shown = this.display(sheet, r, col);
            let hidden = crit.hiddenValues.includes(shown);
            if (!hidden && crit.visibleValues.length) hidden = !crit.visibleValues.includes(shown);
            if (!hidden && crit.condition) {
              hidden = !checkCondition(this, sheet, crit.condition, r, col, {
                row: f.range.row + 1,
                col,
              });
            }
            if (hidden) {
              rows.add(r);
              break;
            }
          }
        }
      }
    }
    this.filterCache.set(sheet.id, { ver: this.ver, rows });
    return rows;
  }
}
