/**
 * Long batches on the emulator's quotas and virtual time: a chunk killed by Apps Script's
 * 6-minute limit, 500 conventions in three lanes, Google's daily cap on a personal account.
 * Whatever stops a chunk, every stage ends with exactly one convention.
 */
import { describe, expect, it } from 'vitest';
import { runLanes } from 'gas-emulator/bundle';
import type { ApiResult, DocumentJobView } from '../../../src/api/contract';
import { TEMPLATE_KINDS } from '../../../src/domain/documents/kinds';
import { SCHOOL } from '../../fixtures/documentsSeed';
import { bulkWorkbook, type BulkHarness } from '../harness';
import { ok, request } from './documentsHarness';

function ready(stages: number, options: Parameters<typeof bulkWorkbook>[2]): BulkHarness {
  const h = bulkWorkbook(stages, undefined, options, true);
  const settings = h.call('apiGetSettings') as Record<string, unknown>;
  ok(
    h.call('apiSaveSettings', {
      ...settings,
      ...SCHOOL,
      googleAccount: options?.account ?? 'workspace',
    }),
  );
  ok(h.call('apiCreateTemplates'));
  return h;
}

/** Live conventions per stage: exactly one each is the promise. */
function conventionsPerStage(h: BulkHarness): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of h.em.drive.all()) {
    if (f.trashed || f.appProperties?.sdsKind !== 'convention') continue;
    const id = f.appProperties.sdsStage ?? '';
    m.set(id, (m.get(id) ?? 0) + 1);
  }
  return m;
}

function linkedStages(h: BulkHarness): number {
  const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  const col = header.indexOf('Convention') + 1;
  return sheet
    .getRange(2, col, sheet.getLastRow() - 1, 1)
    .getValues()
    .filter((r) => String(r[0]).startsWith('https://')).length;
}

/** Three lanes calling chunks until the batch is no longer running, as the sidebar does. */
function runBatch(h: BulkHarness, jobId: string) {
  return runLanes(h.bundle, 3, (_lane, previous) => {
    const r = previous?.result as ApiResult<DocumentJobView> | undefined;
    if (r && r.ok && r.value.state !== 'running') return null;
    if (previous?.error) return null;
    return { name: 'apiRunDocumentsChunk', args: [jobId] };
  });
}

describe('long batches', () => {
  it('500 conventions complete across executions in three lanes, none missing, none twice', () => {
    const h = ready(500, { account: 'workspace', latency: true });
    const started = h.em.clock.nowMs();
    const job = ok<DocumentJobView>(
      h.call('apiStartDocuments', request('convention', { sessionId: 'SES-BULK' })),
    );
    expect(job.total).toBe(500);
    const runs = runBatch(h, job.id);
    expect(runs.every((r) => !r.error)).toBe(true);
    const counts = conventionsPerStage(h);
    expect(counts.size).toBe(500);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(linkedStages(h)).toBe(500);
    // Several executions, each within Apps Script's 6 minutes.
    expect(runs.length).toBeGreaterThan(3);
    expect(Math.max(...runs.map((r) => r.endMs - r.startMs))).toBeLessThan(360_000);
    expect(h.em.clock.nowMs()).toBeGreaterThan(started);
    // 500 Google Docs emulated: about 40 s alone, more on a busy 2-core machine.
  }, 300_000);

  it('a chunk killed by the time limit: the next one bins its copies and completes', () => {
    const h = ready(12, { account: 'workspace', latency: true });
    const job = ok<DocumentJobView>(
      h.call('apiStartDocuments', request('convention', { sessionId: 'SES-BULK' })),
    );
    // A slow day: this execution is killed after 12 s, in the middle of its documents.
    h.em.execution.limitMs = 12_000;
    expect(() => h.call('apiRunDocumentsChunk', job.id)).toThrow(/Exceeded maximum execution time/);
    h.em.execution.limitMs = 360_000;
    const orphans = () =>
      h.em.drive.all().filter((f) => !f.trashed && f.appProperties?.sdsKind === 'convention')
        .length;
    expect(orphans()).toBeGreaterThan(0);
    expect(linkedStages(h)).toBe(0);
    // The sidebar calls again later; the dead chunk's claim has expired by then.
    h.em.setNow(new Date(h.em.clock.nowMs() + 8 * 60_000));
    let view = job;
    for (let i = 0; i < 20 && view.state === 'running'; i++)
      view = ok<DocumentJobView>(h.call('apiRunDocumentsChunk', job.id));
    expect(view).toMatchObject({ state: 'done', done: 12 });
    const counts = conventionsPerStage(h);
    expect(counts.size).toBe(12);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(linkedStages(h)).toBe(12);
  });

  it('stops cleanly at the daily cap of a personal account and resumes the next day', () => {
    const h = ready(20, {
      account: 'consumer',
      quotas: { docsCreatedPerDay: TEMPLATE_KINDS.length + 10 },
    });
    // The templates already count today: 10 conventions are left.
    const job = ok<DocumentJobView>(
      h.call('apiStartDocuments', request('convention', { sessionId: 'SES-BULK' })),
    );
    let view = job;
    for (let i = 0; i < 20 && view.state === 'running'; i++)
      view = ok<DocumentJobView>(h.call('apiRunDocumentsChunk', job.id));
    expect(view.state).toBe('quota');
    expect(view.done).toBe(10);
    h.em.setNow(new Date(h.em.clock.nowMs() + 24 * 3600_000));
    for (let i = 0; i < 20 && view.state !== 'done'; i++)
      view = ok<DocumentJobView>(h.call('apiRunDocumentsChunk', job.id));
    expect(view).toMatchObject({ state: 'done', done: 20 });
    expect([...conventionsPerStage(h).values()].every((n) => n === 1)).toBe(true);
  });
});
