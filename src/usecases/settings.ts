/** "Paramètres…": save the school's settings, and recount presence when it depends on them. */
import type { SettingsView } from '../api/contract';
import { validateSettings } from '../domain/settings';
import type { Context } from '../gas/context';
import { recomputeDurationsLocked } from './durations';
import { unwrap } from './stageStore';

export function saveSettings(
  ctx: Context,
  input: SettingsView,
): { settings: SettingsView; recounted: number } {
  const s = unwrap(validateSettings(input));
  return ctx.withLock(() => {
    const before = ctx.settings();
    ctx.saveSettings(s);
    ctx.journal({ action: 'Paramètres', target: '', before, after: s });
    // Presence depends on these two: keep the column true at once.
    const recount =
      before.alsaceMoselle !== s.alsaceMoselle ||
      before.defaultWeeklyHours !== s.defaultWeeklyHours;
    return { settings: s, recounted: recount ? recomputeDurationsLocked(ctx).updated : 0 };
  });
}
