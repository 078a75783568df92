/**
 * The workbook's layout: every sheet the add-on owns, its French headers in order, and the kind
 * of each column. Headers are what users see and what the add-on looks columns up by, so users
 * may reorder columns by hand (and add their own) without breaking anything.
 */

/**
 * - `text`: user text, always written literally (never a formula).
 * - `date`: an ISO date in code, a date cell (DATE_CELL_FORMAT) in the sheet.
 * - `number`: a number, or '' when empty.
 * - `boolean`: a checkbox.
 * - `computed`: a formula of its own row (sheets/rowFormulas.ts), written with the row; never a
 *   value.
 * - `id`: a stable identifier written by the add-on (hidden technical columns included).
 */
/** How date cells show their dates: the French way, as users read and type them. */
export const DATE_CELL_FORMAT = 'dd/MM/yyyy';

export type ColumnKind = 'text' | 'date' | 'number' | 'boolean' | 'computed' | 'id';

/** A cell's value in code: an ISO date string for dates, number|null for numbers. */
export type CellValue = string | number | boolean | null;

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  kind: ColumnKind;
  /** Pixel width of the column. */
  width: number;
  /** Technical column, hidden from view (still readable and sortable with its row). */
  hidden?: boolean;
}

export interface SheetSpec<K extends string = string> {
  name: string;
  columns: readonly ColumnSpec<K>[];
}

function col<K extends string>(
  key: K,
  header: string,
  kind: ColumnKind,
  width = 120,
  hidden = false,
): ColumnSpec<K> {
  return hidden ? { key, header, kind, width, hidden } : { key, header, kind, width };
}

export const STAGES = {
  name: 'Stages',
  columns: [
    col('id', 'ID', 'id', 90),
    col('session', 'Session', 'text', 170),
    col('start', 'Début', 'date', 90),
    col('end', 'Fin', 'date', 90),
    col('student', 'Élève', 'text', 160),
    col('className', 'Classe', 'text', 80),
    col('company', 'Entreprise', 'text', 200),
    col('tutor', 'Tuteur entreprise', 'text', 150),
    col('referent', 'Référent établissement', 'text', 150),
    col('visits', 'Visites', 'computed', 60),
    col('phase', 'Phase', 'computed', 80),
    col('stoppedOn', "Date d'arrêt", 'date', 90),
    col('stopReason', "Motif d'arrêt", 'text', 160),
    col('originalEnd', 'Fin initiale', 'date', 90),
    col('weeklyHours', 'Durée hebdomadaire', 'number', 90),
    col('convention', 'Convention', 'text', 160),
    col('amendment', 'Avenant', 'text', 90),
    col('country', 'Pays', 'text', 90),
    col('schedule', 'Horaire semaine type', 'text', 150),
    col('presence', 'Présence', 'text', 170),
    col('gratification', 'Gratification', 'computed', 170),
    // The follow-up (« Répartir le suivi… », « Mes stages »): who visits, how many visits are
    // expected (empty = the session's figure), and when the next one is planned.
    col('follower', 'Enseignant suivi', 'text', 150),
    col('expectedVisits', 'Visites prévues', 'number', 70),
    col('plannedVisit', 'Date de visite prévue', 'date', 90),
    // « Convention : signée entreprise »: written by the add-on when a step of a document's life
    // is recorded (issue 11); outside the stage's fingerprint.
    col('docStatus', 'Suivi des documents', 'text', 190),
    col('sessionId', 'ID session', 'id', 90, true),
    col('studentId', 'ID élève', 'id', 90, true),
    col('companyId', 'ID entreprise', 'id', 90, true),
    col('tutorId', 'ID tuteur', 'id', 90, true),
    col('referentId', 'ID référent', 'id', 90, true),
    col('hours', 'Heures de présence', 'number', 90, true),
    col('schoolYear', 'Année scolaire', 'text', 90, true),
    col('labelsCheck', 'Contrôle des libellés', 'text', 90, true),
    // How many absences the Absences sheet holds for the stage: an action that changes the
    // dates of a stage without any need not read that sheet to count its presence again.
    col('absences', 'Absences (nombre)', 'computed', 90, true),
    col('followerId', 'ID enseignant suivi', 'id', 90, true),
  ],
} as const satisfies SheetSpec;

export const SESSIONS = {
  name: 'Sessions',
  columns: [
    col('id', 'ID', 'id', 90),
    col('title', 'Intitulé', 'text', 200),
    col('type', 'Type de session', 'text', 140),
    col('schoolYear', 'Année scolaire', 'text', 100),
    col('diploma', 'Diplôme préparé', 'text', 180),
    col('editionLabel', 'Libellé édition', 'text', 180),
    col('objectives', 'Objectifs pédagogiques', 'text', 240),
    // Periods as "01/02/2023-31/03/2023; 02/05/2023-26/05/2023": a session has few of them and
    // one cell keeps a session on one row, so sorting the sheet can never separate them.
    col('periods', 'Périodes', 'text', 240),
    // How many follow-up visits each stage of the session expects (empty = 1).
    col('expectedVisits', 'Visites attendues', 'number', 80),
    // « oui »: each visit of the session's stages may have its report (a Google Doc).
    col('visitReport', 'Compte rendu de visite', 'text', 110),
  ],
} as const satisfies SheetSpec;

export const STUDENTS = {
  name: 'Élèves',
  columns: [
    col('id', 'ID', 'id', 90),
    col('lastName', 'Nom', 'text', 140),
    col('firstName', 'Prénom', 'text', 120),
    col('className', 'Classe', 'text', 90),
    col('birthDate', 'Né(e) le', 'date', 90),
    col('email', 'Courriel', 'text', 200),
    col('ine', 'INE', 'text', 110),
    col('label', 'Libellé', 'text', 180),
    // What the documents need (conventions of minors): "Initialiser le classeur" adds them to an
    // older workbook, after its last column.
    col('address', 'Adresse', 'text', 220),
    col('phone', 'Téléphone', 'text', 110),
    col('guardianName', 'Représentant légal', 'text', 170),
    col('guardianAddress', 'Adresse du représentant', 'text', 220),
    col('guardianPhone', 'Téléphone du représentant', 'text', 110),
    col('guardianEmail', 'Courriel du représentant', 'text', 200),
  ],
} as const satisfies SheetSpec;

export const COMPANIES = {
  name: 'Entreprises',
  columns: [
    col('id', 'ID', 'id', 90),
    col('name', 'Raison sociale', 'text', 220),
    col('siret', 'SIRET', 'text', 130),
    col('address', 'Adresse', 'text', 200),
    col('postalCode', 'Code postal', 'text', 80),
    col('city', 'Ville', 'text', 130),
    col('country', 'Pays', 'text', 90),
    col('phone', 'Téléphone', 'text', 110),
    col('email', 'Courriel', 'text', 200),
    // Who signs conventions for the company: "Initialiser le classeur" adds these two to an
    // older workbook.
    col('signatory', 'Signataire', 'text', 160),
    col('signatoryRole', 'Fonction du signataire', 'text', 160),
  ],
} as const satisfies SheetSpec;

export const TUTORS = {
  name: 'Tuteurs',
  columns: [
    col('id', 'ID', 'id', 90),
    col('company', 'Entreprise', 'text', 200),
    col('civility', 'Civilité', 'text', 60),
    col('lastName', 'Nom', 'text', 130),
    col('firstName', 'Prénom', 'text', 120),
    col('role', 'Fonction', 'text', 140),
    col('phone', 'Téléphone', 'text', 110),
    col('email', 'Courriel', 'text', 200),
    col('label', 'Libellé', 'text', 180),
    col('companyId', 'ID entreprise', 'id', 90, true),
  ],
} as const satisfies SheetSpec;

export const STAFF = {
  name: 'Personnel',
  columns: [
    col('id', 'ID', 'id', 90),
    col('civility', 'Civilité', 'text', 60),
    col('lastName', 'Nom', 'text', 130),
    col('firstName', 'Prénom', 'text', 120),
    col('email', 'Courriel', 'text', 200),
    col('discipline', 'Discipline', 'text', 140),
    col('label', 'Libellé', 'text', 180),
    // The classes a teacher teaches (« BTS1, BTS2 »): « Répartir le suivi… » prefers them.
    col('classes', 'Classes', 'text', 140),
  ],
} as const satisfies SheetSpec;

export const VISITS = {
  name: 'Visites',
  columns: [
    col('id', 'ID', 'id', 90),
    col('stageId', 'ID stage', 'id', 90),
    col('student', 'Élève', 'text', 160),
    col('date', 'Date', 'date', 90),
    col('staff', 'Enseignant', 'text', 150),
    col('comment', 'Commentaire', 'text', 320),
    // visite / appel / visio ('' on visits recorded before the follow-up existed: a visit).
    col('type', 'Type', 'text', 70),
    // The link of the visit's report (« Compte rendu »), once made: a second click opens it.
    col('report', 'Compte rendu', 'text', 200),
    col('staffId', 'ID enseignant', 'id', 90, true),
  ],
} as const satisfies SheetSpec;

export const ABSENCES = {
  name: 'Absences',
  columns: [
    col('id', 'ID', 'id', 90),
    col('stageId', 'ID stage', 'id', 90),
    col('student', 'Élève', 'text', 160),
    col('start', 'Du', 'date', 90),
    col('end', 'Au', 'date', 90),
    col('halfDay', 'Demi-journée', 'boolean', 90),
    col('reason', 'Motif', 'text', 200),
    col('justified', 'Justifiée', 'boolean', 80),
    col('countsAsPresence', 'Congé prévu (compté présent)', 'boolean', 120),
  ],
} as const satisfies SheetSpec;

export const HOLIDAYS = {
  name: 'Vacances',
  columns: [
    col('zone', 'Zone', 'text', 110),
    col('name', 'Nom', 'text', 220),
    col('start', 'Du', 'date', 90),
    col('end', 'Au', 'date', 90),
    col('schoolYear', 'Année scolaire', 'text', 100),
  ],
} as const satisfies SheetSpec;

export const DOCUMENTS = {
  name: 'Documents',
  columns: [
    col('id', 'ID', 'id', 90),
    col('stageId', 'ID stage', 'id', 90),
    col('student', 'Élève', 'text', 160),
    col('session', 'Session', 'text', 170),
    col('kind', 'Type', 'text', 140),
    col('link', 'Document', 'text', 260),
    col('name', 'Nom du fichier', 'text', 300),
    col('createdOn', 'Généré le', 'text', 130),
    col('by', 'Par', 'text', 180),
    col('status', 'Statut', 'text', 120),
    // The document's life (issue 11, domain/documents/signatures.ts): one date per step, the
    // copies handed out, the last reminder, the scan of the signed copy, a blank convention's
    // regularisation. "Initialiser le classeur" adds them to an older workbook, at its end.
    col('sentOn', 'Envoyée le', 'date', 90),
    col('studentOn', 'Signée stagiaire le', 'date', 90),
    col('companyOn', 'Signée entreprise le', 'date', 90),
    col('schoolOn', 'Signée établissement le', 'date', 90),
    col('companyCopyOn', 'Exemplaire entreprise remis le', 'date', 100),
    col('studentCopyOn', 'Exemplaire stagiaire remis le', 'date', 100),
    col('referentCopyOn', 'Exemplaire référent gardé le', 'date', 100),
    col('cancelledOn', 'Annulée le', 'date', 90),
    col('remindedOn', 'Relancée le', 'date', 90),
    col('signedCopy', 'Copie signée', 'text', 200),
    col('regularisedOn', 'Régularisée le', 'date', 90),
    col('fileId', 'ID fichier', 'id', 90, true),
    col('sessionId', 'ID session', 'id', 90, true),
    col('job', 'Lot', 'id', 90, true),
    // The values the document was filled with: an avenant says what changed since.
    col('values', 'Valeurs', 'text', 90, true),
  ],
} as const satisfies SheetSpec;

export const JOURNAL = {
  name: 'Journal',
  columns: [
    col('at', 'Date et heure', 'text', 150),
    col('user', 'Utilisateur', 'text', 200),
    col('action', 'Action', 'text', 180),
    col('target', 'Objet', 'text', 120),
    col('before', 'Avant', 'text', 320),
    col('after', 'Après', 'text', 320),
  ],
} as const satisfies SheetSpec;

export const ALL_SHEETS = [
  STAGES,
  SESSIONS,
  STUDENTS,
  COMPANIES,
  TUTORS,
  STAFF,
  VISITS,
  ABSENCES,
  HOLIDAYS,
  DOCUMENTS,
  JOURNAL,
] as const;

export type StageKey = (typeof STAGES.columns)[number]['key'];
export type StudentKey = (typeof STUDENTS.columns)[number]['key'];
export type CompanyKey = (typeof COMPANIES.columns)[number]['key'];
export type TutorKey = (typeof TUTORS.columns)[number]['key'];
export type StaffKey = (typeof STAFF.columns)[number]['key'];
export type DocumentKey = (typeof DOCUMENTS.columns)[number]['key'];
