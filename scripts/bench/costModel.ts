/**
 * What a user waits for, estimated from the calls an action makes: the emulator counts the
 * calls exactly; this model turns them into milliseconds. The figures are orders of magnitude
 * from public measurements, not promises: they rank designs, they do not time them.
 *
 * Sources (see the README's bench section):
 * - one google.script.run execution (server start, bundle load, round trip): 700 ms, within
 *   the 0.5–1 s usually observed for an Apps Script web-app or sidebar call;
 * - a Sheets data call (getValues, setValues, appendRow, insertRows…): 60 ms; single setValues
 *   of a few thousand cells were measured under 50 ms, flush-bound calls at several hundred;
 * - PropertiesService getProperty ~30 ms, setProperty ~62 ms; CacheService get ~3 ms,
 *   put ~93 ms (L. Peralta, "Google Apps Script APIs performance", 100 runs each);
 * - LockService, Session and Utilities: 10–30 ms each (server calls without cell data);
 * - navigation calls (getRange, getSheetByName, getRow…): 1 ms, no data crosses.
 */
import { isRoundTrip } from 'gas-emulator/instrument';

export const EXECUTION_MS = 700;

const BY_METHOD: [RegExp, number][] = [
  [/^Properties\.(getProperty|getProperties|getKeys)$/, 30],
  [/^Properties\.(setProperty|setProperties|deleteProperty)$/, 62],
  [/^Cache\.(get|getAll)$/, 3],
  [/^Cache\.(put|putAll|remove|removeAll)$/, 93],
  [/^Lock\.(waitLock|tryLock|releaseLock)$/, 20],
  [/^Session\./, 10],
  [/^User\./, 10],
  [/^Utilities\.(formatDate|parseDate)$/, 10],
  [/^(Drive|Docs|DocumentApp|DriveApp)/, 150],
];

export function callMs(key: string): number {
  if (isRoundTrip(key)) return 60;
  for (const [re, ms] of BY_METHOD) if (re.test(key)) return ms;
  return 1;
}

/** Estimated wait for `executions` executions that made these calls (per key: count). */
export function estimateMs(executions: number, calls: Record<string, number>): number {
  let ms = executions * EXECUTION_MS;
  for (const [key, n] of Object.entries(calls)) ms += n * callMs(key);
  return ms;
}
