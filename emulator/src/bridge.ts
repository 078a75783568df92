/**
 * google.script.run, emulated: the rules Apps Script applies to what crosses between a sidebar
 * and the server, a server-side entry (`invokeServerFunction`, `createScriptRunBridge`) and the
 * browser-side script (`googleScriptRunShim`) that the workbench and browser tests inject.
 *
 * Pinned rules (documented ones, and observed behaviour the community reports):
 * - Arguments may be primitives, arrays and plain objects, or one form as the only argument.
 *   A Date, function or DOM node anywhere fails at once, client-side, with a TypeError
 *   "Failed due to illegal value in property: <key>" (key = argument index or property name);
 *   a cycle fails with "Failed due to circular reference.". The server gets a copy; undefined
 *   becomes null in arrays (and as an argument) and disappears from objects.
 * - Return values: a Date anywhere makes the whole value null; functions are dropped (null in
 *   arrays); undefined stays undefined (the success handler gets undefined); NaN/±Infinity
 *   become null.
 * - A thrown error reaches the failure handler as an Error with the server error's name and
 *   message. Functions whose name ends with "_" are private and cannot be called.
 */

export interface ScriptRunError {
  name: string;
  message: string;
}

export type ScriptRunResult = { ok: true; value?: unknown } | { ok: false; error: ScriptRunError };

export const CIRCULAR_REFERENCE = 'Failed due to circular reference.';

export function illegalValueMessage(key: string): string {
  return `Failed due to illegal value in property: ${key}`;
}

function isDate(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function isDomNode(value: object): boolean {
  const v = value as { nodeType?: unknown; nodeName?: unknown };
  return typeof v.nodeType === 'number' && typeof v.nodeName === 'string';
}

function copyArgument(value: unknown, key: string, stack: object[]): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      break;
    default:
      throw new TypeError(illegalValueMessage(key));
  }
  const obj = value as object;
  if (isDate(obj) || isDomNode(obj)) throw new TypeError(illegalValueMessage(key));
  if (stack.includes(obj)) throw new TypeError(CIRCULAR_REFERENCE);
  stack.push(obj);
  try {
    if (Array.isArray(obj)) return obj.map((item, i) => copyArgument(item, String(i), stack));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      out[k] = copyArgument(v, k, stack);
    }
    return out;
  } finally {
    stack.pop();
  }
}

/** Check and copy arguments as google.script.run does; throws its TypeError when illegal. */
export function serializeArguments(args: readonly unknown[]): unknown[] {
  return args.map((arg, i) => copyArgument(arg, String(i), []));
}

const DROP = Symbol('drop');

function containsDate(value: unknown, stack: object[]): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isDate(value)) return true;
  if (stack.includes(value)) return false;
  stack.push(value);
  try {
    return Object.values(value).some((v) => containsDate(v, stack));
  } finally {
    stack.pop();
  }
}

function copyReturn(value: unknown, stack: object[]): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      return DROP;
    case 'bigint':
      return null;
    default:
      break;
  }
  const obj = value as object;
  if (stack.includes(obj)) throw new TypeError(CIRCULAR_REFERENCE);
  stack.push(obj);
  try {
    if (Array.isArray(obj)) {
      return obj.map((item) => {
        const v = copyReturn(item, stack);
        return v === DROP ? null : v;
      });
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      const c = copyReturn(v, stack);
      if (c !== DROP) out[k] = c;
    }
    return out;
  } finally {
    stack.pop();
  }
}

/** What the success handler receives for a server function's return value. */
export function serializeReturnValue(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (containsDate(value, [])) return null;
  const copy = copyReturn(value, []);
  return copy === DROP ? null : copy;
}

/** An error as the failure handler sees it (works for errors from any realm). */
export function toScriptRunError(error: unknown): ScriptRunError {
  if (error && typeof error === 'object' && typeof (error as Error).message === 'string') {
    const name = (error as Error).name;
    return {
      name: typeof name === 'string' && name ? name : 'Error',
      message: (error as Error).message,
    };
  }
  return { name: 'Error', message: String(error) };
}

export interface ScriptRunBridge {
  /** Run server function `name` with `args` under google.script.run's rules. */
  invoke(name: string, args: readonly unknown[]): Promise<ScriptRunResult>;
  /** Handle a request body `{ name, args }` (object or JSON text), as the workbench receives it. */
  handle(body: unknown): Promise<ScriptRunResult>;
}

export function createScriptRunBridge(
  call: (name: string, args: unknown[]) => unknown,
): ScriptRunBridge {
  const invoke = async (name: string, args: readonly unknown[]): Promise<ScriptRunResult> => {
    let copied: unknown[];
    try {
      copied = serializeArguments(args);
    } catch (e) {
      return { ok: false, error: toScriptRunError(e) };
    }
    try {
      if (typeof name !== 'string' || name === '' || name.endsWith('_')) {
        throw new Error(`Script function not found: ${String(name)}`);
      }
      const value = serializeReturnValue(await call(name, copied));
      return value === undefined ? { ok: true } : { ok: true, value };
    } catch (e) {
      return { ok: false, error: toScriptRunError(e) };
    }
  };
  return {
    invoke,
    handle: async (body) => {
      let parsed: unknown = body;
      if (typeof body === 'string') {
        try {
          parsed = JSON.parse(body);
        } catch {
          return { ok: false, error: { name: 'SyntaxError', message: 'Invalid request body.' } };
        }
      }
      const { name, args } = (parsed ?? {}) as { name?: unknown; args?: unknown };
      return invoke(String(name ?? ''), Array.isArray(args) ? args : []);
    },
  };
}

/** Run `name` of a loaded bundle as google.script.run would (see ./bundle.ts). */
export function invokeServerFunction(
  bundle: { call(name: string, ...args: unknown[]): unknown },
  name: string,
  args: readonly unknown[],
): Promise<ScriptRunResult> {
  return createScriptRunBridge((n, a) => bundle.call(n, ...a)).invoke(name, args);
}

/**
 * Browser script defining `google.script.run` (calls POST `{name, args}` to `endpoint` and read
 * a ScriptRunResult) and `google.script.host` (posts `{type: 'gas-host', action, value}` to the
 * parent window). With `functionNames`, only those public functions exist on the runner, as in
 * Apps Script; without, any name is accepted.
 */
export function googleScriptRunShim(
  endpoint: string,
  opts: { functionNames?: readonly string[] } = {},
): string {
  const names = opts.functionNames
    ? JSON.stringify(opts.functionNames.filter((n) => !n.endsWith('_')))
    : 'null';
  return `(function () {
  'use strict';
  var ENDPOINT = ${JSON.stringify(endpoint)};
  var NAMES = ${names};
  var CIRCULAR = ${JSON.stringify(CIRCULAR_REFERENCE)};
  function illegal(key) { return new TypeError(${JSON.stringify(illegalValueMessage(''))} + key); }
  function isForm(v) { return typeof HTMLFormElement !== 'undefined' && v instanceof HTMLFormElement; }
  function isNode(v) { return typeof v.nodeType === 'number' && typeof v.nodeName === 'string'; }
  function copy(v, key, stack) {
    if (v === null || v === undefined) return null;
    var t = typeof v;
    if (t === 'string' || t === 'boolean') return v;
    if (t === 'number') return isFinite(v) ? v : null;
    if (t !== 'object') throw illegal(key);
    if (Object.prototype.toString.call(v) === '[object Date]' || isNode(v)) throw illegal(key);
    if (stack.indexOf(v) >= 0) throw new TypeError(CIRCULAR);
    stack.push(v);
    try {
      if (Array.isArray(v)) return v.map(function (x, i) { return copy(x, String(i), stack); });
      var out = {};
      Object.keys(v).forEach(function (k) { if (v[k] !== undefined) out[k] = copy(v[k], k, stack); });
      return out;
    } finally { stack.pop(); }
  }
  function formToObject(form) {
    var out = {};
    new FormData(form).forEach(function (value, name) {
      var v = typeof value === 'string' ? value : null;
      if (Object.prototype.hasOwnProperty.call(out, name)) {
        out[name] = [].concat(out[name], v);
      } else out[name] = v;
    });
    return out;
  }
  function later(fn) { setTimeout(fn, 0); }
  function makeRunner(success, failure, userObject) {
    var runner = {
      withSuccessHandler: function (f) { return makeRunner(f, failure, userObject); },
      withFailureHandler: function (f) { return makeRunner(success, f, userObject); },
      withUserObject: function (o) { return makeRunner(success, failure, o); }
    };
    function fail(error) {
      var e = new Error(error && error.message);
      e.name = (error && error.name) || 'Error';
      if (failure) failure(e, userObject);
      else later(function () { throw e; });
    }
    function invoke(name, args) {
      var payload = args.length === 1 && isForm(args[0])
        ? [formToObject(args[0])]
        : args.map(function (a, i) { return copy(a, String(i), []); });
      fetch(ENDPOINT, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: name, args: payload })
      }).then(function (r) { return r.json(); }).then(function (res) {
        try {
          if (res && res.ok) { if (success) success(res.value, userObject); }
          else fail(res && res.error);
        } catch (err) { later(function () { throw err; }); }
      }, function (err) {
        fail({ name: 'NetworkError', message: String((err && err.message) || err) });
      });
    }
    if (NAMES) {
      NAMES.forEach(function (n) {
        runner[n] = function () { invoke(n, Array.prototype.slice.call(arguments)); };
      });
      return runner;
    }
    return new Proxy(runner, {
      get: function (target, prop) {
        if (typeof prop !== 'string' || prop in target) return target[prop];
        if (prop === 'then' || prop === 'toJSON') return undefined;
        return function () { invoke(prop, Array.prototype.slice.call(arguments)); };
      }
    });
  }
  function post(action, value) {
    window.parent.postMessage({ type: 'gas-host', action: action, value: value }, '*');
  }
  var g = window.google = window.google || {};
  g.script = g.script || {};
  g.script.run = makeRunner(null, null, undefined);
  g.script.host = {
    origin: window.location ? window.location.origin : '',
    close: function () { post('close'); },
    setHeight: function (h) { post('setHeight', h); },
    setWidth: function (w) { post('setWidth', w); },
    editor: { focus: function () { post('editor.focus'); } }
  };
})();
`;
}
