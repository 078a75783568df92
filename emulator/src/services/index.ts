/**
 * The Apps Script services other than SpreadsheetApp, wired to one clock, one call log and
 * one set of stores. `createEmulator()` (../index.ts) adds the spreadsheet.
 */
import type { CallLog } from '../instrument';
import { createCacheService, CacheStore, type CacheSnapshot } from './cache';
import type { Clock } from './clock';
import { createDocs, createDocumentApp } from './documents';
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
}

export interface ServicesSnapshot {
  properties: PropertiesSnapshot;
  cache: CacheSnapshot;
  drive: DriveSnapshot;
  triggers: TriggerSnapshot;
  ids: IdState;
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

  const globals: ServiceGlobals = {
    DriveApp: createDriveApp(log, drive),
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
    snapshot: () => ({
      properties: properties.snapshot(),
      cache: cache.snapshot(),
      drive: drive.snapshot(),
      triggers: triggers.snapshot(),
      ids: ids.state(),
    }),
    restore: (s) => {
      properties.restore(s.properties);
      cache.restore(s.cache);
      drive.restore(s.drive);
      triggers.restore(s.triggers);
      ids.restore(s.ids);
    },
  };
}
