/**
 * Google's quotas on the calls a script makes, judged in the emulator's virtual time. The figures
 * and their sources are in the README ("Quotas, latency and the 6-minute limit"):
 * - Docs API: 60 write requests and 300 read requests per minute per user (Docs API "Usage
 *   limits" page); a `batchUpdate` is one write request whatever it holds, `create` is a write;
 * - Drive API: 12,000 queries per minute per user (Drive API "Usage limits"), generous;
 * - documents created per day: 250 (consumer accounts) / 1,500 (Google Workspace), the Apps
 *   Script quota table's "Documents created" row, counted here for every Google Doc a script
 *   makes (DocumentApp.create, Docs create, Drive copy or HTML import). Whether Google counts
 *   Drive API copies against that row is not documented: the emulator assumes it does, so a
 *   design that survives it survives the real service.
 *
 * Per-minute quotas are a sliding window of 60 s over the accepted calls' timestamps (a call
 * refused with a 429 does not consume quota); the daily one resets 24 hours after the first
 * counted creation, as the Apps Script quota page says.
 */

export type Account = 'consumer' | 'workspace';

export interface QuotaLimits {
  docsWritesPerMinute: number;
  docsReadsPerMinute: number;
  driveCallsPerMinute: number;
  docsCreatedPerDay: number;
}

export function defaultLimits(account: Account): QuotaLimits {
  return {
    docsWritesPerMinute: 60,
    docsReadsPerMinute: 300,
    driveCallsPerMinute: 12_000,
    docsCreatedPerDay: account === 'workspace' ? 1_500 : 250,
  };
}

/** A made-up Cloud project number, as the 429 messages name the consumer project. */
export const PROJECT_NUMBER = '1041939846257';

/** "Docs.Documents.batchUpdate" → "docs.documents.batchUpdate", as advanced services name calls. */
export function apiMethodName(key: string): string {
  const [service = '', collection = '', method = ''] = key.split('.');
  return `${service.toLowerCase()}.${collection.toLowerCase()}.${method}`;
}

/**
 * An advanced service's error: Apps Script throws a GoogleJsonResponseException whose message is
 * "API call to <service>.<collection>.<method> failed with error: <the API's message>".
 */
export class GoogleJsonResponseException extends Error {
  constructor(
    method: string,
    message: string,
    readonly details: { code: number; message: string },
  ) {
    super(`API call to ${method} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
  }
}

export function apiError(
  method: string,
  code: number,
  message: string,
): GoogleJsonResponseException {
  return new GoogleJsonResponseException(method, message, { code, message });
}

/** Apps Script's own message when the "Documents created" quota is spent. */
export const DAILY_DOCS_CREATE = 'Service invoked too many times for one day: docs create.';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Metric = 'docsWrite' | 'docsRead' | 'drive';

function metricOf(key: string): Metric | null {
  if (/^Docs\.Documents\.(batchUpdate|create)$/.test(key)) return 'docsWrite';
  if (/^Docs\.Documents\.get$/.test(key)) return 'docsRead';
  if (/^Drive\.Files\./.test(key)) return 'drive';
  return null;
}

export interface QuotaSnapshot {
  calls: Record<Metric, number[]>;
  day: { startMs: number; count: number } | null;
}

export class QuotaTracker {
  private calls: Record<Metric, number[]> = { docsWrite: [], docsRead: [], drive: [] };
  private day: { startMs: number; count: number } | null = null;

  constructor(
    private readonly now: () => number,
    public limits: QuotaLimits,
    public enabled = true,
  ) {}

  /** Calls made in the minute before `at` (sliding window). */
  used(metric: Metric, at = this.now()): number {
    return this.calls[metric].filter((t) => t > at - MINUTE && t <= at).length;
  }

  /** Judge one call of `key` now: throws the service's 429 or records it. */
  check(key: string): void {
    const metric = metricOf(key);
    if (!metric || !this.enabled) return;
    const at = this.now();
    // Forget what no window can see any more (lanes may go back in time by less than a minute).
    this.calls[metric] = this.calls[metric].filter((t) => t > at - 10 * MINUTE);
    const used = this.used(metric, at);
    const method = apiMethodName(key);
    if (metric === 'docsWrite' && used >= this.limits.docsWritesPerMinute)
      throw apiError(method, 429, rateMessage('Write requests', 'docs.googleapis.com'));
    if (metric === 'docsRead' && used >= this.limits.docsReadsPerMinute)
      throw apiError(method, 429, rateMessage('Read requests', 'docs.googleapis.com'));
    if (metric === 'drive' && used >= this.limits.driveCallsPerMinute)
      throw apiError(method, 403, 'User rate limit exceeded.');
    this.calls[metric].push(at);
  }

  /** One more Google Doc created today: throws Apps Script's daily-quota error past the cap. */
  docCreated(): void {
    if (!this.enabled) return;
    const at = this.now();
    if (!this.day || at >= this.day.startMs + DAY) this.day = { startMs: at, count: 0 };
    if (this.day.count >= this.limits.docsCreatedPerDay) throw new Error(DAILY_DOCS_CREATE);
    this.day.count += 1;
  }

  /** Documents created in the current 24-hour window. */
  docsCreatedToday(): number {
    const at = this.now();
    return this.day && at < this.day.startMs + DAY ? this.day.count : 0;
  }

  snapshot(): QuotaSnapshot {
    return { calls: structuredClone(this.calls), day: this.day ? { ...this.day } : null };
  }

  restore(s: QuotaSnapshot | undefined): void {
    this.calls = s ? structuredClone(s.calls) : { docsWrite: [], docsRead: [], drive: [] };
    this.day = s?.day ? { ...s.day } : null;
  }
}

/** The text of a per-minute quota 429, as Google's APIs word it. */
function rateMessage(metric: string, service: string): string {
  return (
    `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' ` +
    `of service '${service}' for consumer 'project_number:${PROJECT_NUMBER}'.`
  );
}
