/**
 * Tutors and members of staff created or corrected from the sidebar, so nobody has to type in
 * the reference sheets: the label column is computed, and a renamed person's name follows on
 * the Stages rows (and, for staff, the Visites rows) that show it.
 */
import type { StaffInput, StaffView, TutorInput, TutorView } from '../api/contract';
import { staffLabel, tutorLabel } from '../domain/labels';
import { validateStaff, validateTutor } from '../domain/people';
import type { Staff, Tutor } from '../domain/types';
import { UserError } from '../domain/errors';
import type { Context } from '../gas/context';
import { type Rec, str } from '../sheets/records';
import { STAFF, STAGES, type StaffKey, type TutorKey, TUTORS, VISITS } from '../sheets/schema';
import { references } from './references';
import { relabelStages, unwrap } from './stageStore';
import { relabelFollowers } from './followUp/shared';
import { appendUndoable, writeRowsUndoable, writeRowUndoable } from './undoable';

const gone = (what: string) =>
  new UserError(
    `${what} est introuvable : la ligne a peut-être été supprimée. Rechargez la liste.`,
    undefined,
    true,
  );

/** Only the cells that differ: a correction writes what changed. */
function diff<K extends string>(before: Rec<K>, after: Partial<Rec<K>>): Partial<Rec<K>> {
  const out: Partial<Rec<K>> = {};
  for (const [k, v] of Object.entries(after) as [K, Rec<K>[K]][]) {
    if (str(before[k]) !== str(v)) out[k] = v;
  }
  return out;
}

export function saveTutor(ctx: Context, input: TutorInput): TutorView {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const companyIds = new Set(refs.companies.map((c) => c.id));
    const tutor: Tutor = unwrap(validateTutor(input, companyIds, refs.tutors));
    const company = refs.labels.company(tutor.companyId);
    const t = ctx.table(TUTORS);
    const creating = tutor.id === '';
    const id = creating ? ctx.newId('TUT') : tutor.id;
    const label = tutorLabel(tutor);
    const record: Partial<Rec<TutorKey>> = {
      id,
      company,
      civility: tutor.civility,
      lastName: tutor.lastName,
      firstName: tutor.firstName,
      role: tutor.role,
      phone: tutor.phone,
      email: tutor.email,
      label,
      companyId: tutor.companyId,
    };
    let before: Rec<TutorKey> | null = null;
    if (creating) {
      appendUndoable(ctx, t, [record]);
    } else {
      const row = t.findRow(id);
      if (row === 0) throw gone('Ce tuteur');
      before = t.readRow(row);
      if (str(before.companyId) !== tutor.companyId && isOnAStage(ctx, 'tutorId', id)) {
        throw new UserError(
          "Ce tuteur suit déjà un stage dans son entreprise : créez plutôt un nouveau tuteur pour l'autre entreprise.",
          'companyId',
        );
      }
      const patch = diff(before, record);
      writeRowUndoable(ctx, t, row, patch, before);
      if (Object.keys(patch).length > 0 && str(before.label) !== label) {
        relabelStages(ctx, 'tutor', new Map([[id, label]]));
      }
    }
    ctx.journal({
      action: creating ? 'Créer un tuteur' : 'Modifier un tuteur',
      // Staff read the Journal by name; the ID is in « Après ».
      target: label,
      before,
      after: record,
    });
    return { ...tutor, id, label, company };
  });
}

export function saveStaff(ctx: Context, input: StaffInput): StaffView {
  return ctx.withLock(() => {
    const refs = references(ctx);
    const staff: Staff = unwrap(validateStaff(input, refs.staff));
    const t = ctx.table(STAFF);
    const creating = staff.id === '';
    const id = creating ? ctx.newId('PER') : staff.id;
    const label = staffLabel(staff);
    const record: Partial<Rec<StaffKey>> = {
      id,
      civility: staff.civility,
      lastName: staff.lastName,
      firstName: staff.firstName,
      email: staff.email,
      discipline: staff.discipline,
      label,
    };
    let before: Rec<StaffKey> | null = null;
    if (creating) {
      appendUndoable(ctx, t, [record]);
    } else {
      const row = t.findRow(id);
      if (row === 0) throw gone('Ce membre du personnel');
      before = t.readRow(row);
      const patch = diff(before, record);
      writeRowUndoable(ctx, t, row, patch, before);
      if (Object.keys(patch).length > 0 && str(before.label) !== label) {
        relabelStages(ctx, 'referent', new Map([[id, label]]));
        relabelVisits(ctx, id, label);
        relabelFollowers(ctx, id, label);
      }
    }
    ctx.journal({
      action: creating ? 'Ajouter au personnel' : 'Modifier une fiche du personnel',
      target: label,
      before,
      after: record,
    });
    return { ...staff, id, label };
  });
}

function isOnAStage(ctx: Context, key: 'tutorId' | 'referentId', id: string): boolean {
  return ctx
    .table(STAGES)
    .readColumn(key)
    .some((v) => v === id);
}

/** The teacher's new name on their visits. One read of the ID column, one read and one write. */
export function relabelVisits(ctx: Context, staffId: string, label: string): void {
  const t = ctx.table(VISITS);
  const patches = new Map<number, Partial<Rec<'staff'>>>();
  const rows = t.readRowsWhere('staffId', (id) => id === staffId);
  for (const { row, values } of rows) {
    if (str(values.staff) !== label) patches.set(row, { staff: label });
  }
  const read = new Map(rows.map((r) => [r.row, r.values]));
  writeRowsUndoable(ctx, t, patches, (row) => read.get(row) ?? {});
}
