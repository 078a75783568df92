/**
 * Rewriting the references inside formulas, as Sheets does when a formula is filled over a range
 * (relative references move), when rows/columns are inserted or deleted (references to moved
 * cells follow them, references to deleted cells become #REF!) and when a sheet is renamed.
 */
import { columnToLetters, lettersToColumn, quoteSheetName } from './a1';

export interface RefPart {
  col: number | null;
  colAbs: boolean;
  row: number | null;
  rowAbs: boolean;
}

export interface FormulaRef {
  /** Sheet name as written (unquoted), null when unqualified. */
  sheet: string | null;
  a: RefPart;
  b: RefPart | null;
}

const REF_RE =
  /(?:('(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+))?/uy;

function parsePart(s: string): RefPart {
  const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(s) as RegExpExecArray;
  const [, colAbs = '', letters = '', rowAbs = '', digits = ''] = m;
  return {
    col: letters ? lettersToColumn(letters) : null,
    colAbs: !!colAbs && !!letters,
    row: digits ? Number(digits) : null,
    rowAbs: letters ? !!rowAbs : !!colAbs,
  };
}

function partText(p: RefPart): string {
  const col = p.col !== null ? `${p.colAbs ? '$' : ''}${columnToLetters(p.col)}` : '';
  const row = p.row !== null ? `${p.rowAbs ? '$' : ''}${p.row}` : '';
  return col + row;
}

function refText(ref: FormulaRef, sheetText: string | null): string {
  const prefix = sheetText !== null ? `${sheetText}!` : '';
  return prefix + partText(ref.a) + (ref.b ? `:${partText(ref.b)}` : '');
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_.$]/u.test(ch);
}

function validShape(ref: FormulaRef): boolean {
  const { a, b } = ref;
  if (!b) return a.col !== null && a.row !== null;
  if (a.col === null) return a.row !== null && b.col === null && b.row !== null;
  if (a.row === null) return b.col !== null && b.row === null;
  return b.col !== null;
}

/**
 * Rewrite every reference outside string literals. `fn` returns the new reference, null for
 * #REF!, or undefined to keep it as written.
 */
export function rewriteRefs(
  formula: string,
  fn: (ref: FormulaRef) => FormulaRef | null | undefined,
): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (!isWordChar(formula[i - 1]) && formula[i - 1] !== "'") {
      REF_RE.lastIndex = i;
      const m = REF_RE.exec(formula);
      if (m) {
        const end = i + m[0].length;
        const next = formula[end];
        const [, sheetRaw, aText = '', bText] = m;
        const ref: FormulaRef = {
          sheet: sheetRaw ? unquote(sheetRaw) : null,
          a: parsePart(aText),
          b: bText ? parsePart(bText) : null,
        };
        if (!isWordChar(next) && next !== '(' && next !== '!' && validShape(ref)) {
          const res = fn(ref);
          if (res === undefined) out += m[0];
          else if (res === null) out += '#REF!';
          else
            out += refText(
              res,
              res.sheet === null
                ? null
                : res.sheet === ref.sheet
                  ? (sheetRaw ?? null)
                  : quoteSheetName(res.sheet),
            );
          i = end;
          continue;
        }
      }
      // Not a reference: copy the whole word so we do not match inside it.
      const word = /^[\p{L}\p{N}_.$]+/u.exec(formula.slice(i))?.[0];
      if (word) {
        out += word;
        i += word.length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

function unquote(s: string): string {
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** Move relative references by (dRows, dCols), as when a formula is filled into other cells. */
export function translateFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  return rewriteRefs(formula, (ref) => {
    const move = (p: RefPart): RefPart | null => {
      const row = p.row !== null && !p.rowAbs ? p.row + dRows : p.row;
      const col = p.col !== null && !p.colAbs ? p.col + dCols : p.col;
      if ((row !== null && row < 1) || (col !== null && col < 1)) return null;
      return { ...p, row, col };
    };
    const a = move(ref.a);
    const b = ref.b ? move(ref.b) : null;
    if (!a || (ref.b && !b)) return null;
    return { sheet: ref.sheet, a, b };
  });
}

export interface StructuralChange {
  /** Name of the sheet whose rows/columns change. */
  sheet: string;
  dimension: 'row' | 'col';
  /** First index affected (1-based). */
  at: number;
  /** > 0: that many inserted before `at`; < 0: that many deleted from `at`. */
  count: number;
}

/** Follow an insertion/deletion of rows or columns; `formulaSheet` is where the formula lives. */
export function adjustFormula(
  formula: string,
  formulaSheet: string,
  change: StructuralChange,
): string {
  return rewriteRefs(formula, (ref) => {
    const target = ref.sheet ?? formulaSheet;
    if (target.toLowerCase() !== change.sheet.toLowerCase()) return undefined;
    const key = change.dimension;
    const get = (p: RefPart) => (key === 'row' ? p.row : p.col);
    const set = (p: RefPart, v: number | null): RefPart =>
      key === 'row' ? { ...p, row: v } : { ...p, col: v };
    const start = get(ref.a);
    const end = ref.b ? get(ref.b) : start;
    const shifted = shiftSpan(start, end, change.at, change.count);
    if (shifted === null) return null;
    const [s, e] = shifted;
    return { sheet: ref.sheet, a: set(ref.a, s), b: ref.b ? set(ref.b, e) : null };
  });
}

/**
 * Follow a move of columns of `movedSheet` (`to`: old column → new column); `formulaSheet` is
 * where the formula lives. Each bound of a range follows its own column.
 */
export function permuteFormula(
  formula: string,
  formulaSheet: string,
  movedSheet: string,
  to: (col: number) => number,
): string {
  return rewriteRefs(formula, (ref) => {
    const target = ref.sheet ?? formulaSheet;
    if (target.toLowerCase() !== movedSheet.toLowerCase()) return undefined;
    const a = ref.a.col === null ? null : to(ref.a.col);
    const b = ref.b && ref.b.col !== null ? to(ref.b.col) : null;
    if (a === null || !ref.b || b === null || a <= b) {
      return {
        sheet: ref.sheet,
        a: { ...ref.a, col: a },
        b: ref.b ? { ...ref.b, col: b ?? ref.b.col } : null,
      };
    }
    return { sheet: ref.sheet, a: { ...ref.a, col: b }, b: { ...ref.b, col: a } };
  });
}

/**
 * New bounds of a span [start, end] (null = open) after inserting/deleting; null when the whole
 * span is deleted.
 */
export function shiftSpan(
  start: number | null,
  end: number | null,
  at: number,
  count: number,
): [number | null, number | null] | null {
  if (count > 0) {
    const s = start !== null && start >= at ? start + count : start;
    const e = end !== null && end >= at ? end + count : end;
    return [s, e];
  }
  const n = -count;
  const last = at + n - 1;
  const s = start === null ? null : start < at ? start : start > last ? start - n : at;
  const e = end === null ? null : end < at ? end : end > last ? end - n : at - 1;
  if (s !== null && e !== null && e < s) return null;
  return [s, e];
}

/** Follow a sheet rename in qualified references. */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  return rewriteRefs(formula, (ref) =>
    ref.sheet !== null && ref.sheet.toLowerCase() === oldName.toLowerCase()
      ? { ...ref, sheet: newName }
      : undefined,
  );
}
