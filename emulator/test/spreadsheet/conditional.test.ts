import { describe, expect, it } from 'vitest';
import { setup } from './fixture';

describe('conditional format rules', () => {
  it('are built, set (replacing all) and read back', () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Arrêté')
      .setBackground('#F4CCCC')
      .setFontColor('#990000')
      .setBold(true)
      .setRanges([sheet.getRange('K2:K1000')])
      .build();
    sheet.setConditionalFormatRules([rule, rule]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    sheet.setConditionalFormatRules([rule]);
    const [back] = sheet.getConditionalFormatRules();
    const cond = back?.getBooleanCondition();
    expect(cond?.getCriteriaType()).toBe(app.BooleanCriteria.TEXT_EQUAL_TO);
    expect(cond?.getCriteriaValues()).toEqual(['Arrêté']);
    expect([
      cond?.getBackground(),
      cond?.getFontColor(),
      cond?.getBold(),
      cond?.getItalic(),
    ]).toEqual(['#f4cccc', '#990000', true, null]);
    expect(back?.getRanges().map((r) => r.getA1Notation())).toEqual(['K2:K1000']);
    const copy = back?.copy().setBackground('#00ff00').build();
    expect(copy?.getBooleanCondition()?.getBackground()).toBe('#00ff00');
  });

  it('apply to the rendering: custom formulas shift their relative references over the range', () => {
    const { app, svc, sheet } = setup();
    sheet.getRange('A1:C4').setValues([
      ['Élève', 'Phase', 'Note'],
      ['Dupont', 'Arrêté', 12],
      ['Martin', 'En cours', 8],
      ['Durand', 'Arrêté', ''],
    ]);
    const stopped = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$B2="Arrêté"')
      .setBackground('#f4cccc')
      .setFontColor('#cc0000')
      .setRanges([sheet.getRange('A2:C1000')])
      .build();
    const low = app
      .newConditionalFormatRule()
      .whenNumberLessThan(10)
      .setBold(true)
      .setBackground('#ffff00')
      .setRanges([sheet.getRange('C2:C1000')])
      .build();
    sheet.setConditionalFormatRules([stopped, low]);
    const { cells } = svc.render('Stages');
    const bg = cells.map((row) => row.map((c) => c.background));
    expect(bg).toEqual([
      ['#ffffff', '#ffffff', '#ffffff'],
      ['#f4cccc', '#f4cccc', '#f4cccc'],
      ['#ffffff', '#ffffff', '#ffff00'],
      ['#f4cccc', '#f4cccc', '#f4cccc'],
    ]);
    expect(cells[1]?.[0]?.color).toBe('#cc0000');
    expect(cells[2]?.[2]?.bold).toBe(true);
    // The first matching rule wins: C4 is stopped (rule 1) though empty is not < 10 anyway.
    expect(cells[3]?.[2]?.bold).toBe(false);
  });

  it('empty / not empty, text contains, dates relative to today', () => {
    const { app, svc, sheet } = setup();
    sheet.getRange('A1:A3').setValues([['x'], [''], ['abc']]);
    sheet.getRange('B1:B3').setValues([['01/09/2024'], ['10/09/2024'], ['20/09/2024']]);
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#cccccc')
        .setRanges([sheet.getRange('A1:A3')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenTextContains('B')
        .setBackground('#0000ff')
        .setRanges([sheet.getRange('A1:A3')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenDateBefore(app.RelativeDate.TODAY)
        .setBackground('#00ff00')
        .setRanges([sheet.getRange('B1:B3')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenDateAfter(new Date('2024-09-14T22:00:00Z'))
        .setBackground('#ff0000')
        .setRanges([sheet.getRange('B1:B3')])
        .build(),
    ]);
    const bg = svc.render('Stages').cells.map((row) => row.map((c) => c.background));
    expect(bg).toEqual([
      ['#ffffff', '#00ff00'],
      ['#cccccc', '#ffffff'],
      ['#0000ff', '#ff0000'],
    ]);
  });

  it('follow inserted and deleted rows, formulas included', () => {
    const { app, svc, sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      ['Élève', 'Phase'],
      ['Dupont', 'Arrêté'],
      ['Martin', 'En cours'],
    ]);
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$B2="Arrêté"')
        .setBackground('#f4cccc')
        .setRanges([sheet.getRange('A2:B1000')])
        .build(),
    ]);
    sheet.insertRowsBefore(1, 1);
    let rule = sheet.getConditionalFormatRules()[0];
    expect(rule?.getRanges()[0]?.getA1Notation()).toBe('A3:B1001');
    expect(rule?.getBooleanCondition()?.getCriteriaValues()).toEqual(['=$B3="Arrêté"']);
    expect(svc.render('Stages').cells[2]?.[0]?.background).toBe('#f4cccc');
    sheet.deleteRow(3);
    rule = sheet.getConditionalFormatRules()[0];
    expect(rule?.getRanges()[0]?.getA1Notation()).toBe('A3:B1000');
    expect(rule?.getBooleanCondition()?.getCriteriaValues()).toEqual(['=$B3="Arrêté"']);
    const cells = svc.render('Stages').cells;
    expect(cells[2]?.[0]?.text).toBe('Martin');
    expect(cells[2]?.[0]?.background).toBe('#ffffff');
  });
});
