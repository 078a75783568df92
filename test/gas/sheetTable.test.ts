import { describe, expect, it } from 'vitest';
import {
  assertUniqueIds,
  columnLetter,
  contiguousRuns,
  duplicateIdError,
  rowOfId,
} from '../../src/gas/sheetTable';

describe('sheet helpers', () => {
  it('names columns', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
  it('groups positions in contiguous runs', () => {
    expect(contiguousRuns([9, 1, 2, 3, 5, 6, 2])).toEqual([[1, 2, 3], [5, 6], [9]]);
    expect(contiguousRuns([])).toEqual([]);
  });
});

describe('IDs on several rows', () => {
  it('rowOfId finds the one row of an ID, 0 for none, and refuses an ID on two rows', () => {
    const ids = ['STG-a', 'STG-b', '', 'STG-a'];
    expect(rowOfId('Stages', ids, 'STG-b')).toBe(3);
    expect(rowOfId('Stages', ids, 'STG-z')).toBe(0);
    expect(rowOfId('Stages', ids, '')).toBe(0);
    expect(() => rowOfId('Stages', ids, 'STG-a')).toThrow(
      'L’identifiant STG-a figure sur plusieurs lignes de la feuille « Stages » (lignes 2 et 5)',
    );
  });

  it('names every row of a triple, and tells how to repair', () => {
    const e = duplicateIdError('Élèves', 'ELV-1', [2, 7, 9]);
    expect(e.message).toContain('(lignes 2, 7 et 9)');
    expect(e.message).toContain('Rien n’a été modifié');
    expect(e.message).toContain('Initialiser le classeur');
  });

  it('assertUniqueIds refuses the first ID met again going down, ignoring rows without ID', () => {
    const rows = (ids: string[]) => ids.map((id, i) => ({ row: i + 2, values: { id } }));
    expect(() => assertUniqueIds('Sessions', rows(['A', '', 'B', '']))).not.toThrow();
    expect(() => assertUniqueIds('Sessions', rows(['A', 'B', 'C', 'B', 'A']))).toThrow(
      'L’identifiant B figure sur plusieurs lignes de la feuille « Sessions » (lignes 3 et 5)',
    );
  });
});
