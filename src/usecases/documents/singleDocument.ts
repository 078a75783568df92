/**
 * A document made on its own, not per stage (accord préalable, blank convention, print file):
 * registered with its session, journalled, the one it replaces binned afterwards.
 */
import type { MadeFileView } from '../../api/contract';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../domain/documents/kinds';
import type { Session } from '../../domain/types';
import type { Context } from '../../gas/context';
import type { DriveFile } from '../../gas/driveFiles';
import { binQuietly } from './driveSpace';
import { DOCUMENTS } from '../../sheets/schema';
import { appendUndoable, writeRowUndoable } from '../undoable';
import { countInStep, readCounts } from './dailyCount';
import { isLive, newRegisterRecord, readRegister, STATUS_REPLACED } from './register';

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
    const counts = readCounts(ctx);
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
      newRegisterRecord(ctx, {
        stageId: '',
        student: '',
        session: session?.title ?? '',
        sessionId: session?.id ?? '',
        kind: label,
        link: file.url,
        name: file.name,
        fileId: file.id,
        job: '',
        values,
      }),
    ]);
    for (const o of old) {
      writeRowUndoable(ctx, docs, o.row, { status: STATUS_REPLACED }, { status: o.status });
      replaced = o.fileId;
    }
    countInStep(ctx, counts, 1);
    ctx.journal({
      action: `Générer : ${label.toLowerCase()}`,
      target: session?.title ?? 'sans session',
      before: old.length > 0 ? { remplacé: old.map((o) => o.name) } : {},
      after: { créé: file.name },
    });
  });
  binQuietly(replaced);
  return { name: file.name, url: file.url };
}
