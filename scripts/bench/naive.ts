/**
 * The naive baseline: how the same actions look when written the obvious way, one cell at a
 * time (getValue/setValue in loops). Same emulator, same counting: the bench shows the gap.
 */
import type { Emulator } from 'gas-emulator';
import { STAGES } from '../../src/sheets/schema';

const col = (key: string): number => STAGES.columns.findIndex((c) => c.key === key) + 1;

function stagesSheet(em: Emulator): GoogleAppsScript.Spreadsheet.Sheet {
  return em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(STAGES.name)!;
}

function findRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, id: string): number {
  const last = sheet.getLastRow();
  for (let r = 2; r <= last; r++) if (sheet.getRange(r, col('id')).getValue() === id) return r;
  return 0;
}

export const naive = {
  stop(em: Emulator, id: string, iso: string, reason: string): void {
    const sheet = stagesSheet(em);
    const row = findRow(sheet, id);
    const end = sheet.getRange(row, col('end')).getValue() as Date;
    const d = new Date(`${iso}T00:00:00+01:00`);
    sheet.getRange(row, col('originalEnd')).setValue(end);
    sheet.getRange(row, col('end')).setValue(d);
    sheet.getRange(row, col('stoppedOn')).setValue(d);
    sheet.getRange(row, col('stopReason')).setValue(reason);
    em.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Journal')!
      .appendRow(['stop', id]);
  },

  affect(em: Emulator, ids: string[], companyId: string, name: string): void {
    const sheet = stagesSheet(em);
    for (const id of ids) {
      const row = findRow(sheet, id);
      sheet.getRange(row, col('companyId')).setValue(companyId);
      sheet.getRange(row, col('company')).setValue(name);
    }
  },

  filter(em: Emulator, className: string): number {
    const sheet = stagesSheet(em);
    const last = sheet.getLastRow();
    let count = 0;
    for (let r = 2; r <= last; r++) {
      const cls = sheet.getRange(r, col('className')).getValue();
      const company = sheet.getRange(r, col('companyId')).getValue();
      if (cls === className && company !== '') count++;
    }
    return count;
  },

  assign(em: Emulator, studentIds: string[]): void {
    const sheet = stagesSheet(em);
    for (const id of studentIds)
      sheet.appendRow([
        `STG-N-${id}`,
        'BTS 1 info période 2',
        new Date(2023, 4, 2),
        new Date(2023, 4, 26),
        id,
      ]);
  },

  calendar(em: Emulator): void {
    const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Calendrier naïf') ?? ss.insertSheet('Calendrier naïf');
    for (let m = 1; m <= 12; m++) {
      for (let d = 1; d <= 31; d++) {
        const cell = sheet.getRange(d + 3, m);
        cell.setValue(`Lu. ${String(d).padStart(2, '0')}`);
        cell.setBackground(d % 7 === 0 ? '#eeeeee' : '#ffffff');
      }
    }
  },
};
