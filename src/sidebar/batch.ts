/**
 * Drives a document batch from the sidebar: an editor add-on's triggers may fire at most hourly,
 * so the sidebar itself asks the server for one time-budgeted chunk after another until the job
 * is no longer running. Several lanes call at once: each chunk claims its own rows under the
 * document lock on the server, so parallel lanes reach Google's quota instead of the latency of
 * one call after another.
 *
 * No DOM here: the panel gives the server call and is told of each answer.
 */
import type { ApiResult, DocumentJobView } from '../api/contract';

/** Why the lanes stopped. */
export type BatchEnd =
  /** The server reported another state than 'running' (done, cancelled, quota). */
  | { kind: 'ended'; job: DocumentJobView }
  /** The server refused a chunk (a French message, nothing more done). */
  | { kind: 'refused'; error: string; job: DocumentJobView | null }
  /** A call failed (killed execution, network): resumable. */
  | { kind: 'failed'; error: string; job: DocumentJobView | null }
  /** `stop()` was called (« Annuler », or the panel gave up). */
  | { kind: 'stopped'; job: DocumentJobView | null };

export interface BatchOptions {
  /** How many chunks run at once (default 3). */
  lanes?: number;
  /** Each answer, in the order they come back (not necessarily the jobs' order). */
  onAnswer?(job: DocumentJobView): void;
  /**
   * Waits before a lane that made no progress asks again (only the last lane does: the others
   * retire). Injected so that tests run without time.
   */
  pause?(attempt: number): Promise<void>;
}

export interface BatchRun {
  /** Resolves once every lane has stopped. */
  done: Promise<BatchEnd>;
  /** Asks the lanes to stop after their call in flight. */
  stop(): void;
}

/** How much of the batch the server has gone through (documents made and failed). */
export function handled(job: DocumentJobView): number {
  return job.done + job.failed.length;
}

/**
 * Of two answers to the same job, the one that knows more: chunks answer out of order, and an
 * older answer must not move the bar backwards nor bring a failure list back to fewer lines.
 */
export function latest(a: DocumentJobView | null, b: DocumentJobView): DocumentJobView {
  if (!a || a.id !== b.id) return b;
  // A final state wins whatever the counts: the job is over.
  if (b.state !== 'running') return b;
  if (a.state !== 'running') return a;
  return handled(b) >= handled(a) ? b : a;
}

export function defaultPause(attempt: number): Promise<void> {
  const ms = Math.min(10_000, 1000 * 2 ** Math.min(attempt, 4));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function messageOf(e: unknown): string {
  return e instanceof Error && e.message ? e.message : String(e);
}

/**
 * Starts `lanes` loops each calling `chunk(jobId)` again while the job is running. The first
 * answer in another state, the first refusal or the first failed call stops every lane (their
 * calls in flight still come back and are reported, but no new one is sent).
 */
export function driveBatch(
  jobId: string,
  chunk: (jobId: string) => Promise<ApiResult<DocumentJobView>>,
  opts: BatchOptions = {},
): BatchRun {
  const lanes = Math.max(1, opts.lanes ?? 3);
  const pause = opts.pause ?? defaultPause;
  let end: BatchEnd | null = null;
  let best: DocumentJobView | null = null;
  let active = lanes;
  const finish = (e: BatchEnd): void => {
    end ??= e;
  };

  const lane = async (): Promise<void> => {
    let idle = 0;
    while (!end) {
      const before = best ? handled(best) : -1;
      let r: ApiResult<DocumentJobView>;
      try {
        r = await chunk(jobId);
      } catch (e) {
        finish({ kind: 'failed', error: messageOf(e), job: best });
        break;
      }
      if (!r.ok) {
        finish({ kind: 'refused', error: r.error, job: best });
        break;
      }
      best = latest(best, r.value);
      opts.onAnswer?.(r.value);
      if (r.value.state !== 'running') {
        finish({ kind: 'ended', job: r.value });
        break;
      }
      if (handled(r.value) > before) {
        idle = 0;
        continue;
      }
      // Nothing left for this lane to claim while others finish theirs: it retires, and the
      // last one waits a little before asking again (a killed execution's rows come back to
      // the batch once their claim is old).
      if (active > 1) break;
      await pause(idle);
      idle += 1;
    }
    active -= 1;
  };

  const runs = Array.from({ length: lanes }, () => lane());
  const done = Promise.all(runs).then((): BatchEnd => end ?? { kind: 'stopped', job: best });
  return {
    done,
    stop: () => finish({ kind: 'stopped', job: best }),
  };
}
