/** "Enlever l'arrêt": the stop goes; the end before it may come back. */
import type { RemoveStopInput, StageView } from '../../api/contract';
import { describePeriod as describe } from '../../domain/periods';
import { keepInSession } from '../../domain/stages/sessionPeriods';
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
    ({ stage }, refs, others) => {
      const after = unwrap(
        removeStop(
          stage,
          { restoreOriginalEnd: restore },
          (others ?? []).map((l) => l.stage),
        ),
      );
      // The initial end may lie beyond the session's periods as they are now.
      if (restore) {
        const session = refs.sessions.find((s) => s.id === after.sessionId);
        unwrap(
          keepInSession(after, session, 'restoreOriginalEnd', {
            what: `Avec sa fin initiale, le stage (${describe(after)})`,
            advice: 'enlevez l’arrêt sans rétablir la fin initiale, ou modifiez d’abord la session',
          }),
        );
      }
      return after;
    },
    // The other stages matter only to restore the initial end (it must not overlap them).
    { withOthers: restore },
  );
}
