/**
 * How an entry point runs a use case for google.script.run or a menu. What the user got wrong
 * becomes its French message in an ApiResult. Anything else (a service failing, a bug) becomes a
 * French message with a short reference, the details going to the log under that reference: no
 * raw service error ever reaches a user. The message says what the document holds, as the
 * context's ledger knows it: nothing written (or all put back), or something left to check.
 */
import type { ApiResult } from '../api/contract';
import { UserError } from '../domain/errors';
import { Context, describeError, safeLog } from './context';
import type { Outcome } from './ledger';
import { referenceVersion } from './referenceCache';
import { MissingSheetError } from './sheetTable';

/** A short reference for an unexpected error, for the user to quote and the log to hold. */
export function errorReference(): string {
  return Math.floor(Math.random() * 0x1000000)
    .toString(16)
    .toUpperCase()
    .padStart(6, '0');
}

const PASS_ON = 'Réessayez ; si cela recommence, transmettez cette référence.';

/** What the user is told of an unexpected failure, by what it left in the document. */
export function unexpectedMessage(reference: string, outcome: Outcome): string {
  const head = `Erreur inattendue (réf. ${reference})`;
  switch (outcome) {
    case 'nothing':
      return `${head} : rien n'a été enregistré. ${PASS_ON}`;
    case 'view':
      return (
        `${head} : aucune donnée n'a été modifiée, mais l'affichage (calendrier, vue d'ensemble ` +
        `ou filtre de la feuille) a pu rester inachevé. ${PASS_ON}`
      );
    case 'committed':
      return (
        `${head} : l'action n'a été faite qu'en partie ; ce qui est fait est noté dans la feuille ` +
        'Journal, le reste n’a pas été enregistré. Rechargez et vérifiez avant de compléter ; ' +
        'si cela recommence, transmettez cette référence.'
      );
    case 'uncertain':
      return (
        `${head} : l'action s'est interrompue et a pu laisser une modification incomplète. ` +
        'Rechargez et vérifiez les lignes concernées avant de recommencer, et transmettez cette ' +
        'référence à la personne qui gère le classeur.'
      );
  }
}

/** Logs an unexpected error under a new reference; returns the reference. */
function logged(e: unknown, outcome: Outcome, ctx: Context | undefined): string {
  const reference = errorReference();
  safeLog(`Suivi des stages, réf. ${reference} (${outcome}) : ${describeError(e)}`);
  if (outcome === 'uncertain') ctx?.journalIncident(reference, describeShort(e));
  return reference;
}

function describeShort(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 300);
}

export function run<T>(
  fn: (ctx: Context) => T,
  message: (v: T) => string,
  /** The execution's context when the caller already made one (one per execution suffices). */
  ctx?: Context,
): ApiResult<T> {
  let c = ctx;
  try {
    c ??= new Context();
    const value = fn(c);
    let refsVersion: string | undefined;
    try {
      refsVersion = referenceVersion(c);
    } catch {
      refsVersion = undefined;
    }
    return { ok: true, value, message: message(value), refsVersion };
  } catch (e) {
    // A use case that wrote without the lock (none should) is put back here all the same.
    c?.rollback();
    const outcome = c?.outcome() ?? 'nothing';
    const known = e instanceof UserError || e instanceof MissingSheetError;
    if (known && (outcome === 'nothing' || outcome === 'view')) {
      return {
        ok: false,
        error: e.message,
        ...(e instanceof UserError && e.field ? { field: e.field } : {}),
        ...(e instanceof UserError && e.conflict ? { conflict: true } : {}),
      };
    }
    const reference = logged(e, outcome, c);
    const text = unexpectedMessage(reference, outcome);
    return { ok: false, error: known ? `${e.message} ${text}` : text };
  }
}

/**
 * A call that only reads (the sidebar's lists, the selection): a refusal keeps its French
 * message, anything else is logged and becomes a French message with a reference.
 */
export function readOnly<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UserError || e instanceof MissingSheetError) throw e;
    const reference = logged(e, 'nothing', undefined);
    throw new Error(
      `Erreur inattendue (réf. ${reference}) : la lecture du classeur a échoué ; rien n'a été modifié. ${PASS_ON}`,
      { cause: e },
    );
  }
}

/**
 * A menu step that writes nothing (opening the sidebar): null when it went well, else the French
 * message to show.
 */
export function attempt(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof UserError || e instanceof MissingSheetError) return e.message;
    return unexpectedMessage(logged(e, 'nothing', undefined), 'nothing');
  }
}

/** The same result with its value transformed (the message is kept). */
export function mapValue<A, B>(r: ApiResult<A>, f: (a: A) => B): ApiResult<B> {
  return r.ok ? { ...r, value: f(r.value) } : r;
}
