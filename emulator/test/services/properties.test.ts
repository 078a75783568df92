import { describe, expect, it } from 'vitest';
import { makeServices } from './testing';

describe('PropertiesService', () => {
  it('stores strings per scope', () => {
    const { PropertiesService } = makeServices();
    const doc = PropertiesService.getDocumentProperties();
    expect(doc.getProperty('missing')).toBeNull();
    doc.setProperty('a', '1').setProperty('b', 2 as unknown as string);
    expect(doc.getProperty('b')).toBe('2');
    expect(doc.getProperties()).toEqual({ a: '1', b: '2' });
    expect(doc.getKeys()).toEqual(['a', 'b']);
    expect(PropertiesService.getScriptProperties().getProperty('a')).toBeNull();
    expect(PropertiesService.getUserProperties().getKeys()).toEqual([]);
    // Another Properties object of the same scope sees the same data.
    expect(PropertiesService.getDocumentProperties().getProperty('a')).toBe('1');
  });

  it('sets several, optionally deleting the others; deletes', () => {
    const { PropertiesService } = makeServices();
    const p = PropertiesService.getScriptProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: '3' });
    expect(p.getKeys().sort()).toEqual(['a', 'b', 'c']);
    p.setProperties({ d: '4' }, true);
    expect(p.getProperties()).toEqual({ d: '4' });
    p.setProperties({ x: '1', y: '2' }).deleteProperty('x');
    expect(p.getKeys()).toEqual(['d', 'y']);
    p.deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
  });

  it('refuses values over 9 KB and writes nothing', () => {
    const { PropertiesService } = makeServices();
    const p = PropertiesService.getDocumentProperties();
    p.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => p.setProperties({ a: 'fine', big: 'é'.repeat(5000) })).toThrow(
      'Argument too large: value',
    );
    expect(p.getKeys()).toEqual(['ok']);
  });

  it('snapshots and restores', () => {
    const { PropertiesService, services } = makeServices();
    PropertiesService.getUserProperties().setProperty('k', 'v');
    const snap = JSON.parse(JSON.stringify(services.properties.snapshot()));
    PropertiesService.getUserProperties().deleteAllProperties();
    services.properties.restore(snap);
    expect(PropertiesService.getUserProperties().getProperty('k')).toBe('v');
  });
});
