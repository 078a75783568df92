/**
 * What a batch needs to fill its documents, read once per execution: the Stages rows (one read),
 * the reference lists (cached), the settings (with the properties) and today.
 */
import type { AmendedConvention, DocumentInput } from '../../domain/documents/fields';
import type { Session, Settings, Stage } from '../../domain/types';
import type { Context } from '../../gas/context';
import { UserError } from '../../domain/errors';
import type { Rec } from '../../gas/sheetTable';
import { editedLabels, type LabelField, str } from '../../sheets/records';
import { STAGES, type StageKey } from '../../sheets/schema';
import { references, type References } from '../references';
import { parsers, reconcile } from '../stageStore';
import { stageFromRecord } from '../../sheets/records';

export interface StageSource {
  row: number;
  rec: Rec<StageKey>;
  stage: Stage;
  /** « ACAR Laurie » (or the row when the student is unknown), for reports. */
  label: string;
}

export interface Sources {
  stages: StageSource[];
  byId: Map<string, StageSource>;
  refs: References;
  settings: Settings;
  today: string;
}

const ID_OF: Record<LabelField, keyof Stage> = {
  session: 'sessionId',
  student: 'studentId',
  company: 'companyId',
  tutor: 'tutorId',
  referent: 'referentId',
};

/**
 * The stage the row shows: a name picked by hand in the sheet wins over the hidden ID (a
 * convention must never name a company other than the one staff see). A name found nowhere
 * leaves that party empty, so the report names what is missing instead of the batch failing.
 */
function meant(ctx: Context, rec: Rec<StageKey>, stage: Stage): Stage {
  const edited = editedLabels(rec);
  if (edited.size === 0) return stage;
  try {
    return reconcile(ctx, rec, stage);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const cleared: Stage = { ...stage };
    for (const f of edited) (cleared[ID_OF[f]] as string) = '';
    return cleared;
  }
}

export function loadSources(ctx: Context): Sources {
  const rows = ctx.table(STAGES).readAll();
  const stages: StageSource[] = [];
  for (const { row, values } of rows) {
    const id = str(values.id);
    if (!id) continue;
    const stage = meant(ctx, values, stageFromRecord(values, parsers));
    stages.push({
      row,
      rec: values,
      stage,
      label: str(values.student) || `ligne ${row}`,
    });
  }
  return {
    stages,
    byId: new Map(stages.map((s) => [s.stage.id, s])),
    refs: references(ctx),
    settings: ctx.settings(),
    today: ctx.today(),
  };
}

/** Hours of presence with the same host in the same school year (gratification, L124-6). */
function hostYearHours(src: Sources, s: StageSource): number {
  if (!s.stage.companyId) return hoursOf(s);
  const year = str(s.rec.schoolYear);
  let total = 0;
  for (const o of src.stages) {
    if (
      o.stage.studentId === s.stage.studentId &&
      o.stage.companyId === s.stage.companyId &&
      str(o.rec.schoolYear) === year
    )
      total += hoursOf(o);
  }
  return total;
}

function hoursOf(s: StageSource): number {
  const h = s.rec.hours;
  return typeof h === 'number' && Number.isFinite(h) ? h : Number(h) || 0;
}

export function sessionOf(src: Sources, id: string): Session | undefined {
  return src.refs.sessions.find((x) => x.id === id);
}

/**
 * The document input of one stage; `convention` for an avenant (what it amends). null when its
 * session or student is gone (the report says so).
 */
export function inputFor(
  src: Sources,
  s: StageSource,
  convention?: AmendedConvention | null,
): DocumentInput | null {
  const { refs } = src;
  const stage = s.stage;
  const session = sessionOf(src, stage.sessionId);
  const student = refs.students.find((x) => x.id === stage.studentId);
  if (!session || !student) return null;
  return {
    stage,
    session,
    student,
    company: refs.companies.find((x) => x.id === stage.companyId) ?? null,
    tutor: refs.tutors.find((x) => x.id === stage.tutorId) ?? null,
    referent: refs.staff.find((x) => x.id === stage.referentId) ?? null,
    settings: src.settings,
    presenceHours: hoursOf(s),
    hostYearHours: hostYearHours(src, s),
    today: src.today,
    convention: convention ?? null,
  };
}

/** Why a stage has no input: what the report shows. */
export function noInputReason(src: Sources, s: StageSource): string {
  return sessionOf(src, s.stage.sessionId) ? 'élève introuvable' : 'session introuvable';
}
