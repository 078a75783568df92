/**
 * One chunk of a batch, as the sidebar calls it again and again (several lanes at once): claim
 * a few stages under the lock, make their documents without it (each: one Drive copy and one
 * Docs batchUpdate), then, under the lock again, register them and write their links in one
 * go, with one journal line. Never a second document for a stage:
 * - a stage is claimed by one lane at a time;
 * - a document counts as made only once registered, in the same locked step as its link;
 * - a copy whose filling failed goes to the bin at once; the copies of an execution that died
 *   (its claim outlived any execution) are found by their private properties and put in the bin
 *   before their stages are claimed again.
 */
import type { DocumentJobView } from '../../api/contract';
import {
  chunkSize,
  DEFAULT_DOCUMENT_MS,
  DOCS_WRITES_PER_MINUTE,
} from '../../domain/documents/chunks';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { driveFiles } from '../../gas/driveFiles';
import { classifyApiError } from '../../gas/googleApiErrors';
import { capReached, dailyCap, madeToday } from './dailyCount';
import { binQuietly, driveSpace } from './driveSpace';
import {
  abandonedClaims,
  freshJob,
  jobStageIds,
  liveClaims,
  saveJob,
  type JobRecord,
} from './jobStore';
import { jobView } from './jobView';
import { fillDocument, type MadeDocument } from './fillDocument';
import { commitDocuments, type Committed } from './commitDocuments';
import { readRegister, type RegisteredDocument } from './register';
import { liveByStage } from './eligibility';
import { isFrozen } from '../../domain/documents/signatures';
import { loadSources } from './sources';

/**
 * Work time of one chunk: short enough for the progress bar to move and far from the 6-minute
 * limit, long enough that the lock, the reads and the commit stay a small share of it.
 */
export const CHUNK_BUDGET_MS = 60_000;
/** How many lanes the sidebar runs; a chunk claims its share of what is left, no more. */
export const LANES = 3;

interface Claimed {
  job: JobRecord;
  token: string;
  ids: string[];
  /** The register as read under the lock when claiming. */
  register: RegisteredDocument[];
}

export function runDocumentsChunk(ctx: Context, jobId: string): DocumentJobView {
  const deadline = Date.now() + CHUNK_BUDGET_MS;
  const claimed = ctx.withLock(() => claim(ctx, String(jobId)));
  // The other lanes claim and commit meanwhile.
  ctx.releaseLock();
  const { job, token, register } = claimed;
  if (!token) return jobView(ctx, job, register);
  // Sent for signature since the batch started: a signed paper is never replaced.
  const frozen = new Set(
    job.regenerate
      ? [...liveByStage(register, job.kind).values()]
          .filter((d) => isFrozen(d.status))
          .map((d) => d.stageId)
      : [],
  );

  const src = loadSources(ctx);
  const space = driveSpace(ctx);
  const made: MadeDocument[] = [];
  const failures: JobRecord['failures'] = {};
  let paused = false;
  const cap = dailyCap(ctx);
  const before = madeToday(ctx);
  for (const id of claimed.ids) {
    if (Date.now() > deadline) break;
    if (before + made.length >= cap) {
      paused = true;
      break;
    }
    const s = src.byId.get(id);
    if (!s) {
      failures[id] = { label: id, reason: 'stage introuvable (ligne supprimée ?)' };
      continue;
    }
    if (frozen.has(id)) {
      failures[id] = {
        label: s.label,
        reason: 'envoyé pour signature depuis le lancement : faites un avenant',
      };
      continue;
    }
    try {
      const r = fillDocument(ctx, src, s, job, space, register, deadline);
      if (r.ok) made.push(r.made);
      else failures[id] = { label: s.label, reason: r.reason };
    } catch (e) {
      const failure = classifyApiError(e);
      if (failure === 'dailyCap') {
        paused = true;
        break;
      }
      // A rate limit that outlasted the chunk's time, or the time itself: the next chunk goes on.
      if (failure === 'rateLimit' || failure === 'timeLimit' || e instanceof UserError) {
        if (e instanceof UserError) failures[id] = { label: s.label, reason: e.message };
        break;
      }
      // Anything else: what is made is kept (registered below), the error is reported after.
      return finish(ctx, job, token, made, failures, paused, e);
    }
  }
  return finish(ctx, job, token, made, failures, paused, null);
}

function finish(
  ctx: Context,
  job: JobRecord,
  token: string,
  made: MadeDocument[],
  failures: JobRecord['failures'],
  paused: boolean,
  error: unknown,
): DocumentJobView {
  let committed: Committed;
  try {
    committed = ctx.withLock(() => commitDocuments(ctx, job.id, token, made, failures, paused));
  } catch (e) {
    // Registered and linked before the failure (after the journal line): kept.
    if (ctx.outcome() !== 'nothing' && ctx.outcome() !== 'view') throw e;
    // Not registered, not linked: their copies would be duplicates of the next try (one that
    // stays is found by its properties when its claim expires: binOrphans).
    for (const m of made) binQuietly(m.fileId);
    throw e;
  }
  const view = jobView(ctx, committed.job, committed.register, committed.updated);
  // Unlinked now: the old files go to the bin (one that will not stays unlinked, never lost).
  for (const id of committed.replacedFiles) binQuietly(id);
  if (error) throw error;
  return view;
}

function claim(ctx: Context, jobId: string): Claimed {
  const job = freshJob(ctx);
  if (!job || job.id !== jobId) throw new UserError('Ce lot de documents n’existe plus.');
  if (job.state !== 'running') {
    // A batch paused by the daily cap goes on once the day changed.
    if (job.state !== 'quota' || capReached(ctx))
      return { job, token: '', ids: [], register: readRegister(ctx) };
    job.state = 'running';
  }
  const register = readRegister(ctx);
  const done = new Set(register.filter((d) => d.job === job.id).map((d) => d.stageId));
  const now = Date.now();
  const abandoned = abandonedClaims(job, now);
  for (const [t] of abandoned) delete job.claims[t];
  // Their stages are nobody's now (this step holds the lock): their copies can go.
  if (abandoned.length > 0) binOrphans(job, register, new Set(abandoned.flatMap(([, c]) => c.ids)));
  const busy = new Set(liveClaims(job, now).flatMap((c) => c.ids));
  const remaining = jobStageIds(ctx, job).filter(
    (id) => !done.has(id) && !job.failures[id] && !busy.has(id),
  );
  if (remaining.length === 0) {
    if (busy.size === 0) job.state = 'done';
    saveJob(ctx, job);
    return { job, token: '', ids: [], register };
  }
  const n = chunkSize({
    remaining: remaining.length,
    parallelChunks: LANES,
    budgetMs: CHUNK_BUDGET_MS,
    perDocumentMs: job.pdf ? 2 * DEFAULT_DOCUMENT_MS : DEFAULT_DOCUMENT_MS,
    writesPerMinute: DOCS_WRITES_PER_MINUTE,
    leftToday: Math.max(0, dailyCap(ctx) - madeToday(ctx, true)),
  });
  const token = ctx.newId('PART');
  const ids = remaining.slice(0, Math.max(1, n));
  job.claims[token] = { ids, at: now };
  saveJob(ctx, job);
  return { job, token, ids, register };
}

/**
 * The copies a dead execution made for its stages and never registered: to the bin (one list
 * call, then one call per orphan).
 */
function binOrphans(
  job: JobRecord,
  register: readonly RegisteredDocument[],
  stageIds: ReadonlySet<string>,
): void {
  const registered = new Set(register.map((d) => d.fileId));
  const drive = driveFiles();
  for (const f of drive.listByAppProperty('sdsJob', job.id)) {
    if (!registered.has(f.id) && stageIds.has(f.appProperties.sdsStage ?? ''))
      drive.trashFile(f.id);
  }
}
