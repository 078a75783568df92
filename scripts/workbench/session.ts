/**
 * One workbench session: the emulator with the real bundle loaded, what the add-on showed
 * (sidebar, dialogs, alerts, toasts), and the state file that keeps it across restarts.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  googleScriptRunShim,
  invokeServerFunction,
  type ScriptRunResult,
} from 'gas-emulator/bridge';
import { type BundleContext, loadBundleFromDist } from 'gas-emulator/bundle';
import { createEmulator, type Emulator, type EmulatorSnapshot } from 'gas-emulator';
import type { MenuEntry as RecordedEntry, RenderedSheet } from 'gas-emulator/spreadsheet';
import { linkOfCell } from './drive-url';
import { applyUserEdit, type EditOutcome, type EditRequest } from './edit';
import type { GridView, MenuEntry, MenuView, MessageView, WorkbenchState } from './protocol';
import { type SeedLevel, seedExample } from './seed';

export interface SessionOptions {
  distDir: string;
  stateFile: string;
  /** 'YYYY-MM-DD' pins the emulated date; undefined follows the real clock. */
  today?: string;
  seed: SeedLevel;
  /** Start from a fresh example even when a state file exists. */
  reset?: boolean;
}

interface Shown {
  id: number;
  title: string;
  html: string;
}

interface SavedState {
  format: 'suivi-des-stages-workbench';
  version: 1;
  seed: SeedLevel;
  emulator: EmulatorSnapshot;
  sidebar: Shown | null;
  dialog: Shown | null;
}

/** Rows and columns drawn beyond the used area, so users can click empty cells too. */
const MARGIN_ROWS = 5;
const MARGIN_COLS = 2;
const MAX_MESSAGES = 20;

/** Services whose calls never change the document's state. */
const STATELESS_SERVICES = new Set([
  'Utilities',
  'Session',
  'Logger',
  'console',
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
]);
const STATELESS_METHODS = new Set([
  'offset',
  'build',
  'copy',
  'toString',
  'waitLock',
  'tryLock',
  'releaseLock',
]);

/**
 * Whether a counted call ("Range.getValues") may have changed the state. Reads are most calls
 * (the sidebar polls the selection), and snapshotting the whole workbook after each would cost
 * more than the call itself; anything not known to be a read is treated as a change.
 */
export function mayWrite(key: string): boolean {
  const dot = key.lastIndexOf('.');
  const service = key.slice(0, dot);
  const method = key.slice(dot + 1);
  if (STATELESS_SERVICES.has(service) || STATELESS_METHODS.has(method)) return false;
  return !/^(get|is|has|can)[A-Z]/.test(method);
}

/** The day `today` at 10:00 in Paris (09:00 or 08:00 UTC), a stable "now" for a pinned date. */
export function pinnedNow(today: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new Error(`Date invalide pour --today : ${today} (attendu AAAA-MM-JJ)`);
  return new Date(`${today}T09:00:00Z`);
}

function convertEntries(items: RecordedEntry[]): MenuEntry[] {
  return items.map((e): MenuEntry => {
    if ('separator' in e) return { kind: 'separator' };
    if ('submenu' in e)
      return { kind: 'submenu', caption: e.submenu, items: convertEntries(e.items) };
    return { kind: 'item', caption: e.caption, functionName: e.functionName };
  });
}

/**
 * The last row a user would notice: text, a colour, a ticked box. Sheets formatted or
 * validated down to row 1000 would otherwise draw a thousand empty rows.
 */
function lastUsedRow(r: RenderedSheet): number {
  for (let i = r.cells.length - 1; i >= 0; i--) {
    const line = r.cells[i] ?? [];
    if (
      line.some((c) => c.text !== '' || c.checkbox === true || !/^#fff(fff)?$/i.test(c.background))
    )
      return i + 1;
  }
  return Math.max(r.frozenRows, 1);
}

export function gridOf(r: RenderedSheet): GridView {
  const rows = Math.min(Math.max(lastUsedRow(r), r.frozenRows) + MARGIN_ROWS, r.maxRows);
  const cols = Math.min(r.numColumns + MARGIN_COLS, r.maxColumns);
  const values: string[][] = [];
  const backgrounds: string[][] = [];
  const fontColors: string[][] = [];
  const bold: boolean[][] = [];
  const fontSizes: number[][] = [];
  const aligns: ('left' | 'center' | 'right')[][] = [];
  const formulas: Record<string, string> = {};
  const links: Record<string, string> = {};
  for (let i = 0; i < rows; i++) {
    const line = r.cells[i] ?? [];
    const v: string[] = [];
    const b: string[] = [];
    const f: string[] = [];
    const w: boolean[] = [];
    const z: number[] = [];
    const a: ('left' | 'center' | 'right')[] = [];
    for (let j = 0; j < cols; j++) {
      const c = line[j];
      if (!c) {
        v.push('');
        b.push('');
        f.push('');
        w.push(false);
        z.push(0);
        a.push('left');
        continue;
      }
      v.push(c.checkbox === undefined ? c.text : c.checkbox ? '☑' : '☐');
      if (c.formula !== undefined) formulas[`${i + 1}:${j + 1}`] = c.formula;
      const link = linkOfCell(c.text, c.link, c.formula);
      if (link) links[`${i + 1}:${j + 1}`] = link;
      b.push(/^#fff(fff)?$/i.test(c.background) ? '' : c.background);
      f.push(/^#000(000)?$/i.test(c.color) ? '' : c.color);
      w.push(c.bold);
      z.push(c.fontSize === 10 ? 0 : c.fontSize);
      a.push(c.checkbox === undefined ? c.hAlign : 'center');
    }
    values.push(v);
    backgrounds.push(b);
    fontColors.push(f);
    bold.push(w);
    fontSizes.push(z);
    aligns.push(a);
  }
  const widths = Array.from({ length: cols }, (_, i) => r.columnWidths[i] ?? 100);
  return {
    sheet: r.name,
    rows,
    cols,
    frozenRows: r.frozenRows,
    frozenCols: r.frozenColumns,
    values,
    backgrounds,
    fontColors,
    bold,
    fontSizes,
    aligns,
    formulas,
    links,
    hiddenRows: [...new Set([...r.hiddenRows, ...r.filteredRows])]
      .filter((x) => x <= rows)
      .sort((x, y) => x - y),
    hiddenCols: r.hiddenColumns.filter((x) => x <= cols),
    widths,
  };
}

export class WorkbenchSession {
  emulator!: Emulator;
  bundle!: BundleContext;
  private sidebar: Shown | null = null;
  private dialog: Shown | null = null;
  private messages: MessageView[] = [];
  private messageId = 0;
  private shownCount = 0;
  private seen = { sidebars: 0, dialogs: 0, alerts: 0, toasts: 0, prompts: 0 };
  private version = 1;
  private lastKey = '';
  private lastShown = '';
  private savedKey = '';

  constructor(private readonly opts: SessionOptions) {}

  /** Loads the saved state, or seeds the example (also when the saved one is unreadable). */
  start(): void {
    if (!this.opts.reset && existsSync(this.opts.stateFile)) {
      try {
        const saved = JSON.parse(readFileSync(this.opts.stateFile, 'utf8')) as SavedState;
        if (saved.format !== 'suivi-des-stages-workbench' || saved.version !== 1)
          throw new Error('format');
        this.boot();
        this.emulator.restore(saved.emulator);
        this.setClock();
        this.sidebar = saved.sidebar;
        this.dialog = saved.dialog;
        this.shownCount = Math.max(saved.sidebar?.id ?? 0, saved.dialog?.id ?? 0);
        this.runOnOpen();
        this.settle();
        this.savedKey = this.lastKey;
        return;
      } catch (e) {
        console.warn(
          `État illisible (${this.opts.stateFile}) : l'exemple est recréé. ${String(e)}`,
        );
      }
    }
    this.reset();
  }

  /** A fresh emulator with the seeded example, saved at once. */
  reset(): void {
    this.boot();
    this.sidebar = null;
    this.dialog = null;
    seedExample(this.bundle, this.emulator, this.opts.seed);
    // Open on the register itself, as a user finds it.
    const stages = this.spreadsheet().getSheetByName('Stages');
    if (stages) this.emulator.sheets.setActiveRange('Stages', 'A1');
    this.runOnOpen();
    // The example's own toasts and alerts are not news for the user.
    this.markSeen();
    this.settle();
    this.save(true);
  }

  private boot(): void {
    // A school's Google Workspace, as Paramètres assume by default (1,500 documents a day).
    this.emulator = createEmulator({
      account: 'workspace',
      now: this.opts.today ? pinnedNow(this.opts.today) : () => new Date(),
    });
    this.bundle = loadBundleFromDist(this.opts.distDir, this.emulator);
    this.markSeen();
  }

  private setClock(): void {
    this.emulator.setNow(this.opts.today ? pinnedNow(this.opts.today) : () => new Date());
  }

  /** Spreadsheets run onOpen when the document opens: that is what draws the add-on menu. */
  private runOnOpen(): void {
    if (!this.bundle.has('onOpen')) return;
    try {
      this.bundle.call('onOpen', { authMode: 'LIMITED', source: null, user: null });
    } catch (e) {
      this.message('error', 'onOpen', e instanceof Error ? e.message : String(e));
    }
    this.markSeen();
  }

  private markSeen(): void {
    const ui = this.emulator.sheets.ui;
    this.seen = {
      sidebars: ui.sidebars.length,
      dialogs: ui.dialogs.length,
      alerts: ui.alerts.length,
      toasts: ui.toasts.length,
      prompts: ui.prompts.length,
    };
  }

  private message(kind: MessageView['kind'], title: string, text: string): void {
    this.messageId += 1;
    this.messages.push({ id: this.messageId, kind, title, text });
    if (this.messages.length > MAX_MESSAGES)
      this.messages.splice(0, this.messages.length - MAX_MESSAGES);
  }

  /**
   * Collects what the last call showed, bumps the version when anything changed, saves.
   * `counts` is the call log before the call: when it made no write, the workbook is unchanged
   * and the (costly) snapshot comparison is skipped.
   */
  private settle(counts?: Record<string, number>): void {
    const ui = this.emulator.sheets.ui;
    for (const s of ui.sidebars.slice(this.seen.sidebars)) {
      this.shownCount += 1;
      this.sidebar = { id: this.shownCount, title: s.title, html: s.html };
    }
    for (const d of ui.dialogs.slice(this.seen.dialogs)) {
      this.shownCount += 1;
      this.dialog = { id: this.shownCount, title: d.title, html: d.html };
    }
    for (const a of ui.alerts.slice(this.seen.alerts)) this.message('alert', a.title, a.prompt);
    for (const p of ui.prompts.slice(this.seen.prompts)) this.message('alert', p.title, p.prompt);
    for (const t of ui.toasts.slice(this.seen.toasts)) this.message('toast', t.title, t.message);
    const shown = JSON.stringify([this.sidebar?.id, this.dialog?.id, this.messageId]);
    const uiChanged = shown !== this.lastShown;
    this.lastShown = shown;
    this.markSeen();
    if (counts && !uiChanged) {
      const after = this.emulator.log.snapshot();
      const wrote = Object.entries(after).some(([k, n]) => n !== (counts[k] ?? 0) && mayWrite(k));
      if (!wrote) return;
    }
    const key = JSON.stringify([this.emulator.sheets.snapshot(), shown]);
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.version += 1;
    }
  }

  /** Writes the state file when the spreadsheet changed (atomically: a crash never leaves half a file). */
  save(force = false): void {
    if (!force && this.savedKey === this.lastKey) return;
    const state: SavedState = {
      format: 'suivi-des-stages-workbench',
      version: 1,
      seed: this.opts.seed,
      emulator: this.emulator.snapshot(),
      sidebar: this.sidebar,
      dialog: this.dialog,
    };
    mkdirSync(dirname(this.opts.stateFile), { recursive: true });
    const tmp = `${this.opts.stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, this.opts.stateFile);
    this.savedKey = this.lastKey;
  }

  private after<T>(fn: () => T): T {
    try {
      return fn();
    } finally {
      this.settle();
      this.save();
    }
  }

  /** A menu item: runs its function as Apps Script would (errors become a message). */
  callMenu(functionName: string): void {
    this.after(() => {
      try {
        this.bundle.call(functionName);
      } catch (e) {
        this.message('error', 'Erreur', e instanceof Error ? e.message : String(e));
      }
    });
  }

  /** A google.script.run call from the sidebar or a dialog. */
  async invoke(name: string, args: unknown[]): Promise<ScriptRunResult> {
    const counts = this.emulator.log.snapshot();
    try {
      return await invokeServerFunction(this.bundle, name, args);
    } finally {
      this.settle(counts);
      this.save();
    }
  }

  private spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.emulator.sheets.SpreadsheetApp.getActiveSpreadsheet();
  }

  select(sheet: string, a1: string): void {
    this.after(() => this.emulator.sheets.setActiveRange(sheet, a1));
  }

  activate(sheet: string): void {
    this.after(() => {
      const s = this.spreadsheet().getSheetByName(sheet);
      if (!s) throw new Error(`Feuille inconnue : ${sheet}`);
      s.activate();
    });
  }

  /** What a user typed in a cell (or cleared), then the add-on's onEdit, as in Sheets. */
  edit(req: EditRequest): EditOutcome {
    return this.after(() =>
      applyUserEdit(this.emulator, this.bundle, req, (line) => console.warn(line)),
    );
  }

  resetExample(): void {
    this.messages = [];
    this.reset();
    this.settle();
  }

  currentVersion(): number {
    return this.version;
  }

  state(): WorkbenchState {
    const ss = this.spreadsheet();
    const sheets = ss
      .getSheets()
      .filter((s) => !s.isSheetHidden())
      .map((s) => s.getName());
    const active = ss.getActiveSheet().getName();
    const range = ss.getActiveRange();
    const selection = range && range.getSheet().getName() === active ? range.getA1Notation() : '';
    const menus: MenuView[] = this.emulator.sheets.ui.menus.map((m) => ({
      title: m.name,
      items: convertEntries(m.items),
    }));
    const now = this.emulator.now();
    return {
      version: this.version,
      today: new Intl.DateTimeFormat('fr-FR', {
        timeZone: this.emulator.timeZone,
        dateStyle: 'full',
      }).format(now),
      todayPinned: this.opts.today !== undefined,
      sheets,
      active,
      selection,
      grid: gridOf(this.emulator.sheets.render(active)),
      menus,
      sidebar: this.sidebar ? { id: this.sidebar.id, title: this.sidebar.title } : null,
      dialog: this.dialog ? { id: this.dialog.id, title: this.dialog.title } : null,
      messages: [...this.messages],
    };
  }

  /** The last sidebar (or dialog) HTML, with google.script.run wired to this workbench. */
  frameHtml(which: 'sidebar' | 'dialog'): string | null {
    const shown = which === 'sidebar' ? this.sidebar : this.dialog;
    if (!shown) return null;
    const shim = googleScriptRunShim('/api', { functionNames: this.bundle.functionNames() });
    // Tells the page that a call finished, so the sheet redraws at once rather than at the next poll.
    const notify = `(function(){var f=window.fetch;window.fetch=function(){return f.apply(this,arguments).then(function(r){r.clone().text().then(function(){window.parent.postMessage({type:'workbench-api-done'},location.origin);});return r;});};})();`;
    // A Drive or Docs link opens the workbench's view of the emulated file, not Google's site.
    const drive = `document.addEventListener('click',function(e){var t=e.target;var a=t&&t.closest?t.closest('a[href]'):null;if(!a||!/^https:\\/\\/(docs|drive)\\.google\\.com\\//.test(a.href))return;e.preventDefault();window.parent.postMessage({type:'workbench-open-drive',url:a.href},location.origin);},true);`;
    const inject = `<script>${notify}</script><script>${drive}</script><script>${shim}</script>`;
    const html = shown.html;
    const head = /<head[^>]*>/i.exec(html);
    if (head)
      return (
        html.slice(0, head.index + head[0].length) +
        inject +
        html.slice(head.index + head[0].length)
      );
    return inject + html;
  }
}
