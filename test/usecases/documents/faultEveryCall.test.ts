/**
 * A fault injected at each service call of a batch's chunk, one run per call. Whatever fails,
 * the sheets stay consistent (a link in Stages only with its row in Documents, and the other way
 * round), and the batch, called again, ends with exactly one convention per stage, linked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, DocumentJobView } from '../../../src/api/contract';
import type { Harness } from '../harness';
import { ok, readyWorkbook, request, stopAndNewStage } from './documentsHarness';

type Snapshot = ReturnType<Harness['em']['snapshot']>;

function links(h: Harness): string[] {
  return h
    .stageRows()
    .map((r) => r['Convention']!)
    .filter((u) => u !== '')
    .sort();
}

function liveRegistered(h: Harness): string[] {
  const [header = [], ...rows] = h.display('Documents');
  const link = header.indexOf('Document');
  const status = header.indexOf('Statut');
  return rows
    .filter((r) => r[0] !== '' && r[status] !== 'Remplacée')
    .map((r) => r[link]!)
    .sort();
}

function liveConventions(h: Harness): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of h.em.drive.all()) {
    if (f.trashed || f.appProperties?.sdsKind !== 'convention') continue;
    const s = f.appProperties.sdsStage ?? '';
    m.set(s, (m.get(s) ?? 0) + 1);
  }
  return m;
}

/** Today's count of documents made (the daily cap's), as the add-on keeps it. */
function countedToday(h: Harness): number {
  const raw = h.em.globals.PropertiesService.getDocumentProperties().getProperty('sds.docsMade');
  const all = JSON.parse(raw ?? '{}') as Record<string, { n: number }>;
  return Object.values(all).reduce((n, c) => n + c.n, 0);
}

describe('a fault at every call of a chunk', () => {
  let h: Harness;
  let start: Snapshot;
  let jobId: string;
  let stages: string[];
  /** Documents counted before the batch (the templates). */
  let base: number;

  beforeAll(() => {
    h = readyWorkbook();
    stages = [...stopAndNewStage(h), h.ids.stages['ACNA Camille']!];
    jobId = ok<DocumentJobView>(
      h.call('apiStartDocuments', request('convention', { stageIds: stages })),
    ).id;
    start = h.em.snapshot();
    base = countedToday(h);
  });

  it('leaves the sheets consistent, and the batch completes with one convention per stage', () => {
    h.em.restore(start);
    h.em.log.reset();
    const clean = h.call<ApiResult<DocumentJobView>>('apiRunDocumentsChunk', jobId);
    expect(clean.ok).toBe(true);
    const calls = Object.entries(h.em.log.snapshot()).flatMap(([key, n]) =>
      Array.from({ length: n }, (_, i) => [key, i + 1] as const),
    );
    expect(calls.length).toBeGreaterThan(20);
    let refused = 0;
    for (const [key, nth] of calls) {
      const at = `fault at ${key}#${nth}`;
      h.em.restore(start);
      h.em.log.reset();
      h.em.log.failOn(key, nth, new Error('Service error: Drive'));
      const r = h.call<ApiResult<DocumentJobView>>('apiRunDocumentsChunk', jobId);
      if (!r.ok) {
        refused += 1;
        // A French message: the reference of an unexpected error, or the busy lock's.
        expect(r.error, at).toMatch(/^(Erreur inattendue \(réf\. [0-9A-F]{6}\)|Quelqu’un d’autre)/);
      }
      expect(links(h), at).toEqual(liveRegistered(h));
      // Counted with the step or not at all: the daily count is what was registered.
      expect(countedToday(h) - base, at).toBe(liveRegistered(h).length);
      // The sidebar calls again (later: a claim the fault left behind has expired by then).
      h.em.setNow(new Date(h.em.clock.nowMs() + 8 * 60_000));
      let view: DocumentJobView | null = null;
      for (let i = 0; i < 10 && view?.state !== 'done'; i++)
        view = ok<DocumentJobView>(h.call('apiRunDocumentsChunk', jobId));
      expect(view?.state, at).toBe('done');
      const per = liveConventions(h);
      expect(
        stages.map((s) => per.get(s) ?? 0),
        at,
      ).toEqual([1, 1, 1]);
      expect(links(h), at).toHaveLength(3);
      expect(countedToday(h) - base, at).toBe(3);
      expect(links(h), at).toEqual(liveRegistered(h));
    }
    expect(refused).toBeGreaterThan(0);
    // One chunk and its rerun per call of the chunk: about 20 s alone.
  }, 300_000);
});
