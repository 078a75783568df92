import { describe, expect, it } from 'vitest';
import {
  carriedFollower,
  expectedVisits,
  type FollowedStageFacts,
  followStatus,
  isVisitType,
  parsePlannedDate,
  resolveFollower,
  sortFollowed,
  tutorMailto,
  validateVisitComment,
} from '../../../src/domain/followUp/myStages';
import { MAX_VISIT_COMMENT_LENGTH } from '../../../src/domain/limits';

const TODAY = '2023-02-15';
const facts = (patch: Partial<FollowedStageFacts> = {}): FollowedStageFacts => ({
  start: '2023-02-01',
  end: '2023-03-31',
  stoppedOn: '',
  done: 0,
  expected: 1,
  planned: '',
  ...patch,
});

describe('expectedVisits', () => {
  it("takes the stage's figure, else the session's, else one", () => {
    expect(expectedVisits(2, 3)).toBe(2);
    expect(expectedVisits(0, 3)).toBe(0);
    expect(expectedVisits('', 3)).toBe(3);
    expect(expectedVisits(null, '')).toBe(1);
    expect(expectedVisits(1.5, -1)).toBe(1);
  });
});

describe('followStatus', () => {
  it('is done once every expected visit is', () => {
    expect(followStatus(facts({ done: 1 }), TODAY)).toBe('fait');
    expect(followStatus(facts({ done: 1, expected: 2 }), TODAY)).toBe('a_faire');
    expect(followStatus(facts({ expected: 0 }), TODAY)).toBe('fait');
  });

  it('is late when the planned day has passed, or the stage is over', () => {
    expect(followStatus(facts({ planned: '2023-02-14' }), TODAY)).toBe('en_retard');
    expect(followStatus(facts({ planned: '2023-02-15' }), TODAY)).toBe('a_faire');
    expect(followStatus(facts({ end: '2023-02-14' }), TODAY)).toBe('en_retard');
    expect(followStatus(facts({ stoppedOn: '2023-02-10' }), TODAY)).toBe('en_retard');
  });
});

describe('sortFollowed', () => {
  it('puts late visits first, then those to do by planned date, then done ones', () => {
    const list = [
      { id: 'done', ...facts({ done: 1 }) },
      { id: 'later', ...facts({ planned: '2023-03-20' }) },
      { id: 'late', ...facts({ planned: '2023-02-01' }) },
      { id: 'soon', ...facts({ planned: '2023-02-20' }) },
      { id: 'unplanned', ...facts({ start: '2023-03-01' }) },
    ];
    expect(sortFollowed(list, TODAY).map((s) => s.id)).toEqual([
      'late',
      'soon',
      'unplanned',
      'later',
      'done',
    ]);
  });
});

describe('visit input', () => {
  it('knows the three types', () => {
    expect(['visite', 'appel', 'visio'].every(isVisitType)).toBe(true);
    expect(isVisitType('courrier')).toBe(false);
    expect(isVisitType(undefined)).toBe(false);
  });

  it('requires a comment, not too long', () => {
    expect(validateVisitComment('  Très bien.  ')).toEqual({ ok: true, value: 'Très bien.' });
    expect(validateVisitComment('   ')).toEqual({
      ok: false,
      error: 'Écrivez un commentaire sur la visite.',
      field: 'comment',
    });
    expect(validateVisitComment(42)).toMatchObject({ ok: false, field: 'comment' });
    expect(validateVisitComment('x'.repeat(MAX_VISIT_COMMENT_LENGTH + 1))).toMatchObject({
      ok: false,
      field: 'comment',
    });
  });

  it('reads a planned date as typed, empty clears it', () => {
    expect(parsePlannedDate('20/02/2023')).toEqual({ ok: true, value: '2023-02-20' });
    expect(parsePlannedDate('')).toEqual({ ok: true, value: '' });
    expect(parsePlannedDate('32/02/2023')).toMatchObject({ ok: false, field: 'planned' });
  });
});

describe('tutorMailto', () => {
  const mail = {
    tutorEmail: 'blase.ecusson@ca-nord.example',
    tutorName: 'M. ECUSSON Blase',
    student: 'ACAR Laurie',
    company: 'CREDIT AGRICOLE DU NORD CAMBRAI',
    start: '2023-02-01',
    end: '2023-03-31',
    teacher: 'M. BRUEL Patrick',
    school: 'Lycée Jean Moulin',
  };

  it('builds a mailto: link with a French subject and body, encoded', () => {
    const link = tutorMailto(mail);
    expect(link.startsWith('mailto:blase.ecusson@ca-nord.example?subject=')).toBe(true);
    const url = new URL(link);
    expect(url.searchParams.get('subject')).toBe('Visite de stage – ACAR Laurie');
    const body = url.searchParams.get('body')!;
    expect(body).toContain('Bonjour M. ECUSSON Blase,\r\n');
    expect(body).toContain(
      'du stage de ACAR Laurie chez CREDIT AGRICOLE DU NORD CAMBRAI, du 01/02/2023 au 31/03/2023.',
    );
    expect(body.endsWith('Cordialement,\r\nM. BRUEL Patrick\r\nLycée Jean Moulin')).toBe(true);
    // Nothing that would end the subject or body early, nor a raw space or line break.
    expect(link).not.toMatch(/[\s]/);
    expect(link.split('?')[1]!.split('&')).toHaveLength(2);
  });

  it('encodes reserved characters of the names', () => {
    const link = tutorMailto({ ...mail, student: 'DUPONT & Fils ? #1', company: '' });
    const url = new URL(link);
    expect(url.searchParams.get('subject')).toBe('Visite de stage – DUPONT & Fils ? #1');
    expect(url.searchParams.get('body')).toContain('du stage de DUPONT & Fils ? #1, du');
  });

  it('gives nothing without a usable address', () => {
    expect(tutorMailto({ ...mail, tutorEmail: '' })).toBe('');
    expect(tutorMailto({ ...mail, tutorEmail: 'pas une adresse' })).toBe('');
    expect(tutorMailto({ ...mail, tutorEmail: 'a@b.fr?cc=x@y.fr' })).toBe('');
  });
});

describe('resolveFollower', () => {
  const staff = [
    { id: 'A', label: 'M. BRUEL Patrick' },
    { id: 'B', label: 'Mme ROUX Léa' },
    { id: 'C', label: 'Mme ROUX Léa' },
    { id: 'D', label: 'M. DURAND Paul' },
  ];

  it('trusts the ID while the name is its own', () => {
    expect(resolveFollower('A', 'M. BRUEL Patrick', staff)).toBe('A');
    expect(resolveFollower('B', 'mme roux lea', staff)).toBe('B');
  });

  it("follows a name changed by hand to exactly one other teacher's", () => {
    expect(resolveFollower('A', 'M. DURAND Paul', staff)).toBe('D');
    expect(resolveFollower('', 'm. durand paul', staff)).toBe('D');
  });

  it('keeps the ID for a name nobody has, or two people share; empty means nobody', () => {
    expect(resolveFollower('A', 'M. INCONNU', staff)).toBe('A');
    expect(resolveFollower('A', 'Mme ROUX Léa', staff)).toBe('A');
    expect(resolveFollower('A', '  ', staff)).toBe('');
  });
});

describe('carriedFollower', () => {
  const staff = [
    { id: 'A', label: 'M. BRUEL Patrick' },
    { id: 'D', label: 'M. DURAND Paul' },
  ];
  const bruel = { followerId: 'A', follower: 'M. BRUEL Patrick', stoppedOn: '' };

  it('a split keeps the teacher, stopped or not', () => {
    expect(carriedFollower(bruel, 'split', staff)).toEqual({
      followerId: 'A',
      follower: 'M. BRUEL Patrick',
    });
    expect(carriedFollower({ ...bruel, stoppedOn: '2023-02-27' }, 'split', staff)).toEqual({
      followerId: 'A',
      follower: 'M. BRUEL Patrick',
    });
  });

  it('a new stage takes the teacher only of a stopped stage', () => {
    expect(carriedFollower(bruel, 'afterStop', staff)).toBeNull();
    expect(carriedFollower({ ...bruel, stoppedOn: '2023-02-27' }, 'afterStop', staff)).toEqual({
      followerId: 'A',
      follower: 'M. BRUEL Patrick',
    });
  });

  it('follows a name typed by hand, keeps a name nobody has, carries nobody for an empty one', () => {
    expect(carriedFollower({ ...bruel, follower: 'm. durand paul' }, 'split', staff)).toEqual({
      followerId: 'D',
      follower: 'M. DURAND Paul',
    });
    expect(carriedFollower({ ...bruel, followerId: '', follower: 'M. X' }, 'split', staff)).toEqual(
      { followerId: '', follower: 'M. X' },
    );
    expect(carriedFollower({ ...bruel, follower: ' ' }, 'split', staff)).toBeNull();
  });
});
