/**
 * Delimited text as exported by PRONOTE, SIECLE or a spreadsheet (CSV with ';' or ',', or TSV
 * pasted from a sheet), read with papaparse.
 */
import Papa from 'papaparse';

export interface DelimitedText {
  headers: string[];
  /** Data rows, cells trimmed; lines that are empty (or only delimiters) are skipped. */
  rows: string[][];
}

/** The delimiter is guessed among ';', ',' and tab; a leading BOM is dropped. */
export function parseDelimitedText(text: string): DelimitedText {
  const clean = String(text ?? '').replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { headers: [], rows: [] };
  const parsed = Papa.parse<string[]>(clean, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
    header: false,
  });
  const lines = parsed.data
    .map((row) => row.map((cell) => String(cell ?? '').trim()))
    .filter((row) => row.some((cell) => cell !== ''));
  const [headers = [], ...rows] = lines;
  return { headers, rows };
}
