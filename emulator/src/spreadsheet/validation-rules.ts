/**
 * Data validation rules and their builder. A built rule is an immutable snapshot of the builder,
 * as in Apps Script (changing a builder after build() does not change the rule).
 */
import { ApiObject, wrap } from './api';
import type { Workbook } from './book';
import { fail } from './errors';
import type { StoredArg, ValidationData } from './model';
import { cloneArgs, fromStored, toStored } from './stored-args';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

export class DataValidationApi extends ApiObject<GoogleAppsScript.Spreadsheet.DataValidation> {
  constructor(
    private readonly wb: Workbook,
    readonly data: ValidationData,
  ) {
    super();
  }
  copy() {
    return makeValidationBuilder(this.wb, this.data);
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  getCriteriaType() {
    return this.data.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return this.data.args.map((a) => fromStored(this.wb, a));
  }
  getHelpText(): string | null {
    return this.data.helpText;
  }
}

export function makeValidation(
  wb: Workbook,
  data: ValidationData,
): GoogleAppsScript.Spreadsheet.DataValidation {
  return wrap(new DataValidationApi(wb, data), 'DataValidation', wb);
}

type DVB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export class DataValidationBuilderApi extends ApiObject<DVB> {
  criteria: string | null = null;
  args: StoredArg[] = [];
  allowInvalid = true;
  helpText: string | null = null;

  constructor(private readonly wb: Workbook) {
    super();
  }

  private set(criteria: string, args: unknown[]): DVB {
    this.criteria = criteria;
    this.args = args.map(toStored);
    return this.self;
  }

  build() {
    if (!this.criteria) fail('A data validation rule must have a criteria set.');
    return makeValidation(this.wb, {
      criteria: this.criteria,
      args: cloneArgs(this.args),
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    });
  }
  copy() {
    return makeValidationBuilder(this.wb, {
      criteria: this.criteria ?? '',
      args: this.args,
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    });
  }
  getAllowInvalid() {
    return this.allowInvalid;
  }
  getCriteriaType() {
    return this.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues() {
    return this.args.map((a) => fromStored(this.wb, a));
  }
  getHelpText() {
    return this.helpText;
  }
  requireCheckbox(...values: unknown[]) {
    return this.set('CHECKBOX', values.slice(0, 2));
  }
  requireDate() {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: Date) {
    return this.set('DATE_AFTER', [d]);
  }
  requireDateBefore(d: Date) {
    return this.set('DATE_BEFORE', [d]);
  }
  requireDateBetween(a: Date, b: Date) {
    return this.set('DATE_BETWEEN', [a, b]);
  }
  requireDateEqualTo(d: Date) {
    return this.set('DATE_EQUAL_TO', [d]);
  }
  requireDateNotBetween(a: Date, b: Date) {
    return this.set('DATE_NOT_BETWEEN', [a, b]);
  }
  requireDateOnOrAfter(d: Date) {
    return this.set('DATE_ON_OR_AFTER', [d]);
  }
  requireDateOnOrBefore(d: Date) {
    return this.set('DATE_ON_OR_BEFORE', [d]);
  }
  requireFormulaSatisfied(formula: string) {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(a: number, b: number) {
    return this.set('NUMBER_BETWEEN', [a, b]);
  }
  requireNumberEqualTo(n: number) {
    return this.set('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number) {
    return this.set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number) {
    return this.set('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberNotBetween(a: number, b: number) {
    return this.set('NUMBER_NOT_BETWEEN', [a, b]);
  }
  requireNumberNotEqualTo(n: number) {
    return this.set('NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireTextContains(t: string) {
    return this.set('TEXT_CONTAINS', [t]);
  }
  requireTextDoesNotContain(t: string) {
    return this.set('TEXT_DOES_NOT_CONTAIN', [t]);
  }
  requireTextEqualTo(t: string) {
    return this.set('TEXT_EQUAL_TO', [t]);
  }
  requireTextIsEmail() {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl() {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown = true) {
    return this.set('VALUE_IN_LIST', [values, showDropdown]);
  }
  requireValueInRange(range: GasRange, showDropdown = true) {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  setAllowInvalid(allow: boolean) {
    this.allowInvalid = !!allow;
    return this.self;
  }
  setHelpText(text: string) {
    this.helpText = text;
    return this.self;
  }
  withCriteria(criteria: unknown, args: unknown[]) {
    return this.set(String(criteria), args ?? []);
  }
}

export function makeValidationBuilder(wb: Workbook, from?: ValidationData): DVB {
  const b = new DataValidationBuilderApi(wb);
  if (from) {
    b.criteria = from.criteria || null;
    b.args = cloneArgs(from.args);
    b.allowInvalid = from.allowInvalid;
    b.helpText = from.helpText;
  }
  return wrap(b, 'DataValidationBuilder', wb);
}
