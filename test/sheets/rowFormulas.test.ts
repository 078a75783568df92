import { describe, expect, it } from 'vitest';
import { sheetRef } from '../../src/sheets/rowFormulas';

describe('sheetRef', () => {
  it.each([
    ['Visites', 'Visites'],
    ['Visites_2023', 'Visites_2023'],
    ['Élèves', "'Élèves'"],
    ['Mes visites', "'Mes visites'"],
    ["Visites d'Anne", "'Visites d''Anne'"],
    ['A1', "'A1'"],
    ['AB12', "'AB12'"],
    ['R1C1', "'R1C1'"],
    ['2023', "'2023'"],
    ['TRUE', "'TRUE'"],
  ])('%s → %s', (name, ref) => {
    expect(sheetRef(name)).toBe(ref);
  });
});
