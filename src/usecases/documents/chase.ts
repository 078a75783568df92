/**
 * « Conventions à relancer »: for a session (or every one), the conventions sent and not back
 * after N days and the stages starting within M days without a complete convention, each with a
 * prepared e-mail to the tutor (the student when the tutor has no address); and the blank
 * conventions still to regularise. Nothing is written.
 */
import type { ChaseItem, ChaseList } from '../../api/contract';
import { DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import { chaseReason, reminderMailto } from '../../domain/documents/reminders';
import { isLiveStatus } from '../../domain/documents/signatures';
import { typed } from '../../domain/text';
import type { IsoDate } from '../../domain/types';
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { DOCUMENTS, STAGES } from '../../sheets/schema';
import { references } from '../references';
import { chaseDays } from './chaseSettings';
import { documentView, lifeOf, type DocRec } from './life';

export function conventionsToChase(ctx: Context, sessionId: unknown): ChaseList {
  const session = typed(sessionId);
  const { afterDays, withinDays } = chaseDays(ctx);
  const today = ctx.today();
  const refs = references(ctx);
  const label = DOCUMENT_KIND_LABELS.convention;
  const docs = ctx.table(DOCUMENTS).readAll();
  const conventions = new Map<string, { row: number; rec: DocRec }>();
  const blanks = [];
  for (const d of docs) {
    const status = str(d.values.status) || 'Générée';
    if (!isLiveStatus(status)) continue;
    if (str(d.values.kind) === label && str(d.values.stageId))
      conventions.set(str(d.values.stageId), { row: d.row, rec: d.values });
    else if (
      str(d.values.kind) === DOCUMENT_KIND_LABELS.vierge &&
      !str(d.values.stageId) &&
      (!session || !str(d.values.sessionId) || str(d.values.sessionId) === session)
    )
      blanks.push(documentView(d.row, d.values));
  }
  const tutors = new Map(refs.tutors.map((t) => [t.id, t]));
  const students = new Map(refs.students.map((s) => [s.id, s]));
  const sender = refs.staff.find(
    (s) => s.email && s.email.toLowerCase() === ctx.user().toLowerCase(),
  );
  const senderName = sender ? refs.labels.staff(sender.id) : ctx.user();
  const school = ctx.settings().schoolName;
  const items: ChaseItem[] = [];
  for (const { values: r } of ctx.table(STAGES).readAll()) {
    const id = str(r.id);
    if (!id || (session && str(r.sessionId) !== session)) continue;
    const conv = conventions.get(id) ?? null;
    const life = conv ? lifeOf(conv.rec) : null;
    const reason = chaseReason(
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
    if (!reason) continue;
    const tutor = tutors.get(str(r.tutorId));
    const student = students.get(str(r.studentId));
    const toTutor = !!tutor?.email;
    const facts = {
      to: toTutor ? tutor.email : (student?.email ?? ''),
      toName: toTutor ? str(r.tutor) : '',
      student: str(r.student),
      company: str(r.company),
      start: str(r.start) as IsoDate,
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
      reason,
      document: conv ? documentView(conv.row, conv.rec) : null,
      mailto: reminderMailto(facts),
      addressee: toTutor
        ? `le tuteur (${str(r.tutor)})`
        : student?.email
          ? `l’élève (${str(r.student)})`
          : '',
    });
  }
  return { items, afterDays, withinDays, blanks };
}
