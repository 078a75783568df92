/**
 * Students and companies entering the workbook by import, as a secretariat does it: a PRONOTE or
 * SIECLE export (semicolons, tabs, a BOM), a preview that writes nothing, an import, then a
 * re-import that updates instead of duplicating; homonyms, renamed companies, lines in error,
 * and text that must never become a formula.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, ImportPreview, ReferenceData } from '../../src/api/contract';
import { loadBundleFromDist } from 'gas-emulator/bundle';
import { createEmulator, type Emulator } from 'gas-emulator';
import { DIST, type Harness, seededWorkbook } from './harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

interface Book {
  em: Emulator;
  call: <T = unknown>(name: string, ...args: unknown[]) => T;
  display(sheet: string): string[][];
}

/** An initialised workbook with nothing in it: the first import of the year. */
function emptyWorkbook(): Book {
  const em = createEmulator({ now: new Date('2023-02-15T09:00:00+01:00') });
  const bundle = loadBundleFromDist(DIST, em);
  const call = <T>(name: string, ...args: unknown[]) => bundle.call(name, ...args) as T;
  call('menuInitWorkbook');
  const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
  const display = (sheet: string) => {
    const sh = ss.getSheetByName(sheet)!;
    return sh.getLastRow() === 0
      ? []
      : sh.getRange(1, 1, sh.getLastRow(), sh.getLastColumn()).getDisplayValues();
  };
  return { em, call, display };
}

/** A sheet as displayed, one object per data row keyed by French header. */
function rowsOf(b: Pick<Book, 'display'>, sheet: string): Record<string, string>[] {
  const [header = [], ...rows] = b.display(sheet);
  return rows
    .filter((r) => r[0] !== '')
    .map((r) => Object.fromEntries(header.map((c, i) => [c, r[i] ?? ''])));
}

const preview = (b: Pick<Book, 'call'>, kind: 'students' | 'companies', text: string) =>
  b.call<ApiResult<ImportPreview>>('apiPreviewImport', { kind, text });
const apply = (b: Pick<Book, 'call'>, kind: 'students' | 'companies', text: string) =>
  b.call<ApiResult<ImportPreview>>('apiApplyImport', { kind, text });

const PRONOTE = [
  'Nom;Prénom;Classe;Né(e) le',
  'ACAR;Laurie;BTS1;12/03/2004',
  'BERNARD;Hugo;BTS1;23/01/2004',
  'CHEVALIER;Zoé;1PRO;05/10/2006',
].join('\r\n');

describe('students: preview, import, re-import', () => {
  let b: Book;
  beforeEach(() => {
    b = emptyWorkbook();
  });

  it('the preview recognises PRONOTE’s columns and writes nothing', () => {
    const students = b.display('Élèves');
    const journal = b.display('Journal');
    const p = ok(preview(b, 'students', PRONOTE));
    expect(p.kind).toBe('students');
    expect(p.columns).toEqual([
      { header: 'Nom', field: 'Nom' },
      { header: 'Prénom', field: 'Prénom' },
      { header: 'Classe', field: 'Classe' },
      { header: 'Né(e) le', field: 'Né(e) le' },
    ]);
    expect(p.rows.map((r) => [r.values['Nom'], r.values['Né(e) le'], r.status])).toEqual([
      ['ACAR', '2004-03-12', 'nouveau'],
      ['BERNARD', '2004-01-23', 'nouveau'],
      ['CHEVALIER', '2006-10-05', 'nouveau'],
    ]);
    expect([p.created, p.updated, p.errors]).toEqual([3, 0, 0]);
    expect(b.display('Élèves')).toEqual(students);
    expect(b.display('Journal')).toEqual(journal);
  });

  it('the import writes one row per student, with its label and its birth date as a date', () => {
    const r = apply(b, 'students', PRONOTE);
    expect(ok(r).created).toBe(3);
    if (r.ok) expect(r.message).toBe('Import terminé : 3 lignes ajoutées, aucune mise à jour.');
    const rows = rowsOf(b, 'Élèves');
    expect(
      rows.map((s) => [s['Nom'], s['Prénom'], s['Classe'], s['Né(e) le'], s['Libellé']]),
    ).toEqual([
      ['ACAR', 'Laurie', 'BTS1', '12/03/2004', 'ACAR Laurie'],
      ['BERNARD', 'Hugo', 'BTS1', '23/01/2004', 'BERNARD Hugo'],
      ['CHEVALIER', 'Zoé', '1PRO', '05/10/2006', 'CHEVALIER Zoé'],
    ]);
    expect(new Set(rows.map((s) => s['ID'])).size).toBe(3);
    const sheet = b.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Élèves')!;
    expect(sheet.getRange('E2').getValue()).toBeInstanceOf(Date);
    const journal = b.display('Journal').at(-1)!;
    expect(journal[2]).toBe('Importer des élèves');
    expect(journal[5]).toBe('Nouveaux : 3 ; Mis à jour : 0 ; En erreur : 0');
    const refs = b.call<ReferenceData>('apiGetReferenceData');
    expect(refs.classes).toEqual(['1PRO', 'BTS1']);
  });

  it('reads a tab-separated SIECLE export with a BOM, headers spelt its way', () => {
    const siecle = [
      '\uFEFFNOM DE FAMILLE\tPRENOM 1\tDIVISION\tDATE DE NAISSANCE\tINE',
      'ACAR\tLaurie\tBTS1\t12/03/2004\t1234567890A',
      'BERNARD\tHugo\tBTS1\t23/01/2004\t',
    ].join('\n');
    const p = ok(preview(b, 'students', siecle));
    expect(p.columns.map((c) => c.field)).toEqual(['Nom', 'Prénom', 'Classe', 'Né(e) le', 'INE']);
    // The BOM is not part of the first header.
    expect(p.columns[0]!.header).toBe('NOM DE FAMILLE');
    ok(apply(b, 'students', siecle));
    const rows = rowsOf(b, 'Élèves');
    expect(rows.map((s) => [s['Libellé'], s['Classe'], s['Né(e) le'], s['INE']])).toEqual([
      ['ACAR Laurie', 'BTS1', '12/03/2004', '1234567890A'],
      ['BERNARD Hugo', 'BTS1', '23/01/2004', ''],
    ]);
  });

  it('the PRONOTE headers, tab-separated with a BOM, read the same as with semicolons', () => {
    const tsv = '\uFEFF' + PRONOTE.replace(/;/g, '\t');
    ok(apply(b, 'students', tsv));
    expect(rowsOf(b, 'Élèves').map((s) => s['Libellé'])).toEqual([
      'ACAR Laurie',
      'BERNARD Hugo',
      'CHEVALIER Zoé',
    ]);
  });

  it('a re-import updates the students it knows instead of duplicating them', () => {
    ok(apply(b, 'students', PRONOTE));
    const ids = rowsOf(b, 'Élèves').map((s) => s['ID']);
    const next = [
      'Nom;Prénom;Classe;Né(e) le;Courriel',
      'ACAR;Laurie;BTS2;12/03/2004;laurie.acar@eleve.example',
      'BERNARD;Hugo;BTS1;23/01/2004;',
      'CHEVALIER;Zoé;1PRO;05/10/2006;',
      'DURAND;Paul;BTS2;01/01/2005;',
    ].join('\n');
    const p = ok(preview(b, 'students', next));
    expect(p.rows.map((r) => r.status)).toEqual(['mis à jour', 'inchangé', 'inchangé', 'nouveau']);
    expect([p.created, p.updated]).toEqual([1, 1]);
    ok(apply(b, 'students', next));
    const rows = rowsOf(b, 'Élèves');
    expect(rows).toHaveLength(4);
    expect(rows.slice(0, 3).map((s) => s['ID'])).toEqual(ids);
    expect(rows[0]).toMatchObject({
      Classe: 'BTS2',
      Courriel: 'laurie.acar@eleve.example',
      Libellé: 'ACAR Laurie',
    });
    // The same file once more: nothing to do, said in French, nothing written.
    const before = b.display('Élèves');
    const again = apply(b, 'students', next);
    expect(again).toMatchObject({ ok: false });
    if (!again.ok) expect(again.error).toMatch(/Rien à importer : tout est déjà à jour/);
    expect(b.display('Élèves')).toEqual(before);
  });

  it('homonyms in two classes get distinct labels, and stay two students on re-import', () => {
    const text = 'Nom;Prénom;Classe\nMARTIN;Léa;BTS1\nMARTIN;Léa;BTS2\nMARTIN;Hugo;BTS1';
    ok(apply(b, 'students', text));
    const labels = () => rowsOf(b, 'Élèves').map((s) => s['Libellé']);
    expect(labels()).toEqual(['MARTIN Léa (BTS1)', 'MARTIN Léa (BTS2)', 'MARTIN Hugo']);
    const refs = b.call<ReferenceData>('apiGetReferenceData');
    expect(refs.students.map((s) => s.label).sort()).toEqual([
      'MARTIN Hugo',
      'MARTIN Léa (BTS1)',
      'MARTIN Léa (BTS2)',
    ]);
    const p = ok(preview(b, 'students', text));
    expect(p.rows.map((r) => r.status)).toEqual(['inchangé', 'inchangé', 'inchangé']);
    expect(apply(b, 'students', text).ok).toBe(false);
    expect(rowsOf(b, 'Élèves')).toHaveLength(3);
  });

  it('reports the lines in error and imports only the good ones', () => {
    const text = [
      'Nom;Prénom;Classe;Né(e) le;Courriel',
      'ACAR;Laurie;BTS1;12/03/2004;',
      'BERNARD;Hugo;;23/01/2004;',
      'COLIN;Sarah;BTS1;31/02/2004;',
      'DUBOIS;Mehdi;BTS1;30/11/2004;mehdi-at-example',
      ';Inès;BTS1;;',
    ].join('\n');
    const p = ok(preview(b, 'students', text));
    expect(p.rows.map((r) => r.status)).toEqual([
      'nouveau',
      'erreur',
      'erreur',
      'erreur',
      'erreur',
    ]);
    expect(p.errors).toBe(4);
    expect(p.rows[1]!.error).toMatch(/classe est vide/);
    expect(p.rows[2]!.error).toMatch(/n'existe pas/);
    expect(p.rows[3]!.error).toMatch(/mehdi-at-example.*courriel/);
    expect(p.rows[4]!.error).toMatch(/nom est vide/);
    const r = apply(b, 'students', text);
    expect(ok(r)).toMatchObject({ created: 1, errors: 4 });
    expect(rowsOf(b, 'Élèves').map((s) => s['Libellé'])).toEqual(['ACAR Laurie']);
  });

  it('a file whose required columns are missing is refused and nothing is written', () => {
    const students = b.display('Élèves');
    const journal = b.display('Journal');
    for (const call of [preview, apply]) {
      const r = call(b, 'students', 'Nom;Prénom;Date\nACAR;Laurie;12/03/2004');
      expect(r).toMatchObject({ ok: false, field: 'text' });
      if (!r.ok) expect(r.error).toMatch(/Colonnes introuvables dans le fichier : Classe/);
    }
    const empty = apply(b, 'students', '   ');
    expect(empty).toMatchObject({ ok: false, field: 'text' });
    const kind = b.call<ApiResult<ImportPreview>>('apiApplyImport', {
      kind: 'tuteurs',
      text: PRONOTE,
    });
    expect(kind).toMatchObject({ ok: false, field: 'kind' });
    expect(b.display('Élèves')).toEqual(students);
    expect(b.display('Journal')).toEqual(journal);
  });

  it('text starting with = + - @ is imported as text, never as a formula', () => {
    const text = [
      'Nom;Prénom;Classe;Courriel',
      // A real export quotes a cell holding the delimiter, doubling its quotes.
      '"=HYPERLINK(""http://evil.example"";""clic"")";+Léa;-BTS1;',
      '@MARTIN;=1+1;BTS1;',
    ].join('\n');
    ok(apply(b, 'students', text));
    const sheet = b.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Élèves')!;
    const block = sheet.getRange(2, 2, 2, 3);
    expect(block.getFormulas()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(block.getValues()).toEqual([
      ['=HYPERLINK("http://evil.example";"clic")', '+Léa', '-BTS1'],
      ['@MARTIN', '=1+1', 'BTS1'],
    ]);
    expect(sheet.getRange('B2').getFormula()).toBe('');
    expect(sheet.getRange('B2').getDisplayValue()).toBe('=HYPERLINK("http://evil.example";"clic")');
  });
});

describe('companies: import, re-import by SIRET, renaming', () => {
  let h: Harness;
  const CA = 'CREDIT AGRICOLE DU NORD CAMBRAI';
  const SIRET = '44306184100047';

  beforeEach(() => {
    h = seededWorkbook();
  });

  it('imports companies with their SIRET; a re-import completes them rather than duplicating', () => {
    const text = [
      'Raison sociale;SIRET;Adresse;Code postal;Ville;Téléphone;Courriel',
      `${CA};443 061 841 00047;10 rue de Nice;59400;CAMBRAI;;contact@ca.example`,
      'BOULANGERIE DUPONT;55210055400013;1 rue du Pain;1000;BOURG-EN-BRESSE;;',
    ].join('\n');
    const p = ok(preview(h, 'companies', text));
    expect(p.rows.map((r) => [r.values['Raison sociale'], r.status])).toEqual([
      [CA, 'mis à jour'],
      ['BOULANGERIE DUPONT', 'nouveau'],
    ]);
    ok(apply(h, 'companies', text));
    const rows = rowsOf(h, 'Entreprises');
    expect(rows).toHaveLength(3);
    expect(rows.find((c) => c['Raison sociale'] === CA)).toMatchObject({
      ID: h.ids.companies[CA],
      SIRET,
      Courriel: 'contact@ca.example',
      Ville: 'CAMBRAI',
    });
    // "1000" lost its leading zero in a spreadsheet: a French postal code has five digits.
    expect(rows.find((c) => c['Raison sociale'] === 'BOULANGERIE DUPONT')).toMatchObject({
      SIRET: '55210055400013',
      'Code postal': '01000',
    });
    // The same file again: nothing new.
    const again = ok(preview(h, 'companies', text));
    expect(again.rows.map((r) => r.status)).toEqual(['inchangé', 'inchangé']);
  });

  it('a company renamed by a re-import (same SIRET) shows its new name on its stages and tutors', () => {
    ok(apply(h, 'companies', `Raison sociale;SIRET;Code postal\n${CA};${SIRET};59400`));
    const renamed = 'CA NORD DE FRANCE — AGENCE DE CAMBRAI';
    const p = ok(preview(h, 'companies', `Raison sociale;SIRET\n${renamed};${SIRET}`));
    expect(p.rows[0]!.status).toBe('mis à jour');
    ok(apply(h, 'companies', `Raison sociale;SIRET\n${renamed};${SIRET}`));

    const companies = rowsOf(h, 'Entreprises');
    expect(companies).toHaveLength(2);
    expect(companies.find((c) => c['ID'] === h.ids.companies[CA])!['Raison sociale']).toBe(renamed);
    const laurie = h.stageRows().find((r) => r['Élève'] === 'ACAR Laurie')!;
    expect(laurie['Entreprise']).toBe(renamed);
    expect(laurie['ID entreprise']).toBe(h.ids.companies[CA]);
    expect(h.stageRows().filter((r) => r['Entreprise'] === CA)).toHaveLength(0);
    expect(rowsOf(h, 'Tuteurs').find((t) => t['Nom'] === 'ECUSSON')!['Entreprise']).toBe(renamed);

    // The renamed stage still works, with its tutor.
    h.select(h.rowOf(laurie['ID']!));
    const sel = h.call<{ stage: { companyId: string; company: string; fingerprint: string } }>(
      'apiGetSelection',
    );
    expect(sel.stage).toMatchObject({ company: renamed, companyId: h.ids.companies[CA] });
    ok(
      h.call('apiStopStage', {
        stageId: laurie['ID'],
        fingerprint: sel.stage.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Fin anticipée',
      }),
    );
    const after = h.stageRows().find((r) => r['ID'] === laurie['ID'])!;
    expect(after).toMatchObject({
      Entreprise: renamed,
      'Tuteur entreprise': 'M. ECUSSON Blase',
      Fin: '27/02/2023',
    });
  });

  it('reports a bad SIRET and a missing name, importing the rest', () => {
    const text = [
      'Raison sociale;SIRET;Code postal',
      'GARAGE DU NORD;44306184100048;59000',
      'GARAGE DU SUD;1234;13000',
      ';55210055400013;59000',
      'IMPRIMERIE LEROY;38012986643097;59300',
    ].join('\n');
    const p = ok(preview(h, 'companies', text));
    expect(p.rows.map((r) => r.status)).toEqual(['erreur', 'erreur', 'erreur', 'nouveau']);
    expect(p.rows[0]!.error).toMatch(/clé de contrôle/);
    expect(p.rows[1]!.error).toMatch(/14 chiffres/);
    expect(p.rows[2]!.error).toMatch(/raison sociale est vide/);
    ok(apply(h, 'companies', text));
    expect(rowsOf(h, 'Entreprises').map((c) => c['Raison sociale'])).toEqual([
      CA,
      'BANQUE POPULAIRE DU NORD DENAIN',
      'IMPRIMERIE LEROY',
    ]);
  });

  it('a company name starting with = stays text', () => {
    ok(
      apply(
        h,
        'companies',
        'Raison sociale;Adresse;Ville\n"=IMPORTXML(""http://evil.example"";""//a"")";-12 rue X;@Lille',
      ),
    );
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Entreprises')!;
    const row = sheet.getLastRow();
    for (const col of [2, 4, 6]) expect(sheet.getRange(row, col).getFormula()).toBe('');
    expect(sheet.getRange(row, 2).getValue()).toBe('=IMPORTXML("http://evil.example";"//a")');
    expect(sheet.getRange(row, 4).getValue()).toBe('-12 rue X');
    expect(sheet.getRange(row, 6).getValue()).toBe('@Lille');
  });
});

describe('students: homonyms arriving after stages exist', () => {
  let h: Harness;
  beforeAll(() => {
    h = seededWorkbook();
  });

  it('the stage rows of a student who gains a homonym show the new distinct label', () => {
    ok(apply(h, 'students', 'Nom;Prénom;Classe\nACAR;Laurie;BTS2'));
    expect(
      rowsOf(h, 'Élèves')
        .filter((s) => s['Nom'] === 'ACAR')
        .map((s) => s['Libellé']),
    ).toEqual(['ACAR Laurie (BTS1)', 'ACAR Laurie (BTS2)']);
    // The Élève cell of her stage must name her unambiguously, as the drop-down offers it.
    const row = h.stageRows().find((r) => r['ID'] === h.ids.stages['ACAR Laurie'])!;
    expect(row['Élève']).toBe('ACAR Laurie (BTS1)');
    expect(row['ID élève']).toBe(h.ids.students['ACAR Laurie']);
    expect(h.em.sheets.isValid('Stages', h.rowOf(row['ID']!), 5)).toBe(true);
  });
});
