import { describe, expect, it } from 'vitest';
import { eachDayIso, weekdayMon0 } from '../../src/domain/calendar/days';
import { addDays, formatFr, isIsoDate, parseUserDate } from '../../src/domain/dates';
import { error, value } from '../fixtures/domain';

describe('parseUserDate', () => {
  it.each([
    ['27/02/2023', '2023-02-27'],
    ['27/2/2023', '2023-02-27'],
    ['7/2/2023', '2023-02-07'],
    ['2023-02-27', '2023-02-27'],
    ['2023-2-7', '2023-02-07'],
    ['  27/02/2023  ', '2023-02-27'],
    ['27.02.2023', '2023-02-27'],
    ['27-02-2023', '2023-02-27'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2023', '2023-12-31'],
  ])('reads %j as %s', (text, iso) => {
    expect(value(parseUserDate(text, 'début'))).toBe(iso);
  });

  it('requires a date, with the label in the message', () => {
    expect(error(parseUserDate('', 'début')).error).toBe('La date de début est obligatoire.');
    expect(error(parseUserDate('   ', 'fin')).error).toBe('La date de fin est obligatoire.');
  });

  it('elides "de" before a vowel', () => {
    expect(error(parseUserDate('', 'arrêt')).error).toBe("La date d'arrêt est obligatoire.");
  });

  it.each([
    'abc',
    '27/02',
    '27/02/23',
    '2023/02/27',
    '27 février 2023',
    '27/02/2023x',
    '27/02/0023',
  ])('rejects the text %j', (text) => {
    expect(error(parseUserDate(text, 'début')).error).toBe(
      `« ${text.trim()} » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).`,
    );
  });

  it('gives the exact message for "abc"', () => {
    expect(error(parseUserDate('abc', 'début')).error).toBe(
      "« abc » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).",
    );
  });

  it.each([
    ['31/02/2023', "Le 31/02/2023 n'existe pas."],
    ['29/02/2023', "Le 29/02/2023 n'existe pas."],
    ['31/4/2023', "Le 31/04/2023 n'existe pas."],
    ['00/01/2023', "Le 00/01/2023 n'existe pas."],
    ['12/13/2023', "Le 12/13/2023 n'existe pas."],
    ['2023-02-30', "Le 30/02/2023 n'existe pas."],
  ])('rejects the impossible day %s', (text, message) => {
    expect(error(parseUserDate(text, 'début')).error).toBe(message);
  });

  it('carries no field: callers name it', () => {
    expect(parseUserDate('abc', 'début')).toEqual({
      ok: false,
      error: "« abc » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).",
    });
  });
});

describe('isIsoDate', () => {
  it('accepts real days only, in the strict form', () => {
    expect(isIsoDate('2023-02-27')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-27')).toBe(false);
    expect(isIsoDate('27/02/2023')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate(20230227)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('formatFr', () => {
  it('writes dd/MM/yyyy', () => {
    expect(formatFr('2023-02-01')).toBe('01/02/2023');
    expect(formatFr('')).toBe('');
  });
  it('throws on a non-date (a programming error)', () => {
    expect(() => formatFr('27/02/2023')).toThrow();
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2023-02-27', 1)).toBe('2023-02-28');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2023-02-27', 0)).toBe('2023-02-27');
    expect(addDays('2023-01-01', 365)).toBe('2024-01-01');
  });

  it('crosses daylight-saving changes day by day', () => {
    // Europe: 26/03/2023 and 29/10/2023; New Zealand: 02/04/2023 and 24/09/2023;
    // United States: 12/03/2023 and 05/11/2023.
    for (const day of [
      '2023-03-26',
      '2023-10-29',
      '2023-04-02',
      '2023-09-24',
      '2023-03-12',
      '2023-11-05',
    ]) {
      expect(addDays(addDays(day, -1), 1)).toBe(day);
      expect(addDays(day, 1) > day).toBe(true);
      expect(eachDayIso(addDays(day, -1), addDays(day, 1))).toHaveLength(3);
    }
  });

  it('lists each day', () => {
    expect(eachDayIso('2023-02-27', '2023-03-02')).toEqual([
      '2023-02-27',
      '2023-02-28',
      '2023-03-01',
      '2023-03-02',
    ]);
    expect(eachDayIso('2023-02-27', '2023-02-27')).toEqual(['2023-02-27']);
    expect(eachDayIso('2023-02-28', '2023-02-27')).toEqual([]);
    const year = eachDayIso('2022-09-01', '2023-08-31');
    expect(year).toHaveLength(365);
    expect(new Set(year).size).toBe(365);
    expect(year.at(-1)).toBe('2023-08-31');
  });

  it('numbers weekdays from Monday', () => {
    expect(weekdayMon0('2023-02-27')).toBe(0); // lundi
    expect(weekdayMon0('2023-02-01')).toBe(2); // mercredi
    expect(weekdayMon0('2023-03-05')).toBe(6); // dimanche
    expect(weekdayMon0('2022-09-01')).toBe(3); // jeudi, as in the seed's calendar
    expect(weekdayMon0('2024-02-29')).toBe(3);
  });
});

describe('independence from the host time zone', () => {
  // Node applies a change of process.env.TZ at once, so one run covers several zones; the suite
  // is also run whole under TZ=Pacific/Auckland and TZ=America/New_York.
  const zones = [
    'UTC',
    'Europe/Paris',
    'Pacific/Auckland',
    'America/New_York',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'America/Santiago',
  ];

  it.each(zones)('gives the same answers in %s', (zone) => {
    const saved = process.env.TZ;
    process.env.TZ = zone;
    try {
      expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
      expect(addDays('2023-03-26', 1)).toBe('2023-03-27');
      expect(addDays('2023-04-02', -1)).toBe('2023-04-01');
      expect(weekdayMon0('2023-02-27')).toBe(0);
      expect(eachDayIso('2022-09-01', '2023-08-31')).toHaveLength(365);
      expect(eachDayIso('2023-03-25', '2023-03-27')).toEqual([
        '2023-03-25',
        '2023-03-26',
        '2023-03-27',
      ]);
      expect(value(parseUserDate('01/01/2023', 'début'))).toBe('2023-01-01');
      expect(isIsoDate('2023-09-03')).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('really switches zones (otherwise the test above proves nothing)', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = new Date(2023, 0, 1).getTimezoneOffset();
      process.env.TZ = 'Pacific/Auckland';
      const nz = new Date(2023, 0, 1).getTimezoneOffset();
      expect(utc).toBe(0);
      expect(nz).toBe(-780);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
