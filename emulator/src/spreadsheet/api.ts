/**
 * Helpers shared by the API objects: instrumented wrapping (each object knows its own proxy so
 * that chained calls stay counted), colours, and argument checks with the real messages.
 */
import { instrument, raw } from '../instrument';
import type { Workbook } from './book';
import { EmulatorError } from './errors';

/** Base of every handed-out object: `self` is the instrumented proxy methods return. */
export abstract class ApiObject<T> {
  self!: T;
}

export function wrap<T, O extends ApiObject<T>>(obj: O, name: string, wb: Workbook): T {
  const proxy = instrument(obj, name, wb.log);
  obj.self = proxy as unknown as T;
  return proxy as unknown as T;
}

/** The emulator object behind a value the script passed back (a Range, a rule…). */
export function unwrap<C>(value: unknown, ctor: abstract new (...args: never[]) => C): C | null {
  if (!value || typeof value !== 'object') return null;
  const r = raw(value as object);
  return r instanceof ctor ? r : null;
}

export function invalidArgs(method: string, types: string): never {
  throw new EmulatorError(
    `The parameters (${types}) don't match the method signature for ${method}.`,
  );
}

export function typeNames(args: unknown[]): string {
  return args
    .map((a) => {
      if (a === null) return 'null';
      if (Array.isArray(a)) return 'number[]';
      if (a instanceof Date) return 'Date';
      const t = typeof a;
      if (t === 'number') return 'number';
      if (t === 'string') return 'String';
      if (t === 'boolean') return 'Boolean';
      return 'Object';
    })
    .join(',');
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  maroon: '#800000',
  navy: '#000080',
  teal: '#008080',
  olive: '#808000',
  aqua: '#00ffff',
  cyan: '#00ffff',
  fuchsia: '#ff00ff',
  magenta: '#ff00ff',
  pink: '#ffc0cb',
  brown: '#a52a2a',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  darkgray: '#a9a9a9',
  darkgrey: '#a9a9a9',
  lightblue: '#add8e6',
  lightgreen: '#90ee90',
  darkgreen: '#006400',
  darkred: '#8b0000',
  darkblue: '#00008b',
  gold: '#ffd700',
  salmon: '#fa8072',
  transparent: '#ffffff',
};

/** CSS colour → '#rrggbb' lowercase (what getBackground() returns). */
export function normaliseColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c] as string;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c);
  if (rgb) return rgbHex(Number(rgb[1]), Number(rgb[2]), Number(rgb[3]));
  return c;
}

export function rgbHex(r: number, g: number, b: number): string {
  const h = (n: number) =>
    Math.max(0, Math.min(255, Math.round(n)))
      .toString(16)
      .padStart(2, '0');
  return `#${h(r)}${h(g)}${h(b)}`;
}

/**
 * Methods of the real interface the emulator does not model: they exist (so a call is counted
 * and fails loudly with a clear message instead of "is not a function").
 */
export function notModelled(
  ctor: { prototype: object; name: string },
  service: string,
  names: string[],
): void {
  for (const name of names) {
    if (name in ctor.prototype) continue;
    Object.defineProperty(ctor.prototype, name, {
      configurable: true,
      writable: true,
      value() {
        throw new EmulatorError(`${service}.${name} is not modelled by the spreadsheet emulator.`);
      },
    });
  }
}
