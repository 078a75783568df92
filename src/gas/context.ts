/**
 * The Apps Script side of every use case: the active spreadsheet's tables, the document lock,
 * the clock and the user, the settings and the journal. Only src/gas/ (and src/main.ts) may touch
 * Apps Script globals (eslint.config.mjs); the emulator provides the same globals in tests.
 */
import { UserError } from '../domain/errors';
import { normaliseSettings } from '../domain/settings';
import type { IsoDate, Settings } from '../domain/types';
import { journalText } from '../sheets/journalText';
import { stageRowFormula } from '../sheets/rowFormulas';
import { DATE_CELL_FORMAT, JOURNAL, STAGES, VISITS, type SheetSpec } from '../sheets/schema';
import type { DateCodec } from './cells';
import { literalText } from './cells';
import { columnLetter, MissingSheetError, SheetTable } from './sheetTable';

export interface JournalEntry {
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** An IsoDate as Utilities.formatDate and parseDate write it. */
const ISO_PATTERN = 'yyyy-MM-dd';

const SETTINGS_KEY = 'sds.settings';

const VISITS_COLUMNS_KEY = 'sds.visitsColumns';

/**
 * Where the Visites columns that the Stages formulas count are: noted by "Initialiser le
 * classeur" (a property, so no sheet read per action), else the schema's places.
 */
function visitsLetters(): (key: 'stageId' | 'date') => string {
  let noted: Partial<Record<'stageId' | 'date', string>> = {};
  try {
    noted = JSON.parse(
      PropertiesService.getDocumentProperties().getProperty(VISITS_COLUMNS_KEY) ?? '{}',
    ) as typeof noted;
  } catch {
    noted = {};
  }
  return (key) =>
    noted[key] && /^[A-Z]{1,3}$/.test(noted[key])
      ? noted[key]
      : columnLetter(VISITS.columns.findIndex((c) => c.key === key) + 1);
}

export function noteVisitsColumns(letters: Record<'stageId' | 'date', string>): void {
  PropertiesService.getDocumentProperties().setProperty(
    VISITS_COLUMNS_KEY,
    JSON.stringify(letters),
  );
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

  constructor() {
    this.ss = SpreadsheetApp.getActiveSpreadsheet();
    this.tz = this.ss.getSpreadsheetTimeZone();
    const tz = this.tz;
    // A date cell holds local midnight in the spreadsheet's zone. Where that zone's offset stays
    // within ±12 h (checked once), midnight + 12 h has the same date in UTC as locally: no
    // service call per date. Elsewhere each distinct date is asked to Utilities once.
    const offsetHours = (d: Date) => {
      const z = Utilities.formatDate(d, tz, 'Z');
      return (
        (Number(z.slice(0, 3)) * 60 + Math.sign(Number(z.slice(0, 3)) || 1) * Number(z.slice(3))) /
        60
      );
    };
    const year = new Date().getFullYear();
    const offsets = [
      offsetHours(new Date(Date.UTC(year, 0, 15))),
      offsetHours(new Date(Date.UTC(year, 6, 15))),
    ];
    const safe = offsets.every((o) => o > -12 && o <= 12);
    const toIso = memo((t: number) =>
      safe
        ? new Date(t + 12 * 3600_000).toISOString().slice(0, 10)
        : Utilities.formatDate(new Date(t), tz, ISO_PATTERN),
    );
    const fromIso = memo((iso: string) => Utilities.parseDate(iso, tz, ISO_PATTERN).getTime());
    this.dates = {
      toIso: (d) => toIso(d.getTime()),
      fromIso: (iso) => new Date(fromIso(iso)),
    };
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
      );
      this.tables.set(spec.name, t);
    }
    return t as unknown as SheetTable<K>;
  }

  private stageFormulaFor(): (
    key: string,
    row: number,
    letterOf: (key: string) => string,
  ) => string | null {
    let visits: ((key: 'stageId' | 'date') => string) | null = null;
    return (key, row, letterOf) => {
      visits ??= visitsLetters();
      return stageRowFormula(key, row, { stage: (k) => letterOf(k), visits });
    };
  }

  today(): IsoDate {
    return Utilities.formatDate(new Date(), this.tz, ISO_PATTERN);
  }

  now(): string {
    return Utilities.formatDate(new Date(), this.tz, `${DATE_CELL_FORMAT} HH:mm:ss`);
  }

  user(): string {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '?';
  }

  newId(prefix: string): string {
    const time = Date.now().toString(36).slice(-5).toUpperCase();
    const rand = Math.floor(Math.random() * 36 ** 4)
      .toString(36)
      .padStart(4, '0')
      .toUpperCase();
    return `${prefix}-${time}${rand}`;
  }

  /** Runs `fn` holding the document lock; a busy lock is a French message, not a crash. */
  withLock<T>(fn: () => T): T {
    const lock = LockService.getDocumentLock();
    try {
      lock.waitLock(10_000);
    } catch {
      throw new UserError(
        'Quelqu’un d’autre modifie le classeur en ce moment : réessayez dans quelques secondes.',
      );
    }
    try {
      return fn();
    } finally {
      lock.releaseLock();
    }
  }

  /**
   * Runs `fn` if the document lock comes within `ms`; otherwise returns undefined without running
   * it (for a trigger, which must never keep the user waiting nor show an error).
   */
  tryWithLock<T>(ms: number, fn: () => T): T | undefined {
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(ms)) return undefined;
    try {
      return fn();
    } finally {
      lock.releaseLock();
    }
  }

  /** One journal row (who, when, what, before/after). One call (appendRow). */
  journal(entry: JournalEntry): void {
    const sheet = this.ss.getSheetByName(JOURNAL.name);
    if (!sheet) return;
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
  }

  settings(): Settings {
    if (this.cachedSettings) return this.cachedSettings;
    const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
    let parsed: Partial<Settings> = {};
    if (raw) {
      try {
        parsed = JSON.parse(raw) as Partial<Settings>;
      } catch {
        parsed = {};
      }
    }
    this.cachedSettings = normaliseSettings(parsed);
    return this.cachedSettings;
  }

  saveSettings(s: Settings): void {
    PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(s));
    this.cachedSettings = s;
  }
}
