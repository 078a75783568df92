/**
 * Developer metadata. Sources: the Apps Script reference (Range, Sheet, Spreadsheet,
 * DeveloperMetadata, DeveloperMetadataFinder, DeveloperMetadataLocation) and the Sheets API
 * reference of the DeveloperMetadata resource: metadata belongs to the spreadsheet, a sheet, or
 * whole rows or columns, "remains associated at those locations as they move around", and "if
 * the associated object is deleted then its metadata is deleted too". The refusal message for
 * other ranges, the DOCUMENT default visibility and the exact (not intersecting) match of
 * Range.getDeveloperMetadata come from a community test suite run against the live service
 * (gas-fakes); not confirmed here against the live service.
 */
import { describe, expect, it } from 'vitest';
import { isRoundTrip } from '../../src/instrument';
import { setup } from './fixture';

const ARBITRARY =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata ' +
  'may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

function columnOf(m: GoogleAppsScript.Spreadsheet.DeveloperMetadata): string | undefined {
  return m.getLocation().getColumn()?.getA1Notation();
}

describe('Spreadsheet: developer metadata', () => {
  it('tags a whole column: key, value, default DOCUMENT visibility, COLUMN location', () => {
    const { app, sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('sds.column', 'end');
    sheet.getRange('D:D').addDeveloperMetadata('tag');
    const [m] = sheet.getRange('C:C').getDeveloperMetadata();
    expect(m?.getKey()).toBe('sds.column');
    expect(m?.getValue()).toBe('end');
    expect(m?.getVisibility()).toBe(app.DeveloperMetadataVisibility.DOCUMENT);
    expect(m?.getLocation().getLocationType()).toBe(app.DeveloperMetadataLocationType.COLUMN);
    expect(columnOf(m!)).toBe('C:C');
    expect(m?.getLocation().getRow()).toBeNull();
    expect(m?.getLocation().getSheet()).toBeNull();
    expect(sheet.getRange('D:D').getDeveloperMetadata()[0]?.getValue()).toBeNull();
    expect(m?.getId()).toBeGreaterThan(0);
    // A whole column given by numbers is the same location.
    expect(sheet.getRange(1, 3, sheet.getMaxRows(), 1).getDeveloperMetadata()).toHaveLength(1);
  });

  it('takes a visibility as the second or third argument', () => {
    const { app, sheet } = setup();
    const PROJECT = app.DeveloperMetadataVisibility.PROJECT;
    sheet.getRange('A:A').addDeveloperMetadata('k', PROJECT);
    sheet.getRange('B:B').addDeveloperMetadata('k', 'v', PROJECT);
    const a = sheet.getRange('A:A').getDeveloperMetadata()[0];
    const b = sheet.getRange('B:B').getDeveloperMetadata()[0];
    expect([a?.getValue(), String(a?.getVisibility())]).toEqual([null, 'PROJECT']);
    expect([b?.getValue(), String(b?.getVisibility())]).toEqual(['v', 'PROJECT']);
  });

  it('refuses cells and partial rows or columns with the real message', () => {
    const { sheet } = setup();
    for (const a1 of ['A1', 'B2:D4', 'F2:F5', 'B6:D6', 'C1'])
      expect(() => sheet.getRange(a1).addDeveloperMetadata('k', 'v')).toThrow(ARBITRARY);
    expect(sheet.createDeveloperMetadataFinder().find()).toHaveLength(0);
  });

  it('tags a whole row, the sheet and the spreadsheet; getDeveloperMetadata is exact', () => {
    const { app, ss, sheet } = setup();
    sheet.getRange('3:3').addDeveloperMetadata('row');
    sheet.addDeveloperMetadata('sheet', 'S');
    ss.addDeveloperMetadata('book', 'B');
    expect(
      sheet.getRange('3:3').getDeveloperMetadata()[0]?.getLocation().getRow()?.getA1Notation(),
    ).toBe('3:3');
    // A cell of a tagged row or column does not carry the row's metadata.
    expect(sheet.getRange('C3').getDeveloperMetadata()).toHaveLength(0);
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['sheet']);
    expect(sheet.getDeveloperMetadata()[0]?.getLocation().getSheet()?.getName()).toBe('Stages');
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['book']);
    expect(String(ss.getDeveloperMetadata()[0]?.getLocation().getLocationType())).toBe(
      'SPREADSHEET',
    );
    expect(ss.getDeveloperMetadata()[0]?.getLocation().getSpreadsheet()?.getName()).toBe(
      ss.getName(),
    );
    expect(app.DeveloperMetadataLocationType.ROW).toBe('ROW');
  });

  it('finds by key, value, id, location type and visibility, in the scope asked', () => {
    const { app, ss, sheet } = setup();
    const other = ss.insertSheet('Visites');
    sheet.getRange('B:B').addDeveloperMetadata('sds.column', 'session');
    sheet
      .getRange('C:C')
      .addDeveloperMetadata('sds.column', 'start', app.DeveloperMetadataVisibility.PROJECT);
    sheet.getRange('5:5').addDeveloperMetadata('mark');
    sheet.addDeveloperMetadata('sds.sheet');
    other.getRange('A:A').addDeveloperMetadata('sds.column', 'id');
    ss.addDeveloperMetadata('book');
    const keys = (ms: GoogleAppsScript.Spreadsheet.DeveloperMetadata[]) =>
      ms.map((m) => `${m.getKey()}=${m.getValue() ?? ''}`).sort();
    // A sheet's scope: the sheet itself and its rows and columns, not the other sheets.
    expect(keys(sheet.createDeveloperMetadataFinder().find())).toEqual([
      'mark=',
      'sds.column=session',
      'sds.column=start',
      'sds.sheet=',
    ]);
    expect(keys(sheet.createDeveloperMetadataFinder().withKey('sds.column').find())).toEqual([
      'sds.column=session',
      'sds.column=start',
    ]);
    expect(keys(ss.createDeveloperMetadataFinder().withKey('sds.column').find())).toHaveLength(3);
    expect(keys(ss.createDeveloperMetadataFinder().find())).toHaveLength(6);
    const finder = ss.createDeveloperMetadataFinder();
    expect(keys(finder.withKey('sds.column').withValue('start').find())).toEqual([
      'sds.column=start',
    ]);
    expect(
      keys(
        ss
          .createDeveloperMetadataFinder()
          .withVisibility(app.DeveloperMetadataVisibility.PROJECT)
          .find(),
      ),
    ).toEqual(['sds.column=start']);
    expect(
      keys(
        ss
          .createDeveloperMetadataFinder()
          .withLocationType(app.DeveloperMetadataLocationType.ROW)
          .find(),
      ),
    ).toEqual(['mark=']);
    const id = sheet.getRange('B:B').getDeveloperMetadata()[0]!.getId();
    expect(keys(ss.createDeveloperMetadataFinder().withId(id).find())).toEqual([
      'sds.column=session',
    ]);
    // A range's scope: metadata wholly inside it, or intersecting it when asked.
    expect(keys(sheet.getRange('1:5').createDeveloperMetadataFinder().find())).toEqual(['mark=']);
    expect(keys(sheet.getRange('A1:D5').createDeveloperMetadataFinder().find())).toEqual([]);
    expect(
      keys(
        sheet.getRange('A1:D5').createDeveloperMetadataFinder().onIntersectingLocations().find(),
      ),
    ).toEqual(['mark=', 'sds.column=session', 'sds.column=start']);
  });

  it('follows its column through insertions and deletions, and goes with it', () => {
    const { sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('k', 'c');
    sheet.getRange('E:E').addDeveloperMetadata('k', 'e');
    const where = () =>
      sheet
        .createDeveloperMetadataFinder()
        .withKey('k')
        .find()
        .map((m) => `${m.getValue()}@${columnOf(m)}`)
        .sort();
    sheet.insertColumnsBefore(1, 2);
    expect(where()).toEqual(['c@E:E', 'e@G:G']);
    sheet.insertColumnAfter(7);
    expect(where()).toEqual(['c@E:E', 'e@G:G']);
    sheet.deleteColumns(1, 1);
    expect(where()).toEqual(['c@D:D', 'e@F:F']);
    sheet.deleteColumn(4);
    expect(where()).toEqual(['e@E:E']);
  });

  it('follows its row through insertions and deletions', () => {
    const { sheet } = setup();
    sheet.getRange('4:4').addDeveloperMetadata('k');
    const row = () =>
      sheet.createDeveloperMetadataFinder().find()[0]?.getLocation().getRow()?.getA1Notation();
    sheet.insertRowsBefore(2, 3);
    expect(row()).toBe('7:7');
    sheet.deleteRows(1, 2);
    expect(row()).toBe('5:5');
    sheet.deleteRow(5);
    expect(sheet.createDeveloperMetadataFinder().find()).toHaveLength(0);
  });

  it('stays on its column when the header is renamed or the column moved', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([['ID', 'Session', 'Début', 'Fin']]);
    sheet.getRange('A2:D2').setValues([['STG-1', 'BTS', 'x', 'y']]);
    sheet.getRange('D:D').addDeveloperMetadata('sds.column', 'end');
    sheet.getRange('D1').setValue('Date de fin');
    const tag = () => sheet.createDeveloperMetadataFinder().withValue('end').find()[0]!;
    expect(columnOf(tag())).toBe('D:D');
    // Moving D before B: the column, its cells and its tag become B; B and C shift right.
    sheet.moveColumns(sheet.getRange('D1'), 2);
    expect(columnOf(tag())).toBe('B:B');
    expect(sheet.getRange('A1:D2').getValues()).toEqual([
      ['ID', 'Date de fin', 'Session', 'Début'],
      ['STG-1', 'y', 'BTS', 'x'],
    ]);
    // Moving it back to the end: destination counted before the move.
    sheet.moveColumns(sheet.getRange('B:B'), 5);
    expect(columnOf(tag())).toBe('D:D');
    expect(sheet.getRange('A1:D1').getValues()[0]).toEqual([
      'ID',
      'Session',
      'Début',
      'Date de fin',
    ]);
  });

  it('moves formulas and widths with moved columns, and references follow the cells', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1, 2, 3]]);
    sheet.getRange('E1').setFormula('=C1*10');
    sheet.getRange('F1').setFormula('=SUM($A$1:$A$1)+B1');
    sheet.setColumnWidth(3, 42);
    sheet.moveColumns(sheet.getRange('C:C'), 1);
    expect(sheet.getRange('A1:C1').getValues()[0]).toEqual([3, 1, 2]);
    expect(sheet.getColumnWidth(1)).toBe(42);
    expect(sheet.getRange('E1').getFormula()).toBe('=A1*10');
    expect(sheet.getRange('F1').getFormula()).toBe('=SUM($B$1:$B$1)+C1');
    expect(sheet.getRange('E1:F1').getValues()[0]).toEqual([30, 3]);
  });

  it('changes, moves and removes metadata', () => {
    const { ss, sheet } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('k', 'v');
    const m = sheet.getRange('B:B').getDeveloperMetadata()[0]!;
    m.setValue('w').setKey('k2');
    expect([m.getKey(), m.getValue()]).toEqual(['k2', 'w']);
    m.moveToColumn(sheet.getRange('F:F'));
    expect(columnOf(sheet.createDeveloperMetadataFinder().find()[0]!)).toBe('F:F');
    m.moveToRow(sheet.getRange('2:2'));
    expect(sheet.getRange('2:2').getDeveloperMetadata()).toHaveLength(1);
    m.moveToSheet(sheet);
    expect(sheet.getDeveloperMetadata()).toHaveLength(1);
    m.moveToSpreadsheet();
    expect(ss.getDeveloperMetadata()).toHaveLength(1);
    m.remove();
    expect(ss.createDeveloperMetadataFinder().find()).toHaveLength(0);
  });

  it('goes with its sheet when the sheet is deleted', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A:A').addDeveloperMetadata('k');
    ss.addDeveloperMetadata('book');
    ss.deleteSheet(sheet);
    expect(
      ss
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey()),
    ).toEqual(['book']);
  });

  it('is kept by a snapshot, and new ids never repeat after a restore', () => {
    const { svc, sheet } = setup();
    sheet.getRange('A:A').addDeveloperMetadata('k', 'a');
    const snap = svc.snapshot();
    const first = sheet.getRange('A:A').getDeveloperMetadata()[0]!.getId();
    svc.restore(snap);
    const s = svc.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    expect(s.getRange('A:A').getDeveloperMetadata()[0]?.getValue()).toBe('a');
    s.getRange('B:B').addDeveloperMetadata('k', 'b');
    expect(s.getRange('B:B').getDeveloperMetadata()[0]!.getId()).not.toBe(first);
  });

  it('counts adding, finding and changing as data calls; reading a found one is not', () => {
    const { log, sheet } = setup();
    sheet.getRange('A:A').addDeveloperMetadata('k', 'a');
    const [m] = sheet.createDeveloperMetadataFinder().withKey('k').find();
    m!.getValue();
    m!.getLocation().getColumn();
    m!.setValue('b');
    expect(log.count('Range.addDeveloperMetadata')).toBe(1);
    expect(log.count('DeveloperMetadataFinder.find')).toBe(1);
    expect(isRoundTrip('Range.addDeveloperMetadata')).toBe(true);
    expect(isRoundTrip('DeveloperMetadataFinder.find')).toBe(true);
    expect(isRoundTrip('DeveloperMetadata.setValue')).toBe(true);
    expect(isRoundTrip('Sheet.moveColumns')).toBe(true);
    expect(isRoundTrip('DeveloperMetadata.getValue')).toBe(false);
    expect(isRoundTrip('DeveloperMetadataLocation.getColumn')).toBe(false);
    expect(isRoundTrip('DeveloperMetadataFinder.withKey')).toBe(false);
  });
});
