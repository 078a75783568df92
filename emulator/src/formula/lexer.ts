/**
 * Tokens of a formula in the syntax Apps Script accepts (en_US, whatever the spreadsheet locale):
 * ',' between arguments, '{a, b; c, d}' array literals, '.' decimals. The fr_FR display syntax
 * (';' between arguments, '\' between array columns) is rejected, so that a formula written by
 * the add-on in the wrong syntax fails in tests as it would in Sheets.
 */
import { ERROR_VALUES, FormulaSyntaxError, type ErrorValue } from './types';

/** One corner of a reference; a missing row or column makes the reference open-ended. */
export interface RefCorner {
  row?: number;
  col?: number;
  rowAbsolute: boolean;
  colAbsolute: boolean;
}

export interface RefSpec {
  sheet: string | null;
  start: RefCorner;
  /** null for a single cell. */
  end: RefCorner | null;
}

export type Operator =
  '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=' | '%';

export type Token =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'ref'; ref: RefSpec; pos: number }
  | { kind: 'ident'; value: string; pos: number }
  | { kind: 'error'; value: ErrorValue; pos: number }
  | { kind: 'op'; value: Operator; pos: number }
  | { kind: 'punct'; value: '(' | ')' | '{' | '}' | ',' | ';'; pos: number }
  | { kind: 'eof'; pos: number };

const SHEET = String.raw`(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]+`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?[0-9]+`;
const REF_RE = new RegExp(
  `(${SHEET})?(?:(${CELL})(?::(${CELL}|${COL}|${ROW}))?|(${COL}):(${CELL}|${COL})|(${ROW}):(${ROW}|${CELL}))`,
  'uy',
);
/** A reference must not run into a name or a call: "LOG10(" is a function, not cell LOG10. */
const AFTER_REF_FORBIDDEN = /[\p{L}\p{N}_.$(!]/u;
const IDENT_RE = /[\p{L}_][\p{L}\p{N}_.]*/uy;
const NUMBER_RE = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const CORNER_RE = /^(\$?)([A-Za-z]{1,3})?(\$?)([0-9]+)?$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseCorner(text: string, pos: number): RefCorner {
  const m = CORNER_RE.exec(text);
  if (!m) throw new FormulaSyntaxError(`Bad reference "${text}"`, pos);
  const [, colDollar = '', letters, rowDollar = '', digits] = m;
  const corner: RefCorner = {
    colAbsolute: letters !== undefined && colDollar === '$',
    rowAbsolute: digits !== undefined && (letters === undefined ? colDollar : rowDollar) === '$',
  };
  if (letters !== undefined) corner.col = columnNumber(letters);
  if (digits !== undefined) {
    corner.row = Number(digits);
    if (corner.row < 1) throw new FormulaSyntaxError(`Bad row in "${text}"`, pos);
  }
  return corner;
}

function unquoteSheet(raw: string): string {
  const name = raw.slice(0, -1); // drop '!'
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

function lexRef(src: string, i: number): { ref: RefSpec; end: number } | null {
  REF_RE.lastIndex = i;
  const m = REF_RE.exec(src);
  if (!m) return null;
  const end = i + m[0].length;
  const next = src[end];
  if (next !== undefined && AFTER_REF_FORBIDDEN.test(next)) return null;
  const [, sheetRaw, cell, cellEnd, colStart, colEnd, rowStart, rowEnd] = m;
  const startText = cell ?? colStart ?? rowStart;
  const endText = cell !== undefined ? cellEnd : (colEnd ?? rowEnd);
  if (startText === undefined) return null;
  return {
    ref: {
      sheet: sheetRaw === undefined ? null : unquoteSheet(sheetRaw),
      start: parseCorner(startText, i),
      end: endText === undefined ? null : parseCorner(endText, i),
    },
    end,
  };
}

const TWO_CHAR_OPS: ReadonlyMap<string, Operator> = new Map([
  ['<>', '<>'],
  ['<=', '<='],
  ['>=', '>='],
]);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '^', '&', '=', '<', '>', '%']);
const PUNCT = new Set(['(', ')', '{', '}', ',', ';']);

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError('Unterminated string', i);
        const c = src[j] as string;
        if (c === '"') {
          if (src[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += c;
        j++;
      }
      tokens.push({ kind: 'string', value, pos: i });
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const upper = src.slice(i, i + 8).toUpperCase();
      const err = ERROR_VALUES.find((e) => upper.startsWith(e));
      if (!err) throw new FormulaSyntaxError('Unknown error literal', i);
      tokens.push({ kind: 'error', value: err, pos: i });
      i += err.length;
      continue;
    }
    const ref = lexRef(src, i);
    if (ref) {
      tokens.push({ kind: 'ref', ref: ref.ref, pos: i });
      i = ref.end;
      continue;
    }
    NUMBER_RE.lastIndex = i;
    const num = NUMBER_RE.exec(src);
    if (num) {
      tokens.push({ kind: 'number', value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    IDENT_RE.lastIndex = i;
    const ident = IDENT_RE.exec(src);
    if (ident) {
      tokens.push({ kind: 'ident', value: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    const two = TWO_CHAR_OPS.get(src.slice(i, i + 2));
    if (two) {
      tokens.push({ kind: 'op', value: two, pos: i });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.has(ch)) {
      tokens.push({ kind: 'op', value: ch as Operator, pos: i });
      i++;
      continue;
    }
    if (PUNCT.has(ch)) {
      tokens.push({ kind: 'punct', value: ch as '(' | ')' | '{' | '}' | ',' | ';', pos: i });
      i++;
      continue;
    }
    // Includes '\', the fr_FR array column separator, which Apps Script does not accept.
    throw new FormulaSyntaxError(`Unexpected character "${ch}"`, i);
  }
  tokens.push({ kind: 'eof', pos: src.length });
  return tokens;
}
