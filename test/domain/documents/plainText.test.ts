import { describe, expect, it } from 'vitest';
import { MAX_VALUE_LENGTH, plainText, WORD_JOINER } from '../../../src/domain/documents/plainText';

const J = WORD_JOINER;

describe('plainText', () => {
  it.each([
    ['ACAR', 'ACAR'],
    ['  ACAR  ', 'ACAR'],
    ['a\nb', 'a, b'],
    ['a\r\nb\rc', 'a, b, c'],
    ['3 rue des Lilas\n\n  59000 Lille \n', '3 rue des Lilas, 59000 Lille'],
    ['a\u2028b\u2029c', 'a, b, c'],
    ['a\tb', 'a b'],
    ['a\u0000b\u0007c\u001bd\u007f', 'abcd'],
    ['\ufeffBOM', 'BOM'],
    ['{{eleve.nom}}', `${J}{${J}{eleve.nom}${J}}${J}`],
    ['Laurie {{eleve.nom}} !', `Laurie {${J}{eleve.nom}${J}} !`],
    ['{{{x}}}', `${J}{${J}{${J}{x}${J}}${J}}${J}`],
    ['{x', `${J}{x`],
    ['x}', `x}${J}`],
    ['a { b } c', 'a { b } c'],
    ['$1 $& $$', '$1 $& $$'],
    ['=SUM(A1)', '=SUM(A1)'],
    ['<b>x</b>', '<b>x</b>'],
    ['Élève « Cœur »', 'Élève « Cœur »'],
    ['😀 ok', '😀 ok'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(plainText(value)).toBe(expected);
  });

  it.each([
    [null, ''],
    [undefined, ''],
    [175, '175'],
    [false, 'false'],
  ])('%o → %j', (value, expected) => {
    expect(plainText(value)).toBe(expected);
  });

  it('never leaves two braces side by side, whatever the text', () => {
    for (const s of ['{{', '}}', '{{{{', 'a{{b}}c', '{\n{', '}\u0000}', '{ {', '{\t{']) {
      expect(plainText(s), JSON.stringify(s)).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('caps a pasted novel, without splitting a character', () => {
    const long = plainText('é'.repeat(MAX_VALUE_LENGTH + 10));
    expect(long).toHaveLength(MAX_VALUE_LENGTH);
    expect(long.endsWith('…')).toBe(true);
    const emoji = plainText('😀'.repeat(MAX_VALUE_LENGTH));
    expect(emoji.length).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(plainText('x'.repeat(MAX_VALUE_LENGTH))).toHaveLength(MAX_VALUE_LENGTH);
  });

  it('drops a lone surrogate', () => {
    expect(plainText('a\ud800b')).toBe('ab');
  });
});
