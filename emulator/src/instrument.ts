/**
 * Call accounting and fault injection shared by every emulated service.
 *
 * Each emulated object is wrapped once, at creation, by `instrument(obj, 'Range')`: every method
 * call through the wrapper counts as one service call under "Range.getValues", and may throw an
 * injected fault. Internal code of the emulator works on the raw objects, so only calls made by
 * the code under test are counted.
 */

export type CallKey = string;

export class CallLog {
  private counts = new Map<CallKey, number>();
  private faults = new Map<CallKey, { nth: number; error: Error }[]>();
  private hooks: ((key: CallKey) => void)[] = [];

  /**
   * Run `hook` before every counted call (after counting it): the emulator's time limit,
   * latency and quotas. A hook that throws makes the call fail. Survives `reset()`.
   */
  onCall(hook: (key: CallKey) => void): void {
    this.hooks.push(hook);
  }

  record(key: CallKey): void {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    for (const hook of this.hooks) hook(key);
    const pending = this.faults.get(key);
    if (!pending) return;
    const idx = pending.findIndex((f) => f.nth === n);
    if (idx >= 0) {
      const [fault] = pending.splice(idx, 1);
      if (fault) throw fault.error;
    }
  }

  /** Make the n-th call (counted from now) of `key` (e.g. "Range.setValues") throw `error`. */
  failOn(key: CallKey, nth = 1, error: Error = new Error('Service error: Spreadsheets')): void {
    const already = this.counts.get(key) ?? 0;
    const list = this.faults.get(key) ?? [];
    list.push({ nth: already + nth, error });
    this.faults.set(key, list);
  }

  reset(): void {
    this.counts.clear();
    this.faults.clear();
  }

  /** Counts per "Service.method", sorted by key. */
  snapshot(): Record<CallKey, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  count(key: CallKey): number {
    return this.counts.get(key) ?? 0;
  }

  /** Sum of the counts whose key satisfies `filter` (all calls when omitted). */
  total(filter: (key: CallKey) => boolean = () => true): number {
    let sum = 0;
    for (const [k, v] of this.counts) if (filter(k)) sum += v;
    return sum;
  }
}

/**
 * Calls that move cell data or change a sheet's structure: reading or writing values, formats
 * and colours, appending, inserting, deleting, sorting, filtering, asking for the sheet's size.
 * Budgets in DESIGN.md ("≤ 6 calls per stage action") are stated in these; navigating calls
 * (getActiveSpreadsheet, getSheetByName, getRange, builders…) are reported apart, in the total.
 */
const DATA_METHOD =
  /^(get|set)(Value|Values|DisplayValue|DisplayValues|Formula|Formulas|FormulaR1C1|FormulasR1C1|Background|Backgrounds|FontColor|FontColors|FontWeight|FontWeights|NumberFormat|NumberFormats|Note|Notes|RichTextValue|RichTextValues|DataValidation|DataValidations)$|^(appendRow|insertRows?|insertRowsAfter|insertRowsBefore|insertColumns?|insertColumnsAfter|insertColumnsBefore|deleteRows?|deleteColumns?|clear|clearContent|clearContents|clearFormat|clearFormats|sort|moveColumns|moveRows|getLastRow|getLastColumn|getMaxRows|getMaxColumns|createFilter|setColumnFilterCriteria|removeColumnFilterCriteria|remove|insertCheckboxes|setConditionalFormatRules|getConditionalFormatRules|findAll|findNext)$/;

/**
 * Developer metadata: adding, finding and changing it reach the back end; the getters of a
 * metadata object handed out by a search read what the search brought back.
 */
const METADATA_METHOD =
  /^(addDeveloperMetadata|getDeveloperMetadata|find|setKey|setValue|setVisibility|remove|moveToColumn|moveToRow|moveToSheet|moveToSpreadsheet)$/;

export function isRoundTrip(key: CallKey): boolean {
  const [service, method] = key.split('.');
  if (!service || !method) return false;
  if (/^(DeveloperMetadata|DeveloperMetadataFinder)$/.test(service))
    return METADATA_METHOD.test(method);
  if (!/^(Spreadsheet|Sheet|Range|RangeList|Filter|TextFinder)$/.test(service)) return false;
  return DATA_METHOD.test(method) || /^(addDeveloperMetadata|getDeveloperMetadata)$/.test(method);
}

const WRAPPED = Symbol('emulatorRaw');

/** Wrap `target` so each method call is counted as `${name}.${method}`. Idempotent. */
export function instrument<T extends object>(target: T, name: string, log: CallLog): T {
  if ((target as { [WRAPPED]?: unknown })[WRAPPED]) return target;
  const cache = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === WRAPPED) return obj;
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop === 'symbol' || prop === 'constructor') {
        return value;
      }
      let wrapper = cache.get(prop);
      if (!wrapper) {
        const key = `${name}.${prop}`;
        wrapper = function (this: unknown, ...args: unknown[]) {
          log.record(key);
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
        cache.set(prop, wrapper);
      }
      return wrapper;
    },
  });
}

/** The raw object behind an instrumented proxy (for the emulator's own uncounted access). */
export function raw<T extends object>(target: T): T {
  return ((target as { [WRAPPED]?: T })[WRAPPED] ?? target) as T;
}
