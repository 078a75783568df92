/**
 * The "Avant" / "Après" cells of the Journal, for office staff to read: the sheets' French
 * headers instead of code keys, dates as dd/mm/yyyy, technical columns (IDs, digests) left out.
 */
import { ALL_SHEETS, STAGES } from './schema';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Stages' headers first: the keys of the other sheets only fill what Stages lacks. */
const HEADERS = new Map<string, string>();
for (const spec of [STAGES, ...ALL_SHEETS]) {
  for (const c of spec.columns) if (!HEADERS.has(c.key)) HEADERS.set(c.key, c.header);
}

/** Readable words for the keys of the journal's own summaries. */
const WORDS: Record<string, string> = {
  nouveaux: 'Nouveaux',
  misÀJour: 'Mis à jour',
  erreurs: 'En erreur',
  créés: 'Créés',
  déjàAffectés: 'Déjà affectés',
  autreStageAuxMêmesDates: 'Déjà en stage à ces dates',
  ajoutées: 'Ajoutées',
  lignes: 'Lignes',
  affichés: 'Affichés',
  masqués: 'Masqués',
  depuis: 'Depuis le stage',
  premier: '1re partie',
  second: '2e partie',
  created: 'Feuilles créées',
  repaired: 'Feuilles réparées',
  restored: 'Titres rétablis',
  completed: 'Lignes complétées',
  reidentified: 'Identifiants en double remplacés',
  schoolName: "Nom de l'établissement",
  schoolAddress: 'Adresse',
  headOfSchool: "Chef d'établissement",
  academy: 'Académie',
  zone: 'Zone',
  alsaceMoselle: 'Alsace-Moselle',
  defaultWeeklyHours: 'Durée hebdomadaire par défaut',
  hourlyGratification: 'Gratification horaire',
  conventionCopies: 'Exemplaires de convention',
  googleAccount: 'Compte Google',
  chaseAfterDays: 'Relancer une convention envoyée après (jours)',
  chaseWithinDays: 'Relancer avant le début du stage (jours)',
  followCap: 'Stagiaires suivis au plus par enseignant',
};

/** Keys that mean nothing to a reader (the names beside them say it all). */
const TECHNICAL = new Set([
  'labelsCheck',
  'hours',
  'schoolYear',
  'sessionId',
  'studentId',
  'companyId',
  'tutorId',
  'referentId',
  'staffId',
  'followerId',
]);

export function journalText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    const m = ISO.exec(v);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
  }
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (Array.isArray(v)) return v.map(journalText).join(' | ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([k]) => !TECHNICAL.has(k))
      .map(([k, x]) => `${WORDS[k] ?? HEADERS.get(k) ?? k} : ${journalText(x) || '—'}`)
      .join(' ; ');
  }
  return String(v);
}

/** The cells of a stage row that name it for a reader. */
export interface StageNaming {
  id?: unknown;
  student?: unknown;
  session?: unknown;
}

const cell = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * The Journal's « Objet » for an action on one stage: "ACAR Laurie – BTS 1 info période 1", the
 * names the row showed (the ID only for a row that names no student).
 */
export function stageSubject(rec: StageNaming): string {
  const student = cell(rec.student);
  const session = cell(rec.session);
  if (student === '') {
    const id = cell(rec.id);
    return `Stage ${id || 'sans identifiant'}${session ? ` – ${session}` : ''}`;
  }
  return session ? `${student} – ${session}` : student;
}

/** Names listed in one « Objet » cell before "et N autres". */
const MAX_NAMED = 10;

/**
 * « Objet » for an action on several stages: "3 stages – BTS 1 info période 1 : ACAR Laurie,
 * ACNA Camille, BENALI Yanis" (one session), else each stage named with its session.
 */
export function stagesSubject(recs: readonly StageNaming[]): string {
  if (recs.length === 1) return stageSubject(recs[0]!);
  const sessions = new Set(recs.map((r) => cell(r.session)));
  const session = sessions.size === 1 ? [...sessions][0]! : '';
  const names = recs.map((r) =>
    session !== '' ? stageSubject({ ...r, session: '' }) : stageSubject(r),
  );
  const shown = names.slice(0, MAX_NAMED).join(', ');
  const more = names.length > MAX_NAMED ? ` et ${names.length - MAX_NAMED} autres` : '';
  return `${recs.length} stages${session ? ` – ${session}` : ''} : ${shown}${more}`;
}
