/**
 * The « Documents » sheet: one row per document the add-on made (which stage, which kind, which
 * file, when, by whom, in which batch, and the values it was filled with). It tells a batch what
 * is already done, so that a rerun never makes a second document, and an avenant what changed.
 */
import type { Context } from '../../gas/context';
import { str } from '../../sheets/records';
import { DOCUMENTS, type DocumentKey } from '../../sheets/schema';
import type { Rec } from '../../gas/sheetTable';

/** « Générée » when made; « Remplacée » once regenerated; the rest: domain/documents/signatures.ts. */
export const STATUS_MADE = 'Générée';
export const STATUS_REPLACED = 'Remplacée';
export const STATUS_CANCELLED = 'Annulée';

export interface RegisteredDocument {
  row: number;
  id: string;
  stageId: string;
  sessionId: string;
  /** The kind's French label, as written. */
  kind: string;
  fileId: string;
  link: string;
  name: string;
  createdOn: string;
  job: string;
  status: string;
}

const KEYS = [
  'id',
  'stageId',
  'kind',
  'link',
  'name',
  'createdOn',
  'status',
  'fileId',
  'sessionId',
  'job',
] as const satisfies readonly DocumentKey[];

/** Every document of the register but its values (one block read). */
export function readRegister(ctx: Context): RegisteredDocument[] {
  return ctx
    .table(DOCUMENTS)
    .readColumns(KEYS)
    .filter(({ values }) => str(values.id) !== '')
    .map(({ row, values: v }) => ({
      row,
      id: str(v.id),
      stageId: str(v.stageId),
      sessionId: str(v.sessionId),
      kind: str(v.kind),
      fileId: str(v.fileId),
      link: str(v.link),
      name: str(v.name),
      createdOn: str(v.createdOn),
      job: str(v.job),
      status: str(v.status),
    }));
}

/** Neither replaced nor cancelled (a cancelled convention leaves room for a new one). */
export function isLive(d: RegisteredDocument): boolean {
  return d.status !== STATUS_REPLACED && d.status !== STATUS_CANCELLED;
}

/** The values a registered document was filled with ({} when unreadable). */
export function registeredValues(ctx: Context, row: number): Record<string, string> {
  const cell = ctx.table(DOCUMENTS).readRow(row).values;
  try {
    const v = JSON.parse(str(cell)) as unknown;
    if (!v || typeof v !== 'object') return {};
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
    return out;
  } catch {
    return {};
  }
}

export type RegisterRecord = Partial<Rec<DocumentKey>>;

/** What makes one new document's row; the rest (ID, when, by whom, status) is the same for all. */
export interface NewDocument {
  /** '' for a document of a session (accord préalable, blank convention). */
  stageId: string;
  student: string;
  session: string;
  sessionId: string;
  /** The kind's French label. */
  kind: string;
  link: string;
  name: string;
  fileId: string;
  /** The batch that made it, or ''. */
  job: string;
  /** The values it was filled with (an avenant compares against them). */
  values: Record<string, string>;
}

/** A new register row, « Générée » now by the signed-in user. */
export function newRegisterRecord(ctx: Context, d: NewDocument): RegisterRecord {
  return {
    ...d,
    id: ctx.newId('DOC'),
    createdOn: ctx.now(),
    by: ctx.user(),
    status: STATUS_MADE,
    values: JSON.stringify(d.values),
  };
}
