/**
 * Tutors and staff entered from the sidebar on the real bundle: a new tutor of a company is
 * written with its label and company, offered in the drop-downs and usable at once to reassign a
 * stage; renaming a tutor or a member of staff updates the Stages rows (and the visits) showing
 * them; bad input writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  ReferenceData,
  StaffInput,
  StaffView,
  StageSelection,
  StageView,
  TutorInput,
  TutorView,
} from '../../src/api/contract';
import { type Harness, seededWorkbook } from './harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const CA = 'CREDIT AGRICOLE DU NORD CAMBRAI';

function fiche(h: Harness, stageId: string): StageView {
  h.select(h.rowOf(stageId));
  return h.call<StageSelection>('apiGetSelection').stage!;
}

const stageRow = (h: Harness, stageId: string) => h.stageRows().find((r) => r['ID'] === stageId)!;

/** A sheet's rows keyed by header (hidden columns included). */
function records(h: Harness, sheet: string): Record<string, string>[] {
  const [header = [], ...rows] = h.display(sheet);
  return rows
    .filter((r) => r[0] !== '')
    .map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] ?? ''])));
}

describe('tutors', () => {
  let h: Harness;
  let durand: TutorView;
  const tutor = (patch: Partial<TutorInput>): TutorInput => ({
    id: '',
    companyId: h.ids.companies[CA]!,
    civility: 'Mme',
    lastName: 'Durand',
    firstName: 'Anne',
    role: 'Cheffe de projet',
    phone: '03 27 00 00 09',
    email: 'anne.durand@ca-nord.example',
    ...patch,
  });
  beforeAll(() => {
    h = seededWorkbook();
  });

  it('creates a tutor of a company: label and company computed, journal written', () => {
    const journal = h.display('Journal').length;
    durand = ok(h.call<ApiResult<TutorView>>('apiSaveTutor', tutor({})));
    expect(durand).toMatchObject({
      id: expect.stringMatching(/^TUT-/),
      label: 'Mme DURAND Anne',
      company: CA,
      lastName: 'Durand',
    });
    expect(records(h, 'Tuteurs').at(-1)).toEqual({
      ID: durand.id,
      Entreprise: CA,
      Civilité: 'Mme',
      Nom: 'Durand',
      Prénom: 'Anne',
      Fonction: 'Cheffe de projet',
      Téléphone: '03 27 00 00 09',
      Courriel: 'anne.durand@ca-nord.example',
      Libellé: 'Mme DURAND Anne',
      'ID entreprise': h.ids.companies[CA],
    });
    expect(h.display('Journal')).toHaveLength(journal + 1);
    expect(h.display('Journal').at(-1)![2]).toBe('Créer un tuteur');
    const refs = h.call<ReferenceData>('apiGetReferenceData');
    expect(refs.tutors).toContainEqual({
      id: durand.id,
      label: 'Mme DURAND Anne',
      companyId: h.ids.companies[CA],
    });
  });

  it('the new tutor is usable at once: reassign a stage to her company and her', () => {
    const camille = fiche(h, h.ids.stages['ACNA Camille']!);
    const v = ok(
      h.call<ApiResult<StageView>>('apiReassignStage', {
        stageId: camille.id,
        fingerprint: camille.fingerprint,
        companyId: h.ids.companies[CA],
        tutorId: durand.id,
        referentId: camille.referentId,
      }),
    );
    expect(v).toMatchObject({ company: CA, tutor: 'Mme DURAND Anne', tutorId: durand.id });
    expect(stageRow(h, camille.id)).toMatchObject({
      Entreprise: CA,
      'Tuteur entreprise': 'Mme DURAND Anne',
    });
  });

  it('renaming a tutor updates the Stages rows showing her, and only those', () => {
    const before = h.stageRows();
    const renamed = ok(
      h.call<ApiResult<TutorView>>(
        'apiSaveTutor',
        tutor({ id: durand.id, lastName: 'Durand-Lefèvre' }),
      ),
    );
    expect(renamed.label).toBe('Mme DURAND-LEFÈVRE Anne');
    const camille = h.ids.stages['ACNA Camille']!;
    expect(stageRow(h, camille)['Tuteur entreprise']).toBe('Mme DURAND-LEFÈVRE Anne');
    expect(records(h, 'Tuteurs').find((t) => t.ID === durand.id)).toMatchObject({
      Nom: 'Durand-Lefèvre',
      Libellé: 'Mme DURAND-LEFÈVRE Anne',
    });
    // Every other row is as it was.
    const others = (rows: Record<string, string>[]) => rows.filter((r) => r['ID'] !== camille);
    expect(others(h.stageRows())).toEqual(others(before));
    // The row stays coherent for the next action: its new name is the add-on's own.
    const s = fiche(h, camille);
    expect(s.tutorId).toBe(durand.id);
    ok(
      h.call('apiReassignStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        companyId: s.companyId,
        tutorId: s.tutorId,
        referentId: '',
      }),
    );
    expect(stageRow(h, camille)['Tuteur entreprise']).toBe('Mme DURAND-LEFÈVRE Anne');
  });

  it('the seed’s hand-typed tutor can be corrected too (phone added, label unchanged)', () => {
    const ecusson = h.ids.tutors['M. ECUSSON Blase']!;
    const stages = h.display('Stages');
    const t = ok(
      h.call<ApiResult<TutorView>>('apiSaveTutor', {
        id: ecusson,
        companyId: h.ids.companies[CA]!,
        civility: 'M.',
        lastName: 'ECUSSON',
        firstName: 'Blase',
        role: 'Responsable d’agence',
        phone: '03 27 00 00 10',
        email: '',
      }),
    );
    expect(t.label).toBe('M. ECUSSON Blase');
    expect(records(h, 'Tuteurs').find((r) => r.ID === ecusson)!['Téléphone']).toBe(
      '03 27 00 00 10',
    );
    expect(h.display('Stages')).toEqual(stages);
  });

  it('writes what people type as text, never as a formula', () => {
    const t = ok(
      h.call<ApiResult<TutorView>>(
        'apiSaveTutor',
        tutor({ lastName: 'Martin', firstName: 'Paul', role: '=HYPERLINK("http://x")' }),
      ),
    );
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tuteurs')!;
    const row = h.display('Tuteurs').findIndex((r) => r[0] === t.id) + 1;
    expect(sheet.getRange(row, 6).getFormula()).toBe('');
    expect(sheet.getRange(row, 6).getValue()).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRange(row, 7).getValue()).toBe('03 27 00 00 09');
  });

  it('refuses to move a tutor who follows a stage to another company', () => {
    const r = h.call<ApiResult<TutorView>>(
      'apiSaveTutor',
      tutor({
        id: h.ids.tutors['M. ECUSSON Blase']!,
        companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN']!,
        civility: 'M.',
        lastName: 'ECUSSON',
        firstName: 'Blase',
      }),
    );
    expect(r).toMatchObject({ ok: false, field: 'companyId' });
  });

  const bad: [string, Partial<TutorInput>, string | undefined, RegExp][] = [
    ['without a company', { companyId: '' }, 'companyId', /entreprise/],
    ['of an unknown company', { companyId: 'ENT-INCONNUE' }, 'companyId', /Entreprises/],
    ['without a last name', { lastName: '  ' }, 'lastName', /nom est obligatoire/],
    ['without a first name', { firstName: '' }, 'firstName', /prénom est obligatoire/],
    ['with a bad e-mail', { email: 'anne@' }, 'email', /adresse électronique/],
    ['with a bad phone', { phone: '=1' }, 'phone', /téléphone/],
    ['twice in the same company', { lastName: 'Durand-Lefèvre' }, 'lastName', /déjà tuteur/],
    ['that no longer exists', { id: 'TUT-DISPARU', lastName: 'X' }, undefined, /introuvable/],
  ];
  for (const [name, patch, field, message] of bad) {
    it(`refuses a tutor ${name}, writing nothing`, () => {
      const tutors = h.display('Tuteurs');
      const stages = h.display('Stages');
      const journal = h.display('Journal').length;
      const r = h.call<ApiResult<TutorView>>('apiSaveTutor', tutor(patch));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatch(message);
        expect(r.field).toBe(field);
      }
      expect(h.display('Tuteurs')).toEqual(tutors);
      expect(h.display('Stages')).toEqual(stages);
      expect(h.display('Journal')).toHaveLength(journal);
    });
  }
});

describe('staff', () => {
  let h: Harness;
  let bruel: string;
  const staff = (patch: Partial<StaffInput>): StaffInput => ({
    id: '',
    civility: 'Mme',
    lastName: 'Roux',
    firstName: 'Léa',
    email: 'lea.roux@lycee.example',
    discipline: 'Économie-gestion',
    ...patch,
  });
  beforeAll(() => {
    h = seededWorkbook();
    bruel = h.ids.staff['M. BRUEL Patrick']!;
  });

  it('adds a member of staff, offered as referent and visiting teacher', () => {
    const s = ok(h.call<ApiResult<StaffView>>('apiSaveStaff', staff({})));
    expect(s).toMatchObject({ id: expect.stringMatching(/^PER-/), label: 'Mme ROUX Léa' });
    expect(records(h, 'Personnel').at(-1)).toEqual({
      ID: s.id,
      Civilité: 'Mme',
      Nom: 'Roux',
      Prénom: 'Léa',
      Courriel: 'lea.roux@lycee.example',
      Discipline: 'Économie-gestion',
      Libellé: 'Mme ROUX Léa',
      Classes: '',
    });
    expect(h.call<ReferenceData>('apiGetReferenceData').staff).toContainEqual({
      id: s.id,
      label: 'Mme ROUX Léa',
    });
    const laurie = h.ids.stages['ACAR Laurie']!;
    const v = ok(
      h.call<ApiResult<{ visit: { staff: string } }>>('apiAddVisit', {
        stageId: laurie,
        date: '14/02/2023',
        staffId: s.id,
        comment: '',
      }),
    );
    expect(v.visit.staff).toBe('Mme ROUX Léa');
  });

  it('renaming a referent updates the Stages rows and the visits showing them', () => {
    const laurie = h.ids.stages['ACAR Laurie']!;
    const camille = h.ids.stages['ACNA Camille']!;
    ok(
      h.call('apiAddVisit', {
        stageId: laurie,
        date: '15/02/2023',
        staffId: bruel,
        comment: 'RAS',
      }),
    );
    const renamed = ok(
      h.call<ApiResult<StaffView>>('apiSaveStaff', {
        id: bruel,
        civility: 'M.',
        lastName: 'Bruel-Martin',
        firstName: 'Patrick',
        email: 'patrick.bruel@lycee.example',
        discipline: 'Informatique',
      }),
    );
    expect(renamed.label).toBe('M. BRUEL-MARTIN Patrick');
    for (const id of [laurie, camille])
      expect(stageRow(h, id)['Référent établissement']).toBe('M. BRUEL-MARTIN Patrick');
    const visits = records(h, 'Visites');
    expect(visits.map((v) => v['Enseignant'])).toEqual(['Mme ROUX Léa', 'M. BRUEL-MARTIN Patrick']);
    expect(h.display('Journal').at(-1)!.slice(2, 4)).toEqual([
      'Modifier une fiche du personnel',
      'M. BRUEL-MARTIN Patrick',
    ]);
    // The stage still acts normally under the new name.
    const s = fiche(h, laurie);
    expect(s.referent).toBe('M. BRUEL-MARTIN Patrick');
    ok(
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Test',
      }),
    );
  });

  const bad: [string, Partial<StaffInput>, string | undefined][] = [
    ['without a last name', { lastName: '' }, 'lastName'],
    ['without a first name', { firstName: ' ' }, 'firstName'],
    ['with a bad e-mail', { email: 'roux.lycee.example' }, 'email'],
    ['with a bad civility', { civility: 'Pr' }, 'civility'],
    ['homonym of another member', { lastName: 'ROUX', firstName: 'Léa' }, 'lastName'],
    ['that no longer exists', { id: 'PER-DISPARU', lastName: 'Autre' }, undefined],
  ];
  for (const [name, patch, field] of bad) {
    it(`refuses a member of staff ${name}, writing nothing`, () => {
      const people = h.display('Personnel');
      const journal = h.display('Journal').length;
      const r = h.call<ApiResult<StaffView>>('apiSaveStaff', staff(patch));
      expect(r).toMatchObject({ ok: false });
      if (!r.ok) expect(r.field).toBe(field);
      expect(h.display('Personnel')).toEqual(people);
      expect(h.display('Journal')).toHaveLength(journal);
    });
  }
});
