/**
 * School holidays ("vacances scolaires") by zone, and the school's own closure days.
 *
 * A `SchoolHoliday` is a range of days off, both ends included. The built-in list comes from the
 * Ministry's calendar (see data/schoolHolidays.generated.ts); later years are imported from the
 * official dataset "fr-en-calendrier-scolaire" (CSV or ICS export) or typed in the `Vacances` sheet.
 *
 * How the official dataset's dates are read (the rule applied by both importers):
 * - "Date de début" / DTSTART is the first day off. The dataset stores it as the Paris midnight
 *   that ends the last day of classes, serialised in UTC: `2023-02-03T23:00:00+00:00` is Saturday
 *   4 February 2023 00:00 in Paris. A timestamp is therefore read as the calendar date whose
 *   midnight is nearest to it (add 12 hours, keep the date); a plain date (`2023-02-04`,
 *   `04/02/2023`, ICS `20230204`) is taken as it is.
 * - "Date de fin" / DTEND is the day classes resume (the morning of the return): the last day off
 *   is the day before. `2023-02-19T23:00:00+00:00` (Monday 20 February in Paris) → last day off
 *   Sunday 19 February. This matches the built-in list day for day.
 * - A "Début des Vacances d'Été" entry has no return date: the summer runs to 31 August.
 * - Teachers' rows ("Enseignants", "prérentrée"), "Rentrée scolaire" markers and zones other than
 *   A, B and C (Corse, overseas territories) are left out.
 */
import Papa from 'papaparse';
import { SCHOOL_HOLIDAYS_DATA } from '../data/schoolHolidays.generated';
import { fail, ok, type IsoDate, type Result, type Zone } from '../types';
import { eachDayIso } from '../calendar/days';
import { addDays, isIsoDate, slashDateToIso } from '../dates';

/** 'Établissement': the school's own closure days, which apply whatever the zone. */
export type SchoolHolidayZone = Zone | 'Établissement';

export interface SchoolHoliday {
  zone: SchoolHolidayZone;
  name: string;
  /** First day off. */
  start: IsoDate;
  /** Last day off (included). */
  end: IsoDate;
}

export const BUILT_IN_SCHOOL_HOLIDAYS: readonly SchoolHoliday[] = SCHOOL_HOLIDAYS_DATA;

const ZONE_ORDER: Record<SchoolHolidayZone, number> = { A: 0, B: 1, C: 2, Établissement: 3 };

/** Lower case, no accent, straight apostrophes, single spaces: for comparing names and headers. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const CANONICAL_NAMES: Record<string, string> = {
  'vacances de la toussaint': 'Vacances de la Toussaint',
  'vacances de noel': 'Vacances de Noël',
  "vacances d'hiver": "Vacances d'hiver",
  'vacances de printemps': 'Vacances de printemps',
  "vacances d'ete": "Vacances d'été",
  "pont de l'ascension": "Pont de l'Ascension",
};

/**
 * The built-in list's spelling of a holiday name ("Vacances d'Hiver" → "Vacances d'hiver"), so
 * that an imported year reads like the shipped ones; unknown names are only trimmed.
 */
export function canonicalHolidayName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  return CANONICAL_NAMES[fold(trimmed)] ?? trimmed;
}

function nameKey(name: string): string {
  return fold(canonicalHolidayName(name));
}

/** "A", "zone b", "Zone C", "Établissement", "etablissement" → the zone; anything else → null. */
export function parseSchoolHolidayZone(text: string): SchoolHolidayZone | null {
  const f = fold(text);
  if (f === 'etablissement' || f === 'fermeture' || f === "fermeture de l'etablissement") {
    return 'Établissement';
  }
  const m = /^(?:zone\s*)?([abc])$/.exec(f);
  return m ? (m[1]!.toUpperCase() as Zone) : null;
}

/**
 * Checks one row of the `Vacances` sheet (dates already converted to ISO by the adapter).
 */
export function validateSchoolHoliday(row: {
  zone: string;
  name: string;
  start: string;
  end: string;
}): Result<SchoolHoliday> {
  const zone = parseSchoolHolidayZone(row.zone);
  if (!zone) {
    return fail(`Zone « ${row.zone} » inconnue : écrivez A, B, C ou Établissement.`, 'zone');
  }
  const name = row.name.replace(/\s+/g, ' ').trim();
  if (name === '') return fail('Donnez un nom à ces vacances.', 'name');
  if (!isIsoDate(row.start)) return fail('Date de début manquante ou invalide.', 'start');
  const end = row.end.trim() === '' ? row.start : row.end;
  if (!isIsoDate(end)) return fail('Date de fin invalide.', 'end');
  if (end < row.start) {
    return fail('La date de fin précède la date de début.', 'end');
  }
  return ok({ zone, name, start: row.start, end });
}

/**
 * Days off for a zone: the zone's holidays and the school's closures, date → holiday name.
 * When ranges overlap, the first one in the list names the day. `within` limits the days kept.
 */
export function schoolHolidayDays(
  list: readonly SchoolHoliday[],
  zone: Zone,
  within?: { start: IsoDate; end: IsoDate },
): Map<IsoDate, string> {
  const out = new Map<IsoDate, string>();
  for (const h of list) {
    if (h.zone !== zone && h.zone !== 'Établissement') continue;
    const start = within && h.start < within.start ? within.start : h.start;
    const end = within && h.end > within.end ? within.end : h.end;
    for (const day of eachDayIso(start, end)) if (!out.has(day)) out.set(day, h.name);
  }
  return out;
}

function compareHolidays(a: SchoolHoliday, b: SchoolHoliday): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.zone !== b.zone) return ZONE_ORDER[a.zone] - ZONE_ORDER[b.zone];
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Joins the ranges of one zone and one holiday that overlap or touch: the official ICS cuts a
 * holiday into weekly pieces ("Zone A", then "Zones A/B"…), the CSV repeats it per academy.
 */
export function coalesceSchoolHolidays(list: readonly SchoolHoliday[]): SchoolHoliday[] {
  const groups = new Map<string, SchoolHoliday[]>();
  for (const h of list) {
    const key = `${h.zone}|${nameKey(h.name)}`;
    const g = groups.get(key);
    if (g) g.push({ ...h });
    else groups.set(key, [{ ...h }]);
  }
  const out: SchoolHoliday[] = [];
  for (const g of groups.values()) {
    g.sort(compareHolidays);
    let cur = g[0]!;
    for (const h of g.slice(1)) {
      if (h.start <= addDays(cur.end, 1)) {
        if (h.end > cur.end) cur.end = h.end;
      } else {
        out.push(cur);
        cur = h;
      }
    }
    out.push(cur);
  }
  return out.sort(compareHolidays);
}

/**
 * Adds imported holidays to a list without duplicates: an added range that an existing range of
 * the same zone and name already covers is dropped. Returns the whole list and the new ranges
 * alone (what must be appended to the sheet).
 */
export function mergeSchoolHolidays(
  existing: readonly SchoolHoliday[],
  added: readonly SchoolHoliday[],
): { merged: SchoolHoliday[]; added: SchoolHoliday[] } {
  const kept = [...existing];
  const fresh: SchoolHoliday[] = [];
  for (const h of added) {
    const covered = kept.some(
      (e) =>
        e.zone === h.zone &&
        nameKey(e.name) === nameKey(h.name) &&
        e.start <= h.start &&
        e.end >= h.end,
    );
    if (covered) continue;
    kept.push(h);
    fresh.push(h);
  }
  return { merged: kept.sort(compareHolidays), added: fresh };
}

// ---------------------------------------------------------------------------------------------
// Reading the official dataset
// ---------------------------------------------------------------------------------------------

const TIMESTAMP_RE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * The calendar date an official timestamp stands for (see the module comment), or null.
 * Accepts `2023-02-03T23:00:00+00:00`, `2023-02-04`, `04/02/2023`, `20230204`, `20230203T230000Z`.
 */
export function officialDate(raw: string): IsoDate | null {
  const s = raw.trim();
  const fr = slashDateToIso(s);
  if (fr !== null) return isIsoDate(fr) ? fr : null;
  const m = TIMESTAMP_RE.exec(s);
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isIsoDate(date)) return null;
  if (m[4] === undefined) return date;
  const hours = Number(m[4]);
  const minutes = Number(m[5]);
  const seconds = Number(m[6] ?? '0');
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  let offsetMinutes = 0;
  const offset = m[7];
  if (offset && offset.toUpperCase() !== 'Z') {
    const digits = offset.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0'));
  }
  // Nearest midnight: shift by 12 hours and keep the date. Without an offset the wall clock is
  // used as is; UTC arithmetic keeps the host time zone out of it.
  const wallMs =
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hours, minutes, seconds) -
    offsetMinutes * 60_000;
  return new Date(wallMs + 12 * 3_600_000).toISOString().slice(0, 10);
}

/** Zone letters named in a text: "Zone A" → [A], "Zones A/B/C - Corse" → [A, B, C]. */
export function zonesIn(text: string): Zone[] {
  const out: Zone[] = [];
  const re = /\bzones?\b/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let rest = text.slice(m.index + m[0].length);
    for (;;) {
      const letter = /^\s*(?:[/,&+]|\bet\b)?\s*([ABC])(?![\p{L}\p{N}])/iu.exec(rest);
      if (!letter) break;
      const zone = letter[1]!.toUpperCase() as Zone;
      if (!out.includes(zone)) out.push(zone);
      rest = rest.slice(letter[0].length);
    }
  }
  return out;
}

interface RawEntry {
  description: string;
  start: IsoDate;
  /** The official end (day classes resume), or null when none is given. */
  resume: IsoDate | null;
  zones: Zone[];
}

function isLeftOut(description: string): boolean {
  const f = fold(description);
  return f.includes('enseignant') || f.startsWith('rentree') || f === '';
}

/** Official entry → the days off, following the module comment's rule. */
function toHoliday(e: RawEntry, zone: Zone): SchoolHoliday {
  const folded = fold(e.description);
  const summerStartOnly = folded.startsWith('debut des ');
  const name = canonicalHolidayName(
    summerStartOnly ? e.description.trim().replace(/^début des\s+/i, '') : e.description,
  );
  let end: IsoDate;
  if (e.resume && e.resume > e.start) end = addDays(e.resume, -1);
  else if (summerStartOnly || nameKey(name) === "vacances d'ete")
    end = `${e.start.slice(0, 4)}-08-31`;
  else end = e.start;
  if (end < e.start) end = e.start;
  return { zone, name, start: e.start, end };
}

function finish(entries: RawEntry[], only?: Zone): SchoolHoliday[] {
  const out: SchoolHoliday[] = [];
  for (const e of entries) {
    for (const z of e.zones) if (!only || z === only) out.push(toHoliday(e, z));
  }
  return coalesceSchoolHolidays(out);
}

const NO_HOLIDAY =
  'Aucune vacance scolaire des zones A, B ou C dans ce fichier (jeu de données « fr-en-calendrier-scolaire » attendu).';

const HEADERS: Record<'description' | 'population' | 'start' | 'end' | 'zones', string[]> = {
  description: ['description'],
  population: ['population'],
  start: ['date de debut', 'start_date', 'start date', 'debut', 'date debut'],
  end: ['date de fin', 'end_date', 'end date', 'fin', 'date fin'],
  zones: ['zones', 'zone'],
};

/**
 * Reads the CSV export of "fr-en-calendrier-scolaire" (data.education.gouv.fr): semicolon
 * separated (comma and tab also accepted), headers either the French labels ("Description;
 * Population;Date de début;Date de fin;Académies;Zones;annee_scolaire") or the API field names
 * ("description;population;start_date;end_date;location;zones;annee_scolaire"). Rows are per
 * academy: they collapse into one range per zone and holiday. Population "Élèves" and "-" are
 * kept, teachers' rows left out.
 */
export function parseOfficialCalendarCsv(text: string): Result<SchoolHoliday[]> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: '',
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
  });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((h) => fold(h));
  const index = (key: keyof typeof HEADERS): number =>
    header.findIndex((h) => HEADERS[key].includes(h));
  const col = {
    description: index('description'),
    population: index('population'),
    start: index('start'),
    end: index('end'),
    zones: index('zones'),
  };
  if (col.description < 0 || col.start < 0 || col.end < 0 || col.zones < 0) {
    return fail(
      'Fichier non reconnu : les colonnes « Description », « Date de début », « Date de fin » et « Zones » du jeu « fr-en-calendrier-scolaire » sont attendues.',
    );
  }
  const entries: RawEntry[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const cell = (c: number): string => (c >= 0 ? (row[c] ?? '').trim() : '');
    const description = cell(col.description);
    const population = fold(cell(col.population));
    if (population !== '' && population !== '-' && population !== 'eleves') continue;
    if (isLeftOut(description)) continue;
    const zones = zonesIn(cell(col.zones));
    if (zones.length === 0) continue;
    const start = officialDate(cell(col.start));
    if (!start) {
      return fail(`Ligne ${i + 1} : date de début illisible « ${cell(col.start)} ».`);
    }
    const endText = cell(col.end);
    const resume = endText === '' ? null : officialDate(endText);
    if (endText !== '' && !resume) {
      return fail(`Ligne ${i + 1} : date de fin illisible « ${endText} ».`);
    }
    entries.push({ description, start, resume, zones });
  }
  const list = finish(entries);
  return list.length > 0 ? ok(list) : fail(NO_HOLIDAY);
}

/** ICS text value: `\,` `\;` `\\` unescaped, `\n` as a space. */
function icsText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c));
}

/**
 * Reads the ICS export of "fr-en-calendrier-scolaire" (Zone-A-B-C-Corse.ics, Zone-A.ics…):
 * one VEVENT per holiday or piece of holiday, DTSTART;VALUE=DATE the first day off, DTEND
 * (exclusive) the day classes resume, SUMMARY "Vacances d'Hiver - Zones A/B".
 *
 * The zone of an event is read from its SUMMARY, else its LOCATION, else its DESCRIPTION ("Zone
 * A", "Zones A/B/C"); when none names a zone, the calendar's X-WR-CALNAME or the caller's `zone`
 * applies. When the caller gives `zone` (a per-zone file), only that zone is kept.
 */
export function parseOfficialCalendarIcs(text: string, zone?: Zone): Result<SchoolHoliday[]> {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
  if (!lines.some((l) => l.trim().toUpperCase() === 'BEGIN:VCALENDAR')) {
    return fail("Ce fichier n'est pas un calendrier ICS (BEGIN:VCALENDAR introuvable).");
  }
  let calendarZones: Zone[] = [];
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(';')[0]!.trim().toUpperCase();
    const value = line.slice(colon + 1);
    if (name === 'BEGIN' && value.trim().toUpperCase() === 'VEVENT') current = {};
    else if (name === 'END' && value.trim().toUpperCase() === 'VEVENT') {
      if (current) events.push(current);
      current = null;
    } else if (current) current[name] = value;
    else if (name === 'X-WR-CALNAME') calendarZones = zonesIn(icsText(value));
  }
  const fallback: Zone[] = zone ? [zone] : calendarZones.length === 1 ? calendarZones : [];
  const entries: RawEntry[] = [];
  let unattributed = 0;
  for (const ev of events) {
    const summary = icsText(ev['SUMMARY'] ?? '').trim();
    const location = icsText(ev['LOCATION'] ?? '');
    const details = icsText(ev['DESCRIPTION'] ?? '').trim();
    const title = summary || details;
    if (isLeftOut(title)) continue;
    let zones = zonesIn(summary);
    if (zones.length === 0) zones = zonesIn(location);
    if (zones.length === 0) zones = zonesIn(details);
    if (zones.length === 0) {
      if (
        /corse|guadeloupe|guyane|martinique|mayotte|r[ée]union|polyn|cal[ée]donie|miquelon|wallis/i.test(
          `${summary} ${location}`,
        )
      ) {
        continue;
      }
      zones = fallback;
    }
    if (zones.length === 0) {
      unattributed++;
      continue;
    }
    const description = title.replace(/\s+[-–]\s+(?:zones?\b.*|corse.*)$/i, '').trim();
    const startRaw = (ev['DTSTART'] ?? '').trim();
    const start = officialDate(startRaw);
    if (!start) return fail(`« ${title} » : date de début illisible « ${startRaw} ».`);
    const endRaw = (ev['DTEND'] ?? '').trim();
    let resume: IsoDate | null = null;
    if (endRaw !== '') {
      resume = officialDate(endRaw);
      if (!resume) return fail(`« ${title} » : date de fin illisible « ${endRaw} ».`);
    } else if (/^\d{8}$/.test(startRaw)) {
      // RFC 5545: a DATE event without DTEND lasts that one day.
      resume = addDays(start, 1);
    }
    entries.push({ description, start, resume, zones });
  }
  const list = finish(entries, zone);
  if (list.length > 0) return ok(list);
  if (unattributed > 0) {
    return fail(
      'Zone introuvable dans ce calendrier : précisez la zone du fichier (A, B ou C) avant de l’importer.',
    );
  }
  return fail(NO_HOLIDAY);
}
