/**
 * "Initialiser le classeur" repairs IDs found on several rows (a row copied by hand with its
 * ID): the first row keeps the ID, since the other sheets point to it; every later row is the
 * copy and gets a new one, journalled with the old and the new ID.
 */
import type { Context } from './context';

export interface RenewedId {
  row: number;
  from: string;
  to: string;
}

/** The later rows holding an ID already held by an earlier row, each with a new ID. */
export function renewDuplicateIds(
  rows: readonly { row: number; id: string }[],
  newId: () => string,
): RenewedId[] {
  const seen = new Set<string>();
  const renewed: RenewedId[] = [];
  for (const { row, id } of [...rows].sort((a, b) => a.row - b.row)) {
    if (id === '') continue;
    if (seen.has(id)) renewed.push({ row, from: id, to: newId() });
    else seen.add(id);
  }
  return renewed;
}

/**
 * One journal line per renewed ID, once the new IDs are written. When a line cannot be
 * written, `restore` puts back the old IDs of that row and of the rows not journalled yet, so
 * each row ends renewed and journalled, or as it was.
 */
export function journalRenewedIds(
  ctx: Context,
  sheet: string,
  renewed: readonly RenewedId[],
  restore: (rows: readonly RenewedId[]) => void,
): void {
  renewed.forEach((r, i) => {
    ctx.journal(
      {
        action: 'Identifiant en double remplacé',
        target: `${sheet}, ligne ${r.row}`,
        before: { id: r.from },
        after: { id: r.to },
      },
      () => restore(renewed.slice(i)),
    );
  });
}
