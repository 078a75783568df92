import { describe, expect, it } from 'vitest';
import { setup } from './fixture';

// Messages as the real service words them:
// https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)
describe('getRange and its errors', () => {
  it('addresses cells by A1 notation and by coordinates', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:D5');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 2, 4, 3]);
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([5, 4]);
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
  });

  it('resolves open ranges to the sheet edges', () => {
    const { sheet } = setup();
    const col = sheet.getRange('A2:A');
    expect([col.getRow(), col.getNumRows(), col.getNumColumns()]).toEqual([2, 999, 1]);
    expect(col.getA1Notation()).toBe('A2:A');
    const whole = sheet.getRange('A:B');
    expect([whole.getRow(), whole.getNumRows(), whole.getNumColumns()]).toEqual([1, 1000, 2]);
    const row = sheet.getRange('2:2');
    expect([row.getRow(), row.getNumRows(), row.getNumColumns()]).toEqual([2, 1, 26]);
  });

  it('throws the real messages for bad coordinates', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1000, 1, 2)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('A1:A1001')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('nonsense')).toThrow('Range not found');
  });

  it('offsets and sub-cells', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });
});

describe('values', () => {
  it('checks the dimensions of setValues with the real messages', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:C2');
    expect(() => r.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      r.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  it('setValue fills every cell; getValue reads the top-left cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    sheet.getRange('A1').setValue(7);
    expect(sheet.getRange('A1:B2').getValue()).toBe(7);
  });

  it('fills a formula over a range moving its relative references', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*10');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=A1*10'], ['=A2*10'], ['=A3*10']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
  });

  it('setFormulas / getFormulas, with empty strings for plain cells', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setFormulas([['=1+1', '']]);
    sheet.getRange('C1').setValue(3);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=1+1', '', '']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[2, '', 3]]);
  });

  it('isBlank', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
    sheet.getRange('B2').setBackground('#ff0000');
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
    sheet.getRange('B2').setValue(0);
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
  });

  it('clear, clearContent, clearFormat and clear(options)', () => {
    const { app, sheet } = setup();
    const r = sheet.getRange('A1');
    const fill = () => {
      r.setValue(5).setBackground('#ff0000').setNote('n');
      r.setDataValidation(app.newDataValidation().requireNumberBetween(1, 10).build());
    };
    fill();
    r.clearContent();
    expect([r.getValue(), r.getBackground(), r.getNote()]).toEqual(['', '#ff0000', 'n']);
    fill();
    r.clearFormat();
    expect([r.getValue(), r.getBackground(), r.getDataValidation() !== null]).toEqual([
      5,
      '#ffffff',
      true,
    ]);
    fill();
    r.clear();
    expect([r.getValue(), r.getBackground(), r.getNote(), r.getDataValidation() !== null]).toEqual([
      '',
      '#ffffff',
      'n',
      true,
    ]);
    fill();
    r.clear({ contentsOnly: true, validationsOnly: true });
    expect([r.getValue(), r.getBackground(), r.getDataValidation()]).toEqual(['', '#ff0000', null]);
    fill();
    r.clear({});
    expect([r.getValue(), r.getBackground(), r.getNote(), r.getDataValidation()]).toEqual([
      '',
      '#ffffff',
      '',
      null,
    ]);
  });
});

describe('formats', () => {
  it('backgrounds: set, read, reset with null to white', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    r.setBackgrounds([['#FF0000', 'green']]);
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#008000']]);
    r.setBackground(null);
    expect(r.getBackground()).toBe('#ffffff');
    r.setBackgroundRGB(0, 0, 255);
    expect(r.getBackground()).toBe('#0000ff');
    expect(() => r.setBackgrounds([['#000000']])).toThrow('The number of columns in the data');
  });

  it('fonts, alignment, wrap', () => {
    const { app, sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setFontWeight('bold')
      .setFontStyle('italic')
      .setFontSize(12)
      .setFontFamily('Roboto')
      .setFontColor('#990000');
    r.setHorizontalAlignment('center').setVerticalAlignment('middle').setWrap(true);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(r.getFontStyles()).toEqual([['italic', 'italic']]);
    expect(r.getFontSizes()).toEqual([[12, 12]]);
    expect(r.getFontFamilies()).toEqual([['Roboto', 'Roboto']]);
    expect(r.getFontColors()).toEqual([['#990000', '#990000']]);
    expect(r.getHorizontalAlignments()).toEqual([['center', 'center']]);
    expect(r.getVerticalAlignment()).toBe('middle');
    expect(r.getWraps()).toEqual([[true, true]]);
    r.setWrapStrategy(app.WrapStrategy.CLIP);
    expect(String(r.getWrapStrategy())).toBe('CLIP');
    r.setFontWeights([['normal', 'bold']]);
    expect(r.getFontWeights()).toEqual([['normal', 'bold']]);
    const style = r.getTextStyle();
    expect([style.isBold(), style.getFontSize(), style.getForegroundColor()]).toEqual([
      false,
      12,
      '#990000',
    ]);
  });

  it('number formats per cell', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    r.setNumberFormats([['0.00', 'dd/MM/yyyy']]);
    expect(r.getNumberFormats()).toEqual([['0.00', 'dd/MM/yyyy']]);
  });

  it('borders are recorded for rendering', () => {
    const { svc, sheet } = setup();
    sheet
      .getRange('A1:B2')
      .setValue('x')
      .setBorder(true, true, true, true, true, true, '#333333', null);
    const cells = svc.render('Stages').cells;
    expect(cells[0]?.[0]?.borders).toMatchObject({
      top: { color: '#333333' },
      left: {},
      right: {},
      bottom: {},
    });
    expect(cells[1]?.[1]?.borders).toMatchObject({ bottom: {}, right: {} });
  });
});

describe('notes, rich text, checkboxes', () => {
  it('notes', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNote('À vérifier');
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['À vérifier', '']]);
    sheet.getRange('A1').setNote(null);
    expect(sheet.getRange('A1').getNote()).toBe('');
  });

  it('rich text values keep their text literally and carry a link', () => {
    const { app, sheet } = setup();
    const rich = app
      .newRichTextValue()
      .setText('0123 Convention')
      .setLinkUrl('https://docs.google.com/d/1')
      .build();
    sheet.getRange('A1').setRichTextValue(rich);
    expect(sheet.getRange('A1').getValue()).toBe('0123 Convention');
    const back = sheet.getRange('A1').getRichTextValue();
    expect(back?.getText()).toBe('0123 Convention');
    expect(back?.getLinkUrl()).toBe('https://docs.google.com/d/1');
    sheet.getRange('B1').setValue(12);
    expect(sheet.getRange('B1').getRichTextValue()).toBeNull();
    // Writing a plain value removes the link.
    sheet.getRange('A1').setValue('autre');
    expect(sheet.getRange('A1').getRichTextValue()?.getLinkUrl()).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#insertcheckboxes
  it('insertCheckboxes sets FALSE; check/uncheck/isChecked', () => {
    const { app, sheet } = setup();
    const r = sheet.getRange('A1:A2');
    r.insertCheckboxes();
    expect(r.getValues()).toEqual([[false], [false]]);
    expect(String(r.getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
    expect(r.getDataValidation()?.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(r.isChecked()).toBe(false);
    sheet.getRange('A1').check();
    expect(r.isChecked()).toBeNull();
    r.check();
    expect(r.isChecked()).toBe(true);
    expect(r.getValues()).toEqual([[true], [true]]);
    r.uncheck();
    expect(r.getValues()).toEqual([[false], [false]]);
    expect(sheet.getRange('B1').isChecked()).toBeNull();
    r.removeCheckboxes();
    expect(r.getValues()).toEqual([[''], ['']]);
    expect(r.getDataValidation()).toBeNull();
  });

  it('insertCheckboxes with custom values', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    r.insertCheckboxes('oui', 'non');
    expect(r.getValue()).toBe('non');
    r.check();
    expect(r.getValue()).toBe('oui');
    expect(r.isChecked()).toBe(true);
  });
});

describe('sorting and copying', () => {
  it('sorts the range rows by a column, blanks last', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['b', 2],
      ['', 9],
      ['a', 1],
      ['C', 3],
    ]);
    sheet.getRange('A1:B4').sort(1);
    expect(sheet.getRange('A1:B4').getValues()).toEqual([
      ['a', 1],
      ['b', 2],
      ['C', 3],
      ['', 9],
    ]);
    sheet.getRange('A1:B4').sort({ column: 2, ascending: false });
    expect(sheet.getRange('B1:B4').getValues()).toEqual([[9], [3], [2], [1]]);
  });

  it('copyTo copies values, formulas (moved) and formats', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[2, '=A1*2']]);
    sheet.getRange('A1:B1').setBackground('#ffff00');
    sheet.getRange('A1:B1').copyTo(sheet.getRange('A3'));
    expect(sheet.getRange('A3:B3').getValues()).toEqual([[2, 4]]);
    expect(sheet.getRange('B3').getFormula()).toBe('=A3*2');
    expect(sheet.getRange('A3').getBackground()).toBe('#ffff00');
    sheet.getRange('A1:B1').copyTo(sheet.getRange('A5'), { contentsOnly: true });
    expect(sheet.getRange('A5').getBackground()).toBe('#ffffff');
  });
});

describe('range lists and instrumentation', () => {
  it('applies formats to every range of a RangeList', () => {
    const { sheet } = setup();
    sheet.getRangeList(['A1', 'C3:D4']).setBackground('#00ff00').setFontWeight('bold');
    expect(sheet.getRange('A1').getBackground()).toBe('#00ff00');
    expect(sheet.getRange('D4').getFontWeight()).toBe('bold');
    expect(sheet.getRange('B2').getBackground()).toBe('#ffffff');
  });

  it('counts every call made through the objects, chained ones included', () => {
    const { log, sheet } = setup();
    sheet.getRange('A1').setValue(1).setBackground('#000000').setFontWeight('bold');
    expect(log.snapshot()).toEqual({
      'Range.setBackground': 1,
      'Range.setFontWeight': 1,
      'Range.setValue': 1,
      'Sheet.getRange': 1,
    });
  });
});

describe('navigation and search', () => {
  it('getNextDataCell moves like Ctrl+arrow', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:A3').setValues([['ID'], ['S1'], ['S2']]);
    sheet.getRange('A6').setValue('S5');
    const { UP, DOWN, NEXT } = app.Direction;
    expect(sheet.getRange('A1000').getNextDataCell(UP).getA1Notation()).toBe('A6');
    expect(sheet.getRange('A1').getNextDataCell(DOWN).getA1Notation()).toBe('A3');
    expect(sheet.getRange('A3').getNextDataCell(DOWN).getA1Notation()).toBe('A6');
    expect(sheet.getRange('A6').getNextDataCell(DOWN).getA1Notation()).toBe('A1000');
    expect(sheet.getRange('A1').getNextDataCell(NEXT).getA1Notation()).toBe('Z1');
  });

  it('createTextFinder finds a stable ID in a column', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['ID', 'Élève'],
      ['S1', 'Dupont'],
      ['S12', 'Martin'],
      ['S123', 'Éric'],
    ]);
    const found = sheet.getRange('A:A').createTextFinder('S12').matchEntireCell(true).findNext();
    expect(found?.getA1Notation()).toBe('A3');
    expect(
      sheet
        .createTextFinder('S1')
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A2', 'A3', 'A4']);
    expect(sheet.createTextFinder('eric').ignoreDiacritics(true).findNext()?.getA1Notation()).toBe(
      'B4',
    );
    expect(sheet.createTextFinder('eric').findNext()).toBeNull();
    expect(sheet.createTextFinder('Dupont').replaceAllWith('Dupond')).toBe(1);
    expect(sheet.getRange('B2').getValue()).toBe('Dupond');
  });

  it('moveTo moves contents and formats, leaving the source empty', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:B1')
      .setValues([['x', 1]])
      .setBackground('#ff0000');
    sheet.getRange('A1:B1').moveTo(sheet.getRange('A3'));
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['', ''],
      ['', ''],
      ['x', 1],
    ]);
    expect([sheet.getRange('A1').getBackground(), sheet.getRange('A3').getBackground()]).toEqual([
      '#ffffff',
      '#ff0000',
    ]);
  });
});
