import { afterEach, describe, expect, it } from 'vitest';
import {
  publicHolidays,
  publicHolidaySet,
  publicHolidaysBetween,
} from '../../../src/domain/holidays/publicHolidays';

/**
 * Independent source 1: the official lists (service-public.fr, "Jours fériés"), typed by hand.
 */
const OFFICIAL: Record<number, string[]> = {
  2023: [
    '2023-01-01',
    '2023-04-10', // Lundi de Pâques (Pâques 9 avril)
    '2023-05-01',
    '2023-05-08',
    '2023-05-18', // Ascension
    '2023-05-29', // Lundi de Pentecôte
    '2023-07-14',
    '2023-08-15',
    '2023-11-01',
    '2023-11-11',
    '2023-12-25',
  ],
  2024: [
    '2024-01-01',
    '2024-04-01', // Pâques 31 mars
    '2024-05-01',
    '2024-05-08',
    '2024-05-09',
    '2024-05-20',
    '2024-07-14',
    '2024-08-15',
    '2024-11-01',
    '2024-11-11',
    '2024-12-25',
  ],
  2025: [
    '2025-01-01',
    '2025-04-21', // Pâques 20 avril
    '2025-05-01',
    '2025-05-08',
    '2025-05-29',
    '2025-06-09',
    '2025-07-14',
    '2025-08-15',
    '2025-11-01',
    '2025-11-11',
    '2025-12-25',
  ],
  2026: [
    '2026-01-01',
    '2026-04-06', // Pâques 5 avril
    '2026-05-01',
    '2026-05-08',
    '2026-05-14',
    '2026-05-25',
    '2026-07-14',
    '2026-08-15',
    '2026-11-01',
    '2026-11-11',
    '2026-12-25',
  ],
};
/** Good Friday of those years (Alsace-Moselle). */
const GOOD_FRIDAY: Record<number, string> = {
  2023: '2023-04-07',
  2024: '2024-03-29',
  2025: '2025-04-18',
  2026: '2026-04-03',
};

/** Independent source 2: Easter Sunday by the Meeus/Jones/Butcher algorithm, UTC arithmetic. */
function easterMeeus(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}
function easterPlus(year: number, days: number): string {
  const { month, day } = easterMeeus(year);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const dates = (year: number, alsaceMoselle = false): string[] =>
  publicHolidays(year, { alsaceMoselle }).map((h) => h.date);

describe('publicHolidays', () => {
  for (const year of [2023, 2024, 2025, 2026]) {
    it(`matches the official list of ${year}`, () => {
      expect(dates(year)).toEqual(OFFICIAL[year]);
    });
    it(`adds Good Friday and 26 December in Alsace-Moselle in ${year}`, () => {
      const expected = [...OFFICIAL[year]!, GOOD_FRIDAY[year]!, `${year}-12-26`].sort();
      expect(dates(year, true)).toEqual(expected);
    });
  }

  it('names the days in French', () => {
    const names = Object.fromEntries(
      publicHolidays(2024, { alsaceMoselle: true }).map((h) => [h.date, h.name]),
    );
    expect(names['2024-01-01']).toBe("Jour de l'an");
    expect(names['2024-04-01']).toBe('Lundi de Pâques');
    expect(names['2024-05-09']).toBe('Ascension');
    expect(names['2024-05-20']).toBe('Lundi de Pentecôte');
    expect(names['2024-07-14']).toBe('Fête nationale');
    expect(names['2024-11-11']).toBe('Armistice 1918');
    expect(names['2024-03-29']).toBe('Vendredi saint');
    expect(names['2024-12-26']).toBe('Saint-Étienne');
  });

  it('agrees with an independent Easter computation for 1990–2100', () => {
    for (let year = 1990; year <= 2100; year++) {
      const byName = new Map(
        publicHolidays(year, { alsaceMoselle: true }).map((h) => [h.name, h.date]),
      );
      expect(byName.get('Lundi de Pâques'), `${year}`).toBe(easterPlus(year, 1));
      expect(byName.get('Ascension'), `${year}`).toBe(easterPlus(year, 39));
      expect(byName.get('Lundi de Pentecôte'), `${year}`).toBe(easterPlus(year, 50));
      expect(byName.get('Vendredi saint'), `${year}`).toBe(easterPlus(year, -2));
      expect(byName.get('Fête nationale')).toBe(`${year}-07-14`);
      expect(byName.get('Noël')).toBe(`${year}-12-25`);
      expect(publicHolidays(year, { alsaceMoselle: false })).toHaveLength(11);
    }
  });

  it('keeps both holidays when Ascension falls on 1 May (2008)', () => {
    const list = publicHolidays(2008, { alsaceMoselle: false });
    expect(list.filter((h) => h.date === '2008-05-01').map((h) => h.name)).toEqual([
      'Fête du Travail',
      'Ascension',
    ]);
    expect(publicHolidaySet([2008], { alsaceMoselle: false }).size).toBe(10);
    expect(publicHolidaysBetween('2008-05-01', '2008-05-01', { alsaceMoselle: false })).toEqual(
      new Map([['2008-05-01', 'Fête du Travail / Ascension']]),
    );
  });
});

describe('publicHolidaySet and publicHolidaysBetween', () => {
  it('unites several years', () => {
    const set = publicHolidaySet([2022, 2023], { alsaceMoselle: false });
    expect(set.size).toBe(22);
    expect(set.has('2022-11-01')).toBe(true);
    expect(set.has('2023-04-10')).toBe(true);
    expect(set.has('2023-04-07')).toBe(false);
    expect(publicHolidaySet([2023], { alsaceMoselle: true }).has('2023-04-07')).toBe(true);
  });

  it('keeps only the days of a range, across a year boundary', () => {
    const map = publicHolidaysBetween('2022-09-01', '2023-08-31', { alsaceMoselle: false });
    expect([...map.keys()]).toEqual([
      '2022-11-01',
      '2022-11-11',
      '2022-12-25',
      '2023-01-01',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-18',
      '2023-05-29',
      '2023-07-14',
      '2023-08-15',
    ]);
    expect(map.get('2023-05-18')).toBe('Ascension');
  });
});

describe('independence from the host time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  // The library adds 24-hour steps to local dates: across a DST change (Auckland's ends in
  // April, between Easter and Ascension) its Dates land an hour off midnight.
  for (const tz of [
    'Pacific/Auckland',
    'America/New_York',
    'Europe/Paris',
    'UTC',
    'Australia/Lord_Howe',
  ]) {
    it(`gives the same dates in ${tz}`, () => {
      process.env.TZ = tz;
      for (let year = 2015; year <= 2035; year++) {
        const byName = new Map(
          publicHolidays(year, { alsaceMoselle: true }).map((h) => [h.name, h.date]),
        );
        expect(byName.get('Ascension'), `${tz} ${year}`).toBe(easterPlus(year, 39));
        expect(byName.get('Lundi de Pentecôte'), `${tz} ${year}`).toBe(easterPlus(year, 50));
        expect(byName.get('Vendredi saint'), `${tz} ${year}`).toBe(easterPlus(year, -2));
      }
      expect(dates(2024)).toEqual(OFFICIAL[2024]);
    });
  }
});
