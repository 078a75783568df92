/**
 * "Initialiser le classeur": create or repair the sheets, then complete the stage rows typed by
 * hand (IDs, names turned into IDs, computed cells), all under one lock.
 */
import type { Context } from '../gas/context';
import { initialiseWorkbook, type SetupReport } from '../gas/setup';
import { repairStages } from './repairStages';

export interface PreparedWorkbook {
  report: SetupReport;
  stages: ReturnType<typeof repairStages>;
}

export function prepareWorkbook(ctx: Context): PreparedWorkbook {
  return ctx.withLock(() => {
    const report = initialiseWorkbook(ctx);
    return { report, stages: repairStages(ctx) };
  });
}
