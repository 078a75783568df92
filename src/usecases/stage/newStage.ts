/** "Assigner un nouveau stage…": another stage for the same student in the same session. */
import type { NewStageInput, StageView } from '../../api/contract';
import { UserError } from '../../domain/errors';
import { carriedFollower } from '../../domain/followUp/myStages';
import { parseSchedule } from '../../domain/schedule';
import { newStage } from '../../domain/stages/transitions';
import type { Result, Session } from '../../domain/types';
import type { Context } from '../../gas/context';
import { type Rec, str } from '../../sheets/records';
import { stageSubject } from '../../sheets/journalText';
import type { StageKey } from '../../sheets/schema';
import { checkHostLimit } from '../durations';
import { staffNames } from '../followUp/shared';
import { markFresh } from '../presenceColumns';
import { references, type References } from '../references';
import {
  insertStagesAfter,
  labelsWith,
  loadStageWithOthers,
  recordFor,
  stageView,
  unwrap,
} from '../stageStore';
import { checkReferenceIds, hintOf, knownHours, text } from './shared';

function withScheduleField<T>(r: Result<T>): Result<T> {
  return r.ok ? r : { ok: false, error: r.error, field: 'schedule' };
}

function sessionOf(refs: References, sessionId: string): Session {
  const session = refs.sessions.find((s) => s.id === sessionId);
  if (!session) {
    throw new UserError(
      'La session de ce stage est introuvable dans la feuille Sessions : vérifiez la colonne « ID session ».',
    );
  }
  return session;
}

export function assignNewStage(ctx: Context, input: NewStageInput): StageView {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const { loaded: from, others: fromOthers } = loadStageWithOthers(
      ctx,
      text(input.fromStageId),
      hintOf(input),
    );
    const ids = {
      companyId: text(input.companyId),
      tutorId: text(input.tutorId),
      referentId: text(input.referentId),
    };
    checkReferenceIds(refs, ids);
    const session = sessionOf(refs, from.stage.sessionId);
    const loadedOthers = [from, ...fromOthers];
    const others = loadedOthers.map((l) => l.stage);
    const created = unwrap(
      newStage(
        from.stage,
        session,
        others,
        {
          ...ids,
          start: text(input.start),
          end: text(input.end),
          weeklyHours: text(input.weeklyHours),
        },
        {
          newId: ctx.newId('STG'),
          tutors: refs.tutors,
          sessions: refs.sessions,
        },
      ),
    );
    const typedSchedule = text(input.schedule).trim();
    if (typedSchedule !== '') {
      created.schedule = unwrap(withScheduleField(parseSchedule(typedSchedule)));
    }
    markFresh(ctx, created.id);
    checkHostLimit(ctx, [created], others, knownHours(loadedOthers));
    const labels = labelsWith(refs, [from.rec]);
    // After the student's last stage of this session, so that their stages stay together.
    const after = Math.max(
      ...loadedOthers.filter((l) => l.stage.sessionId === created.sessionId).map((l) => l.row),
    );
    // After a stop, the new stage replaces the stopped one: its teacher goes on following.
    const follower = carriedFollower(
      {
        followerId: str(from.rec.followerId),
        follower: str(from.rec.follower),
        stoppedOn: from.stage.stoppedOn,
      },
      'afterStop',
      staffNames(ctx),
    );
    const row = insertStagesAfter(ctx, after, [created], labels, new Map(), follower ?? {});
    const rec = { ...recordFor(ctx, created, labels), ...follower };
    ctx.journal({
      action: 'Assigner un nouveau stage',
      target: stageSubject(rec),
      before: { depuis: from.stage.id },
      after: rec,
    });
    return stageView(row, { ...rec, visits: 0, phase: '' } as Rec<StageKey>, ctx.today());
  });
}
