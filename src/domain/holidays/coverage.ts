/**
 * Which school years the known school holidays cover, for a zone. The shipped list stops at the
 * last calendar the Ministry had published; a later year shows no holiday at all unless its
 * calendar is imported, so staff must be told, rather than read an empty calendar as "no
 * holiday".
 */
import { schoolYearOf } from '../sessions';
import type { IsoDate, Zone } from '../types';
import type { SchoolHoliday } from './schoolHolidays';

/** Where staff import the official calendar, named as the sidebar shows it. */
export const HOLIDAY_IMPORT_PLACE = 'Paramètres › Vacances scolaires';

/**
 * The school years (oldest first) in which `zone` has at least one holiday. The school's own
 * closure days ("Établissement") say nothing of the zone's calendar and do not count.
 */
export function coveredSchoolYears(
  list: readonly Pick<SchoolHoliday, 'zone' | 'start'>[],
  zone: Zone,
): string[] {
  const years = new Set<string>();
  for (const h of list) if (h.zone === zone) years.add(schoolYearOf(h.start));
  return [...years].sort();
}

function firstYear(schoolYear: string): number {
  return Number(schoolYear.slice(0, 4));
}

/** "2015-2016 à 2025-2026", "2015-2016 à 2019-2020, 2022-2023", "2022-2023". */
export function describeSchoolYears(years: readonly string[]): string {
  const runs: string[][] = [];
  for (const y of [...new Set(years)].sort()) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev !== undefined && firstYear(y) === firstYear(prev) + 1) last.push(y);
    else runs.push([y]);
  }
  return runs.map((r) => (r.length === 1 ? r[0]! : `${r[0]!} à ${r[r.length - 1]!}`)).join(', ');
}

/** The school years a span of days touches, oldest first ([] when the span is unreadable). */
export function schoolYearsBetween(start: IsoDate, end: IsoDate): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) return [];
  const last = /^\d{4}-\d{2}-\d{2}$/.test(end) && end > start ? end : start;
  const out: string[] = [];
  for (let y = firstYear(schoolYearOf(start)); y <= firstYear(schoolYearOf(last)); y++) {
    out.push(`${y}-${y + 1}`);
  }
  return out;
}

/** The school years of `start`–`end` whose holidays are not known. */
export function uncoveredSchoolYears(
  covered: readonly string[],
  start: IsoDate,
  end: IsoDate,
): string[] {
  const known = new Set(covered);
  return schoolYearsBetween(start, end).filter((y) => !known.has(y));
}

/** "Vacances scolaires connues pour la zone B : 2015-2016 à 2025-2026." */
export function coverageNote(zone: Zone, covered: readonly string[]): string {
  return covered.length === 0
    ? `Aucune vacance scolaire connue pour la zone ${zone}.`
    : `Vacances scolaires connues pour la zone ${zone} : ${describeSchoolYears(covered)}.`;
}

/** The warning for a stage (or a calendar) in school years whose holidays are not known. */
export function uncoveredWarning(zone: Zone, missing: readonly string[]): string {
  const years = describeSchoolYears(missing);
  return (
    `Vacances scolaires de la zone ${zone} inconnues pour ${years} : le calendrier n'en montre aucune. ` +
    `Importez le calendrier officiel du ministère (${HOLIDAY_IMPORT_PLACE}).`
  );
}
