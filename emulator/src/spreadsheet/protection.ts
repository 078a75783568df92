/**
 * Protections (range and sheet) and named ranges. The script's user owns the spreadsheet, so
 * protections never block the add-on's own writes; they are recorded for the add-on to manage.
 */
import { ApiObject, unwrap, wrap } from './api';
import type { Workbook } from './book';
import { fail } from './errors';
import type { GridRef, NamedRangeData, ProtectionData, SheetModel } from './model';
import { makeRange, RangeApi } from './range';

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

export class UserApi extends ApiObject<GoogleAppsScript.Base.User> {
  constructor(private readonly email: string) {
    super();
  }
  getEmail(): string {
    return this.email;
  }
  getUserLoginId(): string {
    return this.email;
  }
}

export function makeUser(wb: Workbook, email: string): GoogleAppsScript.Base.User {
  return wrap(new UserApi(email), 'User', wb);
}

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  const api = unwrap(user, UserApi);
  return api ? api.getEmail() : String(user);
}

function refOf(range: unknown): GridRef {
  const api = unwrap(range, RangeApi);
  if (!api) fail('Invalid argument: range');
  return api.ref();
}

export class ProtectionApi extends ApiObject<GasProtection> {
  constructor(
    private readonly wb: Workbook,
    private readonly sheet: SheetModel,
    readonly data: ProtectionData,
  ) {
    super();
  }
  private changed(): GasProtection {
    this.wb.touch();
    return this.self;
  }
  addEditor(user: unknown) {
    const e = emailOf(user);
    if (!this.data.editors.includes(e)) this.data.editors.push(e);
    return this.changed();
  }
  addEditors(emails: string[]) {
    for (const e of emails) if (!this.data.editors.includes(e)) this.data.editors.push(e);
    return this.changed();
  }
  removeEditor(user: unknown) {
    const e = emailOf(user);
    // The owner cannot be removed from a protection.
    if (e !== this.wb.opts.userEmail) this.data.editors = this.data.editors.filter((x) => x !== e);
    return this.changed();
  }
  removeEditors(users: unknown[]) {
    for (const u of users) this.removeEditor(u);
    return this.self;
  }
  getEditors() {
    return this.data.editors.map((e) => makeUser(this.wb, e));
  }
  canDomainEdit(): boolean {
    return this.data.domainEdit;
  }
  setDomainEdit(editable: boolean) {
    this.data.domainEdit = !!editable;
    return this.changed();
  }
  canEdit(): boolean {
    return true;
  }
  getDescription(): string {
    return this.data.description;
  }
  setDescription(d: string) {
    this.data.description = String(d);
    return this.changed();
  }
  getProtectionType() {
    return this.data.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  getRange(): GasRange {
    const r = this.data.range;
    return makeRange(this.wb, this.sheet, r.row, r.col, r.numRows, r.numCols);
  }
  setRange(range: GasRange) {
    if (this.data.type === 'SHEET') fail('A sheet protection cannot change its range.');
    this.data.range = refOf(range);
    return this.changed();
  }
  getRangeName(): string | null {
    return this.data.rangeName;
  }
  setRangeName(name: string) {
    const named = this.wb.model.namedRanges.find((n) => n.name === name);
    if (!named) fail(`Range not found: ${name}`);
    this.data.rangeName = name;
    this.data.range = { ...named.ref };
    return this.changed();
  }
  setNamedRange(named: GoogleAppsScript.Spreadsheet.NamedRange) {
    return this.setRangeName(named.getName());
  }
  getUnprotectedRanges(): GasRange[] {
    return this.data.unprotected.map((r) =>
      makeRange(this.wb, this.sheet, r.row, r.col, r.numRows, r.numCols),
    );
  }
  setUnprotectedRanges(ranges: GasRange[]) {
    if (this.data.type !== 'SHEET')
      fail('Unprotected ranges can only be set on a sheet protection.');
    this.data.unprotected = ranges.map(refOf);
    return this.changed();
  }
  isWarningOnly(): boolean {
    return this.data.warningOnly;
  }
  setWarningOnly(w: boolean) {
    this.data.warningOnly = !!w;
    return this.changed();
  }
  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.data);
    this.wb.touch();
  }
}

export function makeProtection(
  wb: Workbook,
  sheet: SheetModel,
  data: ProtectionData,
): GasProtection {
  return wrap(new ProtectionApi(wb, sheet, data), 'Protection', wb);
}

export class NamedRangeApi extends ApiObject<GoogleAppsScript.Spreadsheet.NamedRange> {
  constructor(
    private readonly wb: Workbook,
    readonly data: NamedRangeData,
  ) {
    super();
  }
  getName(): string {
    return this.data.name;
  }
  getRange(): GasRange {
    const r = this.data.ref;
    const sheet = this.wb.sheetById(r.sheetId);
    if (!sheet) fail('Range not found');
    return makeRange(this.wb, sheet, r.row, r.col, r.numRows, r.numCols);
  }
  remove(): void {
    this.wb.model.namedRanges = this.wb.model.namedRanges.filter((n) => n !== this.data);
    this.wb.touch();
  }
  setName(name: string) {
    validateRangeName(name);
    this.data.name = name;
    this.wb.touch();
    return this.self;
  }
  setRange(range: GasRange) {
    this.data.ref = refOf(range);
    this.wb.touch();
    return this.self;
  }
}

export function makeNamedRange(
  wb: Workbook,
  data: NamedRangeData,
): GoogleAppsScript.Spreadsheet.NamedRange {
  return wrap(new NamedRangeApi(wb, data), 'NamedRange', wb);
}

/** Names must start with a letter or underscore, contain no spaces, and not look like A1/R1C1. */
export function validateRangeName(name: string): void {
  if (
    !/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^R\d*C\d*$/i.test(name) ||
    /^(true|false)$/i.test(name)
  ) {
    fail(`Invalid name: ${name}`);
  }
}
