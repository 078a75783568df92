/**
 * Where the add-on keeps its files in Drive: one folder « Suivi des stages – Documents », a
 * folder per school year and one per session inside, and the templates at the top. Their IDs
 * are noted in the document's properties (read with the others, no extra call); a folder or
 * template put in the bin by someone is made again rather than used.
 */
import { UserError } from '../../domain/errors';
import { ROOT_FOLDER_NAME, sessionFolderName, yearFolderName } from '../../domain/documents/naming';
import type { TemplateKind } from '../../domain/documents/kinds';
import type { Session } from '../../domain/types';
import type { Context } from '../../gas/context';
import { driveFiles, type AppProperties, type DriveFile } from '../../gas/driveFiles';
import { classifyApiError, type RetryPolicy } from '../../gas/googleApiErrors';

const SPACE_KEY = 'sds.docs';

export interface DriveSpace {
  root: string;
  /** Folder IDs by "2022-2023" (year) and "2022-2023/<session ID>" (session). */
  folders: Record<string, string>;
  /** The add-on's templates by kind. */
  templates: Partial<Record<TemplateKind, string>>;
  /** A session's own convention template (a copy the add-on made for it). */
  sessionTemplates: Record<string, string>;
}

function parseSpace(raw: string | undefined): DriveSpace {
  const empty: DriveSpace = { root: '', folders: {}, templates: {}, sessionTemplates: {} };
  if (!raw) return empty;
  try {
    const v = JSON.parse(raw) as Partial<DriveSpace>;
    return {
      root: typeof v.root === 'string' ? v.root : '',
      folders: v.folders && typeof v.folders === 'object' ? v.folders : {},
      templates: v.templates && typeof v.templates === 'object' ? v.templates : {},
      sessionTemplates:
        v.sessionTemplates && typeof v.sessionTemplates === 'object' ? v.sessionTemplates : {},
    };
  } catch {
    return empty;
  }
}

export function driveSpace(ctx: Context): DriveSpace {
  return parseSpace(ctx.properties()[SPACE_KEY]);
}

export function saveDriveSpace(ctx: Context, space: DriveSpace): void {
  ctx.setProperty(SPACE_KEY, JSON.stringify(space));
}

/** The link that opens a Google Doc, from its ID (no call). */
export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${encodeURIComponent(id)}/edit`;
}

/** The link that opens a Drive folder, from its ID (no call). */
export function folderUrl(id: string): string {
  return `https://drive.google.com/drive/folders/${encodeURIComponent(id)}`;
}

/** Folders seen alive in this execution: a chunk checks its session's folder once, not per document. */
const seenAlive = new WeakMap<Context, Set<string>>();

/** A folder of ours that is still there (one call, once per execution), or null. */
function liveFolder(id: string | undefined, ctx?: Context): string | null {
  if (!id) return null;
  const seen = ctx ? seenAlive.get(ctx) : undefined;
  if (seen?.has(id)) return id;
  const f = driveFiles().getFile(id);
  if (!f || f.trashed) return null;
  if (ctx) {
    const set = seenAlive.get(ctx) ?? new Set<string>();
    set.add(f.id);
    seenAlive.set(ctx, set);
  }
  return f.id;
}

/** The add-on's folder, made when missing. Saves the space when it changed. */
export function ensureRoot(ctx: Context, space: DriveSpace): string {
  const live = liveFolder(space.root);
  if (live) return live;
  space.root = driveFiles().createFolder(ROOT_FOLDER_NAME).id;
  // The year and session folders were inside the old one: made again when needed.
  space.folders = {};
  saveDriveSpace(ctx, space);
  return space.root;
}

/**
 * The session's folder (school year › session), made when missing. When it is known and
 * still there, one call.
 */
export function ensureSessionFolder(ctx: Context, space: DriveSpace, session: Session): string {
  const key = `${session.schoolYear}/${session.id}`;
  const known = liveFolder(space.folders[key], ctx);
  if (known) return known;
  const root = ensureRoot(ctx, space);
  const yearKey = session.schoolYear || 'sans-annee';
  let year = liveFolder(space.folders[yearKey]);
  if (!year) {
    year = driveFiles().createFolder(yearFolderName(session.schoolYear), root).id;
    space.folders[yearKey] = year;
  }
  const folder = driveFiles().createFolder(sessionFolderName(session.title), year).id;
  space.folders[key] = folder;
  saveDriveSpace(ctx, space);
  return folder;
}

/** The template a session's documents of this kind are copied from; refused when missing. */
export function templateIdFor(
  space: DriveSpace,
  kind: TemplateKind,
  sessionId: string,
  label: string,
): string {
  const own =
    kind === 'conventionBts' || kind === 'conventionPfmp'
      ? space.sessionTemplates[sessionId]
      : undefined;
  const id = own ?? space.templates[kind];
  if (!id) {
    throw new UserError(
      `Le modèle « ${label} » n'existe pas encore : ouvrez Documents › Modèles de documents ` +
        'et cliquez sur « Créer les modèles ».',
    );
  }
  return id;
}

/**
 * A copy of a template (one call), refused in French when the template went to the bin. Copies
 * inherit the template's private properties: a copy is not a template.
 */
export function copyTemplate(
  templateId: string,
  templateName: string,
  name: string,
  folder: string,
  appProperties: AppProperties,
  retry?: RetryPolicy,
): DriveFile {
  try {
    return driveFiles(retry).copyFile(templateId, name, folder, {
      ...appProperties,
      sdsTemplate: '',
    });
  } catch (e) {
    if (classifyApiError(e) === 'notFound')
      throw new UserError(
        `Le modèle « ${templateName} » est introuvable (mis à la corbeille ?) : ` +
          'recréez-le depuis Documents › Modèles de documents.',
      );
    throw e;
  }
}

/**
 * Bins a file of ours whatever happens (one call): a copy made for an action that then failed,
 * or a file a new one replaced. A failure leaves it in the folder, unlinked.
 */
export function binQuietly(fileId: string | null | undefined): void {
  if (!fileId) return;
  try {
    driveFiles().trashFile(fileId);
  } catch {
    // Not registered as live: the user can delete it from the folder.
  }
}
