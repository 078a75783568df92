import { describe, expect, it } from 'vitest';
import { setup } from './fixture';

function build() {
  const ctx = setup();
  const { app, ss, sheet } = ctx;
  sheet.getRange('A1:D3').setValues([
    ['ID', 'Élève', 'Début', 'Fin'],
    ['S1', 'Dupont', '02/09/2024', '=C2+27'],
    ['S2', "'=pas une formule", new Date('2024-09-08T22:00:00Z'), ''],
  ]);
  sheet.getRange('D2').setNumberFormat('dd/MM/yyyy');
  sheet.getRange('A1:D1').setBackground('#1f4e78').setFontColor('#ffffff').setFontWeight('bold');
  sheet.getRange('B2').setNote('Note');
  const list = app
    .newDataValidation()
    .requireValueInList(['TA', 'TB'])
    .setAllowInvalid(false)
    .build();
  sheet.getRange('E2:E500').setDataValidation(list);
  sheet.getRange('F2:F3').insertCheckboxes();
  sheet.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$B2="Dupont"')
      .setBackground('#f4cccc')
      .setRanges([sheet.getRange('A2:F500')])
      .build(),
  ]);
  sheet
    .getRange('A1:F3')
    .createFilter()
    .setColumnFilterCriteria(2, app.newFilterCriteria().setHiddenValues(['X']).build());
  sheet.getRange('A1:F1').protect().setDescription('En-têtes').setWarningOnly(true);
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(2, 220);
  sheet.hideColumns(6);
  sheet
    .getRange('G2')
    .setRichTextValue(app.newRichTextValue().setText('Convention').setLinkUrl('https://x').build());
  ss.setNamedRange('Eleves', sheet.getRange('B2:B500'));
  ctx.svc.setActiveRange('Stages', 'B2:C3');
  return ctx;
}

describe('snapshot / restore', () => {
  it('round-trips everything through JSON', () => {
    const a = build();
    const json = JSON.stringify(a.svc.snapshot());
    const b = setup();
    b.svc.restore(JSON.parse(json));
    expect(b.svc.sheetNames()).toEqual(a.svc.sheetNames());
    expect(b.svc.render('Stages')).toEqual(a.svc.render('Stages'));
    expect(b.svc.debugGetValues('Stages', 'A1:G3')).toEqual(
      a.svc.debugGetValues('Stages', 'A1:G3'),
    );
    const sheet = b.ss.getSheetByName('Stages') as GoogleAppsScript.Spreadsheet.Sheet;
    expect(sheet.getRange('A1:D3').getFormulas()).toEqual(a.sheet.getRange('A1:D3').getFormulas());
    expect(sheet.getRange('E300').getDataValidation()?.getCriteriaValues()).toEqual([
      ['TA', 'TB'],
      true,
    ]);
    expect(sheet.getRange('E300').getDataValidation()?.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('B2').getNote()).toBe('Note');
    expect(sheet.getRange('G2').getRichTextValue()?.getLinkUrl()).toBe('https://x');
    expect(sheet.getProtections(b.app.ProtectionType.RANGE)[0]?.getDescription()).toBe('En-têtes');
    expect(sheet.getFilter()?.getColumnFilterCriteria(2)?.getHiddenValues()).toEqual(['X']);
    expect(b.ss.getRangeByName('Eleves')?.getA1Notation()).toBe('B2:B500');
    expect(b.ss.getActiveSheet().getName()).toBe('Stages');
    expect(b.ss.getActiveRange()?.getA1Notation()).toBe('B2:C3');
    expect(b.ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    expect(JSON.stringify(b.svc.snapshot())).toBe(json);
  });

  it('is a copy: later changes do not alter a snapshot taken before', () => {
    const a = build();
    const snap = a.svc.snapshot();
    const before = JSON.stringify(snap);
    a.sheet.getRange('A2').setValue('changed');
    a.sheet.getRange('E2').getDataValidation();
    expect(JSON.stringify(snap)).toBe(before);
    a.svc.restore(snap);
    expect(a.svc.debugGetValues('Stages', 'A2')).toEqual([['S1']]);
  });

  it('keeps one shared validation rule per rule, not one per cell', () => {
    const a = build();
    const snap = a.svc.snapshot();
    expect(snap.validations).toHaveLength(2);
  });
});
