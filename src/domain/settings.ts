/**
 * The school's settings ("Paramètres…"): what the panel may save, and what a stored value that
 * is missing or damaged reads as.
 */
import { MAX_FOLLOW_CAP, MAX_WEEKLY_HOURS } from './limits';
import {
  DEFAULT_SETTINGS,
  fail,
  ok,
  type GoogleAccount,
  type Result,
  type Settings,
  type Zone,
} from './types';

/** Copies of each convention a print makes: at least one, and a class still prints in one job. */
export const MIN_CONVENTION_COPIES = 1;
export const MAX_CONVENTION_COPIES = 10;

/** The kinds of Google account, as the settings panel offers them (workspace first: default). */
export const GOOGLE_ACCOUNT_LABELS: Readonly<Record<GoogleAccount, string>> = {
  workspace: 'Google Workspace (1 500 documents par jour)',
  consumer: 'Compte Google personnel (250 documents par jour)',
};

function isCopies(v: unknown): v is number {
  return (
    typeof v === 'number' &&
    Number.isInteger(v) &&
    v >= MIN_CONVENTION_COPIES &&
    v <= MAX_CONVENTION_COPIES
  );
}

/** Days of « Conventions à relancer »: a whole number from 0 to a year. */
export const MAX_CHASE_DAYS = 365;
function isDays(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_CHASE_DAYS;
}

function isFollowCap(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_FOLLOW_CAP;
}

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
    conventionCopies: isCopies(p.conventionCopies)
      ? p.conventionCopies
      : DEFAULT_SETTINGS.conventionCopies,
    googleAccount: p.googleAccount === 'consumer' ? 'consumer' : 'workspace',
    chaseAfterDays: isDays(p.chaseAfterDays) ? p.chaseAfterDays : DEFAULT_SETTINGS.chaseAfterDays,
    chaseWithinDays: isDays(p.chaseWithinDays)
      ? p.chaseWithinDays
      : DEFAULT_SETTINGS.chaseWithinDays,
    followCap: isFollowCap(p.followCap) ? p.followCap : DEFAULT_SETTINGS.followCap,
  };
}

/**
 * Before it was a setting, « Répartir le suivi » kept its cap in a property of its own
 * (sds.followCap): stored settings that do not have one yet read that figure, so that a school's
 * choice is not lost; the next save of Paramètres keeps it with the others.
 */
export function withLegacyFollowCap(
  stored: Partial<Settings>,
  legacyCap: string | undefined,
): Partial<Settings> {
  if (stored.followCap !== undefined || legacyCap === undefined || legacyCap.trim() === '')
    return stored;
  return { ...stored, followCap: Number(legacyCap) };
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
  // Absent from a form of an older sidebar: the default, rather than a refusal.
  const copiesRaw: unknown = input?.conventionCopies;
  const copies =
    copiesRaw === undefined || copiesRaw === null || copiesRaw === ''
      ? DEFAULT_SETTINGS.conventionCopies
      : typedNumber(copiesRaw);
  if (!isCopies(copies)) {
    return fail(
      `Le nombre d'exemplaires de convention doit être un nombre entier de ${MIN_CONVENTION_COPIES} à ${MAX_CONVENTION_COPIES}.`,
      'conventionCopies',
    );
  }
  const account: unknown = input?.googleAccount ?? DEFAULT_SETTINGS.googleAccount;
  if (account !== 'workspace' && account !== 'consumer') {
    return fail(
      'Choisissez le type de compte Google : Google Workspace ou compte Google personnel.',
      'googleAccount',
    );
  }
  const chase: Record<'chaseAfterDays' | 'chaseWithinDays', number> = {
    chaseAfterDays: DEFAULT_SETTINGS.chaseAfterDays,
    chaseWithinDays: DEFAULT_SETTINGS.chaseWithinDays,
  };
  for (const [key, what] of [
    ['chaseAfterDays', 'Le délai de relance d’une convention envoyée'],
    ['chaseWithinDays', 'Le délai avant le début du stage'],
  ] as const) {
    // Absent from a form of an older sidebar: the default, rather than a refusal.
    const raw: unknown = input?.[key];
    const n = raw === undefined || raw === null || raw === '' ? chase[key] : typedNumber(raw);
    if (!isDays(n))
      return fail(`${what} doit être un nombre entier de jours, de 0 à ${MAX_CHASE_DAYS}.`, key);
    chase[key] = n;
  }
  // Absent from a form of an older sidebar: the default, rather than a refusal.
  const capRaw: unknown = input?.followCap;
  const followCap =
    capRaw === undefined || capRaw === null || capRaw === ''
      ? DEFAULT_SETTINGS.followCap
      : typedNumber(capRaw);
  if (!isFollowCap(followCap)) {
    return fail(
      `Le nombre de stagiaires suivis au plus par enseignant doit être un nombre entier de 1 à ${MAX_FOLLOW_CAP}.`,
      'followCap',
    );
  }
  return ok(
    normaliseSettings({
      ...chase,
      schoolName: texts.schoolName,
      schoolAddress: texts.schoolAddress,
      headOfSchool: texts.headOfSchool,
      academy: texts.academy,
      zone: input.zone,
      alsaceMoselle: input.alsaceMoselle === true,
      defaultWeeklyHours: hours,
      hourlyGratification: rate,
      conventionCopies: copies,
      googleAccount: account,
      followCap,
    }),
  );
}
