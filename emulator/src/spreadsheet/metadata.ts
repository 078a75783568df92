/**
 * Developer metadata: DeveloperMetadata, DeveloperMetadataFinder and DeveloperMetadataLocation,
 * and the `addDeveloperMetadata` / `getDeveloperMetadata` / `createDeveloperMetadataFinder`
 * methods of Range, Sheet and Spreadsheet (they delegate here).
 *
 * Metadata belongs to the spreadsheet, a sheet, or whole rows or columns (never to cells); row
 * and column metadata follow their rows and columns (structure.ts) and disappear with them or
 * with their sheet. Both visibilities are visible: every script the emulator runs is one project.
 * Size limits are not modelled.
 */
import { columnToLetters } from './a1';
import { ApiObject, invalidArgs, typeNames, unwrap, wrap } from './api';
import type { Workbook } from './book';
import { fail } from './errors';
import { metadataList } from './metadata-store';
import type { MetadataData, MetadataLocation, SheetModel } from './model';
import { makeRange, RangeApi } from './range';
import { makeSheet, SheetApi } from './sheet';
import { makeSpreadsheet } from './spreadsheet';

type GasMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GasFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
type GasLocation = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
type Visibility = MetadataData['visibility'];

const ARBITRARY_RANGE =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata ' +
  'may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

function isVisibility(v: unknown): v is Visibility {
  return v === 'DOCUMENT' || v === 'PROJECT';
}

/**
 * (key), (key, visibility), (key, value), (key, value, visibility). The emulator's enums are
 * their names, so a two-argument call with the text "DOCUMENT" or "PROJECT" reads as a
 * visibility (the real service tells an enum from a string).
 */
export function addMetadata(
  wb: Workbook,
  location: MetadataLocation,
  method: string,
  args: unknown[],
): void {
  const [key, a, b] = args;
  if (typeof key !== 'string' || args.length > 3) invalidArgs(method, typeNames(args));
  let value: string | null = null;
  let visibility: Visibility = 'DOCUMENT';
  if (args.length === 2) {
    if (isVisibility(a)) visibility = a;
    else if (typeof a === 'string') value = a;
    else invalidArgs(method, typeNames(args));
  } else if (args.length === 3) {
    if (typeof a !== 'string' || !isVisibility(b)) invalidArgs(method, typeNames(args));
    value = a;
    visibility = b;
  }
  wb.model.nextMetadataId ??= 1;
  metadataList(wb).push({ id: wb.model.nextMetadataId++, key, value, visibility, location });
  wb.touch();
}

/** The row or column location a whole row or column range stands for, else null. */
export function rangeLocation(r: RangeApi): MetadataLocation | null {
  const s = r.sheet;
  if (r.row === 1 && r.numRows === s.maxRows && r.numCols === 1)
    return { type: 'COLUMN', sheetId: s.id, start: r.col, count: 1 };
  if (r.col === 1 && r.numCols === s.maxCols && r.numRows === 1)
    return { type: 'ROW', sheetId: s.id, start: r.row, count: 1 };
  return null;
}

export function addRangeMetadata(wb: Workbook, r: RangeApi, args: unknown[]): void {
  const location = rangeLocation(r);
  if (!location) fail(ARBITRARY_RANGE);
  addMetadata(wb, location, 'SpreadsheetApp.Range.addDeveloperMetadata', args);
}

function sameLocation(a: MetadataLocation, b: MetadataLocation): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Metadata attached exactly to this location (what getDeveloperMetadata returns). */
export function metadataAt(wb: Workbook, location: MetadataLocation | null): GasMetadata[] {
  if (!location) return [];
  return metadataList(wb)
    .filter((m) => sameLocation(m.location, location))
    .map((m) => makeMetadata(wb, m.id));
}

export type FinderScope =
  { kind: 'spreadsheet' } | { kind: 'sheet'; sheetId: number } | { kind: 'range'; range: RangeApi };

function spanInside(start: number, count: number, lo: number, n: number): boolean {
  return start >= lo && start + count <= lo + n;
}

function spanMeets(start: number, count: number, lo: number, n: number): boolean {
  return start < lo + n && lo < start + count;
}

function inScope(m: MetadataData, scope: FinderScope, intersecting: boolean): boolean {
  const loc = m.location;
  if (scope.kind === 'spreadsheet') return true;
  if (scope.kind === 'sheet') return loc.type !== 'SPREADSHEET' && loc.sheetId === scope.sheetId;
  const r = scope.range;
  if ((loc.type !== 'ROW' && loc.type !== 'COLUMN') || loc.sheetId !== r.sheet.id) return false;
  const [lo, n] = loc.type === 'COLUMN' ? [r.col, r.numCols] : [r.row, r.numRows];
  if (intersecting) return spanMeets(loc.start, loc.count, lo, n);
  // Wholly contained: the range spans the whole other dimension too.
  const whole =
    loc.type === 'COLUMN'
      ? r.row === 1 && r.numRows === r.sheet.maxRows
      : r.col === 1 && r.numCols === r.sheet.maxCols;
  return whole && spanInside(loc.start, loc.count, lo, n);
}

export class DeveloperMetadataFinderApi extends ApiObject<GasFinder> {
  private filters: ((m: MetadataData) => boolean)[] = [];
  private intersecting = false;

  constructor(
    private readonly wb: Workbook,
    private readonly scope: FinderScope,
  ) {
    super();
  }

  private with(test: (m: MetadataData) => boolean): GasFinder {
    this.filters.push(test);
    return this.self;
  }

  withKey(key: string): GasFinder {
    return this.with((m) => m.key === key);
  }
  withValue(value: string): GasFinder {
    return this.with((m) => m.value === value);
  }
  withId(id: number): GasFinder {
    return this.with((m) => m.id === id);
  }
  withLocationType(type: unknown): GasFinder {
    return this.with((m) => m.location.type === String(type));
  }
  withVisibility(visibility: unknown): GasFinder {
    return this.with((m) => m.visibility === String(visibility));
  }
  /** Only meaningful for a range's finder, as documented. */
  onIntersectingLocations(): GasFinder {
    this.intersecting = true;
    return this.self;
  }
  find(): GasMetadata[] {
    return metadataList(this.wb)
      .filter((m) => inScope(m, this.scope, this.intersecting) && this.filters.every((f) => f(m)))
      .map((m) => makeMetadata(this.wb, m.id));
  }
}

export function makeFinder(wb: Workbook, scope: FinderScope): GasFinder {
  return wrap<GasFinder, DeveloperMetadataFinderApi>(
    new DeveloperMetadataFinderApi(wb, scope),
    'DeveloperMetadataFinder',
    wb,
  );
}

function sheetOf(wb: Workbook, sheetId: number): SheetModel {
  const s = wb.sheetById(sheetId);
  if (!s) fail('Sheet not found');
  return s;
}

/** A row or column span as a whole-row/column Range with its open A1 notation ("C:C", "3:3"). */
function spanRange(wb: Workbook, loc: Extract<MetadataLocation, { start: number }>) {
  const s = sheetOf(wb, loc.sheetId);
  const last = loc.start + loc.count - 1;
  if (loc.type === 'COLUMN') {
    const a1 = `${columnToLetters(loc.start)}:${columnToLetters(last)}`;
    return makeRange(wb, s, 1, loc.start, s.maxRows, loc.count, a1);
  }
  return makeRange(wb, s, loc.start, 1, loc.count, s.maxCols, `${loc.start}:${last}`);
}

export class DeveloperMetadataLocationApi extends ApiObject<GasLocation> {
  constructor(
    private readonly wb: Workbook,
    private readonly loc: MetadataLocation,
  ) {
    super();
  }
  getLocationType() {
    return this.loc.type as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
  }
  getColumn() {
    return this.loc.type === 'COLUMN' ? spanRange(this.wb, this.loc) : null;
  }
  getRow() {
    return this.loc.type === 'ROW' ? spanRange(this.wb, this.loc) : null;
  }
  getSheet() {
    return this.loc.type === 'SHEET'
      ? makeSheet(this.wb, sheetOf(this.wb, this.loc.sheetId))
      : null;
  }
  getSpreadsheet() {
    return this.loc.type === 'SPREADSHEET' ? makeSpreadsheet(this.wb) : null;
  }
}

/**
 * A handle on one metadata entry by ID: reads and changes go to the workbook's current entry,
 * so a handle sees the moves its column made since it was found. A removed entry fails (the
 * emulator's choice; the message is not the live service's).
 */
export class DeveloperMetadataApi extends ApiObject<GasMetadata> {
  constructor(
    private readonly wb: Workbook,
    private readonly id: number,
  ) {
    super();
  }

  private entry(): MetadataData {
    const m = metadataList(this.wb).find((x) => x.id === this.id);
    if (!m) fail('This developer metadata has been removed.');
    return m;
  }

  private change(fn: (m: MetadataData) => void): GasMetadata {
    fn(this.entry());
    this.wb.touch();
    return this.self;
  }

  getId(): number {
    return this.entry().id;
  }
  getKey(): string {
    return this.entry().key;
  }
  getValue(): string | null {
    return this.entry().value;
  }
  getVisibility() {
    return this.entry()
      .visibility as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  }
  getLocation(): GasLocation {
    return wrap<GasLocation, DeveloperMetadataLocationApi>(
      new DeveloperMetadataLocationApi(this.wb, { ...this.entry().location }),
      'DeveloperMetadataLocation',
      this.wb,
    );
  }
  setKey(key: string): GasMetadata {
    if (typeof key !== 'string')
      invalidArgs('SpreadsheetApp.DeveloperMetadata.setKey', typeNames([key]));
    return this.change((m) => (m.key = key));
  }
  setValue(value: string): GasMetadata {
    if (typeof value !== 'string')
      invalidArgs('SpreadsheetApp.DeveloperMetadata.setValue', typeNames([value]));
    return this.change((m) => (m.value = value));
  }
  setVisibility(visibility: unknown): GasMetadata {
    if (!isVisibility(visibility))
      invalidArgs('SpreadsheetApp.DeveloperMetadata.setVisibility', typeNames([visibility]));
    return this.change((m) => (m.visibility = visibility));
  }
  /** Takes the columns of any range (the emulator does not insist on whole columns). */
  moveToColumn(column: unknown): GasMetadata {
    const r = unwrap(column, RangeApi);
    if (!r) invalidArgs('SpreadsheetApp.DeveloperMetadata.moveToColumn', typeNames([column]));
    return this.change(
      (m) => (m.location = { type: 'COLUMN', sheetId: r.sheet.id, start: r.col, count: r.numCols }),
    );
  }
  moveToRow(row: unknown): GasMetadata {
    const r = unwrap(row, RangeApi);
    if (!r) invalidArgs('SpreadsheetApp.DeveloperMetadata.moveToRow', typeNames([row]));
    return this.change(
      (m) => (m.location = { type: 'ROW', sheetId: r.sheet.id, start: r.row, count: r.numRows }),
    );
  }
  moveToSheet(sheet: unknown): GasMetadata {
    const s = unwrap(sheet, SheetApi);
    if (!s) invalidArgs('SpreadsheetApp.DeveloperMetadata.moveToSheet', typeNames([sheet]));
    return this.change((m) => (m.location = { type: 'SHEET', sheetId: s.model.id }));
  }
  moveToSpreadsheet(): GasMetadata {
    return this.change((m) => (m.location = { type: 'SPREADSHEET' }));
  }
  remove(): void {
    this.entry();
    this.wb.model.metadata = metadataList(this.wb).filter((x) => x.id !== this.id);
    this.wb.touch();
  }
}

export function makeMetadata(wb: Workbook, id: number): GasMetadata {
  return wrap<GasMetadata, DeveloperMetadataApi>(
    new DeveloperMetadataApi(wb, id),
    'DeveloperMetadata',
    wb,
  );
}
