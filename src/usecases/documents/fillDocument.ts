/**
 * One stage's document: a copy of its template in the session's folder, filled by one Docs
 * batchUpdate. A copy whose filling failed goes to the bin at once: it is never left linked.
 */
import { TEMPLATE_NAMES, templateFor } from '../../domain/documents/kinds';
import { amendmentFields } from '../../domain/documents/amendment';
import { withDottedBlanks } from '../../domain/documents/blank';
import { documentFields, type AmendedConvention } from '../../domain/documents/fields';
import { missingFor } from '../../domain/documents/missing';
import { generatedDay } from '../../domain/documents/signatures';
import { documentName } from '../../domain/documents/naming';
import type { Context } from '../../gas/context';
import { docsApi } from '../../gas/docsApi';
import { driveFiles } from '../../gas/driveFiles';
import type { DriveSpace } from './driveSpace';
import { binQuietly, copyTemplate, ensureSessionFolder, templateIdFor } from './driveSpace';
import type { JobRecord } from './jobStore';
import { liveByStage } from './eligibility';
import { registeredValues, type RegisteredDocument } from './register';
import { inputFor, noInputReason, sessionOf, type Sources, type StageSource } from './sources';

export interface MadeDocument {
  stageId: string;
  sessionId: string;
  fileId: string;
  url: string;
  name: string;
  values: Record<string, string>;
  /** The PDF saved beside it, when asked. */
  pdfId: string;
}

export type FillResult = { ok: true; made: MadeDocument } | { ok: false; reason: string };

/** What an avenant amends: the stage's convention, as it was filled (one row read). */
function conventionOf(
  ctx: Context,
  register: readonly RegisteredDocument[],
  stageId: string,
): AmendedConvention | null {
  const conv = liveByStage(register, 'convention').get(stageId);
  if (!conv) return null;
  return {
    fields: registeredValues(ctx, conv.row),
    name: conv.name,
    generatedOn: generatedDay(conv.createdOn),
  };
}

export function fillDocument(
  ctx: Context,
  src: Sources,
  s: StageSource,
  job: JobRecord,
  space: DriveSpace,
  /** The register as the chunk read it under the lock (the avenant's convention is there). */
  register: readonly RegisteredDocument[],
  deadline: number,
): FillResult {
  const session = sessionOf(src, s.stage.sessionId);
  if (!session) return { ok: false, reason: 'session introuvable' };
  const input = inputFor(
    src,
    s,
    job.kind === 'avenant' ? conventionOf(ctx, register, s.stage.id) : null,
  );
  if (!input) return { ok: false, reason: noInputReason(src, s) };
  const conv = input.convention ?? null;
  const missing = missingFor(job.kind, {
    ...input,
    hasConvention: conv !== null,
    // What the stage says now against what its convention said (the register's values).
    changedSinceConvention:
      conv !== null &&
      amendmentFields(conv.fields, documentFields({ ...input, convention: null })).changed,
  });
  if (missing.length > 0) return { ok: false, reason: missing.join(', ') };
  const values = withDottedBlanks(documentFields(input));
  const template = templateFor(job.kind, session.type);
  const templateId = templateIdFor(space, template, session.id, TEMPLATE_NAMES[template]);
  const folder = ensureSessionFolder(ctx, space, session);
  const name = documentName(job.kind, {
    sessionTitle: session.title,
    studentLabel: s.label,
    companyName: input.company?.name ?? '',
  });
  const retry = { deadlineMs: deadline };
  const drive = driveFiles(retry);
  const file = copyTemplate(
    templateId,
    TEMPLATE_NAMES[template],
    name,
    folder,
    { sdsJob: job.id, sdsStage: s.stage.id, sdsKind: job.kind },
    retry,
  );
  try {
    docsApi(retry).replaceAll(file.id, values);
  } catch (e) {
    // Unregistered: also found by its properties and binned if its claim dies (runDocumentsChunk).
    binQuietly(file.id);
    throw e;
  }
  let pdfId = '';
  if (job.pdf) {
    pdfId = drive.createFile(`${name}.pdf`, drive.exportPdf(file.id), folder, {
      sdsJob: job.id,
      sdsStage: s.stage.id,
      sdsKind: `${job.kind}-pdf`,
    }).id;
  }
  return {
    ok: true,
    made: {
      stageId: s.stage.id,
      sessionId: session.id,
      fileId: file.id,
      url: file.url,
      name,
      values,
      pdfId,
    },
  };
}
