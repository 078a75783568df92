/**
 * « Mes stages › Enregistrer une visite »: two clicks, the date defaulting to today, the type
 * (visite / appel / visio) and the comment seed 004 requires. The teacher is the signed-in one.
 */
import type { MyVisitInput, MyVisitOutcome } from '../../api/contract';
import { formatFr } from '../../domain/dates';
import { isVisitType, validateVisitComment } from '../../domain/followUp/myStages';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import { isVisitDone, validateVisit } from '../../domain/visits';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { stageSubject } from '../../sheets/journalText';
import { VISITS } from '../../sheets/schema';
import { references } from '../references';
import { loadStage, unwrap } from '../stageStore';
import { appendUndoable } from '../undoable';
import { currentTeacher, followedView, type VisitRec } from './shared';

export function recordMyVisit(ctx: Context, input: MyVisitInput): MyVisitOutcome {
  const comment = unwrap(validateVisitComment(input?.comment));
  const type = typed(input?.type) || 'visite';
  if (!isVisitType(type)) throw new UserError('Choisissez : visite, appel ou visio.', 'type');
  return ctx.withLock(() => {
    const me = currentTeacher(ctx);
    const loaded = loadStage(ctx, typed(input?.stageId), { row: input?.row });
    const typedDate = typed(input?.date).trim();
    const valid = unwrap(
      validateVisit(
        { date: typedDate === '' ? formatFr(ctx.today()) : typedDate, staffId: me.id, comment },
        loaded.stage.start,
        new Set(references(ctx).staff.map((s) => s.id)),
      ),
    );
    const t = ctx.table(VISITS);
    const earlier = t.readRowsWhere('stageId', (v) => v === loaded.stage.id).map((r) => r.values);
    const record: Partial<VisitRec> = {
      id: ctx.newId('VIS'),
      stageId: loaded.stage.id,
      student: str(loaded.rec.student),
      date: valid.date,
      staff: references(ctx).labels.staff(me.id),
      comment: valid.comment,
      type,
      staffId: me.id,
    };
    // Everything the answer needs is read before the first write: once the journal line is
    // written, no read may fail the action.
    const done = isVisitDone(valid.date, ctx.today());
    const rec = { ...loaded.rec, visits: (Number(loaded.rec.visits) || 0) + (done ? 1 : 0) };
    const followed = followedView(ctx, loaded.row, rec, [...earlier, record as VisitRec], me.id);
    appendUndoable(ctx, t, [record]);
    ctx.journal({
      action: 'Enregistrer une visite',
      target: stageSubject(loaded.rec),
      before: null,
      after: {
        id: record.id,
        date: valid.date,
        type,
        enseignant: record.staff,
        commentaire: valid.comment,
      },
    });
    return { visitId: str(record.id), followed };
  });
}
