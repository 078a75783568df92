/**
 * A1 notation: column letters, cell and range references as Apps Script accepts them in
 * `getRange('Sheet!A2:A')`, including open-ended ranges ("A2:A", "A:A", "2:2").
 */

export function columnToLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed A1 range; a null bound is open (runs to the sheet's edge). */
export interface A1Range {
  sheet: string | null;
  startRow: number | null;
  startCol: number | null;
  endRow: number | null;
  endCol: number | null;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

interface Part {
  col: number | null;
  row: number | null;
}

function parsePart(s: string): Part | null {
  const m = PART.exec(s);
  if (!m) return null;
  const [, letters = '', digits = ''] = m;
  if (!letters && !digits) return null;
  const row = digits ? Number(digits) : null;
  if (row !== null && row < 1) return null;
  return { col: letters ? lettersToColumn(letters) : null, row };
}

/** Split "Sheet!A1:B2" / "'My sheet'!A1" into sheet name and range part. */
export function splitSheet(ref: string): { sheet: string | null; range: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { sheet: null, range: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, range: ref.slice(bang + 1) };
}

/** Parse an A1 reference, or null when it is not one. */
export function parseA1(ref: string): A1Range | null {
  const { sheet, range } = splitSheet(ref.trim());
  const pieces = range.split(':');
  if (pieces.length > 2) return null;
  const a = parsePart(pieces[0] ?? '');
  if (!a) return null;
  if (pieces.length === 1) {
    // A lone "A1"; a lone "A" or "2" is not a range.
    if (a.col === null || a.row === null) return null;
    return { sheet, startRow: a.row, startCol: a.col, endRow: a.row, endCol: a.col };
  }
  const b = parsePart(pieces[1] ?? '');
  if (!b) return null;
  // Whole rows "2:3" need rows on both sides; whole columns "A:B" need columns on both sides.
  if (a.col === null && (b.col !== null || a.row === null || b.row === null)) return null;
  if (a.row === null && (b.row !== null || a.col === null || b.col === null)) return null;
  if (b.col === null && a.col !== null && a.row === null) return null;
  const startRow = a.row !== null && b.row !== null ? Math.min(a.row, b.row) : a.row;
  const endRow = a.row !== null && b.row !== null ? Math.max(a.row, b.row) : b.row;
  const startCol = a.col !== null && b.col !== null ? Math.min(a.col, b.col) : a.col;
  const endCol = a.col !== null && b.col !== null ? Math.max(a.col, b.col) : b.col;
  return { sheet, startRow, startCol, endRow, endCol };
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

/** Sheet name as written in a reference: quoted when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
