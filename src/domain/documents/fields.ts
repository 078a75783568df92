/**
 * The value of every placeholder for one document, from the data the use case loaded: the stage,
 * its session, student, company, tutor and referent, the school's settings, the presence the
 * add-on computes (src/domain/presence.ts) and today's date. French formatting throughout; a
 * missing value is '' (the missing-data report says what blocks a document, not this module);
 * every value goes through plainText.
 */
import { formatFr, isIsoDate } from '../dates';
import { formatSiret, normaliseSiret } from '../companies';
import { personLabel } from '../labels';
import { describePeriod } from '../periods';
import { formatEuros, gratification, isAbroad, presenceFromHours } from '../presence';
import { defaultSchedule, formatHoursMinutes, scheduleHours } from '../schedule';
import { squish } from '../text';
import type {
  Company,
  IsoDate,
  Session,
  Settings,
  Staff,
  Stage,
  Student,
  Tutor,
  WeeklySchedule,
} from '../types';
import { VISIT_TYPE_WORDS, type VisitFacts } from '../followUp/visitReport';
import { amendmentFields } from './amendment';
import { allKeys, PLACEHOLDER_KEYS, type PlaceholderValues } from './placeholders';
import { plainText } from './plainText';

/** Age of majority: a younger student's convention is signed by a legal representative. */
export const MAJORITY_AGE = 18;

/** The convention an avenant amends: its fields when generated (the register's snapshot). */
export interface AmendedConvention {
  /** The convention's values (documentFields' result, as the register's « Valeurs » keeps it). */
  fields: Readonly<Partial<Record<string, string>>>;
  /** Its file name. */
  name: string;
  /** The day it was generated. */
  generatedOn: IsoDate | '';
}

export interface DocumentInput {
  stage: Stage;
  session: Session;
  student: Student;
  /** null when the stage has no company (or its company is not found). */
  company: Company | null;
  tutor: Tutor | null;
  referent: Staff | null;
  settings: Settings;
  /** Hours of presence of this stage, as computePresence counts them. */
  presenceHours: number;
  /**
   * Hours of presence of every stage of this student with this host in this school year, this
   * one included: the gratification depends on them (L124-6).
   */
  hostYearHours: number;
  today: IsoDate;
  /** For an avenant: the convention it amends. */
  convention?: AmendedConvention | null;
  /** The copy's holder when printing ("Exemplaire entreprise"); '' otherwise. */
  copyHolder?: string;
  /** For a visit report: the visit it reports. */
  visit?: VisitFacts | null;
}

/** What a per-session document (accord préalable) knows. */
export interface SessionDocumentInput {
  session: Session | null;
  settings: Settings;
  today: IsoDate;
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** "2026-11-30" → "30 novembre 2026", "2026-11-01" → "1er novembre 2026"; '' when not a date. */
export function longDateFr(iso: IsoDate | ''): string {
  if (!isIsoDate(iso)) return '';
  const day = Number(iso.slice(8, 10));
  const month = MONTHS[Number(iso.slice(5, 7)) - 1] ?? '';
  return `${day === 1 ? '1er' : day} ${month} ${iso.slice(0, 4)}`;
}

/** dd/mm/yyyy of a real ISO date, '' for anything else (a damaged cell never throws here). */
function fr(iso: string): string {
  return isIsoDate(iso) ? formatFr(iso) : '';
}

/** Whole years from `birth` to `on` (a birthday counts from its day); null when unknown. */
export function ageOn(birth: IsoDate | '', on: IsoDate | ''): number | null {
  if (!isIsoDate(birth) || !isIsoDate(on) || on < birth) return null;
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** True when the student is under 18 on the stage's first day; null when that is unknown. */
export function isMinor(birth: IsoDate | '', stageStart: IsoDate | ''): boolean | null {
  const age = ageOn(birth, stageStart);
  return age === null ? null : age < MAJORITY_AGE;
}

const yesNo = (b: boolean | null): string => (b === null ? '' : b ? 'oui' : 'non');

/** "du 06/02/2023 au 10/03/2023"; '' unless both dates are real. */
function datesText(start: string, end: string): string {
  return isIsoDate(start) && isIsoDate(end) ? describePeriod({ start, end }) : '';
}

/** "M. Blase ECUSSON": civility, first name, last name in capitals. */
function civilName(p: { civility?: string; firstName: string; lastName: string }): string {
  return squish(
    `${squish(p.civility ?? '')} ${squish(p.firstName)} ${squish(p.lastName).toLocaleUpperCase('fr-FR')}`,
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n >= 2 ? many : one}`;
}

/** "a", "a et b", "a, b et c". */
function frList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** The stage's weekly schedule, its own or its weekly hours (or the setting's) over Mon–Fri. */
function scheduleOf(stage: Stage, settings: Settings): WeeklySchedule {
  return stage.schedule ?? defaultSchedule(stage.weeklyHours ?? settings.defaultWeeklyHours);
}

/** "du lundi au vendredi" for consecutive days, "le samedi", else "lundi, mardi et jeudi". */
export function workedDaysText(schedule: WeeklySchedule): string {
  const days = schedule.map((h, d) => (h > 0 ? d : -1)).filter((d) => d >= 0);
  if (days.length === 0) return '';
  if (days.length === 1) return `le ${WEEKDAYS[days[0]!]}`;
  const consecutive = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  if (consecutive && days.length >= 3) {
    return `du ${WEEKDAYS[days[0]!]} au ${WEEKDAYS[days[days.length - 1]!]}`;
  }
  return frList(days.map((d) => WEEKDAYS[d]!));
}

/** "lundi 7 h, mardi 7 h, mercredi 3 h 30": worked days only. */
export function hoursText(schedule: WeeklySchedule): string {
  return schedule
    .map((h, d) => (h > 0 ? `${WEEKDAYS[d]} ${formatHoursMinutes(h)}` : ''))
    .filter((x) => x !== '')
    .join(', ');
}

/** "1 mois et 3 jours", "25 jours et 3 heures", "0 jour". */
export function presenceMonthsText(hours: number): string {
  const p = presenceFromHours(hours);
  // Under a month, the days are already said beside it (« soit 19 jours (moins d'un mois) »).
  if (p.months === 0) return "moins d'un mois";
  const parts: string[] = [];
  parts.push(`${p.months} mois`);
  if (p.remainderDays > 0) parts.push(plural(p.remainderDays, 'jour', 'jours'));
  if (Math.round(p.remainderHours * 60) > 0) parts.push(formatHoursMinutes(p.remainderHours));
  return frList(parts);
}

function countryText(country: string): string {
  return isAbroad(country) ? squish(country) : 'France';
}

const NUMBER_WORDS = [
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
];

/** « trois exemplaires originaux »: how many originals a convention is signed in (Paramètres). */
export function copiesInWords(n: number): string {
  const word = NUMBER_WORDS[n - 1] ?? String(n);
  return n === 1 ? 'un exemplaire original' : `${word} exemplaires originaux`;
}

/** The fields every document shares: the session, the school and today. */
function sessionAndSchool(
  session: Session | null,
  settings: Settings,
  today: IsoDate,
): Partial<PlaceholderValues> {
  return {
    'formation.diplome': session?.diploma ?? '',
    'session.intitule': session?.title ?? '',
    'session.type': session?.type ?? '',
    'session.annee_scolaire': session?.schoolYear ?? '',
    'session.libelle_edition': session?.editionLabel ?? '',
    'session.objectifs': session?.objectives ?? '',
    'session.periodes': (session?.periods ?? [])
      .map((x) => datesText(x.start, x.end))
      .filter((x) => x !== '')
      .join(' ; '),
    'etablissement.nom': settings.schoolName,
    'etablissement.adresse': settings.schoolAddress,
    'etablissement.academie': settings.academy,
    'etablissement.chef': settings.headOfSchool,
    'document.date': longDateFr(today),
    'document.exemplaires': copiesInWords(settings.conventionCopies),
  };
}

/** Every value made plain text, every key present. */
function complete(partial: Partial<PlaceholderValues>): PlaceholderValues {
  const out = allKeys('');
  for (const k of PLACEHOLDER_KEYS) out[k] = plainText(partial[k] ?? '');
  return out;
}

/** The gratification's fields (L124-6, D124-8): due beyond 2 months with the host this year. */
function gratificationFields(
  input: DocumentInput,
  weeklyHours: number,
): Partial<PlaceholderValues> {
  const rate = input.settings.hourlyGratification;
  const g = gratification({
    stages: [{ hours: input.hostYearHours }],
    hourlyRate: rate,
    weeklyHours,
  });
  const mention = g.due
    ? `Une gratification est due : la présence dans l'organisme d'accueil dépasse deux mois (308 heures) au cours de l'année scolaire ; son montant minimal est de ${formatEuros(rate)} par heure de présence.`
    : `Aucune gratification n'est due : la présence dans l'organisme d'accueil ne dépasse pas deux mois (308 heures) au cours de l'année scolaire.`;
  return {
    'gratification.due': yesNo(g.due),
    'gratification.taux_horaire': formatEuros(rate),
    'gratification.montant_mensuel_minimum': formatEuros(g.minimumMonthly),
    'gratification.montant_total': g.due ? formatEuros(rate * input.presenceHours) : 'sans objet',
    'gratification.mention': mention,
  };
}

/** The value of every placeholder for a stage's document. */
export function documentFields(input: DocumentInput): PlaceholderValues {
  const { stage, student, company, tutor, referent, settings } = input;
  const schedule = scheduleOf(stage, settings);
  const weeklyHours = scheduleHours(schedule);
  const presence = presenceFromHours(input.presenceHours);
  const age = ageOn(student.birthDate, stage.start);
  const abroad = isAbroad(stage.country);
  const companyCountry = company ? countryText(company.country) : '';
  const cityLine = company ? squish(`${company.postalCode} ${company.city}`) : '';
  const values: Partial<PlaceholderValues> = {
    ...sessionAndSchool(input.session, settings, input.today),
    'eleve.nom': squish(student.lastName).toLocaleUpperCase('fr-FR'),
    'eleve.prenom': squish(student.firstName),
    'eleve.nom_complet': personLabel(student.lastName, student.firstName),
    'eleve.civilite_nom': civilName(student),
    'eleve.date_naissance': fr(student.birthDate),
    'eleve.age': age === null ? '' : plural(age, 'an', 'ans'),
    'eleve.mineur': yesNo(age === null ? null : age < MAJORITY_AGE),
    'eleve.classe': student.className,
    'eleve.ine': student.ine ?? '',
    'eleve.courriel': student.email,
    'eleve.adresse': student.address ?? '',
    'eleve.telephone': student.phone ?? '',
    'representant.nom': student.guardianName ?? '',
    'representant.adresse': student.guardianAddress ?? '',
    'representant.telephone': student.guardianPhone ?? '',
    'representant.courriel': student.guardianEmail ?? '',
    'stage.debut': fr(stage.start),
    'stage.fin': fr(stage.end),
    'stage.dates': datesText(stage.start, stage.end),
    'stage.duree_hebdomadaire': weeklyHours > 0 ? formatHoursMinutes(weeklyHours) : '',
    'stage.horaires': hoursText(schedule),
    'stage.jours_travailles': workedDaysText(schedule),
    'stage.pays': countryText(stage.country),
    'stage.a_l_etranger': yesNo(abroad),
    'stage.presence_heures': formatHoursMinutes(presence.hours),
    'stage.presence_jours': plural(presence.days, 'jour', 'jours'),
    'stage.presence_mois': presenceMonthsText(input.presenceHours),
    'stage.fin_initiale': fr(stage.originalEnd),
    'stage.reference': stage.id,
    ...gratificationFields(input, weeklyHours > 0 ? weeklyHours : settings.defaultWeeklyHours),
    'entreprise.nom': company?.name ?? '',
    'entreprise.siret': company ? formatSiret(normaliseSiret(company.siret)) : '',
    'entreprise.adresse': company?.address ?? '',
    'entreprise.code_postal': company?.postalCode ?? '',
    'entreprise.ville': company?.city ?? '',
    'entreprise.adresse_complete': company
      ? [squish(company.address), cityLine, isAbroad(company.country) ? companyCountry : '']
          .filter((x) => x !== '')
          .join(', ')
      : '',
    'entreprise.pays': companyCountry,
    'entreprise.telephone': company?.phone ?? '',
    'entreprise.courriel': company?.email ?? '',
    'entreprise.signataire': company?.signatory ?? '',
    'entreprise.signataire_fonction': company?.signatoryRole ?? '',
    'tuteur.nom': tutor ? civilName(tutor) : '',
    'tuteur.fonction': tutor?.role ?? '',
    'tuteur.telephone': tutor?.phone ?? '',
    'tuteur.courriel': tutor?.email ?? '',
    'referent.nom': referent ? civilName(referent) : '',
    'referent.discipline': referent?.discipline ?? '',
    'referent.courriel': referent?.email ?? '',
    'arret.date': fr(stage.stoppedOn),
    'arret.motif': stage.stoppedOn ? stage.stopReason : '',
    'document.exemplaire': input.copyHolder ?? '',
    ...(input.visit
      ? {
          'visite.date': fr(input.visit.date),
          'visite.type': VISIT_TYPE_WORDS[input.visit.type],
          'visite.enseignant': input.visit.teacher
            ? civilName(input.visit.teacher)
            : input.visit.teacherName,
          'visite.commentaire': input.visit.comment,
        }
      : {}),
  };
  const current = complete(values);
  if (!input.convention) return current;
  // An avenant: what changed since the convention, compared on the same plain-text values.
  const amended = amendmentFields(input.convention.fields, current);
  return complete({
    ...current,
    ...amended.values,
    'convention.reference': input.convention.name,
    'convention.date': fr(input.convention.generatedOn),
  });
}

/** The value of every placeholder for a per-session document: the stage's ones are ''. */
export function sessionDocumentFields(input: SessionDocumentInput): PlaceholderValues {
  return complete(sessionAndSchool(input.session, input.settings, input.today));
}
