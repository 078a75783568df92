/**
 * An older workbook (issue 10's register, Stages without « Suivi des documents ») gains the
 * columns of a document's life from "Initialiser le classeur", after its last column, its rows
 * untouched.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from 'gas-emulator';
import { loadBundleFromDist } from 'gas-emulator/bundle';
import { DOCUMENTS, STAGES } from '../../../src/sheets/schema';
import { DIST } from '../harness';

const LIFE_HEADERS = [
  'Envoyée le',
  'Signée stagiaire le',
  'Signée entreprise le',
  'Signée établissement le',
  'Exemplaire entreprise remis le',
  'Exemplaire stagiaire remis le',
  'Exemplaire référent gardé le',
  'Annulée le',
  'Relancée le',
  'Copie signée',
  'Régularisée le',
];

describe('the columns of a document’s life', () => {
  it('come right after « Statut » in a new workbook', () => {
    const headers = DOCUMENTS.columns.map((c) => c.header);
    const at = headers.indexOf('Statut') + 1;
    expect(headers.slice(at, at + LIFE_HEADERS.length)).toEqual(LIFE_HEADERS);
  });

  it('are added to an older register by "Initialiser le classeur", its rows kept', () => {
    const em = createEmulator({ now: new Date('2023-02-15T09:00:00+01:00') });
    const bundle = loadBundleFromDist(DIST, em);
    const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
    const old = ss.insertSheet('Documents');
    const oldHeaders = DOCUMENTS.columns
      .map((c) => c.header)
      .filter((x) => !LIFE_HEADERS.includes(x));
    old.getRange(1, 1, 1, oldHeaders.length).setValues([oldHeaders]);
    old.getRange(2, 1, 1, 3).setValues([['DOC-1', 'STG-1', 'ACAR Laurie']]);
    const stages = ss.insertSheet('Stages');
    const stageHeaders = STAGES.columns
      .map((c) => c.header)
      .filter((x) => x !== 'Suivi des documents');
    stages.insertColumnsAfter(stages.getMaxColumns(), stageHeaders.length);
    stages.getRange(1, 1, 1, stageHeaders.length).setValues([stageHeaders]);
    bundle.call('menuInitWorkbook');
    expect(old.getRange(1, 1, 1, old.getLastColumn()).getValues()[0]).toEqual([
      ...oldHeaders,
      ...LIFE_HEADERS,
    ]);
    expect(old.getRange(2, 3).getValue()).toBe('ACAR Laurie');
    expect(stages.getRange(1, stageHeaders.length + 1).getValue()).toBe('Suivi des documents');
  });
});
