import { instrument, type CallLog } from '../instrument';

const proxies = new WeakMap<object, object>();

/**
 * The one instrumented proxy of an emulated object. Methods that chain (`setName` returning the
 * file…) must return this proxy, not `this`, or the chained calls would escape the call count.
 */
export function expose<T extends object>(impl: object, name: string, log: CallLog): T {
  let proxy = proxies.get(impl);
  if (!proxy) {
    proxy = instrument(impl, name, log);
    proxies.set(impl, proxy);
  }
  return proxy as T;
}

/** Base of emulated Apps Script objects: `this.api` is the counted view handed to scripts. */
export abstract class Exposed<T extends object> {
  protected constructor(
    protected readonly log: CallLog,
    private readonly serviceName: string,
  ) {}

  get api(): T {
    return expose<T>(this, this.serviceName, this.log);
  }
}

/** Apps Script's error for a wrong argument list, e.g. `formatDate('x', …)`. */
export function signatureError(method: string, args: readonly unknown[]): Error {
  const types = args.map((a) => {
    if (a === null) return 'null';
    if (a instanceof Date || Object.prototype.toString.call(a) === '[object Date]') return 'Date';
    if (Array.isArray(a)) return 'number[]';
    if (typeof a === 'string') return 'String';
    if (typeof a === 'object') return 'Object';
    return typeof a;
  });
  return new Error(
    `The parameters (${types.join(',')}) don't match the method signature for ${method}.`,
  );
}
