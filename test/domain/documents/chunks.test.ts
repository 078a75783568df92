import { describe, expect, it } from 'vitest';
import {
  chunkSize,
  DAILY_DOCUMENT_CAP,
  DOCS_WRITES_PER_MINUTE,
  estimateBatch,
  estimateLabel,
  progressLabel,
  type ChunkInput,
} from '../../../src/domain/documents/chunks';

const base: ChunkInput = {
  budgetMs: 4 * 60_000,
  perDocumentMs: 500,
  writesPerMinute: DOCS_WRITES_PER_MINUTE,
  remaining: 1000,
  leftToday: 1500,
};

describe('chunkSize', () => {
  it.each([
    ['bounded by the time budget', { perDocumentMs: 8000 }, 30],
    ['bounded by the write quota', {}, 240],
    ['the quota shared by parallel chunks', { parallelChunks: 3 }, 80],
    ['two writes per document', { writesPerDocument: 2 }, 120],
    ['bounded by what is left', { remaining: 7 }, 7],
    ['bounded by today’s cap', { leftToday: 12 }, 12],
    ['nothing left', { remaining: 0 }, 0],
    ['today’s cap reached', { leftToday: 0 }, 0],
    ['a budget too short for one still makes one', { budgetMs: 500 }, 1],
    ['no budget at all still makes one', { budgetMs: 0 }, 1],
    ['a negative count is nothing', { remaining: -3 }, 0],
  ] as [string, Partial<ChunkInput>, number][])('%s', (_what, over, n) => {
    expect(chunkSize({ ...base, ...over })).toBe(n);
  });
});

describe('estimateBatch', () => {
  it('500 conventions on Workspace: the write quota bounds them at 8.3 minutes', () => {
    const e = estimateBatch(500, 'workspace', { perDocumentMs: 2000, parallelChunks: 4 });
    expect(e).toMatchObject({ documents: 500, today: 500, stopsAtDailyCap: false, dailyCap: 1500 });
    expect(e.minutes).toBeCloseTo(500 / 60, 5);
  });

  it('35 conventions, one chunk at a time: the latency bounds them', () => {
    const e = estimateBatch(35, 'workspace', { perDocumentMs: 3000, parallelChunks: 1 });
    expect(e.minutes).toBeCloseTo(1.75, 5);
  });

  it('a personal account stops at 250 a day', () => {
    expect(estimateBatch(300, 'consumer')).toMatchObject({
      documents: 300,
      today: 250,
      stopsAtDailyCap: true,
      dailyCap: 250,
    });
    expect(estimateBatch(250, 'consumer').stopsAtDailyCap).toBe(false);
  });

  it('counts what was already created today', () => {
    expect(estimateBatch(100, 'consumer', { createdToday: 200 })).toMatchObject({
      today: 50,
      stopsAtDailyCap: true,
    });
    expect(estimateBatch(10, 'workspace', { createdToday: 1600 })).toMatchObject({
      today: 0,
      stopsAtDailyCap: true,
      minutes: 0,
    });
  });

  it('knows the caps', () => {
    expect(DAILY_DOCUMENT_CAP).toEqual({ consumer: 250, workspace: 1500 });
  });
});

describe('labels', () => {
  it.each([
    [37, 120, 'convention', '37 / 120 conventions'],
    [0, 1, 'convention', '0 / 1 convention'],
    [2, 3, 'accord', '2 / 3 accords préalables'],
    [1, 1, 'avenant', '1 / 1 avenant'],
    [5, 9, 'attestation', '5 / 9 attestations'],
    [0, 2, 'vierge', '0 / 2 conventions vierges'],
  ] as const)('%d of %d %s: %j', (done, total, kind, label) => {
    expect(progressLabel(done, total, kind)).toBe(label);
  });

  it('says how long a batch takes, and when the cap stops it', () => {
    expect(estimateLabel(estimateBatch(120, 'workspace'), 'convention')).toBe(
      '120 conventions : environ 2 minutes.',
    );
    expect(estimateLabel(estimateBatch(1, 'workspace'), 'avenant')).toBe(
      '1 avenant : environ 1 minute.',
    );
    expect(estimateLabel(estimateBatch(300, 'consumer'), 'convention')).toBe(
      '300 conventions : Google limite ce compte à 250 documents par jour ; 250 aujourd’hui'.replace(
        '’',
        "'",
      ) +
        " (environ 5 minutes), la génération s'arrêtera proprement et reprendra demain pour les 50 autres.",
    );
    expect(
      estimateLabel(estimateBatch(2000, 'workspace', { createdToday: 1500 }), 'convention'),
    ).toBe(
      "2 000 conventions : Google limite ce compte à 1 500 documents par jour, déjà atteint aujourd'hui ; la génération reprendra demain.",
    );
  });
});
