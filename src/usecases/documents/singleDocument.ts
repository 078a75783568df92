/**
 * A document made on its own, not per stage (accord préalable, blank convention, print file):
 * registered with its session, journalled, the one it replaces binned afterwards.
 */
import type { MadeFileView } from '../../api/contract';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../domain/documents/kinds';
import type { Session } from '../../domain/types';
import type { Context } from '../../gas/context';
import { driveFiles, type DriveFile } from '../../gas/driveFiles';
import { DOCUMENTS } from '../../sheets/schema';
import { appendUndoable, writeRowUndoable } from '../undoable';
import { countMade } from './dailyCount';
import { isLive, readRegister, STATUS_MADE, STATUS_REPLACED } from './register';

/**
 * Registers `file` (kind, session); with `replaces`, the session's live document of that kind
 * is marked replaced and its file binned once this is done.
 */
export function registerSingle(
  ctx: Context,
  kind: DocumentKind,
  session: Session | null,
  file: DriveFile,
  values: Record<string, string>,
  replaces: boolean,
): MadeFileView {
  const label = DOCUMENT_KIND_LABELS[kind];
  let replaced = '';
  ctx.withLock(() => {
    const docs = ctx.table(DOCUMENTS);
    const old = replaces
      ? readRegister(ctx).filter(
          (d) =>
            d.kind === label &&
            d.stageId === '' &&
            d.sessionId === (session?.id ?? '') &&
            isLive(d),
        )
      : [];
    appendUndoable(ctx, docs, [
      {
        id: ctx.newId('DOC'),
        stageId: '',
        student: '',
        session: session?.title ?? '',
        kind: label,
        link: file.url,
        name: file.name,
        createdOn: ctx.now(),
        by: ctx.user(),
        status: STATUS_MADE,
        fileId: file.id,
        sessionId: session?.id ?? '',
        job: '',
        values: JSON.stringify(values),
      },
    ]);
    for (const o of old) {
      writeRowUndoable(ctx, docs, o.row, { status: STATUS_REPLACED }, { status: o.status });
      replaced = o.fileId;
    }
    ctx.journal({
      action: `Générer : ${label.toLowerCase()}`,
      target: session?.title ?? 'sans session',
      before: old.length > 0 ? { remplacé: old.map((o) => o.name) } : {},
      after: { créé: file.name },
    });
    countMade(ctx, 1);
  });
  if (replaced) {
    try {
      driveFiles().trashFile(replaced);
    } catch {
      // Left in the folder, no longer the live one.
    }
  }
  return { name: file.name, url: file.url };
}

/** Bins a file made for an action that then failed: it must not stay as a stray copy. */
export function binQuietly(file: DriveFile | null): void {
  if (!file) return;
  try {
    driveFiles().trashFile(file.id);
  } catch {
    // Unregistered; the user sees the error and can delete it from the folder.
  }
}
