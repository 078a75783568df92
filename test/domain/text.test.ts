import { describe, expect, it } from 'vitest';
import { deOrD, fold, matchesWords, squish } from '../../src/domain/text';

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

describe('deOrD', () => {
  it('elides « de » before a vowel, accented or not, whatever the case', () => {
    expect(deOrD('ACNA Camille')).toBe('d’ACNA Camille');
    expect(deOrD('ÉLOI Zoé')).toBe('d’ÉLOI Zoé');
    expect(deOrD('œuvre')).toBe('d’œuvre');
    expect(deOrD(' ACAR Laurie ')).toBe('d’ACAR Laurie');
  });

  it('keeps « de » before a consonant, an h, and a y sounding as a consonant', () => {
    expect(deOrD('BENALI Sami')).toBe('de BENALI Sami');
    expect(deOrD('HUGO Victor')).toBe('de HUGO Victor');
    expect(deOrD('YILMAZ Ece')).toBe('de YILMAZ Ece');
    expect(deOrD('YVES Marie')).toBe('d’YVES Marie');
  });
});
