import { describe, expect, it } from 'vitest';
import { fold, matchesWords, squish } from '../../src/domain/text';

describe('text helpers', () => {
  it('squishes whitespace, non-breaking spaces included', () => {
    expect(squish('  a \u00a0 b\t\nc\u202f ')).toBe('a b c');
  });
  it('folds case, accents and ligatures', () => {
    expect(fold('  Élève  ÇA Cœur Æ ')).toBe('eleve ca coeur ae');
  });
  it('matches every word in any order', () => {
    expect(matchesWords('ACAR Laurie', 'laurie acar')).toBe(true);
    expect(matchesWords('ACAR Laurie', 'lau')).toBe(true);
    expect(matchesWords('ACAR Laurie', 'acar camille')).toBe(false);
    expect(matchesWords('ÉLOI Zoé', 'eloi zoe')).toBe(true);
    expect(matchesWords('anything', '   ')).toBe(true);
  });
});
