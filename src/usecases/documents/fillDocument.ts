/**
 * One stage's document: a copy of its template in the session's folder, filled by one Docs
 * batchUpdate. A copy whose filling failed goes to the bin at once: it is never left linked.
 */
import { TEMPLATE_NAMES, templateFor } from '../../domain/documents/kinds';
import { amendmentFields } from '../../domain/documents/amendment';
import { withDottedBlanks } from '../../domain/documents/blank';
import { documentFields, type AmendedConvention } from '../../domain/documents/fields';
import { missingFor } from '../../domain/documents/missing';
import { documentName } from '../../domain/documents/naming';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { docsApi } from '../../gas/docsApi';
import { driveFiles, type DriveFile } from '../../gas/driveFiles';
import { classifyApiError } from '../../gas/googleApiErrors';
import type { DriveSpace } from './driveSpace';
import { ensureSessionFolder, templateIdFor } from './driveSpace';
import type { JobRecord } from './jobStore';
import { liveByStage } from './eligibility';
import { readRegister, registeredValues } from './register';
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

/** « 30/11/2026 10:12:00 » (as the register notes it) → 2026-11-30. */
function isoOfNoted(text: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(text);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : '';
}

/** What an avenant amends: the stage's convention, as it was filled. */
function conventionOf(ctx: Context, stageId: string): AmendedConvention | null {
  const conv = liveByStage(readRegister(ctx), 'convention').get(stageId);
  if (!conv) return null;
  return {
    fields: registeredValues(ctx, conv.row),
    name: conv.name,
    generatedOn: isoOfNoted(conv.createdOn),
  };
}

export function fillDocument(
  ctx: Context,
  src: Sources,
  s: StageSource,
  job: JobRecord,
  space: DriveSpace,
  deadline: number,
): FillResult {
  const session = sessionOf(src, s.stage.sessionId);
  if (!session) return { ok: false, reason: 'session introuvable' };
  const input = inputFor(src, s, job.kind === 'avenant' ? conventionOf(ctx, s.stage.id) : null);
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
  let file: DriveFile;
  try {
    file = drive.copyFile(templateId, name, folder, {
      sdsJob: job.id,
      sdsStage: s.stage.id,
      sdsKind: job.kind,
      // Copies inherit the template's properties: a copy is not a template.
      sdsTemplate: '',
    });
  } catch (e) {
    if (classifyApiError(e) === 'notFound')
      throw new UserError(
        `Le modèle « ${TEMPLATE_NAMES[template]} » est introuvable (mis à la corbeille ?) : ` +
          'recréez-le depuis Documents › Modèles de documents.',
      );
    throw e;
  }
  try {
    docsApi(retry).replaceAll(file.id, values);
  } catch (e) {
    try {
      drive.trashFile(file.id);
    } catch {
      // Unregistered: found by its properties and binned if its claim dies (runDocumentsChunk).
    }
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
