/**
 * The Apps Script services other than SpreadsheetApp, wired to one clock, one call log and
 * one set of stores. `createEmulator()` (../index.ts) adds the spreadsheet.
 */
import type { CallLog } from '../instrument';
import { createCacheService, CacheStore, type CacheSnapshot } from './cache';
import type { Clock } from './clock';
import { createDocumentApp } from './documents';
import { createDocs } from './docs-api';
import { createDriveV3 } from './drive-api';
import { ExecutionClock } from './execution';
import { LatencyModel, type LatencyOptions } from './latency';
import {
  defaultLimits,
  QuotaTracker,
  type Account,
  type QuotaLimits,
  type QuotaSnapshot,
} from './quotas';
import { createDriveApp, DriveStore, MimeType, type DriveSnapshot } from './drive';
import { createHtmlService, HtmlFiles } from './html';
import { IdGenerator, type IdState } from './ids';
import { createLockService, LockRegistry } from './lock';
import { createConsole, createLogger, LogRecorder, type RecordingConsole } from './logger';
import { createPropertiesService, PropertyStore, type PropertiesSnapshot } from './properties';
import { createScriptApp, TriggerRegistry, type TriggerSnapshot } from './script-app';
import { createSession } from './session';
import { createUtilities } from './utilities';

export interface ServiceGlobals {
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  /** The Drive API v3 advanced service. */
  Drive: GoogleAppsScript.Drive;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  Docs: GoogleAppsScript.Docs;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Logger: GoogleAppsScript.Base.Logger;
  MimeType: GoogleAppsScript.Base.MimeType;
  console: RecordingConsole;
}

export interface ServicesOptions {
  log: CallLog;
  clock: Clock;
  timeZone: string;
  locale: string;
  userEmail: string;
  htmlFiles?: Record<string, string>;
  scriptId?: string;
  /** Which quota figures apply (default 'consumer'). */
  account?: Account;
  /** Override quota figures, or `false` to switch quotas off. */
  quotas?: Partial<QuotaLimits> | false;
  /** Charge each call's cost to the clock (default off). */
  latency?: boolean | LatencyOptions;
  /** Apps Script's limit per execution (default 6 minutes). */
  executionLimitMs?: number;
}

export interface ServicesSnapshot {
  properties: PropertiesSnapshot;
  cache: CacheSnapshot;
  drive: DriveSnapshot;
  triggers: TriggerSnapshot;
  ids: IdState;
  /** Absent in snapshots made before quotas were modelled. */
  quotas?: QuotaSnapshot;
}

export interface Services {
  globals: ServiceGlobals;
  locks: LockRegistry;
  triggers: TriggerRegistry;
  properties: PropertyStore;
  cache: CacheStore;
  drive: DriveStore;
  html: HtmlFiles;
  logs: LogRecorder;
  ids: IdGenerator;
  quotas: QuotaTracker;
  execution: ExecutionClock;
  snapshot(): ServicesSnapshot;
  restore(s: ServicesSnapshot): void;
}

export const DEFAULT_SCRIPT_ID = '1EmUlAtEdScRiPtId-SuIvIdEsStAgEs0000000000000000000000';

export function createServices(opts: ServicesOptions): Services {
  const { log, clock } = opts;
  const ids = new IdGenerator();
  const locks = new LockRegistry(clock);
  const triggers = new TriggerRegistry(clock, opts.timeZone);
  const properties = new PropertyStore();
  const cache = new CacheStore(clock);
  const drive = new DriveStore(clock, ids, opts.userEmail);
  const html = new HtmlFiles(opts.htmlFiles);
  const logs = new LogRecorder();
  const quotas = new QuotaTracker(
    () => clock.nowMs(),
    { ...defaultLimits(opts.account ?? 'consumer'), ...(opts.quotas || {}) },
    opts.quotas !== false,
  );
  const latency = opts.latency ? new LatencyModel(opts.latency === true ? {} : opts.latency) : null;
  const execution = new ExecutionClock(clock, opts.executionLimitMs, latency);
  drive.beforeDocCreated = () => quotas.docCreated();
  // Every counted call: the time limit and its cost first, then the per-minute quotas.
  log.onCall((key) => {
    execution.beforeCall(key);
    quotas.check(key);
  });

  const globals: ServiceGlobals = {
    DriveApp: createDriveApp(log, drive),
    Drive: createDriveV3(log, drive),
    DocumentApp: createDocumentApp(log, drive),
    Docs: createDocs(log, drive),
    HtmlService: createHtmlService(log, html),
    LockService: createLockService(log, locks),
    PropertiesService: createPropertiesService(log, properties),
    CacheService: createCacheService(log, cache),
    Session: createSession(log, opts),
    Utilities: createUtilities(log, clock, ids),
    ScriptApp: createScriptApp(log, triggers, { scriptId: opts.scriptId ?? DEFAULT_SCRIPT_ID }),
    Logger: createLogger(log, logs),
    MimeType: MimeType as GoogleAppsScript.Base.MimeType,
    console: createConsole(log, logs, () => clock.nowMs()),
  };

  return {
    globals,
    locks,
    triggers,
    properties,
    cache,
    drive,
    html,
    logs,
    ids,
    quotas,
    execution,
    snapshot: () => ({
      properties: properties.snapshot(),
      cache: cache.snapshot(),
      drive: drive.snapshot(),
      triggers: triggers.snapshot(),
      ids: ids.state(),
      quotas: quotas.snapshot(),
    }),
    restore: (s) => {
      properties.restore(s.properties);
      cache.restore(s.cache);
      drive.restore(s.drive);
      triggers.restore(s.triggers);
      ids.restore(s.ids);
      quotas.restore(s.quotas);
    },
  };
}
