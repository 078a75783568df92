import { createHash } from 'node:crypto';
import type { CallLog } from '../instrument';
import { expose } from './exposed';

type Session = GoogleAppsScript.Base.Session;
type User = GoogleAppsScript.Base.User;

export interface SessionOptions {
  userEmail: string;
  timeZone: string;
  /** Spreadsheet-style locale, e.g. 'fr_FR'; the session reports its language ('fr'). */
  locale: string;
}

export function createSession(log: CallLog, opts: SessionOptions): Session {
  const user = (): User => expose<User>({ getEmail: () => opts.userEmail }, 'User', log);
  const session: Session = {
    getActiveUser: user,
    getEffectiveUser: user,
    getScriptTimeZone: () => opts.timeZone,
    // Documented as "the language setting of the current user as a string—for example, en".
    getActiveUserLocale: () => opts.locale.split(/[_-]/)[0] ?? opts.locale,
    getTimeZone: () => opts.timeZone,
    getUser: user,
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`temp-key:${opts.userEmail}`).digest('base64').slice(0, 43),
  };
  return expose<Session>(session, 'Session', log);
}
