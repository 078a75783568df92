/** "Enlever l'arrêt": the stop goes; the end before it may come back. */
import type { RemoveStopInput, StageView } from '../../api/contract';
import { removeStop } from '../../domain/stages/transitions';
import type { Context } from '../../gas/context';
import { mutateStage, stagesOfStudent, unwrap } from '../stageStore';
import { text } from './shared';

export function unstop(ctx: Context, input: RemoveStopInput): StageView {
  return mutateStage(
    ctx,
    {
      stageId: text(input.stageId),
      fingerprint: text(input.fingerprint),
      action: "Enlever l'arrêt",
    },
    ({ stage }) => {
      const others =
        input.restoreOriginalEnd === true
          ? stagesOfStudent(ctx, stage.studentId, stage.id).map((l) => l.stage)
          : [];
      return unwrap(
        removeStop(stage, { restoreOriginalEnd: input.restoreOriginalEnd === true }, others),
      );
    },
  );
}
