/**
 * « Annuler » : no chunk claims anything more; the documents already made stay, linked (they
 * are valid documents), and the chunks under way finish what they hold.
 */
import type { DocumentJobView } from '../../api/contract';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { freshJob, saveJob } from './jobStore';
import { jobView } from './jobView';
import { readRegister } from './register';

export function cancelDocuments(ctx: Context, jobId: string): DocumentJobView {
  return ctx.withLock(() => {
    const job = freshJob(ctx);
    if (!job || job.id !== String(jobId)) throw new UserError('Ce lot de documents n’existe plus.');
    if (job.state === 'running' || job.state === 'quota') {
      job.state = 'cancelled';
      saveJob(ctx, job);
    }
    return jobView(ctx, job, readRegister(ctx));
  });
}
