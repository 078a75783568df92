/** "Réaffecter…": another company, tutor or referent for one stage. */
import type { ReassignInput, StageView } from '../../api/contract';
import { reassignStage } from '../../domain/stages/transitions';
import type { Context } from '../../gas/context';
import { checkHostLimit } from '../durations';
import { mutateStage, unwrap } from '../stageStore';
import { checkReferenceIds, hintOf, knownHours, text } from './shared';

export function reassign(ctx: Context, input: ReassignInput): StageView {
  return mutateStage(
    ctx,
    {
      stageId: text(input.stageId),
      fingerprint: text(input.fingerprint),
      action: 'Réaffecter le stage',
      hint: hintOf(input),
    },
    (loaded, refs, loadedOthers) => {
      const stage = loaded.stage;
      const ids = {
        companyId: text(input.companyId),
        tutorId: text(input.tutorId),
        referentId: text(input.referentId),
      };
      checkReferenceIds(refs, ids);
      const after = unwrap(reassignStage(stage, ids, refs.tutors));
      if (after.companyId !== stage.companyId && after.companyId !== '') {
        const others = loadedOthers ?? [];
        checkHostLimit(
          ctx,
          [after],
          others.map((l) => l.stage),
          knownHours([loaded, ...others]),
        );
      }
      return after;
    },
    // Read with the stage in the same reads, for the hours with one host.
    { withOthers: true },
  );
}
