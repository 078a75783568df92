/**
 * The reference lists (sessions, students, companies, tutors, staff) kept in the document's
 * cache between executions, under a version stamp kept in the document's properties. The stamp
 * changes whenever the add-on writes a reference sheet, and whenever someone edits one by hand
 * (`onEdit`), so a stage action validates the IDs it is sent and writes their names without
 * reading five sheets. What no trigger reports (a row deleted from the sheet's menu, a change
 * made by another program) is seen at the latest when the entry expires.
 *
 * A cache failure never fails an action: the lists are then read from their sheets.
 */
import type { Context } from './context';
import { documentCache } from './documentCache';

export const REFERENCE_VERSION_KEY = 'sds.refsVersion';

/** Seconds an entry is trusted without a trigger having confirmed it. */
export const REFERENCE_CACHE_TTL_S = 600;

/** CacheService refuses values over 100 KB: a list is stored in chunks below that. */
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 8;

export const REFERENCE_LISTS = ['sessions', 'students', 'companies', 'tutors', 'staff'] as const;
export type ReferenceList = (typeof REFERENCE_LISTS)[number];

const loaded = new WeakMap<Context, { version: string; entries: Record<string, string> }>();

function keyOf(version: string, list: ReferenceList, chunk: number | 'n'): string {
  return `sds.refs.${version}.${list}.${chunk}`;
}

/** All entries of this version, fetched in one call the first time an execution needs one. */
function entries(ctx: Context, version: string): Record<string, string> {
  const known = loaded.get(ctx);
  if (known && known.version === version) return known.entries;
  const keys: string[] = [];
  for (const list of REFERENCE_LISTS) {
    keys.push(keyOf(version, list, 'n'));
    for (let i = 0; i < MAX_CHUNKS; i++) keys.push(keyOf(version, list, i));
  }
  let got: Record<string, string>;
  try {
    got = documentCache(ctx)?.getAll(keys) ?? {};
  } catch {
    got = {};
  }
  loaded.set(ctx, { version, entries: got });
  return got;
}

function decode<T>(all: Record<string, string>, version: string, list: ReferenceList): T[] | null {
  const n = Number(all[keyOf(version, list, 'n')]);
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHUNKS) return null;
  let text = '';
  for (let i = 0; i < n; i++) {
    const part = all[keyOf(version, list, i)];
    if (part === undefined) return null;
    text += part;
  }
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value as T[]) : null;
  } catch {
    return null;
  }
}

function store(ctx: Context, version: string, list: ReferenceList, items: unknown[]): void {
  const text = JSON.stringify(items);
  const n = Math.max(1, Math.ceil(text.length / CHUNK_CHARS));
  if (n > MAX_CHUNKS) return;
  const values: Record<string, string> = { [keyOf(version, list, 'n')]: String(n) };
  for (let i = 0; i < n; i++)
    values[keyOf(version, list, i)] = text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  try {
    documentCache(ctx)?.putAll(values, REFERENCE_CACHE_TTL_S);
    Object.assign(entries(ctx, version), values);
  } catch {
    // Not cached: the next execution reads the sheet again, nothing else changes.
  }
}

/**
 * A reference list from the cache when its version is current, else from `read` (its sheet),
 * then cached. Items must be plain JSON (no Date).
 */
export function cachedReferenceList<T>(ctx: Context, list: ReferenceList, read: () => T[]): T[] {
  let version = ctx.properties()[REFERENCE_VERSION_KEY] ?? '';
  if (version === '') {
    try {
      bumpReferenceVersion(ctx);
    } catch {
      return read();
    }
    version = ctx.properties()[REFERENCE_VERSION_KEY] ?? '';
  }
  const hit = decode<T>(entries(ctx, version), version, list);
  if (hit) return hit;
  const items = read();
  store(ctx, version, list, items);
  return items;
}

/** The current stamp ('' before the first change seen). */
export function referenceVersion(ctx: Context): string {
  return ctx.properties()[REFERENCE_VERSION_KEY] ?? '';
}

/** A reference sheet changed: cached lists of the old stamp are no longer used. */
export function bumpReferenceVersion(ctx: Context): void {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  ctx.setProperty(REFERENCE_VERSION_KEY, stamp);
  loaded.delete(ctx);
}
