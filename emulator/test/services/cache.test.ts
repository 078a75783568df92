import { describe, expect, it } from 'vitest';
import { makeServices } from './testing';

describe('CacheService', () => {
  it('puts and gets with the default 10-minute expiry on the emulator clock', () => {
    const { CacheService, clock } = makeServices();
    const cache = CacheService.getScriptCache();
    cache.put('k', 'v');
    expect(cache.get('k')).toBe('v');
    clock.advance(599_000);
    expect(cache.get('k')).toBe('v');
    clock.advance(1_000);
    expect(cache.get('k')).toBeNull();
  });

  it('honours a custom expiry, capped at 6 hours', () => {
    const { CacheService, clock } = makeServices();
    const cache = CacheService.getUserCache();
    cache.put('short', 'a', 5);
    cache.put('long', 'b', 100_000);
    clock.advance(5_000);
    expect(cache.get('short')).toBeNull();
    clock.advance(21_600_000 - 5_000 - 1);
    expect(cache.get('long')).toBe('b');
    clock.advance(1);
    expect(cache.get('long')).toBeNull();
  });

  it('handles several keys at once and keeps scopes apart', () => {
    const { CacheService } = makeServices();
    const cache = CacheService.getDocumentCache();
    if (!cache) throw new Error('document cache expected');
    cache.putAll({ a: '1', b: '2', c: '3' });
    expect(cache.getAll(['a', 'c', 'zz'])).toEqual({ a: '1', c: '3' });
    cache.remove('a');
    cache.removeAll(['b']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
    expect(CacheService.getScriptCache().get('c')).toBeNull();
  });

  it('enforces key and value sizes', () => {
    const { CacheService } = makeServices();
    const cache = CacheService.getScriptCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });
});
