/**
 * The in-memory Apps Script emulator: every service the add-on uses, on one clock, one call log
 * and one JSON-serialisable state. Tests, benchmarks and the workbench run the built bundle on
 * it through ./bundle.ts.
 */
import { CallLog, raw } from './instrument';
import type { CacheStore } from './services/cache';
import { Clock, type NowSource } from './services/clock';
import { MimeType, type DriveStore } from './services/drive';
import type { HtmlFiles } from './services/html';
import { createServices, type ServiceGlobals, type ServicesSnapshot } from './services/index';
import type { LockRegistry } from './services/lock';
import type { LogRecorder } from './services/logger';
import type { PropertyStore } from './services/properties';
import type { TriggerRegistry } from './services/script-app';
import type { ExecutionClock } from './services/execution';
import type { LatencyOptions } from './services/latency';
import type { Account, QuotaLimits, QuotaTracker } from './services/quotas';
import {
  createSpreadsheetService,
  type SpreadsheetService,
  type SpreadsheetSnapshot,
} from './spreadsheet/index';

export { DAILY_DOCS_CREATE, GoogleJsonResponseException } from './services/quotas';
export type { Account, QuotaLimits } from './services/quotas';
export { EXCEEDED_MAX_TIME, EXECUTION_LIMIT_MS } from './services/execution';
export type { LatencyOptions } from './services/latency';
export type { Block, ParagraphNode, TableNode, Run, TextStyle } from './services/doc-model';

export interface EmulatorOptions {
  /** Script and spreadsheet time zone (default 'Europe/Paris'). */
  timeZone?: string;
  /** Spreadsheet locale (default 'fr_FR'); Session reports its language. */
  locale?: string;
  userEmail?: string;
  /** Fixed instant or clock function (default 2023-02-15 09:00 in Paris). */
  now?: NowSource;
  /** Project HTML files: name (without '.html') → content. */
  htmlFiles?: Record<string, string>;
  spreadsheetName?: string;
  /**
   * Whose quotas apply: 'consumer' (gmail.com, the default) or 'workspace'. Only the daily
   * "Documents created" cap differs: 250 / 1,500.
   */
  account?: Account;
  /** Override quota figures (see services/quotas.ts), or `false` to switch quotas off. */
  quotas?: Partial<QuotaLimits> | false;
  /**
   * Charge each service call's cost to the virtual clock (services/latency.ts). Off by default,
   * so tests that did not ask keep a still clock. `{ overrides: { 'Drive.Files.copy': 2000 } }`.
   */
  latency?: boolean | LatencyOptions;
  /** Apps Script's limit per execution, in virtual ms (default 360,000: 6 minutes). */
  executionLimitMs?: number;
}

export interface AppsScriptGlobals extends ServiceGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

/** Exactly the Apps Script globals a script sees. */
export const GLOBAL_NAMES = [
  'SpreadsheetApp',
  'DriveApp',
  'Drive',
  'DocumentApp',
  'Docs',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'CacheService',
  'Session',
  'Utilities',
  'ScriptApp',
  'Logger',
  'MimeType',
  'console',
] as const satisfies readonly (keyof AppsScriptGlobals)[];

export interface EmulatorSnapshot {
  version: 1;
  nowMs: number;
  spreadsheet: SpreadsheetSnapshot;
  services: ServicesSnapshot;
}

export interface Emulator {
  readonly globals: AppsScriptGlobals;
  readonly log: CallLog;
  readonly sheets: SpreadsheetService;
  /** Simulate other executions holding locks: `locks.holdDocumentLock()` → `.release()`. */
  readonly locks: LockRegistry;
  /** Installable triggers: list(), due(), fire(id, call), runDue(call). */
  readonly triggers: TriggerRegistry;
  /**
   * Drive's files and Google Docs: `docText(id)`, `docModel(id)`, `renderHtml(id)`,
   * `registerForeign(name)` (a file the app may not see), `all()`, `find(id)`.
   */
  readonly drive: DriveStore;
  /** Per-minute and daily quotas: `used(metric)`, `docsCreatedToday()`, `limits`, `enabled`. */
  readonly quotas: QuotaTracker;
  /** The current execution's start and the 6-minute limit (bundle.call begins and ends it). */
  readonly execution: ExecutionClock;
  readonly properties: PropertyStore;
  readonly cache: CacheStore;
  readonly html: HtmlFiles;
  /** What scripts wrote to Logger and console. */
  readonly logs: LogRecorder;
  readonly timeZone: string;
  readonly locale: string;
  readonly userEmail: string;
  readonly clock: Clock;
  now(): Date;
  setNow(now: NowSource): void;
  snapshot(): EmulatorSnapshot;
  restore(snapshot: EmulatorSnapshot): void;
  /** Define the globals on `target` (e.g. globalThis); returns a function that removes them. */
  installGlobals(target: object): () => void;
}

/** 2023-02-15 09:00 in Paris. */
export const DEFAULT_NOW = new Date('2023-02-15T08:00:00Z');

export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const timeZone = opts.timeZone ?? 'Europe/Paris';
  const locale = opts.locale ?? 'fr_FR';
  const userEmail = opts.userEmail ?? 'prof@lycee.example';
  const log = new CallLog();
  const clock = new Clock(opts.now ?? DEFAULT_NOW);

  const services = createServices({
    log,
    clock,
    timeZone,
    locale,
    userEmail,
    htmlFiles: opts.htmlFiles,
    account: opts.account,
    quotas: opts.quotas,
    latency: opts.latency,
    executionLimitMs: opts.executionLimitMs,
  });
  const sheets = createSpreadsheetService({
    log,
    timeZone,
    locale,
    now: () => clock.now(),
    userEmail,
    spreadsheetName: opts.spreadsheetName,
  });
  registerSpreadsheetFile(sheets, services.drive, opts.spreadsheetName);

  const globals: AppsScriptGlobals = { SpreadsheetApp: sheets.SpreadsheetApp, ...services.globals };

  return {
    globals,
    log,
    sheets,
    locks: services.locks,
    triggers: services.triggers,
    drive: services.drive,
    quotas: services.quotas,
    execution: services.execution,
    properties: services.properties,
    cache: services.cache,
    html: services.html,
    logs: services.logs,
    timeZone,
    locale,
    userEmail,
    clock,
    now: () => clock.now(),
    setNow: (now) => clock.set(now),
    snapshot: () => ({
      version: 1,
      nowMs: clock.nowMs(),
      spreadsheet: sheets.snapshot(),
      services: services.snapshot(),
    }),
    restore: (s) => {
      if (s.version !== 1)
        throw new Error(`Unknown emulator snapshot version ${String(s.version)}`);
      clock.set(new Date(s.nowMs));
      sheets.restore(s.spreadsheet);
      services.restore(s.services);
    },
    installGlobals: (target) => {
      const t = target as Record<string, unknown>;
      const saved = GLOBAL_NAMES.map(
        (name) => [name, Object.getOwnPropertyDescriptor(t, name)] as const,
      );
      for (const name of GLOBAL_NAMES) {
        Object.defineProperty(t, name, {
          value: globals[name],
          configurable: true,
          writable: true,
          enumerable: false,
        });
      }
      return () => {
        for (const [name, descriptor] of saved) {
          if (descriptor) Object.defineProperty(t, name, descriptor);
          else delete t[name];
        }
      };
    },
  };
}

/**
 * Make the active spreadsheet a Drive file too, so `DriveApp.getFileById(ss.getId())` (to find
 * the folder beside it) works. Read without counting calls.
 */
function registerSpreadsheetFile(sheets: SpreadsheetService, drive: DriveStore, name?: string) {
  try {
    const app = raw(sheets.SpreadsheetApp);
    const ss = app.getActiveSpreadsheet();
    const inner = raw(ss);
    drive.register(inner.getId(), name ?? inner.getName(), MimeType.GOOGLE_SHEETS);
  } catch {
    // A spreadsheet service without an id: Drive simply does not know the file.
  }
}
