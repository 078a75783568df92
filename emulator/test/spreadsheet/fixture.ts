/** Shared set-up for the spreadsheet emulator's own tests. */
import { CallLog } from '../../src/instrument';
import {
  createSpreadsheetService,
  type SpreadsheetEmulatorOptions,
} from '../../src/spreadsheet/index';

/** 2024-09-10 10:00 in Paris. */
export const NOW = new Date('2024-09-10T08:00:00Z');

export function setup(opts: Partial<SpreadsheetEmulatorOptions> = {}) {
  const log = new CallLog();
  const svc = createSpreadsheetService({
    log,
    timeZone: 'Europe/Paris',
    locale: 'fr_FR',
    now: () => NOW,
    userEmail: 'ddfpt@lycee.fr',
    ...opts,
  });
  const app = svc.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Stages');
  log.reset();
  return { log, svc, app, ss, sheet };
}

/** Run `fn` with the host process in another time zone (Node honours TZ changes at run time). */
export function withHostTimeZone<T>(tz: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
