import { describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../../src/domain/import';

describe('parseDelimitedText', () => {
  it('reads semicolons (PRONOTE), strips the BOM, skips empty lines', () => {
    const text = '\uFEFFNom;Prénom;Classe\r\nACAR;Laurie;BTS1\r\n\r\n;;\r\nACNA;Camille;BTS1\r\n';
    expect(parseDelimitedText(text)).toEqual({
      headers: ['Nom', 'Prénom', 'Classe'],
      rows: [
        ['ACAR', 'Laurie', 'BTS1'],
        ['ACNA', 'Camille', 'BTS1'],
      ],
    });
  });
  it('reads commas with quoted fields', () => {
    const text = 'Raison sociale,Ville\n"DUPONT, FILS & CIE",Lille\n"Le ""Bon"" Coin",Douai';
    expect(parseDelimitedText(text).rows).toEqual([
      ['DUPONT, FILS & CIE', 'Lille'],
      ['Le "Bon" Coin', 'Douai'],
    ]);
  });
  it('reads tabs (pasted from a sheet) and trims cells', () => {
    expect(parseDelimitedText('Nom\tPrénom\n ACAR \t Laurie \n')).toEqual({
      headers: ['Nom', 'Prénom'],
      rows: [['ACAR', 'Laurie']],
    });
  });
  it('prefers ";" when commas appear inside fields', () => {
    const text = 'Nom;Adresse\nX;1, rue de Paris\nY;2, rue de Lyon';
    expect(parseDelimitedText(text).rows).toEqual([
      ['X', '1, rue de Paris'],
      ['Y', '2, rue de Lyon'],
    ]);
  });
  it('returns nothing for empty text', () => {
    expect(parseDelimitedText('')).toEqual({ headers: [], rows: [] });
    expect(parseDelimitedText('\uFEFF\n \n')).toEqual({ headers: [], rows: [] });
  });
});
