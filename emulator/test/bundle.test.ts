import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeServerFunction } from '../src/bridge';
import { loadBundle, loadBundleFromDist } from '../src/bundle';
import { createEmulator, GLOBAL_NAMES } from '../src/index';

const SCRIPT = String.raw`
function onOpen(e) {
  SpreadsheetApp.getUi().createMenu('Stages').addItem('Ouvrir le suivi', 'showSidebar').addToUi();
}
function showSidebar() {
  var html = HtmlService.createTemplateFromFile('Sidebar').evaluate().setTitle('Suivi des stages');
  SpreadsheetApp.getUi().showSidebar(html);
}
function include(name) {
  return HtmlService.createHtmlOutputFromFile(name).getContent();
}
function hostGlobals() {
  return {
    require: typeof require, process: typeof process, Buffer: typeof Buffer,
    setTimeout: typeof setTimeout, setInterval: typeof setInterval,
    setImmediate: typeof setImmediate, fetch: typeof fetch, module: typeof module,
    exports: typeof exports, global: typeof global, URL: typeof URL,
    SpreadsheetApp: typeof SpreadsheetApp, JSON: typeof JSON, Intl: typeof Intl,
  };
}
function firstSheet() {
  return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
}
function readCell(a1) {
  var v = firstSheet().getRange(a1).getValue();
  return { isDate: v instanceof Date, tag: Object.prototype.toString.call(v), iso: v.toISOString() };
}
function writeDate(a1) {
  firstSheet().getRange(a1).setValue(new Date(2023, 1, 20, 12));
}
function readArray() {
  var v = firstSheet().getRange('A1:B2').getValues();
  return [v instanceof Array, v[0] instanceof Array, v instanceof Object];
}
function localTime(a1) {
  var d = firstSheet().getRange(a1).getValue();
  return [new Date(2023, 1, 20).toISOString(), d.getDate(), d.getHours(), new Date(2023, 6, 1).getTimezoneOffset()];
}
function now() {
  return [new Date().toISOString(), Date.now(), typeof Date()];
}
class ConflictError extends Error {}
function catchServiceError() {
  try {
    DriveApp.getFileById('missing');
  } catch (e) {
    return [e instanceof Error, e instanceof ConflictError, e.message];
  }
}
function takeLock() {
  LockService.getDocumentLock().waitLock(1000);
  return 'locked';
}
function later() {
  ScriptApp.newTrigger('resume').timeBased().after(60 * 1000).create();
}
function resume(e) {
  PropertiesService.getDocumentProperties().setProperty('resumed', e.triggerUid);
}
function fails() {
  throw new Error('Stage introuvable');
}
function helper_() {}
var notAFunction = 3;
const arrow = () => 'arrow';
`;

const HTML = {
  Sidebar: '<h1>Suivi</h1><?!= include("Style") ?>',
  Style: '<style>h1{}</style>',
};

function load(opts: Parameters<typeof createEmulator>[0] = {}) {
  const emulator = createEmulator({ htmlFiles: HTML, ...opts });
  return { emulator, bundle: loadBundle(SCRIPT, emulator) };
}

describe('createEmulator', () => {
  it('exposes exactly the Apps Script globals', () => {
    const emulator = createEmulator();
    expect(emulator.log.total()).toBe(0);
    expect(Object.keys(emulator.globals).sort()).toEqual([...GLOBAL_NAMES].sort());
    expect(emulator.globals.Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(emulator.globals.Session.getActiveUser().getEmail()).toBe('prof@lycee.example');
    expect(emulator.now().toISOString()).toBe('2023-02-15T08:00:00.000Z');
    emulator.setNow(new Date('2024-01-01T00:00:00Z'));
    expect(emulator.now().toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('installs and removes the globals on a target', () => {
    const emulator = createEmulator();
    const target: Record<string, unknown> = { Logger: 'mine' };
    const uninstall = emulator.installGlobals(target);
    expect(target.DriveApp).toBe(emulator.globals.DriveApp);
    expect(target.Logger).toBe(emulator.globals.Logger);
    uninstall();
    expect(target.DriveApp).toBeUndefined();
    expect(target.Logger).toBe('mine');
  });

  it('registers the spreadsheet as a Drive file', () => {
    const { globals } = createEmulator();
    const id = globals.SpreadsheetApp.getActiveSpreadsheet().getId();
    expect(globals.DriveApp.getFileById(id).getMimeType()).toBe(
      'application/vnd.google-apps.spreadsheet',
    );
  });

  it('snapshots and restores the whole state as JSON', () => {
    const emulator = createEmulator();
    const g = emulator.globals;
    const sheetName = emulator.sheets.sheetNames()[0] ?? '';
    emulator.sheets.debugSetValues(sheetName, 'A1', [['avant']]);
    g.PropertiesService.getDocumentProperties().setProperty('p', '1');
    g.CacheService.getScriptCache().put('c', '1');
    const doc = g.DocumentApp.create('Doc');
    doc.getBody().setText('texte');
    g.ScriptApp.newTrigger('f').timeBased().after(1000).create();
    const snap = JSON.parse(JSON.stringify(emulator.snapshot()));

    emulator.sheets.debugSetValues(sheetName, 'A1', [['après']]);
    g.PropertiesService.getDocumentProperties().deleteAllProperties();
    g.CacheService.getScriptCache().remove('c');
    doc.getBody().setText('changé');
    g.ScriptApp.getProjectTriggers().forEach((t) => g.ScriptApp.deleteTrigger(t));
    emulator.setNow(new Date('2030-01-01T00:00:00Z'));

    emulator.restore(snap);
    expect(emulator.sheets.debugGetValues(sheetName, 'A1')).toEqual([['avant']]);
    expect(g.PropertiesService.getDocumentProperties().getProperty('p')).toBe('1');
    expect(g.CacheService.getScriptCache().get('c')).toBe('1');
    expect(g.DocumentApp.openById(doc.getId()).getBody().getText()).toBe('texte');
    expect(g.ScriptApp.getProjectTriggers()).toHaveLength(1);
    expect(emulator.now().toISOString()).toBe('2023-02-15T08:00:00.000Z');
  });
});

describe('loadBundle', () => {
  it('lists the top-level functions and calls them', () => {
    const { bundle } = load();
    const names = bundle.functionNames();
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'showSidebar', 'readCell', 'helper_']));
    expect(names).not.toContain('notAFunction');
    expect(names).not.toContain('SpreadsheetApp');
    expect(bundle.has('onOpen')).toBe(true);
    expect(bundle.has('arrow')).toBe(true);
    expect(bundle.call('arrow')).toBe('arrow');
    expect(bundle.has('notAFunction')).toBe(false);
    expect(bundle.has('Logger')).toBe(false);
  });

  it('fails like Apps Script for a missing function', () => {
    const { bundle } = load();
    expect(() => bundle.call('nope')).toThrow('Script function not found: nope');
    expect(() => bundle.call('notAFunction')).toThrow('Script function not found: notAFunction');
    expect(() => bundle.call('DriveApp')).toThrow('Script function not found: DriveApp');
  });

  it('offers no Node or browser globals, only Apps Script and JavaScript ones', () => {
    const { bundle } = load();
    expect(bundle.call('hostGlobals')).toEqual({
      require: 'undefined',
      process: 'undefined',
      Buffer: 'undefined',
      setTimeout: 'undefined',
      setInterval: 'undefined',
      setImmediate: 'undefined',
      fetch: 'undefined',
      module: 'undefined',
      exports: 'undefined',
      global: 'undefined',
      URL: 'undefined',
      SpreadsheetApp: 'object',
      JSON: 'object',
      Intl: 'object',
    });
  });

  it('runs onOpen and a sidebar on the emulated UI, templates seeing the script scope', () => {
    const { bundle, emulator } = load();
    bundle.call('onOpen', { authMode: emulator.globals.ScriptApp.AuthMode.LIMITED });
    bundle.call('showSidebar');
    const sidebar = emulator.sheets.ui.sidebars[0];
    expect(sidebar?.title).toBe('Suivi des stages');
    expect(sidebar?.html).toBe('<h1>Suivi</h1><style>h1{}</style>');
    expect(JSON.stringify(emulator.sheets.ui.menus)).toContain('Ouvrir le suivi');
  });

  it('a date cell read inside the bundle is instanceof Date', () => {
    const { bundle, emulator } = load();
    const sheet = emulator.sheets.sheetNames()[0] ?? '';
    emulator.sheets.debugSetValues(sheet, 'D1', [[new Date('2023-02-20T11:00:00Z')]]);
    expect(bundle.call('readCell', 'D1')).toEqual({
      isDate: true,
      tag: '[object Date]',
      iso: '2023-02-20T11:00:00.000Z',
    });
  });

  it('uses the script time zone as local time, as Apps Script does', () => {
    const { bundle, emulator } = load({ timeZone: 'America/New_York' });
    const sheet = emulator.sheets.sheetNames()[0] ?? '';
    // Midnight of 20 Feb 2023 in New York.
    emulator.sheets.debugSetValues(sheet, 'D1', [[new Date('2023-02-20T05:00:00Z')]]);
    expect(bundle.call('localTime', 'D1')).toEqual(['2023-02-20T05:00:00.000Z', 20, 0, 240]);
  });

  it('a Date made by the bundle is a Date for the emulator', () => {
    const { bundle, emulator } = load();
    bundle.call('writeDate', 'D2');
    const sheet = emulator.sheets.sheetNames()[0] ?? '';
    expect(bundle.call('readCell', 'D2')).toMatchObject({ isDate: true });
    expect(emulator.sheets.debugGetValues(sheet, 'D2')[0]?.[0]).not.toBe('');
  });

  it('reads "now" from the emulator clock', () => {
    const { bundle, emulator } = load();
    expect(bundle.call('now')).toEqual([
      '2023-02-15T08:00:00.000Z',
      Date.parse('2023-02-15T08:00:00Z'),
      'string',
    ]);
    emulator.setNow(new Date('2023-09-01T06:00:00Z'));
    expect((bundle.call('now') as unknown[])[0]).toBe('2023-09-01T06:00:00.000Z');
  });

  it('makes service errors instanceof Error, but not of the script’s own subclasses', () => {
    const { bundle } = load();
    expect(bundle.call('catchServiceError')).toEqual([
      true,
      false,
      'No item with the given ID could be found, or you do not have permission to access it.',
    ]);
  });

  it('makes arrays from the emulator instanceof Array', () => {
    const { bundle } = load();
    expect(bundle.call('readArray')).toEqual([true, true, true]);
  });

  it('releases the locks an execution still holds when it ends', () => {
    const { bundle, emulator } = load();
    expect(bundle.call('takeLock')).toBe('locked');
    expect(emulator.locks.heldBy('document')).toBe(null);
  });

  it('sees another execution holding the document lock', () => {
    const { bundle, emulator } = load();
    const other = emulator.locks.holdDocumentLock();
    expect(() => bundle.call('takeLock')).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    other.release();
    expect(bundle.call('takeLock')).toBe('locked');
  });

  it('fires the triggers the script installs once they are due', () => {
    const { bundle, emulator } = load();
    bundle.call('later');
    expect(bundle.runDueTriggers()).toEqual([]);
    emulator.setNow(new Date(emulator.now().getTime() + 60_000));
    const [id] = bundle.runDueTriggers();
    expect(emulator.globals.PropertiesService.getDocumentProperties().getProperty('resumed')).toBe(
      id,
    );
  });

  it('serves google.script.run calls through the bridge', async () => {
    const { bundle } = load();
    expect(await invokeServerFunction(bundle, 'arrow', [])).toEqual({ ok: true, value: 'arrow' });
    expect(await invokeServerFunction(bundle, 'fails', [])).toEqual({
      ok: false,
      error: { name: 'Error', message: 'Stage introuvable' },
    });
    expect(await invokeServerFunction(bundle, 'helper_', [])).toMatchObject({ ok: false });
  });

  it('counts the bundle’s service calls in the emulator log', () => {
    const { bundle, emulator } = load();
    bundle.call('onOpen');
    expect(emulator.log.count('SpreadsheetApp.getUi')).toBe(1);
    expect(emulator.log.count('Menu.addItem')).toBe(1);
  });

  it('loads dist/Code.js and its HTML files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dist-'));
    writeFileSync(join(dir, 'Code.js'), SCRIPT);
    writeFileSync(join(dir, 'Sidebar.html'), '<p>dist</p>');
    writeFileSync(join(dir, 'appsscript.json'), '{}');
    const emulator = createEmulator();
    const bundle = loadBundleFromDist(dir, emulator);
    bundle.call('showSidebar');
    expect(emulator.sheets.ui.sidebars[0]?.html).toBe('<p>dist</p>');
  });
});
