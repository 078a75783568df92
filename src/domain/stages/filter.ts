/**
 * PRONOTE's "Gestion des stages" filters, as one pure predicate: the sidebar list, the count and
 * the sheet's filter all use it, so they can never disagree.
 */
import { formatFr, parseUserDate } from '../dates';
import { overlaps } from '../periods';
import { phaseOf } from '../phase';
import { fold, matchesWords } from '../text';
import type { IsoDate, Phase, Result } from '../types';
import { fail, ok } from '../types';

export type TriState = 'sans' | 'indif' | 'avec';
export type VisitState = 'a_effectuer' | 'indif' | 'effectuees';
export type PhaseFilter = 'effectues' | 'en_cours' | 'indif' | 'a_venir' | 'arretes';

/** PRONOTE's filters as the "Gestion des stages" panel sends them. */
export interface StageFilter {
  sessionId: string;
  student: string;
  className: string;
  /** Dates as typed; a stage matches when it overlaps [from, to]. */
  from: string;
  to: string;
  company: string;
  companies: TriState;
  tutors: TriState;
  referents: TriState;
  visits: VisitState;
  phase: PhaseFilter;
  /** « Conventions à relancer » only (issue 11; judged by the use case, from the register). */
  toChase?: boolean;
}

/** Every filter at "Indif.": everything matches. Frozen: copy it to change it. */
export const EMPTY_FILTER: StageFilter = Object.freeze({
  sessionId: '',
  student: '',
  className: '',
  from: '',
  to: '',
  company: '',
  companies: 'indif',
  tutors: 'indif',
  referents: 'indif',
  visits: 'indif',
  phase: 'indif',
});

/** A filter once judged: dates are ISO ('' = open bound), texts trimmed. */
export interface ParsedStageFilter {
  sessionId: string;
  student: string;
  className: string;
  from: IsoDate | '';
  to: IsoDate | '';
  company: string;
  companies: TriState;
  tutors: TriState;
  referents: TriState;
  visits: VisitState;
  phase: PhaseFilter;
}

/** What the filter looks at in one stage row. */
export interface FilterableStage {
  sessionId: string;
  start: IsoDate;
  end: IsoDate;
  stoppedOn: IsoDate | '';
  /** The student's label ("ACAR Laurie"). */
  student: string;
  className: string;
  /** The company's name. */
  company: string;
  companyId: string;
  tutorId: string;
  referentId: string;
  /** Visits whose day has come (the « Visites » cell). */
  visits: number;
  /** Visits the stage expects (« Visites prévues », else its session's; absent = 1). */
  expectedVisits?: number;
}

const TRI_STATES: readonly TriState[] = ['sans', 'indif', 'avec'];
const VISIT_STATES: readonly VisitState[] = ['a_effectuer', 'indif', 'effectuees'];
const PHASE_FILTERS: readonly PhaseFilter[] = [
  'effectues',
  'en_cours',
  'indif',
  'a_venir',
  'arretes',
];

const PHASE_OF_FILTER: Record<Exclude<PhaseFilter, 'indif'>, Phase> = {
  effectues: 'Effectué',
  en_cours: 'En cours',
  a_venir: 'À venir',
  arretes: 'Arrêté',
};

function optionalDate(text: string, label: string, field: string): Result<IsoDate | ''> {
  if (String(text ?? '').trim() === '') return ok('');
  const r = parseUserDate(text, label);
  return r.ok ? r : fail(r.error, field);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/** Judges a filter sent by the sidebar (never trusted): dates parsed, from ≤ to, known states. */
export function parseStageFilter(raw: StageFilter): Result<ParsedStageFilter> {
  const from = optionalDate(raw.from, 'début de la période', 'from');
  if (!from.ok) return from;
  const to = optionalDate(raw.to, 'fin de la période', 'to');
  if (!to.ok) return to;
  if (from.value !== '' && to.value !== '' && to.value < from.value) {
    return fail(
      `La période est à l'envers : le ${formatFr(to.value)} est avant le ${formatFr(from.value)}.`,
      'to',
    );
  }
  for (const key of ['companies', 'tutors', 'referents'] as const) {
    if (!oneOf(raw[key], TRI_STATES)) return fail('Choix de filtre inconnu.', key);
  }
  if (!oneOf(raw.visits, VISIT_STATES)) return fail('Choix de filtre inconnu.', 'visits');
  if (!oneOf(raw.phase, PHASE_FILTERS)) return fail('Choix de filtre inconnu.', 'phase');
  return ok({
    sessionId: String(raw.sessionId ?? '').trim(),
    student: String(raw.student ?? '').trim(),
    className: String(raw.className ?? '').trim(),
    from: from.value,
    to: to.value,
    company: String(raw.company ?? '').trim(),
    companies: raw.companies,
    tutors: raw.tutors,
    referents: raw.referents,
    visits: raw.visits,
    phase: raw.phase,
  });
}

function triState(state: TriState, id: string): boolean {
  if (state === 'sans') return id === '';
  if (state === 'avec') return id !== '';
  return true;
}

/**
 * Student and company match every typed word, case- and accent-insensitively ("acar", "laurie
 * acar", "credit agricole"); the class matches exactly (case and accents aside); the period keeps
 * the stages sharing at least one day with [from, to].
 */
export function matchesStageFilter(
  row: FilterableStage,
  f: ParsedStageFilter,
  today: IsoDate,
): boolean {
  if (f.sessionId !== '' && row.sessionId !== f.sessionId) return false;
  if (f.student !== '' && !matchesWords(row.student, f.student)) return false;
  if (f.className !== '' && fold(row.className) !== fold(f.className)) return false;
  if (f.company !== '' && !matchesWords(row.company, f.company)) return false;
  if (f.from !== '' || f.to !== '') {
    const window = { start: f.from || '0000-01-01', end: f.to || '9999-12-31' };
    if (!overlaps(row, window)) return false;
  }
  if (!triState(f.companies, row.companyId)) return false;
  if (!triState(f.tutors, row.tutorId)) return false;
  if (!triState(f.referents, row.referentId)) return false;
  // « À effectuer »: some expected visit is missing, planned or not yet planned.
  const expected = row.expectedVisits ?? 1;
  if (f.visits === 'a_effectuer' && row.visits >= expected) return false;
  if (f.visits === 'effectuees' && (row.visits < 1 || row.visits < expected)) return false;
  if (f.phase !== 'indif' && phaseOf(row, today) !== PHASE_OF_FILTER[f.phase]) return false;
  return true;
}
