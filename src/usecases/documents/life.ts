/**
 * What every step of a document's life shares (record a step, cancel, attach the signed copy,
 * regularise a blank convention, note a reminder): the register row found by ID, checked against
 * the digest the sidebar read, the row's life read and written, and the short line of the Stages
 * sheet kept in step.
 */
import type { RegisterDocumentView } from '../../api/contract';
import { parseUserDate } from '../../domain/dates';
import { DOCUMENT_KIND_LABELS } from '../../domain/documents/kinds';
import type { RegisterFacts } from '../../domain/documents/regularisation';
import {
  COPIES,
  type DocLife,
  generatedDay,
  isDocStatus,
  isLiveStatus,
  nextStep,
  SIGN_STEPS,
  STEP_LABELS,
  stageStatusText,
} from '../../domain/documents/signatures';
import { UserError } from '../../domain/errors';
import { fingerprint } from '../../domain/fingerprint';
import { deOrD, typed } from '../../domain/text';
import type { IsoDate } from '../../domain/types';
import type { Context } from '../../gas/context';
import type { Rec } from '../../gas/sheetTable';
import { str } from '../../sheets/records';
import { DOCUMENTS, STAGES, type DocumentKey } from '../../sheets/schema';
import { agreedStatus } from '../messages';
import { writeRowUndoable } from '../undoable';

export type DocRec = Rec<DocumentKey>;

/** The columns of a step's date, by step. */
export const DATE_KEYS = {
  sent: 'sentOn',
  student: 'studentOn',
  company: 'companyOn',
  school: 'schoolOn',
  companyCopy: 'companyCopyOn',
  studentCopy: 'studentCopyOn',
  referentCopy: 'referentCopyOn',
} as const satisfies Record<string, DocumentKey>;

/** What the digest covers: the row's identity and its whole life. */
const FINGERPRINT_KEYS = [
  'id',
  'stageId',
  'kind',
  'link',
  'status',
  ...Object.values(DATE_KEYS),
  'cancelledOn',
  'remindedOn',
  'signedCopy',
  'regularisedOn',
] as const satisfies readonly DocumentKey[];

export function documentFingerprint(r: Partial<DocRec>): string {
  return fingerprint(FINGERPRINT_KEYS.map((k) => str(r[k])));
}

const day = (v: DocRec[DocumentKey] | undefined): IsoDate | '' => str(v);

export function lifeOf(r: Partial<DocRec>): DocLife {
  const status = str(r.status);
  return {
    status: isDocStatus(status) ? status : 'Générée',
    generatedOn: generatedDay(str(r.createdOn)),
    sentOn: day(r.sentOn),
    studentOn: day(r.studentOn),
    companyOn: day(r.companyOn),
    schoolOn: day(r.schoolOn),
    companyCopyOn: day(r.companyCopyOn),
    studentCopyOn: day(r.studentCopyOn),
    referentCopyOn: day(r.referentCopyOn),
    cancelledOn: day(r.cancelledOn),
  };
}

/** The cells a new life changes. */
export function lifePatch(before: DocLife, after: DocLife): Partial<DocRec> {
  const patch: Partial<DocRec> = {};
  if (after.status !== before.status) patch.status = after.status;
  for (const [step, key] of Object.entries(DATE_KEYS)) {
    const k = step as keyof typeof DATE_KEYS;
    const field = `${k}On` as keyof DocLife;
    if (after[field] !== before[field]) patch[key] = after[field];
  }
  if (after.cancelledOn !== before.cancelledOn) patch.cancelledOn = after.cancelledOn;
  return patch;
}

export function documentView(row: number, r: Partial<DocRec>): RegisterDocumentView {
  const life = lifeOf(r);
  const steps: RegisterDocumentView['steps'] = [];
  for (const s of [...SIGN_STEPS, ...COPIES]) {
    const on = str(r[DATE_KEYS[s]]);
    if (on) steps.push({ step: s, label: STEP_LABELS[s], on });
  }
  if (life.cancelledOn)
    steps.push({ step: 'cancel', label: STEP_LABELS.cancel, on: life.cancelledOn });
  const next = isDocStatus(str(r.status)) || str(r.status) === '' ? nextStep(life) : '';
  return {
    id: str(r.id),
    row,
    stageId: str(r.stageId),
    kind: str(r.kind),
    name: str(r.name),
    link: str(r.link),
    status: str(r.status) || 'Générée',
    generatedOn: life.generatedOn,
    steps,
    next,
    nextLabel: next ? STEP_LABELS[next] : '',
    signedCopy: str(r.signedCopy),
    remindedOn: day(r.remindedOn),
    regularisedOn: day(r.regularisedOn),
    fingerprint: documentFingerprint(r),
  };
}

export interface LoadedDocument {
  row: number;
  rec: DocRec;
}

/**
 * The register row of a document, by ID (the row the sidebar read first: one read when it still
 * holds the document), checked against the digest the sidebar read.
 */
export function loadDocument(
  ctx: Context,
  input: { documentId?: unknown; row?: unknown; fingerprint?: unknown },
): LoadedDocument {
  const id = typed(input?.documentId);
  if (!id) throw new UserError('Choisissez un document.');
  const t = ctx.table(DOCUMENTS);
  const hinted = Number(input?.row);
  let found: LoadedDocument | null = null;
  if (Number.isInteger(hinted) && hinted >= 2) {
    const rec = t.readRow(hinted);
    if (str(rec.id) === id) found = { row: hinted, rec };
  }
  if (!found) {
    const row = t.findRow(id);
    if (row === 0)
      throw new UserError(
        'Ce document n’est plus dans la feuille Documents : rechargez la fiche.',
        undefined,
        true,
      );
    found = { row, rec: t.readRow(row) };
  }
  const expected = typed(input?.fingerprint);
  if (expected && documentFingerprint(found.rec) !== expected) {
    throw new UserError(
      'Ce document a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert. ' +
        'Rechargez la fiche, vérifiez, puis recommencez.',
      undefined,
      true,
    );
  }
  return found;
}

/** A date as typed in the sidebar ('' = today). */
export function typedDay(ctx: Context, text: unknown): IsoDate {
  const t = typed(text).trim();
  if (t === '') return ctx.today();
  const r = parseUserDate(t, 'de l’étape');
  if (!r.ok) throw new UserError(r.error, 'date');
  return r.value;
}

/** Kinds whose status the Stages sheet shows, in its order. */
const SHOWN_KINDS = [DOCUMENT_KIND_LABELS.convention, DOCUMENT_KIND_LABELS.avenant];

/** « Convention : signée entreprise · Avenant : généré » from a stage's register rows. */
export function stageStatusLine(docs: readonly { kind: string; status: string }[]): string {
  const parts: string[] = [];
  for (const kind of SHOWN_KINDS) {
    const live = docs.filter((d) => d.kind === kind && isLiveStatus(d.status || 'Générée'));
    const last = live.at(-1);
    if (last) parts.push(stageStatusText(kind, agreedStatus(kind, last.status || 'Générée')));
  }
  return parts.join(' · ');
}

/**
 * Writes a document's changed cells and the Stages line of its stage (undone together). Every
 * read happens before the first write. Returns the stage's new line.
 */
export function writeLife(
  ctx: Context,
  doc: LoadedDocument,
  patch: Partial<DocRec>,
): { stageStatus: string; rec: DocRec } {
  const rec = { ...doc.rec, ...patch } as DocRec;
  const stageId = str(rec.stageId);
  let stage: { row: number; before: string; line: string } | null = null;
  if (stageId) {
    const docs = ctx.table(DOCUMENTS);
    const rows = docs.readRowsWhere('stageId', (v) => v === stageId);
    // A blank convention being regularised is not the stage's yet: it comes last.
    const mine = [...rows.filter((r) => r.row !== doc.row).map((r) => r.values), rec].map((v) => ({
      kind: str(v.kind),
      status: str(v.status),
    }));
    const stages = ctx.table(STAGES);
    const row = stages.findRow(stageId);
    if (row > 0) {
      const before = str(stages.readRow(row).docStatus);
      stage = { row, before, line: stageStatusLine(mine) };
    }
  }
  writeRowUndoable(ctx, ctx.table(DOCUMENTS), doc.row, patch, doc.rec);
  if (stage && stage.line !== stage.before) {
    writeRowUndoable(
      ctx,
      ctx.table(STAGES),
      stage.row,
      { docStatus: stage.line },
      { docStatus: stage.before },
    );
  }
  return { stageStatus: stage?.line ?? '', rec };
}

/** What the regularisation rule (domain/documents/regularisation.ts) reads of a register row. */
export function registerFacts(r: Partial<DocRec>): RegisterFacts {
  return { kind: str(r.kind), stageId: str(r.stageId), status: str(r.status) };
}

/** « Convention de ACAR Laurie (DOC-…) », the journal's subject. */
export function documentSubject(r: Partial<DocRec>): string {
  const who = str(r.student);
  return `${str(r.kind) || 'Document'}${who ? ` ${deOrD(who)}` : ''} (${str(r.id)})`;
}
