/**
 * « Conventions à relancer »: for a session (or every one), the conventions sent and not back
 * after N days and the stages starting within M days without a complete convention, each with a
 * prepared e-mail to the tutor (the student when the tutor has no address); and the blank
 * conventions still to regularise, each with the stages that can take it (the picker « Stage à
 * rattacher »). Nothing is written.
 */
import type { ChaseItem, ChaseList, RegisterDocumentView, StageChoice } from '../../api/contract';
import {
  type BlankSession,
  blankRefusal,
  byStudentThenStart,
  isLiveConvention,
  stageChoiceLabel,
  type StageChoiceFacts,
  stageRefusal,
} from '../../domain/documents/regularisation';
import { chaseCause, reminderAddressee, reminderMailto } from '../../domain/documents/reminders';
import { typed } from '../../domain/text';
import type { IsoDate } from '../../domain/types';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { DOCUMENTS, STAGES } from '../../sheets/schema';
import { references, staffOfSignedInUser } from '../references';
import { chaseDays } from './chaseSettings';
import { documentView, lifeOf, registerFacts, type DocRec } from './life';

export function conventionsToChase(ctx: Context, sessionId: unknown): ChaseList {
  const session = typed(sessionId);
  const { afterDays, withinDays } = chaseDays(ctx);
  const today = ctx.today();
  const refs = references(ctx);
  const docs = ctx.table(DOCUMENTS).readAll();
  const conventions = new Map<string, { row: number; rec: DocRec }>();
  const blanks: { view: RegisterDocumentView; session: BlankSession }[] = [];
  for (const d of docs) {
    const facts = registerFacts(d.values);
    if (isLiveConvention(facts) && facts.stageId)
      conventions.set(facts.stageId, { row: d.row, rec: d.values });
    else if (
      blankRefusal(facts) === '' &&
      (!session || !str(d.values.sessionId) || str(d.values.sessionId) === session)
    )
      blanks.push({
        view: documentView(d.row, d.values),
        session: { sessionId: str(d.values.sessionId), session: str(d.values.session) },
      });
  }
  // The stages each blank can take, from the rows read anyway: the picker costs no call.
  const choices: (StageChoice & StageChoiceFacts & { blanks: number[] })[] = [];
  const tutors = new Map(refs.tutors.map((t) => [t.id, t]));
  const students = new Map(refs.students.map((s) => [s.id, s]));
  const [sender] = staffOfSignedInUser(ctx);
  const senderName = sender ? refs.labels.staff(sender.id) : ctx.user();
  const school = ctx.settings().schoolName;
  const items: ChaseItem[] = [];
  for (const { values: r } of ctx.table(STAGES).readAll()) {
    const id = str(r.id);
    if (!id) continue;
    if (blanks.length > 0) {
      const stage = {
        sessionId: str(r.sessionId),
        convention: str(r.convention),
        hasLiveConvention: conventions.has(id),
      };
      const takes = blanks.flatMap((b, i) => (stageRefusal(b.session, stage) === '' ? [i] : []));
      if (takes.length > 0) {
        const facts = {
          student: str(r.student),
          company: str(r.company),
          start: str(r.start) as IsoDate,
          end: str(r.end) as IsoDate,
        };
        choices.push({ stageId: id, label: stageChoiceLabel(facts), ...facts, blanks: takes });
      }
    }
    if (session && str(r.sessionId) !== session) continue;
    const conv = conventions.get(id) ?? null;
    const life = conv ? lifeOf(conv.rec) : null;
    const cause = chaseCause(
      {
        stageId: id,
        start: str(r.start) as IsoDate,
        stoppedOn: str(r.stoppedOn) as IsoDate,
        convention: life,
      },
      today,
      afterDays,
      withinDays,
    );
    if (!cause) continue;
    const tutor = tutors.get(str(r.tutorId));
    const student = students.get(str(r.studentId));
    const to = reminderAddressee(
      tutor ? { name: str(r.tutor), email: tutor.email ?? '' } : null,
      student
        ? { name: str(r.student), email: student.email ?? '', firstName: student.firstName }
        : null,
    );
    const facts = {
      to: to.to,
      toName: to.toName,
      toStudent: to.toStudent,
      student: str(r.student),
      company: str(r.company),
      start: str(r.start) as IsoDate,
      status: life?.status ?? '',
      sentOn: life?.sentOn ?? '',
      sender: senderName,
      school,
    };
    items.push({
      stageId: id,
      student: str(r.student),
      session: str(r.session),
      company: str(r.company),
      start: str(r.start) as IsoDate,
      reason: cause.reason,
      kind: cause.kind,
      document: conv ? documentView(conv.row, conv.rec) : null,
      mailto: reminderMailto(facts),
      addressee: to.addressee,
    });
  }
  choices.sort(byStudentThenStart);
  const candidates: Record<string, number[]> = {};
  for (const b of blanks) candidates[b.view.id] = [];
  choices.forEach((c, at) => {
    for (const i of c.blanks) candidates[blanks[i]!.view.id]!.push(at);
  });
  const stageChoices = choices.map(({ stageId, label }) => ({ stageId, label }));
  return {
    items,
    afterDays,
    withinDays,
    blanks: blanks.map((b) => b.view),
    stageChoices,
    candidates,
  };
}
