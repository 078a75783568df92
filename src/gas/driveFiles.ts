/**
 * The add-on's files in Drive, through the Drive API v3 advanced service: the only module (with
 * docsApi.ts) that touches `Drive`. Least privilege: the `drive.file` scope, so the add-on sees
 * only the files it created (folders, templates, generated documents) and its spreadsheet; any
 * other id reads as not found. Each call asks for the fields it needs and parses the answer.
 *
 * Failures are classified by googleApiErrors.ts; given a RetryPolicy, a rate-limited call is
 * retried with back-off within the policy's deadline.
 */
import { ApiFailure, toApiFailure, withBackoff, type RetryPolicy } from './googleApiErrors';

export type AppProperties = Record<string, string>;

export interface DriveFile {
  id: string;
  name: string;
  /** The link that opens the file (Docs editor for a Google Doc). */
  url: string;
  trashed: boolean;
  parents: string[];
  appProperties: AppProperties;
}

export interface DriveFiles {
  createFolder(name: string, parentId?: string): DriveFile;
  /** Null when the file does not exist or the add-on may not see it. */
  getFile(id: string): DriveFile | null;
  /** A Google Doc converted from HTML (a template's first version). */
  importHtmlAsDoc(
    name: string,
    html: string,
    parentId: string,
    appProperties: AppProperties,
  ): DriveFile;
  /**
   * A copy of `id` in `parentId`. Drive copies the source's appProperties too and applies these
   * over them (patch semantics): give every key that must differ from the source's.
   */
  copyFile(id: string, name: string, parentId: string, appProperties: AppProperties): DriveFile;
  /** Moves to the trash; false when the file was already gone (deleted, or not visible). */
  trashFile(id: string): boolean;
  /** Every file (all pages) not in the trash whose appProperties[key] is `value`. */
  listByAppProperty(key: string, value: string): DriveFile[];
  exportPdf(id: string): GoogleAppsScript.Base.Blob;
  /** A plain file (a PDF) from a Blob. */
  createFile(
    name: string,
    blob: GoogleAppsScript.Base.Blob,
    parentId: string,
    appProperties: AppProperties,
  ): DriveFile;
  exportHtml(id: string): string;
}

const FOLDER = 'application/vnd.google-apps.folder';
const GOOGLE_DOC = 'application/vnd.google-apps.document';
const FILE_FIELDS = 'id,name,webViewLink,trashed,parents,appProperties';
/** "No content" for create / update: Apps Script scripts pass null where the typings want a Blob. */
const NO_MEDIA = null as unknown as GoogleAppsScript.Base.Blob;

function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive)
    throw new Error("Le service avancé Drive (v3) n'est pas activé dans le projet Apps Script.");
  return Drive;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A Drive file resource as this module asks for it; a malformed answer is an error. */
export function parseFile(json: unknown): DriveFile {
  if (!isRecord(json) || typeof json.id !== 'string' || json.id === '')
    throw new Error('Réponse inattendue de Drive : fichier sans identifiant.');
  const props: AppProperties = {};
  if (isRecord(json.appProperties))
    for (const [k, v] of Object.entries(json.appProperties))
      if (typeof v === 'string') props[k] = v;
  return {
    id: json.id,
    name: typeof json.name === 'string' ? json.name : '',
    url: typeof json.webViewLink === 'string' ? json.webViewLink : '',
    trashed: json.trashed === true,
    parents: Array.isArray(json.parents)
      ? json.parents.filter((p): p is string => typeof p === 'string')
      : [],
    appProperties: props,
  };
}

/** A string literal of Drive's query language. */
export function queryString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function isBlob(v: unknown): v is GoogleAppsScript.Base.Blob {
  return isRecord(v) && typeof v.getBytes === 'function' && typeof v.getDataAsString === 'function';
}

/** The typings declare export(fileId, mimeType): void; with {alt: 'media'} it returns a Blob. */
type ExportMedia = (fileId: string, mimeType: string, optionalArgs: { alt: 'media' }) => unknown;

export function driveFiles(retry?: RetryPolicy): DriveFiles {
  const run = <T>(call: () => T): T => withBackoff(call, retry);
  const exportBlob = (id: string, mimeType: string): GoogleAppsScript.Base.Blob => {
    const files = drive().Files;
    const out = run(() =>
      (files.export as unknown as ExportMedia).call(files, id, mimeType, { alt: 'media' }),
    );
    if (!isBlob(out))
      throw new Error(`Réponse inattendue de Drive : export ${mimeType} sans contenu.`);
    return out;
  };

  return {
    createFolder(name, parentId) {
      const resource = { name, mimeType: FOLDER, parents: parentId ? [parentId] : [] };
      return parseFile(
        run(() => drive().Files.create(resource, NO_MEDIA, { fields: FILE_FIELDS })),
      );
    },

    getFile(id) {
      try {
        return parseFile(run(() => drive().Files.get(id, { fields: FILE_FIELDS })));
      } catch (e) {
        const failure = toApiFailure(e);
        if (failure instanceof ApiFailure && failure.kind === 'notFound') return null;
        throw failure;
      }
    },

    importHtmlAsDoc(name, html, parentId, appProperties) {
      const blob = Utilities.newBlob(html, 'text/html', `${name}.html`);
      const resource = { name, mimeType: GOOGLE_DOC, parents: [parentId], appProperties };
      return parseFile(run(() => drive().Files.create(resource, blob, { fields: FILE_FIELDS })));
    },

    copyFile(id, name, parentId, appProperties) {
      const resource = { name, parents: [parentId], appProperties };
      return parseFile(run(() => drive().Files.copy(resource, id, { fields: FILE_FIELDS })));
    },

    trashFile(id) {
      try {
        run(() => drive().Files.update({ trashed: true }, id, NO_MEDIA, { fields: 'id' }));
        return true;
      } catch (e) {
        const failure = toApiFailure(e);
        if (failure instanceof ApiFailure && failure.kind === 'notFound') return false;
        throw failure;
      }
    },

    listByAppProperty(key, value) {
      const q = `appProperties has { key=${queryString(key)} and value=${queryString(value)} } and trashed = false`;
      const found: DriveFile[] = [];
      let pageToken: string | undefined;
      do {
        const args: Record<string, unknown> = {
          q,
          pageSize: 1000,
          fields: `nextPageToken,files(${FILE_FIELDS})`,
        };
        if (pageToken) args.pageToken = pageToken;
        const page: unknown = run(() => drive().Files.list(args));
        if (!isRecord(page)) throw new Error('Réponse inattendue de Drive : liste illisible.');
        if (Array.isArray(page.files)) found.push(...page.files.map(parseFile));
        pageToken =
          typeof page.nextPageToken === 'string' && page.nextPageToken !== ''
            ? page.nextPageToken
            : undefined;
      } while (pageToken);
      return found;
    },

    exportPdf(id) {
      return exportBlob(id, 'application/pdf');
    },

    createFile(name, blob, parentId, appProperties) {
      const resource = {
        name,
        mimeType: blob.getContentType() ?? 'application/pdf',
        parents: [parentId],
        appProperties,
      };
      return parseFile(run(() => drive().Files.create(resource, blob, { fields: FILE_FIELDS })));
    },

    exportHtml(id) {
      return exportBlob(id, 'text/html').getDataAsString('UTF-8');
    },
  };
}
