/**
 * The session form's follow-up fields (« Visites attendues », « Compte rendu de visite »): saved
 * with the session in the Sessions sheet's own columns, read back when editing, refused in
 * French when out of range, and left as they are by a form that does not send them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  FilterResult,
  ReferenceData,
  SessionInput,
  SessionView,
} from '../../../src/api/contract';
import { EMPTY_FILTER } from '../../../src/domain/stages/filter';
import { SEED_SESSION } from '../../fixtures/seed';
import { type Harness, seededWorkbook } from '../harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

let h: Harness;
beforeEach(() => {
  h = seededWorkbook();
});

const seeded = (): SessionInput => ({ ...SEED_SESSION, id: h.ids.sessionId });

function sessionRow(): Record<string, string> {
  const [header = [], ...rows] = h.display('Sessions');
  const row = rows.find((r) => r[0] === h.ids.sessionId)!;
  return Object.fromEntries(header.map((c, i) => [c, row[i] ?? '']));
}

const followUpCells = () => {
  const r = sessionRow();
  return [r['Visites attendues'], r['Compte rendu de visite']];
};

const listed = () =>
  h.call<ReferenceData>('apiGetReferenceData').sessions.find((s) => s.id === h.ids.sessionId)!;

describe('« Visites attendues » and « Compte rendu de visite » in the session form', () => {
  it('are saved with the session, journalled, and shown again when editing', () => {
    const saved = ok(
      h.call<ApiResult<SessionView>>('apiSaveSession', {
        ...seeded(),
        expectedVisits: ' 2 ',
        visitReports: true,
      }),
    );
    expect(saved).toMatchObject({ expectedVisits: 2, visitReports: true });
    expect(followUpCells()).toEqual(['2', 'oui']);
    expect(listed()).toMatchObject({ expectedVisits: 2, visitReports: true });
    const journal = h.display('Journal').at(-1)!.join(' ');
    expect(journal).toContain('Modifier la session');
    expect(journal).toContain('oui');

    const cleared = ok(
      h.call<ApiResult<SessionView>>('apiSaveSession', {
        ...seeded(),
        expectedVisits: '',
        visitReports: false,
      }),
    );
    expect(cleared.expectedVisits ?? null).toBeNull();
    expect(cleared.visitReports ?? false).toBe(false);
    expect(followUpCells()).toEqual(['', 'non']);
  });

  it('two visits expected: a stage with one visit done stays « à effectuer »', () => {
    ok(h.call('apiSaveSession', { ...seeded(), expectedVisits: '2', visitReports: false }));
    const stageId = h.ids.stages['ACAR Laurie']!;
    ok(
      h.call('apiAddVisit', {
        stageId,
        date: '10/02/2023',
        staffId: h.ids.staff['M. BRUEL Patrick'],
        comment: 'Première visite.',
        type: 'visite',
      }),
    );
    const due = ok(
      h.call<ApiResult<FilterResult>>('apiFilterStages', {
        ...EMPTY_FILTER,
        sessionId: h.ids.sessionId,
        visits: 'a_effectuer',
      }),
    ).stages.map((s) => s.student);
    expect(due).toContain('ACAR Laurie');
  });

  it('zero is a figure of its own: no visit expected', () => {
    ok(h.call('apiSaveSession', { ...seeded(), expectedVisits: '0', visitReports: false }));
    expect(followUpCells()).toEqual(['0', 'non']);
    expect(listed().expectedVisits).toBe(0);
  });

  it.each([['11'], ['-1'], ['1,5'], ['deux']])(
    'refuses « %s » visits in French on its field, writing nothing',
    (typed) => {
      const before = h.display('Sessions');
      const journal = h.display('Journal').length;
      const r = h.call<ApiResult<SessionView>>('apiSaveSession', {
        ...seeded(),
        expectedVisits: typed,
        visitReports: true,
      });
      expect(r).toMatchObject({ ok: false, field: 'expectedVisits' });
      if (!r.ok)
        expect(r.error).toContain('« Visites attendues » doit être un nombre entier de 0 à 10');
      expect(h.display('Sessions')).toEqual(before);
      expect(h.display('Journal')).toHaveLength(journal);
    },
  );

  it('a form that does not send them leaves the cells typed in the sheet', () => {
    ok(h.call('apiSaveSession', { ...seeded(), expectedVisits: '3', visitReports: true }));
    const saved = ok(
      h.call<ApiResult<SessionView>>('apiSaveSession', { ...seeded(), objectives: 'Autres.' }),
    );
    expect(followUpCells()).toEqual(['3', 'oui']);
    expect(saved).toMatchObject({ expectedVisits: 3, visitReports: true, objectives: 'Autres.' });
  });

  it('a new session is created with them', () => {
    const created = ok(
      h.call<ApiResult<SessionView>>('apiSaveSession', {
        ...SEED_SESSION,
        title: 'BTS 1 info période 2',
        periods: [{ start: '02/05/2023', end: '26/05/2023' }],
        expectedVisits: '1',
        visitReports: true,
      }),
    );
    expect(created).toMatchObject({ expectedVisits: 1, visitReports: true });
    const [header = [], ...rows] = h.display('Sessions');
    const row = rows.find((r) => r[0] === created.id)!;
    expect(row[header.indexOf('Visites attendues')]).toBe('1');
    expect(row[header.indexOf('Compte rendu de visite')]).toBe('oui');
  });
});
