/**
 * The workbook engine behind the API objects: cell reads and writes with the real service's
 * coercions, structural changes (insert/delete rows and columns, with everything that refers to
 * cells following them), sorting, filters. Uncounted: API objects call it directly.
 */
import type { CallLog } from '../instrument';
import { lettersToColumn } from './a1';
import { Calc, type CalcHost, type Scalar } from './calc';
import { checkCondition, type CriteriaHost, isValidCell } from './criteria';
import { formatValue, isDateTimeFormat } from './display';
import { localeInfo, type LocaleInfo } from './locale';
import {
  type BookModel,
  type Cell,
  type GridRef,
  type ProtectionData,
  type Row,
  type SheetModel,
  type ValidationData,
  ensureCell,
  formatOnly,
  getCell,
  hasContent,
  newSheet,
  pruneCell,
  recountFormulas,
  setContent,
} from './model';
import {
  adjustFormula,
  renameSheetInFormula,
  shiftSpan,
  type StructuralChange,
  translateFormula,
} from './refs';
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

export class EmulatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

function fail(message: string): never {
  throw new EmulatorError(message);
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
    if (this.model.activeSheetId === sheet.id)
      this.model.activeSheetId = (visible[0] as SheetModel).id;
    this.touch();
  }

  private forEachFormula(
    fn: (cell: Cell, sheet: SheetModel, row: number, col: number) => void,
  ): void {
    for (const s of this.model.sheets) {
      s.rows.forEach((line, i) => {
        if (!line || line.formulas === 0) return;
        line.cells.forEach((cell, j) => {
          if (cell?.formula !== undefined) fn(cell, s, i + 1, j + 1);
        });
      });
    }
  }

  // ---- Structure

  insertRows(sheet: SheetModel, at: number, count: number, inheritFrom: number | null): void {
    if (count < 1) fail('The number of rows to insert must be at least 1.');
    if (at < 1 || at > sheet.maxRows + 1) fail('Those rows are out of bounds.');
    const template = inheritFrom !== null ? sheet.rows[inheritFrom - 1] : undefined;
    const fresh: (Row | undefined)[] = [];
    for (let i = 0; i < count; i++) {
      if (!template) {
        fresh.push(undefined);
        continue;
      }
      const cells = template.cells.map((c) => formatOnly(c));
      fresh.push(cells.some((c) => c) ? { cells, formulas: 0 } : undefined);
    }
    padTo(sheet.rows, at - 1);
    sheet.rows.splice(at - 1, 0, ...fresh);
    padTo(sheet.hiddenRows, at - 1);
    sheet.hiddenRows.splice(at - 1, 0, ...new Array<boolean>(count).fill(false));
    padTo(sheet.rowHeights, at - 1);
    sheet.rowHeights.splice(at - 1, 0, ...new Array<number | null>(count).fill(null));
    sheet.maxRows += count;
    if (at <= sheet.frozenRows) sheet.frozenRows += count;
    this.followStructure(sheet, { sheet: sheet.name, dimension: 'row', at, count });
  }

  deleteRows(sheet: SheetModel, at: number, count: number): void {
    if (count < 1) fail('The number of rows to delete must be at least 1.');
    if (at < 1 || at + count - 1 > sheet.maxRows) fail('Those rows are out of bounds.');
    if (sheet.maxRows - count <= sheet.frozenRows)
      fail('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.rows.splice(at - 1, count);
    sheet.hiddenRows.splice(at - 1, count);
    sheet.rowHeights.splice(at - 1, count);
    sheet.maxRows -= count;
    sheet.frozenRows -= overlap(at, count, sheet.frozenRows);
    this.followStructure(sheet, { sheet: sheet.name, dimension: 'row', at, count: -count });
  }

  insertColumns(sheet: SheetModel, at: number, count: number, inheritFrom: number | null): void {
    if (count < 1) fail('The number of columns to insert must be at least 1.');
    if (at < 1 || at > sheet.maxCols + 1) fail('Those columns are out of bounds.');
    for (const line of sheet.rows) {
      if (!line) continue;
      const template = inheritFrom !== null ? line.cells[inheritFrom - 1] : undefined;
      padTo(line.cells, at - 1);
      const fresh = new Array<Cell | undefined>(count)
        .fill(undefined)
        .map(() => formatOnly(template));
      line.cells.splice(at - 1, 0, ...fresh);
    }
    const width = inheritFrom !== null ? (sheet.colWidths[inheritFrom - 1] ?? null) : null;
    padTo(sheet.colWidths, at - 1);
    sheet.colWidths.splice(at - 1, 0, ...new Array<number | null>(count).fill(width));
    padTo(sheet.hiddenCols, at - 1);
    sheet.hiddenCols.splice(at - 1, 0, ...new Array<boolean>(count).fill(false));
    sheet.maxCols += count;
    if (at <= sheet.frozenCols) sheet.frozenCols += count;
    this.followStructure(sheet, { sheet: sheet.name, dimension: 'col', at, count });
  }

  deleteColumns(sheet: SheetModel, at: number, count: number): void {
    if (count < 1) fail('The number of columns to delete must be at least 1.');
    if (at < 1 || at + count - 1 > sheet.maxCols) fail('Those columns are out of bounds.');
    if (sheet.maxCols - count <= sheet.frozenCols)
      fail('Sorry, it is not possible to delete all non-frozen columns.');
    for (const line of sheet.rows) {
      if (!line) continue;
      line.cells.splice(at - 1, count);
      recountFormulas(line);
    }
    sheet.colWidths.splice(at - 1, count);
    sheet.hiddenCols.splice(at - 1, count);
    sheet.maxCols -= count;
    sheet.frozenCols -= overlap(at, count, sheet.frozenCols);
    this.followStructure(sheet, { sheet: sheet.name, dimension: 'col', at, count: -count });
  }

  /** Make everything that points at cells of `sheet` follow an insertion or deletion. */
  private followStructure(sheet: SheetModel, change: StructuralChange): void {
    this.forEachFormula((cell, s) => {
      cell.formula = adjustFormula(cell.formula as string, s.name, change);
    });
    const shift = (ref: GridRef): GridRef | null => shiftRef(ref, sheet.id, change);
    // Conditional formats: ranges and formulas (relative to the first range's top-left).
    sheet.cfRules = sheet.cfRules.filter((rule) => {
      const anchor = rule.ranges[0];
      const ranges = rule.ranges.map(shift).filter((r): r is GridRef => r !== null);
      if (ranges.length === 0) return false;
      if (
        rule.condition.criteria === 'CUSTOM_FORMULA' &&
        anchor &&
        typeof rule.condition.args[0] === 'string'
      ) {
        rule.condition.args[0] = adjustAnchored(
          rule.condition.args[0],
          anchor,
          sheet.name,
          change,
        ).formula;
      }
      rule.ranges = ranges;
      return true;
    });
    if (sheet.filter) {
      const f = sheet.filter;
      const range = shift(f.range);
      if (!range) {
        sheet.filter = null;
      } else {
        const anchorRow = f.range.row + 1;
        const criteria: typeof f.criteria = {};
        for (const [k, crit] of Object.entries(f.criteria)) {
          const col = Number(k);
          let newCol: number | null = col;
          if (change.dimension === 'col') {
            const s = shiftSpan(col, col, change.at, change.count);
            newCol = s ? s[0] : null;
          }
          if (newCol === null) continue;
          if (
            crit.condition?.criteria === 'CUSTOM_FORMULA' &&
            typeof crit.condition.args[0] === 'string'
          ) {
            crit.condition.args[0] = adjustAnchored(
              crit.condition.args[0],
              { sheetId: sheet.id, row: anchorRow, col, numRows: 1, numCols: 1 },
              sheet.name,
              change,
            ).formula;
          }
          criteria[newCol] = crit;
        }
        sheet.filter = { range, criteria };
      }
    }
    for (const s of this.model.sheets) {
      s.protections = s.protections.filter((p) => {
        if (p.type === 'SHEET') {
          if (s === sheet)
            p.range = { sheetId: s.id, row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols };
          p.unprotected = p.unprotected.map(shift).filter((r): r is GridRef => r !== null);
          return true;
        }
        const r = shift(p.range);
        if (!r) return false;
        p.range = r;
        return true;
      });
    }
    this.model.namedRanges = this.model.namedRanges.filter((n) => {
      const r = shift(n.ref);
      if (!r) return false;
      n.ref = r;
      return true;
    });
    // Validation rules are shared by many cells: adjust each one once.
    const seen = new Set<ValidationData>();
    for (const s of this.model.sheets) {
      for (const line of s.rows) {
        if (!line) continue;
        for (const cell of line.cells) {
          const v = cell?.validation;
          if (!v || seen.has(v)) continue;
          seen.add(v);
          v.args = v.args.map((a) => {
            if (a && typeof a === 'object' && 'range' in a) {
              const r = shift(a.range);
              return r ? { range: r } : a;
            }
            return a;
          });
          if (s === sheet && v.anchor) {
            const anchorRef = {
              sheetId: sheet.id,
              row: v.anchor.row,
              col: v.anchor.col,
              numRows: 1,
              numCols: 1,
            };
            const moved = adjustAnchored(
              v.criteria === 'CUSTOM_FORMULA' && typeof v.args[0] === 'string' ? v.args[0] : '',
              anchorRef,
              sheet.name,
              change,
            );
            if (v.criteria === 'CUSTOM_FORMULA' && typeof v.args[0] === 'string')
              v.args[0] = moved.formula;
            v.anchor = moved.anchor;
          }
        }
      }
    }
    const sel = sheet.selection;
    sel.ranges = sel.ranges.map(shift).filter((r): r is GridRef => r !== null);
    if (sel.ranges.length === 0)
      sel.ranges = [{ sheetId: sheet.id, row: 1, col: 1, numRows: 1, numCols: 1 }];
    const first = sel.ranges[0] as GridRef;
    if (!sel.ranges.some((r) => r.row <= sel.current.row && sel.current.row < r.row + r.numRows)) {
      sel.current = { row: first.row, col: first.col };
    }
    this.touch();
  }

  // ---- Sorting

  private compareValues(a: Scalar, b: Scalar, collator: Intl.Collator): number {
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
  sortBlock(sheet: SheetModel, ref: GridRef, specs: { col: number; asc: boolean }[]): void {
    const collator = new Intl.Collator(this.localeInfo().tag, { sensitivity: 'base' });
    const rows: { key: Scalar[]; index: number }[] = [];
    for (let r = ref.row; r < ref.row + ref.numRows; r++) {
      rows.push({ key: specs.map((s) => this.calc.value(sheet, r, s.col)), index: r });
    }
    rows.sort((x, y) => {
      for (let i = 0; i < specs.length; i++) {
        const a = x.key[i] as Scalar;
        const b = y.key[i] as Scalar;
        const emptyA = a === null || a === '';
        const emptyB = b === null || b === '';
        // Blanks always sort last, whatever the direction.
        if (emptyA !== emptyB) return emptyA ? 1 : -1;
        const c = this.compareValues(a, b, collator);
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
    this.touch();
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

function padTo<T>(arr: T[], length: number): void {
  if (arr.length < length) arr.length = length;
}

function overlap(at: number, count: number, frozen: number): number {
  const end = Math.min(at + count - 1, frozen);
  return end >= at ? end - at + 1 : 0;
}

export function shiftRef(ref: GridRef, sheetId: number, change: StructuralChange): GridRef | null {
  if (ref.sheetId !== sheetId) return ref;
  if (change.dimension === 'row') {
    const s = shiftSpan(ref.row, ref.row + ref.numRows - 1, change.at, change.count);
    if (!s) return null;
    const [a, b] = s as [number, number];
    return { ...ref, row: a, numRows: b - a + 1 };
  }
  const s = shiftSpan(ref.col, ref.col + ref.numCols - 1, change.at, change.count);
  if (!s) return null;
  const [a, b] = s as [number, number];
  return { ...ref, col: a, numCols: b - a + 1 };
}

/**
 * A rule formula written relative to `anchor` (a range's top-left) after a structural change:
 * it follows the change as a formula in the anchor cell would; when the anchor itself is deleted,
 * the new top-left takes its place with the same relative offsets.
 */
export function adjustAnchored(
  formula: string,
  anchor: GridRef,
  sheetName: string,
  change: StructuralChange,
): { formula: string; anchor: { row: number; col: number } } {
  const pos = change.dimension === 'row' ? anchor.row : anchor.col;
  let f = formula;
  let newPos: number;
  if (change.count > 0) {
    newPos = pos >= change.at ? pos + change.count : pos;
  } else {
    const n = -change.count;
    if (pos >= change.at && pos < change.at + n) {
      // The anchor is deleted: the first surviving cell after the deleted span replaces it.
      const survivor = change.at + n;
      const d = survivor - pos;
      f = change.dimension === 'row' ? translateFormula(f, d, 0) : translateFormula(f, 0, d);
      newPos = change.at;
    } else {
      newPos = pos >= change.at + n ? pos - n : pos;
    }
  }
  if (f) f = adjustFormula(f, sheetName, change);
  const a =
    change.dimension === 'row'
      ? { row: newPos, col: anchor.col }
      : { row: anchor.row, col: newPos };
  return { formula: f, anchor: a };
}

export { fail };
