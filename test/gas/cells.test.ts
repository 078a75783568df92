import { describe, expect, it } from 'vitest';
import { literalText, readCell, writeCell, type DateCodec } from '../../src/gas/cells';

const codec: DateCodec = {
  toIso: (d) => d.toISOString().slice(0, 10),
  fromIso: (iso) => new Date(`${iso}T00:00:00Z`),
};

describe('literalText', () => {
  it('keeps text that starts with a letter as it is', () => {
    expect(literalText('ACAR Laurie')).toBe('ACAR Laurie');
    expect(literalText('Élève')).toBe('Élève');
  });
  it('makes anything else literal with an apostrophe', () => {
    for (const s of ['=1+1', '+33 6 12', '-5', '@home', "'quoted", '0612345678', '01/02/2023']) {
      expect(literalText(s)).toBe(`'${s}`);
    }
    expect(literalText('')).toBe('');
  });
});

describe('readCell / writeCell', () => {
  it('reads empty cells by kind', () => {
    expect(readCell('', 'text', codec)).toBe('');
    expect(readCell('', 'number', codec)).toBeNull();
    expect(readCell('', 'boolean', codec)).toBe(false);
    expect(readCell('', 'date', codec)).toBe('');
  });
  it('reads dates from Date cells and from dates typed as text', () => {
    expect(readCell(new Date('2023-02-27T00:00:00Z'), 'date', codec)).toBe('2023-02-27');
    expect(readCell('27/2/2023', 'date', codec)).toBe('2023-02-27');
    expect(readCell('2023-02-27', 'date', codec)).toBe('2023-02-27');
    expect(readCell('fin février', 'date', codec)).toBe('fin février');
  });
  it('reads numbers with a decimal comma', () => {
    expect(readCell('17,5', 'number', codec)).toBe(17.5);
    expect(readCell('abc', 'number', codec)).toBeNull();
  });
  it('writes ISO dates as Date cells and anything else in a date column as literal text', () => {
    expect(writeCell('2023-02-27', 'date', codec)).toEqual(new Date('2023-02-27T00:00:00Z'));
    expect(writeCell('fin février', 'date', codec)).toBe('fin février');
    expect(writeCell('=A1', 'text', codec)).toBe("'=A1");
  });
});
