/**
 * The Apps Script side of every use case: the active spreadsheet's tables, the document lock,
 * the clock and the user, the settings and the journal. Only src/gas/ (and src/main.ts) may touch
 * Apps Script globals (eslint.config.mjs); the emulator provides the same globals in tests.
 */
import { UserError } from '../domain/errors';
import { normaliseSettings, withLegacyFollowCap } from '../domain/settings';
import type { IsoDate, Settings } from '../domain/types';
import { journalText } from '../sheets/journalText';
import { stageRowFormula } from '../sheets/rowFormulas';
import {
  ABSENCES,
  COMPANIES,
  DOCUMENTS,
  JOURNAL,
  SESSIONS,
  STAFF,
  STAGES,
  STUDENTS,
  TUTORS,
  VISITS,
  type SheetSpec,
} from '../sheets/schema';
import type { DateCodec } from './cells';
import { literalText } from './cells';
import { ChangeLedger, type Outcome } from './ledger';
import { bumpReferenceVersion } from './referenceCache';
import { forgetChaseCount } from './chaseCountCache';
import { columnLetter, MissingSheetError, SheetTable } from './sheetTable';

/** Sheets whose lists are cached between executions (see referenceCache.ts). */
export const REFERENCE_SHEETS: ReadonlySet<string> = new Set([
  SESSIONS.name,
  STUDENTS.name,
  COMPANIES.name,
  TUTORS.name,
  STAFF.name,
]);

/** Sheets the count of « Conventions à relancer » is made from (see chaseCountCache.ts). */
export const CHASED_SHEETS: ReadonlySet<string> = new Set([STAGES.name, DOCUMENTS.name]);
/** The Stages cells that count: a new tutor or an absence does not change what to chase. */
const CHASED_STAGE_KEYS: ReadonlySet<string> = new Set(['id', 'sessionId', 'start', 'stoppedOn']);

export interface JournalEntry {
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** An IsoDate as Utilities.formatDate and parseDate write it. */
const ISO_PATTERN = 'yyyy-MM-dd';

const SETTINGS_KEY = 'sds.settings';
/** Where « Répartir le suivi » kept its cap before Paramètres had it: read while they do not. */
const LEGACY_FOLLOW_CAP_KEY = 'sds.followCap';

const VISITS_COLUMNS_KEY = 'sds.visitsColumns';
const ABSENCES_COLUMNS_KEY = 'sds.absencesColumns';

/**
 * Where the columns of another sheet that the Stages formulas count are: noted by "Initialiser
 * le classeur" (a property, so no sheet read per action), else the schema's places.
 */
function notedLetters<K extends string>(
  spec: SheetSpec<K>,
  raw: string | undefined,
): (key: K) => string {
  let noted: Partial<Record<K, string>> = {};
  try {
    noted = JSON.parse(raw ?? '{}') as typeof noted;
  } catch {
    noted = {};
  }
  return (key) => {
    const letter = noted[key];
    return letter && /^[A-Z]{1,3}$/.test(letter)
      ? letter
      : columnLetter(spec.columns.findIndex((c) => c.key === key) + 1);
  };
}

export function noteFormulaColumns(
  ctx: Context,
  letters: {
    visits: Record<'stageId' | 'date', string>;
    absences: Record<'stageId', string>;
  },
): void {
  ctx.setProperty(VISITS_COLUMNS_KEY, JSON.stringify(letters.visits));
  ctx.setProperty(ABSENCES_COLUMNS_KEY, JSON.stringify(letters.absences));
}

/**
 * Time zones already checked to keep within ±12 h of UTC all year (so a date cell's instant
 * + 12 h has its local date in UTC): noted once per document, so an execution asks no
 * Utilities.formatDate to know it.
 */
const TZ_CHECKED_KEY = 'sds.tzChecked';

/**
 * Whether instant `t` is the local midnight of `iso` under one of the zone's offsets (minutes
 * east of UTC). A date cell that also holds a time of day is not.
 */
function isLocalMidnight(t: number, iso: string, offsets: readonly number[]): boolean {
  const diff = (Date.parse(`${iso}T00:00:00Z`) - t) / 60_000;
  return offsets.includes(diff);
}

function memo<A, R>(fn: (a: A) => R): (a: A) => R {
  const cache = new Map<A, R>();
  return (a) => {
    let r = cache.get(a);
    if (r === undefined) {
      r = fn(a);
      cache.set(a, r);
    }
    return r;
  };
}

export class Context {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly tz: string;
  readonly dates: DateCodec;
  private tables = new Map<string, SheetTable<string>>();
  private cachedSettings: Settings | null = null;
  private props: Record<string, string> | null = null;
  private clock: { today: IsoDate; now: string } | null = null;
  private cachedUser: string | null = null;
  private referencesBumped = false;
  /** Stages or Documents written since the last journal line: the chase count is stale. */
  private chaseCountStale = false;
  private heldLock: GoogleAppsScript.Lock.Lock | null = null;
  private cachedJournal: GoogleAppsScript.Spreadsheet.Sheet | null | undefined = undefined;
  private readonly ledger = new ChangeLedger();
  private lockDepth = 0;
  private uuid: string | null = null;
  private idsMade = 0;

  constructor() {
    this.ss = SpreadsheetApp.getActiveSpreadsheet();
    this.tz = this.ss.getSpreadsheetTimeZone();
    const tz = this.tz;
    const offsets = this.zoneOffsets();
    const safe = offsets !== null;
    // A date read at local midnight gives back its own instant: writing it again (or the same
    // day elsewhere) needs no Utilities.parseDate.
    const known = new Map<string, number>();
    const toIso = memo((t: number) => {
      const iso = safe
        ? new Date(t + 12 * 3600_000).toISOString().slice(0, 10)
        : Utilities.formatDate(new Date(t), tz, ISO_PATTERN);
      if (offsets && !known.has(iso) && isLocalMidnight(t, iso, offsets)) known.set(iso, t);
      return iso;
    });
    const fromIso = memo(
      (iso: string) => known.get(iso) ?? Utilities.parseDate(iso, tz, ISO_PATTERN).getTime(),
    );
    this.dates = {
      toIso: (d) => toIso(d.getTime()),
      fromIso: (iso) => new Date(fromIso(iso)),
    };
  }

  /**
   * The document's properties, read once per execution (one call for settings, noted columns,
   * the checked time zone and the reference version together).
   */
  properties(): Record<string, string> {
    this.props ??= PropertiesService.getDocumentProperties().getProperties();
    return this.props;
  }

  setProperty(key: string, value: string): void {
    PropertiesService.getDocumentProperties().setProperty(key, value);
    if (this.props) this.props[key] = value;
  }

  /**
   * One property as it is now, not as this execution first read it: what another execution
   * may have changed since (a batch's cursor, read again under the lock).
   */
  freshProperty(key: string): string | null {
    const v = PropertiesService.getDocumentProperties().getProperty(key);
    if (this.props) {
      if (v === null) delete this.props[key];
      else this.props[key] = v;
    }
    return v;
  }

  /** Several properties in one call; a null value deletes its key (one more call). */
  setProperties(values: Record<string, string | null>): void {
    const store = PropertiesService.getDocumentProperties();
    const set: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) if (v !== null) set[k] = v;
    if (Object.keys(set).length > 0) store.setProperties(set);
    for (const [k, v] of Object.entries(values)) {
      if (v === null) store.deleteProperty(k);
      if (this.props) {
        if (v === null) delete this.props[k];
        else this.props[k] = v;
      }
    }
  }

  /**
   * A date cell holds local midnight in the spreadsheet's zone. Where that zone's offset stays
   * within ±12 h (checked once per zone and noted with its winter and summer offsets),
   * midnight + 12 h has the same date in UTC as locally: no service call per date. Elsewhere
   * each distinct date is asked to Utilities once. Returns the offsets in minutes, or null.
   */
  private zoneOffsets(): number[] | null {
    const tz = this.tz;
    const [noted, ...minutes] = (this.properties()[TZ_CHECKED_KEY] ?? '').split('|');
    if (noted === tz && minutes.length > 0) return minutes.map(Number);
    const offsetMinutes = (d: Date) => {
      const z = Utilities.formatDate(d, tz, 'Z');
      const sign = z.startsWith('-') ? -1 : 1;
      return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
    };
    const year = new Date().getFullYear();
    const offsets = [
      offsetMinutes(new Date(Date.UTC(year, 0, 15))),
      offsetMinutes(new Date(Date.UTC(year, 6, 15))),
    ];
    if (!offsets.every((o) => o > -12 * 60 && o <= 12 * 60)) return null;
    try {
      this.setProperty(TZ_CHECKED_KEY, [tz, ...offsets].join('|'));
    } catch {
      // Not noted (read-only mode): checked again next time, nothing else changes.
    }
    return offsets;
  }

  table<K extends string>(spec: SheetSpec<K>): SheetTable<K> {
    let t = this.tables.get(spec.name);
    if (!t) {
      const sheet = this.ss.getSheetByName(spec.name);
      if (!sheet) {
        throw new MissingSheetError(
          `La feuille « ${spec.name} » est introuvable. ` +
            'Utilisez Extensions › Suivi des stages › Initialiser le classeur.',
        );
      }
      t = new SheetTable<string>(
        spec as SheetSpec<string>,
        sheet,
        this.dates,
        spec.name === STAGES.name ? this.stageFormulaFor() : undefined,
        REFERENCE_SHEETS.has(spec.name)
          ? () => {
              this.referencesChanged();
              this.ledger.noteWrite();
            }
          : CHASED_SHEETS.has(spec.name)
            ? (keys?: readonly string[]) => {
                if (
                  spec.name === DOCUMENTS.name ||
                  !keys ||
                  keys.some((k) => CHASED_STAGE_KEYS.has(k))
                )
                  this.chaseCountStale = true;
                this.ledger.noteWrite();
              }
            : () => this.ledger.noteWrite(),
      );
      this.tables.set(spec.name, t);
    }
    return t as unknown as SheetTable<K>;
  }

  /** A reference sheet is about to change: the cached lists' stamp changes (once). */
  referencesChanged(): void {
    if (this.referencesBumped) return;
    this.referencesBumped = true;
    bumpReferenceVersion(this);
  }

  private stageFormulaFor(): (
    key: string,
    row: number,
    letterOf: (key: string) => string,
  ) => string | null {
    let visits: ((key: 'stageId' | 'date') => string) | null = null;
    let absences: ((key: 'stageId') => string) | null = null;
    return (key, row, letterOf) => {
      visits ??= notedLetters(VISITS, this.properties()[VISITS_COLUMNS_KEY]);
      absences ??= notedLetters(ABSENCES, this.properties()[ABSENCES_COLUMNS_KEY]);
      return stageRowFormula(key, row, { stage: (k) => letterOf(k), visits, absences });
    };
  }

  /** Today and now in the spreadsheet's zone: one Utilities call per execution for both. */
  private readClock(): { today: IsoDate; now: string } {
    if (!this.clock) {
      const t = Utilities.formatDate(new Date(), this.tz, `${ISO_PATTERN} HH:mm:ss`);
      const [d = '', time = ''] = t.split(' ');
      this.clock = { today: d, now: `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${time}` };
    }
    return this.clock;
  }

  today(): IsoDate {
    return this.readClock().today;
  }

  now(): string {
    return this.readClock().now;
  }

  user(): string {
    this.cachedUser ??=
      Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '?';
    return this.cachedUser;
  }

  /**
   * A new row ID: a prefix staff can read ("STG", "ELV"…) and a UUID, unique by construction.
   * One Utilities.getUuid per execution (random: two executions, two people at once, never
   * share it); the n-th ID of the execution has the UUID's last 32 bits XOR n, so the IDs of
   * one execution differ from each other and keep the UUID's form. Creating 1,000 stages
   * costs one service call, not 1,000.
   */
  newId(prefix: string): string {
    this.uuid ??= Utilities.getUuid();
    const n = this.idsMade++;
    const last = (parseInt(this.uuid.slice(-8), 16) ^ n) >>> 0;
    return `${prefix}-${this.uuid.slice(0, -8)}${last.toString(16).padStart(8, '0')}`;
  }

  /**
   * Runs `fn` holding the document lock; a busy lock is a French message, not a crash. When `fn`
   * fails, what it wrote since its last journal line is put back before the lock is released
   * (see ledger.ts).
   */
  withLock<T>(fn: () => T): T {
    // Still held from an earlier step of this execution: the steps follow one another.
    if (this.heldLock) return this.guarded(fn);
    const lock = LockService.getDocumentLock();
    try {
      lock.waitLock(10_000);
    } catch {
      throw new UserError(
        'Quelqu’un d’autre modifie le classeur en ce moment : réessayez dans quelques secondes.',
      );
    }
    let done = false;
    try {
      const value = this.guarded(() => {
        // Everything the journal line needs is asked before the first write, so that after the
        // data is written only the line itself remains to be written.
        this.journalSheet();
        this.user();
        this.now();
        return fn();
      });
      done = true;
      return value;
    } finally {
      if (done) {
        // Kept until the execution ends: Apps Script releases it then, once Sheets has applied
        // the writes, so the next holder reads them (releasing earlier would need a flush()).
        // An entry point that goes on to wait for the user calls releaseLock() first.
        this.heldLock = lock;
      } else {
        try {
          lock.releaseLock();
        } catch {
          // Apps Script releases the lock when the execution ends anyway.
        }
      }
    }
  }

  /**
   * Lets other executions in before this one ends (an entry point about to show a dialog):
   * the writes are applied first, then the lock is released.
   */
  releaseLock(): void {
    const lock = this.heldLock;
    if (!lock) return;
    this.heldLock = null;
    SpreadsheetApp.flush();
    lock.releaseLock();
  }

  /**
   * Runs `fn` if the document lock comes within `ms`; otherwise returns undefined without running
   * it (for a trigger, which must never keep the user waiting nor show an error).
   */
  tryWithLock<T>(ms: number, fn: () => T): T | undefined {
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(ms)) return undefined;
    try {
      return this.guarded(fn);
    } finally {
      try {
        lock.releaseLock();
      } catch {
        // Released when the execution ends.
      }
    }
  }

  /** `fn`, with its changes put back when it fails (the outermost call does it, once). */
  private guarded<T>(fn: () => T): T {
    this.lockDepth += 1;
    try {
      return fn();
    } catch (e) {
      if (this.lockDepth === 1) this.rollback();
      throw e;
    } finally {
      this.lockDepth -= 1;
    }
  }

  /** A data write the tables do not see (a setting): it needs a way back, like theirs. */
  noteWrite(): void {
    this.ledger.noteWrite();
  }

  /** A write that only changes what is shown (a calendar, the sheet's filter). */
  noteViewWrite(): void {
    this.ledger.noteViewWrite();
  }

  /** How to put back a change of the running action if it fails before its journal line. */
  onRollback(undo: () => void): void {
    this.ledger.onRollback(undo);
  }

  /**
   * One write made of a single service call: when the call fails, nothing of it was written, so
   * it needs no way back (its undo, if any, is registered once it is done).
   */
  atomically<T>(write: () => T): T {
    const before = this.ledger.pendingWrites();
    try {
      return write();
    } catch (e) {
      this.ledger.forgetWrites(before);
      throw e;
    }
  }

  /** Puts back the running action's changes since its last journal line (see ledger.ts). */
  rollback(): void {
    this.ledger.rollback((e) =>
      safeLog(`Suivi des stages : retour en arrière impossible : ${describeError(e)}`),
    );
  }

  /** What a failed action left in the document, once rolled back. */
  outcome(): Outcome {
    return this.ledger.outcome();
  }

  private journalSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
    if (this.cachedJournal === undefined) this.cachedJournal = this.ss.getSheetByName(JOURNAL.name);
    return this.cachedJournal;
  }

  /**
   * One journal row (who, when, what, before/after): the commit of an action. One call
   * (appendRow). `undo`, when given, is one more way back for the data (see onRollback). When the
   * line cannot be written, the error goes on, and the lock's owner puts the data back: an action
   * is done and journalled, or not done at all. A workbook without its Journal sheet takes no
   * change.
   */
  journal(entry: JournalEntry, undo?: () => void): void {
    if (undo) this.onRollback(undo);
    let sheet = this.journalSheet();
    if (!sheet) {
      // Asked before the action wrote anything; "Initialiser le classeur" may have created it since.
      this.cachedJournal = undefined;
      sheet = this.journalSheet();
    }
    if (!sheet) {
      throw new MissingSheetError(
        `La feuille « ${JOURNAL.name} » est introuvable : rien n'a été enregistré. ` +
          'Utilisez Extensions › Suivi des stages › Initialiser le classeur.',
      );
    }
    sheet.appendRow(
      [
        this.now(),
        this.user(),
        entry.action,
        entry.target,
        journalText(entry.before),
        journalText(entry.after),
      ].map((s) => literalText(s)),
    );
    this.ledger.commit();
    if (this.chaseCountStale) {
      this.chaseCountStale = false;
      forgetChaseCount(this);
    }
  }

  /**
   * A journal line for an action that stopped half way (best effort: the journal may be what
   * failed). Not a commit: it says what the reference of the error is.
   */
  journalIncident(reference: string, detail: string): void {
    try {
      this.journalSheet()?.appendRow(
        [this.now(), this.user(), 'Action interrompue', `réf. ${reference}`, '', detail].map((s) =>
          literalText(s),
        ),
      );
    } catch {
      // The log has it (run.ts).
    }
  }

  settings(): Settings {
    if (this.cachedSettings) return this.cachedSettings;
    const raw = this.properties()[SETTINGS_KEY];
    let parsed: Partial<Settings> = {};
    if (raw) {
      try {
        parsed = JSON.parse(raw) as Partial<Settings>;
      } catch {
        parsed = {};
      }
    }
    this.cachedSettings = normaliseSettings(
      withLegacyFollowCap(parsed, this.properties()[LEGACY_FOLLOW_CAP_KEY]),
    );
    return this.cachedSettings;
  }

  saveSettings(s: Settings): void {
    this.setProperty(SETTINGS_KEY, JSON.stringify(s));
    this.cachedSettings = s;
  }
}

export function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}

/** console.error that never throws (a logging failure must not hide the error being logged). */
export function safeLog(message: string): void {
  try {
    console.error(message);
  } catch {
    // Nothing more can be done.
  }
}
