/**
 * The real bundle on the emulator, seeded with seed 000's example through the add-on itself.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundleFromDist, type BundleContext } from 'gas-emulator/bundle';
import { createEmulator, type Emulator, type EmulatorOptions } from 'gas-emulator';
import { fillBulk } from '../fixtures/bulk';
import { seedExample, type SeedIds } from '../fixtures/seed';
import { STAGES } from '../../src/sheets/schema';

export const DIST = join(dirname(fileURLToPath(import.meta.url)), '../../dist');

export interface Harness {
  em: Emulator;
  bundle: BundleContext;
  call: <T = unknown>(name: string, ...args: unknown[]) => T;
  ids: SeedIds;
  /** The Stages sheet as displayed, one object per data row keyed by French header. */
  stageRows(): Record<string, string>[];
  /** Rows of any sheet as displayed (header row first). */
  display(sheet: string): string[][];
  select(row: number): void;
  rowOf(stageId: string): number;
}

export function seededWorkbook(
  now = new Date('2023-02-15T09:00:00+01:00'),
  timeZone = 'Europe/Paris',
  options: EmulatorOptions = {},
): Harness {
  const em = createEmulator({ ...options, now, timeZone });
  const bundle = loadBundleFromDist(DIST, em);
  const call = <T>(name: string, ...args: unknown[]) => bundle.call(name, ...args) as T;
  const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
  const ids = seedExample(call, (sheet, values) => ss.getSheetByName(sheet)!.appendRow(values));
  const display = (sheet: string): string[][] => {
    const sh = ss.getSheetByName(sheet)!;
    const last = sh.getLastRow();
    const cols = sh.getLastColumn();
    if (last === 0) return [];
    return sh.getRange(1, 1, last, cols).getDisplayValues();
  };
  const stageRows = () => {
    const [header = [], ...rows] = display(STAGES.name);
    return rows
      .filter((r) => r[0] !== '')
      .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  };
  const rowOf = (stageId: string) => {
    const ids = ss.getSheetByName(STAGES.name)!.getRange('A:A').getValues();
    return ids.findIndex((r) => r[0] === stageId) + 1;
  };
  return {
    em,
    bundle,
    call,
    ids,
    stageRows,
    display,
    select: (row) => em.sheets.setActiveRange(STAGES.name, `A${row}`),
    rowOf,
  };
}

export interface BulkHarness {
  em: Emulator;
  bundle: BundleContext;
  call: <T = unknown>(name: string, ...args: unknown[]) => T;
  stageIds: string[];
  studentIds: string[];
}

/** An initialised workbook holding `stages` generated rows (written uncounted). */
export function bulkWorkbook(
  stages: number,
  now = new Date('2023-02-15T09:00:00+01:00'),
  options: EmulatorOptions = {},
  complete = false,
): BulkHarness {
  const em = createEmulator({ ...options, now });
  const bundle = loadBundleFromDist(DIST, em);
  const call = <T>(name: string, ...args: unknown[]) => bundle.call(name, ...args) as T;
  call('menuInitWorkbook');
  const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
  const ids = fillBulk(
    {
      debugSetValues: (sheet, a1, values) => em.sheets.debugSetValues(sheet, a1, values),
      ensureRows: (sheet, rows) => {
        const sh = ss.getSheetByName(sheet)!;
        const max = sh.getMaxRows();
        if (max < rows + 10) sh.insertRowsAfter(max, rows + 10 - max);
      },
    },
    { stages, complete },
  );
  return { em, bundle, call, ...ids };
}
