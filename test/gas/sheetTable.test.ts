import { describe, expect, it } from 'vitest';
import { columnLetter, contiguousRuns } from '../../src/gas/sheetTable';

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
