/**
 * The `Élèves` columns the documents need (address, phone, legal representative): an older
 * workbook gains them from "Initialiser le classeur", and an import leaves what was typed there.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from 'gas-emulator';
import { loadBundleFromDist } from 'gas-emulator/bundle';
import { STUDENTS } from '../../src/sheets/schema';
import { DIST } from './harness';

const NEW_HEADERS = [
  'Adresse',
  'Téléphone',
  'Représentant légal',
  'Adresse du représentant',
  'Téléphone du représentant',
  'Courriel du représentant',
];

describe('the students’ document columns', () => {
  it('come after the visible ones, in this order', () => {
    const headers = STUDENTS.columns.map((c) => c.header);
    expect(headers.slice(-NEW_HEADERS.length)).toEqual(NEW_HEADERS);
    expect(STUDENTS.columns.some((c) => 'hidden' in c && c.hidden)).toBe(false);
  });

  it('"Initialiser le classeur" adds them to an older workbook; an import keeps what is typed', () => {
    const em = createEmulator({ now: new Date('2023-02-15T09:00:00+01:00') });
    const bundle = loadBundleFromDist(DIST, em);
    const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
    const old = ss.insertSheet('Élèves');
    const oldHeaders = STUDENTS.columns
      .map((c) => c.header)
      .filter((x) => !NEW_HEADERS.includes(x));
    old.getRange(1, 1, 1, oldHeaders.length).setValues([oldHeaders]);
    old.getRange(2, 1, 1, 4).setValues([['ELV-1', 'ACAR', 'Laurie', 'BTS1']]);
    bundle.call('menuInitWorkbook');
    const header = old.getRange(1, 1, 1, old.getLastColumn()).getValues()[0];
    expect(header).toEqual([...oldHeaders, ...NEW_HEADERS]);
    expect(old.getRange(2, 2).getValue()).toBe('ACAR');

    const guardianCol = oldHeaders.length + 3;
    old.getRange(2, guardianCol).setValue('ACAR Paul');
    const r = bundle.call('apiApplyImport', {
      kind: 'students',
      text: 'Nom;Prénom;Classe;Né(e) le\nACAR;Laurie;BTS1;14/03/2004',
    }) as { ok: boolean };
    expect(r.ok).toBe(true);
    expect(old.getRange(2, guardianCol).getValue()).toBe('ACAR Paul');
    expect(old.getLastRow()).toBe(2);
  });
});
