/**
 * The sheet's basic filter (one per sheet): column criteria hide data rows (the range's first
 * row is the header). Rows hidden by it are reported by Sheet.isRowHiddenByFilter and render().
 */
import { ApiObject, invalidArgs, typeNames, unwrap, wrap } from './api';
import type { Workbook } from './book';
import { fail } from './errors';
import { FilterCriteriaApi, makeFilterCriteria } from './conditions';
import type { FilterData, SheetModel } from './model';
import { makeRange } from './range';

type GasFilter = GoogleAppsScript.Spreadsheet.Filter;

export class FilterApi extends ApiObject<GasFilter> {
  constructor(
    private readonly wb: Workbook,
    private readonly sheet: SheetModel,
  ) {
    super();
  }

  private get data(): FilterData {
    const f = this.sheet.filter;
    if (!f) fail('The filter no longer exists.');
    return f;
  }

  private checkColumn(col: number): void {
    const r = this.data.range;
    if (typeof col !== 'number' || col < r.col || col >= r.col + r.numCols) {
      fail(`The column position ${col} is outside the filter range.`);
    }
  }

  getColumnFilterCriteria(columnPosition: number) {
    this.checkColumn(columnPosition);
    const c = this.data.criteria[columnPosition];
    return c ? makeFilterCriteria(this.wb, JSON.parse(JSON.stringify(c)) as typeof c) : null;
  }
  getRange() {
    const r = this.data.range;
    return makeRange(this.wb, this.sheet, r.row, r.col, r.numRows, r.numCols);
  }
  remove(): void {
    this.sheet.filter = null;
    this.wb.touch();
  }
  removeColumnFilterCriteria(columnPosition: number): GasFilter {
    this.checkColumn(columnPosition);
    delete this.data.criteria[columnPosition];
    this.wb.touch();
    return this.self;
  }
  setColumnFilterCriteria(
    columnPosition: number,
    filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria | null,
  ): GasFilter {
    this.checkColumn(columnPosition);
    if (filterCriteria === null) return this.removeColumnFilterCriteria(columnPosition);
    const api = unwrap(filterCriteria, FilterCriteriaApi);
    if (!api)
      invalidArgs(
        'SpreadsheetApp.Filter.setColumnFilterCriteria',
        typeNames([columnPosition, filterCriteria]),
      );
    // Visible values are documented for pivot-table filters only; sheet filters take hidden
    // values. The emulator refuses them so that add-on code does not rely on them.
    if (api.data.visibleValues.length) {
      fail('Visible values are not supported for sheet filters; use setHiddenValues() instead.');
    }
    this.data.criteria[columnPosition] = JSON.parse(
      JSON.stringify(api.data),
    ) as FilterData['criteria'][number];
    this.wb.touch();
    return this.self;
  }
  sort(columnPosition: number, ascending: boolean): GasFilter {
    this.checkColumn(columnPosition);
    const r = this.data.range;
    if (r.numRows > 1) {
      this.wb.sortBlock(this.sheet, { ...r, row: r.row + 1, numRows: r.numRows - 1 }, [
        { col: columnPosition, asc: ascending !== false },
      ]);
    }
    return this.self;
  }
}

export function makeFilter(wb: Workbook, sheet: SheetModel): GasFilter {
  return wrap(new FilterApi(wb, sheet), 'Filter', wb);
}
