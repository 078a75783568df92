import { describe, expect, it } from 'vitest';
import { createEmulator } from 'gas-emulator';
import { sheetRef, stageRowFormula } from '../../src/sheets/rowFormulas';

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

describe('the Phase formula', () => {
  // Evaluated by the emulator's formula engine, in the en_US syntax setFormula takes.
  const letters = { id: 'A', start: 'C', end: 'D', stoppedOn: 'L' } as Record<string, string>;
  const columns = {
    stage: (k: string) => letters[k] ?? 'Z',
    visits: (k: string) => (k === 'stageId' ? 'B' : 'D'),
    absences: () => 'B',
  };

  function phases(rows: [string, string, string, string][]): unknown[] {
    const em = createEmulator({ now: new Date('2023-02-15T09:00:00+01:00') });
    const sheet = em.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Stages');
    rows.forEach(([id, start, end, stoppedOn], i) => {
      const row = i + 2;
      sheet.getRange(`A${row}`).setValue(id);
      sheet.getRange(`C${row}:D${row}`).setValues([[new Date(start), new Date(end)]]);
      if (stoppedOn) sheet.getRange(`L${row}`).setValue(new Date(stoppedOn));
      sheet.getRange(`K${row}`).setFormula(stageRowFormula('phase', row, columns)!);
    });
    return sheet
      .getRange(`K2:K${rows.length + 1}`)
      .getValues()
      .map((r) => r[0]);
  }

  it('says where a stage is, and "ID en double" on every row of an ID held twice', () => {
    expect(
      phases([
        ['STG-1', '2023-02-01', '2023-03-31', ''],
        ['STG-2', '2023-03-01', '2023-03-31', ''],
        ['STG-1', '2023-01-02', '2023-01-31', ''],
        ['STG-3', '2023-01-02', '2023-01-31', ''],
        ['STG-4', '2023-02-01', '2023-03-31', '2023-02-10'],
        ['', '2023-02-01', '2023-03-31', ''],
      ]),
    ).toEqual(['ID en double', 'À venir', 'ID en double', 'Effectué', 'Arrêté', '']);
  });
});
