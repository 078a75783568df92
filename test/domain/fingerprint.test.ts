import { describe, expect, it } from 'vitest';
import { fingerprint, fnv1a32 } from '../../src/domain/fingerprint';

describe('fnv1a32', () => {
  it('matches the reference FNV-1a vectors', () => {
    expect(fnv1a32('')).toBe('811c9dc5');
    expect(fnv1a32('a')).toBe('e40c292c');
    expect(fnv1a32('foobar')).toBe('bf9cf968');
  });
  it('hashes UTF-8 bytes', () => {
    // "é" is C3 A9 in UTF-8.
    let h = 0x811c9dc5;
    for (const b of [0xc3, 0xa9]) h = Math.imul(h ^ b, 0x01000193);
    expect(fnv1a32('é')).toBe((h >>> 0).toString(16).padStart(8, '0'));
    expect(fnv1a32('😀')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('fingerprint', () => {
  const row = ['STG1', 'SES1', '2023-02-01', '2023-03-31', 'ACAR Laurie', 35, true, ''];

  it('is deterministic and 8 hex digits', () => {
    expect(fingerprint(row)).toBe(fingerprint([...row]));
    expect(fingerprint(row)).toMatch(/^[0-9a-f]{8}$/);
  });
  it('changes when any value changes', () => {
    const base = fingerprint(row);
    row.forEach((_, i) => {
      const changed = [...row];
      changed[i] = i === 5 ? 36 : i === 6 ? false : `${String(changed[i])}x`;
      expect(fingerprint(changed)).not.toBe(base);
    });
  });
  it('tells apart types, order and cell boundaries', () => {
    expect(fingerprint([35])).not.toBe(fingerprint(['35']));
    expect(fingerprint(['a', 'b'])).not.toBe(fingerprint(['b', 'a']));
    expect(fingerprint(['ab', ''])).not.toBe(fingerprint(['a', 'b']));
    expect(fingerprint([true])).not.toBe(fingerprint(['true']));
  });
  it('treats undefined and null alike, ignores object key order', () => {
    expect(fingerprint([undefined])).toBe(fingerprint([null]));
    expect(fingerprint([{ a: 1, b: 2 }])).toBe(fingerprint([{ b: 2, a: 1 }]));
  });
  it('refuses Date objects', () => {
    expect(() => fingerprint([new Date(2023, 1, 1)])).toThrow(TypeError);
    expect(() => fingerprint([[new Date(2023, 1, 1)]])).toThrow(TypeError);
  });
  it('is pinned (a change of algorithm would break stored digests)', () => {
    expect(fingerprint([])).toBe(fnv1a32('[]'));
    expect(fingerprint(['a', 1, null])).toBe(fnv1a32('["a",1,null]'));
  });
});
