import { afterEach, describe, expect, it } from 'vitest';
import { publicHolidaySet } from '../../src/domain/holidays/publicHolidays';
import {
  computePresence,
  formatEuros,
  gratification,
  isAbroad,
  presenceFromHours,
  presenceLabel,
  presenceLimitsCheck,
  type PresenceInput,
} from '../../src/domain/presence';
import { parseSchedule } from '../../src/domain/schedule';
import type { WeeklySchedule } from '../../src/domain/types';

const HOLIDAYS = publicHolidaySet([2022, 2023, 2024], { alsaceMoselle: false });

type StageIn = PresenceInput['stage'];
type AbsenceIn = PresenceInput['absences'][number];

function stage(start: string, end: string, extra: Partial<StageIn> = {}): StageIn {
  return { start, end, stoppedOn: '', weeklyHours: 35, schedule: null, country: '', ...extra };
}

function absence(start: string, end = start, extra: Partial<AbsenceIn> = {}): AbsenceIn {
  return { start, end, halfDay: false, countsAsPresence: false, ...extra };
}

function presence(s: StageIn, absences: AbsenceIn[] = [], defaultWeeklyHours = 35) {
  return computePresence({ stage: s, absences, publicHolidays: HOLIDAYS, defaultWeeklyHours });
}

function schedule(text: string): WeeklySchedule {
  const r = parseSchedule(text);
  if (!r.ok || !r.value) throw new Error('bad schedule');
  return r.value;
}

describe('computePresence: hand-worked cases', () => {
  it('1. 01/02/2023–27/02/2023, 35 h, Monday–Friday', () => {
    // Weekdays: 1-3 Feb (We Th Fr) 3 + 6-10 5 + 13-17 5 + 20-24 5 + 27 Feb (Mo) 1 = 19.
    // 19 days × 7 h = 133 h → 133 / 7 = 19 jours, 0 mois.
    expect(presence(stage('2023-02-01', '2023-02-27'))).toEqual({
      hours: 133,
      days: 19,
      months: 0,
      remainderDays: 19,
      remainderHours: 0,
      label: '19 jours',
    });
  });

  it('2. across Easter Monday 2023 (10 April)', () => {
    // 03/04–14/04/2023: 10 weekdays − Lundi de Pâques 10/04 = 9 days × 7 h = 63 h → 9 jours.
    const p = presence(stage('2023-04-03', '2023-04-14'));
    expect(p.hours).toBe(63);
    expect(p.label).toBe('9 jours');
  });

  it('3. May 2023: 1 May, 8 May, Ascension and Whit Monday', () => {
    // 02/05–31/05/2023: weekdays 2-5 (4) + 8-12 (5) + 15-19 (5) + 22-26 (5) + 29-31 (3) = 22;
    // − 8 May (Mo) − 18 May Ascension (Th) − 29 May Pentecôte (Mo) = 19 days × 7 h = 133 h.
    // (1 May is before the start.)
    expect(presence(stage('2023-05-02', '2023-05-31')).label).toBe('19 jours');
    // From 1 May: one more weekday, itself a holiday: still 133 h.
    expect(presence(stage('2023-05-01', '2023-05-31')).hours).toBe(133);
  });

  it('4. a 4-day week of 28 h counts 4 days a week, not 5', () => {
    const fourDays = schedule('Lu 7; Ma 7; Me 7; Je 7');
    // 06/03–10/03/2023: Mo–Th 4 days × 7 h = 28 h → 4 jours (Friday not worked).
    const week = presence(
      stage('2023-03-06', '2023-03-10', { weeklyHours: 28, schedule: fourDays }),
    );
    expect(week.hours).toBe(28);
    expect(week.days).toBe(4);
    expect(week.label).toBe('4 jours');
    // 06/03–31/03/2023: 4 weeks × 4 days = 16 days × 7 h = 112 h → 16 jours.
    expect(
      presence(stage('2023-03-06', '2023-03-31', { weeklyHours: 28, schedule: fourDays })).label,
    ).toBe('16 jours');
    // Easter week 10/04–14/04/2023: Monday is a holiday → Tu We Th = 3 days × 7 h = 21 h.
    expect(
      presence(stage('2023-04-10', '2023-04-14', { weeklyHours: 28, schedule: fourDays })).hours,
    ).toBe(21);
  });

  it('5. a stage abroad counts 14 July', () => {
    // 10/07–14/07/2023, Mo–Fr, 35 h: 5 days × 7 h = 35 h abroad (French holidays do not apply).
    const abroad = presence(stage('2023-07-10', '2023-07-14', { country: 'Allemagne' }));
    expect(abroad.hours).toBe(35);
    expect(abroad.label).toBe('5 jours');
    // In France, 14 July (Friday) is a holiday: 4 days × 7 h = 28 h.
    expect(presence(stage('2023-07-10', '2023-07-14', { country: 'France' })).hours).toBe(28);
    expect(presence(stage('2023-07-10', '2023-07-14', { country: ' france ' })).hours).toBe(28);
  });

  it('6. a half-day absence removes half of that day', () => {
    // Case 1 (133 h) with a half day off on Tuesday 07/02/2023: 133 − 7/2 = 129.5 h
    // → 129.5 / 7 = 18 days (126 h) and 3.5 h left → "18 jours 3,5 heures".
    const p = presence(stage('2023-02-01', '2023-02-27'), [
      absence('2023-02-07', '2023-02-07', { halfDay: true }),
    ]);
    expect(p).toMatchObject({ hours: 129.5, days: 18, remainderHours: 3.5 });
    expect(p.label).toBe('18 jours 3,5 heures');
  });

  it('7. leave provided for in the convention counts as presence; other absences do not', () => {
    // Case 1 with 13/02–17/02/2023 off (5 weekdays).
    const leave = absence('2023-02-13', '2023-02-17', { countsAsPresence: true });
    expect(presence(stage('2023-02-01', '2023-02-27'), [leave]).hours).toBe(133);
    // As an absence: 133 − 5 × 7 = 98 h → 14 jours.
    const off = absence('2023-02-13', '2023-02-17');
    expect(presence(stage('2023-02-01', '2023-02-27'), [off]).label).toBe('14 jours');
  });

  it('8. a one-day stage', () => {
    // Wednesday 15/03/2023, 35 h → 7 h → 1 jour.
    const p = presence(stage('2023-03-15', '2023-03-15'));
    expect(p).toMatchObject({ hours: 7, days: 1, label: '1 jour' });
  });

  it('9. a half-day stage (a day of 3.5 h)', () => {
    // 17.5 h a week over Mo–Fr = 3.5 h a day; one Wednesday → 3.5 h → 0 days, "3,5 heures".
    const p = presence(stage('2023-03-15', '2023-03-15', { weeklyHours: 17.5 }));
    expect(p).toMatchObject({ hours: 3.5, days: 0, remainderHours: 3.5, label: '3,5 heures' });
    // Same with a schedule "Me 3h30".
    const s = schedule('Me 3h30');
    expect(presence(stage('2023-03-15', '2023-03-15', { schedule: s })).label).toBe('3,5 heures');
  });

  it('10. a stop shortens the stage (its stop day included)', () => {
    // 01/02–31/03/2023 without stop: February 20 weekdays + March 23 = 43 days × 7 h = 301 h
    // → 43 days = 1 mois (22) + 21 jours.
    expect(presence(stage('2023-02-01', '2023-03-31')).label).toBe('1 mois 21 jours');
    // Stopped on 27/02/2023 → case 1: 133 h.
    expect(presence(stage('2023-02-01', '2023-02-27', { stoppedOn: '2023-02-27' })).hours).toBe(
      133,
    );
    expect(presence(stage('2023-02-01', '2023-03-31', { stoppedOn: '2023-02-27' })).hours).toBe(
      133,
    );
  });

  it('11. 44 days exactly (308 h) is 2 months, not more', () => {
    // 02/01–02/03/2023: January 2-31 = 22 weekdays, February 20, 1-2 March 2 = 44 days × 7 h
    // = 308 h → 2 mois exactly.
    const p = presence(stage('2023-01-02', '2023-03-02'));
    expect(p).toMatchObject({ hours: 308, days: 44, months: 2, remainderDays: 0 });
    expect(p.label).toBe('2 mois');
    // One more day (Friday 03/03): 45 days = 315 h → 2 mois 1 jour.
    expect(presence(stage('2023-01-02', '2023-03-03')).label).toBe('2 mois 1 jour');
  });

  it('12. an irregular schedule of 35 h', () => {
    // Mo 8.5 + Tu 8.5 + We 4 + Th 8.5 + Fr 5.5 = 35 h; week 06/03–10/03/2023 → 35 h → 5 jours.
    const s = schedule('Lu 8h30; Ma 8h30; Me 4h; Je 8h30; Ve 5h30');
    expect(presence(stage('2023-03-06', '2023-03-10', { schedule: s })).label).toBe('5 jours');
    // Half a Wednesday off: 35 − 4/2 = 33 h → 4 days (28 h) + 5 h → "4 jours 5 heures".
    expect(
      presence(stage('2023-03-06', '2023-03-10', { schedule: s }), [
        absence('2023-03-08', '2023-03-08', { halfDay: true }),
      ]).label,
    ).toBe('4 jours 5 heures');
  });

  it('13. unset weekly hours take the setting; other weekly hours spread over 5 days', () => {
    // 06/03–10/03/2023 with weeklyHours null and the setting at 35 h: 35 h.
    expect(presence(stage('2023-03-06', '2023-03-10', { weeklyHours: null })).hours).toBe(35);
    // Setting 30 h: 5 days × 6 h = 30 h → 4 days (28 h) + 2 h.
    expect(presence(stage('2023-03-06', '2023-03-10', { weeklyHours: null }), [], 30).label).toBe(
      '4 jours 2 heures',
    );
    // 32 h: 6 h 24 a day; 2 weeks 06/03–17/03/2023 → 64 h → 9 days (63 h) + 1 h.
    expect(presence(stage('2023-03-06', '2023-03-17', { weeklyHours: 32 })).label).toBe(
      '9 jours 1 heure',
    );
  });

  it('14. absences outside the stage, on weekends, on holidays, or overlapping', () => {
    const s = stage('2023-04-03', '2023-04-14'); // case 2: 63 h
    expect(
      presence(s, [
        absence('2023-03-27', '2023-04-03'), // only Monday 03/04 is inside: − 7 h
        absence('2023-04-08', '2023-04-10'), // Sat, Sun, Easter Monday: nothing to remove
        absence('2023-04-12', '2023-04-12', { halfDay: true }), // − 3.5 h
        absence('2023-04-12', '2023-04-12', { halfDay: true }), // the other half: − 3.5 h
        absence('2023-04-12', '2023-04-12'), // already a full day: nothing more
      ]).hours,
    ).toBe(63 - 7 - 7);
  });

  it('15. a half day across a month: one day of 7 h and half days sum exactly', () => {
    // 20 days minus 3 half days: 20 × 7 − 3 × 3.5 = 129.5 h → 18 jours 3,5 heures.
    const p = presence(stage('2023-03-06', '2023-03-31'), [
      absence('2023-03-07', '2023-03-07', { halfDay: true }),
      absence('2023-03-14', '2023-03-14', { halfDay: true }),
      absence('2023-03-21', '2023-03-21', { halfDay: true }),
    ]);
    expect(p.label).toBe('18 jours 3,5 heures');
  });

  it('16. six months: 132 days of 7 h = 924 h (L124-5)', () => {
    // 02/01/2023–14/07/2023 Mo–Fr: Jan 22, Feb 20, Mar 23, Apr 20 − Easter Monday = 19,
    // May 23 − 1, 8, 18, 29 May = 19, Jun 22, Jul 3-7 + 10-13 = 9 → 134 days → 938 h
    // → 6 mois (132) + 2 jours. 14 July is a holiday and adds nothing.
    const p = presence(stage('2023-01-02', '2023-07-14'));
    expect(p).toMatchObject({ hours: 938, days: 134, months: 6, remainderDays: 2 });
    expect(p.label).toBe('6 mois 2 jours');
    expect(presenceLimitsCheck(p.hours).ok).toBe(false);
    // Up to 11/07/2023 (Tuesday): 134 − 12 and 13 July = 132 days = 924 h: the maximum, allowed.
    const max = presence(stage('2023-01-02', '2023-07-11'));
    expect(max).toMatchObject({ hours: 924, months: 6, remainderDays: 0, label: '6 mois' });
    expect(presenceLimitsCheck(max.hours).ok).toBe(true);
  });

  it('gives nothing for unusable dates', () => {
    expect(presence(stage('', '')).label).toBe('0 heure');
    expect(presence(stage('2023-03-10', '2023-03-06')).hours).toBe(0);
    // A weekend-only stage on a Monday–Friday schedule.
    expect(presence(stage('2023-03-11', '2023-03-12')).label).toBe('0 heure');
  });
});

describe('presence labels', () => {
  it('uses French singular below 2 and plural from 2, with a decimal comma', () => {
    expect(presenceLabel(0, 0, 0)).toBe('0 heure');
    expect(presenceLabel(0, 1, 0)).toBe('1 jour');
    expect(presenceLabel(0, 2, 0)).toBe('2 jours');
    expect(presenceLabel(0, 0, 1)).toBe('1 heure');
    expect(presenceLabel(0, 0, 1.5)).toBe('1,5 heure');
    expect(presenceLabel(0, 0, 2)).toBe('2 heures');
    expect(presenceLabel(1, 0, 0)).toBe('1 mois');
    expect(presenceLabel(2, 1, 1)).toBe('2 mois 1 jour 1 heure');
    expect(presenceLabel(1, 3, 2)).toBe('1 mois 3 jours 2 heures');
    expect(presenceLabel(0, 0, 4 + 1 / 6)).toBe('4,17 heures');
  });

  it('splits a number of hours', () => {
    // 157.5 h = 22 days (154 h) + 3.5 h = 1 mois 3,5 heures.
    expect(presenceFromHours(157.5)).toEqual({
      hours: 157.5,
      days: 22,
      months: 1,
      remainderDays: 0,
      remainderHours: 3.5,
      label: '1 mois 3,5 heures',
    });
    expect(presenceFromHours(0).label).toBe('0 heure');
  });

  it('knows a stage abroad', () => {
    expect(isAbroad('')).toBe(false);
    expect(isAbroad('France')).toBe(false);
    expect(isAbroad('FRANCE')).toBe(false);
    expect(isAbroad('Espagne')).toBe(true);
  });
});

describe('gratification (same student, same host, same school year)', () => {
  it('is not due at 44 days exactly (308 h), due beyond (315 h)', () => {
    const at = gratification({ stages: [{ hours: 308 }], hourlyRate: 4.5 });
    expect(at).toMatchObject({ totalHours: 308, due: false, exceedsMaximum: false });
    expect(at.label).toBe('Non due (2 mois ou moins)');
    const beyond = gratification({ stages: [{ hours: 315 }], hourlyRate: 4.5 });
    expect(beyond.due).toBe(true);
    // 4,50 € × (35 h / 5 × 22 days = 154 h) = 693 €.
    expect(beyond.minimumMonthly).toBe(693);
    expect(beyond.label).toBe('Gratification due : 693,00 € par mois (35 h/semaine)');
  });

  it('sums a stage split in two parts with the same host over the school year', () => {
    // Part 1: 02/01–27/01/2023 = 20 weekdays = 140 h. Part 2: 06/03–07/04/2023 = 20 + 5 = 25
    // weekdays = 175 h. Each alone ≤ 308 h; together 315 h > 308 h → due.
    const part1 = presence(stage('2023-01-02', '2023-01-27'));
    const part2 = presence(stage('2023-03-06', '2023-04-07'));
    expect([part1.hours, part2.hours]).toEqual([140, 175]);
    expect(gratification({ stages: [part1], hourlyRate: 4.5 }).due).toBe(false);
    expect(gratification({ stages: [part2], hourlyRate: 4.5 }).due).toBe(false);
    const both = gratification({ stages: [part1, part2], hourlyRate: 4.5 });
    expect(both).toMatchObject({ totalHours: 315, due: true });
  });

  it('gives the monthly minimum for the weekly hours', () => {
    // 28 h a week: 4,50 € × 28 / 5 × 22 = 4,50 € × 123,2 h = 554,40 €.
    const g = gratification({ stages: [{ hours: 400 }], hourlyRate: 4.5, weeklyHours: 28 });
    expect(g.minimumMonthly).toBe(554.4);
    expect(g.label).toBe('Gratification due : 554,40 € par mois (28 h/semaine)');
    // 2024 rate 4,35 €: 4,35 × 154 = 669,90 €.
    expect(gratification({ stages: [], hourlyRate: 4.35 }).minimumMonthly).toBe(669.9);
  });

  it('flags more than 924 h (6 months) as forbidden', () => {
    expect(gratification({ stages: [{ hours: 924 }], hourlyRate: 4.5 }).exceedsMaximum).toBe(false);
    const over = gratification({ stages: [{ hours: 500 }, { hours: 431 }], hourlyRate: 4.5 });
    expect(over).toMatchObject({ totalHours: 931, due: true, exceedsMaximum: true });
    expect(over.label).toContain('Interdit : plus de 6 mois (924 h)');
  });

  it('tolerates floating-point sums at the thresholds', () => {
    const thirds = Array.from({ length: 924 * 3 }, () => ({ hours: 1 / 3 }));
    expect(gratification({ stages: thirds, hourlyRate: 4.5 }).exceedsMaximum).toBe(false);
  });

  it('formats euros the French way', () => {
    expect(formatEuros(693)).toBe('693,00 €');
    expect(formatEuros(1234.5)).toBe('1 234,50 €');
    expect(formatEuros(0)).toBe('0,00 €');
  });
});

describe('presenceLimitsCheck (L124-5)', () => {
  it('accepts up to 924 h and refuses beyond, in French', () => {
    expect(presenceLimitsCheck(924)).toEqual({ ok: true, value: undefined });
    expect(presenceLimitsCheck(0)).toEqual({ ok: true, value: undefined });
    expect(presenceLimitsCheck(924.5)).toEqual({
      ok: false,
      error:
        "Plus de 6 mois (924 heures) de stage dans le même organisme d'accueil pour la même année scolaire : c'est interdit (article L124-5 du Code de l'éducation).",
    });
  });
});

describe('independence from the host time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  for (const tz of ['Pacific/Auckland', 'America/New_York', 'America/Sao_Paulo', 'UTC']) {
    it(`counts the same in ${tz}`, () => {
      process.env.TZ = tz;
      const holidays = publicHolidaySet([2023], { alsaceMoselle: false });
      // Spans the European (26/03) and New Zealand (02/04) daylight-saving changes.
      const p = computePresence({
        stage: stage('2023-03-20', '2023-04-14'),
        absences: [absence('2023-03-27', '2023-03-27', { halfDay: true })],
        publicHolidays: holidays,
        defaultWeeklyHours: 35,
      });
      // 20 weekdays − Easter Monday = 19 × 7 = 133 − 3.5 = 129.5 h.
      expect(p.hours).toBe(129.5);
    });
  }
});
