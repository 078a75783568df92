/**
 * Students from a PRONOTE or SIECLE export. A re-import updates the students it recognises
 * instead of duplicating them: same INE; else same name and birth date; else same name and
 * class (when a birth date is missing on either side).
 */
import { parseUserDate } from '../dates';
import { fold, squish } from '../text';
import type { Student } from '../types';
import type { ColumnMapping, ImportStatus } from './columns';
import { cell, isEmail, mapColumns } from './columns';

export type StudentField =
  'lastName' | 'firstName' | 'fullName' | 'className' | 'birthDate' | 'email' | 'ine';

/** A student with the national identifier, when the caller keeps it. */
export type ImportableStudent = Student & { ine?: string };

export const STUDENT_FIELD_LABELS: Readonly<Record<StudentField, string>> = {
  lastName: 'Nom',
  firstName: 'Prénom',
  fullName: 'Nom et prénom',
  className: 'Classe',
  birthDate: 'Né(e) le',
  email: 'Courriel',
  ine: 'INE',
};

const STUDENT_SYNONYMS: Readonly<Record<StudentField, readonly string[]>> = {
  lastName: [
    'nom',
    'nomdefamille',
    'nomfamille',
    'nomdusage',
    'nomusage',
    'nomeleve',
    'nomdeleleve',
  ],
  firstName: ['prenom', 'prenom1', 'premierprenom', 'prenomusuel', 'prenomeleve', 'prenomdeleleve'],
  fullName: ['eleve', 'nomprenom', 'nometprenom', 'stagiaire', 'identite'],
  className: ['classe', 'division', 'div', 'classeactuelle', 'divisionactuelle', 'libelleclasse'],
  birthDate: [
    'neele',
    'nele',
    'datedenaissance',
    'datenaissance',
    'datenaiss',
    'datedenaiss',
    'naissance',
  ],
  email: [
    'email',
    'mail',
    'courriel',
    'adresseemail',
    'adressemail',
    'adressecourriel',
    'adresseelectronique',
  ],
  ine: ['ine', 'idnational', 'identifiantnational', 'numeroine', 'ineeleve'],
};

export function mapStudentColumns(headers: readonly string[]): ColumnMapping<StudentField> {
  return mapColumns(headers, STUDENT_SYNONYMS);
}

/** The required columns the file lacks, in French ([] when the file can be imported). */
export function missingStudentColumns(mapping: ColumnMapping<StudentField>): string[] {
  const missing: string[] = [];
  const hasNames = mapping.lastName !== undefined || mapping.fullName !== undefined;
  if (!hasNames) missing.push('Nom');
  if (mapping.firstName === undefined && mapping.fullName === undefined) missing.push('Prénom');
  if (mapping.className === undefined) missing.push('Classe');
  return missing;
}

/**
 * "ACAR Laurie" → ACAR / Laurie; "DE LA FONTAINE Jean" → DE LA FONTAINE / Jean: the leading
 * words in capitals are the last name (PRONOTE's way); otherwise the first word is.
 */
export function splitFullName(full: string): { lastName: string; firstName: string } {
  const words = squish(full)
    .split(' ')
    .filter((w) => w !== '');
  const isUpper = (w: string): boolean => w === w.toLocaleUpperCase('fr-FR') && /\p{L}/u.test(w);
  let n = 0;
  while (n < words.length && isUpper(words[n]!)) n++;
  if (n === 0 || n === words.length) n = Math.min(1, words.length);
  return { lastName: words.slice(0, n).join(' '), firstName: words.slice(n).join(' ') };
}

export interface StudentImportItem {
  student: ImportableStudent;
  status: ImportStatus;
  error?: string;
  /** Line in the file, the header being line 1 (empty lines not counted). */
  line: number;
}

function sameStudent(a: ImportableStudent, b: ImportableStudent): boolean {
  return (
    a.lastName === b.lastName &&
    a.firstName === b.firstName &&
    a.className === b.className &&
    a.birthDate === b.birthDate &&
    a.email === b.email &&
    (a.ine ?? '') === (b.ine ?? '')
  );
}

type Match = { student: ImportableStudent } | { ambiguous: true } | null;

function findStudent(row: ImportableStudent, pool: readonly ImportableStudent[]): Match {
  const ine = (row.ine ?? '').toUpperCase();
  if (ine !== '') {
    const byIne = pool.find((s) => (s.ine ?? '').toUpperCase() === ine);
    if (byIne) return { student: byIne };
  }
  const name = `${fold(row.lastName)}|${fold(row.firstName)}`;
  const namesakes = pool.filter(
    (s) =>
      `${fold(s.lastName)}|${fold(s.firstName)}` === name &&
      // Two different INEs are two different people, whatever their names.
      (ine === '' || (s.ine ?? '') === '' || (s.ine ?? '').toUpperCase() === ine),
  );
  if (row.birthDate !== '') {
    const sameBirth = namesakes.filter((s) => s.birthDate === row.birthDate);
    if (sameBirth.length === 1) return { student: sameBirth[0]! };
    if (sameBirth.length > 1) return { ambiguous: true };
  }
  const sameClass = namesakes.filter(
    (s) =>
      fold(s.className) === fold(row.className) && (row.birthDate === '' || s.birthDate === ''),
  );
  if (sameClass.length === 1) return { student: sameClass[0]! };
  if (sameClass.length > 1) return { ambiguous: true };
  return null;
}

/**
 * The preview of an import, line by line; nothing is written here. Cells left empty in the file
 * (or columns it lacks) keep the known values of an updated student.
 */
export function planStudentImport(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping<StudentField>,
  existing: readonly ImportableStudent[],
  newId: () => string,
): { items: StudentImportItem[] } {
  const pool: ImportableStudent[] = [...existing];
  const claimedBy = new Map<string, number>();
  const missing = missingStudentColumns(mapping);
  const items = rows.map((row, i): StudentImportItem => {
    const line = i + 2;
    let lastName = cell(row, mapping, 'lastName');
    let firstName = cell(row, mapping, 'firstName');
    if (lastName === '' && firstName === '') {
      ({ lastName, firstName } = splitFullName(cell(row, mapping, 'fullName')));
    }
    const draft: ImportableStudent = {
      id: '',
      lastName,
      firstName,
      className: cell(row, mapping, 'className'),
      birthDate: '',
      email: cell(row, mapping, 'email'),
    };
    const ine = cell(row, mapping, 'ine').toUpperCase();
    if (ine !== '') draft.ine = ine;
    const error = (message: string): StudentImportItem => ({
      student: draft,
      status: 'erreur',
      error: message,
      line,
    });
    if (missing.length > 0) {
      return error(
        `Colonne${missing.length > 1 ? 's' : ''} introuvable${missing.length > 1 ? 's' : ''} dans le fichier : ${missing.join(', ')}.`,
      );
    }
    if (draft.lastName === '') return error('Le nom est vide.');
    if (draft.firstName === '') return error('Le prénom est vide.');
    if (draft.className === '') return error('La classe est vide.');
    const birthText = cell(row, mapping, 'birthDate');
    if (birthText !== '') {
      const birth = parseUserDate(birthText, 'naissance');
      if (!birth.ok) return error(birth.error);
      draft.birthDate = birth.value;
    }
    if (draft.email !== '' && !isEmail(draft.email)) {
      return error(`« ${draft.email} » n'est pas une adresse de courriel.`);
    }
    const match = findStudent(draft, pool);
    if (match && 'ambiguous' in match) {
      return error(
        "Plusieurs élèves connus portent ce nom dans cette classe : ajoutez la date de naissance ou l'INE.",
      );
    }
    if (match) {
      const known = match.student;
      const earlier = claimedBy.get(known.id);
      if (earlier !== undefined) return error(`Cet élève figure déjà ligne ${earlier} du fichier.`);
      claimedBy.set(known.id, line);
      const updated: ImportableStudent = {
        ...known,
        lastName: draft.lastName,
        firstName: draft.firstName,
        className: draft.className,
        birthDate: draft.birthDate || known.birthDate,
        email: draft.email || known.email,
      };
      const mergedIne = draft.ine ?? known.ine;
      if (mergedIne !== undefined && mergedIne !== '') updated.ine = mergedIne;
      return {
        student: updated,
        status: sameStudent(known, updated) ? 'inchangé' : 'mis à jour',
        line,
      };
    }
    const created: ImportableStudent = { ...draft, id: newId() };
    pool.push(created);
    claimedBy.set(created.id, line);
    return { student: created, status: 'nouveau', line };
  });
  return { items };
}
