import type { CallLog } from '../instrument';
import type { Clock } from './clock';
import { Exposed, expose } from './exposed';

type Cache = GoogleAppsScript.Cache.Cache;
type CacheService = GoogleAppsScript.Cache.CacheService;

export type CacheScope = 'document' | 'script' | 'user';
interface Entry {
  value: string;
  expiresAtMs: number;
}
export type CacheSnapshot = Record<CacheScope, Record<string, Entry>>;

const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21600;
const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;

export class CacheStore {
  private stores: Record<CacheScope, Map<string, Entry>> = {
    document: new Map(),
    script: new Map(),
    user: new Map(),
  };

  constructor(private readonly clock: Clock) {}

  /** Entries still alive at the emulator's current time. */
  live(scope: CacheScope): Map<string, Entry> {
    const map = this.stores[scope];
    const now = this.clock.nowMs();
    for (const [k, e] of map) if (e.expiresAtMs <= now) map.delete(k);
    return map;
  }

  snapshot(): CacheSnapshot {
    return {
      document: Object.fromEntries(this.live('document')),
      script: Object.fromEntries(this.live('script')),
      user: Object.fromEntries(this.live('user')),
    };
  }

  restore(s: CacheSnapshot): void {
    this.stores = {
      document: new Map(Object.entries(s.document)),
      script: new Map(Object.entries(s.script)),
      user: new Map(Object.entries(s.user)),
    };
  }

  nowMs(): number {
    return this.clock.nowMs();
  }
}

class CacheImpl extends Exposed<Cache> implements Cache {
  constructor(
    log: CallLog,
    private readonly store: CacheStore,
    private readonly scope: CacheScope,
  ) {
    super(log, 'Cache');
  }

  private entry(key: string, value: unknown, ttlSeconds: number | undefined): [string, Entry] {
    const k = String(key);
    if (k.length > MAX_KEY_LENGTH) throw new Error('Argument too large: key');
    const text = String(value);
    if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES)
      throw new Error('Argument too large: value');
    const ttl = Math.min(ttlSeconds ?? DEFAULT_TTL_S, MAX_TTL_S);
    return [k, { value: text, expiresAtMs: this.store.nowMs() + ttl * 1000 }];
  }

  get(key: string): string | null {
    return this.store.live(this.scope).get(String(key))?.value ?? null;
  }

  getAll(keys: string[]): { [key: string]: string } {
    const live = this.store.live(this.scope);
    const out: Record<string, string> = {};
    for (const key of keys) {
      const e = live.get(String(key));
      if (e) out[String(key)] = e.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    const [k, e] = this.entry(key, value, expirationInSeconds);
    this.store.live(this.scope).set(k, e);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const entries = Object.entries(values).map(([k, v]) => this.entry(k, v, expirationInSeconds));
    const live = this.store.live(this.scope);
    for (const [k, e] of entries) live.set(k, e);
  }

  remove(key: string): void {
    this.store.live(this.scope).delete(String(key));
  }

  removeAll(keys: string[]): void {
    const live = this.store.live(this.scope);
    for (const k of keys) live.delete(String(k));
  }
}

export function createCacheService(log: CallLog, store: CacheStore): CacheService {
  const service: CacheService = {
    getDocumentCache: () => new CacheImpl(log, store, 'document').api,
    getScriptCache: () => new CacheImpl(log, store, 'script').api,
    getUserCache: () => new CacheImpl(log, store, 'user').api,
  };
  return expose<CacheService>(service, 'CacheService', log);
}
