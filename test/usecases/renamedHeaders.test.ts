/**
 * Columns recognised by their developer metadata when a header is renamed or moved by hand;
 * "Initialiser le classeur" restores the title, never adds an empty twin.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult, StageSelection, StageView } from '../../src/api/contract';
import { type Harness, seededWorkbook } from './harness';

function sheetOf(h: Harness, name: string) {
  return h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
}

/** The fiche of a stage; `idColumn` when someone moved the ID column from A. */
function fiche(h: Harness, label: string, idColumn = 'A'): StageView {
  const ids = sheetOf(h, 'Stages').getRange(`${idColumn}:${idColumn}`).getValues();
  h.select(ids.findIndex((r) => r[0] === h.ids.stages[label]) + 1);
  return h.call<StageSelection>('apiGetSelection').stage!;
}

function stop(h: Harness, stage: StageView, hint: Record<string, unknown> = {}) {
  return h.call<ApiResult<StageView>>('apiStopStage', {
    stageId: stage.id,
    fingerprint: stage.fingerprint,
    stoppedOn: '27/02/2023',
    reason: 'Rupture',
    ...hint,
  });
}

describe('a header renamed or moved by hand', () => {
  it('actions still read the column; "Initialiser" restores its title, no empty twin', () => {
    const h = seededWorkbook();
    const sheet = sheetOf(h, 'Stages');
    const width = sheet.getLastColumn();
    sheet.getRange('D1').setValue('Date de fin');
    const stage = fiche(h, 'ACAR Laurie');
    expect(stage.end).toBe('2023-03-31');
    const r = stop(h, stage, { row: stage.row });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.end).toBe('2023-02-27');
    h.call('menuInitWorkbook');
    expect(sheet.getLastColumn()).toBe(width);
    expect(sheet.getRange('D1').getValue()).toBe('Fin');
    expect(h.em.sheets.ui.toasts.at(-1)!.message).toMatch(/titre rétabli : Stages « Fin »/);
    const laurie = h.stageRows().find((x) => x['Élève'] === 'ACAR Laurie')!;
    expect([laurie['Fin'], laurie['Phase']]).toEqual(['27/02/2023', 'Arrêté']);
  });

  it('a moved and renamed column is found where it went, and repaired there', () => {
    const h = seededWorkbook();
    const sheet = sheetOf(h, 'Stages');
    const width = sheet.getLastColumn();
    // "Fin" (D) dragged to the front, then renamed.
    sheet.moveColumns(sheet.getRange('D:D'), 1);
    sheet.getRange('A1').setValue('Fin prévue');
    const stage = fiche(h, 'ACAR Laurie', 'B');
    expect([stage.start, stage.end]).toEqual(['2023-02-01', '2023-03-31']);
    h.call('menuInitWorkbook');
    expect(sheet.getLastColumn()).toBe(width);
    expect(sheet.getRange('A1').getValue()).toBe('Fin');
    const laurie = h.stageRows().find((x) => x['Élève'] === 'ACAR Laurie')!;
    expect([laurie['Début'], laurie['Fin'], laurie['Phase']]).toEqual([
      '01/02/2023',
      '31/03/2023',
      'En cours',
    ]);
  });

  it('a column of the user’s own with an add-on header does not take the add-on’s place', () => {
    const h = seededWorkbook();
    const sheet = sheetOf(h, 'Stages');
    sheet.insertColumnBefore(1);
    sheet.getRange('A1').setValue('Fin');
    sheet.getRange('A2:A30').setValue('n’importe quoi');
    const stage = fiche(h, 'ACAR Laurie', 'B');
    expect(stage.end).toBe('2023-03-31');
  });

  it('costs nothing more while the headers are right', () => {
    const h = seededWorkbook();
    const stage = fiche(h, 'ACAR Laurie');
    h.em.log.reset();
    stop(h, stage, { row: stage.row });
    expect(h.em.log.count('DeveloperMetadataFinder.find')).toBe(0);
  });

  it('the other add-on sheets too: a renamed Visites header is restored, not doubled', () => {
    const h = seededWorkbook();
    const visits = sheetOf(h, 'Visites');
    const width = visits.getLastColumn();
    visits.getRange('D1').setValue('Jour de la visite');
    h.call('menuInitWorkbook');
    expect(visits.getLastColumn()).toBe(width);
    expect(visits.getRange('D1').getValue()).toBe('Date');
  });

  it('a workbook initialised before the tags existed is tagged by its headers', () => {
    const h = seededWorkbook();
    const ss = h.em.globals.SpreadsheetApp.getActiveSpreadsheet();
    for (const m of ss.createDeveloperMetadataFinder().find()) m.remove();
    h.call('menuInitWorkbook');
    const tags = sheetOf(h, 'Stages').createDeveloperMetadataFinder().find();
    expect(tags.map((m) => m.getValue())).toContain('end');
    sheetOf(h, 'Stages').getRange('D1').setValue('Date de fin');
    expect(fiche(h, 'ACAR Laurie').end).toBe('2023-03-31');
  });
});

describe('"Initialiser le classeur" trusts the tags over the titles', () => {
  it('two titles swapped by hand go back to their own columns', () => {
    const h = seededWorkbook();
    const sheet = sheetOf(h, 'Stages');
    const width = sheet.getLastColumn();
    sheet.getRange('C1:D1').setValues([['Fin', 'Début']]);
    h.call('menuInitWorkbook');
    expect(sheet.getLastColumn()).toBe(width);
    expect(sheet.getRange('C1:D1').getValues()[0]).toEqual(['Début', 'Fin']);
    expect(h.em.sheets.ui.toasts.at(-1)!.message).toMatch(
      /titres rétablis : Stages « Début », Stages « Fin »/,
    );
  });

  it('an emptied title stops the actions with a French message until it is put back', () => {
    const h = seededWorkbook();
    const sheet = sheetOf(h, 'Stages');
    const stage = fiche(h, 'ACAR Laurie');
    sheet.getRange('D1').setValue('');
    const r = stop(h, stage, { row: stage.row });
    expect(r).toEqual({
      ok: false,
      error:
        "La feuille « Stages » n'a pas la colonne « Fin ». Utilisez Extensions › Suivi des " +
        'stages › Initialiser le classeur pour la réparer.',
    });
    h.call('menuInitWorkbook');
    expect(sheet.getRange('D1').getValue()).toBe('Fin');
    expect(stop(h, stage, { row: stage.row }).ok).toBe(true);
  });
});
