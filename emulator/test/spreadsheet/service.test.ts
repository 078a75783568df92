import { describe, expect, it } from 'vitest';
import { setup } from './fixture';

describe('the service surface', () => {
  it('counts calls per "Service.method" on every kind of object handed out', () => {
    const { app, log, sheet } = setup();
    const rule = app.newDataValidation().requireCheckbox().build();
    sheet.getRange('A1').setDataValidation(rule);
    app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#000000')
      .build()
      .getBooleanCondition()
      ?.getBackground();
    const filter = sheet.getRange('A1:B2').createFilter();
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().whenCellEmpty().build());
    sheet.getRange('A1').protect().setDescription('x');
    app.newRichTextValue().setText('t').build().getText();
    app.getActiveSpreadsheet().getSelection().getActiveRange();
    app.getUi().createMenu('M').addItem('a', 'b').addToUi();
    expect(log.snapshot()).toMatchObject({
      'BooleanCondition.getBackground': 1,
      'ConditionalFormatRule.getBooleanCondition': 1,
      'ConditionalFormatRuleBuilder.build': 1,
      'ConditionalFormatRuleBuilder.setBackground': 1,
      'ConditionalFormatRuleBuilder.whenCellEmpty': 1,
      'DataValidationBuilder.build': 1,
      'DataValidationBuilder.requireCheckbox': 1,
      'Filter.setColumnFilterCriteria': 1,
      'FilterCriteriaBuilder.build': 1,
      'Menu.addItem': 1,
      'Menu.addToUi': 1,
      'Protection.setDescription': 1,
      'Range.createFilter': 1,
      'Range.protect': 1,
      'Range.setDataValidation': 1,
      'RichTextValue.getText': 1,
      'RichTextValueBuilder.setText': 1,
      'Selection.getActiveRange': 1,
      'SpreadsheetApp.getUi': 1,
      'SpreadsheetApp.newDataValidation': 1,
      'Spreadsheet.getSelection': 1,
      'Ui.createMenu': 1,
    });
  });

  it('lets injected faults fail the n-th call', () => {
    const { log, sheet } = setup();
    log.failOn('Range.setValues', 2, new Error('Service Spreadsheets timed out'));
    sheet.getRange('A1').setValues([[1]]);
    expect(() => sheet.getRange('A2').setValues([[2]])).toThrow('Service Spreadsheets timed out');
    expect(sheet.getRange('A2').getValue()).toBe('');
  });

  it('exposes the enums add-ons use, whose values print as their names', () => {
    const { app } = setup();
    expect(String(app.DataValidationCriteria.VALUE_IN_LIST)).toBe('VALUE_IN_LIST');
    expect(String(app.BooleanCriteria.CUSTOM_FORMULA)).toBe('CUSTOM_FORMULA');
    expect(String(app.ProtectionType.SHEET)).toBe('SHEET');
    expect(String(app.WrapStrategy.WRAP)).toBe('WRAP');
    expect(String(app.BorderStyle.SOLID_MEDIUM)).toBe('SOLID_MEDIUM');
    expect(String(app.Dimension.ROWS)).toBe('ROWS');
    expect(String(app.RelativeDate.TODAY)).toBe('TODAY');
    expect(String(app.AutoFillSeries.DEFAULT_SERIES)).toBe('DEFAULT_SERIES');
  });

  it('fails loudly on methods of the real interface it does not model', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:A2').removeDuplicates()).toThrow(
      'Range.removeDuplicates is not modelled by the spreadsheet emulator.',
    );
  });

  it('SpreadsheetApp: active objects, openById, flush', () => {
    const { app, ss } = setup();
    expect(app.getActive().getId()).toBe(ss.getId());
    expect(app.openById(ss.getId()).getName()).toBe('Suivi des stages');
    expect(app.openByUrl(ss.getUrl()).getId()).toBe(ss.getId());
    expect(app.getActiveSheet().getName()).toBe('Stages');
    expect(() => app.flush()).not.toThrow();
    expect(ss.getOwner()?.getEmail()).toBe('ddfpt@lycee.fr');
  });

  it('debug accessors read and write without counting', () => {
    const { log, svc } = setup();
    svc.debugSetValues('Stages', 'A1:B1', [['ID', '=1+1']]);
    expect(svc.debugGetValues('Stages', 'A1:B1')).toEqual([['ID', 2]]);
    expect(svc.debugGetDisplayValues('Stages', 'B1')).toEqual([['2']]);
    expect(log.total()).toBe(0);
  });
});
