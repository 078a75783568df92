/** The line the sidebar shows after a one-off document: French agreement included. */
import { describe, expect, it } from 'vitest';
import type { ApiResult, MadeFileView } from '../../../src/api/contract';
import { readyWorkbook } from './documentsHarness';

describe('one-off documents: what the sidebar says', () => {
  it('« Convention vierge créée », « Accord préalable créé »', () => {
    const h = readyWorkbook();
    const blank = h.call<ApiResult<MadeFileView>>('apiBlankConvention', h.ids.sessionId);
    expect(blank.ok && blank.message).toMatch(/^Convention vierge créée : « .+ »\.$/);
    const accord = h.call<ApiResult<MadeFileView>>('apiGenerateAccord', h.ids.sessionId);
    expect(accord.ok && accord.message).toMatch(/^Accord préalable créé : « .+ »\.$/);
  });
});
