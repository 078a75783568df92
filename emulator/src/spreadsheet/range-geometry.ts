/**
 * The first layer of Range: where a range is (its sheet, first cell and size, its A1 notation)
 * and the matrix and dimension helpers the other layers build on. See range.ts for how the
 * layers stack.
 */
import { cellA1 } from './a1';
import { ApiObject, invalidArgs, typeNames } from './api';
import type { Workbook } from './book';
import { fail } from './errors';
import type { Cell, GridRef, SheetModel } from './model';

export type GasRange = GoogleAppsScript.Spreadsheet.Range;

function dimsError(kind: 'rows' | 'columns', data: number, range: number): never {
  fail(
    `The number of ${kind} in the data does not match the number of ${kind} in the range. The data has ${data} but the range has ${range}.`,
  );
}

export abstract class RangeGeometry extends ApiObject<GasRange> {
  constructor(
    readonly wb: Workbook,
    readonly sheet: SheetModel,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
    private readonly notation: string | null = null,
  ) {
    super();
  }

  ref(): GridRef {
    return {
      sheetId: this.sheet.id,
      row: this.row,
      col: this.col,
      numRows: this.numRows,
      numCols: this.numCols,
    };
  }

  protected get lastRowIdx(): number {
    return this.row + this.numRows - 1;
  }

  protected get lastColIdx(): number {
    return this.col + this.numCols - 1;
  }

  /** Build a rows x cols matrix from a per-cell function. */
  protected grid<T>(fn: (row: number, col: number, cell: Cell | undefined) => T): T[][] {
    const out: T[][] = new Array<T[]>(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const r = this.row + i;
      const line = this.sheet.rows[r - 1];
      const rowOut = new Array<T>(this.numCols);
      for (let j = 0; j < this.numCols; j++)
        rowOut[j] = fn(r, this.col + j, line?.cells[this.col + j - 1]);
      out[i] = rowOut;
    }
    return out;
  }

  protected checkDims(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values)) invalidArgs(`SpreadsheetApp.Range.${method}`, typeNames([values]));
    if (values.length !== this.numRows) dimsError('rows', values.length, this.numRows);
    for (const line of values) {
      if (!Array.isArray(line)) invalidArgs(`SpreadsheetApp.Range.${method}`, 'Object[]');
      if (line.length !== this.numCols) dimsError('columns', line.length, this.numCols);
    }
    return values as unknown[][];
  }

  // ---- Position

  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.lastRowIdx;
  }
  getLastColumn(): number {
    return this.lastColIdx;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  getGridId(): number {
    return this.sheet.id;
  }
  getA1Notation(): string {
    if (this.notation) return this.notation;
    const start = cellA1(this.row, this.col);
    return this.numRows === 1 && this.numCols === 1
      ? start
      : `${start}:${cellA1(this.lastRowIdx, this.lastColIdx)}`;
  }
  isStartRowBounded(): boolean {
    return !this.notation || !/^[A-Z]+(:|$)/i.test(this.notation);
  }
  isEndRowBounded(): boolean {
    return !this.notation || /\d$/.test(this.notation);
  }
  isStartColumnBounded(): boolean {
    return !this.notation || !/^\d/.test(this.notation);
  }
  isEndColumnBounded(): boolean {
    return !this.notation || !/:\d+$/.test(this.notation);
  }
}
