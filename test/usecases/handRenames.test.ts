/**
 * A name typed by hand in a reference sheet: the stages that show it follow (onEdit), as when the
 * sidebar renames; an edit that changes no name writes nothing and journals nothing.
 */
import { describe, expect, it } from 'vitest';
import { seededWorkbook, type Harness } from './harness';

/** Types `value` in the cell of `column` on the row of `id` in `sheetName`, then runs onEdit. */
function typeByHand(h: Harness, sheetName: string, id: string, column: string, value: string) {
  const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!;
  const [header = [], ...rows] = h.display(sheetName);
  const row = rows.findIndex((r) => r[0] === id) + 2;
  const cell = sheet.getRange(row, header.indexOf(column) + 1);
  cell.setValue(value);
  h.call('onEdit', { range: cell, source: sheet.getParent(), value });
}

const stageOf = (h: Harness, student: string) => h.stageRows().find((r) => r['Élève'] === student)!;

describe('a name typed by hand in a reference sheet', () => {
  it('a company renamed in « Entreprises »: its stages and tutors show the new name', () => {
    const h = seededWorkbook();
    const company = stageOf(h, 'ACAR Laurie')['Entreprise']!;
    const id = h.ids.companies[company]!;
    const journal = h.display('Journal').length;
    typeByHand(h, 'Entreprises', id, 'Raison sociale', 'CRÉDIT AGRICOLE NORD DE FRANCE');
    const shown = h.stageRows().filter((r) => r['Entreprise'] === 'CRÉDIT AGRICOLE NORD DE FRANCE');
    expect(shown.map((r) => r['Élève'])).toContain('ACAR Laurie');
    expect(h.stageRows().filter((r) => r['Entreprise'] === company)).toEqual([]);
    const [tHeader = [], ...tutors] = h.display('Tuteurs');
    const col = tHeader.indexOf('Entreprise');
    expect(tutors.filter((t) => t[col] === company)).toEqual([]);
    const lines = h.display('Journal').slice(journal);
    expect(lines.map((l) => l.slice(2, 4))).toEqual([
      ['Renommer (saisie à la main)', 'CRÉDIT AGRICOLE NORD DE FRANCE'],
    ]);
  });

  it('a tutor’s name: the « Libellé » of the Tuteurs row and the stages follow', () => {
    const h = seededWorkbook();
    const tutorId = h.ids.tutors['M. BONNET Frédéric']!;
    const before = h
      .stageRows()
      .filter((r) => r['Tuteur entreprise'] === 'M. BONNET Frédéric').length;
    expect(before).toBeGreaterThan(0);
    typeByHand(h, 'Tuteurs', tutorId, 'Nom', 'BONNET-DUVAL');
    expect(
      h.stageRows().filter((r) => r['Tuteur entreprise'] === 'M. BONNET-DUVAL Frédéric'),
    ).toHaveLength(before);
    const [header = [], ...rows] = h.display('Tuteurs');
    expect(rows.find((r) => r[0] === tutorId)![header.indexOf('Libellé')]).toBe(
      'M. BONNET-DUVAL Frédéric',
    );
  });

  it('a session’s title: its stages show it', () => {
    const h = seededWorkbook();
    typeByHand(h, 'Sessions', h.ids.sessionId, 'Intitulé', 'BTS SIO 1 – période 1');
    expect(new Set(h.stageRows().map((r) => r['Session']))).toEqual(
      new Set(['BTS SIO 1 – période 1']),
    );
  });

  it('a telephone number typed by hand changes no name: nothing written, nothing journalled', () => {
    const h = seededWorkbook();
    const id = h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN']!;
    const journal = h.display('Journal').length;
    const stages = h.stageRows();
    typeByHand(h, 'Entreprises', id, 'Téléphone', '03 27 00 00 00');
    expect(h.display('Journal')).toHaveLength(journal);
    expect(h.stageRows()).toEqual(stages);
  });
});

describe('a fault at every service call of a hand rename', () => {
  it('leaves the stages as they were, or renamed and journalled', () => {
    const h = seededWorkbook();
    const id = h.ids.companies[stageOf(h, 'ACAR Laurie')['Entreprise']!]!;
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Entreprises')!;
    const [header = [], ...rows] = h.display('Entreprises');
    const cell = sheet.getRange(
      rows.findIndex((r) => r[0] === id) + 2,
      header.indexOf('Raison sociale') + 1,
    );
    cell.setValue('CRÉDIT AGRICOLE NORD DE FRANCE');
    const picture = () => JSON.stringify(['Stages', 'Tuteurs', 'Journal'].map((s) => h.display(s)));
    const start = h.em.snapshot();
    const before = picture();
    const event = { range: cell, source: sheet.getParent(), value: '' };
    const edit = () => h.call('onEdit', event);
    h.em.log.reset();
    edit();
    // The calls of the trigger alone (reading the sheets below is the test's, not its).
    const calls = Object.entries(h.em.log.snapshot()).flatMap(([key, n]) =>
      Array.from({ length: n }, (_, i) => [key, i + 1] as const),
    );
    const done = picture();
    expect(done).not.toBe(before);
    expect(calls.length).toBeGreaterThan(10);
    let untouched = 0;
    for (const [key, nth] of calls) {
      h.em.restore(start);
      h.em.log.reset();
      h.em.log.failOn(key, nth, new Error('Service Spreadsheets failed'));
      try {
        edit();
      } catch (e) {
        throw new Error(`fault at ${key}#${nth}: onEdit threw ${String(e)}`, { cause: e });
      }
      h.em.log.reset();
      const after = picture();
      if (after === before) untouched += 1;
      else expect(after, `fault at ${key}#${nth}`).toBe(done);
    }
    expect(untouched).toBeGreaterThan(0);
  });
});
