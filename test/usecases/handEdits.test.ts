/**
 * Staff typing in the Stages sheet directly, on the real bundle: a row typed by hand becomes a
 * real stage after "Initialiser le classeur"; a company picked by hand in a row is the one the
 * add-on uses next; a name that exists nowhere is a French error naming it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, StageSelection, StageView } from '../../src/api/contract';
import { type Harness, seededWorkbook } from './harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const CA = 'CREDIT AGRICOLE DU NORD CAMBRAI';
const BP = 'BANQUE POPULAIRE DU NORD DENAIN';
/** Columns of the Stages sheet (1-based), as the schema orders them. */
const COL = { id: 1, session: 2, start: 3, end: 4, student: 5, company: 7, tutor: 8 } as const;

let h: Harness;
let stages: GoogleAppsScript.Spreadsheet.Sheet;

beforeEach(() => {
  h = seededWorkbook();
  stages = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
});

function fiche(stageId: string): StageSelection {
  h.select(h.rowOf(stageId));
  return h.call<StageSelection>('apiGetSelection');
}

/** What a user types in a cell (strings, as typed: dates are recognised by the sheet). */
function type(row: number, col: number, text: string): void {
  stages.getRange(row, col).setValue(text);
}

/** The first empty row under the stages, where a user would type a new one. */
function nextFreeRow(): number {
  return h.stageRows().length + 2;
}

describe('a stage row typed by hand', () => {
  beforeEach(() => {
    ok(h.call('apiApplyImport', { kind: 'students', text: 'Nom;Prénom;Classe\nZOLA;Émile;BTS2' }));
  });

  it('gets an ID and its computed cells from "Initialiser le classeur", then works like any other', () => {
    const row = nextFreeRow();
    type(row, COL.session, 'BTS 1 info période 1');
    type(row, COL.start, '01/02/2023');
    type(row, COL.end, '31/03/2023');
    type(row, COL.student, 'ZOLA Émile');
    // Typed in lower case, with a stray space: still the company of the list.
    type(row, COL.company, 'banque populaire du nord denain ');
    expect(stages.getRange(row, COL.start).getValue()).toBeInstanceOf(Date);

    h.call('menuInitWorkbook');
    expect(h.em.sheets.ui.alerts).toHaveLength(0);
    expect(h.em.sheets.ui.toasts.at(-1)!.message).toMatch(/1 ligne de stage complétée/);

    const typed = h.stageRows().find((r) => r['Élève'] === 'ZOLA Émile')!;
    expect(typed['ID']).toMatch(/^STG-/);
    expect(typed).toMatchObject({
      Session: 'BTS 1 info période 1',
      Début: '01/02/2023',
      Fin: '31/03/2023',
      Classe: 'BTS2',
      Entreprise: BP,
      Phase: 'En cours',
      Présence: '1 mois 21 jours',
      'ID session': h.ids.sessionId,
      'ID entreprise': h.ids.companies[BP],
    });
    expect(typed['ID élève']).toMatch(/^ELV-/);
    expect(h.stageRows()).toHaveLength(11);

    // Run again: the row keeps its ID, nothing is repaired twice.
    h.call('menuInitWorkbook');
    expect(h.stageRows().find((r) => r['Élève'] === 'ZOLA Émile')!['ID']).toBe(typed['ID']);
    expect(h.em.sheets.ui.toasts.at(-1)!.message).not.toMatch(/ligne.* de stage/);

    // The fiche reads it and "Arrêter le stage" addresses it by its new ID.
    const sel = fiche(typed['ID']!);
    expect(sel.stage).toMatchObject({ student: 'ZOLA Émile', companyId: h.ids.companies[BP] });
    const stopped = ok(
      h.call<ApiResult<StageView>>('apiStopStage', {
        stageId: typed['ID'],
        fingerprint: sel.stage!.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Rupture',
      }),
    );
    expect(stopped).toMatchObject({ end: '2023-02-27', originalEnd: '2023-03-31' });
    expect(h.stageRows().find((r) => r['ID'] === typed['ID'])).toMatchObject({
      Fin: '27/02/2023',
      Phase: 'Arrêté',
    });
    // The assignment screen now counts him as assigned: "Affecter les élèves" adds no duplicate.
    const zola = typed['ID élève']!;
    expect(
      ok(h.call('apiAssignStudents', { sessionId: h.ids.sessionId, studentIds: [zola] })),
    ).toEqual({ created: 0, skipped: 1, overlapping: [] });
  });

  it('a row naming an unknown student is listed in French, not guessed, and keeps no ID', () => {
    const row = nextFreeRow();
    type(row, COL.session, 'BTS 1 info période 1');
    type(row, COL.start, '01/02/2023');
    type(row, COL.end, '31/03/2023');
    type(row, COL.student, 'DUPONT Jean');
    h.call('menuInitWorkbook');
    const alert = h.em.sheets.ui.alerts.at(-1)!;
    expect(alert.prompt).toMatch(/Lignes de stage à corriger à la main/);
    expect(alert.prompt).toMatch(new RegExp(`Ligne ${row} .*« DUPONT Jean » ne figure pas`));
    expect(stages.getRange(row, COL.id).getValue()).toBe('');
  });
});

describe('a company picked by hand in an existing row', () => {
  const laurie = () => h.ids.stages['ACAR Laurie']!;

  /** The user picks the other company and its tutor in the drop-downs of ACAR Laurie's row. */
  function pickOtherCompany(): number {
    const row = h.rowOf(laurie());
    type(row, COL.company, BP);
    type(row, COL.tutor, 'M. BONNET Frédéric');
    expect(h.em.sheets.isValid('Stages', row, COL.company)).toBe(true);
    return row;
  }

  it('"Arrêter le stage" uses it, and writes its hidden ID', () => {
    pickOtherCompany();
    const sel = fiche(laurie());
    const stopped = ok(
      h.call<ApiResult<StageView>>('apiStopStage', {
        stageId: laurie(),
        fingerprint: sel.stage!.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Changement d’entreprise',
      }),
    );
    expect(stopped).toMatchObject({
      company: BP,
      companyId: h.ids.companies[BP],
      tutorId: h.ids.tutors['M. BONNET Frédéric'],
    });
    const after = h.stageRows().find((r) => r['ID'] === laurie())!;
    expect(after).toMatchObject({
      Entreprise: BP,
      'Tuteur entreprise': 'M. BONNET Frédéric',
      'ID entreprise': h.ids.companies[BP],
      'ID tuteur': h.ids.tutors['M. BONNET Frédéric'],
      Fin: '27/02/2023',
    });
    // Filters see the new company too.
    const list = ok(
      h.call<ApiResult<{ stages: StageView[] }>>('apiFilterStages', {
        sessionId: '',
        student: '',
        className: '',
        from: '',
        to: '',
        company: 'credit agricole',
        companies: 'indif',
        tutors: 'indif',
        referents: 'indif',
        visits: 'indif',
        phase: 'indif',
      }),
    );
    expect(list.stages).toHaveLength(0);
  });

  it('the fiche shows it with its ID before any write', () => {
    pickOtherCompany();
    const sel = fiche(laurie());
    // The sidebar pre-fills "Réaffecter" and the tutor list from these IDs.
    expect(sel.stage).toMatchObject({
      company: BP,
      companyId: h.ids.companies[BP],
      tutor: 'M. BONNET Frédéric',
      tutorId: h.ids.tutors['M. BONNET Frédéric'],
    });
    expect(sel.siblings[0]).toMatchObject({ companyId: h.ids.companies[BP] });
  });

  it('"Affecter" (referent only) on that row keeps the picked company, ID included', () => {
    const row = pickOtherCompany();
    h.select(row);
    const sel = h.call<StageSelection>('apiGetSelection');
    ok(
      h.call('apiAffect', {
        stageIds: sel.selectedIds,
        fingerprints: sel.selectedFingerprints,
        referentId: '',
      }),
    );
    const hidden = () => {
      const r = h.stageRows().find((x) => x['ID'] === laurie())!;
      return [r['Entreprise'], r['ID entreprise'], r['ID tuteur']];
    };
    const picked = [BP, h.ids.companies[BP], h.ids.tutors['M. BONNET Frédéric']];
    expect(hidden()).toEqual(picked);
    // Nor may a later action or "Initialiser le classeur" fall back to the old company.
    const again = fiche(laurie()).stage!;
    ok(
      h.call('apiStopStage', {
        stageId: laurie(),
        fingerprint: again.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'x',
      }),
    );
    h.call('menuInitWorkbook');
    expect(hidden()).toEqual(picked);
  });

  it('the next stage action after a company typed by hand builds on it (new stage, same company kept)', () => {
    const row = h.rowOf(laurie());
    type(row, COL.company, BP);
    type(row, COL.tutor, '');
    const first = fiche(laurie()).stage!;
    const parts = ok(
      h.call<ApiResult<StageView[]>>('apiSplitStage', {
        stageId: first.id,
        fingerprint: first.fingerprint,
        splitDate: '01/03/2023',
        firstPartEnd: '',
        mode: 'cut',
        reason: '',
        keepAssignment: true,
        companyId: '',
        tutorId: '',
        referentId: '',
      }),
    );
    expect(parts.map((p) => [p.company, p.companyId, p.tutorId])).toEqual([
      [BP, h.ids.companies[BP], ''],
      [BP, h.ids.companies[BP], ''],
    ]);
    expect(
      h
        .stageRows()
        .filter((r) => r['Élève'] === 'ACAR Laurie')
        .map((r) => [r['Entreprise'], r['ID entreprise']]),
    ).toEqual([
      [BP, h.ids.companies[BP]],
      [BP, h.ids.companies[BP]],
    ]);
  });

  it('an unknown name typed by hand is a French error naming it, and nothing is written', () => {
    const row = h.rowOf(laurie());
    type(row, COL.company, 'GARAGE DU COIN');
    // The drop-down flags the cell.
    expect(h.em.sheets.isValid('Stages', row, COL.company)).toBe(false);
    const sel = fiche(laurie());
    const before = h.display('Stages');
    const journal = h.display('Journal').length;
    const r = h.call<ApiResult<StageView>>('apiStopStage', {
      stageId: laurie(),
      fingerprint: sel.stage!.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'x',
    });
    expect(r).toMatchObject({ ok: false, field: 'companyId' });
    if (!r.ok) {
      expect(r.error).toMatch(/« GARAGE DU COIN » ne figure pas dans la feuille Entreprises/);
    }
    expect(h.display('Stages')).toEqual(before);
    expect(h.display('Journal')).toHaveLength(journal);
  });

  it('"Initialiser le classeur" lists an unknown name typed by hand instead of undoing it', () => {
    const row = h.rowOf(laurie());
    type(row, COL.company, 'GARAGE DU COIN');
    h.call('menuInitWorkbook');
    const alert = h.em.sheets.ui.alerts.at(-1);
    expect(alert?.prompt).toMatch(new RegExp(`Ligne ${row} .*« GARAGE DU COIN »`));
    // What the user typed stays for them to correct; the hidden ID is not changed.
    expect(h.stageRows().find((r) => r['ID'] === laurie())).toMatchObject({
      Entreprise: 'GARAGE DU COIN',
      'ID entreprise': h.ids.companies[CA],
    });
  });

  it('an unknown tutor typed by hand is named too', () => {
    type(h.rowOf(laurie()), COL.tutor, 'Mme TARTEMPION Zoé');
    const sel = fiche(laurie());
    const r = h.call<ApiResult<StageView>>('apiStopStage', {
      stageId: laurie(),
      fingerprint: sel.stage!.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'x',
    });
    expect(r).toMatchObject({ ok: false, field: 'tutorId' });
    if (!r.ok)
      expect(r.error).toMatch(/« Mme TARTEMPION Zoé » ne figure pas dans la feuille Tuteurs/);
  });
});

describe('a name typed by hand, then an action that changes that ID', () => {
  it('Réaffecter writes the chosen referent’s own name, not the one typed over the old ID', () => {
    const laurie = h.ids.stages['ACAR Laurie']!;
    const row = h.rowOf(laurie);
    const referentCol = 9;
    const before = fiche(laurie).stage!;
    ok(
      h.call('apiSaveStaff', {
        id: '',
        civility: 'Mme',
        lastName: 'Lemaire',
        firstName: 'Anne',
        email: '',
        discipline: '',
      }),
    );
    // Someone types the other teacher's name in the cell: the row now means that teacher.
    type(row, referentCol, 'Mme LEMAIRE Anne');
    const s = fiche(laurie).stage!;
    // Back to the first referent from the sidebar: the cell must say so.
    const r = ok(
      h.call<ApiResult<StageView>>('apiReassignStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        companyId: s.companyId,
        tutorId: s.tutorId,
        referentId: before.referentId,
      }),
    );
    expect(r.referent).toBe(before.referent);
    expect(h.stageRows().find((x) => x['ID'] === laurie)!['Référent établissement']).toBe(
      before.referent,
    );
  });
});
