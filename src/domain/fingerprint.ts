/**
 * A short digest of a row as the sidebar read it. When the sidebar sends a change back with that
 * digest, the server digests the row as it is now: a difference means someone else changed the
 * row meanwhile, which is reported as a conflict instead of being overwritten.
 *
 * Values must be plain JSON-like data: strings, numbers, booleans, null/undefined, arrays and
 * plain objects. **Never pass a Date**: a date cell must first be turned into its ISO string,
 * because a Date's JSON form depends on the time zone of the machine that reads it, so the
 * sidebar's and the server's digests would differ. A Date throws, to catch the mistake early.
 */

function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) {
    throw new TypeError('fingerprint: pass dates as ISO strings, never as Date objects.');
  }
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  throw new TypeError(`fingerprint: unsupported value of type ${typeof value}.`);
}

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`; 8 hex digits. */
export function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  const byte = (b: number): void => {
    hash ^= b;
    hash = Math.imul(hash, 0x01000193);
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      byte(cp);
    } else if (cp < 0x800) {
      byte(0xc0 | (cp >> 6));
      byte(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      byte(0xe0 | (cp >> 12));
      byte(0x80 | ((cp >> 6) & 0x3f));
      byte(0x80 | (cp & 0x3f));
    } else {
      byte(0xf0 | (cp >> 18));
      byte(0x80 | ((cp >> 12) & 0x3f));
      byte(0x80 | ((cp >> 6) & 0x3f));
      byte(0x80 | (cp & 0x3f));
    }
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The digest of a row's values (see the rules above). */
export function fingerprint(values: readonly unknown[]): string {
  return fnv1a32(canonical(values));
}
