/**
 * What each service call costs in virtual time when `latency` is on (EmulatorOptions). Off by
 * default, so that tests that never asked for it keep a still clock.
 *
 * Figures (orders of magnitude, the README says where they come from):
 * - the ones the add-on's bench already uses (scripts/bench/costModel.ts): an execution's start
 *   700 ms; a Sheets data call 60 ms; Properties get 30 ms / set 62 ms; Cache get 3 ms /
 *   put 93 ms; Lock 20 ms; Session and date formatting 10 ms; navigation 1 ms;
 * - Drive and Docs API calls, from what Apps Script developers commonly report for the advanced
 *   services: a Drive copy 1.5–2 s (1.8 s here), an HTML import 1.5 s, a PDF export 2 s, a Docs
 *   batchUpdate about 1 s, metadata reads and lists 250 ms, an update 400 ms.
 */
import { isRoundTrip } from '../instrument';

export interface LatencyOptions {
  /** Cost of starting an execution (bundle.call), before any call. */
  executionStartMs?: number;
  /** Per call key ("Drive.Files.copy"), overriding the table. */
  overrides?: Record<string, number>;
}

export const EXECUTION_START_MS = 700;

const TABLE: [RegExp, number][] = [
  [/^Drive\.Files\.copy$/, 1800],
  [/^Drive\.Files\.create$/, 1500],
  [/^Drive\.Files\.export$/, 2000],
  [/^Drive\.Files\.update$/, 400],
  [/^Drive\.Files\./, 250],
  [/^Docs\.Documents\.batchUpdate$/, 1000],
  [/^Docs\.Documents\.create$/, 1000],
  [/^Docs\.Documents\.get$/, 400],
  [/^(DriveApp|DocumentApp|File|Folder|Document|Body|Paragraph)\./, 150],
  [/^Properties\.(getProperty|getProperties|getKeys)$/, 30],
  [/^Properties\.(setProperty|setProperties|deleteProperty|deleteAllProperties)$/, 62],
  [/^Cache\.(get|getAll)$/, 3],
  [/^Cache\.(put|putAll|remove|removeAll)$/, 93],
  [/^Lock\.(waitLock|tryLock|releaseLock)$/, 20],
  [/^(Session|User)\./, 10],
  [/^Utilities\.(formatDate|parseDate)$/, 10],
];

export class LatencyModel {
  constructor(private readonly opts: LatencyOptions = {}) {}

  get executionStartMs(): number {
    return this.opts.executionStartMs ?? EXECUTION_START_MS;
  }

  callMs(key: string): number {
    const override = this.opts.overrides?.[key];
    if (override !== undefined) return override;
    if (isRoundTrip(key)) return 60;
    for (const [re, ms] of TABLE) if (re.test(key)) return ms;
    return 1;
  }
}
