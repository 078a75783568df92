/**
 * « Compte rendu »: a visit's report, a Google Doc copied from the « Compte rendu de visite »
 * template into the session's folder and filled by one Docs batchUpdate, when the session asks
 * for them. Registered in « Documents », linked from the visit's row (« Compte rendu ») and
 * journalled together; a second click gives the same document, never a second one.
 *
 * The Drive work runs outside the lock (it is slow); the registration takes it and reads the
 * visit again: should someone have made its report meanwhile, ours goes to the bin and theirs is
 * given. A copy that is not registered never stays in Drive.
 */
import type { VisitReportView } from '../../api/contract';
import { TEMPLATE_NAMES, DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import { documentFields } from '../../domain/documents/fields';
import { missingFor } from '../../domain/documents/missing';
import { documentName } from '../../domain/documents/naming';
import { isVisitType } from '../../domain/followUp/myStages';
import { visitReportRefusal } from '../../domain/followUp/visitReport';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { docsApi } from '../../gas/docsApi';
import { driveFiles, type DriveFile } from '../../gas/driveFiles';
import type { Rec } from '../../gas/sheetTable';
import { stageSubject } from '../../sheets/journalText';
import { str } from '../../sheets/records';
import { DOCUMENTS, VISITS } from '../../sheets/schema';
import { appendUndoable, writeRowUndoable } from '../undoable';
import { countInStep, readCounts } from '../documents/dailyCount';
import {
  binQuietly,
  copyTemplate,
  driveSpace,
  ensureSessionFolder,
  templateIdFor,
} from '../documents/driveSpace';
import { isLive, newRegisterRecord, readRegister, STATUS_REPLACED } from '../documents/register';
import { inputFor, loadSources, noInputReason, sessionOf } from '../documents/sources';

type VisitKey = (typeof VISITS.columns)[number]['key'];

const LABEL = DOCUMENT_KIND_LABELS.compteRendu;

/** The Drive ID in a document's link ('' when the text is not one). */
export function fileIdOf(link: string): string {
  return /\/d\/([A-Za-z0-9_-]+)/.exec(link)?.[1] ?? '';
}

/** The visit's row and what it reads; refused when the visit is gone. */
function visitRow(ctx: Context, visitId: string): { row: number; rec: Rec<VisitKey> } {
  const t = ctx.table(VISITS);
  const row = visitId === '' ? 0 : t.findRow(visitId);
  if (row === 0) {
    throw new UserError(
      'Cette visite est introuvable : elle a peut-être été supprimée. Rechargez la liste.',
      undefined,
      true,
    );
  }
  return { row, rec: t.readRow(row) };
}

/** The report a link points to, when that file is still there (one call). */
function liveReport(link: string): DriveFile | null {
  const id = fileIdOf(link);
  if (id === '') return null;
  const f = driveFiles().getFile(id);
  return f && !f.trashed ? f : null;
}

export function visitReport(ctx: Context, input: { visitId: string }): VisitReportView {
  const visitId = typed(input?.visitId);
  const { rec: visit } = visitRow(ctx, visitId);
  const stageId = str(visit.stageId);
  const known = str(visit.report);
  if (known !== '') {
    const live = liveReport(known);
    if (live) return { stageId, visitId, name: live.name, url: known, created: false };
  }
  const src = loadSources(ctx);
  const s = src.byId.get(stageId);
  if (!s) throw new UserError('Le stage de cette visite est introuvable.', undefined, true);
  const session = sessionOf(src, s.stage.sessionId);
  if (!session) throw new UserError('La session de ce stage est introuvable.');
  if (session.visitReports !== true) {
    throw new UserError(
      `La session « ${session.title} » ne prévoit pas de compte rendu de visite : mettez « oui » ` +
        'dans sa colonne « Compte rendu de visite » (feuille Sessions).',
    );
  }
  const date = str(visit.date);
  const refusal = visitReportRefusal(date, src.today);
  if (refusal) throw new UserError(refusal);
  const base = inputFor(src, s);
  if (!base)
    throw new UserError(`Le compte rendu ne peut pas être fait : ${noInputReason(src, s)}.`);
  const missing = missingFor('compteRendu', base);
  if (missing.length > 0)
    throw new UserError(`Le compte rendu ne peut pas être fait : ${missing.join(', ')}.`);
  const type = str(visit.type);
  const values = documentFields({
    ...base,
    visit: {
      date,
      type: isVisitType(type) ? type : 'visite',
      teacher: src.refs.staff.find((x) => x.id === str(visit.staffId)) ?? null,
      teacherName: str(visit.staff),
      comment: str(visit.comment),
    },
  });
  const space = driveSpace(ctx);
  const template = templateIdFor(space, 'compteRendu', session.id, TEMPLATE_NAMES.compteRendu);
  const folder = ensureSessionFolder(ctx, space, session);
  const name = documentName('compteRendu', {
    sessionTitle: session.title,
    studentLabel: s.label,
    companyName: base.company?.name ?? '',
    visitDate: date,
  });
  let file: DriveFile | null = null;
  let committed = false;
  try {
    file = copyTemplate(template, TEMPLATE_NAMES.compteRendu, name, folder, {
      sdsKind: 'compteRendu',
      sdsStage: stageId,
      sdsSession: session.id,
      sdsVisit: visitId,
    });
    const made = file;
    docsApi().replaceAll(made.id, values);
    const view = ctx.withLock((): VisitReportView => {
      // Read again under the lock: the visit may have moved, gone, or got its report meanwhile.
      const now = visitRow(ctx, visitId);
      const theirs = str(now.rec.report);
      if (theirs !== '' && theirs !== known) {
        const live = liveReport(theirs);
        if (live) return { stageId, visitId, name: live.name, url: theirs, created: false };
      }
      const counts = readCounts(ctx);
      const old = readRegister(ctx).filter(
        (d) => d.kind === LABEL && known !== '' && d.link === known && isLive(d),
      );
      const docs = ctx.table(DOCUMENTS);
      appendUndoable(ctx, docs, [
        newRegisterRecord(ctx, {
          stageId,
          student: str(s.rec.student),
          session: session.title,
          sessionId: session.id,
          kind: LABEL,
          link: made.url,
          name,
          fileId: made.id,
          job: '',
          values,
        }),
      ]);
      for (const o of old)
        writeRowUndoable(ctx, docs, o.row, { status: STATUS_REPLACED }, { status: o.status });
      writeRowUndoable(
        ctx,
        ctx.table(VISITS),
        now.row,
        { report: made.url },
        { report: now.rec.report },
      );
      countInStep(ctx, counts, 1);
      ctx.journal({
        action: `Générer : ${LABEL.toLowerCase()}`,
        target: stageSubject(s.rec),
        before: known !== '' ? { remplacé: known } : {},
        after: { créé: name, visite: date },
      });
      committed = true;
      return { stageId, visitId, name, url: made.url, created: true };
    });
    if (!view.created) binQuietly(made.id);
    return view;
  } catch (e) {
    if (!committed) binQuietly(file?.id);
    throw e;
  }
}
