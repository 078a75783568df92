/**
 * « Refaire aussi les attributions existantes »: the preview's « * » says which stages change
 * teacher. A stage the redo gives back to the teacher who already follows it is no news — marked
 * new, the referent would check a change that is none.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult, FollowUpInput, FollowUpPreview } from '../../src/api/contract';
import { seededWorkbook } from './harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('« Répartir le suivi… » redone from scratch', () => {
  it('marks new only the stages whose teacher changes', () => {
    const h = seededWorkbook();
    const bruel = h.ids.staff['M. BRUEL Patrick']!;
    const input: FollowUpInput = {
      sessionId: h.ids.sessionId,
      teacherIds: [bruel],
      keepExisting: true,
      cap: '',
    };
    const first = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input));
    ok(h.call('apiApplyFollowUp', { ...input, digest: first.digest }));
    // The same single teacher, every assignment redone: each stage goes back to him.
    const redo = ok(
      h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', { ...input, keepExisting: false }),
    );
    expect(redo.changes).toBe(0);
    const stages = redo.teachers.flatMap((t) => t.stages);
    expect(stages).toHaveLength(10);
    expect(stages.filter((s) => !s.kept).map((s) => s.student)).toEqual([]);
  });
});
