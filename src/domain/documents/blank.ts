/**
 * A blank convention ("Convention vierge", for emergencies): every placeholder becomes a dotted
 * line long enough to write its value by hand, except what the add-on knows for sure: the
 * school's fields (from Paramètres) and, when the blank is made for a session, the session's.
 */
import type { IsoDate, Session, Settings } from '../types';
import { sessionDocumentFields } from './fields';
import {
  allKeys,
  PLACEHOLDER_KEYS,
  type PlaceholderKey,
  type PlaceholderValues,
} from './placeholders';

/** Dots for a short answer (oui / non, an age, a postcode, hours). */
const SHORT = 12;
/** Dots for a name, a phone, an e-mail, a place. */
const MEDIUM = 35;
/** Dots for an address, a sentence, a list. */
const LONG = 70;

/** A date to fill by hand: "…… / …… / …………". */
export const BLANK_DATE = '...... / ...... / ............';

const DATE_KEYS = new Set<PlaceholderKey>([
  'eleve.date_naissance',
  'stage.debut',
  'stage.fin',
  'stage.fin_initiale',
  'arret.date',
  'convention.date',
  'document.date',
]);

const SHORT_KEYS = new Set<PlaceholderKey>([
  'eleve.age',
  'eleve.mineur',
  'eleve.classe',
  'stage.duree_hebdomadaire',
  'stage.a_l_etranger',
  'stage.presence_heures',
  'stage.presence_jours',
  'gratification.due',
  'gratification.taux_horaire',
  'gratification.montant_mensuel_minimum',
  'gratification.montant_total',
  'entreprise.code_postal',
]);

const LONG_KEYS = new Set<PlaceholderKey>([
  'eleve.adresse',
  'representant.adresse',
  'session.objectifs',
  'session.periodes',
  'stage.dates',
  'stage.horaires',
  'gratification.mention',
  'entreprise.adresse',
  'entreprise.adresse_complete',
  'etablissement.adresse',
  'arret.motif',
  'avenant.objet',
  'convention.reference',
]);

/** The school's fields, kept from Paramètres. */
const SCHOOL_KEYS: readonly PlaceholderKey[] = [
  'etablissement.nom',
  'etablissement.adresse',
  'etablissement.academie',
  'etablissement.chef',
  'document.exemplaires',
];

/** The session's fields, kept when the blank is made for a session. */
const SESSION_KEYS: readonly PlaceholderKey[] = [
  'formation.diplome',
  'session.intitule',
  'session.type',
  'session.annee_scolaire',
  'session.libelle_edition',
  'session.objectifs',
  'session.periodes',
];

/** The dotted line a key gets in a blank convention. */
export function blankLine(key: PlaceholderKey): string {
  if (DATE_KEYS.has(key)) return BLANK_DATE;
  const dots = SHORT_KEYS.has(key) ? SHORT : LONG_KEYS.has(key) ? LONG : MEDIUM;
  return '.'.repeat(dots);
}

/** Left as they are when empty: a dotted line there would print on every copy. */
const KEPT_EMPTY: ReadonlySet<PlaceholderKey> = new Set(['document.exemplaire']);

/**
 * A document's values with a dotted line for each one unknown: a field the tool cannot fill is
 * filled in by hand on the printed copy, not left as « téléphone : , courriel : ».
 */
export function withDottedBlanks(values: PlaceholderValues): PlaceholderValues {
  const out = { ...values };
  for (const key of Object.keys(out) as PlaceholderKey[]) {
    if (out[key] === '' && !KEPT_EMPTY.has(key)) out[key] = blankLine(key);
  }
  return out;
}

export interface BlankInput {
  settings: Settings;
  session?: Session | null;
  today: IsoDate;
}

/** Every placeholder's value in a blank convention. */
export function blankFields(input: BlankInput): PlaceholderValues {
  const out = allKeys('');
  for (const k of PLACEHOLDER_KEYS) out[k] = blankLine(k);
  // The copy's holder is written by the print, never by hand.
  out['document.exemplaire'] = '';
  const known = sessionDocumentFields({
    session: input.session ?? null,
    settings: input.settings,
    today: input.today,
  });
  const kept = input.session ? [...SCHOOL_KEYS, ...SESSION_KEYS] : SCHOOL_KEYS;
  // A field the school left empty stays a line to fill, not a hole in the form.
  for (const k of kept) if (known[k] !== '') out[k] = known[k];
  return out;
}
