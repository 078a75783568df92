/**
 * What keeps a document from being generated, in short French phrases the pre-generation report
 * lists per stage (« pas d'entreprise », « SIRET de l'entreprise manquant »…). Only what would
 * make the document wrong or unsignable blocks it; an optional mention (a phone number, an INE)
 * is left blank in the document instead.
 *
 * Per kind:
 * - convention: every party must be named (company, SIRET for a French company — a company
 *   abroad has none —, its signatory, tutor, referent, head of school and school with its
 *   address: D124-4 asks
 *   for each, and each signs), the dates (the convention states them and the presence), the
 *   birth date (whether the student is a minor decides who signs) and, for a minor, the legal
 *   representative (who signs in the student's place).
 * - avenant: the same parties as the convention it amends, plus a convention to amend and a
 *   change since (an avenant that amends nothing would be noise to sign).
 * - attestation: the host certifies a presence that is over, so the stage must have ended (its
 *   last day or its stop day reached); the company and the dates are what it states. No
 *   signatory or SIRET: the host signs it whoever signs.
 * - accord préalable: per session, generic (non-nominative): the session and the school only.
 * - vierge: nothing — it is the emergency form, filled by hand.
 * - compteRendu (visit report): the stage's dates; the rest is what the teacher saw.
 */
import { isIsoDate } from '../dates';
import { isAbroad } from '../presence';
import { lastStageDay } from '../periods';
import type { Company, IsoDate, Session, Settings, Staff, Stage, Student, Tutor } from '../types';
import type { DocumentKind } from './kinds';
import { isMinor } from './fields';

export const MISSING = {
  company: "pas d'entreprise",
  siret: "SIRET de l'entreprise manquant",
  signatory: "signataire de l'entreprise manquant",
  tutor: 'pas de tuteur',
  referent: 'pas de référent',
  dates: 'dates du stage manquantes',
  headOfSchool: "nom du chef d'établissement manquant (Paramètres)",
  schoolName: "nom de l'établissement manquant (Paramètres)",
  schoolAddress: "adresse de l'établissement manquante (Paramètres)",
  birthDate: "date de naissance de l'élève manquante",
  guardian: 'représentant légal manquant (élève mineur)',
  session: 'pas de session',
  notOver: 'stage pas encore terminé',
  noConvention: 'pas de convention à modifier',
  noChange: 'rien à modifier depuis la convention',
} as const;

export interface MissingInput {
  settings: Pick<Settings, 'schoolName' | 'schoolAddress' | 'headOfSchool'>;
  today: IsoDate;
  session?: Session | null;
  stage?: Stage | null;
  student?: Student | null;
  company?: Company | null;
  tutor?: Tutor | null;
  referent?: Staff | null;
  /**
   * For an avenant: whether the stage has a convention, and whether anything changed since
   * (amendmentFields' verdict; without the convention's values, the stage's own flags decide).
   */
  hasConvention?: boolean;
  changedSinceConvention?: boolean;
}

const blank = (s: string | undefined | null): boolean => (s ?? '').trim() === '';

function schoolProblems(input: MissingInput, out: string[]): void {
  if (blank(input.settings.schoolName)) out.push(MISSING.schoolName);
  if (blank(input.settings.headOfSchool)) out.push(MISSING.headOfSchool);
}

function hasDates(stage: Stage | null | undefined): stage is Stage {
  return !!stage && isIsoDate(stage.start) && isIsoDate(stage.end) && stage.start <= stage.end;
}

/** The parties and facts a convention (and so its avenant) states and has signed. */
function conventionProblems(input: MissingInput, out: string[]): void {
  const { stage, company, student } = input;
  if (!company || blank(company.name)) out.push(MISSING.company);
  else {
    const abroad = isAbroad(company.country) || (!!stage && isAbroad(stage.country));
    if (!abroad && blank(company.siret)) out.push(MISSING.siret);
    if (blank(company.signatory)) out.push(MISSING.signatory);
  }
  if (!input.tutor) out.push(MISSING.tutor);
  if (!input.referent) out.push(MISSING.referent);
  if (!hasDates(stage)) out.push(MISSING.dates);
  schoolProblems(input, out);
  // The parties are named with their address (D124-4): a school without one is not a party.
  if (blank(input.settings.schoolAddress)) out.push(MISSING.schoolAddress);
  if (!student || !isIsoDate(student.birthDate)) out.push(MISSING.birthDate);
  else if (
    hasDates(stage) &&
    isMinor(student.birthDate, stage.start) &&
    blank(student.guardianName)
  ) {
    out.push(MISSING.guardian);
  }
}

/** What blocks a document of this kind (empty: it can be generated). */
export function missingFor(kind: DocumentKind, input: MissingInput): string[] {
  const out: string[] = [];
  switch (kind) {
    case 'convention':
      conventionProblems(input, out);
      break;
    case 'avenant': {
      const stage = input.stage;
      const hasConvention = input.hasConvention ?? (!!stage && stage.conventionUrl !== '');
      if (!hasConvention) {
        out.push(MISSING.noConvention);
        break;
      }
      const changed =
        input.changedSinceConvention ??
        (!!stage && (stage.needsAmendment || stage.stoppedOn !== ''));
      if (!changed) out.push(MISSING.noChange);
      conventionProblems(input, out);
      break;
    }
    case 'attestation': {
      const { stage, company } = input;
      if (!company || blank(company.name)) out.push(MISSING.company);
      if (!hasDates(stage)) out.push(MISSING.dates);
      else if (input.today < lastStageDay(stage)) out.push(MISSING.notOver);
      if (blank(input.settings.schoolName)) out.push(MISSING.schoolName);
      break;
    }
    case 'accord':
      if (!input.session) out.push(MISSING.session);
      schoolProblems(input, out);
      break;
    case 'vierge':
      break;
    case 'compteRendu':
      // It reports a visit of a stage: the stage's dates at least.
      if (!hasDates(input.stage)) out.push(MISSING.dates);
      break;
  }
  return out;
}
