/** "Paramètres…": save the school's settings, and recount presence when it depends on them. */
import type { SettingsView } from '../api/contract';
import { validateSettings } from '../domain/settings';
import type { Context } from '../gas/context';
import { recountPresence } from './durations';
import { unwrap } from './stageStore';

export function saveSettings(
  ctx: Context,
  input: SettingsView,
): { settings: SettingsView; recounted: number } {
  const s = unwrap(validateSettings(input));
  return ctx.withLock(() => {
    const before = ctx.settings();
    ctx.noteWrite();
    ctx.onRollback(() => ctx.saveSettings(before));
    ctx.saveSettings(s);
    // Presence depends on these two: keep the column true at once, in the same action.
    const recount =
      before.alsaceMoselle !== s.alsaceMoselle ||
      before.defaultWeeklyHours !== s.defaultWeeklyHours;
    const recounted = recount ? recountPresence(ctx) : 0;
    ctx.journal({
      action: 'Paramètres',
      target: '',
      before,
      after: recount ? { ...s, lignes: recounted } : s,
    });
    return { settings: s, recounted };
  });
}
