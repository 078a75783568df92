/** "Arrêter le stage…": the stage ends on its stop day, with a reason. */
import type { StageView, StopInput } from '../../api/contract';
import { formatFr } from '../../domain/dates';
import { keepInSession } from '../../domain/stages/sessionPeriods';
import { stopStage } from '../../domain/stages/transitions';
import type { Context } from '../../gas/context';
import { mutateStage, unwrap } from '../stageStore';
import { hintOf, text } from './shared';

export function stop(ctx: Context, input: StopInput): StageView {
  return mutateStage(
    ctx,
    {
      stageId: text(input.stageId),
      fingerprint: text(input.fingerprint),
      action: 'Arrêter le stage',
      hint: hintOf(input),
    },
    ({ stage }, refs) => {
      const after = unwrap(
        stopStage(stage, { stoppedOn: text(input.stoppedOn), reason: text(input.reason) }),
      );
      const session = refs.sessions.find((s) => s.id === after.sessionId);
      unwrap(
        keepInSession(after, session, 'stoppedOn', {
          what: `Le stage arrêté le ${formatFr(after.stoppedOn)}`,
          advice: 'choisissez une date d’arrêt dans la session',
        }),
      );
      return after;
    },
  );
}
