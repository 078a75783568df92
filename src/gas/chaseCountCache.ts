/**
 * The count of « Conventions à relancer » shown on the sidebar's home, kept in the document's
 * cache for the day. Counting reads the whole Documents and Stages sheets, and opening the
 * sidebar is the most frequent call of all: it must not pay that each time. The entry is dropped
 * when an action of the add-on that wrote Stages or Documents is journalled, and when either sheet
 * is edited by hand (onEdit); what no trigger reports is seen when the entry expires.
 *
 * A cache failure never fails the opening: the count is then computed from the sheets.
 */
import type { Context } from './context';
import { documentCache } from './documentCache';

/** Seconds an entry is trusted without a trigger having confirmed it (as the reference lists). */
export const CHASE_COUNT_TTL_S = 600;

export interface ChaseCount {
  /** Stages to chase. */
  items: number;
  /** Among them, conventions sent and not back (the others start soon without a complete one). */
  overdue: number;
  blanks: number;
}

function keyOf(ctx: Context): string {
  // The day is in the key: a convention becomes « à relancer » at midnight, not at a write.
  return `sds.chaseCount.${ctx.today()}`;
}

function parse(text: string | null, stamp: string): ChaseCount | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as {
      stamp?: unknown;
      items?: unknown;
      overdue?: unknown;
      blanks?: unknown;
    };
    if (v.stamp !== stamp) return null;
    // An entry of an older shape (no `overdue`) is counted again.
    if (![v.items, v.overdue, v.blanks].every(Number.isInteger)) return null;
    return { items: v.items as number, overdue: v.overdue as number, blanks: v.blanks as number };
  } catch {
    return null;
  }
}

/**
 * Today's count from the cache when it was made with the same thresholds (`stamp`), else from
 * `count`, then cached.
 */
export function cachedChaseCount(ctx: Context, stamp: string, count: () => ChaseCount): ChaseCount {
  const key = keyOf(ctx);
  let hit: ChaseCount | null;
  try {
    hit = parse(documentCache(ctx)?.get(key) ?? null, stamp);
  } catch {
    hit = null;
  }
  if (hit) return hit;
  const fresh = count();
  try {
    documentCache(ctx)?.put(key, JSON.stringify({ stamp, ...fresh }), CHASE_COUNT_TTL_S);
  } catch {
    // Not cached: the next opening counts again, nothing else changes.
  }
  return fresh;
}

/** Stages or Documents changed: today's count is counted again at the next opening. */
export function forgetChaseCount(ctx: Context): void {
  try {
    documentCache(ctx)?.remove(keyOf(ctx));
  } catch {
    // Expires on its own (CHASE_COUNT_TTL_S).
  }
}
