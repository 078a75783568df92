/**
 * The school's settings ("Paramètres…"): what the panel may save, and what a stored value that
 * is missing or damaged reads as.
 */
import { MAX_WEEKLY_HOURS } from './limits';
import { DEFAULT_SETTINGS, fail, ok, type Result, type Settings, type Zone } from './types';

/** Settings as stored (possibly partial, from an older version or edited by hand), made whole. */
export function normaliseSettings(p: Partial<Settings>): Settings {
  const zone: Zone = p.zone === 'A' || p.zone === 'C' ? p.zone : 'B';
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    schoolName: str(p.schoolName),
    schoolAddress: str(p.schoolAddress),
    headOfSchool: str(p.headOfSchool),
    academy: str(p.academy),
    zone,
    alsaceMoselle: p.alsaceMoselle === true,
    defaultWeeklyHours: num(p.defaultWeeklyHours, DEFAULT_SETTINGS.defaultWeeklyHours),
    hourlyGratification: num(p.hourlyGratification, DEFAULT_SETTINGS.hourlyGratification),
  };
}

/** A number as typed, with a French decimal comma allowed ("4,50"). */
function typedNumber(v: unknown): number {
  return Number(String(v ?? '').replace(',', '.'));
}

/** The free-text settings, their longest length and their name in messages. */
const TEXT_FIELDS: readonly [
  'schoolName' | 'schoolAddress' | 'headOfSchool' | 'academy',
  number,
  string,
][] = [
  ['schoolName', 200, "Le nom de l'établissement"],
  ['schoolAddress', 500, "L'adresse"],
  ['headOfSchool', 200, "Le nom du chef d'établissement"],
  ['academy', 100, "L'académie"],
];

/** The settings panel's form, judged field by field in the order the panel shows them. */
export function validateSettings(input: Settings): Result<Settings> {
  const hours = typedNumber(input?.defaultWeeklyHours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_WEEKLY_HOURS) {
    return fail(
      `La durée hebdomadaire par défaut doit être comprise entre 1 et ${MAX_WEEKLY_HOURS} heures.`,
      'defaultWeeklyHours',
    );
  }
  const rate = typedNumber(input?.hourlyGratification);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 100) {
    return fail(
      'La gratification horaire doit être un montant en euros, par exemple 4,50.',
      'hourlyGratification',
    );
  }
  if (input?.zone !== 'A' && input?.zone !== 'B' && input?.zone !== 'C') {
    return fail('Choisissez la zone de vacances scolaires : A, B ou C.', 'zone');
  }
  const texts: Record<string, string> = {};
  for (const [field, max, label] of TEXT_FIELDS) {
    const v: unknown = input[field];
    const s = typeof v === 'string' ? v.trim() : '';
    if (s.length > max) return fail(`${label} est trop long (${max} caractères au plus).`, field);
    texts[field] = s;
  }
  return ok(
    normaliseSettings({
      schoolName: texts.schoolName,
      schoolAddress: texts.schoolAddress,
      headOfSchool: texts.headOfSchool,
      academy: texts.academy,
      zone: input.zone,
      alsaceMoselle: input.alsaceMoselle === true,
      defaultWeeklyHours: hours,
      hourlyGratification: rate,
    }),
  );
}
