/**
 * Long batches and Google's quotas. A batch runs in chunks, each one execution that the sidebar
 * calls again until done (an add-on's time-based triggers fire at most hourly). A chunk claims
 * the documents it can finish: within its time budget, within the Docs API's per-minute write
 * quota (shared by the chunks running in parallel), and within the documents Google still lets
 * the account create today.
 */
import type { GoogleAccount } from '../types';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from './kinds';

/** Documents an account may create per day: 250 for a personal account, 1,500 on Workspace. */
export const DAILY_DOCUMENT_CAP: Readonly<Record<GoogleAccount, number>> = {
  consumer: 250,
  workspace: 1500,
};

/** Docs API write requests per minute per user (Google's default quota). */
export const DOCS_WRITES_PER_MINUTE = 60;

/**
 * A document's cost when nothing else limits: a Drive copy, one Docs batchUpdate and the row's
 * share of the batched link write (latencies of the order of a second each), in milliseconds.
 */
export const DEFAULT_DOCUMENT_MS = 2500;

/** Chunks the sidebar keeps in flight at once, each claiming its rows under the document lock. */
export const DEFAULT_PARALLEL_CHUNKS = 3;

export interface ChunkInput {
  /** Time this execution may spend generating, in milliseconds (what the 6 minutes leave). */
  budgetMs: number;
  /** Estimated cost of one document, in milliseconds. */
  perDocumentMs: number;
  /** The Docs write quota per minute (DOCS_WRITES_PER_MINUTE). */
  writesPerMinute: number;
  /** Docs write requests per document (1: one batchUpdate). */
  writesPerDocument?: number;
  /** Chunks running at the same time, which share the per-minute quota. */
  parallelChunks?: number;
  /** Documents still to do in the batch (not claimed by another chunk). */
  remaining: number;
  /** Documents the account may still create today. */
  leftToday: number;
}

/**
 * How many documents a chunk should claim. At least one when any may be made, so that a batch
 * always moves on (a document that did not fit is released by the next claim's cursor, never
 * lost); none when nothing is left or today's cap is reached.
 */
export function chunkSize(input: ChunkInput): number {
  const cap = Math.min(Math.floor(input.remaining), Math.floor(input.leftToday));
  if (!(cap > 0)) return 0;
  const perDoc = Math.max(1, input.perDocumentMs);
  const byTime = Math.floor(Math.max(0, input.budgetMs) / perDoc);
  const parallel = Math.max(1, Math.floor(input.parallelChunks ?? 1));
  const writes = Math.max(1, input.writesPerDocument ?? 1);
  const minutes = Math.max(0, input.budgetMs) / 60_000;
  const byQuota = Math.floor((input.writesPerMinute * minutes) / parallel / writes);
  return Math.max(1, Math.min(cap, byTime, byQuota));
}

export interface BatchEstimate {
  /** Documents the batch asks for. */
  documents: number;
  /** Of those, how many today's cap lets through. */
  today: number;
  /** True when the daily cap stops the batch before its end (the rest resumes the next day). */
  stopsAtDailyCap: boolean;
  /** Estimated minutes for the documents made today. */
  minutes: number;
  /** The account's daily cap. */
  dailyCap: number;
}

export interface EstimateOptions {
  /** Documents already created today (counted by the add-on); 0 when unknown. */
  createdToday?: number;
  perDocumentMs?: number;
  parallelChunks?: number;
}

/**
 * What a batch will take: bounded by the write quota (n / 60 minutes) and by the latency of
 * the chunks in parallel, whichever is slower; and whether today's cap stops it.
 */
export function estimateBatch(
  n: number,
  account: GoogleAccount,
  options: EstimateOptions = {},
): BatchEstimate {
  const documents = Math.max(0, Math.floor(n));
  const dailyCap = DAILY_DOCUMENT_CAP[account];
  const left = Math.max(0, dailyCap - Math.max(0, options.createdToday ?? 0));
  const today = Math.min(documents, left);
  const perDoc = options.perDocumentMs ?? DEFAULT_DOCUMENT_MS;
  const parallel = Math.max(1, options.parallelChunks ?? DEFAULT_PARALLEL_CHUNKS);
  const byQuota = today / DOCS_WRITES_PER_MINUTE;
  const byLatency = (today * perDoc) / parallel / 60_000;
  return {
    documents,
    today,
    stopsAtDailyCap: today < documents,
    minutes: Math.max(byQuota, byLatency),
    dailyCap,
  };
}

const PLURALS: Readonly<Record<DocumentKind, [string, string]>> = {
  convention: ['convention', 'conventions'],
  avenant: ['avenant', 'avenants'],
  attestation: ['attestation', 'attestations'],
  accord: ['accord préalable', 'accords préalables'],
  vierge: ['convention vierge', 'conventions vierges'],
  compteRendu: ['compte rendu de visite', 'comptes rendus de visite'],
};

/** "conventions", "accord préalable": the kind's noun for a count. */
export function kindNoun(kind: DocumentKind, count: number): string {
  const [one, many] = PLURALS[kind] ?? [DOCUMENT_KIND_LABELS[kind], DOCUMENT_KIND_LABELS[kind]];
  return count >= 2 ? many : one;
}

/** "37 / 120 conventions" (the progress bar's text). */
export function progressLabel(done: number, total: number, kind: DocumentKind): string {
  return `${done} / ${total} ${kindNoun(kind, total)}`;
}

/** 1500 → "1 500" (a narrow no-break space would not survive every font: a plain one). */
function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function aboutMinutes(m: number): string {
  const minutes = Math.max(1, Math.ceil(m));
  return `environ ${minutes} minute${minutes >= 2 ? 's' : ''}`;
}

/**
 * "120 conventions : environ 3 minutes." or, when today's cap stops the batch, how many go today
 * and that the rest resumes tomorrow.
 */
export function estimateLabel(e: BatchEstimate, kind: DocumentKind): string {
  const head = `${grouped(e.documents)} ${kindNoun(kind, e.documents)}`;
  if (!e.stopsAtDailyCap) return `${head} : ${aboutMinutes(e.minutes)}.`;
  const limit = `Google limite ce compte à ${grouped(e.dailyCap)} documents par jour`;
  const rest = grouped(e.documents - e.today);
  if (e.today === 0) {
    return `${head} : ${limit}, déjà atteint aujourd'hui ; la génération reprendra demain.`;
  }
  return (
    `${head} : ${limit} ; ${grouped(e.today)} aujourd'hui (${aboutMinutes(e.minutes)}), ` +
    `la génération s'arrêtera proprement et reprendra demain pour les ${rest} autres.`
  );
}
