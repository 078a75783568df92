import { describe, expect, it } from 'vitest';
import {
  coverageNote,
  coveredSchoolYears,
  describeSchoolYears,
  schoolYearsBetween,
  uncoveredSchoolYears,
  uncoveredWarning,
} from '../../../src/domain/holidays/coverage';
import {
  BUILT_IN_SCHOOL_HOLIDAYS,
  type SchoolHoliday,
} from '../../../src/domain/holidays/schoolHolidays';

const h = (zone: SchoolHoliday['zone'], start: string): SchoolHoliday => ({
  zone,
  name: 'Vacances',
  start,
  end: start,
});

describe('coveredSchoolYears', () => {
  it('the shipped list covers 2015-2016 to 2025-2026 for every zone, and not 2026-2027', () => {
    for (const zone of ['A', 'B', 'C'] as const) {
      const years = coveredSchoolYears(BUILT_IN_SCHOOL_HOLIDAYS, zone);
      expect(years[0]).toBe('2015-2016');
      expect(years.at(-1)).toBe('2025-2026');
      expect(years).toHaveLength(11);
      expect(years).not.toContain('2026-2027');
    }
  });

  it('counts a year by its holidays of that zone; summer belongs to the year it ends', () => {
    const list = [
      h('B', '2026-10-17'),
      h('A', '2027-02-13'),
      h('B', '2026-07-04'), // summer 2026: school year 2025-2026
      h('Établissement', '2028-05-14'), // the school's own closure says nothing of the zone
    ];
    expect(coveredSchoolYears(list, 'B')).toEqual(['2025-2026', '2026-2027']);
    expect(coveredSchoolYears(list, 'A')).toEqual(['2026-2027']);
    expect(coveredSchoolYears(list, 'C')).toEqual([]);
  });
});

describe('describeSchoolYears', () => {
  it('joins consecutive years into ranges', () => {
    expect(describeSchoolYears([])).toBe('');
    expect(describeSchoolYears(['2022-2023'])).toBe('2022-2023');
    expect(describeSchoolYears(['2016-2017', '2015-2016', '2017-2018'])).toBe(
      '2015-2016 à 2017-2018',
    );
    expect(describeSchoolYears(['2015-2016', '2016-2017', '2019-2020', '2022-2023'])).toBe(
      '2015-2016 à 2016-2017, 2019-2020, 2022-2023',
    );
  });
});

describe('a stage in an uncovered year', () => {
  const covered = coveredSchoolYears(BUILT_IN_SCHOOL_HOLIDAYS, 'B');

  it('knows the school years a stage spans', () => {
    expect(schoolYearsBetween('2026-11-02', '2026-12-18')).toEqual(['2026-2027']);
    expect(schoolYearsBetween('2026-06-15', '2026-09-30')).toEqual(['2025-2026', '2026-2027']);
    expect(schoolYearsBetween('2026-06-15', '')).toEqual(['2025-2026']);
    expect(schoolYearsBetween('', '')).toEqual([]);
  });

  it('finds the years whose holidays are unknown', () => {
    expect(uncoveredSchoolYears(covered, '2023-02-01', '2023-03-31')).toEqual([]);
    expect(uncoveredSchoolYears(covered, '2026-11-02', '2026-12-18')).toEqual(['2026-2027']);
    expect(uncoveredSchoolYears(covered, '2026-06-15', '2026-09-30')).toEqual(['2026-2027']);
  });

  it('says so in French, pointing to the import', () => {
    expect(coverageNote('B', covered)).toBe(
      'Vacances scolaires connues pour la zone B : 2015-2016 à 2025-2026.',
    );
    expect(coverageNote('C', [])).toBe('Aucune vacance scolaire connue pour la zone C.');
    expect(uncoveredWarning('B', ['2026-2027'])).toBe(
      "Vacances scolaires de la zone B inconnues pour 2026-2027 : le calendrier n'en montre aucune. " +
        'Importez le calendrier officiel du ministère (Paramètres › Vacances scolaires).',
    );
  });
});
