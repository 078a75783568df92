/**
 * Issue 9, "What staff see", on the real bundle: a split is never guessed, long text is refused
 * in French rather than cut, the manual route and "Scinder" leave the same rows, several
 * selected rows are stopped together (or the action says which row it acts on), absences fall on
 * worked days with a reason, the Journal names the student and the session, and a session's
 * type comes from a list.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  AbsenceView,
  ApiResult,
  ReferenceData,
  SessionView,
  StageSelection,
  StageView,
} from '../../src/api/contract';
import { MAX_REASON_LENGTH } from '../../src/api/contract';
import { type Harness, seededWorkbook } from './harness';
import { SEED_SESSION } from '../fixtures/seed';

let h: Harness;

beforeEach(() => {
  h = seededWorkbook();
});

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function refused<T>(r: ApiResult<T>): { error: string; field?: string } {
  if (r.ok) throw new Error(`accepté : ${r.message}`);
  return r.field === undefined ? { error: r.error } : { error: r.error, field: r.field };
}

function fiche(stageId: string): StageSelection {
  h.select(h.rowOf(stageId));
  return h.call<StageSelection>('apiGetSelection');
}

/** The sheets an action may write; equal before and after a refusal. */
const written = () =>
  JSON.stringify(['Stages', 'Absences', 'Journal', 'Sessions'].map((s) => h.display(s)));

const lastJournal = () => h.display('Journal').at(-1)!;
const laurie = () => h.ids.stages['ACAR Laurie']!;
const OBJECT_LAURIE = 'ACAR Laurie – BTS 1 info période 1';

const splitInput = (stage: StageView, patch: Record<string, unknown> = {}) => ({
  stageId: stage.id,
  fingerprint: stage.fingerprint,
  splitDate: '01/03/2023',
  firstPartEnd: '27/02/2023',
  mode: 'cut',
  reason: '',
  keepAssignment: true,
  companyId: '',
  tutorId: '',
  referentId: '',
  ...patch,
});

describe('Scinder: the nature of the split is required, on the server too', () => {
  it.each([
    ['left unchosen', ''],
    ['not sent', undefined],
    ['unknown', 'coupure'],
  ])('refuses a nature %s, on its field, writing nothing', (_what, mode) => {
    const stage = fiche(laurie()).stage!;
    const before = written();
    const r = h.call<ApiResult<StageView[]>>('apiSplitStage', splitInput(stage, { mode }));
    expect(refused(r)).toEqual({
      error: 'Choisissez la nature de la coupure : « Arrêt réel » ou « Simple découpage ».',
      field: 'mode',
    });
    expect(written()).toBe(before);
  });
});

describe('limits: over-long text is refused with its length, never cut', () => {
  it('a stop reason one character too long', () => {
    const stage = fiche(laurie()).stage!;
    const before = written();
    const r = h.call<ApiResult<StageView>>('apiStopStage', {
      stageId: stage.id,
      fingerprint: stage.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'x'.repeat(MAX_REASON_LENGTH + 1),
    });
    expect(refused(r)).toEqual({
      error: "Le motif de l'arrêt est trop long : 501 caractères pour 500 au plus.",
      field: 'reason',
    });
    expect(written()).toBe(before);
  });

  it('an absence reason, saying how long it is', () => {
    const before = written();
    const r = h.call<ApiResult<unknown>>('apiAddAbsence', {
      stageId: laurie(),
      start: '06/02/2023',
      end: '',
      halfDay: false,
      reason: 'x'.repeat(MAX_REASON_LENGTH + 20),
      justified: false,
      countsAsPresence: false,
    });
    expect(refused(r)).toEqual({
      error: "Le motif de l'absence est trop long : 520 caractères pour 500 au plus.",
      field: 'reason',
    });
    expect(written()).toBe(before);
  });
});

describe('the manual route and « Scinder » leave the same rows', () => {
  const COLUMNS = [
    'Début',
    'Fin',
    'Entreprise',
    "Date d'arrêt",
    "Motif d'arrêt",
    'Fin initiale',
    'Phase',
  ];
  const laurieRows = () =>
    h
      .stageRows()
      .filter((r) => r['Élève'] === 'ACAR Laurie')
      .map((r) => COLUMNS.map((c) => r[c]));

  it('stop → new stage → remove the stop gives the rows of a plain cut, « Fin initiale » empty', () => {
    const first = fiche(laurie()).stage!;
    ok(
      h.call('apiStopStage', {
        stageId: first.id,
        fingerprint: first.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Deuxième entreprise',
      }),
    );
    ok(
      h.call('apiNewStage', {
        fromStageId: first.id,
        start: '01/03/2023',
        end: '31/03/2023',
        companyId: '',
        tutorId: '',
        referentId: '',
        weeklyHours: '',
      }),
    );
    const stopped = fiche(first.id).stage!;
    ok(
      h.call('apiRemoveStop', {
        stageId: first.id,
        fingerprint: stopped.fingerprint,
        restoreOriginalEnd: false,
      }),
    );
    const manual = laurieRows();

    h = seededWorkbook();
    const again = fiche(laurie()).stage!;
    ok(h.call('apiSplitStage', splitInput(again, { keepAssignment: false, companyId: '' })));
    expect(laurieRows()).toEqual(manual);
    expect(manual[0]).toEqual([
      '01/02/2023',
      '27/02/2023',
      'CREDIT AGRICOLE DU NORD CAMBRAI',
      '',
      '',
      '',
      'En cours',
    ]);
  });

  it('stop → new stage gives the rows of a real stop, « Fin initiale » kept', () => {
    const first = fiche(laurie()).stage!;
    ok(
      h.call('apiStopStage', {
        stageId: first.id,
        fingerprint: first.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Rupture',
      }),
    );
    ok(
      h.call('apiNewStage', {
        fromStageId: first.id,
        start: '01/03/2023',
        end: '31/03/2023',
        companyId: '',
        tutorId: '',
        referentId: '',
        weeklyHours: '',
      }),
    );
    const manual = laurieRows();
    h = seededWorkbook();
    const again = fiche(laurie()).stage!;
    ok(
      h.call(
        'apiSplitStage',
        splitInput(again, { mode: 'stop', reason: 'Rupture', keepAssignment: false }),
      ),
    );
    expect(laurieRows()).toEqual(manual);
    expect(manual[0]!.slice(3, 6)).toEqual(['27/02/2023', 'Rupture', '31/03/2023']);
  });
});

describe('several rows selected: « Arrêter les stages… » stops them all, or none', () => {
  /** Rows 2 to 4: ACAR Laurie, ACNA Camille, BERNARD Hugo. */
  const selectThree = (): StageSelection => {
    h.em.sheets.setActiveRange('Stages', 'A2:A4');
    return h.call<StageSelection>('apiGetSelection');
  };
  const three = ['ACAR Laurie', 'ACNA Camille', 'BERNARD Hugo'];

  it('the selection names each selected row', () => {
    const sel = selectThree();
    expect(sel.selected).toEqual(
      three.map((student, i) => ({
        id: h.ids.stages[student],
        row: i + 2,
        student,
        start: '2023-02-01',
        end: '2023-03-31',
        stoppedOn: '',
      })),
    );
  });

  it('stops every selected row on one date for one reason, in one journal line', () => {
    const sel = selectThree();
    const journal = h.display('Journal').length;
    const r = h.call<ApiResult<StageView[]>>('apiStopStages', {
      stageIds: sel.selectedIds,
      fingerprints: sel.selectedFingerprints,
      stoppedOn: '27/02/2023',
      reason: "Fermeture de l'entreprise",
    });
    expect(ok(r).map((v) => [v.student, v.end, v.stoppedOn, v.originalEnd])).toEqual(
      three.map((s) => [s, '2023-02-27', '2023-02-27', '2023-03-31']),
    );
    if (r.ok) {
      expect(r.message).toBe(
        '3 stages arrêtés le 27/02/2023 : ACAR Laurie, ACNA Camille, BERNARD Hugo.',
      );
    }
    const rows = h.stageRows().filter((x) => three.includes(x['Élève']!));
    expect(rows.map((x) => [x['Fin'], x["Date d'arrêt"], x["Motif d'arrêt"], x['Phase']])).toEqual(
      three.map(() => ['27/02/2023', '27/02/2023', "Fermeture de l'entreprise", 'Arrêté']),
    );
    expect(h.stageRows().find((x) => x['Élève'] === 'COLIN Sarah')!["Date d'arrêt"]).toBe('');
    expect(h.display('Journal')).toHaveLength(journal + 1);
    expect(lastJournal().slice(2, 4)).toEqual([
      'Arrêter les stages',
      '3 stages – BTS 1 info période 1 : ACAR Laurie, ACNA Camille, BERNARD Hugo',
    ]);
  });

  it('checks each row: one already stopped, and none is stopped, the message names it', () => {
    const bernard = fiche(h.ids.stages['BERNARD Hugo']!).stage!;
    ok(
      h.call('apiStopStage', {
        stageId: bernard.id,
        fingerprint: bernard.fingerprint,
        stoppedOn: '20/02/2023',
        reason: 'Malade',
      }),
    );
    const sel = selectThree();
    const before = written();
    const r = h.call<ApiResult<StageView[]>>('apiStopStages', {
      stageIds: sel.selectedIds,
      fingerprints: sel.selectedFingerprints,
      stoppedOn: '27/02/2023',
      reason: "Fermeture de l'entreprise",
    });
    expect(refused(r)).toEqual({
      error:
        "Aucun stage arrêté : un des 3 stages sélectionnés ne peut pas l'être le 27/02/2023. " +
        "BERNARD Hugo (ligne 4) : Ce stage est déjà arrêté depuis le 20/02/2023 : enlevez d'abord l'arrêt.",
    });
    expect(written()).toBe(before);
  });

  it('a row changed since it was shown is a conflict, and nothing is written', () => {
    const sel = selectThree();
    const camille = fiche(h.ids.stages['ACNA Camille']!).stage!;
    ok(
      h.call('apiReassignStage', {
        stageId: camille.id,
        fingerprint: camille.fingerprint,
        companyId: '',
        tutorId: '',
        referentId: '',
      }),
    );
    const before = written();
    const r = h.call<ApiResult<StageView[]>>('apiStopStages', {
      stageIds: sel.selectedIds,
      fingerprints: sel.selectedFingerprints,
      stoppedOn: '27/02/2023',
      reason: 'x',
    });
    expect(r).toMatchObject({ ok: false, conflict: true });
    expect(written()).toBe(before);
  });
});

describe('« Arrêter les stages » with a fault at any service call', () => {
  it('leaves the workbook as it was, or all rows stopped and journalled', () => {
    const run = (w: Harness) => {
      w.em.sheets.setActiveRange('Stages', 'A2:A4');
      const sel = w.call<StageSelection>('apiGetSelection');
      w.em.log.reset();
      return () =>
        w.call<ApiResult<StageView[]>>('apiStopStages', {
          stageIds: sel.selectedIds,
          fingerprints: sel.selectedFingerprints,
          stoppedOn: '27/02/2023',
          reason: 'Fermeture',
        });
    };
    const state = (w: Harness) =>
      JSON.stringify(['Stages', 'Journal'].map((sheet) => w.display(sheet)));
    const act = run(h);
    expect(act().ok).toBe(true);
    const calls = Object.entries(h.em.log.snapshot()).flatMap(([key, n]) =>
      Array.from({ length: n }, (_, i) => [key, i + 1] as const),
    );
    expect(calls.length).toBeGreaterThan(5);
    let undone = 0;
    for (const [key, nth] of calls) {
      const w = seededWorkbook();
      const go = run(w);
      const before = state(w);
      w.em.log.failOn(key, nth, new Error('Service Spreadsheets failed'));
      let failed: boolean;
      try {
        failed = !go().ok;
      } catch {
        failed = true;
      }
      if (failed) {
        expect(state(w), `fault at ${key}#${nth}`).toBe(before);
        undone += 1;
      } else {
        const stopped = w.stageRows().filter((r) => r["Date d'arrêt"] === '27/02/2023');
        expect(stopped, `fault at ${key}#${nth}`).toHaveLength(3);
        expect(w.display('Journal').at(-1)![2]).toBe('Arrêter les stages');
      }
    }
    expect(undone).toBeGreaterThan(0);
  }, 120_000);
});

describe('absences: on a worked day, with a reason', () => {
  const absence = (patch: Record<string, unknown>) => ({
    stageId: laurie(),
    start: '06/02/2023',
    end: '',
    halfDay: false,
    reason: 'Malade',
    justified: false,
    countsAsPresence: false,
    ...patch,
  });

  it('refuses a Saturday of a Monday–Friday stage, writing nothing', () => {
    const before = written();
    expect(refused(h.call('apiAddAbsence', absence({ start: '04/02/2023' })))).toEqual({
      error:
        "Le samedi 04/02/2023 n'est pas travaillé dans ce stage (horaire : du lundi au vendredi) : une absence se saisit sur un jour travaillé.",
      field: 'start',
    });
    expect(written()).toBe(before);
  });

  it('refuses an absence without a reason, writing nothing', () => {
    const before = written();
    expect(refused(h.call('apiAddAbsence', absence({ reason: '  ' })))).toEqual({
      error:
        "Le motif de l'absence est obligatoire : écrivez « non communiqué » si l'élève n'en a pas donné.",
      field: 'reason',
    });
    expect(written()).toBe(before);
  });

  it('accepts a span over a weekend and says which days are not counted', () => {
    const r = h.call<ApiResult<{ absence: AbsenceView; stage: StageView }>>(
      'apiAddAbsence',
      absence({ start: '03/02/2023', end: '06/02/2023' }),
    );
    expect(ok(r).absence).toMatchObject({ start: '2023-02-03', end: '2023-02-06' });
    if (r.ok) {
      expect(r.message).toBe(
        'Absence enregistrée ; les samedi 04/02/2023 et dimanche 05/02/2023 ne sont pas travaillés dans ce stage : ils ne sont pas comptés.',
      );
    }
    // Two worked days of 7 h fewer than the full presence of 43 days.
    expect(ok(r).stage.presence).toBe('1 mois 19 jours');
  });
});

describe('the Journal names the student and the session of every stage action', () => {
  it('stop, remove the stop, new stage, reassign, split, affect, absences, visits', () => {
    const objects: [string, string][] = [];
    const note = () => {
      const line = lastJournal();
      objects.push([line[2]!, line[3]!]);
    };
    let s = fiche(laurie()).stage!;
    ok(
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'x',
      }),
    );
    note();
    s = fiche(laurie()).stage!;
    ok(
      h.call('apiRemoveStop', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        restoreOriginalEnd: true,
      }),
    );
    note();
    s = fiche(laurie()).stage!;
    ok(h.call('apiSplitStage', splitInput(s, { firstPartEnd: '', splitDate: '15/03/2023' })));
    note();
    s = fiche(laurie()).stage!;
    ok(
      h.call('apiReassignStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        companyId: '',
        tutorId: '',
        referentId: '',
      }),
    );
    note();
    const absence = ok(
      h.call<ApiResult<{ absence: AbsenceView }>>('apiAddAbsence', {
        stageId: laurie(),
        start: '06/02/2023',
        end: '',
        halfDay: false,
        reason: 'Malade',
        justified: true,
        countsAsPresence: false,
      }),
    ).absence;
    note();
    ok(h.call('apiRemoveAbsence', { absenceId: absence.id }));
    note();
    // The teacher signed in (the emulator's user) records the visit, and may delete it.
    const me = ok(
      h.call<ApiResult<{ id: string }>>('apiSaveStaff', {
        id: '',
        civility: 'Mme',
        lastName: 'ROUX',
        firstName: 'Léa',
        email: 'prof@lycee.example',
        discipline: '',
      }),
    ).id;
    const visit = ok(
      h.call<ApiResult<{ visit: { id: string } }>>('apiAddVisit', {
        stageId: laurie(),
        date: '14/02/2023',
        staffId: me,
        comment: '',
      }),
    ).visit;
    note();
    ok(h.call('apiRemoveVisit', { visitId: visit.id }));
    note();
    const camille = fiche(h.ids.stages['ACNA Camille']!).stage!;
    ok(
      h.call('apiStopStage', {
        stageId: camille.id,
        fingerprint: camille.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'x',
      }),
    );
    ok(
      h.call('apiNewStage', {
        fromStageId: camille.id,
        start: '01/03/2023',
        end: '31/03/2023',
        companyId: '',
        tutorId: '',
        referentId: '',
        weeklyHours: '',
      }),
    );
    note();
    expect(objects).toEqual([
      ['Arrêter le stage', OBJECT_LAURIE],
      ["Enlever l'arrêt", OBJECT_LAURIE],
      ['Scinder le stage', OBJECT_LAURIE],
      ['Réaffecter le stage', OBJECT_LAURIE],
      ['Ajouter une absence', OBJECT_LAURIE],
      ['Supprimer une absence', OBJECT_LAURIE],
      ['Enregistrer une visite', OBJECT_LAURIE],
      ['Supprimer une visite', OBJECT_LAURIE],
      ['Assigner un nouveau stage', 'ACNA Camille – BTS 1 info période 1'],
    ]);
  });

  it('« Affecter » on several rows names them', () => {
    h.em.sheets.setActiveRange('Stages', 'A5:A6');
    const sel = h.call<StageSelection>('apiGetSelection');
    ok(
      h.call('apiAffect', {
        stageIds: sel.selectedIds,
        fingerprints: sel.selectedFingerprints,
        referentId: h.ids.staff['M. BRUEL Patrick'],
      }),
    );
    expect(lastJournal().slice(2, 4)).toEqual([
      'Affecter',
      '2 stages – BTS 1 info période 1 : COLIN Sarah, DUBOIS Mehdi',
    ]);
  });
});

describe('session type: one of the list, checked by the server', () => {
  const save = (type: string) =>
    h.call<ApiResult<SessionView>>('apiSaveSession', {
      ...SEED_SESSION,
      title: 'BTS 1 info période 2',
      periods: [{ start: '02/05/2023', end: '26/05/2023' }],
      type,
    });

  it('saves a type of the list as the list spells it', () => {
    expect(ok(save('stage bts')).type).toBe('Stage BTS');
    expect(
      ok(
        h.call<ApiResult<SessionView>>('apiSaveSession', {
          ...SEED_SESSION,
          id: h.ids.sessionId,
          type: 'Autre',
        }),
      ).type,
    ).toBe('Autre');
  });

  it('refuses free text and a blank type on the field, writing nothing', () => {
    const before = written();
    expect(refused(save('Stage en entreprise'))).toMatchObject({ field: 'type' });
    expect(refused(save(''))).toMatchObject({ field: 'type' });
    expect(written()).toBe(before);
  });

  it('still reads and shows a type typed before the list existed', () => {
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sessions')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    const cell = sheet.getRange(2, header.indexOf('Type de session') + 1);
    cell.setValue('Stage en entreprise');
    // Typed by hand: the add-on's onEdit hears of it.
    h.call('onEdit', { range: cell });
    const refs = h.call<ReferenceData>('apiGetReferenceData');
    expect(refs.sessions.find((s) => s.id === h.ids.sessionId)!.type).toBe('Stage en entreprise');
  });
});
