import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collapseDailyRows, renderModule } from '../../../scripts/gen-school-holidays';
import { SCHOOL_HOLIDAYS_DATA } from '../../../src/domain/data/schoolHolidays.generated';
import {
  BUILT_IN_SCHOOL_HOLIDAYS,
  canonicalHolidayName,
  coalesceSchoolHolidays,
  mergeSchoolHolidays,
  officialDate,
  parseOfficialCalendarCsv,
  parseOfficialCalendarIcs,
  parseSchoolHolidayZone,
  schoolHolidayDays,
  validateSchoolHoliday,
  zonesIn,
  type SchoolHoliday,
} from '../../../src/domain/holidays/schoolHolidays';
import type { Zone } from '../../../src/domain/types';

const CSV_PATH = resolve(__dirname, '../../../../shared/data/vacances-scolaires-1990-2026.csv');

function value<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(`unexpected error: ${r.error}`);
  return r.value;
}

function builtIn(zone: Zone, name: string, from: string): SchoolHoliday | undefined {
  return BUILT_IN_SCHOOL_HOLIDAYS.find(
    (h) => h.zone === zone && h.name === name && h.start >= from,
  );
}

describe('built-in school holidays', () => {
  it('has the 2022-2023 winter holidays of each zone', () => {
    expect(builtIn('A', "Vacances d'hiver", '2023-01-01')).toEqual({
      zone: 'A',
      name: "Vacances d'hiver",
      start: '2023-02-04',
      end: '2023-02-19',
    });
    expect(builtIn('B', "Vacances d'hiver", '2023-01-01')).toMatchObject({
      start: '2023-02-11',
      end: '2023-02-26',
    });
    expect(builtIn('C', "Vacances d'hiver", '2023-01-01')).toMatchObject({
      start: '2023-02-18',
      end: '2023-03-05',
    });
  });

  it('covers school years 2015-2016 to 2025-2026 with the five holidays in every zone', () => {
    for (let y = 2015; y <= 2025; y++) {
      for (const zone of ['A', 'B', 'C'] as const) {
        const inYear = BUILT_IN_SCHOOL_HOLIDAYS.filter(
          (h) => h.zone === zone && h.start >= `${y}-09-01` && h.start <= `${y + 1}-08-31`,
        ).map((h) => h.name);
        for (const name of [
          'Vacances de la Toussaint',
          'Vacances de Noël',
          "Vacances d'hiver",
          'Vacances de printemps',
          "Vacances d'été",
        ]) {
          expect(inYear, `${zone} ${y}-${y + 1}`).toContain(name);
        }
      }
    }
    expect(BUILT_IN_SCHOOL_HOLIDAYS.every((h) => h.end >= '2015-09-01')).toBe(true);
  });

  it('has well-formed, sorted, non-overlapping ranges per zone', () => {
    for (const h of BUILT_IN_SCHOOL_HOLIDAYS) {
      expect(h.start <= h.end).toBe(true);
      expect(h.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const zone of ['A', 'B', 'C'] as const) {
      const list = BUILT_IN_SCHOOL_HOLIDAYS.filter((h) => h.zone === zone);
      for (let i = 1; i < list.length; i++) {
        expect(list[i - 1]!.end < list[i]!.start).toBe(true);
      }
    }
  });

  it.skipIf(!existsSync(CSV_PATH))('is what the generator makes of the shared CSV', () => {
    const csv = readFileSync(CSV_PATH, 'utf8');
    expect(collapseDailyRows(csv)).toEqual(SCHOOL_HOLIDAYS_DATA);
  });
});

describe('gen-school-holidays collapse', () => {
  const csv = [
    'date,vacances_zone_a,vacances_zone_b,vacances_zone_c,nom_vacances',
    "2015-08-30,True,True,True,Vacances d'été",
    "2015-08-31,True,True,True,Vacances d'été",
    '2015-09-01,False,False,False,',
    "2016-02-06,True,False,False,Vacances d'hiver",
    "2016-02-07,True,False,False,Vacances d'hiver",
    "2016-02-08,True,True,False,Vacances d'hiver",
    "2016-02-09,False,True,False,Vacances d'hiver",
    '2016-02-10,False,False,False,',
    "2016-02-11,False,True,False,Vacances d'hiver",
    '',
  ].join('\n');

  it('makes one range per zone and run of days, and drops years before 2015-2016', () => {
    expect(collapseDailyRows(csv)).toEqual([
      { zone: 'A', name: "Vacances d'hiver", start: '2016-02-06', end: '2016-02-08' },
      { zone: 'B', name: "Vacances d'hiver", start: '2016-02-08', end: '2016-02-09' },
      { zone: 'B', name: "Vacances d'hiver", start: '2016-02-11', end: '2016-02-11' },
    ]);
  });

  it('renders a typed module citing its source and licence', () => {
    const text = renderModule(collapseDailyRows(csv));
    expect(text).toContain('fr-en-calendrier-scolaire');
    expect(text).toContain('Licence Ouverte');
    expect(text).toContain(
      "{ zone: 'A', name: \"Vacances d'hiver\", start: '2016-02-06', end: '2016-02-08' },",
    );
  });
});

describe('schoolHolidayDays', () => {
  const list: SchoolHoliday[] = [
    { zone: 'B', name: "Vacances d'hiver", start: '2023-02-11', end: '2023-02-13' },
    { zone: 'A', name: "Vacances d'hiver", start: '2023-02-04', end: '2023-02-05' },
    { zone: 'Établissement', name: 'Pont', start: '2023-02-13', end: '2023-02-14' },
  ];

  it("gives a zone's days with their names, and the school's closures", () => {
    expect(schoolHolidayDays(list, 'B')).toEqual(
      new Map([
        ['2023-02-11', "Vacances d'hiver"],
        ['2023-02-12', "Vacances d'hiver"],
        ['2023-02-13', "Vacances d'hiver"],
        ['2023-02-14', 'Pont'],
      ]),
    );
    expect([...schoolHolidayDays(list, 'C').keys()]).toEqual(['2023-02-13', '2023-02-14']);
  });

  it('keeps only the days of a window', () => {
    expect([
      ...schoolHolidayDays(list, 'B', { start: '2023-02-12', end: '2023-02-13' }).keys(),
    ]).toEqual(['2023-02-12', '2023-02-13']);
  });

  it('finds zone B winter 2023 in the built-in list', () => {
    const days = schoolHolidayDays(BUILT_IN_SCHOOL_HOLIDAYS, 'B');
    expect(days.get('2023-02-11')).toBe("Vacances d'hiver");
    expect(days.get('2023-02-26')).toBe("Vacances d'hiver");
    expect(days.has('2023-02-10')).toBe(false);
    expect(days.has('2023-02-27')).toBe(false);
  });
});

describe('officialDate', () => {
  it('reads the dataset timestamps as the nearest midnight', () => {
    expect(officialDate('2023-02-03T23:00:00+00:00')).toBe('2023-02-04'); // Paris, winter
    expect(officialDate('2023-07-07T22:00:00+00:00')).toBe('2023-07-08'); // Paris, summer
    expect(officialDate('2023-02-04T00:00:00+01:00')).toBe('2023-02-04');
    expect(officialDate('2023-02-04T00:00:00Z')).toBe('2023-02-04');
    expect(officialDate('2023-02-04T00:00:00')).toBe('2023-02-04');
    expect(officialDate('20230203T230000Z')).toBe('2023-02-04');
    expect(officialDate('2023-12-31T23:00:00+00:00')).toBe('2024-01-01');
  });

  it('reads plain dates as they are', () => {
    expect(officialDate('2023-02-04')).toBe('2023-02-04');
    expect(officialDate(' 04/02/2023 ')).toBe('2023-02-04');
    expect(officialDate('20230204')).toBe('2023-02-04');
    expect(officialDate('2024-02-29')).toBe('2024-02-29');
  });

  it('refuses what is not a date', () => {
    expect(officialDate('2023-02-30')).toBeNull();
    expect(officialDate('31/02/2023')).toBeNull();
    expect(officialDate('demain')).toBeNull();
    expect(officialDate('')).toBeNull();
    expect(officialDate('2023-02-04T25:00:00Z')).toBeNull();
  });
});

describe('zones and names', () => {
  it('finds zone letters', () => {
    expect(zonesIn('Zone A')).toEqual(['A']);
    expect(zonesIn("Vacances d'Hiver - Zones A/B")).toEqual(['A', 'B']);
    expect(zonesIn('Zones A/B/C - Corse')).toEqual(['A', 'B', 'C']);
    expect(zonesIn('Vacances de Noël - Zones A B C')).toEqual(['A', 'B', 'C']);
    expect(zonesIn('Zones B et C')).toEqual(['B', 'C']);
    expect(zonesIn('Corse')).toEqual([]);
    expect(zonesIn('Guadeloupe')).toEqual([]);
    expect(zonesIn('Zone Académie')).toEqual([]);
  });

  it('spells names like the built-in list', () => {
    expect(canonicalHolidayName("Vacances d'Hiver")).toBe("Vacances d'hiver");
    expect(canonicalHolidayName('Vacances d’Été')).toBe("Vacances d'été");
    expect(canonicalHolidayName('vacances de noel')).toBe('Vacances de Noël');
    expect(canonicalHolidayName('  Pont  du 8 mai ')).toBe('Pont du 8 mai');
  });

  it('reads zones typed in the sheet', () => {
    expect(parseSchoolHolidayZone('A')).toBe('A');
    expect(parseSchoolHolidayZone(' zone b ')).toBe('B');
    expect(parseSchoolHolidayZone('Établissement')).toBe('Établissement');
    expect(parseSchoolHolidayZone('etablissement')).toBe('Établissement');
    expect(parseSchoolHolidayZone('D')).toBeNull();
  });

  it('validates a row of the Vacances sheet', () => {
    expect(
      validateSchoolHoliday({ zone: 'Zone C', name: ' Pont ', start: '2024-05-10', end: '' }),
    ).toEqual({
      ok: true,
      value: { zone: 'C', name: 'Pont', start: '2024-05-10', end: '2024-05-10' },
    });
    expect(
      validateSchoolHoliday({ zone: 'X', name: 'a', start: '2024-05-10', end: '' }),
    ).toMatchObject({
      ok: false,
      field: 'zone',
    });
    expect(
      validateSchoolHoliday({ zone: 'A', name: '', start: '2024-05-10', end: '' }),
    ).toMatchObject({
      ok: false,
      field: 'name',
    });
    expect(
      validateSchoolHoliday({ zone: 'A', name: 'a', start: '2024-05-10', end: '2024-05-09' }),
    ).toMatchObject({ ok: false, field: 'end', error: 'La date de fin précède la date de début.' });
    expect(validateSchoolHoliday({ zone: 'A', name: 'a', start: '', end: '' })).toMatchObject({
      ok: false,
      field: 'start',
    });
  });
});

/** The official CSV export, French headers, one row per academy (excerpt, 2022-2023). */
const OFFICIAL_CSV = [
  '\uFEFFDescription;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire',
  "Vacances d'Hiver;-;2023-02-03T23:00:00+00:00;2023-02-19T23:00:00+00:00;Lyon;Zone A;2022-2023",
  "Vacances d'Hiver;-;2023-02-03T23:00:00+00:00;2023-02-19T23:00:00+00:00;Grenoble;Zone A;2022-2023",
  "Vacances d'Hiver;-;2023-02-10T23:00:00+00:00;2023-02-26T23:00:00+00:00;Lille;Zone B;2022-2023",
  "Vacances d'Hiver;-;2023-02-17T23:00:00+00:00;2023-03-05T23:00:00+00:00;Paris;Zone C;2022-2023",
  "Vacances d'Hiver;-;2023-02-17T23:00:00+00:00;2023-03-05T23:00:00+00:00;Corse;Corse;2022-2023",
  "Vacances d'Hiver;-;2023-02-10T23:00:00+00:00;2023-02-19T23:00:00+00:00;Guadeloupe;Guadeloupe;2022-2023",
  'Vacances de Printemps;Élèves;2023-04-14T22:00:00+00:00;2023-05-01T22:00:00+00:00;Lille;Zone B;2022-2023',
  "Vacances d'Été;Élèves;2023-07-07T22:00:00+00:00;2023-09-03T22:00:00+00:00;Lille;Zone B;2022-2023",
  "Vacances d'Été;Enseignants;2023-07-07T22:00:00+00:00;2023-08-31T22:00:00+00:00;Lille;Zone B;2022-2023",
  'Rentrée scolaire des élèves;-;2022-08-31T22:00:00+00:00;;Lille;Zone B;2022-2023',
  "Début des Vacances d'Été;-;2019-07-05T22:00:00+00:00;;Lille;Zone B;2018-2019",
  "Pont de l'Ascension;-;2023-05-17T22:00:00+00:00;2023-05-21T22:00:00+00:00;Lille;Zone B;2022-2023",
  '',
].join('\r\n');

describe('parseOfficialCalendarCsv', () => {
  it('collapses the academies into one range per zone and holiday, as the built-in list has them', () => {
    const list = value(parseOfficialCalendarCsv(OFFICIAL_CSV));
    expect(list).toEqual([
      { zone: 'B', name: "Vacances d'été", start: '2019-07-06', end: '2019-08-31' },
      { zone: 'A', name: "Vacances d'hiver", start: '2023-02-04', end: '2023-02-19' },
      { zone: 'B', name: "Vacances d'hiver", start: '2023-02-11', end: '2023-02-26' },
      { zone: 'C', name: "Vacances d'hiver", start: '2023-02-18', end: '2023-03-05' },
      { zone: 'B', name: 'Vacances de printemps', start: '2023-04-15', end: '2023-05-01' },
      { zone: 'B', name: "Pont de l'Ascension", start: '2023-05-18', end: '2023-05-21' },
      { zone: 'B', name: "Vacances d'été", start: '2023-07-08', end: '2023-09-03' },
    ]);
    // Day for day what the built-in list says for the same holidays.
    for (const h of list.filter((x) => x.start >= '2023-01-01' && !x.name.startsWith('Pont'))) {
      expect(BUILT_IN_SCHOOL_HOLIDAYS).toContainEqual(h);
    }
  });

  it('reads the API field names, commas and plain dates', () => {
    const csv = [
      'description,population,start_date,end_date,location,zones,annee_scolaire',
      "Vacances d'Hiver,-,2023-02-04,2023-02-20,Lyon,Zone A,2022-2023",
      "Vacances d'Hiver,-,04/02/2023,20/02/2023,Dijon,Zone A,2022-2023",
    ].join('\n');
    expect(value(parseOfficialCalendarCsv(csv))).toEqual([
      { zone: 'A', name: "Vacances d'hiver", start: '2023-02-04', end: '2023-02-19' },
    ]);
  });

  it('refuses another file, or unreadable dates, in French', () => {
    expect(parseOfficialCalendarCsv('nom;prénom\nA;B')).toMatchObject({ ok: false });
    const bad = parseOfficialCalendarCsv(
      'Description;Population;Date de début;Date de fin;Zones\nVacances;-;bientôt;2023-02-20;Zone A',
    );
    expect(bad).toEqual({ ok: false, error: 'Ligne 2 : date de début illisible « bientôt ».' });
    const badEnd = parseOfficialCalendarCsv(
      'Description;Population;Date de début;Date de fin;Zones\nVacances;-;2023-02-04;jamais;Zone A',
    );
    expect(badEnd).toEqual({ ok: false, error: 'Ligne 2 : date de fin illisible « jamais ».' });
    const none = parseOfficialCalendarCsv(
      'Description;Population;Date de début;Date de fin;Zones\nVacances;-;2023-02-04;2023-02-20;Corse',
    );
    expect(none).toMatchObject({ ok: false });
    if (!none.ok) expect(none.error).toContain('Aucune vacance scolaire');
  });
});

/** The official ICS, all zones, 2025-2026 (pieces per group of zones, DTEND exclusive). */
function vevent(
  start: string,
  end: string,
  summary: string,
  location = summary.split(' - ')[1] ?? '',
): string {
  return [
    'BEGIN:VEVENT',
    'DTSTAMP:20250114T124531Z',
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `SUMMARY:${summary}`,
    `UID:${start}-${summary.length}@data.education.gouv.fr`,
    `LOCATION:${location}`,
    `DESCRIPTION:${summary}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ].join('\r\n');
}
const ICS_2025_2026 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//data.education.gouv.fr//calendrier scolaire//FR',
  vevent('20260704', '20260704', "Début des Vacances d'Été - Zones A/B/C"),
  vevent('20260514', '20260518', "Pont de l'Ascension - Zones A/B/C"),
  vevent('20260418', '20260420', 'Vacances de Printemps - Zones A/B/C'),
  vevent('20260427', '20260504', 'Vacances de Printemps - Zone C'),
  vevent('20260420', '20260427', 'Vacances de Printemps - Zones B/C'),
  vevent('20260411', '20260418', 'Vacances de Printemps - Zones A/B'),
  vevent('20260404', '20260411', 'Vacances de Printemps - Zone A'),
  vevent('20260302', '20260309', "Vacances d'Hiver - Zone C"),
  vevent('20260223', '20260302', "Vacances d'Hiver - Zones B/C"),
  vevent('20260221', '20260223', "Vacances d'Hiver - Zones A/B/C"),
  vevent('20260214', '20260221', "Vacances d'Hiver - Zones A/B"),
  vevent('20260207', '20260214', "Vacances d'Hiver - Zone A"),
  vevent('20251220', '20260105', 'Vacances de Noël - Zones A/B/C'),
  vevent('20251018', '20251103', 'Vacances de la Toussaint - Zones A/B/C'),
  vevent('20250829', '20250901', "Vacances d'Été(prérentrée Enseignants) - Zones A/B/C"),
  vevent('20250705', '20250901', "Vacances d'Été - Zones A/B/C"),
  vevent('20250609', '20250609', 'Lundi de Pentecôte - Corse', 'Corse'),
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('parseOfficialCalendarIcs', () => {
  it('joins the pieces per zone: the 2025-2026 year matches the built-in list', () => {
    const list = value(parseOfficialCalendarIcs(ICS_2025_2026));
    for (const zone of ['A', 'B', 'C'] as const) {
      const fromIcs = list.filter(
        (h) =>
          h.zone === zone &&
          h.start >= '2025-09-01' &&
          h.start < '2026-06-01' &&
          !h.name.startsWith('Pont'),
      );
      const shipped = BUILT_IN_SCHOOL_HOLIDAYS.filter(
        (h) => h.zone === zone && h.start >= '2025-09-01' && h.start < '2026-06-01',
      );
      expect(fromIcs, zone).toEqual(shipped);
    }
    expect(list.filter((h) => h.zone === 'A')).toEqual([
      { zone: 'A', name: "Vacances d'été", start: '2025-07-05', end: '2025-08-31' },
      { zone: 'A', name: 'Vacances de la Toussaint', start: '2025-10-18', end: '2025-11-02' },
      { zone: 'A', name: 'Vacances de Noël', start: '2025-12-20', end: '2026-01-04' },
      { zone: 'A', name: "Vacances d'hiver", start: '2026-02-07', end: '2026-02-22' },
      { zone: 'A', name: 'Vacances de printemps', start: '2026-04-04', end: '2026-04-19' },
      { zone: 'A', name: "Pont de l'Ascension", start: '2026-05-14', end: '2026-05-17' },
      // "Début des Vacances d'Été": no return date, the summer runs to 31 August.
      { zone: 'A', name: "Vacances d'été", start: '2026-07-04', end: '2026-08-31' },
    ]);
  });

  it("keeps only the caller's zone for a per-zone file", () => {
    const list = value(parseOfficialCalendarIcs(ICS_2025_2026, 'B'));
    expect(new Set(list.map((h) => h.zone))).toEqual(new Set(['B']));
    expect(list).toContainEqual({
      zone: 'B',
      name: "Vacances d'hiver",
      start: '2026-02-14',
      end: '2026-03-01',
    });
  });

  it('reads the older format: zone in SUMMARY, academies in a folded LOCATION', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:70@education.gouv.fr',
      "DESCRIPTION:Vacances d'hiver",
      'DTSTART;VALUE=DATE:20090207',
      'DTEND;VALUE=DATE:20090223',
      'LOCATION:Caen\\, Clermont-Ferrand\\, Grenoble\\, Lyon\\, Montpellier\\, Nancy-Me',
      ' tz\\, Nantes\\, Rennes\\, Toulouse',
      "SUMMARY:Vacances d'hiver - Zone A",
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    expect(value(parseOfficialCalendarIcs(ics))).toEqual([
      { zone: 'A', name: "Vacances d'hiver", start: '2009-02-07', end: '2009-02-22' },
    ]);
  });

  it('takes the zone from the caller or the calendar name when events do not say', () => {
    const ics = (calname: string) =>
      [
        'BEGIN:VCALENDAR',
        calname,
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20270206',
        'DTEND;VALUE=DATE:20270222',
        "SUMMARY:Vacances d'Hiver",
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20270507',
        "SUMMARY:Pont de l'Ascension",
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\n');
    const expected = [
      { zone: 'C', name: "Vacances d'hiver", start: '2027-02-06', end: '2027-02-21' },
      // A DATE event without DTEND lasts one day.
      { zone: 'C', name: "Pont de l'Ascension", start: '2027-05-07', end: '2027-05-07' },
    ];
    expect(value(parseOfficialCalendarIcs(ics('X-WR-CALNAME:Calendrier'), 'C'))).toEqual(expected);
    expect(
      value(parseOfficialCalendarIcs(ics('X-WR-CALNAME:Calendrier scolaire - Zone C'))),
    ).toEqual(expected);
    const unknown = parseOfficialCalendarIcs(ics('X-WR-CALNAME:Calendrier'));
    expect(unknown).toMatchObject({ ok: false });
    if (!unknown.ok) expect(unknown.error).toContain('Zone introuvable');
  });

  it('refuses what is not an ICS calendar, or an unreadable date', () => {
    expect(parseOfficialCalendarIcs('date;nom')).toEqual({
      ok: false,
      error: "Ce fichier n'est pas un calendrier ICS (BEGIN:VCALENDAR introuvable).",
    });
    const bad = parseOfficialCalendarIcs(
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2027XX06\nSUMMARY:Vacances - Zone A\nEND:VEVENT\nEND:VCALENDAR',
    );
    expect(bad).toEqual({
      ok: false,
      error: '« Vacances - Zone A » : date de début illisible « 2027XX06 ».',
    });
    expect(parseOfficialCalendarIcs('BEGIN:VCALENDAR\nEND:VCALENDAR')).toMatchObject({ ok: false });
  });
});

describe('coalesceSchoolHolidays and mergeSchoolHolidays', () => {
  const winterA: SchoolHoliday = {
    zone: 'A',
    name: "Vacances d'hiver",
    start: '2023-02-04',
    end: '2023-02-19',
  };

  it('joins touching and overlapping ranges of one zone and one holiday only', () => {
    expect(
      coalesceSchoolHolidays([
        { zone: 'A', name: "Vacances d'Hiver", start: '2023-02-11', end: '2023-02-19' },
        { zone: 'A', name: "Vacances d'hiver", start: '2023-02-04', end: '2023-02-10' },
        { zone: 'B', name: "Vacances d'hiver", start: '2023-02-11', end: '2023-02-26' },
        { zone: 'A', name: 'Pont', start: '2023-02-20', end: '2023-02-20' },
      ]),
    ).toEqual([
      { zone: 'A', name: "Vacances d'hiver", start: '2023-02-04', end: '2023-02-19' },
      { zone: 'B', name: "Vacances d'hiver", start: '2023-02-11', end: '2023-02-26' },
      { zone: 'A', name: 'Pont', start: '2023-02-20', end: '2023-02-20' },
    ]);
  });

  it('adds only what is new: exact and covered duplicates are dropped', () => {
    const result = mergeSchoolHolidays(
      [winterA],
      [
        { ...winterA, name: "Vacances d'Hiver" }, // same range, other spelling
        { ...winterA, start: '2023-02-06', end: '2023-02-10' }, // inside
        { ...winterA, zone: 'B' }, // other zone
        { zone: 'Établissement', name: 'Pont', start: '2023-05-19', end: '2023-05-19' },
      ],
    );
    expect(result.added).toEqual([
      { ...winterA, zone: 'B' },
      { zone: 'Établissement', name: 'Pont', start: '2023-05-19', end: '2023-05-19' },
    ]);
    expect(result.merged).toEqual([
      winterA,
      { ...winterA, zone: 'B' },
      { zone: 'Établissement', name: 'Pont', start: '2023-05-19', end: '2023-05-19' },
    ]);
  });

  it('adds nothing when importing a year already shipped', () => {
    const imported = value(parseOfficialCalendarCsv(OFFICIAL_CSV)).filter(
      (h) => h.start >= '2023-01-01',
    );
    const { added } = mergeSchoolHolidays(BUILT_IN_SCHOOL_HOLIDAYS, imported);
    expect(added.map((h) => h.name)).toEqual(["Pont de l'Ascension"]);
  });
});
