/** The thresholds of « Conventions à relancer » (Paramètres), their defaults when not set. */
import {
  DEFAULT_CHASE_AFTER_DAYS,
  DEFAULT_CHASE_WITHIN_DAYS,
  MAX_CHASE_DAYS,
} from '../../domain/documents/reminders';
import type { Context } from '../../gas/context';

export const CHASE_KEY = 'sds.chaseDays';

function days(v: unknown, d: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_CHASE_DAYS ? v : d;
}

export function chaseDays(ctx: Context): { afterDays: number; withinDays: number } {
  let saved: { afterDays?: unknown; withinDays?: unknown } = {};
  try {
    saved = JSON.parse(ctx.properties()[CHASE_KEY] ?? '{}') as typeof saved;
  } catch {
    saved = {};
  }
  return {
    afterDays: days(saved.afterDays, DEFAULT_CHASE_AFTER_DAYS),
    withinDays: days(saved.withinDays, DEFAULT_CHASE_WITHIN_DAYS),
  };
}
