/** A batch as the sidebar shows it. */
import type { DocumentJobView, StageView } from '../../api/contract';
import { progressLabel } from '../../domain/documents/chunks';
import type { Context } from '../../gas/context';
import { type JobRecord, jobStageIds } from './jobStore';
import type { RegisteredDocument } from './register';

export function jobView(
  ctx: Context,
  job: JobRecord,
  register: readonly RegisteredDocument[],
  updated: StageView[] = [],
): DocumentJobView {
  const ids = new Set(jobStageIds(ctx, job));
  const done = new Set(
    register.filter((d) => d.job === job.id && ids.has(d.stageId)).map((d) => d.stageId),
  ).size;
  return {
    id: job.id,
    kind: job.kind,
    progress: progressLabel(done, job.total, job.kind),
    total: job.total,
    done,
    failed: Object.entries(job.failures).map(([stageId, f]) => ({ stageId, ...f })),
    state: job.state,
    by: job.by,
    startedAt: job.startedAt,
    updated,
  };
}
