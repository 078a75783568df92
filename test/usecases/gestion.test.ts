/**
 * "Gestion des stages" on the real bundle: PRONOTE's filters one by one over a register with
 * stages of every phase, the filter applied to the sheet and removed, "Affecter" on a selection
 * of rows, and the fiche stage following the active cell.
 */
import { EMPTY_FILTER } from '../../src/domain/stages/filter';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  AffectInput,
  ApiResult,
  FilterResult,
  SessionView,
  StageFilter,
  StageSelection,
  StageView,
} from '../../src/api/contract';
import { type Harness, seededWorkbook } from './harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const ANY: StageFilter = EMPTY_FILTER;

const CA = 'CREDIT AGRICOLE DU NORD CAMBRAI';
const BP = 'BANQUE POPULAIRE DU NORD DENAIN';

function selection(h: Harness): StageSelection {
  return h.call<StageSelection>('apiGetSelection');
}

function fiche(h: Harness, stageId: string): StageSelection {
  h.select(h.rowOf(stageId));
  return selection(h);
}

describe('PRONOTE’s filters, criterion by criterion', () => {
  let h: Harness;
  let later: SessionView;
  let past: SessionView;

  /**
   * The register (today is 15/02/2023):
   * - session 1 "BTS 1 info période 1" (01/02–31/03/2023): the seed's 10 BTS1 students plus ZOLA
   *   Émile of BTS2 = 11 stages, all "En cours" but FABRE Inès's, stopped on 10/02 ("Arrêté");
   *   ACAR (Crédit Agricole) and ACNA (Banque Populaire) have a company, a tutor and a referent;
   *   ACAR has had one visit;
   * - session 2 "BTS 1 info période 2" (02/05–26/05/2023): BERNARD, COLIN, DUBOIS, "À venir";
   * - session 3 "Stage de découverte" (05/12–16/12/2022): GARNIER, "Effectué".
   * 15 stages in all.
   */
  beforeAll(() => {
    h = seededWorkbook();
    ok(h.call('apiApplyImport', { kind: 'students', text: 'Nom;Prénom;Classe\nZOLA;Émile;BTS2' }));
    const zola = h
      .call<{ students: { id: string; label: string }[] }>('apiGetReferenceData')
      .students.find((s) => s.label === 'ZOLA Émile')!.id;
    ok(h.call('apiAssignStudents', { sessionId: h.ids.sessionId, studentIds: [zola] }));
    const session = (title: string, start: string, end: string) =>
      ok(
        h.call<ApiResult<SessionView>>('apiSaveSession', {
          id: '',
          title,
          type: 'Stage BTS',
          schoolYear: '2022-2023',
          diploma: 'BTS Informatique',
          editionLabel: '',
          objectives: '',
          periods: [{ start, end }],
        }),
      );
    later = session('BTS 1 info période 2', '02/05/2023', '26/05/2023');
    past = session('Stage de découverte', '05/12/2022', '16/12/2022');
    const s = h.ids.students;
    ok(
      h.call('apiAssignStudents', {
        sessionId: later.id,
        studentIds: [s['BERNARD Hugo'], s['COLIN Sarah'], s['DUBOIS Mehdi']],
      }),
    );
    ok(h.call('apiAssignStudents', { sessionId: past.id, studentIds: [s['GARNIER Lucas']] }));
    const fabre = fiche(h, h.ids.stages['FABRE Inès']!).stage!;
    ok(
      h.call('apiStopStage', {
        stageId: fabre.id,
        fingerprint: fabre.fingerprint,
        stoppedOn: '10/02/2023',
        reason: 'Abandon',
      }),
    );
    // A visit typed by hand in the Visites sheet: ID, ID stage, Élève, Date, Enseignant, Commentaire.
    h.em.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Visites')!
      .appendRow([
        'VIS-1',
        h.ids.stages['ACAR Laurie']!,
        'ACAR Laurie',
        '10/02/2023',
        'M. BRUEL Patrick',
        'RAS',
      ]);
  });

  const count = (patch: Partial<StageFilter>) =>
    ok(h.call<ApiResult<FilterResult>>('apiFilterStages', { ...ANY, ...patch })).count;
  const students = (patch: Partial<StageFilter>) =>
    ok(h.call<ApiResult<FilterResult>>('apiFilterStages', { ...ANY, ...patch }))
      .stages.map((s) => s.student)
      .sort();

  it('with every filter at "Indif." every stage counts', () => {
    const r = ok(h.call<ApiResult<FilterResult>>('apiFilterStages', ANY));
    expect([r.count, r.total, r.stages.length]).toEqual([15, 15, 15]);
    expect(h.stageRows()).toHaveLength(15);
  });

  it('by session', () => {
    expect(count({ sessionId: h.ids.sessionId })).toBe(11);
    expect(count({ sessionId: later.id })).toBe(3);
    expect(students({ sessionId: past.id })).toEqual(['GARNIER Lucas']);
    expect(count({ sessionId: 'SES-INCONNUE' })).toBe(0);
  });

  it('by student: every typed word, case and accents aside', () => {
    expect(students({ student: 'acar' })).toEqual(['ACAR Laurie']);
    expect(count({ student: 'laurie ACAR' })).toBe(1);
    expect(count({ student: 'ines' })).toBe(1);
    expect(count({ student: 'bernard' })).toBe(2);
    expect(count({ student: 'bernard', sessionId: later.id })).toBe(1);
    expect(count({ student: 'personne' })).toBe(0);
  });

  it('by class', () => {
    expect(students({ className: 'BTS2' })).toEqual(['ZOLA Émile']);
    expect(count({ className: 'bts1' })).toBe(14);
    expect(count({ className: 'BTS' })).toBe(0);
  });

  it('by period: the stages sharing at least one day with it', () => {
    expect(count({ from: '01/05/2023', to: '31/05/2023' })).toBe(3);
    expect(students({ from: '01/12/2022', to: '31/12/2022' })).toEqual(['GARNIER Lucas']);
    // FABRE Inès stopped on 10/02: her stage no longer reaches the 11th.
    expect(count({ from: '11/02/2023' })).toBe(13);
    expect(count({ from: '10/02/2023' })).toBe(14);
    expect(count({ to: '10/02/2023' })).toBe(12);
    expect(count({ from: '17/12/2022', to: '31/01/2023' })).toBe(0);
  });

  it('by company name', () => {
    expect(students({ company: 'crédit agricole' })).toEqual(['ACAR Laurie']);
    expect(count({ company: 'nord' })).toBe(2);
    expect(count({ company: 'populaire denain' })).toBe(1);
  });

  it('companies, tutors and referents: Sans / Indif. / Avec', () => {
    expect(students({ companies: 'avec' })).toEqual(['ACAR Laurie', 'ACNA Camille']);
    expect(count({ companies: 'sans' })).toBe(13);
    expect(count({ tutors: 'avec' })).toBe(2);
    expect(count({ tutors: 'sans' })).toBe(13);
    expect(count({ referents: 'avec' })).toBe(2);
    expect(count({ referents: 'sans' })).toBe(13);
    expect(count({ sessionId: h.ids.sessionId, companies: 'sans' })).toBe(9);
  });

  it('visits: À effectuer / Effectuées', () => {
    expect(students({ visits: 'effectuees' })).toEqual(['ACAR Laurie']);
    expect(count({ visits: 'a_effectuer' })).toBe(14);
  });

  it('phases: Effectués / En cours / À venir / Arrêtés', () => {
    expect(students({ phase: 'effectues' })).toEqual(['GARNIER Lucas']);
    expect(count({ phase: 'en_cours' })).toBe(10);
    expect(count({ phase: 'a_venir' })).toBe(3);
    expect(students({ phase: 'arretes' })).toEqual(['FABRE Inès']);
  });

  it('a filter that makes no sense is a French message', () => {
    const backwards = h.call<ApiResult<FilterResult>>('apiFilterStages', {
      ...ANY,
      from: '31/03/2023',
      to: '01/02/2023',
    });
    expect(backwards).toMatchObject({ ok: false, field: 'to' });
    if (!backwards.ok) expect(backwards.error).toMatch(/à l'envers/);
    const notADate = h.call<ApiResult<FilterResult>>('apiFilterStages', { ...ANY, from: 'mars' });
    expect(notADate).toMatchObject({ ok: false, field: 'from' });
    const unknown = h.call<ApiResult<FilterResult>>('apiFilterStages', { ...ANY, phase: 'fini' });
    expect(unknown).toMatchObject({ ok: false, field: 'phase' });
  });

  it('"Appliquer à la feuille" hides the other rows; removing it shows them all again', () => {
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    const data = h.display('Stages');
    const journal = h.display('Journal').length;
    const r = h.call<ApiResult<FilterResult>>('apiApplyFilterToSheet', {
      ...ANY,
      sessionId: h.ids.sessionId,
      companies: 'sans',
    });
    expect(ok(r).count).toBe(9);
    if (r.ok) expect(r.message).toMatch(/9 stages sur 15/);
    expect(sheet.getFilter()).not.toBeNull();
    const visible = (): string[] => {
      const out: string[] = [];
      for (let row = 2; row <= sheet.getLastRow(); row++) {
        if (!sheet.isRowHiddenByFilter(row)) out.push(String(sheet.getRange(row, 5).getValue()));
      }
      return out.sort();
    };
    expect(sheet.isRowHiddenByFilter(1)).toBe(false);
    expect(visible()).toEqual(
      [
        'BERNARD Hugo',
        'COLIN Sarah',
        'DUBOIS Mehdi',
        'FABRE Inès',
        'GARNIER Lucas',
        'HENRY Manon',
        'LEROY Yanis',
        'MOREL Chloé',
        'ZOLA Émile',
      ].sort(),
    );
    expect(h.display('Journal')).toHaveLength(journal + 1);
    // Another filter replaces the first one.
    ok(h.call('apiApplyFilterToSheet', { ...ANY, student: 'acar' }));
    expect(visible()).toEqual(['ACAR Laurie']);
    // Filtering hides rows, it changes no data.
    expect(h.display('Stages')).toEqual(data);

    ok(h.call('apiClearSheetFilter'));
    expect(sheet.getFilter()).toBeNull();
    expect(visible()).toHaveLength(15);
    expect(h.display('Stages')).toEqual(data);
  });
});

describe('"Affecter" on the selected rows', () => {
  let h: Harness;
  beforeEach(() => {
    h = seededWorkbook();
  });

  /** Rows 2 to 6: ACAR (Crédit Agricole), ACNA (Banque Populaire), BERNARD, COLIN, DUBOIS. */
  function selectFive(): StageSelection {
    h.em.sheets.setActiveRange('Stages', 'A2:A6');
    return selection(h);
  }

  const five = ['ACAR Laurie', 'ACNA Camille', 'BERNARD Hugo', 'COLIN Sarah', 'DUBOIS Mehdi'];
  const columns = (r: Record<string, string>) => [
    r['Élève'],
    r['Entreprise'],
    r['Tuteur entreprise'],
    r['Référent établissement'],
  ];

  it('the selection gives the IDs and fingerprints of every selected row', () => {
    const sel = selectFive();
    expect(sel.selectedIds).toEqual(five.map((s) => h.ids.stages[s]));
    expect(sel.selectedFingerprints).toHaveLength(5);
    expect(new Set(sel.selectedFingerprints).size).toBe(5);
    expect(sel.stage!.student).toBe('ACAR Laurie');
  });

  it('sets company, tutor and referent on every selected row in one action', () => {
    const sel = selectFive();
    const journal = h.display('Journal').length;
    const r = h.call<ApiResult<StageView[]>>('apiAffect', {
      stageIds: sel.selectedIds,
      fingerprints: sel.selectedFingerprints,
      companyId: h.ids.companies[BP],
      tutorId: h.ids.tutors['M. BONNET Frédéric'],
      referentId: h.ids.staff['M. BRUEL Patrick'],
    } satisfies AffectInput);
    expect(ok(r)).toHaveLength(5);
    if (r.ok) expect(r.message).toBe('5 stages mis à jour.');
    const rows = h.stageRows();
    expect(rows.filter((x) => five.includes(x['Élève']!)).map(columns)).toEqual(
      five.map((s) => [s, BP, 'M. BONNET Frédéric', 'M. BRUEL Patrick']),
    );
    for (const x of rows.filter((y) => five.includes(y['Élève']!))) {
      expect(x['ID entreprise']).toBe(h.ids.companies[BP]);
      expect(x['ID tuteur']).toBe(h.ids.tutors['M. BONNET Frédéric']);
    }
    // The rows outside the selection are untouched.
    expect(rows.find((x) => x['Élève'] === 'FABRE Inès')!['Entreprise']).toBe('');
    expect(h.display('Journal')).toHaveLength(journal + 1);
    expect(h.display('Journal').at(-1)![2]).toBe('Affecter');
  });

  it('setting only the referent leaves each row’s company and tutor as they were', () => {
    const sel = selectFive();
    ok(
      h.call('apiAffect', {
        stageIds: sel.selectedIds,
        fingerprints: sel.selectedFingerprints,
        referentId: h.ids.staff['M. BRUEL Patrick'],
      }),
    );
    expect(
      h
        .stageRows()
        .filter((x) => five.includes(x['Élève']!))
        .map(columns),
    ).toEqual([
      ['ACAR Laurie', CA, 'M. ECUSSON Blase', 'M. BRUEL Patrick'],
      ['ACNA Camille', BP, 'M. BONNET Frédéric', 'M. BRUEL Patrick'],
      ['BERNARD Hugo', '', '', 'M. BRUEL Patrick'],
      ['COLIN Sarah', '', '', 'M. BRUEL Patrick'],
      ['DUBOIS Mehdi', '', '', 'M. BRUEL Patrick'],
    ]);
  });

  it('refuses a tutor of another company, and writes nothing', () => {
    const sel = selectFive();
    const before = h.display('Stages');
    const journal = h.display('Journal').length;
    const r = h.call<ApiResult<StageView[]>>('apiAffect', {
      stageIds: sel.selectedIds,
      fingerprints: sel.selectedFingerprints,
      companyId: h.ids.companies[CA],
      tutorId: h.ids.tutors['M. BONNET Frédéric'],
    });
    expect(r).toMatchObject({ ok: false, field: 'tutorId' });
    // A tutor alone, over rows of different companies: refused too.
    const mixed = h.call<ApiResult<StageView[]>>('apiAffect', {
      stageIds: sel.selectedIds.slice(0, 2),
      fingerprints: sel.selectedFingerprints.slice(0, 2),
      tutorId: h.ids.tutors['M. ECUSSON Blase'],
    });
    expect(mixed).toMatchObject({ ok: false, field: 'tutorId' });
    expect(h.display('Stages')).toEqual(before);
    expect(h.display('Journal')).toHaveLength(journal);
  });

  it('a row changed since the selection was read is a conflict: no row is written', () => {
    const sel = selectFive();
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    // Meanwhile a colleague types weekly hours on COLIN Sarah's row (column O).
    sheet.getRange(h.rowOf(h.ids.stages['COLIN Sarah']!), 15).setValue(28);
    const before = h.display('Stages');
    const r = h.call<ApiResult<StageView[]>>('apiAffect', {
      stageIds: sel.selectedIds,
      fingerprints: sel.selectedFingerprints,
      companyId: h.ids.companies[BP],
    });
    expect(r).toMatchObject({ ok: false, conflict: true });
    expect(h.display('Stages')).toEqual(before);
    // Read again, the same action goes through.
    const fresh = selectFive();
    ok(
      h.call('apiAffect', {
        stageIds: fresh.selectedIds,
        fingerprints: fresh.selectedFingerprints,
        companyId: h.ids.companies[BP],
      }),
    );
    expect(h.stageRows().filter((x) => x['Entreprise'] === BP)).toHaveLength(5);
  });

  it('an unknown company or an empty selection is refused', () => {
    const sel = selectFive();
    const unknown = h.call<ApiResult<StageView[]>>('apiAffect', {
      stageIds: sel.selectedIds,
      fingerprints: sel.selectedFingerprints,
      companyId: 'ENT-NOPE',
    });
    expect(unknown).toMatchObject({ ok: false, field: 'companyId' });
    const none = h.call<ApiResult<StageView[]>>('apiAffect', {
      stageIds: [],
      fingerprints: [],
      companyId: h.ids.companies[BP],
    });
    expect(none.ok).toBe(false);
  });
});

describe('the fiche stage follows the selection', () => {
  let h: Harness;
  beforeAll(() => {
    h = seededWorkbook();
  });

  it('shows the "Général" fields of the stage under the active cell', () => {
    const acna = fiche(h, h.ids.stages['ACNA Camille']!).stage!;
    expect(acna).toMatchObject({
      id: h.ids.stages['ACNA Camille'],
      session: 'BTS 1 info période 1',
      sessionId: h.ids.sessionId,
      start: '2023-02-01',
      end: '2023-03-31',
      student: 'ACNA Camille',
      className: 'BTS1',
      company: BP,
      companyId: h.ids.companies[BP],
      tutor: 'M. BONNET Frédéric',
      referent: 'M. BRUEL Patrick',
      phase: 'En cours',
      weeklyHours: null,
    });
    // Another cell of another row: the fiche follows.
    h.em.sheets.setActiveRange('Stages', `G${h.rowOf(h.ids.stages['MOREL Chloé']!)}`);
    expect(selection(h).stage).toMatchObject({ student: 'MOREL Chloé', company: '' });
  });

  it('nothing is shown on the header row or on another sheet', () => {
    h.em.sheets.setActiveRange('Stages', 'C1');
    expect(selection(h)).toEqual({
      stage: null,
      siblings: [],
      selectedIds: [],
      selectedFingerprints: [],
      probe: { sheet: 'Stages', rows: '', currentRow: 1, rowDigest: '', width: 0 },
    });
    h.em.sheets.setActiveRange('Élèves', 'A2');
    expect(selection(h).stage).toBeNull();
  });

  it('lists the student’s stages of the session, in date order', () => {
    const first = fiche(h, h.ids.stages['ACAR Laurie']!).stage!;
    expect(fiche(h, first.id).siblings.map((s) => s.id)).toEqual([first.id]);
    const parts = ok(
      h.call<ApiResult<StageView[]>>('apiSplitStage', {
        stageId: first.id,
        fingerprint: first.fingerprint,
        splitDate: '01/03/2023',
        firstPartEnd: '',
        mode: 'cut',
        reason: '',
        keepAssignment: false,
        companyId: h.ids.companies[BP],
        tutorId: '',
        referentId: '',
      }),
    );
    const second = parts[1]!;
    const sel = fiche(h, second.id);
    expect(sel.stage).toMatchObject({ id: second.id, start: '2023-03-01', company: BP });
    expect(sel.siblings.map((s) => [s.start, s.end, s.company])).toEqual([
      ['2023-02-01', '2023-02-28', CA],
      ['2023-03-01', '2023-03-31', BP],
    ]);
    // Another student's fiche does not list them.
    expect(fiche(h, h.ids.stages['ACNA Camille']!).siblings).toHaveLength(1);
  });
});
