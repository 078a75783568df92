import { describe, expect, it } from 'vitest';
import { TOO_MANY_TRIGGERS } from '../../src/services/script-app';
import { makeServices } from './testing';

describe('ScriptApp', () => {
  it('exposes enums that print their name and compare by identity', () => {
    const { ScriptApp } = makeServices();
    expect(String(ScriptApp.AuthMode.FULL)).toBe('FULL');
    expect(Object.keys(ScriptApp.AuthMode)).toEqual(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
    expect(ScriptApp.AuthMode.NONE).toBe(ScriptApp.AuthMode.NONE);
    expect(String(ScriptApp.TriggerSource.SPREADSHEETS)).toBe('SPREADSHEETS');
    expect(ScriptApp.getScriptId()).toMatch(/^1/);
    expect(ScriptApp.getOAuthToken()).toMatch(/^ya29\./);
  });

  it('records a one-off time-based trigger that tests can fire once it is due', () => {
    const { ScriptApp, services, clock } = makeServices();
    const trigger = ScriptApp.newTrigger('continueConventions').timeBased().after(60_000).create();
    expect(trigger.getHandlerFunction()).toBe('continueConventions');
    expect(String(trigger.getEventType())).toBe('CLOCK');
    expect(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([
      trigger.getUniqueId(),
    ]);
    expect(services.triggers.due()).toEqual([]);
    clock.advance(60_000);
    const calls: [string, unknown[]][] = [];
    const fired = services.triggers.runDue((name, args) => calls.push([name, args]));
    expect(fired).toEqual([trigger.getUniqueId()]);
    expect(calls[0]?.[0]).toBe('continueConventions');
    expect(calls[0]?.[1][0]).toMatchObject({ triggerUid: trigger.getUniqueId() });
    expect(String((calls[0]?.[1][0] as { authMode: unknown }).authMode)).toBe('FULL');
    // It stays listed (as in Apps Script) but is not due again.
    clock.advance(3_600_000);
    expect(services.triggers.due()).toEqual([]);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
  });

  it('reschedules recurring triggers', () => {
    const { ScriptApp, services, clock } = makeServices();
    ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create();
    const daily = ScriptApp.newTrigger('nightly').timeBased().everyDays(1).atHour(2).create();
    const nightly = services.triggers.get(daily.getUniqueId());
    // 02:00 Paris the next day (clock is 2023-02-15 09:00 Paris).
    expect(new Date(nightly?.nextRunAtMs ?? 0).toISOString()).toBe('2023-02-16T01:00:00.000Z');
    clock.advance(5 * 60_000);
    expect(services.triggers.runDue(() => undefined)).toHaveLength(1);
    clock.advance(5 * 60_000);
    expect(services.triggers.due().map((t) => t.handler)).toEqual(['tick']);
  });

  it('records spreadsheet triggers and deletes triggers', () => {
    const { ScriptApp, services } = makeServices();
    const t = ScriptApp.newTrigger('onOpenInstalled').forSpreadsheet('sheet-id').onOpen().create();
    expect(services.triggers.list()[0]).toMatchObject({
      handler: 'onOpenInstalled',
      eventType: 'ON_OPEN',
      source: 'SPREADSHEETS',
      sourceId: 'sheet-id',
      nextRunAtMs: null,
    });
    ScriptApp.deleteTrigger(t);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
  });

  it('validates schedules and caps a project at 20 triggers', () => {
    const { ScriptApp } = makeServices();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(7)).toThrow(
      'The value passed to everyMinutes must be 1, 5, 10, 15 or 30.',
    );
    expect(() => ScriptApp.newTrigger('f').timeBased().atHour(3).create()).toThrow(
      'atHour() can only be used with everyDays() or everyWeeks().',
    );
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(1).create()).toThrow(
      TOO_MANY_TRIGGERS,
    );
  });

  it('snapshots triggers as JSON', () => {
    const { ScriptApp, services } = makeServices();
    ScriptApp.newTrigger('a').timeBased().after(1000).create();
    const snap = JSON.parse(JSON.stringify(services.triggers.snapshot()));
    ScriptApp.getProjectTriggers().forEach((t) => ScriptApp.deleteTrigger(t));
    services.triggers.restore(snap);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['a']);
    const next = ScriptApp.newTrigger('b').timeBased().after(1000).create();
    expect(next.getUniqueId()).not.toBe(ScriptApp.getProjectTriggers()[0]?.getUniqueId());
  });
});
