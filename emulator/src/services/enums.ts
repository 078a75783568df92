/**
 * Apps Script enums are objects (not numbers or strings): `String(ScriptApp.AuthMode.FULL)` is
 * "FULL", they compare by identity, and they expose name()/ordinal(). The emulator mimics that.
 */
export interface EnumValue {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

export type EnumOf<K extends string> = Readonly<Record<K, EnumValue>>;

export function makeEnum<K extends string>(keys: readonly K[]): EnumOf<K> {
  const out = {} as Record<K, EnumValue>;
  keys.forEach((key, i) => {
    out[key] = Object.freeze({
      name: () => key,
      ordinal: () => i,
      toString: () => key,
      toJSON: () => key,
    });
  });
  return Object.freeze(out);
}

/** The enum key of `value` (an EnumValue, or already its name), or undefined. */
export function enumName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as EnumValue).name === 'function') {
    return (value as EnumValue).name();
  }
  return undefined;
}
