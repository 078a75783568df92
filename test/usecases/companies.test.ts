/**
 * Companies entered and corrected from the sidebar on the real bundle: a new company is written
 * whole (signatory included), offered at once in the lists; a SIRET with a wrong key or already
 * used is refused in French and writes nothing; a correction writes only what changed, and a
 * renamed company's stages and tutors show the new name; a correction of a row changed since the
 * form read it is refused. A fault at any service call of a rename leaves the workbook as it was
 * or fully changed and journalled.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from 'gas-emulator';
import { loadBundleFromDist } from 'gas-emulator/bundle';
import type {
  ApiResult,
  CompanyInput,
  CompanyView,
  ReferenceData,
  StageSelection,
} from '../../src/api/contract';
import { COMPANIES } from '../../src/sheets/schema';
import { DIST, type Harness, seededWorkbook } from './harness';

const CA = 'CREDIT AGRICOLE DU NORD CAMBRAI';
const BP = 'BANQUE POPULAIRE DU NORD DENAIN';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** A sheet's rows keyed by header (hidden columns included). */
function records(h: Harness, sheet: string): Record<string, string>[] {
  const [header = [], ...rows] = h.display(sheet);
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] ?? ''])));
}

const companyRow = (h: Harness, id: string) => records(h, 'Entreprises').find((r) => r.ID === id);

const input = (patch: Partial<CompanyInput> = {}): CompanyInput => ({
  id: '',
  name: 'Garage Martin',
  siret: '443 061 841 00047',
  address: '3 rue du Port',
  postalCode: '59 140',
  city: 'Dunkerque',
  country: '',
  phone: '03 28 00 00 00',
  email: 'contact@garage-martin.example',
  signatory: 'Jean Martin',
  signatoryRole: 'Gérant',
  ...patch,
});

function save(h: Harness, i: CompanyInput): ApiResult<CompanyView> {
  return h.call<ApiResult<CompanyView>>('apiSaveCompany', i);
}

describe('creating a company', () => {
  it('writes every column, SIRET and postal code as digits, journalled, offered at once', () => {
    const h = seededWorkbook();
    const journal = h.display('Journal').length;
    const r = save(h, input());
    expect(r.ok && r.message).toBe('Entreprise « Garage Martin » enregistrée.');
    const created = ok(r);
    expect(created).toMatchObject({
      id: expect.stringMatching(/^ENT-/),
      siret: '44306184100047',
      postalCode: '59140',
      fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    expect(companyRow(h, created.id)).toEqual({
      ID: created.id,
      'Raison sociale': 'Garage Martin',
      SIRET: '44306184100047',
      Adresse: '3 rue du Port',
      'Code postal': '59140',
      Ville: 'Dunkerque',
      Pays: '',
      Téléphone: '03 28 00 00 00',
      Courriel: 'contact@garage-martin.example',
      Signataire: 'Jean Martin',
      'Fonction du signataire': 'Gérant',
    });
    const lines = h.display('Journal');
    expect(lines).toHaveLength(journal + 1);
    expect(lines.at(-1)).toContain('Créer une entreprise');
    const refs = h.call<ReferenceData>('apiGetReferenceData');
    expect(refs.companies).toContainEqual({ id: created.id, label: 'Garage Martin' });
    // The form reads it back as the sheet has it.
    expect(h.call('apiGetCompany', created.id)).toEqual(created);
    expect(h.call('apiGetCompany', 'ENT-INCONNUE')).toBeNull();
  });

  it('accepts a La Poste SIRET, whose key is not Luhn’s', () => {
    const h = seededWorkbook();
    const r = save(h, input({ name: 'La Poste Cambrai', siret: '356 000 000 49837' }));
    expect(ok(r).siret).toBe('35600000049837');
  });

  it.each([
    [
      { siret: '443 061 841 00048' },
      'siret',
      "Le SIRET 443 061 841 00048 est invalide : sa clé de contrôle ne correspond pas. Vérifiez-le sur l'avis de situation Sirene.",
    ],
    [
      { siret: '356 000 000 00014' },
      'siret',
      "Le SIRET 356 000 000 00014 n'est pas un SIRET de La Poste valide : la somme de ses chiffres doit être un multiple de 5. Vérifiez-le sur l'avis de situation Sirene.",
    ],
    [
      { postalCode: '5914' },
      'postalCode',
      "« 5914 » n'est pas un code postal français : il compte 5 chiffres (par exemple 59400).",
    ],
    [{ name: '' }, 'name', 'La raison sociale est obligatoire.'],
  ] as const)('refuses %o, writing nothing', (patch, field, error) => {
    const h = seededWorkbook();
    const before = [h.display('Entreprises'), h.display('Journal')];
    expect(save(h, input(patch))).toEqual({ ok: false, field, error });
    expect([h.display('Entreprises'), h.display('Journal')]).toEqual(before);
  });

  it('refuses a SIRET another company has, naming it', () => {
    const h = seededWorkbook();
    const first = ok(save(h, input()));
    const before = h.display('Entreprises');
    expect(save(h, input({ name: 'Garage du Port', siret: '44306184100047' }))).toEqual({
      ok: false,
      field: 'siret',
      error:
        "Le SIRET 443 061 841 00047 est déjà celui de l'entreprise « Garage Martin » (Dunkerque) : choisissez-la dans la liste pour la modifier.",
    });
    expect(h.display('Entreprises')).toEqual(before);
    // A company typed in the sheet by hand (no cached list knows it yet) counts too.
    h.em.sheets.debugSetValues('Entreprises', 'A10:C10', [
      ['ENT-MAIN', 'Boulangerie Hugo', '732 829 320 00074'],
    ]);
    const twin = save(h, input({ name: 'Autre', siret: '73282932000074', postalCode: '' }));
    expect(twin).toMatchObject({ ok: false, error: expect.stringContaining('Boulangerie Hugo') });
    expect(first.id).not.toBe('ENT-MAIN');
  });
});

describe('correcting a company', () => {
  it('writes only the cells that changed, journalled with the values before', () => {
    const h = seededWorkbook();
    const id = h.ids.companies[CA]!;
    const read = h.call<CompanyView>('apiGetCompany', id);
    const journal = h.display('Journal').length;
    const r = save(h, {
      ...read,
      phone: '03 27 99 99 99',
      signatory: 'Mme Claire Dupont',
      signatoryRole: 'Directrice d’agence',
    });
    expect(r.ok && r.message).toBe(`Entreprise « ${CA} » enregistrée.`);
    expect(companyRow(h, id)).toMatchObject({
      'Raison sociale': CA,
      Téléphone: '03 27 99 99 99',
      Signataire: 'Mme Claire Dupont',
      'Fonction du signataire': 'Directrice d’agence',
      Adresse: '10 rue de Nice',
    });
    const line = h.display('Journal').at(-1)!;
    expect(h.display('Journal')).toHaveLength(journal + 1);
    expect(line).toContain('Modifier une entreprise');
    expect(line.join(' ')).toContain('03 27 00 00 00');
    expect(line.join(' ')).not.toContain('10 rue de Nice');
    // Saved again unchanged: nothing written, nothing journalled.
    const again = h.call<CompanyView>('apiGetCompany', id);
    expect(ok(save(h, again))).toEqual(again);
    expect(h.display('Journal')).toHaveLength(journal + 1);
  });

  it('a renamed company: its stages and its tutors show the new name, in the fiche too', () => {
    const h = seededWorkbook();
    const id = h.ids.companies[CA]!;
    const read = h.call<CompanyView>('apiGetCompany', id);
    const r = save(h, { ...read, name: 'CRÉDIT AGRICOLE NORD DE FRANCE CAMBRAI' });
    expect(r.ok && r.message).toBe(
      'Entreprise « CRÉDIT AGRICOLE NORD DE FRANCE CAMBRAI » enregistrée ; nouveau nom reporté sur 1 stage et 1 tuteur.',
    );
    expect(ok(r).relabelled).toEqual({ stages: 1, tutors: 1 });
    const stage = h.stageRows().find((s) => s['ID'] === h.ids.stages['ACAR Laurie'])!;
    expect(stage['Entreprise']).toBe('CRÉDIT AGRICOLE NORD DE FRANCE CAMBRAI');
    expect(h.stageRows().filter((s) => s['Entreprise'] === CA)).toEqual([]);
    // The other company's rows are untouched.
    expect(h.stageRows().filter((s) => s['Entreprise'] === BP)).toHaveLength(1);
    const tutors = records(h, 'Tuteurs');
    expect(tutors.find((t) => t['Nom'] === 'ECUSSON')!['Entreprise']).toBe(
      'CRÉDIT AGRICOLE NORD DE FRANCE CAMBRAI',
    );
    expect(tutors.find((t) => t['Nom'] === 'BONNET')!['Entreprise']).toBe(BP);
    h.select(h.rowOf(h.ids.stages['ACAR Laurie']!));
    expect(h.call<StageSelection>('apiGetSelection').stage!.company).toBe(
      'CRÉDIT AGRICOLE NORD DE FRANCE CAMBRAI',
    );
    // A stage action afterwards finds the names consistent (no "modifiée par quelqu'un").
    const refs = h.call<ReferenceData>('apiGetReferenceData');
    expect(refs.companies.find((c) => c.id === id)!.label).toBe(
      'CRÉDIT AGRICOLE NORD DE FRANCE CAMBRAI',
    );
  });

  it('refuses a correction of a row changed since the form read it, and an unknown ID', () => {
    const h = seededWorkbook();
    const id = h.ids.companies[BP]!;
    const read = h.call<CompanyView>('apiGetCompany', id);
    // Someone types a new phone number in the sheet meanwhile.
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Entreprises')!;
    const row = h.display('Entreprises').findIndex((r) => r[0] === id) + 1;
    const phoneCol = COMPANIES.columns.findIndex((c) => c.key === 'phone') + 1;
    sheet.getRange(row, phoneCol).setValue('03 27 22 22 22');
    const before = h.display('Entreprises');
    const r = save(h, { ...read, city: 'Denain' });
    expect(r).toMatchObject({
      ok: false,
      field: 'companyId',
      error: expect.stringContaining("a été modifiée depuis que vous l'avez ouverte"),
    });
    expect(h.display('Entreprises')).toEqual(before);
    expect(save(h, { ...read, id: 'ENT-DISPARUE', fingerprint: '' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('ne figure plus dans la feuille Entreprises'),
    });
  });
});

describe('an older workbook', () => {
  it('"Initialiser le classeur" adds the signatory columns after the existing ones', () => {
    const em = createEmulator({ now: new Date('2023-02-15T09:00:00+01:00') });
    const bundle = loadBundleFromDist(DIST, em);
    const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
    const old = ss.insertSheet('Entreprises');
    const oldHeaders = COMPANIES.columns
      .map((c) => c.header)
      .filter((x) => x !== 'Signataire' && x !== 'Fonction du signataire');
    old.getRange(1, 1, 1, oldHeaders.length).setValues([oldHeaders]);
    old.getRange(2, 1, 1, 3).setValues([['ENT-1', 'Garage Martin', '44306184100047']]);
    bundle.call('menuInitWorkbook');
    const header = old.getRange(1, 1, 1, old.getLastColumn()).getValues()[0];
    expect(header).toEqual([...oldHeaders, 'Signataire', 'Fonction du signataire']);
    expect(old.getRange(2, 2).getValue()).toBe('Garage Martin');
  });
});

const FAULT_SHEETS = ['Entreprises', 'Stages', 'Tuteurs', 'Journal'];

describe('a fault at any service call of a rename', () => {
  it('leaves the workbook as it was, or fully changed and journalled', () => {
    const NEW_NAME = 'CA NORD CAMBRAI';
    const rename = (h: Harness) => ({
      ...h.call<CompanyView>('apiGetCompany', h.ids.companies[CA]!),
      name: NEW_NAME,
    });
    const snapshot = (h: Harness) => FAULT_SHEETS.map((s) => h.display(s));
    const shows = (sheet: string[][], name: string) => sheet.some((r) => r.includes(name));
    const probe = seededWorkbook();
    const sent = rename(probe);
    probe.em.log.reset();
    ok(save(probe, sent));
    const calls = Object.entries(probe.em.log.snapshot()).flatMap(([key, n]) =>
      Array.from({ length: n }, (_, i) => [key, i + 1] as const),
    );
    expect(calls.length).toBeGreaterThan(5);
    let undone = 0;
    for (const [key, nth] of calls) {
      const h = seededWorkbook();
      const sentNow = rename(h);
      const before = snapshot(h);
      h.em.log.reset();
      h.em.log.failOn(key, nth, new Error('Service Spreadsheets failed'));
      let failed: boolean;
      try {
        failed = !save(h, sentNow).ok;
      } catch {
        failed = true;
      }
      const after = snapshot(h);
      const where = `fault at ${key}#${nth}`;
      if (failed) {
        expect(after, where).toEqual(before);
        undone += 1;
      } else {
        // A fault the action survived (a lock release): the rename is whole, and journalled.
        const [companies, stages, tutors, journal] = after as [
          string[][],
          string[][],
          string[][],
          string[][],
        ];
        expect(
          [companies, stages, tutors].map((s) => shows(s, NEW_NAME)),
          where,
        ).toEqual([true, true, true]);
        expect(
          [stages, tutors].map((s) => shows(s, CA)),
          where,
        ).toEqual([false, false]);
        expect(journal.length, where).toBe(before[3]!.length + 1);
      }
    }
    expect(undone).toBeGreaterThan(0);
  }, 300_000);
});
