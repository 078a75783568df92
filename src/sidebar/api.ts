/**
 * The sidebar's only door to the server: a typed promise over `google.script.run`.
 * Names and signatures come from `ServerApi`, so a renamed server function breaks the build,
 * not the user's click.
 */
import type { ApiResult, ServerApi } from '../api/contract';

/** The server calls that may change something: they answer with an `ApiResult`. */
export type ActionName = {
  [K in keyof ServerApi]: ReturnType<ServerApi[K]> extends ApiResult<unknown> ? K : never;
}[keyof ServerApi];

/** What an action returns when the server accepted it. */
export type ActionValue<K extends ActionName> =
  ReturnType<ServerApi[K]> extends ApiResult<infer T> ? T : never;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [fn: string]: unknown;
}

interface GoogleClient {
  script?: { run?: ScriptRun; host?: { close(): void; setHeight?(h: number): void } };
}

function client(): GoogleClient | undefined {
  return (globalThis as { google?: GoogleClient }).google;
}

/** Raised when the server threw (or could not be reached); `message` is French, for the user. */
export class ServerError extends Error {
  constructor(
    message: string,
    readonly functionName: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

type FailureListener = (error: ServerError) => void;
const failureListeners: FailureListener[] = [];

/** Called on every failed call (the sidebar shows its error banner from here). */
export function onServerFailure(listener: FailureListener): void {
  failureListeners.push(listener);
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  if (error && typeof error === 'object' && 'message' in error) {
    const m = (error as { message: unknown }).message;
    if (typeof m === 'string' && m) return m;
  }
  return 'erreur inconnue';
}

export function callServer<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const fail = (message: string): void => {
      const err = new ServerError(message, name);
      for (const l of failureListeners) l(err);
      reject(err);
    };
    const run = client()?.script?.run;
    if (!run) {
      fail('Le serveur Apps Script est injoignable (google.script.run absent).');
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => {
        // The server words its own failures in French, with a reference (src/gas/run.ts).
        const m = messageOf(error);
        fail(/^Erreur inattendue \(réf\./.test(m) ? m : `Erreur du serveur (${name}) : ${m}`);
      });
    const fn = runner[name];
    if (typeof fn !== 'function') {
      fail(`La fonction serveur ${name} n'existe pas.`);
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/** Closes the sidebar (no-op outside Apps Script). */
export function closeSidebar(): void {
  client()?.script?.host?.close();
}
