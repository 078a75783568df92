/**
 * Names of the files and folders the add-on creates in Drive. Predictable (a person finds a
 * document by its student and company; a rerun names it the same) and safe: Drive accepts almost
 * anything, but these names become file names when downloaded or exported as PDF, so characters
 * that Windows, macOS or a zip refuse (/ \ : * ? " < > | and control characters) are replaced.
 */
import { longDateFr } from './fields';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from './kinds';

/** « – » with spaces: the separator of every name. */
export const NAME_SEPARATOR = ' – ';

/** Longest part (a session title, a company name) kept in a name. */
export const MAX_NAME_PART = 80;
/** Longest whole name: well under the 255 bytes of common file systems, accents included. */
export const MAX_NAME_LENGTH = 180;

export const ROOT_FOLDER_NAME = 'Suivi des stages – Documents';

/** A name part made safe: no forbidden character, spaces squashed, trimmed, capped. */
export function safeNamePart(text: string, max = MAX_NAME_PART): string {
  const s = String(text ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[/\\:*?"<>|]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    // Leading and trailing dots hide a file (Unix) or are dropped (Windows).
    .replace(/^\.+|\.+$/g, '')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

function joinParts(parts: readonly string[]): string {
  const name = parts
    .map((x) => safeNamePart(x))
    .filter((x) => x !== '')
    .join(NAME_SEPARATOR);
  return name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1).trimEnd()}…` : name;
}

export interface NameInput {
  sessionTitle: string;
  /** "ACAR Laurie". */
  studentLabel?: string;
  companyName?: string;
  /** For a blank convention: the day it was made. */
  today?: string;
  /** For a visit report: the day of the visit. */
  visitDate?: string;
}

/**
 * "Convention – BTS 1 info période 1 – ACAR Laurie – CREDIT AGRICOLE"; per session:
 * "Accord préalable – BTS 1 info période 1", "Convention vierge – BTS 1 info période 1 – 30
 * novembre 2026"; a visit's: "Compte rendu de visite – ACAR Laurie – CREDIT AGRICOLE – 14 février
 * 2023". An empty part is left out.
 */
export function documentName(kind: DocumentKind, input: NameInput): string {
  const label = DOCUMENT_KIND_LABELS[kind];
  switch (kind) {
    case 'accord':
      return joinParts([label, input.sessionTitle]);
    case 'vierge':
      return joinParts([label, input.sessionTitle, longDateFr(input.today ?? '')]);
    case 'compteRendu':
      return joinParts([
        label,
        input.studentLabel ?? '',
        input.companyName ?? '',
        longDateFr(input.visitDate ?? ''),
      ]);
    default:
      return joinParts([
        label,
        input.sessionTitle,
        input.studentLabel ?? '',
        input.companyName ?? '',
      ]);
  }
}

/** "Impression – Convention – BTS 1 info période 1 – 30 novembre 2026" (the printable file). */
export function printFileName(
  kind: DocumentKind,
  input: { sessionTitle?: string; today: string },
): string {
  return joinParts([
    'Impression',
    DOCUMENT_KIND_LABELS[kind],
    input.sessionTitle ?? '',
    longDateFr(input.today),
  ]);
}

/** The school year's folder: "2022-2023" (« Sans année » when the session has none). */
export function yearFolderName(schoolYear: string): string {
  return safeNamePart(schoolYear) || 'Sans année';
}

/** The session's folder: its title (« Session sans intitulé » when it has none). */
export function sessionFolderName(sessionTitle: string): string {
  return safeNamePart(sessionTitle) || 'Session sans intitulé';
}

/** The add-on's root folder in Drive. */
export function rootFolderName(): string {
  return ROOT_FOLDER_NAME;
}
