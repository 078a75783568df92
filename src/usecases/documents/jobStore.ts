/**
 * The cursor of a document batch, kept in the document's properties so that any execution (the
 * next chunk, another lane of the same sidebar, a sidebar opened again after being closed) finds
 * where the batch stands. Read afresh under the document lock: lanes change it concurrently.
 *
 * A property value holds at most 9 kB: the list of a selection's stages is kept in parts.
 */
import type { BatchKind, DocumentJobState } from '../../api/contract';
import { isBatchKind } from '../../api/contract';
import type { Context } from '../../gas/context';

const JOB_KEY = 'sds.docJob';
const IDS_KEY = 'sds.docJob.ids.';
/** IDs per property part: 150 IDs of ~41 characters stay well under 9 kB. */
const IDS_PER_PART = 150;

/** A lane's claim on some stages: no other lane makes their documents meanwhile. */
export interface Claim {
  ids: string[];
  /** When it was made (ms since epoch): a claim older than an execution can live was abandoned. */
  at: number;
}

export interface JobRecord {
  id: string;
  kind: BatchKind;
  /** The session the batch was asked for, or "" for rows selected (its stages are in parts). */
  sessionId: string;
  regenerate: boolean;
  pdf: boolean;
  total: number;
  by: string;
  startedAt: string;
  state: DocumentJobState;
  claims: Record<string, Claim>;
  /** Stages that could not be made, with the label and reason shown. */
  failures: Record<string, { label: string; reason: string }>;
  /** How many parts hold the selection's IDs. */
  idParts: number;
}

/** An execution that outlives this is dead: Apps Script stops any after 6 minutes. */
export const CLAIM_LIFETIME_MS = 7 * 60_000;

function parseJob(raw: string | null): JobRecord | null {
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object') return null;
  const j = v as Partial<JobRecord>;
  if (typeof j.id !== 'string' || !isBatchKind(j.kind)) return null;
  const state: DocumentJobState =
    j.state === 'done' || j.state === 'cancelled' || j.state === 'quota' ? j.state : 'running';
  return {
    id: j.id,
    kind: j.kind,
    sessionId: typeof j.sessionId === 'string' ? j.sessionId : '',
    regenerate: j.regenerate === true,
    pdf: j.pdf === true,
    total: typeof j.total === 'number' ? j.total : 0,
    by: typeof j.by === 'string' ? j.by : '',
    startedAt: typeof j.startedAt === 'string' ? j.startedAt : '',
    state,
    claims: j.claims && typeof j.claims === 'object' ? j.claims : {},
    failures: j.failures && typeof j.failures === 'object' ? j.failures : {},
    idParts: typeof j.idParts === 'number' ? j.idParts : 0,
  };
}

/** The batch as the properties read at the start of the execution (no extra call). */
export function knownJob(ctx: Context): JobRecord | null {
  return parseJob(ctx.properties()[JOB_KEY] ?? null);
}

/** The batch as it is now (one call): under the lock, before claiming or committing. */
export function freshJob(ctx: Context): JobRecord | null {
  return parseJob(ctx.freshProperty(JOB_KEY));
}

/** The selected stages of a batch started on a selection. */
export function jobStageIds(ctx: Context, job: JobRecord): string[] {
  const props = ctx.properties();
  const ids: string[] = [];
  for (let i = 0; i < job.idParts; i++) {
    try {
      const part = JSON.parse(props[IDS_KEY + String(i)] ?? '[]') as unknown;
      if (Array.isArray(part)) for (const id of part) if (typeof id === 'string') ids.push(id);
    } catch {
      // A damaged part: those stages are not in the batch any more.
    }
  }
  return ids;
}

/** Save a new batch with its selection (one call), dropping the parts of an older one. */
export function saveNewJob(ctx: Context, job: JobRecord, stageIds: readonly string[]): void {
  const values: Record<string, string | null> = {};
  const parts = Math.ceil(stageIds.length / IDS_PER_PART);
  for (let i = 0; i < parts; i++) {
    values[IDS_KEY + String(i)] = JSON.stringify(
      stageIds.slice(i * IDS_PER_PART, (i + 1) * IDS_PER_PART),
    );
  }
  const old = ctx.properties();
  for (const key of Object.keys(old)) {
    if (key.startsWith(IDS_KEY) && Number(key.slice(IDS_KEY.length)) >= parts) values[key] = null;
  }
  values[JOB_KEY] = JSON.stringify({ ...job, idParts: parts });
  ctx.setProperties(values);
}

export function saveJob(ctx: Context, job: JobRecord): void {
  ctx.setProperty(JOB_KEY, JSON.stringify(job));
}

/**
 * Saves `job` as part of a locked step, before its journal line: `before` (the record as it was
 * read) is put back should that line fail.
 */
export function saveJobInStep(ctx: Context, job: JobRecord, before: string): void {
  ctx.noteWrite();
  ctx.onRollback(() => ctx.setProperty(JOB_KEY, before));
  saveJob(ctx, job);
}

/** Claims still alive at `now` (the others were left by executions that died). */
export function liveClaims(job: JobRecord, now: number): Claim[] {
  return Object.values(job.claims).filter((c) => now - c.at < CLAIM_LIFETIME_MS);
}

export function abandonedClaims(job: JobRecord, now: number): [string, Claim][] {
  return Object.entries(job.claims).filter(([, c]) => now - c.at >= CLAIM_LIFETIME_MS);
}
