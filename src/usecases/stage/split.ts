/**
 * "Scinder le stage…": a stop (or a plain cut) and a new stage in one action; the absences of the
 * second part's days follow it.
 */
import type { SplitInput, StageView } from '../../api/contract';
import { carriedFollower } from '../../domain/followUp/myStages';
import { describePeriod } from '../../domain/periods';
import { keepInSession } from '../../domain/stages/sessionPeriods';
import { splitStage } from '../../domain/stages/transitions';
import type { Session } from '../../domain/types';
import type { Context } from '../../gas/context';
import { changedKeys, type Rec, str } from '../../sheets/records';
import { stageSubject } from '../../sheets/journalText';
import { STAGES, type StageKey } from '../../sheets/schema';
import { checkHostLimit } from '../durations';
import { staffNames } from '../followUp/shared';
import { hasNoAbsence, markFresh, moveAbsences } from '../presenceColumns';
import { references } from '../references';
import {
  checkFingerprint,
  insertStagesAfter,
  labelsWith,
  loadStageWithOthers,
  pick,
  recordFor,
  stageView,
  unwrap,
} from '../stageStore';
import { checkReferenceIds, hintOf, knownHours, text } from './shared';

export function split(ctx: Context, input: SplitInput): StageView[] {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const { loaded, others: loadedOthers } = loadStageWithOthers(
      ctx,
      text(input.stageId),
      hintOf(input),
    );
    checkFingerprint(loaded, text(input.fingerprint));
    const keep = input.keepAssignment === true;
    const ids = keep
      ? {
          companyId: loaded.stage.companyId,
          tutorId: loaded.stage.tutorId,
          referentId: loaded.stage.referentId,
        }
      : {
          companyId: text(input.companyId),
          tutorId: text(input.tutorId),
          referentId: text(input.referentId),
        };
    if (!keep) checkReferenceIds(refs, ids);
    // The session as the reference lists have it (cached); a session missing from them only
    // lends its title, and its periods are not judged.
    const session: Session = refs.sessions.find((s) => s.id === loaded.stage.sessionId) ?? {
      id: loaded.stage.sessionId,
      title: str(loaded.rec.session),
      type: '',
      schoolYear: '',
      diploma: '',
      editionLabel: '',
      objectives: '',
      periods: [],
    };
    const others = loadedOthers.map((l) => l.stage);
    const [first, second] = unwrap(
      splitStage(
        loaded.stage,
        session,
        others,
        {
          ...ids,
          splitDate: text(input.splitDate),
          firstPartEnd: text(input.firstPartEnd),
          // Never guessed: a missing or unknown nature is refused on its field.
          mode: text(input.mode),
          reason: text(input.reason),
          keepAssignment: keep,
        },
        { newId: ctx.newId('STG'), tutors: refs.tutors, sessions: [session] },
      ),
    );
    // Each part keeps inside a period of the session (a stage typed across two periods may be
    // split at the gap between them).
    unwrap(
      keepInSession(first, session, 'firstPartEnd', {
        what: `La première partie (${describePeriod(first)})`,
      }),
    );
    unwrap(
      keepInSession(second, session, 'splitDate', {
        what: `La seconde partie (${describePeriod(second)})`,
      }),
    );
    // A stage without absence gives none to its second part: no Absences sheet to read.
    if (hasNoAbsence(ctx, first.id)) markFresh(ctx, second.id);
    checkHostLimit(ctx, [first, second], others, knownHours(loadedOthers));
    const labels = labelsWith(refs, [loaded.rec]);
    const firstRec = recordFor(ctx, first, labels);
    const keys = changedKeys<StageKey>(loaded.rec, firstRec);
    const patch = pick(firstRec, keys);
    const t = ctx.table(STAGES);
    // Ways back, in case the action fails before its journal line: the first part's cells as
    // they were, the absences with their stage, the second row gone (insertStagesAfter).
    ctx.onRollback(() => t.writeRow(loaded.row, pick(loaded.rec, keys)));
    moveAbsences(ctx, first.id, second.id, second.start);
    // The second part keeps the first's teacher: it is the same student's same follow-up.
    const follower = carriedFollower(
      {
        followerId: str(loaded.rec.followerId),
        follower: str(loaded.rec.follower),
        stoppedOn: loaded.stage.stoppedOn,
      },
      'split',
      staffNames(ctx),
    );
    // The second part right under the first: one insert, one write of both rows.
    const row2 = insertStagesAfter(
      ctx,
      loaded.row,
      [second],
      labels,
      new Map([[loaded.row, patch]]),
      follower ?? {},
    );
    const secondRec = { ...recordFor(ctx, second, labels), ...follower };
    ctx.journal({
      action: 'Scinder le stage',
      target: stageSubject(loaded.rec),
      before: pick(loaded.rec, keys),
      after: { premier: pick(patch, keys), second: secondRec },
    });
    const today = ctx.today();
    return [
      stageView(loaded.row, { ...loaded.rec, ...patch, phase: '' } as Rec<StageKey>, today),
      stageView(row2, { ...secondRec, visits: 0, phase: '' } as Rec<StageKey>, today),
    ];
  });
}
