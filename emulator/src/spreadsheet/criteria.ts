/**
 * Evaluation of boolean conditions (conditional formats, filters) and data validation rules
 * against a cell's computed value.
 */
import type { Scalar } from './calc';
import type { ConditionData, GridRef, SheetModel, StoredArg, ValidationData } from './model';

export interface CriteriaHost {
  value(sheet: SheetModel, row: number, col: number): Scalar;
  display(sheet: SheetModel, row: number, col: number): string;
  sheetById(id: number): SheetModel | undefined;
  dateSerial(ms: number): number;
  today(): number;
  evalRule(
    sheet: SheetModel,
    formula: string,
    row: number,
    col: number,
    anchorRow: number,
    anchorCol: number,
  ): Scalar;
}

function isEmpty(v: Scalar): boolean {
  return v === null || v === '';
}

function argNumber(a: StoredArg | undefined, host: CriteriaHost): number | null {
  if (a === undefined || a === null) return null;
  if (typeof a === 'number') return a;
  if (typeof a === 'string') {
    const n = Number(a);
    return Number.isFinite(n) ? n : null;
  }
  if (typeof a === 'object' && 'date' in a) return Math.floor(host.dateSerial(a.date));
  if (typeof a === 'object' && 'relative' in a) return relativeSerial(a.relative, host.today());
  return null;
}

function relativeSerial(rel: string, today: number): number {
  switch (rel) {
    case 'TOMORROW':
      return today + 1;
    case 'YESTERDAY':
      return today - 1;
    case 'PAST_WEEK':
      return today - 7;
    case 'PAST_MONTH':
      return today - 30;
    case 'PAST_YEAR':
      return today - 365;
    default:
      return today;
  }
}

function argText(a: StoredArg | undefined): string {
  if (a === undefined || a === null) return '';
  if (typeof a === 'object') return '';
  return String(a);
}

export function truthy(v: Scalar): boolean {
  return v === true || (typeof v === 'number' && v !== 0);
}

/** A BooleanCriteria condition (conditional formats and filters). */
export function checkCondition(
  host: CriteriaHost,
  sheet: SheetModel,
  cond: ConditionData,
  row: number,
  col: number,
  anchor: { row: number; col: number },
): boolean {
  const v = host.value(sheet, row, col);
  const args = cond.args;
  const text = () => host.display(sheet, row, col).toLowerCase();
  const num = typeof v === 'number' ? v : null;
  const n0 = () => argNumber(args[0], host);
  const n1 = () => argNumber(args[1], host);
  switch (cond.criteria) {
    case 'CELL_EMPTY':
      return isEmpty(v);
    case 'CELL_NOT_EMPTY':
      return !isEmpty(v);
    case 'TEXT_CONTAINS':
      return text().includes(argText(args[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text().includes(argText(args[0]).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return text() === argText(args[0]).toLowerCase();
    case 'TEXT_STARTS_WITH':
      return text().startsWith(argText(args[0]).toLowerCase());
    case 'TEXT_ENDS_WITH':
      return text().endsWith(argText(args[0]).toLowerCase());
    case 'CUSTOM_FORMULA':
      return truthy(host.evalRule(sheet, argText(args[0]), row, col, anchor.row, anchor.col));
    default:
      break;
  }
  if (num === null) return false;
  const a = n0();
  const b = n1();
  const day = Math.floor(num);
  switch (cond.criteria) {
    case 'NUMBER_BETWEEN':
      return a !== null && b !== null && num >= Math.min(a, b) && num <= Math.max(a, b);
    case 'NUMBER_NOT_BETWEEN':
      return a !== null && b !== null && (num < Math.min(a, b) || num > Math.max(a, b));
    case 'NUMBER_EQUAL_TO':
      return num === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== a;
    case 'NUMBER_GREATER_THAN':
      return a !== null && num > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return a !== null && num >= a;
    case 'NUMBER_LESS_THAN':
      return a !== null && num < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return a !== null && num <= a;
    case 'DATE_AFTER':
    case 'DATE_AFTER_RELATIVE':
      return a !== null && day > a;
    case 'DATE_BEFORE':
    case 'DATE_BEFORE_RELATIVE':
      return a !== null && day < a;
    case 'DATE_EQUAL_TO':
    case 'DATE_EQUAL_TO_RELATIVE':
      return a !== null && day === a;
    default:
      return false;
  }
}

function rangeValues(host: CriteriaHost, ref: GridRef): Set<string> {
  const sheet = host.sheetById(ref.sheetId);
  const out = new Set<string>();
  if (!sheet) return out;
  for (let r = ref.row; r < ref.row + ref.numRows; r++) {
    for (let c = ref.col; c < ref.col + ref.numCols; c++) {
      const d = host.display(sheet, r, c);
      if (d !== '') out.add(d);
    }
  }
  return out;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/\S*)?$/i;

/** Whether a cell's content satisfies its validation rule (empty cells always do). */
export function isValidCell(
  host: CriteriaHost,
  sheet: SheetModel,
  rule: ValidationData,
  row: number,
  col: number,
): boolean {
  const v = host.value(sheet, row, col);
  if (isEmpty(v)) return true;
  const args = rule.args;
  const display = host.display(sheet, row, col);
  const num = typeof v === 'number' ? v : null;
  const a = argNumber(args[0], host);
  const b = argNumber(args[1], host);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const list = args[0] && typeof args[0] === 'object' && 'list' in args[0] ? args[0].list : [];
      return list.includes(display) || list.includes(String(v));
    }
    case 'VALUE_IN_RANGE': {
      const ref =
        args[0] && typeof args[0] === 'object' && 'range' in args[0] ? args[0].range : null;
      return ref ? rangeValues(host, ref).has(display) : false;
    }
    case 'CHECKBOX':
      if (args.length === 0) return typeof v === 'boolean';
      return args.slice(0, 2).some((x) => x === v || String(x) === String(v));
    case 'TEXT_CONTAINS':
      return display.includes(argText(args[0]));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !display.includes(argText(args[0]));
    case 'TEXT_EQUAL_TO':
      return display === argText(args[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof v === 'string' && EMAIL.test(v);
    case 'TEXT_IS_VALID_URL':
      return typeof v === 'string' && URL_RE.test(v);
    case 'CUSTOM_FORMULA': {
      const anchor = rule.anchor ?? { row, col };
      return truthy(host.evalRule(sheet, argText(args[0]), row, col, anchor.row, anchor.col));
    }
    default:
      break;
  }
  if (num === null) return false;
  const day = Math.floor(num);
  switch (rule.criteria) {
    case 'DATE_IS_VALID_DATE':
      return true;
    case 'DATE_AFTER':
      return a !== null && day > a;
    case 'DATE_BEFORE':
      return a !== null && day < a;
    case 'DATE_ON_OR_AFTER':
      return a !== null && day >= a;
    case 'DATE_ON_OR_BEFORE':
      return a !== null && day <= a;
    case 'DATE_EQUAL_TO':
      return day === a;
    case 'DATE_BETWEEN':
      return a !== null && b !== null && day >= a && day <= b;
    case 'DATE_NOT_BETWEEN':
      return a !== null && b !== null && (day < a || day > b);
    case 'NUMBER_BETWEEN':
      return a !== null && b !== null && num >= a && num <= b;
    case 'NUMBER_NOT_BETWEEN':
      return a !== null && b !== null && (num < a || num > b);
    case 'NUMBER_EQUAL_TO':
      return num === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== a;
    case 'NUMBER_GREATER_THAN':
      return a !== null && num > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return a !== null && num >= a;
    case 'NUMBER_LESS_THAN':
      return a !== null && num < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return a !== null && num <= a;
    default:
      return true;
  }
}
