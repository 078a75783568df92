/**
 * The sidebar's batch driver (src/sidebar/batch.ts) against a fake server: chunks claim rows
 * under a "lock" as the server does, so the lanes' loop is tested for what it promises — every
 * lane stops on the first state other than 'running', on a refusal or a failed call, and
 * nothing is asked twice for the same rows.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult, DocumentJobState, DocumentJobView } from '../../src/api/contract';
import { driveBatch, handled, latest } from '../../src/sidebar/batch';

function view(over: Partial<DocumentJobView> = {}): DocumentJobView {
  return {
    id: 'job1',
    kind: 'convention',
    progress: '',
    total: 10,
    done: 0,
    failed: [],
    state: 'running',
    by: 'prof@lycee.example',
    startedAt: '30/11/2026 10:12',
    updated: [],
    ...over,
  };
}

/** Resolves on a later turn of the event loop, so that lanes really interleave. */
const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * A fake job of `total` stages, `per` stages per chunk. A chunk claims its rows at once (as the
 * server does under the document lock) and answers on a later turn.
 */
function fakeServer(total: number, per: number, opts: { quotaAt?: number; failOn?: number } = {}) {
  let next = 0;
  let done = 0;
  let calls = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let state: DocumentJobState = 'running';
  const made: number[] = [];
  const chunk = async (jobId: string): Promise<ApiResult<DocumentJobView>> => {
    expect(jobId).toBe('job1');
    calls += 1;
    const call = calls;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const claimed: number[] = [];
    if (state === 'running') {
      while (claimed.length < per && next < total) {
        if (opts.quotaAt !== undefined && next >= opts.quotaAt) {
          state = 'quota';
          break;
        }
        claimed.push(next++);
      }
    }
    await tick();
    await tick();
    inFlight -= 1;
    if (opts.failOn === call) throw new Error('Délai dépassé');
    made.push(...claimed);
    done += claimed.length;
    if (state === 'running' && done === total) state = 'done';
    return {
      ok: true,
      message: '',
      value: view({ total, done, state, progress: `${done} / ${total} conventions` }),
    };
  };
  return {
    chunk,
    made,
    calls: () => calls,
    maxInFlight: () => maxInFlight,
    cancel: () => (state = 'cancelled'),
  };
}

describe('driveBatch', () => {
  it('runs three chunks at once until the job is done, each stage made once', async () => {
    const server = fakeServer(100, 4);
    const seen: number[] = [];
    const run = driveBatch('job1', server.chunk, { onAnswer: (j) => seen.push(j.done) });
    const end = await run.done;
    expect(end.kind).toBe('ended');
    expect(end.job?.state).toBe('done');
    expect(end.job?.done).toBe(100);
    expect([...server.made].sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
    expect(server.maxInFlight()).toBe(3);
    // No call after the job was reported done, except those already in flight.
    expect(server.calls()).toBeLessThanOrEqual(Math.ceil(100 / 4) + 2);
    expect(seen.length).toBe(server.calls());
  });

  it('stops every lane on the daily quota, resumable', async () => {
    const server = fakeServer(100, 5, { quotaAt: 42 });
    const end = await driveBatch('job1', server.chunk).done;
    expect(end.kind).toBe('ended');
    expect(end.job?.state).toBe('quota');
    expect(server.made.length).toBe(42);
    const callsAtQuota = server.calls();
    // Nothing more was asked once every lane had seen the quota.
    await tick();
    expect(server.calls()).toBe(callsAtQuota);
  });

  it('stops every lane on a failed call, with the error and what was done', async () => {
    const server = fakeServer(100, 5, { failOn: 4 });
    const end = await driveBatch('job1', server.chunk).done;
    expect(end.kind).toBe('failed');
    if (end.kind !== 'failed') return;
    expect(end.error).toBe('Délai dépassé');
    expect(end.job?.state).toBe('running');
    expect(server.calls()).toBeLessThan(8);
  });

  it('stops on a refusal, with its French message', async () => {
    let calls = 0;
    const end = await driveBatch('job1', async () => {
      calls += 1;
      await tick();
      return { ok: false, error: 'Ce lot est terminé.' };
    }).done;
    expect(end).toEqual({ kind: 'refused', error: 'Ce lot est terminé.', job: null });
    expect(calls).toBe(3);
  });

  it('ends on « Annuler »: the lanes send nothing more, the cancelled state is reported', async () => {
    const server = fakeServer(1000, 2);
    let answers = 0;
    const run = driveBatch('job1', server.chunk, {
      onAnswer: () => {
        answers += 1;
        if (answers === 5) {
          run.stop();
          server.cancel();
        }
      },
    });
    const end = await run.done;
    expect(end.kind).toBe('stopped');
    expect(server.calls()).toBeLessThanOrEqual(7);
    expect(server.made.length).toBeLessThan(1000);
  });

  it('lanes with nothing left to claim retire; the last one waits before asking again', async () => {
    // Another sidebar holds the rows: the job stays running without progress for a while.
    let calls = 0;
    let pauses = 0;
    const run = driveBatch(
      'job1',
      async () => {
        calls += 1;
        await tick();
        const over = calls >= 8;
        return {
          ok: true,
          message: '',
          value: view({ done: 3, state: over ? 'done' : 'running' }),
        };
      },
      {
        pause: async () => {
          pauses += 1;
          await tick();
        },
      },
    );
    const end = await run.done;
    expect(end.job?.state).toBe('done');
    expect(calls).toBe(8);
    // Calls 1–3 made progress (from nothing to 3); after calls 4–6 made none, two lanes
    // retired and the last one paused before each of calls 7 and 8.
    expect(pauses).toBe(2);
  });
});

describe('latest', () => {
  it('keeps the answer that knows more, and a final state whatever the counts', () => {
    const a = view({ done: 5 });
    const b = view({ done: 3 });
    expect(latest(a, b)).toBe(a);
    expect(latest(b, a)).toBe(a);
    const cancelled = view({ done: 2, state: 'cancelled' });
    expect(latest(a, cancelled)).toBe(cancelled);
    expect(latest(cancelled, a)).toBe(cancelled);
    expect(latest(a, view({ id: 'job2' })).id).toBe('job2');
    expect(handled(view({ done: 2, failed: [{ stageId: 'x', label: 'x', reason: 'y' }] }))).toBe(3);
  });
});
