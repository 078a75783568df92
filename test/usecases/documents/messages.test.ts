/** The line the sidebar shows after a one-off document (French agreement included) or « Annuler ». */
import { describe, expect, it } from 'vitest';
import type { ApiResult, DocumentJobView, MadeFileView } from '../../../src/api/contract';
import { generate, ok, readyWorkbook, request } from './documentsHarness';

describe('one-off documents: what the sidebar says', () => {
  it('« Convention vierge créée », « Accord préalable créé »', () => {
    const h = readyWorkbook();
    const blank = h.call<ApiResult<MadeFileView>>('apiBlankConvention', h.ids.sessionId);
    expect(blank.ok && blank.message).toMatch(/^Convention vierge créée : « .+ »\.$/);
    const accord = h.call<ApiResult<MadeFileView>>('apiGenerateAccord', h.ids.sessionId);
    expect(accord.ok && accord.message).toMatch(/^Accord préalable créé : « .+ »\.$/);
  });
});

describe('« Annuler » a batch', () => {
  it('stops it before its next chunk; the documents made stay', () => {
    const h = readyWorkbook();
    const job = ok<DocumentJobView>(
      h.call('apiStartDocuments', request('convention', { sessionId: h.ids.sessionId })),
    );
    const r = h.call<ApiResult<DocumentJobView>>('apiCancelDocuments', job.id);
    expect(r.ok && r.value.state).toBe('cancelled');
    expect(r.ok && r.message).toMatch(/^Génération annulée : /);
    const after = ok<DocumentJobView>(h.call('apiRunDocumentsChunk', job.id));
    expect(after.state).toBe('cancelled');
    expect(h.stageRows().filter((s) => s['Convention'] !== '')).toEqual([]);
  });

  it('says it came too late when the batch had finished', () => {
    const h = readyWorkbook();
    const done = generate(h, request('convention', { sessionId: h.ids.sessionId }));
    expect(done.state).toBe('done');
    const r = h.call<ApiResult<DocumentJobView>>('apiCancelDocuments', done.id);
    expect(r.ok && r.value.state).toBe('done');
    expect(r.ok && r.message).toBe(
      'Trop tard pour annuler : le lot était déjà terminé, ses documents sont faits.',
    );
  });
});
