/**
 * "Supprimer le stage" and "Retirer l'élève de la session" on the real bundle: a preview to
 * confirm, then exactly what was confirmed deleted, its absences with it, its values kept in the
 * journal; a stage with visits is never deleted.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  DeletionPreview,
  DeletionResult,
  SessionView,
  StageSelection,
  StageView,
} from '../../src/api/contract';
import { SEED_SESSION } from '../fixtures/seed';
import { type Harness, seededWorkbook } from './harness';

function ok<T>(r: unknown): T {
  const res = r as ApiResult<T>;
  if (!res.ok) throw new Error(res.error);
  return res.value;
}

const absence = (stageId: string, day: string) => ({
  stageId,
  start: day,
  end: day,
  halfDay: false,
  reason: 'Malade',
  justified: true,
  countsAsPresence: false,
});

describe('deleting stages', () => {
  let h: Harness;
  beforeEach(() => {
    h = seededWorkbook();
  });

  const select = (label: string): StageView => {
    h.select(h.rowOf(h.ids.stages[label]!));
    return h.call<StageSelection>('apiGetSelection').stage!;
  };
  const input = (s: StageView, scope: 'stage' | 'session') => ({
    stageId: s.id,
    scope,
    row: s.row,
    studentId: s.studentId,
  });
  const confirm = (p: DeletionPreview) =>
    p.stages.map((s) => ({ id: s.id, fingerprint: s.fingerprint }));

  it('"Supprimer le stage": the preview lists it and its absences; confirmed, they go, kept in the journal', () => {
    const laurie = h.ids.stages['ACAR Laurie']!;
    ok(h.call('apiAddAbsence', absence(laurie, '08/02/2023')));
    const s = select('ACAR Laurie');
    const before = h.stageRows().length;
    const preview = ok<DeletionPreview>(h.call('apiPreviewDeletion', input(s, 'stage')));
    expect(preview).toMatchObject({
      scope: 'stage',
      student: 'ACAR Laurie',
      session: 'BTS 1 info période 1',
      absences: 1,
      visits: 0,
      blocked: '',
    });
    expect(preview.stages.map((x) => x.id)).toEqual([laurie]);
    // The preview wrote nothing.
    expect(h.stageRows()).toHaveLength(before);

    const r = h.call<ApiResult<DeletionResult>>('apiDeleteStages', {
      ...input(s, 'stage'),
      expected: confirm(preview),
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.message).toBe(
      'Stage d’ACAR Laurie du 01/02/2023 au 31/03/2023 supprimé ; 1 absence supprimée (tout est noté au Journal).',
    );
    expect(h.stageRows()).toHaveLength(before - 1);
    expect(h.stageRows().some((x) => x['ID'] === laurie)).toBe(false);
    expect(h.display('Absences')).toHaveLength(1);
    const line = h.display('Journal').at(-1)!;
    expect(line.slice(2, 4)).toEqual(['Supprimer le stage', laurie]);
    expect(line[4]).toContain(
      `Stages supprimés : ID : ${laurie} ; Session : BTS 1 info période 1 ; Début : 01/02/2023 ; Fin : 31/03/2023 ; Élève : ACAR Laurie ; Classe : BTS1 ; Entreprise : CREDIT AGRICOLE DU NORD CAMBRAI`,
    );
    expect(line[4]).toContain('Absences supprimées : ');
    expect(line[4]).toContain('08/02/2023');
    expect(line[4]).toContain('Malade');
  });

  it('a stage with a visit is not deleted: the preview says why, the deletion is refused', () => {
    const s = select('ACAR Laurie');
    ok(
      h.call('apiAddVisit', {
        stageId: s.id,
        date: '10/04/2023',
        staffId: h.ids.staff['M. BRUEL Patrick']!,
        comment: '',
      }),
    );
    const preview = ok<DeletionPreview>(h.call('apiPreviewDeletion', input(s, 'stage')));
    expect(preview.visits).toBe(1);
    expect(preview.blocked).toMatch(/^Ce stage a une visite enregistrée : /);
    const stages = h.display('Stages');
    const journal = h.display('Journal');
    const r = h.call<ApiResult<DeletionResult>>('apiDeleteStages', {
      ...input(s, 'stage'),
      expected: confirm(preview),
    });
    expect(r).toMatchObject({ ok: false, error: preview.blocked });
    expect(h.display('Stages')).toEqual(stages);
    expect(h.display('Journal')).toEqual(journal);
  });

  it('a stage changed since the confirmation is not deleted (the user confirmed something else)', () => {
    const s = select('ACAR Laurie');
    const preview = ok<DeletionPreview>(h.call('apiPreviewDeletion', input(s, 'stage')));
    ok(
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Rupture',
      }),
    );
    const stages = h.display('Stages');
    const r = h.call<ApiResult<DeletionResult>>('apiDeleteStages', {
      ...input(s, 'stage'),
      expected: confirm(preview),
    });
    expect(r).toMatchObject({ ok: false, conflict: true });
    expect(h.display('Stages')).toEqual(stages);
    // Nothing confirmed at all: nothing deleted either.
    expect(
      h.call<ApiResult<DeletionResult>>('apiDeleteStages', { ...input(s, 'stage'), expected: [] }),
    ).toMatchObject({ ok: false, conflict: true });
  });

  it('"Retirer l\'élève de la session": every stage of the student in it, and only there', () => {
    const s = select('ACAR Laurie');
    // Two stages in this session, apart in the sheet once it is sorted by start date…
    ok(
      h.call('apiSplitStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
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
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort(3);
    // …and one in another session.
    const may = ok<SessionView>(
      h.call('apiSaveSession', {
        ...SEED_SESSION,
        title: 'BTS 1 période 2',
        periods: [{ start: '02/05/2023', end: '26/05/2023' }],
      }),
    );
    ok(
      h.call('apiAssignStudents', {
        sessionId: may.id,
        studentIds: [h.ids.students['ACAR Laurie']!],
      }),
    );
    const first = select('ACAR Laurie');
    const preview = ok<DeletionPreview>(h.call('apiPreviewDeletion', input(first, 'session')));
    expect(preview.stages.map((x) => [x.start, x.end])).toEqual([
      ['2023-02-01', '2023-02-28'],
      ['2023-03-01', '2023-03-31'],
    ]);
    const r = h.call<ApiResult<DeletionResult>>('apiDeleteStages', {
      ...input(first, 'session'),
      expected: confirm(preview),
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.message).toBe(
      "ACAR Laurie n'est plus dans la session « BTS 1 info période 1 » : 2 stages supprimés (tout est noté au Journal).",
    );
    const laurie = h.stageRows().filter((x) => x['Élève'] === 'ACAR Laurie');
    expect(laurie.map((x) => x['Session'])).toEqual(['BTS 1 période 2']);
    expect(h.stageRows()).toHaveLength(10);
    expect(h.display('Journal').at(-1)![2]).toBe('Retirer l’élève de la session');
  });

  it('the journal line fails: the first row and its absence come back as they were, formulas and formats included', () => {
    const laurie = h.ids.stages['ACAR Laurie']!;
    ok(h.call('apiAddAbsence', absence(laurie, '08/02/2023')));
    const s = select('ACAR Laurie');
    expect(s.row).toBe(2);
    const preview = ok<DeletionPreview>(h.call('apiPreviewDeletion', input(s, 'stage')));
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    const width = sheet.getLastColumn();
    const look = () => {
      const row = sheet.getRange(2, 1, 1, width);
      return {
        formulas: row.getFormulas(),
        formats: row.getNumberFormats(),
        weights: row.getFontWeights(),
        backgrounds: row.getBackgrounds(),
      };
    };
    const before = { stages: h.display('Stages'), absences: h.display('Absences'), look: look() };
    h.em.log.failOn('Sheet.appendRow', 1, new Error('Service Spreadsheets failed'));
    const r = h.call<ApiResult<DeletionResult>>('apiDeleteStages', {
      ...input(s, 'stage'),
      expected: confirm(preview),
    });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toMatch(/rien n'a été enregistré/);
    expect({ stages: h.display('Stages'), absences: h.display('Absences'), look: look() }).toEqual(
      before,
    );
  });
});
