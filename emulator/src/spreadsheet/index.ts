/**
 * In-memory emulator of Apps Script's Spreadsheet service.
 *
 * `createSpreadsheetService()` returns an instrumented SpreadsheetApp (every call through it is
 * counted in the CallLog as "Range.getValues"…) plus uncounted hooks for tests, the benchmark
 * and the workbench: the UI recorder, the user's selection, snapshots, rendering and direct
 * block access for test set-up.
 */
import { raw, type CallLog } from '../instrument';
import { Workbook } from './book';
import type { RangeApi } from './range';
import { renderSheet, type RenderedSheet } from './render';
import { rangeFromA1 } from './sheet';
import { readSnapshot, type SpreadsheetSnapshot, takeSnapshot } from './snapshot';
import { makeSpreadsheetApp, recorders } from './spreadsheet';
import { UiRecorderImpl, type UiRecorder } from './ui';

export type { RenderedCell, RenderedSheet } from './render';
export type { SpreadsheetSnapshot } from './snapshot';
export type { MenuEntry, RecordedMenu, UiRecorder } from './ui';
export { ADDON_NAME } from './ui';

export interface SpreadsheetEmulatorOptions {
  log: CallLog;
  /** IANA zone of the spreadsheet, e.g. 'Europe/Paris'. */
  timeZone: string;
  /** Spreadsheet locale, default 'fr_FR'. */
  locale?: string;
  now: () => Date;
  userEmail: string;
  spreadsheetName?: string;
}

export interface SpreadsheetService {
  /** Instrumented: every call counted. */
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  /** Uncounted view of what the add-on did to the UI. */
  ui: UiRecorder;
  /** Simulate the user's selection (uncounted). */
  setActiveRange(sheetName: string, a1: string): void;
  /** JSON-serialisable full state. */
  snapshot(): SpreadsheetSnapshot;
  restore(s: SpreadsheetSnapshot): void;
  /** What the workbench draws. */
  render(sheetName: string): RenderedSheet;
  sheetNames(): string[];
  /** Uncounted direct write of a block of raw values (same semantics as setValues). */
  debugSetValues(sheet: string, a1: string, values: unknown[][]): void;
  /** Uncounted direct read of a block (same semantics as getValues). */
  debugGetValues(sheet: string, a1: string): unknown[][];
  /** Uncounted read of display strings (same semantics as getDisplayValues). */
  debugGetDisplayValues(sheet: string, a1: string): string[][];
  /** Whether a cell's content satisfies its data validation rule (true when it has none). */
  isValid(sheet: string, row: number, col: number): boolean;
  /** Formula evaluations done so far (for caching checks in tests and the bench). */
  formulaEvaluations(): number;
}

export function createSpreadsheetService(opts: SpreadsheetEmulatorOptions): SpreadsheetService {
  const wb = new Workbook(opts);
  const recorder = new UiRecorderImpl();
  recorders.set(wb, recorder);
  const app = makeSpreadsheetApp(wb, recorder);

  const sheetOf = (name: string) => {
    const s = wb.sheetByName(name);
    if (!s) throw new Error(`No sheet named "${name}"`);
    return s;
  };
  const block = (sheet: string, a1: string) =>
    raw(rangeFromA1(wb, sheetOf(sheet), a1)) as unknown as RangeApi;

  return {
    SpreadsheetApp: app,
    ui: recorder,
    setActiveRange(sheetName, a1) {
      block(sheetName, a1).activate();
    },
    snapshot: () => takeSnapshot(wb.model),
    restore(s) {
      wb.replaceModel(readSnapshot(s));
    },
    render: (sheetName) => renderSheet(wb, sheetOf(sheetName)),
    sheetNames: () => wb.model.sheets.map((s) => s.name),
    debugSetValues(sheet, a1, values) {
      block(sheet, a1).setValues(values);
    },
    debugGetValues: (sheet, a1) => block(sheet, a1).getValues(),
    debugGetDisplayValues: (sheet, a1) => block(sheet, a1).getDisplayValues(),
    isValid: (sheet, row, col) => wb.isValid(sheetOf(sheet), row, col),
    formulaEvaluations: () => wb.calc.evaluations,
  };
}
