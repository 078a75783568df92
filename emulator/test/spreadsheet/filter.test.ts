import { describe, expect, it } from 'vitest';
import { setup } from './fixture';

function fill(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
  sheet.getRange('A1:C5').setValues([
    ['Élève', 'Phase', 'Début'],
    ['Dupont', 'Arrêté', '02/09/2024'],
    ['Martin', 'En cours', '09/09/2024'],
    ['Durand', 'À venir', '16/09/2024'],
    ['Bernard', 'En cours', ''],
  ]);
}

// https://developers.google.com/apps-script/reference/spreadsheet/filter
describe('filters', () => {
  it('one per sheet: createFilter throws when the sheet already has one', () => {
    const { sheet } = setup();
    fill(sheet);
    expect(sheet.getFilter()).toBeNull();
    const filter = sheet.getRange('A1:C5').createFilter();
    expect(filter.getRange().getA1Notation()).toBe('A1:C5');
    expect(sheet.getFilter()?.getRange().getA1Notation()).toBe('A1:C5');
    expect(sheet.getRange('B2').getFilter()).not.toBeNull();
    // Message as reported by Apps Script users; not checked against the live service.
    expect(() => sheet.getRange('A1:B2').createFilter()).toThrow(
      "You can't create a filter in a sheet that already has a filter.",
    );
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
    sheet.getRange('A1:B2').createFilter();
  });

  it('hidden values hide data rows, never the header', () => {
    const { app, svc, sheet } = setup();
    fill(sheet);
    const filter = sheet.getRange('A1:C5').createFilter();
    filter.setColumnFilterCriteria(
      2,
      app.newFilterCriteria().setHiddenValues(['En cours', 'Phase']).build(),
    );
    expect([1, 2, 3, 4, 5].map((r) => sheet.isRowHiddenByFilter(r))).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
    expect(sheet.isRowHiddenByUser(3)).toBe(false);
    expect(svc.render('Stages').filteredRows).toEqual([3, 5]);
    expect(filter.getColumnFilterCriteria(2)?.getHiddenValues()).toEqual(['En cours', 'Phase']);
    expect(filter.getColumnFilterCriteria(1)).toBeNull();
    filter.removeColumnFilterCriteria(2);
    expect(sheet.isRowHiddenByFilter(3)).toBe(false);
  });

  it('conditions: text, dates, custom formula (relative to the first data row), empty cells', () => {
    const { app, sheet } = setup();
    fill(sheet);
    const filter = sheet.getRange('A1:C5').createFilter();
    const hidden = () => [2, 3, 4, 5].map((r) => sheet.isRowHiddenByFilter(r));
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().whenTextContains('ur').build());
    expect(hidden()).toEqual([true, true, false, true]);
    filter.setColumnFilterCriteria(
      1,
      app.newFilterCriteria().whenFormulaSatisfied('=$B2<>"Arrêté"').build(),
    );
    expect(hidden()).toEqual([true, false, false, false]);
    filter.removeColumnFilterCriteria(1);
    filter.setColumnFilterCriteria(
      3,
      app.newFilterCriteria().whenDateAfter(new Date('2024-09-04T22:00:00Z')).build(),
    );
    expect(hidden()).toEqual([true, false, false, true]);
    filter.setColumnFilterCriteria(3, app.newFilterCriteria().whenCellNotEmpty().build());
    expect(hidden()).toEqual([false, false, false, true]);
    const crit = filter.getColumnFilterCriteria(3);
    expect(crit?.getCriteriaType()).toBe(app.BooleanCriteria.CELL_NOT_EMPTY);
    // Filters follow the data: a value change re-evaluates them.
    sheet.getRange('C5').setValue('20/09/2024');
    expect(hidden()).toEqual([false, false, false, false]);
  });

  // FilterCriteriaBuilder.setVisibleValues is documented for pivot tables only; the emulator
  // refuses it on sheet filters so that the add-on uses setHiddenValues.
  it('refuses visible values on a sheet filter', () => {
    const { app, sheet } = setup();
    fill(sheet);
    const filter = sheet.getRange('A1:C5').createFilter();
    const crit = app.newFilterCriteria().setVisibleValues(['Arrêté']).build();
    expect(crit.getVisibleValues()).toEqual(['Arrêté']);
    expect(() => filter.setColumnFilterCriteria(2, crit)).toThrow(/setHiddenValues/);
  });

  it('sorts its data rows and moves with inserted columns', () => {
    const { app, sheet } = setup();
    fill(sheet);
    const filter = sheet.getRange('A1:C5').createFilter();
    filter.setColumnFilterCriteria(2, app.newFilterCriteria().setHiddenValues(['À venir']).build());
    filter.sort(1, true);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([
      ['Élève'],
      ['Bernard'],
      ['Dupont'],
      ['Durand'],
      ['Martin'],
    ]);
    sheet.insertColumnsBefore(1, 1);
    const moved = sheet.getFilter();
    expect(moved?.getRange().getA1Notation()).toBe('B1:D5');
    expect(moved?.getColumnFilterCriteria(3)?.getHiddenValues()).toEqual(['À venir']);
    expect(sheet.isRowHiddenByFilter(4)).toBe(true);
  });
});
