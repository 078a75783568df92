/**
 * Apps Script enums as used by add-on code: each value is its own name, so
 * `rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST` and
 * `String(value)` behave as in the real service (whose enum values print as their names).
 */

function enumOf<const K extends string>(...keys: K[]): { readonly [P in K]: P } {
  const out = {} as { [P in K]: P };
  for (const k of keys) out[k] = k;
  return Object.freeze(out);
}

export const DataValidationCriteria = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);

export const BooleanCriteria = enumOf(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
);

export const RelativeDate = enumOf(
  'TODAY',
  'TOMORROW',
  'YESTERDAY',
  'PAST_WEEK',
  'PAST_MONTH',
  'PAST_YEAR',
);
export const ProtectionType = enumOf('RANGE', 'SHEET');
export const WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
export const BorderStyle = enumOf(
  'DOTTED',
  'DASHED',
  'SOLID',
  'SOLID_MEDIUM',
  'SOLID_THICK',
  'DOUBLE',
);
export const Dimension = enumOf('COLUMNS', 'ROWS');
export const Direction = enumOf('UP', 'DOWN', 'PREVIOUS', 'NEXT');
export const AutoFillSeries = enumOf('DEFAULT_SERIES', 'ALTERNATE_SERIES');
export const SheetType = enumOf('GRID', 'OBJECT', 'DATASOURCE');
export const CopyPasteType = enumOf(
  'PASTE_NORMAL',
  'PASTE_NO_BORDERS',
  'PASTE_FORMAT',
  'PASTE_FORMULA',
  'PASTE_DATA_VALIDATION',
  'PASTE_VALUES',
  'PASTE_CONDITIONAL_FORMATTING',
  'PASTE_COLUMN_WIDTHS',
);
export const TextDirection = enumOf('LEFT_TO_RIGHT', 'RIGHT_TO_LEFT');
export const RecalculationInterval = enumOf('ON_CHANGE', 'MINUTE', 'HOUR');
export const ValueType = enumOf('IMAGE');
export const InterpolationType = enumOf('NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX');
export const GroupControlTogglePosition = enumOf('BEFORE', 'AFTER');
export const BandingTheme = enumOf(
  'LIGHT_GREY',
  'CYAN',
  'GREEN',
  'YELLOW',
  'ORANGE',
  'BLUE',
  'TEAL',
  'GREY',
  'BROWN',
  'LIGHT_GREEN',
  'INDIGO',
  'PINK',
);
export const ColorType = enumOf('UNSUPPORTED', 'RGB', 'THEME');
export const DeveloperMetadataVisibility = enumOf('DOCUMENT', 'PROJECT');
export const DeveloperMetadataLocationType = enumOf('SPREADSHEET', 'SHEET', 'ROW', 'COLUMN');
export const TextToColumnsDelimiter = enumOf('COMMA', 'SEMICOLON', 'PERIOD', 'SPACE');
export const ThemeColorType = enumOf(
  'UNSUPPORTED',
  'TEXT',
  'BACKGROUND',
  'ACCENT1',
  'ACCENT2',
  'ACCENT3',
  'ACCENT4',
  'ACCENT5',
  'ACCENT6',
  'HYPERLINK',
);
export const PivotTableSummarizeFunction = enumOf(
  'CUSTOM',
  'SUM',
  'COUNTA',
  'COUNT',
  'AVERAGE',
  'MAX',
  'MIN',
);
export const PivotValueDisplayType = enumOf(
  'DEFAULT',
  'PERCENT_OF_ROW_TOTAL',
  'PERCENT_OF_COLUMN_TOTAL',
);
export const DataSourceType = enumOf('DATA_SOURCE_TYPE_UNSUPPORTED', 'BIGQUERY');
export const DataSourceParameterType = enumOf('DATA_SOURCE_PARAMETER_TYPE_UNSUPPORTED', 'CELL');
export const DataExecutionState = enumOf(
  'DATA_EXECUTION_STATE_UNSUPPORTED',
  'RUNNING',
  'SUCCESS',
  'ERROR',
  'NOT_STARTED',
);
export const DataExecutionErrorCode = enumOf('DATA_EXECUTION_ERROR_CODE_UNSUPPORTED', 'TIME_OUT');

/** Ui.Button and Ui.ButtonSet. */
export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

export type ButtonName = keyof typeof Button;
export type ButtonSetName = keyof typeof ButtonSet;
