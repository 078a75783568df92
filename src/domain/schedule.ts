/**
 * Weekly schedule ("horaire semaine type"): hours per weekday, Monday first.
 *
 * The sheet column holds it in a friendly French form that people type by hand:
 * "Lu 7; Ma 7; Me 7; Je 7", "lun 8h, mar 8h30, mer 4h", "lundi 7,5 ; vendredi 3:30",
 * "Lu-Ve 7" (a range of days). Days not named are not worked. The canonical form written back
 * by `formatSchedule` is "Lu 7 h ; Ma 8 h 30 ; Me 3 h 30".
 */
import { fail, ok, type Result, type WeeklySchedule } from './types';

const SHORT_NAMES = ['Lu', 'Ma', 'Me', 'Je', 'Ve', 'Sa', 'Di'] as const;

const DAY_WORDS: Record<string, number> = {
  lu: 0,
  lun: 0,
  lundi: 0,
  ma: 1,
  mar: 1,
  mardi: 1,
  me: 2,
  mer: 2,
  mercredi: 2,
  je: 3,
  jeu: 3,
  jeudi: 3,
  ve: 4,
  ven: 4,
  vendredi: 4,
  sa: 5,
  sam: 5,
  samedi: 5,
  di: 6,
  dim: 6,
  dimanche: 6,
};

const EXAMPLE = '« Lu 7 ; Ma 7 ; Me 7 ; Je 7 » ou « lun 8h, mar 8h30, mer 4h »';

/** Weekly hours spread over Monday–Friday, the rest off. */
export function defaultSchedule(weeklyHours: number): WeeklySchedule {
  const h = weeklyHours / 5;
  return [h, h, h, h, h, 0, 0];
}

export function scheduleHours(s: WeeklySchedule): number {
  return s.reduce((sum, h) => sum + h, 0);
}

/** Number of days with hours in the week (a 4-day week of 28 h → 4). */
export function scheduleDays(s: WeeklySchedule): number {
  return s.filter((h) => h > 0).length;
}

/** "7" → 7 h, "7,5" / "7.5h" → 7.5, "8h30" / "8 h 30" / "8:30" → 8.5; null when unreadable. */
function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{1,2})\s*(?:h|:)\s*(\d{1,2})\s*(?:min|mn|m)?$/.exec(t);
  if (m) {
    const minutes = Number(m[2]);
    if (minutes >= 60) return null;
    return Number(m[1]) + minutes / 60;
  }
  m = /^(\d{1,2}(?:[.,]\d+)?)\s*(?:h|heures?)?$/.exec(t);
  if (m) return Number(m[1]!.replace(',', '.'));
  return null;
}

const DAY =
  '(lundi|lun|lu|mardi|mar|ma|mercredi|mer|me|jeudi|jeu|je|vendredi|ven|ve|samedi|sam|sa|dimanche|dim|di)\\.?';
const DURATION =
  '(\\d{1,2}\\s*(?:h|:)\\s*\\d{1,2}\\s*(?:min|mn|m)?|\\d{1,2}(?:[.,]\\d+)?\\s*(?:h|heures?)?)';
/** One entry: a day or a range of days ("Lu-Ve", "du lundi au vendredi"), then a duration. */
const ENTRY = new RegExp(
  `^(?:du\\s+)?${DAY}(?:\\s*(?:-|–|à|au)\\s*${DAY})?\\s*:?\\s*(?:=\\s*)?${DURATION}(?![\\d\\p{L}])`,
  'iu',
);

/**
 * Reads the "Horaire semaine type" column. '' → null (the stage uses its weekly hours over
 * Monday–Friday). Entries are separated by ';', ',' (a comma between digits is a decimal comma),
 * '/', '|' or new lines.
 */
export function parseSchedule(text: string): Result<WeeklySchedule | null> {
  let rest = text.replace(/\u00a0/g, ' ').trim();
  if (rest === '') return ok(null);
  const hours = [0, 0, 0, 0, 0, 0, 0];
  const seen = new Set<number>();
  while (rest !== '') {
    const m = ENTRY.exec(rest);
    if (!m) {
      const near = rest.slice(0, 20);
      return fail(
        `Horaire semaine type illisible près de « ${near} » : écrivez par exemple ${EXAMPLE}.`,
        'schedule',
      );
    }
    const first = DAY_WORDS[m[1]!.toLowerCase()]!;
    const last = m[2] ? DAY_WORDS[m[2].toLowerCase()]! : first;
    if (last < first) {
      return fail(
        `Jours dans le désordre dans « ${m[0].trim()} » : écrivez par exemple « Lu-Ve 7 ».`,
        'schedule',
      );
    }
    const duration = parseDuration(m[3]!);
    if (duration === null) {
      return fail(
        `Durée illisible dans « ${m[0].trim()} » : écrivez par exemple « 7 », « 7,5 » ou « 8h30 ».`,
        'schedule',
      );
    }
    if (duration > 24) {
      return fail(`Plus de 24 heures dans une journée : « ${m[0].trim()} ».`, 'schedule');
    }
    for (let d = first; d <= last; d++) {
      if (seen.has(d)) {
        return fail(`Le ${dayLabel(d)} est indiqué deux fois dans l'horaire.`, 'schedule');
      }
      seen.add(d);
      hours[d] = duration;
    }
    rest = rest.slice(m[0].length).replace(/^\s*[;,/|\-–]?\s*/, '');
  }
  if (hours.every((h) => h === 0)) {
    return fail("L'horaire semaine type ne compte aucune heure.", 'schedule');
  }
  const [mo = 0, tu = 0, we = 0, th = 0, fr = 0, sa = 0, su = 0] = hours;
  return ok([mo, tu, we, th, fr, sa, su]);
}

function dayLabel(d: number): string {
  return ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'][d] ?? '';
}

/** 7 → "7 h", 8.5 → "8 h 30", 6.4 → "6 h 24" (to the minute). */
export function formatHoursMinutes(hours: number): string {
  const total = Math.round(hours * 60);
  const h = Math.floor(total / 60);
  const min = total - h * 60;
  return min === 0 ? `${h} h` : `${h} h ${min < 10 ? `0${min}` : min}`;
}

/** Canonical text of a schedule, days off left out: "Lu 7 h ; Ma 7 h ; Me 3 h 30". */
export function formatSchedule(s: WeeklySchedule): string {
  return s
    .map((h, d) => (h > 0 ? `${SHORT_NAMES[d]} ${formatHoursMinutes(h)}` : ''))
    .filter((part) => part !== '')
    .join(' ; ');
}
