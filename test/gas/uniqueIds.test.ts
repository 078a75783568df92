import { describe, expect, it } from 'vitest';
import { renewDuplicateIds } from '../../src/gas/uniqueIds';

describe('renewDuplicateIds', () => {
  it('keeps each ID on its first row and gives every later copy a new one', () => {
    let n = 0;
    const fresh = () => `NEW-${++n}`;
    const rows = [
      { row: 9, id: 'A' },
      { row: 2, id: 'A' },
      { row: 3, id: '' },
      { row: 4, id: 'B' },
      { row: 5, id: '' },
      { row: 6, id: 'A' },
    ];
    expect(renewDuplicateIds(rows, fresh)).toEqual([
      { row: 6, from: 'A', to: 'NEW-1' },
      { row: 9, from: 'A', to: 'NEW-2' },
    ]);
  });

  it('renews nothing when every ID is unique', () => {
    expect(renewDuplicateIds([{ row: 2, id: 'A' }], () => 'x')).toEqual([]);
  });
});
