/**
 * How an entry point runs a use case for google.script.run or a menu: what the user got wrong
 * becomes a French message in an ApiResult (nothing was written), anything else stays an error,
 * so Apps Script logs it.
 */
import type { ApiResult } from '../api/contract';
import { UserError } from '../domain/errors';
import { Context } from './context';
import { referenceVersion } from './referenceCache';
import { MissingSheetError } from './sheetTable';

export function run<T>(
  fn: (ctx: Context) => T,
  message: (v: T) => string,
  /** The execution's context when the caller already made one (one per execution suffices). */
  ctx?: Context,
): ApiResult<T> {
  try {
    const c = ctx ?? new Context();
    const value = fn(c);
    return { ok: true, value, message: message(value), refsVersion: referenceVersion(c) };
  } catch (e) {
    if (e instanceof UserError) {
      return {
        ok: false,
        error: e.message,
        ...(e.field ? { field: e.field } : {}),
        ...(e.conflict ? { conflict: true } : {}),
      };
    }
    if (e instanceof MissingSheetError) return { ok: false, error: e.message };
    throw e;
  }
}

/** The same result with its value transformed (the message is kept). */
export function mapValue<A, B>(r: ApiResult<A>, f: (a: A) => B): ApiResult<B> {
  return r.ok ? { ...r, value: f(r.value) } : r;
}
