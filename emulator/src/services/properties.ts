import type { CallLog } from '../instrument';
import { Exposed, expose } from './exposed';

type Properties = GoogleAppsScript.Properties.Properties;
type PropertiesService = GoogleAppsScript.Properties.PropertiesService;

export type PropertyScope = 'document' | 'script' | 'user';
export type PropertiesSnapshot = Record<PropertyScope, Record<string, string>>;

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;
const QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

export class PropertyStore {
  private stores: Record<PropertyScope, Map<string, string>> = {
    document: new Map(),
    script: new Map(),
    user: new Map(),
  };

  map(scope: PropertyScope): Map<string, string> {
    return this.stores[scope];
  }

  snapshot(): PropertiesSnapshot {
    return {
      document: Object.fromEntries(this.stores.document),
      script: Object.fromEntries(this.stores.script),
      user: Object.fromEntries(this.stores.user),
    };
  }

  restore(s: PropertiesSnapshot): void {
    this.stores = {
      document: new Map(Object.entries(s.document)),
      script: new Map(Object.entries(s.script)),
      user: new Map(Object.entries(s.user)),
    };
  }
}

class PropertiesImpl extends Exposed<Properties> implements Properties {
  constructor(
    log: CallLog,
    private readonly store: PropertyStore,
    private readonly scope: PropertyScope,
  ) {
    super(log, 'Properties');
  }

  private get data(): Map<string, string> {
    return this.store.map(this.scope);
  }

  private put(next: Map<string, string>, key: unknown, value: unknown): void {
    if (key === null || key === undefined) throw new Error('Invalid argument: key');
    const text = String(value);
    if (utf8Length(text) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    next.set(String(key), text);
  }

  private commit(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) total += utf8Length(k) + utf8Length(v);
    if (total > MAX_STORE_BYTES) throw new Error(QUOTA_MESSAGE);
    const target = this.data;
    target.clear();
    for (const [k, v] of next) target.set(k, v);
  }

  getProperty(key: string): string | null {
    return this.data.get(String(key)) ?? null;
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.data);
  }

  getKeys(): string[] {
    return [...this.data.keys()];
  }

  setProperty(key: string, value: string): Properties {
    const next = new Map(this.data);
    this.put(next, key, value);
    this.commit(next);
    return this.api;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.data);
    for (const [k, v] of Object.entries(properties)) this.put(next, k, v);
    this.commit(next);
    return this.api;
  }

  deleteProperty(key: string): Properties {
    this.data.delete(String(key));
    return this.api;
  }

  deleteAllProperties(): Properties {
    this.data.clear();
    return this.api;
  }
}

export function createPropertiesService(log: CallLog, store: PropertyStore): PropertiesService {
  const service: PropertiesService = {
    getDocumentProperties: () => new PropertiesImpl(log, store, 'document').api,
    getScriptProperties: () => new PropertiesImpl(log, store, 'script').api,
    getUserProperties: () => new PropertiesImpl(log, store, 'user').api,
  };
  return expose<PropertiesService>(service, 'PropertiesService', log);
}
