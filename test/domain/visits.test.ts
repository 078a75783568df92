import { describe, expect, it } from 'vitest';
import { MAX_VISIT_COMMENT_LENGTH } from '../../src/domain/limits';
import {
  isVisitDone,
  sortVisits,
  validateVisit,
  visitRights,
  type VisitText,
} from '../../src/domain/visits';

const STAFF = new Set(['PER-1', 'PER-2']);
// A stage of seed 000: 01/02/2023 – 31/03/2023, school year 2022-2023.
const START = '2023-02-01';

const visit = (patch: Partial<VisitText>): VisitText => ({
  date: '14/03/2023',
  staffId: 'PER-1',
  comment: 'Bonne intégration.',
  ...patch,
});

describe('validateVisit', () => {
  it('accepts a visit during the stage, dates as typed', () => {
    expect(validateVisit(visit({}), START, STAFF)).toEqual({
      ok: true,
      value: { date: '2023-03-14', staffId: 'PER-1', comment: 'Bonne intégration.' },
    });
    expect(validateVisit(visit({ date: ' 2023-03-14 ' }), START, STAFF)).toMatchObject({
      ok: true,
      value: { date: '2023-03-14' },
    });
  });

  it('accepts a preparatory visit before the stage and a late one after it, in the school year', () => {
    expect(validateVisit(visit({ date: '01/09/2022' }), START, STAFF)).toMatchObject({
      ok: true,
      value: { date: '2022-09-01' },
    });
    expect(validateVisit(visit({ date: '31/08/2023' }), START, STAFF)).toMatchObject({
      ok: true,
      value: { date: '2023-08-31' },
    });
  });

  it('refuses a date outside the stage’s school year, naming it', () => {
    for (const date of ['31/08/2022', '01/09/2023']) {
      const r = validateVisit(visit({ date }), START, STAFF);
      expect(r).toEqual({
        ok: false,
        field: 'date',
        error:
          "La visite doit avoir lieu pendant l'année scolaire 2022-2023 du stage (du 01/09/2022 au 31/08/2023).",
      });
    }
  });

  it('takes the school year from the stage’s start (a stage in September)', () => {
    expect(validateVisit(visit({ date: '15/06/2024' }), '2023-09-18', STAFF).ok).toBe(true);
    expect(validateVisit(visit({ date: '15/06/2023' }), '2023-09-18', STAFF).ok).toBe(false);
  });

  it('requires a real date', () => {
    expect(validateVisit(visit({ date: '' }), START, STAFF)).toEqual({
      ok: false,
      field: 'date',
      error: 'La date de visite est obligatoire.',
    });
    expect(validateVisit(visit({ date: 'mardi' }), START, STAFF)).toMatchObject({
      ok: false,
      field: 'date',
      error: expect.stringMatching(/n'est pas une date/),
    });
    expect(validateVisit(visit({ date: '30/02/2023' }), START, STAFF)).toMatchObject({
      ok: false,
      field: 'date',
      error: "Le 30/02/2023 n'existe pas.",
    });
  });

  it('requires a teacher of the Personnel sheet', () => {
    expect(validateVisit(visit({ staffId: '' }), START, STAFF)).toEqual({
      ok: false,
      field: 'staffId',
      error: "Choisissez l'enseignant qui a fait la visite.",
    });
    expect(validateVisit(visit({ staffId: 'PER-9' }), START, STAFF)).toMatchObject({
      ok: false,
      field: 'staffId',
      error: expect.stringMatching(/feuille Personnel/),
    });
  });

  it('keeps the comment’s line breaks, trims its ends, and allows none', () => {
    expect(validateVisit(visit({ comment: '  Ligne 1\nLigne 2  ' }), START, STAFF)).toMatchObject({
      ok: true,
      value: { comment: 'Ligne 1\nLigne 2' },
    });
    expect(validateVisit(visit({ comment: '' }), START, STAFF)).toMatchObject({
      ok: true,
      value: { comment: '' },
    });
  });

  it(`refuses a comment over ${MAX_VISIT_COMMENT_LENGTH} characters`, () => {
    expect(
      validateVisit(visit({ comment: 'x'.repeat(MAX_VISIT_COMMENT_LENGTH) }), START, STAFF).ok,
    ).toBe(true);
    expect(
      validateVisit(visit({ comment: 'x'.repeat(MAX_VISIT_COMMENT_LENGTH + 1) }), START, STAFF),
    ).toEqual({
      ok: false,
      field: 'comment',
      error: 'Le commentaire est trop long (2000 caractères au plus, 2001 saisis).',
    });
  });

  it('does not crash on missing fields (the sidebar is not trusted)', () => {
    const r = validateVisit({} as VisitText, START, STAFF);
    expect(r).toMatchObject({ ok: false, field: 'date' });
    const noComment = { date: '14/03/2023', staffId: 'PER-2' } as VisitText;
    expect(validateVisit(noComment, START, STAFF)).toMatchObject({
      ok: true,
      value: { comment: '' },
    });
  });
});

describe('isVisitDone / sortVisits', () => {
  it('a visit counts from its day on, as the sheet’s "Visites" cell does', () => {
    expect(isVisitDone('2023-02-14', '2023-02-15')).toBe(true);
    expect(isVisitDone('2023-02-15', '2023-02-15')).toBe(true);
    expect(isVisitDone('2023-02-16', '2023-02-15')).toBe(false);
  });

  it('sorts by date, keeping the recording order of a same day', () => {
    const list = [
      { id: 'a', date: '2023-03-01' },
      { id: 'b', date: '2023-02-10' },
      { id: 'c', date: '2023-03-01' },
    ];
    expect(sortVisits(list).map((v) => v.id)).toEqual(['b', 'a', 'c']);
    expect(list.map((v) => v.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('visitRights: who may change a visit', () => {
  const facts = { authorId: 'PER-1', followerId: 'PER-2' };
  it('its author edits and deletes it', () => {
    expect(visitRights(facts, 'PER-1')).toEqual({ edit: true, remove: true });
  });
  it('the stage’s follower deletes it, without editing its comment', () => {
    expect(visitRights(facts, 'PER-2')).toEqual({ edit: false, remove: true });
  });
  it('anyone else, or someone missing from Personnel, does neither', () => {
    expect(visitRights(facts, 'PER-3')).toEqual({ edit: false, remove: false });
    expect(visitRights(facts, '')).toEqual({ edit: false, remove: false });
    expect(visitRights({ authorId: '', followerId: '' }, '')).toEqual({
      edit: false,
      remove: false,
    });
  });
});
