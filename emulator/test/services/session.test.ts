import { describe, expect, it } from 'vitest';
import { makeServices } from './testing';

describe('Session and Logger', () => {
  it('reports the user, the zone and the language', () => {
    const { Session } = makeServices();
    expect(Session.getActiveUser().getEmail()).toBe('prof@lycee.example');
    expect(Session.getEffectiveUser().getEmail()).toBe('prof@lycee.example');
    expect(Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(Session.getActiveUserLocale()).toBe('fr');
    const key = Session.getTemporaryActiveUserKey();
    expect(key).toMatch(/^[A-Za-z0-9+/]{20,}$/);
    expect(Session.getTemporaryActiveUserKey()).toBe(key);
  });

  it('records Logger and console output instead of printing', () => {
    const { Logger, console: gasConsole, services } = makeServices();
    Logger.log('Élève %s : %d stages', 'Léa', 2).log({ a: 1 });
    expect(Logger.getLog()).toBe('Élève Léa : 2 stages\n{"a":1}');
    gasConsole.warn('attention', 3, { b: true });
    gasConsole.log('%s et %d', 'x', 4.7);
    expect(services.logs.console).toEqual([
      { level: 'warn', message: 'attention 3 {"b":true}' },
      { level: 'log', message: 'x et 4' },
    ]);
    Logger.clear();
    expect(Logger.getLog()).toBe('');
  });
});
