/**
 * What a Drive or Docs call's failure means for the caller, decided in one place from the
 * message Apps Script gives (advanced services throw "API call to … failed with error: …";
 * Apps Script's own limits have their own sentences):
 * - `rateLimit`: a per-minute quota answered 429 ("Quota exceeded for quota metric …", "Rate
 *   limit exceeded"): wait and try again, the request was refused, not half done;
 * - `dailyCap`: "Service invoked too many times for one day: …": nothing helps before tomorrow;
 * - `notFound`: the file does not exist, is deleted, or this add-on may not see it (drive.file);
 * - `timeLimit`: the execution reached Apps Script's 6 minutes (seen only when the runtime lets
 *   a script catch it; the next execution resumes).
 * Anything else is not an ApiFailure and is rethrown as it came.
 */

export type ApiFailureKind = 'rateLimit' | 'dailyCap' | 'notFound' | 'timeLimit';

export class ApiFailure extends Error {
  constructor(
    readonly kind: ApiFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  /** Worth trying again later in the same job (a rate limit, or the next execution). */
  get retryable(): boolean {
    return this.kind === 'rateLimit' || this.kind === 'timeLimit';
  }
}

const PATTERNS: [ApiFailureKind, RegExp][] = [
  ['timeLimit', /Exceeded maximum execution time|Durée d'exécution autorisée dépassée/i],
  ['dailyCap', /too many times for one day/i],
  [
    'rateLimit',
    /Quota exceeded for quota metric|rate limit exceeded|rateLimitExceeded|too many times in a short time|Too Many Requests/i,
  ],
  [
    'notFound',
    /File not found|Requested entity was not found|Document is missing|The caller does not have permission/i,
  ],
];

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : '';
}

export function classifyApiError(e: unknown): ApiFailureKind | null {
  if (e instanceof ApiFailure) return e.kind;
  const message = messageOf(e);
  for (const [kind, re] of PATTERNS) if (re.test(message)) return kind;
  return null;
}

/** An ApiFailure for a classified error; the error itself otherwise. */
export function toApiFailure(e: unknown): unknown {
  if (e instanceof ApiFailure) return e;
  const kind = classifyApiError(e);
  return kind ? new ApiFailure(kind, messageOf(e)) : e;
}

export interface RetryPolicy {
  /** Epoch ms: no wait may end after it (the caller's time budget for this execution). */
  deadlineMs: number;
  /** The clock (default Date.now, which is the script's clock in Apps Script). */
  now?: () => number;
  /** First wait (default 1 s), doubled at each retry up to `maxDelayMs` (default 32 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** In [0, 1): the jitter (default Math.random). */
  random?: () => number;
}

/** Up to this much random jitter is added to each wait, as Google's back-off algorithm says. */
const JITTER_MS = 1000;

/**
 * Run `call`; on a rate limit, wait (Utilities.sleep) and run it again: truncated exponential
 * back-off with jitter, the algorithm of the Docs and Drive APIs' "Usage limits" pages
 * (1 s + r, 2 s + r, 4 s + r… capped). Gives up with the ApiFailure when the next wait would
 * end after the deadline. Other classified failures are thrown as ApiFailure at once, the rest
 * as they came. Without a policy, nothing is retried.
 */
export function withBackoff<T>(call: () => T, policy?: RetryPolicy): T {
  const now = policy?.now ?? (() => Date.now());
  const random = policy?.random ?? Math.random;
  const base = policy?.baseDelayMs ?? 1000;
  const max = policy?.maxDelayMs ?? 32_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return call();
    } catch (e) {
      const failure = toApiFailure(e);
      if (!(failure instanceof ApiFailure) || failure.kind !== 'rateLimit' || !policy)
        throw failure;
      const delay = Math.min(max, base * 2 ** attempt) + Math.floor(random() * JITTER_MS);
      if (now() + delay > policy.deadlineMs) throw failure;
      Utilities.sleep(delay);
    }
  }
}
