import { raw, type CallLog } from '../instrument';
import type { Clock } from './clock';
import { offsetAt, resolveZone } from './date-format';
import { makeEnum } from './enums';
import { Exposed, expose } from './exposed';

type ScriptApp = GoogleAppsScript.Script.ScriptApp;
type Trigger = GoogleAppsScript.Script.Trigger;

export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const AuthorizationStatus = makeEnum(['REQUIRED', 'NOT_REQUIRED'] as const);
export const EventType = makeEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const);
export const TriggerSource = makeEnum([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
] as const);
export const InstallationSource = makeEnum([
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
] as const);
export const WeekDay = makeEnum([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const);

export type TriggerEventType = keyof typeof EventType;
export type TriggerSourceName = keyof typeof TriggerSource;

/** A time-based trigger's schedule, as the builder described it. */
export interface ClockSchedule {
  after?: number;
  at?: number;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  timeZone?: string;
}

/** A recorded trigger (JSON-serialisable). */
export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: TriggerEventType;
  source: TriggerSourceName;
  sourceId: string;
  schedule?: ClockSchedule;
  /** Next time a clock trigger is due (ms since epoch); null once a one-off trigger has run. */
  nextRunAtMs: number | null;
  createdAtMs: number;
  runs: number;
}

export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const MAX_TRIGGERS = 20;

/** The project's installable triggers; tests list them, find the due ones and fire them. */
export interface TriggerSnapshot {
  records: TriggerRecord[];
  nextId: number;
}

export class TriggerRegistry {
  private records: TriggerRecord[] = [];
  private nextId = 1;

  constructor(
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  list(): TriggerRecord[] {
    return this.records.map((r) => structuredClone(r));
  }

  get(id: string): TriggerRecord | undefined {
    const r = this.records.find((t) => t.id === id);
    return r && structuredClone(r);
  }

  /** Clock triggers whose time has come at the emulator's current time. */
  due(): TriggerRecord[] {
    const now = this.clock.nowMs();
    return this.records
      .filter((r) => r.nextRunAtMs !== null && r.nextRunAtMs <= now)
      .sort((a, b) => (a.nextRunAtMs ?? 0) - (b.nextRunAtMs ?? 0))
      .map((r) => structuredClone(r));
  }

  /**
   * Run trigger `id` through `call(handler, [event])` (e.g. a loaded bundle's call): the event
   * carries authMode FULL and triggerUid, as Apps Script's do. Reschedules clock triggers.
   */
  fire(id: string, call: (handler: string, args: unknown[]) => unknown): unknown {
    const r = this.records.find((t) => t.id === id);
    if (!r) throw new Error(`No trigger with id ${id}.`);
    r.runs += 1;
    if (r.schedule) r.nextRunAtMs = this.nextRun(r.schedule, this.clock.nowMs(), false);
    const event: Record<string, unknown> = { authMode: AuthMode.FULL, triggerUid: r.id };
    if (r.eventType === 'CLOCK') {
      const d = this.clock.now();
      Object.assign(event, {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        'day-of-month': d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        timezone: 'UTC',
      });
    }
    return call(r.handler, [event]);
  }

  /** Fire every due clock trigger once, in due order. Returns the ids fired. */
  runDue(call: (handler: string, args: unknown[]) => unknown): string[] {
    const fired: string[] = [];
    for (const r of this.due()) {
      this.fire(r.id, call);
      fired.push(r.id);
    }
    return fired;
  }

  snapshot(): TriggerSnapshot {
    return { records: this.list(), nextId: this.nextId };
  }

  restore(s: TriggerSnapshot): void {
    this.records = s.records.map((r) => structuredClone(r));
    this.nextId = s.nextId;
  }

  /** @internal */
  add(record: Omit<TriggerRecord, 'id' | 'createdAtMs' | 'runs' | 'nextRunAtMs'>): TriggerRecord {
    if (this.records.length >= MAX_TRIGGERS) throw new Error(TOO_MANY_TRIGGERS);
    const now = this.clock.nowMs();
    const full: TriggerRecord = {
      ...record,
      id: String(4_718_000_000 + this.nextId++),
      createdAtMs: now,
      runs: 0,
      nextRunAtMs: record.schedule ? this.nextRun(record.schedule, now, true) : null,
    };
    this.records.push(full);
    return full;
  }

  /** @internal */
  remove(id: string): void {
    this.records = this.records.filter((r) => r.id !== id);
  }

  /** @internal */
  raw(id: string): TriggerRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  private nextRun(s: ClockSchedule, fromMs: number, first: boolean): number | null {
    if (s.after !== undefined) return first ? fromMs + s.after : null;
    if (s.at !== undefined) return first ? s.at : null;
    if (s.everyMinutes) return fromMs + s.everyMinutes * 60_000;
    if (s.everyHours) return fromMs + s.everyHours * 3_600_000;
    const days = s.everyDays ?? (s.everyWeeks ? s.everyWeeks * 7 : undefined);
    if (!days) return null;
    const zone = resolveZone(s.timeZone ?? this.timeZone);
    const local = fromMs + offsetAt(zone, fromMs);
    const startOfDay = Math.floor(local / 86_400_000) * 86_400_000;
    let next = startOfDay + (s.atHour ?? 0) * 3_600_000 + (s.nearMinute ?? 0) * 60_000;
    while (next <= local) next += days * 86_400_000;
    return next - offsetAt(zone, next - offsetAt(zone, next));
  }
}

class TriggerImpl extends Exposed<Trigger> implements Trigger {
  constructor(
    log: CallLog,
    private readonly record: TriggerRecord,
  ) {
    super(log, 'Trigger');
  }

  /** Uncounted access for the emulator itself. */
  get uid(): string {
    return this.record.id;
  }

  getUniqueId(): string {
    return this.record.id;
  }

  getHandlerFunction(): string {
    return this.record.handler;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType[this.record.eventType] as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TriggerSource[this.record.source] as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  getTriggerSourceId(): string {
    return this.record.sourceId;
  }
}

function requirePositiveInt(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`Invalid argument: ${what}`);
  }
  return value;
}

class ClockTriggerBuilderImpl extends Exposed<GoogleAppsScript.Script.ClockTriggerBuilder> {
  private schedule: ClockSchedule = {};

  constructor(
    log: CallLog,
    private readonly registry: TriggerRegistry,
    private readonly handler: string,
  ) {
    super(log, 'ClockTriggerBuilder');
  }

  after(durationMilliseconds: number) {
    if (typeof durationMilliseconds !== 'number' || durationMilliseconds < 0) {
      throw new Error('Invalid argument: durationMilliseconds');
    }
    this.schedule.after = durationMilliseconds;
    return this.api;
  }

  at(date: Date) {
    this.schedule.at = date.getTime();
    return this.api;
  }

  everyMinutes(n: number) {
    if (![1, 5, 10, 15, 30].includes(n)) {
      throw new Error('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    }
    this.schedule.everyMinutes = n;
    return this.api;
  }

  everyHours(n: number) {
    this.schedule.everyHours = requirePositiveInt(n, 'n');
    return this.api;
  }

  everyDays(n: number) {
    this.schedule.everyDays = requirePositiveInt(n, 'n');
    return this.api;
  }

  everyWeeks(n: number) {
    this.schedule.everyWeeks = requirePositiveInt(n, 'n');
    return this.api;
  }

  atHour(hour: number) {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
    this.schedule.atHour = hour;
    return this.api;
  }

  nearMinute(minute: number) {
    this.schedule.nearMinute = minute;
    return this.api;
  }

  onWeekDay(day: unknown) {
    this.schedule.onWeekDay = String(day);
    return this.api;
  }

  inTimezone(timezone: string) {
    this.schedule.timeZone = timezone;
    return this.api;
  }

  create(): Trigger {
    const s = this.schedule;
    const kinds = [s.after, s.at, s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks].filter(
      (v) => v !== undefined,
    );
    if (s.atHour !== undefined && s.everyDays === undefined && s.everyWeeks === undefined) {
      throw new Error('atHour() can only be used with everyDays() or everyWeeks().');
    }
    if (kinds.length === 0) throw new Error('Time-based triggers must have a schedule.');
    const record = this.registry.add({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: '',
      schedule: { ...s },
    });
    return new TriggerImpl(this.log, record).api;
  }
}

class SpreadsheetTriggerBuilderImpl extends Exposed<GoogleAppsScript.Script.SpreadsheetTriggerBuilder> {
  private eventType: TriggerEventType | null = null;

  constructor(
    log: CallLog,
    private readonly registry: TriggerRegistry,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {
    super(log, 'SpreadsheetTriggerBuilder');
  }

  onOpen() {
    this.eventType = 'ON_OPEN';
    return this.api;
  }

  onEdit() {
    this.eventType = 'ON_EDIT';
    return this.api;
  }

  onChange() {
    this.eventType = 'ON_CHANGE';
    return this.api;
  }

  onFormSubmit() {
    this.eventType = 'ON_FORM_SUBMIT';
    return this.api;
  }

  create(): Trigger {
    if (!this.eventType) throw new Error('Spreadsheet triggers must have an event type.');
    const record = this.registry.add({
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.sourceId,
    });
    return new TriggerImpl(this.log, record).api;
  }
}

function sourceIdOf(source: unknown): string {
  if (typeof source === 'string') return source;
  const inner = source && typeof source === 'object' ? raw(source) : source;
  const getId = (inner as { getId?: () => string } | null)?.getId;
  if (typeof getId === 'function') return String(getId.call(inner));
  throw new Error('Invalid argument: sheet');
}

export interface ScriptAppOptions {
  scriptId: string;
}

export function createScriptApp(
  log: CallLog,
  registry: TriggerRegistry,
  opts: ScriptAppOptions,
): ScriptApp {
  const triggerBuilder = (handler: string) =>
    expose<GoogleAppsScript.Script.TriggerBuilder>(
      {
        timeBased: () => new ClockTriggerBuilderImpl(log, registry, handler).api,
        forSpreadsheet: (ss: unknown) =>
          new SpreadsheetTriggerBuilderImpl(log, registry, handler, sourceIdOf(ss)).api,
      } as unknown as GoogleAppsScript.Script.TriggerBuilder,
      'TriggerBuilder',
      log,
    );

  const app = {
    AuthMode,
    AuthorizationStatus,
    EventType,
    InstallationSource,
    TriggerSource,
    WeekDay,
    newTrigger(functionName: string) {
      if (typeof functionName !== 'string' || functionName === '') {
        throw new Error('Invalid argument: functionName');
      }
      return triggerBuilder(functionName);
    },
    getProjectTriggers: () =>
      registry.list().map((r) => new TriggerImpl(log, registry.raw(r.id) ?? r).api),
    getUserTriggers: (doc: unknown) => {
      const id = sourceIdOf(doc);
      return registry
        .list()
        .filter((r) => r.sourceId === id)
        .map((r) => new TriggerImpl(log, registry.raw(r.id) ?? r).api);
    },
    deleteTrigger(trigger: Trigger) {
      const inner = raw(trigger);
      registry.remove(inner instanceof TriggerImpl ? inner.uid : trigger.getUniqueId());
    },
    getScriptId: () => opts.scriptId,
    getOAuthToken: () => 'ya29.emulator-oauth-token',
    getIdentityToken: () => 'emulator.identity.token',
    getInstallationSource: () => InstallationSource.NONE,
    getAuthorizationInfo: () => ({
      getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED,
      getAuthorizationUrl: () => '',
    }),
    invalidateAuth: () => undefined,
    requireAllScopes: () => undefined,
    requireScopes: () => undefined,
  };
  return expose<ScriptApp>(app as unknown as ScriptApp, 'ScriptApp', log);
}
