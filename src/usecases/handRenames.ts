/**
 * A name typed by hand in a reference sheet (a company renamed in « Entreprises », a session's
 * title, a tutor's, a teacher's or a student's name) is followed by the stages that show it, as
 * when the sidebar renames: the staff expect the sheet to be the truth. Run by onEdit on the
 * edited rows only; the « Libellé » column of those rows is brought up to date too.
 */
import type { Context } from '../gas/context';
import { type LabelField, type Rec, str } from '../sheets/records';
import { COMPANIES, SESSIONS, STAFF, STUDENTS, TUTORS, type SheetSpec } from '../sheets/schema';
import { propagateCompanyNames } from './companies';
import { relabelFollowers } from './followUp/shared';
import { relabelVisits } from './people';
import { references } from './references';
import { relabelStages } from './stageStore';
import { writeRowsUndoable } from './undoable';

/** Each reference sheet, the stage label it feeds and the columns that label is made of. */
const FIELD_OF: ReadonlyMap<
  string,
  { spec: SheetSpec<string>; field: LabelField; names: readonly string[] }
> = new Map([
  [SESSIONS.name, { spec: SESSIONS as SheetSpec<string>, field: 'session', names: ['title'] }],
  [
    STUDENTS.name,
    {
      spec: STUDENTS as SheetSpec<string>,
      field: 'student',
      names: ['lastName', 'firstName', 'className'],
    },
  ],
  [COMPANIES.name, { spec: COMPANIES as SheetSpec<string>, field: 'company', names: ['name'] }],
  [
    TUTORS.name,
    {
      spec: TUTORS as SheetSpec<string>,
      field: 'tutor',
      names: ['civility', 'lastName', 'firstName'],
    },
  ],
  [
    STAFF.name,
    {
      spec: STAFF as SheetSpec<string>,
      field: 'referent',
      names: ['civility', 'lastName', 'firstName'],
    },
  ],
]);

/** A paste of thousands of rows is left to the next action that names them. */
const MAX_ROWS = 200;

/** The edited block of `sheetName`: how many stage rows now show new names. */
export function followHandRenames(
  ctx: Context,
  edit: { sheetName: string; row: number; numRows: number; column: number; numColumns: number },
): number {
  const target = FIELD_OF.get(edit.sheetName);
  if (!target) return 0;
  const from = Math.max(2, edit.row);
  const to = Math.min(edit.row + edit.numRows - 1, from + MAX_ROWS - 1);
  if (to < from) return 0;
  const t = ctx.table(target.spec);
  // A telephone or an address typed by hand changes no name: nothing more is read.
  const named = target.names.some((k) => {
    const c = t.col(k);
    return c >= edit.column && c < edit.column + edit.numColumns;
  });
  if (!named) return 0;
  const rows = t.readRows(from, to - from + 1);
  const refs = references(ctx);
  const labelOf = (id: string): string => {
    switch (target.field) {
      case 'session':
        return refs.labels.session(id);
      case 'student':
        return refs.labels.student(id).label;
      case 'company':
        return refs.labels.company(id);
      case 'tutor':
        return refs.labels.tutor(id);
      case 'referent':
        return refs.labels.staff(id);
    }
  };
  const labels = new Map<string, string>();
  const ownLabel = new Map<number, Partial<Rec<string>>>();
  const before = new Map<number, Partial<Rec<string>>>();
  rows.forEach((rec, i) => {
    const id = str(rec.id);
    const label = id ? labelOf(id) : '';
    if (label === '') return;
    labels.set(id, label);
    if ('label' in rec && str(rec.label) !== label) {
      ownLabel.set(from + i, { label });
      before.set(from + i, { label: rec.label });
    }
  });
  if (labels.size === 0) return 0;
  writeRowsUndoable(ctx, t, ownLabel, (row) => before.get(row) ?? {});
  let shown: number;
  switch (target.field) {
    case 'company':
      shown = propagateCompanyNames(ctx, labels).stages;
      break;
    case 'student':
      shown = relabelStages(ctx, 'student', labels, (id) => ({
        className: refs.labels.student(id).className,
      }));
      break;
    case 'referent':
      shown = relabelStages(ctx, 'referent', labels);
      for (const [id, label] of labels) {
        relabelVisits(ctx, id, label);
        shown += relabelFollowers(ctx, id, label);
      }
      break;
    default:
      shown = relabelStages(ctx, target.field, labels);
  }
  if (shown === 0 && ownLabel.size === 0) return 0;
  ctx.journal({
    action: 'Renommer (saisie à la main)',
    target: [...labels.values()].join(', '),
    before: null,
    after: { feuille: edit.sheetName, 'lignes de Stages': shown },
  });
  return shown;
}
