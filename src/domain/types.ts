/**
 * Domain vocabulary shared by every layer. Pure data: no Apps Script type, no Date object.
 * Calendar dates are ISO `YYYY-MM-DD` strings (`IsoDate`), free of any time zone; an empty
 * optional date is `''`, because that is what an empty sheet cell reads as.
 */

import { DEFAULT_FOLLOW_CAP } from './limits';

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

export type Phase = 'À venir' | 'En cours' | 'Effectué' | 'Arrêté';

export type Zone = 'A' | 'B' | 'C';

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

export interface Session {
  id: string;
  /** "Intitulé", e.g. "BTS 1 info période 1". */
  title: string;
  /** "Type de session". */
  type: string;
  /** "2022-2023". */
  schoolYear: string;
  /** "Diplôme préparé". */
  diploma: string;
  /** "Libellé édition". */
  editionLabel: string;
  /** "Objectifs pédagogiques". */
  objectives: string;
  periods: Period[];
  /** « Visites attendues »: follow-up visits each stage expects (null = one). */
  expectedVisits?: number | null;
  /** « Compte rendu de visite » is « oui »: each visit may have its report. */
  visitReports?: boolean;
}

export interface Student {
  id: string;
  lastName: string;
  firstName: string;
  className: string;
  birthDate: IsoDate | '';
  email: string;
  /*
   * Optional: the documents need them, other rules do not, and a student built elsewhere (an
   * import line, a test) may leave them out; absent reads as ''.
   */
  /** Identifiant national élève ("INE"). */
  ine?: string;
  address?: string;
  phone?: string;
  /** Legal representative ("Représentant légal"), for a minor's convention. */
  guardianName?: string;
  guardianAddress?: string;
  guardianPhone?: string;
  guardianEmail?: string;
}

export interface Company {
  id: string;
  name: string;
  siret: string;
  address: string;
  postalCode: string;
  city: string;
  /** '' or "France" means France; anything else is a stage abroad. */
  country: string;
  phone: string;
  email: string;
  /** Who signs conventions for the company ("Signataire"), and as what. */
  signatory: string;
  signatoryRole: string;
}

export interface Tutor {
  id: string;
  companyId: string;
  /** "M.", "Mme" or ''. */
  civility: string;
  lastName: string;
  firstName: string;
  role: string;
  phone: string;
  email: string;
}

/** A member of staff ("Personnel"): can be a referent or visit a student. */
export interface Staff {
  id: string;
  civility: string;
  lastName: string;
  firstName: string;
  email: string;
  discipline: string;
}

/**
 * Weekly schedule: hours per weekday, Monday first (index 0 = lundi … 6 = dimanche).
 * `null` on a stage means "default": weekly hours spread over Monday–Friday.
 */
export type WeeklySchedule = readonly [number, number, number, number, number, number, number];

export interface Stage {
  id: string;
  sessionId: string;
  studentId: string;
  /** '' when no company is assigned yet. */
  companyId: string;
  tutorId: string;
  referentId: string;
  start: IsoDate;
  end: IsoDate;
  /** '' unless the stage is stopped. */
  stoppedOn: IsoDate | '';
  stopReason: string;
  /** End date before the first stop; '' when never stopped. */
  originalEnd: IsoDate | '';
  /** Weekly hours ("Durée hebdomadaire"), null when unset (the setting's default applies). */
  weeklyHours: number | null;
  schedule: WeeklySchedule | null;
  /** '' or "France" for a stage in France. */
  country: string;
  conventionUrl: string;
  /** True when company/tutor/referent changed after the convention was generated. */
  needsAmendment: boolean;
  /**
   * True when an amendment was generated and none is due since (column « Avenant » = « Fait »).
   * Optional so that a stage built without it (a new stage) reads as "none done".
   */
  amendmentDone?: boolean;
}

export interface Absence {
  id: string;
  stageId: string;
  start: IsoDate;
  end: IsoDate;
  /** Half day only (start = end). */
  halfDay: boolean;
  reason: string;
  justified: boolean;
  /** Leave provided for in the convention ("congé prévu") counts as presence. */
  countsAsPresence: boolean;
}

export interface Settings {
  schoolName: string;
  schoolAddress: string;
  headOfSchool: string;
  academy: string;
  zone: Zone;
  alsaceMoselle: boolean;
  defaultWeeklyHours: number;
  /** Minimum hourly gratification in euros (15 % of the hourly social-security ceiling). */
  hourlyGratification: number;
  /** How many copies of each convention "Imprimer…" makes (1–10). */
  conventionCopies: number;
  /** The kind of Google account: it sets how many documents may be created per day. */
  googleAccount: GoogleAccount;
  /** « Conventions à relancer »: sent and not back after this many days (default 10)… */
  chaseAfterDays: number;
  /** …or a stage starting within this many days without a complete convention (default 15). */
  chaseWithinDays: number;
  /** « Répartir le suivi »: interns a teacher follows at once, at most (default 16). */
  followCap: number;
}

/** 'workspace': Google Workspace (1,500 documents a day); 'consumer': a personal account (250). */
export type GoogleAccount = 'workspace' | 'consumer';

export const DEFAULT_SETTINGS: Settings = {
  schoolName: '',
  schoolAddress: '',
  headOfSchool: '',
  academy: '',
  zone: 'B',
  alsaceMoselle: false,
  defaultWeeklyHours: 35,
  hourlyGratification: 4.5,
  conventionCopies: 3,
  googleAccount: 'workspace',
  chaseAfterDays: 10,
  chaseWithinDays: 15,
  followCap: DEFAULT_FOLLOW_CAP,
};

/** A domain rule's verdict: a value, or a French message for the user (and the field at fault). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; field?: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string, field?: string): Result<T> {
  return field === undefined ? { ok: false, error } : { ok: false, error, field };
}
