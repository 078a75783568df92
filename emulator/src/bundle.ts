/**
 * Runs the built server bundle (dist/Code.js, a classic script) on the emulator, in a fresh
 * `node:vm` context whose global object holds only the Apps Script globals and the standard
 * JavaScript built-ins: no require, process, Buffer, timers or fetch, as in Apps Script.
 *
 * Realms: objects made by the emulator come from the host realm, the script's literals from the
 * context's. So that the script's checks behave as in Apps Script (one realm):
 * - `Date` in the context IS the host Date (wrapped so that `new Date()` and `Date.now()` read
 *   the emulator's clock): a date cell read by the script is `instanceof Date`, and a Date the
 *   script writes is a Date for the emulator.
 * - `instanceof Error` / `TypeError`… / `Array` / `Object` also accept host-realm values, so a
 *   service error caught by the script is an Error. Subclasses keep the ordinary check.
 *
 * Local time: Apps Script runs a script with its project time zone as the local zone
 * (`new Date(2023, 1, 20)`, `getDate()`, `toString()` all use it). One isolate has one local
 * zone, so loading a bundle sets the process's TZ to the emulator's time zone (opt out with
 * `{ processTimeZone: false }`); host code in the same process sees that zone too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import type { Emulator } from './index';
import { GLOBAL_NAMES } from './index';
import { ExecutionTimeLimitError } from './services/execution';

export interface BundleContext {
  readonly context: vm.Context;
  readonly emulator: Emulator;
  /**
   * Call the script's global function `name` as one execution: throws "Script function not
   * found: name" when there is none; locks the execution still holds are released afterwards.
   */
  call(name: string, ...args: unknown[]): unknown;
  has(name: string): boolean;
  /** The top-level functions the bundle defined. */
  functionNames(): string[];
  /** Fire installable trigger `id` (see emulator.triggers) through call(). */
  fireTrigger(id: string): unknown;
  /** Fire every clock trigger due at the emulator's time; returns their ids. */
  runDueTriggers(): string[];
}

export const FUNCTION_NOT_FOUND = (name: string) => `Script function not found: ${name}`;

type Ctor = abstract new (...args: never[]) => unknown;

/** The host Date, reading "now" from the emulator's clock. */
function clockDate(emulator: Emulator): DateConstructor {
  const HostDate = Date;
  return new Proxy(HostDate, {
    construct(target, args, newTarget) {
      const a = args.length === 0 ? [emulator.clock.nowMs()] : args;
      return Reflect.construct(target, a, newTarget) as object;
    },
    apply(target, _this, args) {
      return args.length === 0
        ? new target(emulator.clock.nowMs()).toString()
        : Reflect.apply(target, undefined, args);
    },
    get(target, prop, receiver) {
      if (prop === 'now') return () => emulator.clock.nowMs();
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

const CROSS_REALM = [
  'Object',
  'Array',
  'Function',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'RegExp',
  'Map',
  'Set',
  'Promise',
] as const;

function bridgeInstanceof(context: vm.Context): void {
  const host = globalThis as unknown as Record<string, Ctor>;
  const ordinary = Function.prototype[Symbol.hasInstance];
  for (const name of CROSS_REALM) {
    const inner = vm.runInContext(name, context) as Ctor;
    const outer = host[name];
    if (!outer || inner === outer) continue;
    Object.defineProperty(inner, Symbol.hasInstance, {
      configurable: true,
      value: function (this: unknown, value: unknown): boolean {
        if (ordinary.call(this, value)) return true;
        // Only the built-in itself, not `class MyError extends Error`, accepts the host's.
        return this === inner && ordinary.call(outer, value);
      },
    });
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Make `timeZone` the local zone of this process, as the script's zone is in Apps Script. */
export function applyScriptTimeZone(timeZone: string): void {
  if (process.env.TZ !== timeZone) process.env.TZ = timeZone;
}

export function loadBundle(
  code: string,
  emulator: Emulator,
  opts: { filename?: string; processTimeZone?: boolean } = {},
): BundleContext {
  if (opts.processTimeZone !== false) applyScriptTimeZone(emulator.timeZone);
  const sandbox: Record<string, unknown> = {};
  for (const name of GLOBAL_NAMES) sandbox[name] = emulator.globals[name];
  sandbox.Date = clockDate(emulator);
  const context = vm.createContext(sandbox, {
    name: 'Apps Script',
    codeGeneration: { strings: true, wasm: false },
  });
  bridgeInstanceof(context);
  emulator.html.setScope(context);

  const before = new Set(Object.keys(sandbox));
  vm.runInContext(code, context, { filename: opts.filename ?? 'Code.gs' });

  const lookup = (name: string): unknown => {
    if (typeof name !== 'string') return undefined;
    if (Object.prototype.hasOwnProperty.call(sandbox, name)) return sandbox[name];
    // Top-level `const f = () => …` lives in the script scope, not on the global object.
    if (!IDENTIFIER.test(name)) return undefined;
    return vm.runInContext(`typeof ${name} === 'undefined' ? undefined : ${name}`, context);
  };

  const call = (name: string, ...args: unknown[]): unknown => {
    const fn = lookup(name);
    if (typeof fn !== 'function' || (GLOBAL_NAMES as readonly string[]).includes(name)) {
      throw new Error(FUNCTION_NOT_FOUND(name));
    }
    const outer = emulator.execution.begin();
    let result: unknown;
    let failure: { error: unknown } | null = null;
    try {
      result = (fn as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      failure = { error };
    }
    const killed = outer && emulator.execution.end();
    emulator.locks.endExecution();
    // Apps Script kills an execution past its time limit: catching the error does not help.
    if (killed) throw new ExecutionTimeLimitError();
    if (failure) throw failure.error;
    return result;
  };

  const bundle: BundleContext = {
    context,
    emulator,
    call,
    has: (name) =>
      !(GLOBAL_NAMES as readonly string[]).includes(name) && typeof lookup(name) === 'function',
    functionNames: () =>
      Object.keys(sandbox).filter((k) => !before.has(k) && typeof sandbox[k] === 'function'),
    fireTrigger: (id) => emulator.triggers.fire(id, (handler, args) => call(handler, ...args)),
    runDueTriggers: () => emulator.triggers.runDue((handler, args) => call(handler, ...args)),
  };
  return bundle;
}

/** Load dist/Code.js and register dist/*.html as the project's HTML files. */
export function loadBundleFromDist(distDir: string, emulator: Emulator): BundleContext {
  for (const file of readdirSync(distDir)) {
    if (file.endsWith('.html')) emulator.html.add(file, readFileSync(join(distDir, file), 'utf8'));
  }
  const code = readFileSync(join(distDir, 'Code.js'), 'utf8');
  return loadBundle(code, emulator, { filename: 'Code.gs' });
}

export interface LaneCall {
  name: string;
  args?: unknown[];
}

export interface LaneRun {
  lane: number;
  name: string;
  startMs: number;
  endMs: number;
  result?: unknown;
  /** What the execution threw (the run goes on: a lane is a sidebar calling again). */
  error?: unknown;
}

/**
 * Run executions in `lanes` parallel lanes of virtual time, as several sidebars (or one sidebar
 * with several calls in flight) would: `next(lane, previous)` says what the lane calls next, or
 * null when it is done. The lane whose clock is earliest runs its next execution, whole, from its
 * own start time; afterwards the clock stands at the latest lane's end.
 *
 * The approximation: executions do not interleave call by call. An execution's calls are judged
 * by the per-minute quotas against the calls recorded so far, so the calls of an overlapping
 * execution that runs later here are not seen by it (they are seen by the ones after). Locks held
 * across lanes are not simulated either: use emulator.locks for that.
 */
export function runLanes(
  bundle: BundleContext,
  lanes: number,
  next: (lane: number, previous: LaneRun | null) => LaneCall | null,
  opts: { gapMs?: number } = {},
): LaneRun[] {
  const clock = bundle.emulator.clock;
  const times = Array.from({ length: lanes }, () => clock.nowMs());
  const last: (LaneRun | null)[] = times.map(() => null);
  const active = new Set(times.map((_, i) => i));
  const runs: LaneRun[] = [];
  while (active.size > 0) {
    const lane = [...active].reduce((a, b) => ((times[b] ?? 0) < (times[a] ?? 0) ? b : a));
    const call = next(lane, last[lane] ?? null);
    if (!call) {
      active.delete(lane);
      continue;
    }
    const startMs = times[lane] ?? clock.nowMs();
    bundle.emulator.setNow(new Date(startMs));
    const run: LaneRun = { lane, name: call.name, startMs, endMs: startMs };
    try {
      run.result = bundle.call(call.name, ...(call.args ?? []));
    } catch (error) {
      run.error = error;
    }
    run.endMs = clock.nowMs();
    times[lane] = run.endMs + (opts.gapMs ?? 0);
    last[lane] = run;
    runs.push(run);
  }
  bundle.emulator.setNow(new Date(Math.max(...times.map((t, i) => last[i]?.endMs ?? t))));
  return runs;
}
