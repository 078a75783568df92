/**
 * What the workbench server sends to its page: plain JSON, shared by the server and the page
 * script so both sides agree on every field.
 */

export interface GridView {
  sheet: string;
  /** Number of rows and columns drawn (the used area plus a margin). */
  rows: number;
  cols: number;
  frozenRows: number;
  frozenCols: number;
  /** Display strings, as getDisplayValues() would give them; rows × cols. */
  values: string[][];
  /** CSS colours or '' for the default (white background, black text). */
  backgrounds: string[][];
  fontColors: string[][];
  bold: boolean[][];
  /** Font size in points, 0 for the default (10 pt). */
  fontSizes: number[][];
  aligns: ('left' | 'center' | 'right')[][];
  /** Formulas as written (en_US syntax), keyed "row:column" (1-based); what the cell editor shows. */
  formulas: Record<string, string>;
  /** Web addresses cells hold (a link, a HYPERLINK formula, or an address typed), keyed "row:column". */
  links: Record<string, string>;
  /** 1-based indices of hidden rows (hidden by hand or by a filter) and columns. */
  hiddenRows: number[];
  hiddenCols: number[];
  /** Pixel width per column (1-based index → width); missing = 100. */
  widths: number[];
}

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuEntry[] };

export interface MenuView {
  title: string;
  items: MenuEntry[];
}

export interface MessageView {
  id: number;
  kind: 'alert' | 'toast' | 'error' | 'info';
  title: string;
  text: string;
}

export interface WorkbenchState {
  /** Changes whenever the emulated spreadsheet or the UI recorder changed. */
  version: number;
  today: string;
  /** The date comes from `--today` rather than the real clock. */
  todayPinned: boolean;
  sheets: string[];
  active: string;
  /** The active range on the active sheet, A1 notation, or '' when none. */
  selection: string;
  grid: GridView | null;
  menus: MenuView[];
  /** Bumped each time the bundle shows a sidebar (the iframe then reloads). */
  sidebar: { id: number; title: string } | null;
  dialog: { id: number; title: string } | null;
  messages: MessageView[];
}

export interface CallResponse {
  ok: boolean;
  error?: string;
}

/** POST /edit: what the user typed in a cell (`value` null clears the range). */
export interface EditBody {
  sheet: string;
  range: string;
  value: string | null;
  confirmed?: boolean;
}

/** A refused edit has `error`; one touching a warning-only protection asks `confirm` first. */
export interface EditResponse {
  ok: boolean;
  error?: string;
  confirm?: string;
}
