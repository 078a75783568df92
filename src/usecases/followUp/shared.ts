/**
 * What the follow-up actions share: who the signed-in teacher is (their e-mail in Personnel),
 * and a followed stage as « Mes stages » shows it.
 */
import type { FollowedStageView, VisitView } from '../../api/contract';
import {
  expectedVisits,
  followStatus,
  isVisitType,
  tutorMailto,
} from '../../domain/followUp/myStages';
import { isIsoDate } from '../../domain/dates';
import { UserError } from '../../domain/errors';
import type { IsoDate, Staff } from '../../domain/types';
import { isVisitDone, sortVisits } from '../../domain/visits';
import type { Context } from '../../gas/context';
import type { Rec } from '../../gas/sheetTable';
import { str } from '../../sheets/records';
import { STAGES, type StageKey, VISITS } from '../../sheets/schema';
import { writeRowsUndoable } from '../undoable';
import { references, staffOfSignedInUser } from '../references';
import { stageView } from '../stageStore';
import { rightsOn } from './visitRights';

/** Every member of staff with the name the sheets show ("M. BRUEL Patrick"). */
export function staffNames(ctx: Context): { id: string; label: string }[] {
  const refs = references(ctx);
  return refs.staff.map((s) => ({ id: s.id, label: refs.labels.staff(s.id) }));
}

/** The member of staff whose « Courriel » is the signed-in user's address. */
export function currentTeacher(ctx: Context): Staff {
  const found = staffOfSignedInUser(ctx);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    throw new UserError(
      `L'adresse ${ctx.user()} figure sur plusieurs lignes de la feuille Personnel : gardez-en une seule.`,
    );
  }
  throw new UserError(
    `Votre adresse (${ctx.user()}) ne figure pas dans la feuille Personnel : ` +
      'demandez qu’on l’ajoute dans la colonne « Courriel » de votre ligne.',
  );
}

export type VisitRec = Rec<(typeof VISITS.columns)[number]['key']>;

export function visitView(
  ctx: Context,
  r: VisitRec,
  today: IsoDate,
): VisitView & { mine: boolean; authorId: string } {
  const date = str(r.date);
  const staffId = str(r.staffId);
  const type = str(r.type);
  return {
    id: str(r.id),
    stageId: str(r.stageId),
    date,
    staffId,
    staff: references(ctx).labels.staff(staffId) || str(r.staff),
    comment: str(r.comment),
    done: isIsoDate(date) && isVisitDone(date, today),
    type: isVisitType(type) ? type : 'visite',
    report: str(r.report),
    mine: false,
    authorId: staffId,
  };
}

/** A stage of « Mes stages »: its visits (all authors, yours marked), tutor and company. */
export function followedView(
  ctx: Context,
  row: number,
  rec: Rec<StageKey>,
  visits: readonly VisitRec[],
  meId: string,
): FollowedStageView {
  const today = ctx.today();
  const refs = references(ctx);
  const stage = stageView(row, rec, today);
  const session = refs.sessions.find((s) => s.id === stage.sessionId);
  const expected = expectedVisits(stage.expectedVisits, session?.expectedVisits);
  const company = refs.companies.find((c) => c.id === stage.companyId);
  const tutor = refs.tutors.find((t) => t.id === stage.tutorId);
  const teacher = refs.labels.staff(meId);
  const list = sortVisits(
    visits.map((v) => {
      const { authorId, ...view } = visitView(ctx, v, today);
      const rights = rightsOn(ctx, v, rec, meId);
      return { ...view, mine: authorId === meId, mayEdit: rights.edit, mayRemove: rights.remove };
    }),
  );
  const address = company
    ? [company.address, [company.postalCode, company.city].filter(Boolean).join(' ')]
        .filter((x) => x !== '')
        .join(', ')
    : '';
  return {
    stage,
    expected,
    status: followStatus(
      {
        start: stage.start,
        end: stage.end,
        stoppedOn: stage.stoppedOn,
        done: stage.visits,
        expected,
        planned: stage.plannedVisit ?? '',
      },
      today,
    ),
    companyAddress: address,
    tutor: {
      name: tutor ? refs.labels.tutor(tutor.id) : '',
      phone: tutor?.phone ?? '',
      email: tutor?.email ?? '',
    },
    mailto:
      tutor && isIsoDate(stage.start) && isIsoDate(stage.end)
        ? tutorMailto({
            tutorEmail: tutor.email,
            tutorName: refs.labels.tutor(tutor.id),
            student: stage.student,
            company: stage.company,
            start: stage.start,
            end: stage.end,
            teacher,
            school: ctx.settings().schoolName,
          })
        : '',
    visits: list,
    visitReports: session?.visitReports === true,
  };
}

/**
 * A teacher renamed in Personnel: the stages they follow show the new name. One read of the
 * follower column, one of those rows' span, one write.
 */
export function relabelFollowers(ctx: Context, staffId: string, label: string): number {
  const t = ctx.table(STAGES);
  const rows = t.readRowsWhere('followerId', (id) => id === staffId);
  const patches = new Map<number, Partial<Rec<StageKey>>>();
  for (const { row, values } of rows) {
    if (str(values.follower) !== label) patches.set(row, { follower: label });
  }
  const read = new Map(rows.map((r) => [r.row, r.values]));
  writeRowsUndoable(ctx, t, patches, (row) => read.get(row) ?? {});
  return patches.size;
}
