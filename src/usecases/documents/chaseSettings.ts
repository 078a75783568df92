/** The thresholds of « Conventions à relancer » (Paramètres; 10 and 15 days by default). */
import type { Context } from '../../gas/context';

export function chaseDays(ctx: Context): { afterDays: number; withinDays: number } {
  const s = ctx.settings();
  return { afterDays: s.chaseAfterDays, withinDays: s.chaseWithinDays };
}
