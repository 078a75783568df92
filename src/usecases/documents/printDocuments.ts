/**
 * « Imprimer… » : one Google Doc holding every document of the selection, each in N copies
 * (Paramètres, 3 by default as seed 004 asks), each copy marked with its holder, so that a whole
 * class prints in one job. Each document is exported as HTML (one call each) and the whole is
 * imported as one Google Doc (one call).
 */
import type { BatchKind, DocumentScope, MadeFileView } from '../../api/contract';
import { isBatchKind } from '../../api/contract';
import { DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import { printFileName } from '../../domain/documents/naming';
import { buildPrintFile } from '../../domain/documents/printFile';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { driveFiles, type DriveFile } from '../../gas/driveFiles';
import { countMade } from './dailyCount';
import { binQuietly, driveSpace, ensureRoot, ensureSessionFolder } from './driveSpace';
import { liveByStage, stagesInScope } from './eligibility';
import { readRegister } from './register';
import { loadSources, sessionOf } from './sources';

/** Exports take about 2 s each: 60 stay far from the 6-minute limit. */
export const MAX_PRINTED = 60;

export function printDocuments(
  ctx: Context,
  input: { kind: BatchKind; scope: DocumentScope },
): MadeFileView {
  if (!input || !isBatchKind(input.kind))
    throw new UserError('Choisissez le type de documents à imprimer.');
  const src = loadSources(ctx);
  const stages = stagesInScope(src, input.scope ?? {});
  const docs = liveByStage(readRegister(ctx), input.kind);
  const chosen = stages.flatMap((s) => {
    const d = docs.get(s.stage.id);
    return d ? [{ stage: s, doc: d }] : [];
  });
  const label = DOCUMENT_KIND_LABELS[input.kind].toLowerCase();
  if (chosen.length === 0)
    throw new UserError(`Aucune ${label} n’a encore été générée pour ces stages.`);
  if (chosen.length > MAX_PRINTED)
    throw new UserError(
      `Un fichier à imprimer réunit au plus ${MAX_PRINTED} documents : ${chosen.length} sont choisis. ` +
        'Sélectionnez moins de lignes.',
    );
  // Conventions go out in several copies (student, company, school); the others in one.
  const copies = input.kind === 'convention' ? ctx.settings().conventionCopies : 1;
  const drive = driveFiles();
  const html = buildPrintFile(
    chosen.map((c) => ({ name: c.doc.name, html: drive.exportHtml(c.doc.fileId) })),
    { copies, title: `Impression – ${DOCUMENT_KIND_LABELS[input.kind]}` },
  );
  const session = sessionOf(src, chosen[0]!.stage.stage.sessionId) ?? null;
  const space = driveSpace(ctx);
  const folder = session ? ensureSessionFolder(ctx, space, session) : ensureRoot(ctx, space);
  let file: DriveFile | null = null;
  try {
    const printed = drive.importHtmlAsDoc(
      printFileName(input.kind, { sessionTitle: session?.title ?? '', today: ctx.today() }),
      html,
      folder,
      { sdsKind: 'impression' },
    );
    file = printed;
    // Not a document of a stage (the register lists those): the journal keeps its trace.
    ctx.withLock(() => {
      countMade(ctx, 1);
      ctx.journal({
        action: 'Imprimer des documents',
        target: session?.title ?? `${chosen.length} documents`,
        before: {},
        after: { fichier: printed.name, documents: chosen.length, exemplaires: copies },
      });
    });
    return { name: printed.name, url: printed.url, count: chosen.length, copies };
  } catch (e) {
    binQuietly(file?.id);
    throw e;
  }
}
