import { describe, expect, it } from 'vitest';
import { columnToLetters, lettersToColumn, parseA1 } from '../../src/spreadsheet/a1';
import { adjustFormula, renameSheetInFormula, translateFormula } from '../../src/spreadsheet/refs';

describe('A1 notation', () => {
  it('converts column numbers and letters both ways', () => {
    expect(columnToLetters(1)).toBe('A');
    expect(columnToLetters(26)).toBe('Z');
    expect(columnToLetters(27)).toBe('AA');
    expect(columnToLetters(703)).toBe('AAA');
    expect(lettersToColumn('AA')).toBe(27);
    expect(lettersToColumn('zz')).toBe(702);
  });

  it('parses cells, blocks and open ranges', () => {
    expect(parseA1('B3')).toEqual({ sheet: null, startRow: 3, startCol: 2, endRow: 3, endCol: 2 });
    expect(parseA1('$A$1:$C$4')).toMatchObject({ startRow: 1, startCol: 1, endRow: 4, endCol: 3 });
    expect(parseA1('C4:A1')).toMatchObject({ startRow: 1, startCol: 1, endRow: 4, endCol: 3 });
    expect(parseA1('A2:A')).toMatchObject({ startRow: 2, startCol: 1, endRow: null, endCol: 1 });
    expect(parseA1('A:C')).toMatchObject({ startRow: null, startCol: 1, endRow: null, endCol: 3 });
    expect(parseA1('2:5')).toMatchObject({ startRow: 2, startCol: null, endRow: 5, endCol: null });
    expect(parseA1("'Élèves 2024'!A1:B2")).toMatchObject({
      sheet: 'Élèves 2024',
      startRow: 1,
      endCol: 2,
    });
    expect(parseA1('Stages!D2')).toMatchObject({ sheet: 'Stages', startRow: 2, startCol: 4 });
  });

  it('rejects what is not a range', () => {
    for (const bad of ['', 'A', '3', 'A0', '1A', 'A1:B2:C3', 'Hello world'])
      expect(parseA1(bad)).toBeNull();
  });
});

describe('formula reference rewriting', () => {
  it('moves relative references when a formula is filled', () => {
    expect(translateFormula('=A2*$B$1+C$3+$D4', 2, 1)).toBe('=B4*$B$1+D$3+$D6');
    expect(translateFormula('=SUM(A2:B3)', 1, 0)).toBe('=SUM(A3:B4)');
    expect(translateFormula('=A1', -1, 0)).toBe('=#REF!');
  });

  it('leaves strings, function names and sheet names alone', () => {
    expect(translateFormula('=IF(A2="B2";LOG10(A2);"x")', 1, 0)).toBe('=IF(A3="B2";LOG10(A3);"x")');
    expect(translateFormula("='Élèves'!A2&Stages!B2", 1, 0)).toBe("='Élèves'!A3&Stages!B3");
  });

  it('follows inserted and deleted rows on the changed sheet only', () => {
    const ins = { sheet: 'Stages', dimension: 'row' as const, at: 2, count: 3 };
    expect(adjustFormula('=ARRAYFORMULA(IF(A2:A="";"";B2:B))', 'Stages', ins)).toBe(
      '=ARRAYFORMULA(IF(A5:A="";"";B5:B))',
    );
    expect(adjustFormula('=A1+A2', 'Stages', ins)).toBe('=A1+A5');
    expect(adjustFormula('=A2', 'Autre', ins)).toBe('=A2');
    expect(adjustFormula('=Stages!A2', 'Autre', ins)).toBe('=Stages!A5');
    const del = { sheet: 'Stages', dimension: 'row' as const, at: 2, count: -2 };
    expect(adjustFormula('=A2', 'Stages', del)).toBe('=#REF!');
    expect(adjustFormula('=SUM(A1:A10)+A5', 'Stages', del)).toBe('=SUM(A1:A8)+A3');
    const cols = { sheet: 'Stages', dimension: 'col' as const, at: 1, count: 1 };
    expect(adjustFormula('=$B$2+C:C', 'Stages', cols)).toBe('=$C$2+D:D');
  });

  it('follows a sheet rename', () => {
    expect(renameSheetInFormula("=Stages!A1+'Stages'!B2+A3", 'Stages', 'Stages 2024')).toBe(
      "='Stages 2024'!A1+'Stages 2024'!B2+A3",
    );
  });
});
