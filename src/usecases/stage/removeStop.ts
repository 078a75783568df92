/** "Enlever l'arrêt": the stop goes; the end before it may come back. */
import type { RemoveStopInput, StageView } from '../../api/contract';
import { removeStop } from '../../domain/stages/transitions';
import type { Context } from '../../gas/context';
import { mutateStage, unwrap } from '../stageStore';
import { hintOf, text } from './shared';

export function unstop(ctx: Context, input: RemoveStopInput): StageView {
  const restore = input.restoreOriginalEnd === true;
  return mutateStage(
    ctx,
    {
      stageId: text(input.stageId),
      fingerprint: text(input.fingerprint),
      action: "Enlever l'arrêt",
      hint: hintOf(input),
    },
    ({ stage }, _refs, others) =>
      unwrap(
        removeStop(
          stage,
          { restoreOriginalEnd: restore },
          (others ?? []).map((l) => l.stage),
        ),
      ),
    // The other stages matter only to restore the initial end (it must not overlap them).
    { withOthers: restore },
  );
}
