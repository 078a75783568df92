/**
 * The locked step that makes a chunk's documents count: registered, linked from their stages in
 * one write, the batch's cursor moved on, journalled in one line. Done together or not at all
 * (the ledger puts the sheets back when a call fails; the caller then bins the copies).
 */
import type { StageView } from '../../api/contract';
import { DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import type { Rec } from '../../gas/sheetTable';
import { str } from '../../sheets/records';
import { DOCUMENTS, STAGES, type StageKey } from '../../sheets/schema';
import { stageView } from '../stageStore';
import { appendUndoable, writeRowUndoable, writeRowsUndoable } from '../undoable';
import { countInStep, readCounts } from './dailyCount';
import { liveByStage } from './eligibility';
import type { MadeDocument } from './fillDocument';
import { freshJob, jobStageIds, saveJob, saveJobInStep, type JobRecord } from './jobStore';
import {
  newRegisterRecord,
  readRegister,
  STATUS_MADE,
  STATUS_REPLACED,
  type RegisteredDocument,
} from './register';
import { references } from '../references';
import { stageStatusLine } from './life';

export interface Committed {
  job: JobRecord;
  register: RegisteredDocument[];
  updated: StageView[];
  /** Files the new documents replace: to the bin once this step is done. */
  replacedFiles: string[];
}

export function commitDocuments(
  ctx: Context,
  jobId: string,
  token: string,
  made: readonly MadeDocument[],
  failures: JobRecord['failures'],
  paused: boolean,
): Committed {
  const job = freshJob(ctx);
  if (!job || job.id !== jobId)
    throw new UserError('Ce lot de documents a été remplacé par un autre.');
  const jobAsRead = JSON.stringify(job);
  delete job.claims[token];
  Object.assign(job.failures, failures);
  // Everything read before the first write: after the journal line, only writes remain.
  const counts = readCounts(ctx);
  const register = readRegister(ctx);
  const label = DOCUMENT_KIND_LABELS[job.kind];
  let updated: StageView[] = [];
  const replacedFiles: string[] = [];
  const replaced: string[] = [];
  const sessions = new Set<string>();
  if (made.length > 0) {
    const stages = ctx.table(STAGES);
    const ids = new Set(made.map((m) => m.stageId));
    const rows = stages.readRowsWhere('id', (v) => ids.has(v));
    const rowOf = new Map(rows.map((r) => [str(r.values.id), r]));
    const refs = references(ctx);
    const titleOf = (id: string) => refs.sessions.find((x) => x.id === id)?.title ?? '';
    for (const m of made) if (titleOf(m.sessionId)) sessions.add(titleOf(m.sessionId));
    const records = made.map((m) =>
      newRegisterRecord(ctx, {
        stageId: m.stageId,
        student: rowOf.get(m.stageId) ? str(rowOf.get(m.stageId)!.values.student) : '',
        session: titleOf(m.sessionId),
        sessionId: m.sessionId,
        kind: label,
        link: m.url,
        name: m.name,
        fileId: m.fileId,
        job: job.id,
        values: m.values,
      }),
    );
    const docs = ctx.table(DOCUMENTS);
    const old = job.regenerate
      ? liveByStage(register, job.kind)
      : new Map<string, RegisteredDocument>();
    const patches = new Map<number, Partial<Rec<StageKey>>>();
    const before = new Map<number, Partial<Rec<StageKey>>>();
    for (const m of made) {
      const r = rowOf.get(m.stageId);
      if (!r) continue;
      const patch: Partial<Rec<StageKey>> = {};
      if (job.kind === 'convention') {
        patch.convention = m.url;
        // A convention made again says what the stage says now: no avenant is due for it.
        if (str(r.values.amendment) !== '' && job.regenerate) patch.amendment = '';
      } else if (job.kind === 'avenant') {
        patch.amendment = 'Fait';
      }
      // « Suivi des documents » names the new document from the start (it is the last of its kind).
      const line = stageStatusLine([
        ...register.filter((d) => d.stageId === m.stageId),
        { kind: label, status: STATUS_MADE },
      ]);
      if (line !== str(r.values.docStatus)) patch.docStatus = line;
      if (Object.keys(patch).length === 0) continue;
      patches.set(r.row, patch);
      before.set(
        r.row,
        Object.fromEntries(Object.keys(patch).map((k) => [k, r.values[k as StageKey]])),
      );
    }
    appendUndoable(ctx, docs, records);
    writeRowsUndoable(ctx, stages, patches, (row) => before.get(row) ?? {});
    for (const m of made) {
      const o = old.get(m.stageId);
      if (!o || o.job === job.id) continue;
      writeRowUndoable(ctx, docs, o.row, { status: STATUS_REPLACED }, { status: o.status });
      replaced.push(o.name);
      if (o.fileId) replacedFiles.push(o.fileId);
    }
    const today = ctx.today();
    updated = rows.map((r) =>
      stageView(r.row, { ...r.values, ...(patches.get(r.row) ?? {}) } as Rec<StageKey>, today),
    );
    for (const [i, rec] of records.entries()) {
      register.push({
        row: 0,
        id: str(rec.id),
        stageId: made[i]!.stageId,
        sessionId: made[i]!.sessionId,
        kind: label,
        fileId: made[i]!.fileId,
        link: made[i]!.url,
        name: made[i]!.name,
        createdOn: str(rec.createdOn),
        job: job.id,
        status: STATUS_MADE,
      });
    }
  }
  const done = new Set(register.filter((d) => d.job === job.id).map((d) => d.stageId));
  const left = jobStageIds(ctx, job).filter((id) => !done.has(id) && !job.failures[id]);
  if (paused && job.state === 'running') job.state = 'quota';
  else if (left.length === 0 && Object.keys(job.claims).length === 0 && job.state === 'running')
    job.state = 'done';
  if (made.length === 0) {
    saveJob(ctx, job);
    return { job, register, updated, replacedFiles };
  }
  // The cursor and the count move with the documents: put back should the journal line fail.
  saveJobInStep(ctx, job, jobAsRead);
  // Google's daily cap counts Google Docs; the PDFs beside them are ordinary files.
  countInStep(ctx, counts, made.length);
  const count = `${made.length} document${made.length > 1 ? 's' : ''}`;
  ctx.journal({
    action: `Générer : ${label.toLowerCase()}`,
    // The session(s), as staff look a batch up in the Journal; the names are in « Après ».
    target: sessions.size > 0 ? `${[...sessions].join(', ')} (${count})` : count,
    before: replaced.length > 0 ? { remplacés: replaced } : {},
    after: { créés: made.map((m) => m.name) },
  });
  return { job, register, updated, replacedFiles };
}
