import { describe, expect, it } from 'vitest';
import type { SessionInput } from '../../src/api/contract';
import {
  formatPeriods,
  parseExpectedVisits,
  parsePeriods,
  parseSchoolYear,
  schoolYearBounds,
  parseSessionType,
  SESSION_TYPES,
  schoolYearOf,
  validateSession,
} from '../../src/domain/sessions';
import { error, value } from '../fixtures/domain';

const SEED: SessionInput = {
  id: '',
  title: 'BTS 1 info période 1',
  type: 'Stage BTS',
  schoolYear: '2022-2023',
  diploma: 'BTS Informatique',
  editionLabel: 'BTS 1 info période 1',
  objectives: '',
  periods: [{ start: '01/02/2023', end: '31/03/2023' }],
};

function withPeriods(...periods: [string, string][]): SessionInput {
  return { ...SEED, periods: periods.map(([start, end]) => ({ start, end })) };
}

describe('validateSession', () => {
  it('accepts the seed’s session', () => {
    expect(value(validateSession(SEED))).toEqual({
      title: 'BTS 1 info période 1',
      type: 'Stage BTS',
      schoolYear: '2022-2023',
      diploma: 'BTS Informatique',
      editionLabel: 'BTS 1 info période 1',
      objectives: '',
      periods: [{ start: '2023-02-01', end: '2023-03-31' }],
    });
  });

  it('trims texts and defaults the edition label to the title', () => {
    const v = value(
      validateSession({ ...SEED, title: '  Titre  ', editionLabel: ' ', objectives: ' Objectif ' }),
    );
    expect([v.title, v.editionLabel, v.objectives]).toEqual(['Titre', 'Titre', 'Objectif']);
  });

  it('requires a title of at most 200 characters', () => {
    expect(error(validateSession({ ...SEED, title: ' ' }))).toEqual({
      error: "L'intitulé de la session est obligatoire.",
      field: 'title',
    });
    expect(value(validateSession({ ...SEED, title: 'x'.repeat(200) })).title).toHaveLength(200);
    expect(error(validateSession({ ...SEED, title: 'x'.repeat(201) }))).toEqual({
      error: "L'intitulé est trop long : 201 caractères pour 200 au plus.",
      field: 'title',
    });
  });

  it('normalises and checks the school year', () => {
    expect(value(validateSession({ ...SEED, schoolYear: '2022/2023' })).schoolYear).toBe(
      '2022-2023',
    );
    expect(value(validateSession({ ...SEED, schoolYear: ' 2022 - 2023 ' })).schoolYear).toBe(
      '2022-2023',
    );
    expect(error(validateSession({ ...SEED, schoolYear: '' }))).toEqual({
      error: "L'année scolaire est obligatoire.",
      field: 'schoolYear',
    });
    expect(error(validateSession({ ...SEED, schoolYear: '2022-2024' }))).toEqual({
      error: "L'année scolaire doit enchaîner deux années qui se suivent, par exemple 2022-2023.",
      field: 'schoolYear',
    });
    expect(error(validateSession({ ...SEED, schoolYear: '2023-2022' })).field).toBe('schoolYear');
    expect(error(validateSession({ ...SEED, schoolYear: '22-23' }))).toEqual({
      error:
        "« 22-23 » n'est pas une année scolaire : écrivez-la aaaa-aaaa (par exemple 2022-2023).",
      field: 'schoolYear',
    });
  });

  it('requires at least one period, ignoring blank rows', () => {
    expect(error(validateSession({ ...SEED, periods: [] }))).toEqual({
      error: 'Ajoutez au moins une période.',
      field: 'periods',
    });
    expect(error(validateSession(withPeriods(['', ''], [' ', ''])))).toEqual({
      error: 'Ajoutez au moins une période.',
      field: 'periods',
    });
    expect(
      value(validateSession(withPeriods(['', ''], ['01/02/2023', '31/03/2023']))).periods,
    ).toHaveLength(1);
  });

  it('checks each date with the period’s number and field', () => {
    expect(
      error(validateSession(withPeriods(['01/02/2023', '31/03/2023'], ['', '26/05/2023']))),
    ).toEqual({
      error: 'La date de début de la période 2 est obligatoire.',
      field: 'periods.1.start',
    });
    expect(error(validateSession(withPeriods(['01/02/2023', 'fin mars'])))).toEqual({
      error: "« fin mars » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).",
      field: 'periods.0.end',
    });
  });

  it('requires start ≤ end, one day being fine', () => {
    expect(error(validateSession(withPeriods(['31/03/2023', '01/02/2023'])))).toEqual({
      error: 'La période 1 finit (01/02/2023) avant de commencer (31/03/2023).',
      field: 'periods.0.end',
    });
    expect(value(validateSession(withPeriods(['01/02/2023', '01/02/2023']))).periods).toEqual([
      { start: '2023-02-01', end: '2023-02-01' },
    ]);
  });

  it('keeps periods inside the school year (1 Sept → 31 Aug)', () => {
    expect(value(validateSession(withPeriods(['01/09/2022', '31/08/2023']))).periods).toHaveLength(
      1,
    );
    expect(error(validateSession(withPeriods(['31/08/2022', '30/09/2022'])))).toEqual({
      error:
        "La période 1 (du 31/08/2022 au 30/09/2022) sort de l'année scolaire 2022-2023 (du 01/09/2022 au 31/08/2023).",
      field: 'periods.0.start',
    });
    expect(error(validateSession(withPeriods(['01/08/2023', '01/09/2023']))).field).toBe(
      'periods.0.end',
    );
  });

  it('sorts periods and refuses overlaps, touching being fine', () => {
    const v = value(
      validateSession(withPeriods(['02/05/2023', '26/05/2023'], ['01/02/2023', '31/03/2023'])),
    );
    expect(v.periods).toEqual([
      { start: '2023-02-01', end: '2023-03-31' },
      { start: '2023-05-02', end: '2023-05-26' },
    ]);
    expect(
      value(
        validateSession(withPeriods(['01/02/2023', '27/02/2023'], ['28/02/2023', '31/03/2023'])),
      ).periods,
    ).toHaveLength(2);
    expect(
      error(
        validateSession(withPeriods(['01/02/2023', '31/03/2023'], ['31/03/2023', '26/05/2023'])),
      ),
    ).toEqual({
      error:
        'Les périodes 1 et 2 se chevauchent : du 01/02/2023 au 31/03/2023 et du 31/03/2023 au 26/05/2023.',
      field: 'periods.1.start',
    });
    expect(
      error(
        validateSession(
          withPeriods(
            ['01/05/2023', '31/05/2023'],
            ['01/01/2023', '31/01/2023'],
            ['10/05/2023', '12/05/2023'],
          ),
        ),
      ),
    ).toEqual({
      error:
        'Les périodes 1 et 3 se chevauchent : du 01/05/2023 au 31/05/2023 et du 10/05/2023 au 12/05/2023.',
      field: 'periods.2.start',
    });
  });

  it('takes a session type from the list, spelt as the list spells it', () => {
    for (const [typed, saved] of [
      ['PFMP', 'PFMP'],
      ['  stage bts ', 'Stage BTS'],
      ['Stage d’observation', "Stage d'observation"],
      ['STAGE DE SECONDE', 'Stage de seconde'],
      ['autre', 'Autre'],
    ] as const) {
      expect(value(validateSession({ ...SEED, type: typed })).type, typed).toBe(saved);
    }
    expect(SESSION_TYPES).toEqual([
      'PFMP',
      'Stage BTS',
      "Stage d'observation",
      'Stage de seconde',
      'Autre',
    ]);
  });

  it('refuses a blank session type or one outside the list (free text of old)', () => {
    const list =
      "« PFMP », « Stage BTS », « Stage d'observation », « Stage de seconde », « Autre »";
    expect(error(validateSession({ ...SEED, type: ' ' }))).toEqual({
      error: `Choisissez le type de session : ${list}.`,
      field: 'type',
    });
    expect(error(validateSession({ ...SEED, type: 'Stage en entreprise' }))).toEqual({
      error:
        `« Stage en entreprise » n'est pas un type de session de la liste : choisissez ${list} ` +
        '(« Autre » pour tout autre type).',
      field: 'type',
    });
    expect(value(parseSessionType('Stage BTS'))).toBe('Stage BTS');
  });

  it('limits the other texts', () => {
    expect(error(validateSession({ ...SEED, diploma: 'x'.repeat(201) })).field).toBe('diploma');
    expect(error(validateSession({ ...SEED, objectives: 'x'.repeat(5001) })).field).toBe(
      'objectives',
    );
  });
});

describe('school years', () => {
  it('parses', () => {
    expect(value(parseSchoolYear('2022–2023'))).toBe('2022-2023');
  });
  it('bounds a school year', () => {
    expect(schoolYearBounds('2022-2023')).toEqual({ start: '2022-09-01', end: '2023-08-31' });
    expect(schoolYearBounds('2023/2024')).toEqual({ start: '2023-09-01', end: '2024-08-31' });
    expect(() => schoolYearBounds('2023')).toThrow();
  });
  it('finds the school year of a day', () => {
    expect(schoolYearOf('2022-09-01')).toBe('2022-2023');
    expect(schoolYearOf('2023-02-27')).toBe('2022-2023');
    expect(schoolYearOf('2023-08-31')).toBe('2022-2023');
    expect(schoolYearOf('2022-08-31')).toBe('2021-2022');
    expect(schoolYearOf('2023-12-31')).toBe('2023-2024');
  });
});

describe('periods as one cell', () => {
  const periods = [
    { start: '2023-02-01', end: '2023-03-31' },
    { start: '2023-05-02', end: '2023-05-26' },
  ];

  it('formats', () => {
    expect(formatPeriods(periods)).toBe('01/02/2023-31/03/2023; 02/05/2023-26/05/2023');
    expect(formatPeriods([])).toBe('');
  });

  it('parses back what it formats', () => {
    expect(value(parsePeriods(formatPeriods(periods)))).toEqual(periods);
  });

  it.each([
    '01/02/2023 - 31/03/2023 ; 02/05/2023 - 26/05/2023',
    'du 01/02/2023 au 31/03/2023; du 02/05/2023 au 26/05/2023',
    'Du 1/2/2023 au 31/3/2023\n2/5/2023 – 26/5/2023',
    '2023-02-01-2023-03-31, 2023-05-02 au 2023-05-26',
    '01-02-2023-31-03-2023;02-05-2023-26-05-2023;',
    '01/02/2023\u00a0au\u00a031/03/2023 ;  02/05/2023-26/05/2023',
  ])('tolerates %j', (text) => {
    expect(value(parsePeriods(text))).toEqual(periods);
  });

  it('reads an empty cell as no period', () => {
    expect(value(parsePeriods(''))).toEqual([]);
    expect(value(parsePeriods(' ; '))).toEqual([]);
  });

  it('refuses what is not a period', () => {
    expect(error(parsePeriods('février'))).toEqual({
      error:
        "« février » n'est pas une période : écrivez-la jj/mm/aaaa-jj/mm/aaaa (par exemple 01/02/2023-31/03/2023).",
      field: 'periods',
    });
    expect(error(parsePeriods('01/02/2023')).field).toBe('periods');
    expect(error(parsePeriods('01/02/2023-31/02/2023'))).toEqual({
      error: "Le 31/02/2023 n'existe pas.",
      field: 'periods',
    });
    expect(error(parsePeriods('31/03/2023-01/02/2023'))).toEqual({
      error: 'La période « 31/03/2023-01/02/2023 » finit avant de commencer.',
      field: 'periods',
    });
  });
});

describe('parseExpectedVisits (« Visites attendues »)', () => {
  it('reads empty as null (one visit each) and a whole number from 0 to 10', () => {
    expect(parseExpectedVisits('')).toEqual({ ok: true, value: null });
    expect(parseExpectedVisits('  ')).toEqual({ ok: true, value: null });
    expect(parseExpectedVisits('0')).toEqual({ ok: true, value: 0 });
    expect(parseExpectedVisits(' 3 ')).toEqual({ ok: true, value: 3 });
    expect(parseExpectedVisits('10')).toEqual({ ok: true, value: 10 });
  });
  it.each(['11', '-1', '1,5', '1.5', 'deux', '2e'])('refuses « %s » on its field', (t) => {
    expect(parseExpectedVisits(t)).toMatchObject({ ok: false, field: 'expectedVisits' });
  });
  it('validateSession keeps the fields only when the form sends them', () => {
    const base: SessionInput = {
      id: '',
      title: 'BTS 1',
      type: 'Stage BTS',
      schoolYear: '2022-2023',
      diploma: '',
      editionLabel: '',
      objectives: '',
      periods: [{ start: '01/02/2023', end: '31/03/2023' }],
    };
    const without = validateSession(base);
    expect(without.ok && 'expectedVisits' in without.value).toBe(false);
    expect(without.ok && 'visitReports' in without.value).toBe(false);
    const withThem = validateSession({ ...base, expectedVisits: '2', visitReports: true });
    expect(withThem).toMatchObject({ ok: true, value: { expectedVisits: 2, visitReports: true } });
  });
});
