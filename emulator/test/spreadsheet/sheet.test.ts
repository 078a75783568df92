import { describe, expect, it } from 'vitest';
import { setup } from './fixture';

describe('Spreadsheet: sheets', () => {
  it('starts with one sheet; new sheets are 1000 x 26 and become active', () => {
    const { ss, svc } = setup();
    expect(svc.sheetNames()).toEqual(['Feuille 1', 'Stages']);
    const s = ss.insertSheet('Visites');
    expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([1000, 26]);
    expect(ss.getActiveSheet().getName()).toBe('Visites');
    expect(s.getIndex()).toBe(3);
    ss.insertSheet('Premier', 0);
    expect(svc.sheetNames()).toEqual(['Premier', 'Feuille 1', 'Stages', 'Visites']);
  });

  // Message observed in the Sheets UI / Apps Script for a duplicate name.
  it('refuses a duplicate sheet name with the real message', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('Stages')).toThrow(
      'A sheet with the name "Stages" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('stages')).toThrow('already exists');
    const other = ss.insertSheet('Autre');
    expect(() => other.setName('Stages')).toThrow('A sheet with the name "Stages" already exists.');
  });

  it('getSheetByName returns null for an unknown sheet', () => {
    const { ss } = setup();
    expect(ss.getSheetByName('Inconnue')).toBeNull();
    expect(ss.getSheetByName('Stages')?.getName()).toBe('Stages');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Feuille 1', 'Stages']);
  });

  it('deleteSheet, but never the last sheet', () => {
    const { ss, svc } = setup();
    ss.deleteSheet(ss.getSheetByName('Feuille 1') as GoogleAppsScript.Spreadsheet.Sheet);
    expect(svc.sheetNames()).toEqual(['Stages']);
    expect(() => ss.deleteSheet(ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet)).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  it('active sheet, ranges by sheet-qualified A1, id, url, time zone, locale', () => {
    const { ss, sheet } = setup();
    ss.setActiveSheet(ss.getSheetByName('Feuille 1') as GoogleAppsScript.Spreadsheet.Sheet);
    expect(ss.getActiveSheet().getName()).toBe('Feuille 1');
    sheet.getRange('B2').setValue('x');
    expect(ss.getRange('Stages!B2').getValue()).toBe('x');
    expect(ss.getRange('B2').getSheet().getName()).toBe('Feuille 1');
    expect(ss.getId()).toMatch(/^[\w-]{44}$/);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getName()).toBe('Suivi des stages');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    expect(ss.getSpreadsheetLocale()).toBe('fr_FR');
    expect(sheet.getParent().getId()).toBe(ss.getId());
    expect(sheet.getSheetId()).toBeGreaterThan(0);
  });

  it('named ranges', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('Classes', sheet.getRange('A2:A10'));
    expect(ss.getRangeByName('Classes')?.getA1Notation()).toBe('A2:A10');
    expect(ss.getRangeByName('Absent')).toBeNull();
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Classes']);
    sheet.insertRowsBefore(1, 2);
    expect(ss.getRangeByName('Classes')?.getA1Notation()).toBe('A4:A12');
    ss.removeNamedRange('Classes');
    expect(ss.getRangeByName('Classes')).toBeNull();
  });

  it('selection: the user selection set by the harness is what the add-on reads', () => {
    const { ss, svc, app } = setup();
    svc.setActiveRange('Stages', 'A3:D5');
    expect(ss.getActiveSheet().getName()).toBe('Stages');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('A3:D5');
    expect(app.getActiveRange().getA1Notation()).toBe('A3:D5');
    expect(ss.getCurrentCell()?.getA1Notation()).toBe('A3');
    expect(ss.getSelection().getActiveRange()?.getA1Notation()).toBe('A3:D5');
    expect(
      ss
        .getActiveRangeList()
        ?.getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A3:D5']);
    ss.setActiveSelection('B2');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('B2');
  });

  it('records toasts', () => {
    const { ss, svc } = setup();
    ss.toast('Stage arrêté', 'Suivi des stages', 5);
    ss.toast('Sans titre');
    expect(svc.ui.toasts).toEqual([
      { message: 'Stage arrêté', title: 'Suivi des stages' },
      { message: 'Sans titre', title: '' },
    ]);
  });
});

describe('Sheet: content extent', () => {
  it('getLastRow/getLastColumn are 0 on an empty sheet and follow content, not formats', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('Z999').setBackground('#ff0000');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C4').setValue('x');
    sheet.getRange('E2').setValue(0);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E4');
  });

  it('appendRow writes after the last row and grows the grid when full', () => {
    const { ss } = setup();
    const small = ss.insertSheet('Petit');
    small.deleteRows(3, 998);
    expect(small.getMaxRows()).toBe(2);
    small.appendRow(['a', '12', new Date('2024-09-01T22:00:00Z')]);
    small.appendRow(['b']);
    small.appendRow(['c']);
    expect(small.getMaxRows()).toBe(3);
    expect(small.getRange('A1:B3').getValues()).toEqual([
      ['a', 12],
      ['b', ''],
      ['c', ''],
    ]);
    expect(small.getRange('C1').getDisplayValue()).toBe('02/09/2024');
  });

  it('getSheetValues', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getSheetValues(1, 1, 2, 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getSheetValues(2, 1, -1, -1)).toEqual([[3, 4]]);
  });
});

describe('Sheet: rows and columns', () => {
  it('inserting rows shifts data, formats and validations; new rows take the format above', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:A3').setValues([['ID'], ['S1'], ['S2']]);
    sheet.getRange('A2:A3').setBackground('#eeeeee');
    sheet
      .getRange('B2')
      .setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
    sheet.insertRowsAfter(2, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['ID'], ['S1'], [''], [''], ['S2']]);
    expect(sheet.getRange('A3').getBackground()).toBe('#eeeeee');
    expect(sheet.getRange('A5').getBackground()).toBe('#eeeeee');
    expect(sheet.getRange('B2').getDataValidation()).not.toBeNull();
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('A2').getValue()).toBe('ID');
    sheet.insertRows(1);
    sheet.insertRowBefore(1).insertRowAfter(1);
    expect(sheet.getRange('A5').getValue()).toBe('ID');
  });

  it('deleting rows shifts data up and shrinks the grid', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A4').setValues([['a'], ['b'], ['c'], ['d']]);
    sheet.deleteRow(2);
    sheet.deleteRows(2, 1);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['a'], ['d']]);
    expect(sheet.getMaxRows()).toBe(998);
    expect(() => sheet.deleteRows(998, 2)).toThrow('Those rows are out of bounds.');
  });

  it('refuses to delete every non-frozen row', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('formulas follow inserted and deleted rows and columns', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('C1').setFormula('=SUM(A1:A3)');
    sheet.insertRowsBefore(2, 1);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(A1:A4)');
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('D1').getFormula()).toBe('=SUM(B1:B4)');
    expect(sheet.getRange('D1').getValue()).toBe(6);
    sheet.deleteColumn(1);
    sheet.deleteRows(2, 1);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(A1:A3)');
  });

  it('inserting and deleting columns', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.setColumnWidth(2, 250);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['a', '', '', 'b', 'c']]);
    expect(sheet.getColumnWidth(4)).toBe(250);
    sheet.deleteColumns(2, 2);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', 'b', 'c']]);
    sheet.insertColumnAfter(3);
    sheet.insertColumnBefore(1);
    sheet.insertColumns(1, 2);
    expect(sheet.getRange('D1').getValue()).toBe('a');
  });

  it('frozen rows/columns, widths, hidden columns and rows', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect(sheet.getColumnWidth(3)).toBe(100);
    sheet.setColumnWidths(3, 2, 40);
    expect([sheet.getColumnWidth(3), sheet.getColumnWidth(4), sheet.getColumnWidth(5)]).toEqual([
      40, 40, 100,
    ]);
    sheet.hideColumns(22, 5);
    expect(sheet.isColumnHiddenByUser(22)).toBe(true);
    expect(sheet.isColumnHiddenByUser(21)).toBe(false);
    sheet.showColumns(22);
    expect(sheet.isColumnHiddenByUser(22)).toBe(false);
    sheet.hideRows(5, 2);
    expect([
      sheet.isRowHiddenByUser(5),
      sheet.isRowHiddenByUser(6),
      sheet.isRowHiddenByUser(7),
    ]).toEqual([true, true, false]);
    sheet.showRows(5, 2);
    expect(sheet.isRowHiddenByUser(5)).toBe(false);
    sheet.hideColumn(sheet.getRange('B:B'));
    expect(sheet.isColumnHiddenByUser(2)).toBe(true);
    expect(() => sheet.hideColumns(27)).toThrow('Those columns are out of bounds.');
  });

  it('sort moves whole rows below the frozen rows', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.getRange('A1:C4').setValues([
      ['Nom', 'Début', 'Classe'],
      ['Martin', '03/09/2024', 'TB'],
      ['Dupont', '01/09/2024', 'TA'],
      ['Bernard', '02/09/2024', 'TC'],
    ]);
    sheet.getRange('A3').setBackground('#ff0000');
    sheet.sort(2);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([
      ['Nom'],
      ['Dupont'],
      ['Bernard'],
      ['Martin'],
    ]);
    expect(sheet.getRange('A2').getBackground()).toBe('#ff0000');
    sheet.sort(1, false);
    expect(sheet.getRange('A2:A4').getValues()).toEqual([['Martin'], ['Dupont'], ['Bernard']]);
  });

  it('clear, clearContents, clearFormats, tab colour, gridlines, rename, activate', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1').setValue('x').setBackground('#ff0000');
    sheet.clearContents();
    expect([sheet.getRange('A1').getValue(), sheet.getRange('A1').getBackground()]).toEqual([
      '',
      '#ff0000',
    ]);
    sheet.clearFormats();
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    sheet.getRange('A1').setValue('x').setBackground('#ff0000');
    sheet.clear();
    expect([sheet.getRange('A1').getValue(), sheet.getRange('A1').getBackground()]).toEqual([
      '',
      '#ffffff',
    ]);
    sheet.setTabColor('#ff9900').setHiddenGridlines(true);
    expect([sheet.getTabColor(), sheet.hasHiddenGridlines()]).toEqual(['#ff9900', true]);
    sheet.setName('Stages 2024');
    expect(ss.getSheetByName('Stages 2024')).not.toBeNull();
    ss.setActiveSheet(ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet);
    sheet.activate();
    expect(ss.getActiveSheet().getName()).toBe('Stages 2024');
  });

  it('a rename updates formulas that refer to the sheet', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1').setValue(5);
    const other = ss.insertSheet('Autre');
    other.getRange('A1').setFormula('=Stages!A1*2');
    sheet.setName('Stages 2024');
    expect(other.getRange('A1').getFormula()).toBe("='Stages 2024'!A1*2");
    expect(other.getRange('A1').getValue()).toBe(10);
  });
});

describe('protections', () => {
  it('protects ranges and sheets; descriptions, warning-only, editors, removal', () => {
    const { app, sheet } = setup();
    const p = sheet.getRange('A1:Z1').protect().setDescription('En-têtes').setWarningOnly(true);
    expect(p.getRange().getA1Notation()).toBe('A1:Z1');
    expect([p.getDescription(), p.isWarningOnly(), p.canEdit()]).toEqual(['En-têtes', true, true]);
    const sp = sheet.protect();
    sp.addEditor('prof@lycee.fr');
    expect(sp.getEditors().map((u) => u.getEmail())).toEqual(['ddfpt@lycee.fr', 'prof@lycee.fr']);
    sp.setUnprotectedRanges([sheet.getRange('B2:C10')]);
    expect(sp.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['B2:C10']);
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(String(sheet.getProtections(app.ProtectionType.SHEET)[0]?.getProtectionType())).toBe(
      'SHEET',
    );
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    // Protections do not stop the owner's script.
    sheet.getRange('B1').setValue('ok');
    expect(sheet.getRange('B1').getValue()).toBe('ok');
  });
});
