import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  createScriptRunBridge,
  googleScriptRunShim,
  invokeServerFunction,
  serializeArguments,
  serializeReturnValue,
  type ScriptRunResult,
} from '../src/bridge';

describe('google.script.run arguments', () => {
  it('passes primitives, arrays and plain objects as copies', () => {
    const arg = { a: 1, b: 'x', c: [true, null, undefined], d: undefined, e: { f: NaN } };
    const [copy] = serializeArguments([arg]);
    expect(copy).toEqual({ a: 1, b: 'x', c: [true, null, null], e: { f: null } });
    expect(copy).not.toBe(arg);
    expect(serializeArguments([undefined, 3])).toEqual([null, 3]);
  });

  it('rejects a Date, a function or a DOM node, naming the property', () => {
    expect(() => serializeArguments([new Date()])).toThrow(
      new TypeError('Failed due to illegal value in property: 0'),
    );
    expect(() => serializeArguments(['ok', { when: new Date() }])).toThrow(
      'Failed due to illegal value in property: when',
    );
    expect(() => serializeArguments([{ list: [1, () => 2] }])).toThrow(
      'Failed due to illegal value in property: 1',
    );
    expect(() => serializeArguments([{ el: { nodeType: 1, nodeName: 'DIV' } }])).toThrow(
      'Failed due to illegal value in property: el',
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => serializeArguments([cyclic])).toThrow('Failed due to circular reference.');
    const shared = { x: 1 };
    expect(serializeArguments([{ a: shared, b: shared }])).toEqual([{ a: { x: 1 }, b: { x: 1 } }]);
  });
});

describe('google.script.run return values', () => {
  it('turns the whole value into null when it holds a Date', () => {
    expect(serializeReturnValue(new Date())).toBeNull();
    expect(serializeReturnValue([['a', new Date()]])).toBeNull();
    expect(serializeReturnValue({ rows: [{ d: new Date() }] })).toBeNull();
  });

  it('drops functions, keeps undefined as undefined, nulls non-finite numbers', () => {
    expect(serializeReturnValue(undefined)).toBeUndefined();
    expect(serializeReturnValue({ a: 1, f: () => 1, u: undefined })).toEqual({ a: 1 });
    expect(serializeReturnValue([1, () => 1, undefined, Infinity])).toEqual([1, null, null, null]);
    expect(serializeReturnValue(() => 1)).toBeNull();
  });
});

describe('createScriptRunBridge / invokeServerFunction', () => {
  const server: Record<string, (...args: unknown[]) => unknown> = {
    echo: (...args) => args,
    boom: () => {
      throw new RangeError('Stage introuvable');
    },
    throwsText: () => {
      throw 'texte';
    },
    nothing: () => undefined,
    secret_: () => 'private',
    mutate: (o) => {
      (o as { changed?: boolean }).changed = true;
      return o;
    },
  };
  const bundle = {
    call(name: string, ...args: unknown[]) {
      const fn = server[name];
      if (!fn) throw new Error(`Script function not found: ${name}`);
      return fn(...args);
    },
  };

  it('returns the serialised value', async () => {
    expect(await invokeServerFunction(bundle, 'echo', [1, { a: [2] }])).toEqual({
      ok: true,
      value: [1, { a: [2] }],
    });
    expect(await invokeServerFunction(bundle, 'nothing', [])).toEqual({ ok: true });
  });

  it('gives the caller a copy: the server cannot change the client object', async () => {
    const arg = { a: 1 };
    const res = await invokeServerFunction(bundle, 'mutate', [arg]);
    expect(res).toEqual({ ok: true, value: { a: 1, changed: true } });
    expect(arg).toEqual({ a: 1 });
  });

  it('reports errors with their name and message', async () => {
    expect(await invokeServerFunction(bundle, 'boom', [])).toEqual({
      ok: false,
      error: { name: 'RangeError', message: 'Stage introuvable' },
    });
    expect(await invokeServerFunction(bundle, 'throwsText', [])).toEqual({
      ok: false,
      error: { name: 'Error', message: 'texte' },
    });
    expect(await invokeServerFunction(bundle, 'missing', [])).toEqual({
      ok: false,
      error: { name: 'Error', message: 'Script function not found: missing' },
    });
    expect(await invokeServerFunction(bundle, 'secret_', [])).toEqual({
      ok: false,
      error: { name: 'Error', message: 'Script function not found: secret_' },
    });
    expect(await invokeServerFunction(bundle, 'echo', [new Date()])).toEqual({
      ok: false,
      error: { name: 'TypeError', message: 'Failed due to illegal value in property: 0' },
    });
  });

  it('handles HTTP bodies', async () => {
    const bridge = createScriptRunBridge((name, args) => bundle.call(name, ...args));
    expect(await bridge.handle('{"name":"echo","args":["x"]}')).toEqual({ ok: true, value: ['x'] });
    expect(await bridge.handle('{oops')).toMatchObject({ ok: false });
  });
});

interface Runner {
  withSuccessHandler(f: (v: unknown, u: unknown) => void): Runner;
  withFailureHandler(f: (e: Error, u: unknown) => void): Runner;
  withUserObject(o: unknown): Runner;
  add(...args: unknown[]): unknown;
  fail(): unknown;
  today(): unknown;
  nope(): unknown;
  hidden_?: unknown;
  other?: unknown;
}

describe('googleScriptRunShim', () => {
  function page(opts: { functionNames?: string[] } = {}) {
    const bridge = createScriptRunBridge((name, args) => {
      if (name === 'add') return (args[0] as number) + (args[1] as number);
      if (name === 'fail') throw new Error('Refusé');
      if (name === 'today') return new Date();
      throw new Error(`Script function not found: ${name}`);
    });
    const requests: unknown[] = [];
    const messages: unknown[] = [];
    const sandbox: Record<string, unknown> = {
      console,
      setTimeout,
      Promise,
      fetch: async (url: string, init: { body: string }) => {
        requests.push({ url, body: JSON.parse(init.body) });
        const result: ScriptRunResult = await bridge.handle(init.body);
        return { json: async () => JSON.parse(JSON.stringify(result)) };
      },
      parent: { postMessage: (msg: unknown, origin: string) => messages.push([msg, origin]) },
    };
    const ctx = vm.createContext(sandbox);
    sandbox.window = vm.runInContext('globalThis', ctx);
    vm.runInContext(googleScriptRunShim('/api/run', opts), ctx);
    const google = vm.runInContext('google', ctx) as {
      script: {
        run: Runner;
        host: { close(): void; setHeight(h: number): void; editor: { focus(): void } };
      };
    };
    return { google, requests, messages, ctx };
  }

  it('calls the server asynchronously and hands the value and user object to the handler', async () => {
    const { google, requests } = page();
    const result = await new Promise((resolve) => {
      const ret = google.script.run
        .withUserObject('ctx')
        .withSuccessHandler((v, u) => resolve([v, u]))
        .add(2, 3);
      expect(ret).toBeUndefined();
    });
    expect(result).toEqual([5, 'ctx']);
    expect(requests).toEqual([{ url: '/api/run', body: { name: 'add', args: [2, 3] } }]);
  });

  it('sends failures to the failure handler as Errors', async () => {
    const { google } = page();
    const error = await new Promise<Error>((resolve) => {
      google.script.run
        .withSuccessHandler(() => resolve(new Error('unexpected success')))
        .withFailureHandler((e) => resolve(e))
        .fail();
    });
    expect(error.message).toBe('Refusé');
    const missing = await new Promise<Error>((resolve) => {
      google.script.run.withFailureHandler((e) => resolve(e)).nope();
    });
    expect(missing.message).toBe('Script function not found: nope');
  });

  it('receives null for a returned Date', async () => {
    const { google } = page();
    const value = await new Promise((resolve) => {
      google.script.run.withSuccessHandler((v) => resolve(v)).today();
    });
    expect(value).toBeNull();
  });

  it('throws at once, client-side, for an illegal argument', () => {
    const { google, requests, ctx } = page();
    const PageDate = vm.runInContext('Date', ctx) as DateConstructor;
    expect(() => google.script.run.add(new PageDate(), 1)).toThrow(
      'Failed due to illegal value in property: 0',
    );
    expect(() => google.script.run.add({ f: () => 1 }, 1)).toThrow(
      'Failed due to illegal value in property: f',
    );
    expect(requests).toEqual([]);
  });

  it('keeps runners independent: handlers set on one do not leak to another', () => {
    const { google } = page();
    const base = google.script.run.withFailureHandler(() => undefined);
    const withSuccess = base.withSuccessHandler(() => undefined);
    expect(withSuccess).not.toBe(base);
    expect(google.script.run.withUserObject(1)).not.toBe(google.script.run);
  });

  it('exposes only the listed public functions when given', () => {
    const { google } = page({ functionNames: ['add', 'hidden_'] });
    expect(typeof google.script.run.add).toBe('function');
    expect(google.script.run.hidden_).toBeUndefined();
    expect(google.script.run.other).toBeUndefined();
  });

  it('forwards google.script.host calls to the parent window', () => {
    const { google, messages } = page();
    google.script.host.setHeight(420);
    google.script.host.editor.focus();
    google.script.host.close();
    expect(messages).toEqual([
      [{ type: 'gas-host', action: 'setHeight', value: 420 }, '*'],
      [{ type: 'gas-host', action: 'editor.focus', value: undefined }, '*'],
      [{ type: 'gas-host', action: 'close', value: undefined }, '*'],
    ]);
  });
});
