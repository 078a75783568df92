/**
 * The in-memory cell store. Plain JSON-friendly data: the API objects (Range, Sheet…) are thin
 * views over it, and snapshot()/restore() serialise it almost as is.
 *
 * Cells live in row arrays (`rows[r - 1].cells[c - 1]`) so that reading a 5,000 x 30 block is a
 * tight loop and inserting/deleting rows is a splice. Each row counts its formula cells so the
 * formula layer can find array formulas without scanning every cell.
 */

export type Primitive = number | string | boolean;

export interface BorderSide {
  color: string;
  style: string;
}

export interface Borders {
  top?: BorderSide;
  left?: BorderSide;
  bottom?: BorderSide;
  right?: BorderSide;
}

export interface Style {
  background?: string;
  fontColor?: string;
  fontWeight?: 'bold';
  fontStyle?: 'italic';
  fontLine?: 'underline' | 'line-through';
  fontSize?: number;
  fontFamily?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: 'WRAP' | 'OVERFLOW' | 'CLIP';
  borders?: Borders;
}

/** A value that refers to a range in a validation rule: kept as coordinates, shifted with rows. */
export interface GridRef {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Criterion arguments as stored: dates and ranges are tagged so the model stays JSON. */
export type StoredArg =
  | Primitive
  | null
  | { date: number }
  | { range: GridRef }
  | { list: string[] }
  | { relative: string };

export interface ValidationData {
  criteria: string;
  args: StoredArg[];
  allowInvalid: boolean;
  helpText: string | null;
  /** Top-left cell of the range the rule was set on: custom formulas are relative to it. */
  anchor?: { row: number; col: number };
}

export interface Cell {
  /** Literal content (absent when empty or when the cell holds a formula). */
  value?: Primitive;
  formula?: string;
  /** Number format; absent = automatic. */
  format?: string;
  style?: Style;
  note?: string;
  link?: string;
  validation?: ValidationData;
}

export interface Row {
  cells: (Cell | undefined)[];
  formulas: number;
}

export interface ConditionData {
  criteria: string;
  args: StoredArg[];
}

export interface CfRuleData {
  ranges: GridRef[];
  condition: ConditionData;
  format: {
    background?: string;
    fontColor?: string;
    bold?: boolean;
    italic?: boolean;
    strikethrough?: boolean;
    underline?: boolean;
  };
}

export interface FilterCriteriaData {
  hiddenValues: string[];
  visibleValues: string[];
  condition: ConditionData | null;
}

export interface FilterData {
  range: GridRef;
  /** Keyed by absolute column number. */
  criteria: Record<number, FilterCriteriaData>;
}

export interface ProtectionData {
  id: number;
  type: 'RANGE' | 'SHEET';
  range: GridRef;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: GridRef[];
  rangeName: string | null;
}

export interface Selection {
  ranges: GridRef[];
  current: { row: number; col: number };
}

export interface SheetModel {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  rows: (Row | undefined)[];
  frozenRows: number;
  frozenCols: number;
  /** Sparse per column (index col - 1); absent = default width. */
  colWidths: (number | null)[];
  rowHeights: (number | null)[];
  hiddenCols: boolean[];
  hiddenRows: boolean[];
  tabColor: string | null;
  hiddenGridlines: boolean;
  hidden: boolean;
  cfRules: CfRuleData[];
  filter: FilterData | null;
  protections: ProtectionData[];
  selection: Selection;
}

/**
 * Developer metadata: where it is attached. Rows and columns are spans of the sheet's grid that
 * follow insertions, deletions and moves (structure.ts), as the Sheets API says they do.
 */
export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW' | 'COLUMN'; sheetId: number; start: number; count: number };

export interface MetadataData {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface NamedRangeData {
  name: string;
  ref: GridRef;
}

export interface BookModel {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetModel[];
  activeSheetId: number;
  namedRanges: NamedRangeData[];
  nextSheetId: number;
  nextProtectionId: number;
  /** Absent in snapshots taken before developer metadata was modelled. */
  metadata?: MetadataData[];
  nextMetadataId?: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_COL_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export function newSheet(
  id: number,
  name: string,
  rows = DEFAULT_ROWS,
  cols = DEFAULT_COLS,
): SheetModel {
  return {
    id,
    name,
    maxRows: rows,
    maxCols: cols,
    rows: [],
    frozenRows: 0,
    frozenCols: 0,
    colWidths: [],
    rowHeights: [],
    hiddenCols: [],
    hiddenRows: [],
    tabColor: null,
    hiddenGridlines: false,
    hidden: false,
    cfRules: [],
    filter: null,
    protections: [],
    selection: {
      ranges: [{ sheetId: id, row: 1, col: 1, numRows: 1, numCols: 1 }],
      current: { row: 1, col: 1 },
    },
  };
}

export function getCell(sheet: SheetModel, row: number, col: number): Cell | undefined {
  return sheet.rows[row - 1]?.cells[col - 1];
}

export function ensureCell(sheet: SheetModel, row: number, col: number): Cell {
  let r = sheet.rows[row - 1];
  if (!r) {
    r = { cells: [], formulas: 0 };
    sheet.rows[row - 1] = r;
  }
  let cell = r.cells[col - 1];
  if (!cell) {
    cell = {};
    r.cells[col - 1] = cell;
  }
  return cell;
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.value !== undefined || cell.formula !== undefined);
}

/** Set or clear a cell's content, keeping the row's formula count right. */
export function setContent(
  sheet: SheetModel,
  row: number,
  col: number,
  content: { value?: Primitive; formula?: string },
): void {
  const existing = getCell(sheet, row, col);
  if (!existing && content.value === undefined && content.formula === undefined) return;
  const cell = existing ?? ensureCell(sheet, row, col);
  const r = sheet.rows[row - 1] as Row;
  if (cell.formula !== undefined) r.formulas--;
  delete cell.value;
  delete cell.formula;
  delete cell.link;
  if (content.formula !== undefined) {
    cell.formula = content.formula;
    r.formulas++;
  } else if (content.value !== undefined) {
    cell.value = content.value;
  }
}

/** Drop empty cell objects so the store stays sparse. */
export function pruneCell(sheet: SheetModel, row: number, col: number): void {
  const r = sheet.rows[row - 1];
  const cell = r?.cells[col - 1];
  if (!r || !cell) return;
  if (Object.keys(cell).length === 0) delete r.cells[col - 1];
}

export function recountFormulas(row: Row): void {
  let n = 0;
  for (const c of row.cells) if (c?.formula !== undefined) n++;
  row.formulas = n;
}

export function cloneCell(cell: Cell): Cell {
  return JSON.parse(JSON.stringify(cell)) as Cell;
}

/** A copy of a cell's formatting only (what inserted rows/columns inherit). */
export function formatOnly(cell: Cell | undefined): Cell | undefined {
  if (!cell) return undefined;
  const out: Cell = {};
  if (cell.format !== undefined) out.format = cell.format;
  if (cell.style) out.style = JSON.parse(JSON.stringify(cell.style)) as Style;
  if (cell.validation) out.validation = cell.validation;
  return Object.keys(out).length ? out : undefined;
}

export function refContains(ref: GridRef, row: number, col: number): boolean {
  return (
    row >= ref.row && row < ref.row + ref.numRows && col >= ref.col && col < ref.col + ref.numCols
  );
}
