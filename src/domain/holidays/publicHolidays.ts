/**
 * French public holidays ("jours fériés"): the 11 national days, plus Good Friday and
 * 26 December in Alsace-Moselle (local law of the Bas-Rhin, Haut-Rhin and Moselle).
 *
 * Computed by @socialgouv/jours-feries. That library builds local-time Dates and derives the
 * Easter-based ones by adding 24-hour steps, so across a daylight-saving change its Ascension can
 * land at 23:00 the previous day (southern hemisphere) or 01:00 (northern): each Date is therefore
 * rounded to the nearest local calendar day before being written as an ISO date.
 */
import getJoursFeries from '@socialgouv/jours-feries';
import { addHours } from 'date-fns';
import type { IsoDate } from '../types';
import { toIso } from '../dates';

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

export interface PublicHolidayOptions {
  alsaceMoselle: boolean;
}

/** The library's names, rewritten the way French calendars print them. */
const NAMES: Record<string, string> = {
  "Jour de l'an": "Jour de l'an",
  'Fête du travail': 'Fête du Travail',
  'Victoire des alliés': 'Victoire 1945',
  'Fête Nationale': 'Fête nationale',
  Assomption: 'Assomption',
  Toussaint: 'Toussaint',
  Armistice: 'Armistice 1918',
  Noël: 'Noël',
  'Lundi de Pâques': 'Lundi de Pâques',
  Ascension: 'Ascension',
  'Lundi de Pentecôte': 'Lundi de Pentecôte',
  'Vendredi Saint': 'Vendredi saint',
  'Saint Étienne': 'Saint-Étienne',
};

/** Nearest local calendar day of an instant (a shift of less than 12 hours is undone). */
function nearestDay(d: Date): IsoDate {
  return toIso(addHours(d, 12));
}

/** Public holidays of one calendar year, in date order. */
export function publicHolidays(year: number, opts: PublicHolidayOptions): PublicHoliday[] {
  const raw = getJoursFeries(year, { alsace: opts.alsaceMoselle });
  return Object.entries(raw)
    .map(([name, date]) => ({ date: nearestDay(date), name: NAMES[name] ?? name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Every public holiday date of the given years. */
export function publicHolidaySet(
  years: readonly number[],
  opts: PublicHolidayOptions,
): Set<IsoDate> {
  const out = new Set<IsoDate>();
  for (const y of years) for (const h of publicHolidays(y, opts)) out.add(h.date);
  return out;
}

/** Public holidays between two dates (both included), date → name: what a calendar paints. */
export function publicHolidaysBetween(
  start: IsoDate,
  end: IsoDate,
  opts: PublicHolidayOptions,
): Map<IsoDate, string> {
  const out = new Map<IsoDate, string>();
  const first = Number(start.slice(0, 4));
  const last = Number(end.slice(0, 4));
  for (let y = first; y <= last; y++) {
    for (const h of publicHolidays(y, opts)) {
      if (h.date < start || h.date > end) continue;
      // Ascension can fall on 1 May (2008, 2065…): the day keeps both names.
      const other = out.get(h.date);
      out.set(h.date, other ? `${other} / ${h.name}` : h.name);
    }
  }
  return out;
}
