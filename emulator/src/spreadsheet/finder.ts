/**
 * TextFinder: find (and replace) text in ranges, sheets or the whole spreadsheet. Matches the
 * displayed text (or the formula text with matchFormulaText), in row-major order.
 */
import { ApiObject, unwrap, wrap } from './api';
import type { Workbook } from './book';
import { getCell, type GridRef, hasContent, setContent } from './model';
import { makeRange, RangeApi } from './range';

type GasFinder = GoogleAppsScript.Spreadsheet.TextFinder;

interface Hit {
  sheetId: number;
  row: number;
  col: number;
}

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '');
}

export class TextFinderApi extends ApiObject<GasFinder> {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulaText = false;
  private noDiacritics = false;
  private current: Hit | null = null;

  constructor(
    private readonly wb: Workbook,
    private readonly scopes: GridRef[],
    private readonly text: string,
  ) {
    super();
  }

  private pattern(): RegExp {
    let src = this.regex ? this.text : this.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (this.noDiacritics) src = stripDiacritics(src);
    if (this.entireCell) src = `^(?:${src})$`;
    return new RegExp(src, this.caseSensitive ? 'gu' : 'giu');
  }

  private cellText(hit: Hit): string {
    const sheet = this.wb.sheetById(hit.sheetId);
    if (!sheet) return '';
    const cell = getCell(sheet, hit.row, hit.col);
    let t: string;
    if (this.formulaText && cell?.formula !== undefined) t = cell.formula;
    else if (typeof cell?.value === 'string' && cell.format === undefined) t = cell.value;
    else if (!hasContent(cell) && !this.wb.calc.isSpilled(sheet, hit.row, hit.col)) t = '';
    else t = this.wb.display(sheet, hit.row, hit.col);
    return this.noDiacritics ? stripDiacritics(t) : t;
  }

  private hits(): Hit[] {
    const re = this.pattern();
    const out: Hit[] = [];
    for (const scope of this.scopes) {
      const sheet = this.wb.sheetById(scope.sheetId);
      if (!sheet) continue;
      const lastRow = Math.min(scope.row + scope.numRows - 1, Math.max(this.wb.lastRow(sheet), 0));
      for (let r = scope.row; r <= lastRow; r++) {
        for (let c = scope.col; c < scope.col + scope.numCols; c++) {
          const hit = { sheetId: sheet.id, row: r, col: c };
          const t = this.cellText(hit);
          if (t === '') continue;
          re.lastIndex = 0;
          if (re.test(t)) out.push(hit);
        }
      }
    }
    return out;
  }

  private toRange(h: Hit) {
    const sheet = this.wb.sheetById(h.sheetId);
    return sheet ? makeRange(this.wb, sheet, h.row, h.col, 1, 1) : null;
  }

  findAll() {
    return this.hits().flatMap((h) => {
      const r = this.toRange(h);
      return r ? [r] : [];
    });
  }
  findNext() {
    const all = this.hits();
    const cur = this.current;
    const idx = cur ? all.findIndex((h) => after(h, cur, this.scopes)) : 0;
    const next = idx >= 0 ? all[idx] : undefined;
    this.current = next ?? null;
    return next ? this.toRange(next) : null;
  }
  findPrevious() {
    const all = this.hits();
    const cur = this.current;
    let prev: Hit | undefined;
    for (const h of all) {
      if (cur && !after(cur, h, this.scopes)) break;
      prev = h;
    }
    this.current = prev ?? null;
    return prev ? this.toRange(prev) : null;
  }
  getCurrentMatch() {
    return this.current ? this.toRange(this.current) : null;
  }
  startFrom(range: GoogleAppsScript.Spreadsheet.Range) {
    const api = unwrap(range, RangeApi);
    if (api) this.current = { sheetId: api.sheet.id, row: api.row, col: api.col };
    return this.self;
  }
  matchCase(b: boolean) {
    this.caseSensitive = !!b;
    return this.self;
  }
  matchEntireCell(b: boolean) {
    this.entireCell = !!b;
    return this.self;
  }
  matchFormulaText(b: boolean) {
    this.formulaText = !!b;
    return this.self;
  }
  ignoreDiacritics(b: boolean) {
    this.noDiacritics = !!b;
    return this.self;
  }
  useRegularExpression(b: boolean) {
    this.regex = !!b;
    return this.self;
  }
  private replaceIn(hits: Hit[], replacement: string): number {
    let n = 0;
    for (const h of hits) {
      const sheet = this.wb.sheetById(h.sheetId);
      const cell = sheet && getCell(sheet, h.row, h.col);
      if (!sheet || !cell) continue;
      if (cell.formula !== undefined && this.formulaText) {
        setContent(sheet, h.row, h.col, {
          formula: cell.formula.replace(this.pattern(), replacement),
        });
        n++;
      } else if (typeof cell.value === 'string') {
        setContent(sheet, h.row, h.col, { value: cell.value.replace(this.pattern(), replacement) });
        n++;
      }
    }
    this.wb.touch();
    return n;
  }
  replaceAllWith(replacement: string): number {
    return this.replaceIn(this.hits(), replacement);
  }
  replaceWith(replacement: string): number {
    const cur = this.current ?? this.hits()[0];
    return cur ? this.replaceIn([cur], replacement) : 0;
  }
}

/** Whether hit `a` comes strictly after `b` in search order. */
function after(a: Hit, b: Hit, scopes: GridRef[]): boolean {
  const si = (h: Hit) => scopes.findIndex((s) => s.sheetId === h.sheetId);
  const sa = si(a);
  const sb = si(b);
  if (sa !== sb) return sa > sb;
  if (a.row !== b.row) return a.row > b.row;
  return a.col > b.col;
}

export function makeTextFinder(wb: Workbook, scopes: GridRef[], text: string): GasFinder {
  return wrap(new TextFinderApi(wb, scopes, String(text)), 'TextFinder', wb);
}
