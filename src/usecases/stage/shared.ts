/** What the stage actions share: reading the sidebar's raw input, checking its IDs. */
import { UserError } from '../../domain/errors';
import type { Stage } from '../../domain/types';
import type { Rec } from '../../sheets/records';
import type { StageKey } from '../../sheets/schema';
import type { References } from '../references';
import type { StageHint } from '../stageStore';

/** A field as the sidebar sent it, as text ('' when absent). */
export const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);

/** The row and student the sidebar saw, as hints (see StageHintInput). */
export const hintOf = (input: { row?: unknown; studentId?: unknown }): StageHint => ({
  row: input?.row,
  studentId: input?.studentId,
});

/** IDs sent by the sidebar must name existing entities: it is never trusted. */
export function checkReferenceIds(
  refs: References,
  ids: { companyId?: string; tutorId?: string; referentId?: string },
): void {
  if (ids.companyId && !refs.companies.some((c) => c.id === ids.companyId)) {
    throw new UserError(
      "Cette entreprise n'existe pas (ou plus) dans la feuille Entreprises.",
      'companyId',
    );
  }
  if (ids.tutorId && !refs.tutors.some((t) => t.id === ids.tutorId)) {
    throw new UserError("Ce tuteur n'existe pas (ou plus) dans la feuille Tuteurs.", 'tutorId');
  }
  if (ids.referentId && !refs.staff.some((s) => s.id === ids.referentId)) {
    throw new UserError(
      "Ce référent n'existe pas (ou plus) dans la feuille Personnel.",
      'referentId',
    );
  }
}

/** Hours already in the rows read (their dates did not change), by stage ID. */
export function knownHours(
  rows: { stage: Stage; rec: Rec<StageKey> }[],
): (s: Stage) => number | null {
  const byId = new Map(rows.map((r) => [r.stage.id, r]));
  return (s) => {
    const r = byId.get(s.id);
    if (!r || typeof r.rec.hours !== 'number') return null;
    const same =
      r.stage.start === s.start && r.stage.end === s.end && r.stage.stoppedOn === s.stoppedOn;
    return same ? r.rec.hours : null;
  };
}
