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
