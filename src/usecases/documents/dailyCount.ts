/**
 * How many Google Docs each user made through the add-on today: Google caps it per user and
 * per day (250 for a personal account, 1,500 on Google Workspace), so a batch says beforehand
 * what is left and stops cleanly at the cap. Kept with the document's properties (read with
 * the others); Google's own error is still caught, for files made elsewhere the same day.
 */
import type { Context } from '../../gas/context';

/** The document property holding the counts. */
const KEY = 'sds.docsMade';

export const DAILY_CAP = { workspace: 1500, consumer: 250 } as const;

export type Counts = Record<string, { day: string; n: number }>;

function counts(raw: string | undefined | null): Counts {
  try {
    const v = JSON.parse(raw ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Counts) : {};
  } catch {
    return {};
  }
}

export function dailyCap(ctx: Context): number {
  return DAILY_CAP[ctx.settings().googleAccount];
}

export function madeToday(ctx: Context, fresh = false): number {
  const c = counts(fresh ? ctx.freshProperty(KEY) : ctx.properties()[KEY])[ctx.user()];
  return c && c.day === ctx.today() ? c.n : 0;
}

/** Adds `n` documents to today's count (read afresh: other lanes count too). */
export function countMade(ctx: Context, n: number): void {
  if (n <= 0) return;
  addToCounts(ctx, readCounts(ctx), n);
}

/** Everyone's counts as they are now (one call): read before a step writes anything. */
export function readCounts(ctx: Context): Counts {
  return counts(ctx.freshProperty(KEY));
}

/** Writes `all` with `n` more documents for this user today (one call). */
function addToCounts(ctx: Context, all: Counts, n: number): void {
  if (n <= 0) return;
  const today = ctx.today();
  // Yesterday's counts of everyone are of no use: dropped, so the property stays small.
  for (const [user, c] of Object.entries(all)) if (c.day !== today) delete all[user];
  const mine = all[ctx.user()];
  all[ctx.user()] = { day: today, n: (mine && mine.day === today ? mine.n : 0) + n };
  ctx.setProperty(KEY, JSON.stringify(all));
}

/**
 * Adds `n` documents as part of a locked step, before its journal line: put back should that
 * line fail, so a step not done counts nothing.
 */
export function countInStep(ctx: Context, all: Counts, n: number): void {
  if (n <= 0) return;
  const before = JSON.stringify(all);
  ctx.noteWrite();
  ctx.onRollback(() => ctx.setProperty(KEY, before));
  addToCounts(ctx, all, n);
}

/** A day's cap reached: the batch pauses until tomorrow. */
export function capReached(ctx: Context): boolean {
  const cap = dailyCap(ctx);
  return madeToday(ctx, true) >= cap;
}
