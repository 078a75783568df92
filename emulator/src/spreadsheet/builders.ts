/**
 * Rules and their builders: data validation, conditional format rules, filter criteria, rich
 * text values and text styles. Built objects are immutable snapshots of the builder, as in Apps
 * Script (changing a builder after build() does not change the rule).
 */
import { ApiObject, normaliseColor, unwrap, wrap } from './api';
import { fail, type Workbook } from './book';
import { isDate } from './values';
import type {
  CfRuleData,
  ConditionData,
  FilterCriteriaData,
  GridRef,
  StoredArg,
  ValidationData,
} from './model';
import { makeRange, RangeApi } from './range';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** A script argument (Date, Range, list…) as stored in a rule. */
export function toStored(value: unknown): StoredArg {
  if (value === null || value === undefined) return null;
  if (isDate(value)) return { date: value.getTime() };
  if (Array.isArray(value)) return { list: value.map((v) => String(v)) };
  const r = unwrap(value, RangeApi);
  if (r) return { range: r.ref() };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  return String(value);
}

/** A stored rule argument as the script sees it. */
export function fromStored(wb: Workbook, a: StoredArg): unknown {
  if (a === null || typeof a !== 'object') return a;
  if ('date' in a) return new Date(a.date);
  if ('list' in a) return [...a.list];
  if ('relative' in a) return a.relative;
  const sheet = wb.sheetById(a.range.sheetId);
  return sheet
    ? makeRange(wb, sheet, a.range.row, a.range.col, a.range.numRows, a.range.numCols)
    : null;
}

function cloneArgs(args: StoredArg[]): StoredArg[] {
  return JSON.parse(JSON.stringify(args)) as StoredArg[];
}

// ---------------------------------------------------------------- Data validation

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

// ---------------------------------------------------------------- Conditions (CF and filters)

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

// ---------------------------------------------------------------- Text styles and rich text

export interface TextStyleData {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  fontFamily?: string;
  fontSize?: number;
  color?: string;
}

export class TextStyleApi extends ApiObject<GoogleAppsScript.Spreadsheet.TextStyle> {
  constructor(
    private readonly wb: Workbook,
    readonly data: TextStyleData,
  ) {
    super();
  }
  copy() {
    return makeTextStyleBuilder(this.wb, this.data);
  }
  getFontFamily() {
    return this.data.fontFamily ?? null;
  }
  getFontSize() {
    return this.data.fontSize ?? null;
  }
  getForegroundColor() {
    return this.data.color ?? null;
  }
  getForegroundColorObject() {
    return null;
  }
  isBold() {
    return this.data.bold ?? null;
  }
  isItalic() {
    return this.data.italic ?? null;
  }
  isStrikethrough() {
    return this.data.strikethrough ?? null;
  }
  isUnderline() {
    return this.data.underline ?? null;
  }
}

export function makeTextStyle(
  wb: Workbook,
  data: TextStyleData,
): GoogleAppsScript.Spreadsheet.TextStyle {
  return wrap(new TextStyleApi(wb, { ...data }), 'TextStyle', wb);
}

type TSB = GoogleAppsScript.Spreadsheet.TextStyleBuilder;

export class TextStyleBuilderApi extends ApiObject<TSB> {
  data: TextStyleData = {};
  constructor(private readonly wb: Workbook) {
    super();
  }
  build() {
    return makeTextStyle(this.wb, this.data);
  }
  private set<K extends keyof TextStyleData>(k: K, v: TextStyleData[K]): TSB {
    this.data[k] = v;
    return this.self;
  }
  setBold(b: boolean) {
    return this.set('bold', b);
  }
  setItalic(b: boolean) {
    return this.set('italic', b);
  }
  setUnderline(b: boolean) {
    return this.set('underline', b);
  }
  setStrikethrough(b: boolean) {
    return this.set('strikethrough', b);
  }
  setFontFamily(f: string) {
    return this.set('fontFamily', f);
  }
  setFontSize(n: number) {
    return this.set('fontSize', n);
  }
  setForegroundColor(c: string) {
    return this.set('color', normaliseColor(c));
  }
  setForegroundColorObject() {
    return this.self;
  }
}

export function makeTextStyleBuilder(wb: Workbook, from?: TextStyleData): TSB {
  const b = new TextStyleBuilderApi(wb);
  if (from) b.data = { ...from };
  return wrap(b, 'TextStyleBuilder', wb);
}

export interface RichTextData {
  text: string;
  link: string | null;
  style: TextStyleData;
}

export class RichTextValueApi extends ApiObject<GoogleAppsScript.Spreadsheet.RichTextValue> {
  constructor(
    private readonly wb: Workbook,
    readonly data: RichTextData,
  ) {
    super();
  }
  copy() {
    return makeRichTextBuilder(this.wb, this.data);
  }
  getEndIndex() {
    return this.data.text.length;
  }
  getStartIndex() {
    return 0;
  }
  getLinkUrl() {
    return this.data.link;
  }
  getRuns() {
    return [this.self];
  }
  getText() {
    return this.data.text;
  }
  getTextStyle() {
    return makeTextStyle(this.wb, this.data.style);
  }
}

export function makeRichText(
  wb: Workbook,
  data: RichTextData,
): GoogleAppsScript.Spreadsheet.RichTextValue {
  return wrap(new RichTextValueApi(wb, data), 'RichTextValue', wb);
}

type RTB = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;

export class RichTextValueBuilderApi extends ApiObject<RTB> {
  data: RichTextData = { text: '', link: null, style: {} };
  constructor(private readonly wb: Workbook) {
    super();
  }
  build() {
    return makeRichText(this.wb, JSON.parse(JSON.stringify(this.data)) as RichTextData);
  }
  setText(text: string) {
    this.data.text = String(text);
    return this.self;
  }
  /** setLinkUrl(url) or setLinkUrl(start, end, url): the emulator keeps one link per cell. */
  setLinkUrl(...args: unknown[]) {
    const url = args.length >= 3 ? args[2] : args[0];
    this.data.link = url === null || url === undefined ? null : String(url);
    return this.self;
  }
  setTextStyle(...args: unknown[]) {
    const style = args.length >= 3 ? args[2] : args[0];
    const api = unwrap(style, TextStyleApi);
    if (api && args.length < 3) this.data.style = { ...api.data };
    return this.self;
  }
}

export function makeRichTextBuilder(wb: Workbook, from?: RichTextData): RTB {
  const b = new RichTextValueBuilderApi(wb);
  if (from) b.data = JSON.parse(JSON.stringify(from)) as RichTextData;
  return wrap(b, 'RichTextValueBuilder', wb);
}
