import { describe, expect, it } from 'vitest';
import { setup } from './fixture';

describe('formulas', () => {
  it('are computed on read and recomputed after writes', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[2, '=A1+1']]);
    expect(sheet.getRange('B1').getValue()).toBe(3);
    sheet.getRange('A1').setValue(10);
    expect(sheet.getRange('B1').getValue()).toBe(11);
    expect(sheet.getRange('B1').getDisplayValue()).toBe('11');
  });

  it('read other sheets', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Paramètres').getRange('B2').setValue(4.5);
    sheet.getRange('A1').setFormula("='Paramètres'!B2*2");
    expect(sheet.getRange('A1').getValue()).toBe(9);
  });

  it('TODAY() is the emulator clock date in the spreadsheet zone', () => {
    const { sheet } = setup({ now: () => new Date('2024-09-09T23:30:00Z') }); // 10 Sept, 01:30 in Paris
    sheet.getRange('A1').setNumberFormat('dd/MM/yyyy').setFormula('=TODAY()');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('10/09/2024');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe(
      '2024-09-09T22:00:00.000Z',
    );
  });

  it('errors read as their error strings', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setFormulas([['=1/0', '=NOPE(1)', '=SUM(']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#DIV/0!', '#NAME?', '#ERROR!']]);
  });
});

describe('array results', () => {
  it('spill right and down into empty cells, which read the values but hold no formula', () => {
    const { sheet } = setup();
    sheet.getRange('A2:A4').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(A2:A4*2)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [4], [6]]);
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=ARRAYFORMULA(A2:A4*2)'], [''], ['']]);
    expect(sheet.getRange('B2').getValue()).toBe(4);
    sheet.getRange('D1').setFormula('={1,2;3,4}');
    expect(sheet.getRange('D1:E2').getValues()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('read #REF! when a target cell holds data, with the real message', () => {
    const { svc, sheet } = setup();
    sheet.getRange('B3').setValue('bloque');
    sheet.getRange('B1').setFormula('={1;2;3}');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['#REF!'], [''], ['bloque']]);
    expect(svc.render('Stages').cells[0]?.[1]?.error).toBe(
      'Array result was not expanded because it would overwrite data in B3.',
    );
  });

  it('break when a value is written into the spilled area, and come back when it is cleared', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setFormula('={1;2;3}');
    expect(sheet.getRange('B2').getValue()).toBe(2);
    sheet.getRange('B2').setValue('x');
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
    sheet.getRange('B2').clearContent();
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[1], [2], [3]]);
  });

  it('count for getLastRow, even when they spill empty strings (the ARRAYFORMULA gotcha)', () => {
    const { sheet } = setup();
    sheet.getRange('A2:A3').setValues([['S1'], ['S2']]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(IF(A1:A10="","",A1:A10&"!"))');
    expect(sheet.getRange('B2:B4').getValues()).toEqual([['S1!'], ['S2!'], ['']]);
    expect(sheet.getLastRow()).toBe(10);
    expect(sheet.getLastColumn()).toBe(2);
  });

  // Real Sheets behaviour: a reference to A2:A becomes A3:A when a row is inserted above row 2,
  // so the new row 2 falls outside the array formula. Appending below keeps everything covered.
  it('move open references down when a row is inserted right below the header', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('Nom');
    sheet.getRange('B1').setFormula('={"Longueur";ARRAYFORMULA(IF(A2:A="","",LEN(A2:A)))}');
    sheet.getRange('A2:A3').setValues([['ab'], ['abc']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['Longueur'], [2], [3]]);
    sheet.getRange('A4').setValue('abcd');
    expect(sheet.getRange('B4').getValue()).toBe(4);
    sheet.insertRowsAfter(1, 1);
    sheet.getRange('A2').setValue('a');
    expect(sheet.getRange('B1').getFormula()).toBe(
      '={"Longueur";ARRAYFORMULA(IF(A3:A="","",LEN(A3:A)))}',
    );
    expect(sheet.getRange('B2:B5').getValues()).toEqual([[2], [3], [4], ['']]);
  });

  // Known Sheets gotcha: an ARRAYFORMULA spilling "" down the column makes getLastRow() the
  // sheet's last row, so appendRow() writes below all of it.
  it('make appendRow land after the spilled area', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setFormula('={"Longueur";ARRAYFORMULA(IF(A2:A="","",LEN(A2:A)))}');
    sheet.getRange('A2').setValue('ab');
    sheet.appendRow(['abcd']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange('A1001').getValue()).toBe('abcd');
    expect(sheet.getRange('B1001').getValue()).toBe(4);
  });

  it('are evaluated once per change, not once per cell read', () => {
    const { svc, sheet } = setup();
    sheet.insertRowsAfter(1000, 4000);
    const ids = Array.from({ length: 5000 }, (_, i) => [`S${i + 1}`]);
    sheet.getRange(1, 1, 5000, 1).setValues(ids);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(IF(A1:A="","",A1:A&"-x"))');
    sheet.getRange('C1').setFormula('=B5000');
    const before = svc.formulaEvaluations();
    const values = sheet.getRange(1, 1, 5000, 3).getValues();
    expect(values[0]).toEqual(['S1', 'S1-x', 'S5000-x']);
    expect(values[4999]).toEqual(['S5000', 'S5000-x', '']);
    const afterFirstRead = svc.formulaEvaluations();
    expect(afterFirstRead - before).toBe(2);
    sheet.getRange(1, 1, 5000, 3).getValues();
    sheet.getRange(1, 2, 5000, 1).getDisplayValues();
    expect(svc.formulaEvaluations()).toBe(afterFirstRead);
    sheet.getRange('A1').setValue('T1');
    expect(sheet.getRange('B1').getValue()).toBe('T1-x');
    expect(svc.formulaEvaluations() - afterFirstRead).toBe(1);
  });
});

describe('circular references', () => {
  it('read #REF!', () => {
    const { svc, sheet } = setup();
    sheet.getRange('A1').setFormula('=A1+1');
    sheet.getRange('B1:C1').setFormulas([['=C1', '=B1']]);
    sheet.getRange('D1').setFormula('=B1&"?"');
    // D1 is not in the cycle: it only receives the error.
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['#REF!', '#REF!', '#REF!', '#REF!']]);
    const cells = svc.render('Stages').cells[0];
    expect(cells?.[0]?.error).toMatch(/^Circular dependency detected/);
    expect(cells?.[1]?.error).toMatch(/^Circular dependency detected/);
    expect(cells?.[3]?.error).toBeUndefined();
  });
});

describe('automatic formats of formula results', () => {
  // Sheets shows TODAY(), DATE(…) and "date cell + days" as dates, so getValues returns Dates.
  it('infers a date format for date results, not for day counts', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('02/09/2024');
    sheet.getRange('B1:E1').setFormulas([['=TODAY()', '=A1+27', '=DATE(2024,9,30)-A1', '=A1-A1']]);
    const [today, end, days, zero] = sheet.getRange('B1:E1').getValues()[0] as unknown[];
    expect(today).toBeInstanceOf(Date);
    expect((end as Date).toISOString()).toBe('2024-09-28T22:00:00.000Z');
    expect(sheet.getRange('C1').getDisplayValue()).toBe('29/09/2024');
    expect(days).toBe(28);
    expect(zero).toBe(0);
  });
});

describe('many formulas', () => {
  it('per-row formulas are evaluated once each, and do not make reads quadratic', () => {
    const { ss, svc, sheet } = setup();
    const visits = ss.insertSheet('Visites');
    visits.getRange('A1:A4').setValues([['S1'], ['S2'], ['S1'], ['S3']]);
    const n = 300;
    sheet.getRange(1, 1, n, 1).setValues(Array.from({ length: n }, (_, i) => [`S${i + 1}`]));
    sheet.getRange(1, 2, n, 1).setFormula('=COUNTIF(Visites!A:A,A1)');
    sheet
      .getRange(1, 3, n, 1)
      .setFormula('=IFERROR(INDEX(FILTER(Visites!A:A,Visites!A:A=A1),2),"")');
    const before = svc.formulaEvaluations();
    const values = sheet.getRange(1, 1, n, 6).getValues();
    expect(values.slice(0, 3)).toEqual([
      ['S1', 2, 'S1', '', '', ''],
      ['S2', 1, '', '', '', ''],
      ['S3', 1, '', '', '', ''],
    ]);
    expect(svc.formulaEvaluations() - before).toBe(2 * n);
  });
});
