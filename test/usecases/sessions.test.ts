/**
 * Sessions as the staff build them (seed 000, steps 1 and 2), on the real bundle: create and edit
 * a session, the form's validation, the assignment screen ("Classe / Nb élèves"), "Affecter les
 * élèves" run twice, and a session of two periods.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  AssignmentView,
  ReferenceData,
  SessionInput,
  SessionView,
  StageView,
} from '../../src/api/contract';
import { SEED_SESSION } from '../fixtures/seed';
import { type Harness, seededWorkbook } from './harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** The Sessions sheet as displayed, one object per data row keyed by French header. */
function sessionRows(h: Harness): Record<string, string>[] {
  const [header = [], ...rows] = h.display('Sessions');
  return rows
    .filter((r) => r[0] !== '')
    .map((r) => Object.fromEntries(header.map((c, i) => [c, r[i] ?? ''])));
}

function journalActions(h: Harness): string[] {
  return h.display('Journal').map((r) => r[2] ?? '');
}

const SECOND_SESSION: SessionInput = {
  id: '',
  title: 'BTS 1 info période 2',
  type: 'Stage BTS',
  schoolYear: '2022-2023',
  diploma: 'BTS Informatique',
  editionLabel: '',
  objectives: 'Approfondir.',
  // Typed out of order: the server sorts them.
  periods: [
    { start: '05/06/2023', end: '16/06/2023' },
    { start: '02/05/2023', end: '26/05/2023' },
  ],
};

describe('creating and editing a session', () => {
  let h: Harness;
  beforeEach(() => {
    h = seededWorkbook();
  });

  it('creates a session with its periods sorted, on one row of the Sessions sheet', () => {
    const journal = h.display('Journal').length;
    const created = ok(h.call<ApiResult<SessionView>>('apiSaveSession', SECOND_SESSION));
    expect(created.id).toMatch(/^SES-/);
    expect(created.id).not.toBe(h.ids.sessionId);
    expect(created.periods).toEqual([
      { start: '2023-05-02', end: '2023-05-26' },
      { start: '2023-06-05', end: '2023-06-16' },
    ]);
    // An empty "Libellé édition" takes the title, as PRONOTE does.
    expect(created.editionLabel).toBe('BTS 1 info période 2');
    const rows = sessionRows(h);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      ID: created.id,
      Intitulé: 'BTS 1 info période 2',
      'Année scolaire': '2022-2023',
      'Libellé édition': 'BTS 1 info période 2',
      Périodes: '02/05/2023-26/05/2023; 05/06/2023-16/06/2023',
    });
    expect(h.display('Journal')).toHaveLength(journal + 1);
    expect(journalActions(h).at(-1)).toBe('Créer la session');
    // « Objet » names the session, as staff read the Journal.
    expect(h.display('Journal').at(-1)![3]).toBe('BTS 1 info période 2');
    const refs = h.call<ReferenceData>('apiGetReferenceData');
    expect(refs.sessions.map((s) => s.title)).toEqual([
      'BTS 1 info période 1',
      'BTS 1 info période 2',
    ]);
  });

  it('renaming a session shows the new title on every stage of it, and only there', () => {
    const other = ok(h.call<ApiResult<SessionView>>('apiSaveSession', SECOND_SESSION));
    const someone = h.ids.students['BERNARD Hugo']!;
    ok(h.call('apiAssignStudents', { sessionId: other.id, studentIds: [someone] }));
    ok(
      h.call<ApiResult<SessionView>>('apiSaveSession', {
        ...SEED_SESSION,
        id: h.ids.sessionId,
        title: 'BTS 1 SIO — stage de février',
      }),
    );
    const rows = h.stageRows();
    expect(rows).toHaveLength(12);
    const bySession = (title: string) => rows.filter((r) => r['Session'] === title).length;
    expect(bySession('BTS 1 SIO — stage de février')).toBe(10);
    expect(bySession('BTS 1 info période 1')).toBe(0);
    expect(bySession('BTS 1 info période 2')).toBe(2);
    // The session keeps its row and its ID.
    expect(sessionRows(h).map((r) => [r['ID'], r['Intitulé']])).toEqual([
      [h.ids.sessionId, 'BTS 1 SIO — stage de février'],
      [other.id, 'BTS 1 info période 2'],
    ]);
    expect(journalActions(h).at(-1)).toBe('Modifier la session');
    // The renamed stages still work: the fiche reads the new title.
    h.select(h.rowOf(h.ids.stages['ACAR Laurie']!));
    const sel = h.call<{ stage: { session: string; sessionId: string } }>('apiGetSelection');
    expect(sel.stage).toMatchObject({
      session: 'BTS 1 SIO — stage de février',
      sessionId: h.ids.sessionId,
    });
  });

  it('editing the periods keeps one row and rewrites its Périodes cell', () => {
    ok(
      h.call<ApiResult<SessionView>>('apiSaveSession', {
        ...SEED_SESSION,
        id: h.ids.sessionId,
        periods: [
          { start: '01/02/2023', end: '31/03/2023' },
          { start: '02/05/2023', end: '26/05/2023' },
        ],
      }),
    );
    expect(sessionRows(h)).toHaveLength(1);
    expect(sessionRows(h)[0]!['Périodes']).toBe('01/02/2023-31/03/2023; 02/05/2023-26/05/2023');
  });
});

describe('the session form refuses bad input and writes nothing', () => {
  let h: Harness;
  beforeAll(() => {
    h = seededWorkbook();
  });

  const base: SessionInput = { ...SECOND_SESSION, periods: [...SECOND_SESSION.periods] };
  const cases: [string, Partial<SessionInput>, RegExp, string | RegExp][] = [
    [
      'overlapping periods',
      {
        periods: [
          { start: '02/05/2023', end: '26/05/2023' },
          { start: '22/05/2023', end: '16/06/2023' },
        ],
      },
      /chevauchent/,
      /^periods\./,
    ],
    [
      'a period outside the school year',
      { periods: [{ start: '02/05/2023', end: '15/09/2023' }] },
      /sort de l'année scolaire 2022-2023/,
      'periods.0.end',
    ],
    [
      'a period that ends before it starts',
      { periods: [{ start: '26/05/2023', end: '02/05/2023' }] },
      /finit .* avant de commencer/,
      'periods.0.end',
    ],
    ['a missing title', { title: '   ' }, /intitulé/i, 'title'],
    ['no period at all', { periods: [{ start: '', end: '' }] }, /au moins une période/, 'periods'],
    [
      'an impossible date',
      { periods: [{ start: '30/02/2023', end: '31/03/2023' }] },
      /n'existe pas/,
      'periods.0.start',
    ],
    ['the title of another session', { title: 'bts 1 info PÉRIODE 1' }, /déjà/, 'title'],
  ];

  for (const [name, patch, message, field] of cases) {
    it(name, () => {
      const sessions = h.display('Sessions');
      const stages = h.display('Stages');
      const journal = h.display('Journal');
      const r = h.call<ApiResult<SessionView>>('apiSaveSession', { ...base, ...patch });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatch(message);
        expect(r.field).toMatch(field);
      }
      expect(h.display('Sessions')).toEqual(sessions);
      expect(h.display('Stages')).toEqual(stages);
      expect(h.display('Journal')).toEqual(journal);
    });
  }

  it('a bad edit of an existing session leaves its stages as they were', () => {
    const stages = h.display('Stages');
    const r = h.call<ApiResult<SessionView>>('apiSaveSession', {
      ...SEED_SESSION,
      id: h.ids.sessionId,
      title: 'Nouveau nom',
      periods: [{ start: '01/02/2023', end: '31/08/2024' }],
    });
    expect(r.ok).toBe(false);
    expect(h.display('Stages')).toEqual(stages);
    expect(sessionRows(h)[0]!['Intitulé']).toBe('BTS 1 info période 1');
  });
});

describe('assigning students by class', () => {
  let h: Harness;
  beforeEach(() => {
    h = seededWorkbook();
    ok(
      h.call('apiApplyImport', {
        kind: 'students',
        text: 'Nom;Prénom;Classe\nZOLA;Émile;BTS2\nYILMAZ;Aya;BTS2\nVIDAL;Noé;1PRO',
      }),
    );
  });

  const bts2 = (view: AssignmentView) =>
    view.students.filter((s) => s.className === 'BTS2').map((s) => s.id);

  it('shows each class with its count, and which students are already assigned', () => {
    const view = h.call<AssignmentView>('apiGetAssignment', h.ids.sessionId);
    expect(view.sessionId).toBe(h.ids.sessionId);
    expect(view.classes).toEqual([
      { className: '1PRO', count: 1 },
      { className: 'BTS1', count: 10 },
      { className: 'BTS2', count: 2 },
    ]);
    expect(view.students).toHaveLength(13);
    const assigned = view.students.filter((s) => s.assigned).map((s) => s.label);
    expect(assigned.sort()).toEqual(Object.keys(h.ids.stages).sort());
    expect(view.students.find((s) => s.label === 'ZOLA Émile')).toMatchObject({
      className: 'BTS2',
      assigned: false,
    });
  });

  it('"Affecter les élèves" twice creates no duplicate', () => {
    const ids = bts2(h.call<AssignmentView>('apiGetAssignment', h.ids.sessionId));
    expect(ids).toHaveLength(2);
    const first = h.call<ApiResult<{ created: number; skipped: number }>>('apiAssignStudents', {
      sessionId: h.ids.sessionId,
      studentIds: ids,
    });
    expect(ok(first)).toEqual({ created: 2, skipped: 0, overlapping: [] });
    expect(h.stageRows()).toHaveLength(12);
    const added = h.stageRows().filter((r) => r['Classe'] === 'BTS2');
    expect(added.map((r) => [r['Élève'], r['Session'], r['Début'], r['Fin'], r['Phase']])).toEqual(
      expect.arrayContaining([
        ['ZOLA Émile', 'BTS 1 info période 1', '01/02/2023', '31/03/2023', 'En cours'],
        ['YILMAZ Aya', 'BTS 1 info période 1', '01/02/2023', '31/03/2023', 'En cours'],
      ]),
    );
    expect(new Set(added.map((r) => r['ID'])).size).toBe(2);

    const before = h.display('Stages');
    // The whole class again, with one student already assigned from BTS1 in the selection.
    const again = h.call<ApiResult<{ created: number; skipped: number }>>('apiAssignStudents', {
      sessionId: h.ids.sessionId,
      studentIds: [...ids, h.ids.students['ACAR Laurie']],
    });
    expect(ok(again)).toEqual({ created: 0, skipped: 3, overlapping: [] });
    if (again.ok) expect(again.message).toBe('Aucun stage créé ; 3 élèves déjà affectés.');
    expect(h.display('Stages')).toEqual(before);
    const view = h.call<AssignmentView>('apiGetAssignment', h.ids.sessionId);
    expect(view.students.filter((s) => s.className === 'BTS2').every((s) => s.assigned)).toBe(true);
    expect(journalActions(h).filter((a) => a === 'Affecter les élèves')).toHaveLength(3);
  });

  it('a session of two periods gives two stages per student, one per period', () => {
    const session = ok(h.call<ApiResult<SessionView>>('apiSaveSession', SECOND_SESSION));
    const ids = bts2(h.call<AssignmentView>('apiGetAssignment', session.id));
    expect(ok(h.call('apiAssignStudents', { sessionId: session.id, studentIds: ids }))).toEqual({
      created: 4,
      skipped: 0,
      overlapping: [],
    });
    const rows = h.stageRows().filter((r) => r['Session'] === 'BTS 1 info période 2');
    expect(
      rows
        .map((r) => [r['Élève'], r['Début'], r['Fin'], r['Phase']])
        .sort((a, b) => a.join().localeCompare(b.join())),
    ).toEqual([
      ['YILMAZ Aya', '02/05/2023', '26/05/2023', 'À venir'],
      ['YILMAZ Aya', '05/06/2023', '16/06/2023', 'À venir'],
      ['ZOLA Émile', '02/05/2023', '26/05/2023', 'À venir'],
      ['ZOLA Émile', '05/06/2023', '16/06/2023', 'À venir'],
    ]);
    // The fiche of one of them lists both stages as siblings.
    const zola = rows.find((r) => r['Élève'] === 'ZOLA Émile')!;
    h.select(h.rowOf(zola['ID']!));
    const sel = h.call<{ siblings: { start: string }[] }>('apiGetSelection');
    expect(sel.siblings.map((s) => s.start)).toEqual(['2023-05-02', '2023-06-05']);
    // Run again: nothing new.
    expect(ok(h.call('apiAssignStudents', { sessionId: session.id, studentIds: ids }))).toEqual({
      created: 0,
      skipped: 2,
      overlapping: [],
    });
    expect(h.stageRows()).toHaveLength(14);
  });

  it('refuses an unknown session, an unknown student or an empty selection, writing nothing', () => {
    const before = h.display('Stages');
    const journal = h.display('Journal').length;
    const id = h.ids.students['ACAR Laurie'];
    const bad: [unknown, RegExp][] = [
      [{ sessionId: 'SES-NOPE', studentIds: [id] }, /session/],
      [{ sessionId: h.ids.sessionId, studentIds: ['ELV-NOPE'] }, /introuvable/],
      [{ sessionId: h.ids.sessionId, studentIds: [] }, /au moins un élève/],
    ];
    for (const [input, message] of bad) {
      const r = h.call<ApiResult<unknown>>('apiAssignStudents', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message);
    }
    expect(h.display('Stages')).toEqual(before);
    expect(h.display('Journal')).toHaveLength(journal);
  });
});

describe('new periods and the stages already in the session', () => {
  let h: Harness;
  beforeEach(() => {
    h = seededWorkbook();
  });

  const shortened = (adjustStages: boolean, end = '15/03/2023'): SessionInput => ({
    ...SEED_SESSION,
    id: h.ids.sessionId,
    periods: [{ start: '01/02/2023', end }],
    adjustStages,
  });
  const laurie = () => h.stageRows().find((r) => r['Élève'] === 'ACAR Laurie')!;
  const select = (label: string) => {
    h.select(h.rowOf(h.ids.stages[label]!));
    return h.call<{ stage: StageView }>('apiGetSelection').stage;
  };

  it('a shorter period is refused, naming the students and dates it would leave outside', () => {
    const sessions = h.display('Sessions');
    const stages = h.display('Stages');
    const journal = h.display('Journal');
    const r = h.call<ApiResult<SessionView>>('apiSaveSession', shortened(false));
    expect(r).toMatchObject({ ok: false, field: 'adjustStages' });
    if (r.ok) return;
    expect(r.error).toMatch(
      /^Ces périodes laisseraient 10 stages hors de la session : ACAR Laurie \(du 01\/02\/2023 au 31\/03\/2023\), ACNA Camille \(du 01\/02\/2023 au 31\/03\/2023\),/,
    );
    expect(r.error).toContain('Cochez « Ajuster les stages aux nouvelles dates »');
    expect(h.display('Sessions')).toEqual(sessions);
    expect(h.display('Stages')).toEqual(stages);
    expect(h.display('Journal')).toEqual(journal);
  });

  it('"Ajuster les stages aux nouvelles dates" clips them, counts their presence again, journals it', () => {
    const journal = h.display('Journal').length;
    const r = h.call<ApiResult<SessionView>>('apiSaveSession', shortened(true));
    if (!r.ok) throw new Error(r.error);
    expect(r.message).toBe(
      'Session « BTS 1 info période 1 » enregistrée ; 10 stages ajustés aux nouvelles dates.',
    );
    expect(h.stageRows().map((s) => [s['Début'], s['Fin']])).toEqual(
      Array.from({ length: 10 }, () => ['01/02/2023', '15/03/2023']),
    );
    // February (20 working days) and 1–15 March (11): 31 days, counted again.
    expect(laurie()['Présence']).toBe('1 mois 9 jours');
    expect(h.display('Journal')).toHaveLength(journal + 1);
    const line = h.display('Journal').at(-1)!;
    expect(line[2]).toBe('Modifier la session');
    expect(line[5]).toContain(
      'Stages ajustés : ACAR Laurie : du 01/02/2023 au 31/03/2023 → du 01/02/2023 au 15/03/2023',
    );
  });

  it('a stopped stage is never moved: the change is refused, naming it', () => {
    const s = select('ACAR Laurie');
    ok(
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Rupture',
      }),
    );
    const stages = h.display('Stages');
    const r = h.call<ApiResult<SessionView>>('apiSaveSession', shortened(true, '24/02/2023'));
    expect(r).toMatchObject({ ok: false, field: 'periods' });
    if (!r.ok)
      expect(r.error).toMatch(
        /^Un stage ne peut pas suivre les nouvelles périodes : ACAR Laurie \(du 01\/02\/2023 au 27\/02\/2023\) — arrêté le 27\/02\/2023/,
      );
    expect(h.display('Stages')).toEqual(stages);
  });

  it('the stage actions keep a stage inside the session as it now is', () => {
    const s = select('ACAR Laurie');
    ok(
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Rupture',
      }),
    );
    ok(h.call('apiSaveSession', shortened(true)));
    // The initial end (31/03) is now beyond the session: it cannot come back.
    const stopped = select('ACAR Laurie');
    const restore = h.call<ApiResult<StageView>>('apiRemoveStop', {
      stageId: stopped.id,
      fingerprint: stopped.fingerprint,
      restoreOriginalEnd: true,
    });
    expect(restore).toMatchObject({ ok: false, field: 'restoreOriginalEnd' });
    if (!restore.ok)
      expect(restore.error).toBe(
        'Avec sa fin initiale, le stage (du 01/02/2023 au 31/03/2023) sortirait de la session ' +
          '« BTS 1 info période 1 » (du 01/02/2023 au 15/03/2023) : enlevez l’arrêt sans ' +
          'rétablir la fin initiale, ou modifiez d’abord la session.',
      );
    // A stage typed by hand beyond the session: a stop after the session's end is refused.
    const hugo = h.rowOf(h.ids.stages['BERNARD Hugo']!);
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    sheet.getRange(hugo, 4).setValue(new Date(2023, 2, 31));
    const typed = select('BERNARD Hugo');
    const stop = h.call<ApiResult<StageView>>('apiStopStage', {
      stageId: typed.id,
      fingerprint: typed.fingerprint,
      stoppedOn: '20/03/2023',
      reason: 'Rupture',
    });
    expect(stop).toMatchObject({ ok: false, field: 'stoppedOn' });
    if (!stop.ok)
      expect(stop.error).toMatch(/^Le stage arrêté le 20\/03\/2023 sortirait de la session/);
    // Scinder: the second part would run past the session's end.
    const split = h.call<ApiResult<StageView[]>>('apiSplitStage', {
      stageId: typed.id,
      fingerprint: typed.fingerprint,
      splitDate: '01/03/2023',
      firstPartEnd: '',
      mode: 'cut',
      reason: '',
      keepAssignment: true,
      companyId: '',
      tutorId: '',
      referentId: '',
    });
    expect(split).toMatchObject({ ok: false, field: 'splitDate' });
    // Within the session, the same stage can still be stopped.
    ok(
      h.call('apiStopStage', {
        stageId: typed.id,
        fingerprint: typed.fingerprint,
        stoppedOn: '10/03/2023',
        reason: 'Rupture',
      }),
    );
  });
});
