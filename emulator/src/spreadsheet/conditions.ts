/**
 * Boolean conditions and the two kinds of rule built on them: conditional format rules and
 * filter criteria, with their builders. They share one module because both builders extend
 * ConditionBuilder. Built rules are immutable snapshots of their builder, as in Apps Script.
 */
import { ApiObject, normaliseColor, unwrap, wrap } from './api';
import type { Workbook } from './book';
import { fail } from './errors';
import type { CfRuleData, ConditionData, FilterCriteriaData, GridRef } from './model';
import { makeRange, RangeApi } from './range';
import { fromStored, toStored } from './stored-args';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

type CfFormat = CfRuleData['format'];

/** Boolean condition setters shared by conditional format and filter criteria builders. */
abstract class ConditionBuilder<T> extends ApiObject<T> {
  condition: ConditionData | null = null;

  protected when(criteria: string, args: unknown[]): T {
    this.condition = { criteria, args: args.map(toStored) };
    return this.self;
  }
  private whenDate(kind: 'AFTER' | 'BEFORE' | 'EQUAL_TO', d: unknown): T {
    if (typeof d === 'string') {
      this.condition = { criteria: `DATE_${kind}_RELATIVE`, args: [{ relative: d }] };
      return this.self;
    }
    return this.when(`DATE_${kind}`, [d]);
  }
  whenCellEmpty() {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenDateAfter(d: unknown) {
    return this.whenDate('AFTER', d);
  }
  whenDateBefore(d: unknown) {
    return this.whenDate('BEFORE', d);
  }
  whenDateEqualTo(d: unknown) {
    return this.whenDate('EQUAL_TO', d);
  }
  whenFormulaSatisfied(formula: string) {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberBetween(a: number, b: number) {
    return this.when('NUMBER_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number) {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number) {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number) {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberNotBetween(a: number, b: number) {
    return this.when('NUMBER_NOT_BETWEEN', [a, b]);
  }
  whenNumberNotEqualTo(n: number) {
    return this.when('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenTextContains(t: string) {
    return this.when('TEXT_CONTAINS', [t]);
  }
  whenTextDoesNotContain(t: string) {
    return this.when('TEXT_DOES_NOT_CONTAIN', [t]);
  }
  whenTextEndsWith(t: string) {
    return this.when('TEXT_ENDS_WITH', [t]);
  }
  whenTextEqualTo(t: string) {
    return this.when('TEXT_EQUAL_TO', [t]);
  }
  whenTextStartsWith(t: string) {
    return this.when('TEXT_STARTS_WITH', [t]);
  }
  withCriteria(criteria: unknown, args: unknown[]) {
    return this.when(String(criteria), args ?? []);
  }
}

export class BooleanConditionApi extends ApiObject<GoogleAppsScript.Spreadsheet.BooleanCondition> {
  constructor(
    private readonly wb: Workbook,
    private readonly condition: ConditionData,
    private readonly format: CfFormat,
  ) {
    super();
  }
  getBackground() {
    return this.format.background ?? null;
  }
  getBold() {
    return this.format.bold ?? null;
  }
  getCriteriaType() {
    return this.condition.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }
  getCriteriaValues() {
    return this.condition.args.map((a) => fromStored(this.wb, a));
  }
  getFontColor() {
    return this.format.fontColor ?? null;
  }
  getItalic() {
    return this.format.italic ?? null;
  }
  getStrikethrough() {
    return this.format.strikethrough ?? null;
  }
  getUnderline() {
    return this.format.underline ?? null;
  }
}

function rangesOf(wb: Workbook, refs: GridRef[]): GasRange[] {
  return refs.flatMap((r) => {
    const sheet = wb.sheetById(r.sheetId);
    return sheet ? [makeRange(wb, sheet, r.row, r.col, r.numRows, r.numCols)] : [];
  });
}

export class ConditionalFormatRuleApi extends ApiObject<GoogleAppsScript.Spreadsheet.ConditionalFormatRule> {
  constructor(
    private readonly wb: Workbook,
    readonly data: CfRuleData,
  ) {
    super();
  }
  copy() {
    return makeCfBuilder(this.wb, this.data);
  }
  getBooleanCondition() {
    return wrap(
      new BooleanConditionApi(this.wb, this.data.condition, this.data.format),
      'BooleanCondition',
      this.wb,
    );
  }
  getGradientCondition() {
    return null;
  }
  getRanges() {
    return rangesOf(this.wb, this.data.ranges);
  }
}

export function makeCfRule(
  wb: Workbook,
  data: CfRuleData,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  return wrap(new ConditionalFormatRuleApi(wb, data), 'ConditionalFormatRule', wb);
}

type CFB = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

export class ConditionalFormatRuleBuilderApi extends ConditionBuilder<CFB> {
  ranges: GridRef[] = [];
  format: CfFormat = {};

  constructor(private readonly wb: Workbook) {
    super();
  }
  build() {
    if (!this.condition) fail('A conditional format rule must have a condition.');
    return makeCfRule(
      this.wb,
      JSON.parse(
        JSON.stringify({ ranges: this.ranges, condition: this.condition, format: this.format }),
      ) as CfRuleData,
    );
  }
  copy() {
    return makeCfBuilder(this.wb, {
      ranges: this.ranges,
      condition: this.condition ?? { criteria: '', args: [] },
      format: this.format,
    });
  }
  getBooleanCondition() {
    return this.condition
      ? wrap(
          new BooleanConditionApi(this.wb, this.condition, this.format),
          'BooleanCondition',
          this.wb,
        )
      : null;
  }
  getGradientCondition() {
    return null;
  }
  getRanges() {
    return rangesOf(this.wb, this.ranges);
  }
  private fmt(key: keyof CfFormat, v: string | boolean | null): CFB {
    if (v === null || v === undefined) delete this.format[key];
    else
      (this.format as Record<string, string | boolean>)[key] =
        typeof v === 'string' ? normaliseColor(v) : v;
    return this.self;
  }
  setBackground(color: string | null) {
    return this.fmt('background', color);
  }
  setFontColor(color: string | null) {
    return this.fmt('fontColor', color);
  }
  setBold(b: boolean | null) {
    return this.fmt('bold', b);
  }
  setItalic(b: boolean | null) {
    return this.fmt('italic', b);
  }
  setStrikethrough(b: boolean | null) {
    return this.fmt('strikethrough', b);
  }
  setUnderline(b: boolean | null) {
    return this.fmt('underline', b);
  }
  setRanges(ranges: GasRange[]) {
    this.ranges = ranges.map((r) => {
      const api = unwrap(r, RangeApi);
      if (!api) fail('Invalid range.');
      return api.ref();
    });
    return this.self;
  }
  setGradientMaxpoint() {
    return this.self;
  }
  setGradientMaxpointWithValue() {
    return this.self;
  }
  setGradientMidpointWithValue() {
    return this.self;
  }
  setGradientMinpoint() {
    return this.self;
  }
  setGradientMinpointWithValue() {
    return this.self;
  }
}

export function makeCfBuilder(wb: Workbook, from?: CfRuleData): CFB {
  const b = new ConditionalFormatRuleBuilderApi(wb);
  if (from) {
    const copy = JSON.parse(JSON.stringify(from)) as CfRuleData;
    b.ranges = copy.ranges;
    b.condition = copy.condition.criteria ? copy.condition : null;
    b.format = copy.format;
  }
  return wrap(b, 'ConditionalFormatRuleBuilder', wb);
}

// ---------------------------------------------------------------- Filter criteria

export class FilterCriteriaApi extends ApiObject<GoogleAppsScript.Spreadsheet.FilterCriteria> {
  constructor(
    private readonly wb: Workbook,
    readonly data: FilterCriteriaData,
  ) {
    super();
  }
  copy() {
    return makeFilterCriteriaBuilder(this.wb, this.data);
  }
  getCriteriaType() {
    return (this.data.condition?.criteria ??
      null) as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }
  getCriteriaValues() {
    return (this.data.condition?.args ?? []).map((a) => fromStored(this.wb, a));
  }
  getHiddenValues() {
    return [...this.data.hiddenValues];
  }
  getVisibleValues() {
    return [...this.data.visibleValues];
  }
  getVisibleBackgroundColor() {
    return null;
  }
  getVisibleForegroundColor() {
    return null;
  }
}

export function makeFilterCriteria(
  wb: Workbook,
  data: FilterCriteriaData,
): GoogleAppsScript.Spreadsheet.FilterCriteria {
  return wrap(new FilterCriteriaApi(wb, data), 'FilterCriteria', wb);
}

type FCB = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;

export class FilterCriteriaBuilderApi extends ConditionBuilder<FCB> {
  hiddenValues: string[] = [];
  visibleValues: string[] = [];

  constructor(private readonly wb: Workbook) {
    super();
  }
  build() {
    return makeFilterCriteria(
      this.wb,
      JSON.parse(
        JSON.stringify({
          hiddenValues: this.hiddenValues,
          visibleValues: this.visibleValues,
          condition: this.condition,
        }),
      ) as FilterCriteriaData,
    );
  }
  copy() {
    return makeFilterCriteriaBuilder(this.wb, {
      hiddenValues: this.hiddenValues,
      visibleValues: this.visibleValues,
      condition: this.condition,
    });
  }
  getCriteriaType() {
    return (this.condition?.criteria ??
      null) as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }
  getCriteriaValues() {
    return (this.condition?.args ?? []).map((a) => fromStored(this.wb, a));
  }
  getHiddenValues() {
    return [...this.hiddenValues];
  }
  getVisibleValues() {
    return [...this.visibleValues];
  }
  setHiddenValues(values: string[]) {
    this.hiddenValues = values.map(String);
    this.visibleValues = [];
    return this.self;
  }
  setVisibleValues(values: string[]) {
    this.visibleValues = values.map(String);
    this.hiddenValues = [];
    return this.self;
  }
}

export function makeFilterCriteriaBuilder(wb: Workbook, from?: FilterCriteriaData): FCB {
  const b = new FilterCriteriaBuilderApi(wb);
  if (from) {
    const copy = JSON.parse(JSON.stringify(from)) as FilterCriteriaData;
    b.hiddenValues = copy.hiddenValues;
    b.visibleValues = copy.visibleValues;
    b.condition = copy.condition;
  }
  return wrap(b, 'FilterCriteriaBuilder', wb);
}
