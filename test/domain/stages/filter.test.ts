import { describe, expect, it } from 'vitest';
import type { StageFilter } from '../../../src/api/contract';
import {
  EMPTY_FILTER,
  type FilterableStage,
  matchesStageFilter,
  parseStageFilter,
  type ParsedStageFilter,
} from '../../../src/domain/stages/filter';
import { error, value } from '../../fixtures/domain';

const TODAY = '2023-03-10';

// The seed's list after the split, plus a few others.
const ROWS: FilterableStage[] = [
  {
    sessionId: 'SES1',
    start: '2023-02-01',
    end: '2023-02-27',
    stoppedOn: '',
    student: 'ACAR Laurie',
    className: 'BTS1',
    company: 'CREDIT AGRICOLE DU NORD CAMBRAI',
    companyId: 'CA',
    tutorId: 'TUT1',
    referentId: 'PER1',
    visits: 1,
  },
  {
    sessionId: 'SES1',
    start: '2023-03-01',
    end: '2023-03-31',
    stoppedOn: '',
    student: 'ACAR Laurie',
    className: 'BTS1',
    company: 'BANQUE POPULAIRE DU NORD DENAIN',
    companyId: 'BP',
    tutorId: '',
    referentId: '',
    visits: 0,
  },
  {
    sessionId: 'SES1',
    start: '2023-02-01',
    end: '2023-02-20',
    stoppedOn: '2023-02-20',
    student: 'ACNA Camille',
    className: 'BTS1',
    company: 'Société Générale Lille',
    companyId: 'SG',
    tutorId: 'TUT9',
    referentId: 'PER2',
    visits: 2,
  },
  {
    sessionId: 'SES2',
    start: '2023-05-02',
    end: '2023-05-26',
    stoppedOn: '',
    student: 'ÉLOI Zoé',
    className: 'Bac Pro 2',
    company: '',
    companyId: '',
    tutorId: '',
    referentId: 'PER1',
    visits: 0,
  },
];

function parsed(over: Partial<StageFilter>): ParsedStageFilter {
  return value(parseStageFilter({ ...EMPTY_FILTER, ...over }));
}

function matching(over: Partial<StageFilter>): number[] {
  const f = parsed(over);
  return ROWS.flatMap((r, i) => (matchesStageFilter(r, f, TODAY) ? [i] : []));
}

describe('parseStageFilter', () => {
  it('reads the empty filter', () => {
    expect(parsed({})).toEqual({ ...EMPTY_FILTER });
  });
  it('parses the dates and trims texts', () => {
    expect(parsed({ from: '01/03/2023', to: ' 2023-03-31 ', student: '  acar ' })).toMatchObject({
      from: '2023-03-01',
      to: '2023-03-31',
      student: 'acar',
    });
  });
  it('accepts one bound only and a one-day window', () => {
    expect(parsed({ from: '01/03/2023' }).to).toBe('');
    expect(parsed({ from: '01/03/2023', to: '01/03/2023' }).from).toBe('2023-03-01');
  });
  it('refuses a reversed window and bad dates, on their field', () => {
    expect(
      error(parseStageFilter({ ...EMPTY_FILTER, from: '31/03/2023', to: '01/03/2023' })),
    ).toEqual({
      error: "La période est à l'envers : le 01/03/2023 est avant le 31/03/2023.",
      field: 'to',
    });
    expect(error(parseStageFilter({ ...EMPTY_FILTER, from: 'mars' }))).toEqual({
      error: "« mars » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).",
      field: 'from',
    });
    expect(error(parseStageFilter({ ...EMPTY_FILTER, to: '31/02/2023' }))).toEqual({
      error: "Le 31/02/2023 n'existe pas.",
      field: 'to',
    });
  });
  it('refuses unknown states (the sidebar is not trusted)', () => {
    const bad = { ...EMPTY_FILTER, companies: 'tous' } as unknown as StageFilter;
    expect(error(parseStageFilter(bad)).field).toBe('companies');
    const badPhase = { ...EMPTY_FILTER, phase: 'fini' } as unknown as StageFilter;
    expect(error(parseStageFilter(badPhase)).field).toBe('phase');
    const badVisits = { ...EMPTY_FILTER, visits: undefined } as unknown as StageFilter;
    expect(error(parseStageFilter(badVisits)).field).toBe('visits');
  });
  it('keeps EMPTY_FILTER frozen', () => {
    expect(Object.isFrozen(EMPTY_FILTER)).toBe(true);
  });
});

describe('matchesStageFilter', () => {
  it('matches everything when empty', () => {
    expect(matching({})).toEqual([0, 1, 2, 3]);
  });
  it('filters by session', () => {
    expect(matching({ sessionId: 'SES1' })).toEqual([0, 1, 2]);
    expect(matching({ sessionId: 'SES2' })).toEqual([3]);
  });
  it('finds students by part of their name, any case, any accent, any order', () => {
    expect(matching({ student: 'acar' })).toEqual([0, 1]);
    expect(matching({ student: 'Laurie ACAR' })).toEqual([0, 1]);
    expect(matching({ student: 'eloi' })).toEqual([3]);
    expect(matching({ student: 'ZOÉ' })).toEqual([3]);
    expect(matching({ student: 'ac' })).toEqual([0, 1, 2]);
    expect(matching({ student: 'durand' })).toEqual([]);
  });
  it('filters by exact class, case and accents aside', () => {
    expect(matching({ className: 'bts1' })).toEqual([0, 1, 2]);
    expect(matching({ className: 'BTS' })).toEqual([]);
    expect(matching({ className: 'bac pro 2' })).toEqual([3]);
  });
  it('finds companies by part of their name', () => {
    expect(matching({ company: 'credit agricole' })).toEqual([0]);
    expect(matching({ company: 'societe generale' })).toEqual([2]);
    expect(matching({ company: 'nord' })).toEqual([0, 1]);
  });
  it('keeps the stages sharing a day with the period', () => {
    expect(matching({ from: '27/02/2023', to: '28/02/2023' })).toEqual([0]);
    expect(matching({ from: '28/02/2023', to: '28/02/2023' })).toEqual([]);
    expect(matching({ from: '01/03/2023' })).toEqual([1, 3]);
    expect(matching({ to: '01/02/2023' })).toEqual([0, 2]);
    expect(matching({ from: '01/01/2023', to: '31/12/2023' })).toEqual([0, 1, 2, 3]);
  });
  it('applies the Sans / Avec states', () => {
    expect(matching({ companies: 'sans' })).toEqual([3]);
    expect(matching({ companies: 'avec' })).toEqual([0, 1, 2]);
    expect(matching({ tutors: 'sans' })).toEqual([1, 3]);
    expect(matching({ tutors: 'avec' })).toEqual([0, 2]);
    expect(matching({ referents: 'sans' })).toEqual([1]);
    expect(matching({ referents: 'avec' })).toEqual([0, 2, 3]);
  });
  it('filters by visits', () => {
    expect(matching({ visits: 'a_effectuer' })).toEqual([1, 3]);
    expect(matching({ visits: 'effectuees' })).toEqual([0, 2]);
  });
  it('filters by phase on the given day', () => {
    expect(matching({ phase: 'effectues' })).toEqual([0]);
    expect(matching({ phase: 'en_cours' })).toEqual([1]);
    expect(matching({ phase: 'a_venir' })).toEqual([3]);
    expect(matching({ phase: 'arretes' })).toEqual([2]);
    const f = parsed({ phase: 'en_cours' });
    expect(matchesStageFilter(ROWS[0]!, f, '2023-02-27')).toBe(true);
    expect(matchesStageFilter(ROWS[0]!, f, '2023-02-28')).toBe(false);
  });
  it('combines every criterion', () => {
    expect(
      matching({
        sessionId: 'SES1',
        student: 'acar',
        companies: 'avec',
        tutors: 'sans',
        phase: 'en_cours',
      }),
    ).toEqual([1]);
    expect(
      matching({ sessionId: 'SES1', student: 'acar', visits: 'effectuees', phase: 'en_cours' }),
    ).toEqual([]);
  });
});
