/**
 * Browser test harness: the real workbench (real bundle on the emulator) started in-process on
 * a free port with a temporary state file and a pinned date, and Chromium (found as `npm test`
 * finds it: scripts/chromium.ts) driving it.
 * Tests talk to it by what users see: menu captions, cell texts, labels in the sidebar.
 */
import { afterAll, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Browser,
  chromium,
  type Frame,
  type FrameLocator,
  type Locator,
  type Page,
} from 'playwright-core';
import { requireChromium, systemHost } from '../../scripts/chromium';
import type { SeedLevel } from '../../scripts/workbench/seed';
import { ROOT, startWorkbench, type Workbench } from '../../scripts/workbench/server';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Bench {
  wb: Workbench;
  browser: Browser;
  page: Page;
  /** The sidebar's document, as a locator root (re-resolved after each reload). */
  sidebar: FrameLocator;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(systemHost()), args: CHROMIUM_ARGS });
}

/** Starts a workbench on the seed `level`, with the date pinned to `today`. */
export async function startBench(
  browser: Browser,
  opts: { seed?: SeedLevel; today?: string } = {},
): Promise<Bench> {
  if (
    !existsSync(join(ROOT, 'dist', 'Code.js')) ||
    !existsSync(join(ROOT, 'dist', 'sidebar.html'))
  ) {
    throw new Error('dist/ est absent : lancez `npm run build` avant les tests du navigateur.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'sds-browser-'));
  const wb = await startWorkbench({
    port: 0,
    stateFile: join(dir, 'state.json'),
    today: opts.today ?? '2023-02-15',
    seed: opts.seed ?? 'full',
    reset: true,
  });
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  await page.goto(wb.url);
  await page.getByRole('tab', { name: 'Stages' }).waitFor();
  return {
    wb,
    browser,
    page,
    sidebar: page.frameLocator('#sidebar-frame'),
    close: async () => {
      await context.close();
      await wb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Extensions › Suivi des stages › `caption`. */
export async function menu(page: Page, caption: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Suivi des stages' }).click();
  await page.getByRole('menuitem', { name: caption, exact: true }).click();
}

/** The sidebar frame (for evaluate / addScriptTag), once it has loaded. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#sidebar-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('Barre latérale absente.');
  await frame.waitForLoadState();
  return frame;
}

export async function openSheet(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator(`table.sheet[aria-label="Feuille ${name}"]`).waitFor();
}

/** The data rows of the sheet drawn in the page, as records keyed by the header row (row 1). */
export async function sheetRows(page: Page): Promise<Record<string, string>[]> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLTableRowElement>('#grid tbody tr')];
    const cells = (tr: HTMLTableRowElement) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
    const head = rows[0] ? cells(rows[0]) : [];
    return rows
      .slice(1)
      .map((tr) => cells(tr))
      .filter((line) => line.some((v) => v !== ''))
      .map((line) =>
        Object.fromEntries(head.map((h, i) => [h, line[i] ?? '']).filter(([h]) => h !== '')),
      );
  });
}

/**
 * The drawn cell in column `header` of the first row whose columns equal `match`
 * (e.g. `{ Élève: 'ACAR Laurie', Début: '01/03/2023' }`).
 */
export async function rowCell(
  page: Page,
  match: Record<string, string>,
  header: string,
): Promise<Locator> {
  const pos = await page.evaluate(
    ([m, h]) => {
      const rows = [...document.querySelectorAll<HTMLTableRowElement>('#grid tbody tr')];
      const headCells = rows[0] ? [...rows[0].querySelectorAll<HTMLElement>('td')] : [];
      const colOf = (name: string) => headCells.find((td) => td.textContent === name)?.dataset.c;
      const target = colOf(h);
      if (!target) return null;
      for (const tr of rows.slice(1)) {
        const ok = Object.entries(m).every(([k, v]) => {
          const c = colOf(k);
          return c !== undefined && tr.querySelector(`td[data-c="${c}"]`)?.textContent === v;
        });
        if (ok) return [tr.dataset.row ?? '', target];
      }
      return null;
    },
    [match, header] as const,
  );
  if (!pos)
    throw new Error(`Aucune ligne ${JSON.stringify(match)} avec une colonne « ${header} ».`);
  return page.locator(`#grid td[data-r="${pos[0]}"][data-c="${pos[1]}"]`);
}

/** Runs axe-core in the sidebar and returns its serious and critical violations. */
export async function axeViolations(
  frame: Frame,
): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
  const loaded = await frame.evaluate(
    () => typeof (window as { axe?: unknown }).axe !== 'undefined',
  );
  if (!loaded)
    await frame.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  return frame.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    };
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.map((n) => String(n.target.join(' '))),
      }));
  });
}

/**
 * One workbench and one browser for a whole test file (started before its tests, closed after).
 * The object returned stands for the bench once started.
 */
export function benchFor(opts: { seed?: SeedLevel; today?: string } = {}): Bench {
  let browser: Browser | undefined;
  let current: Bench | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    current = await startBench(browser, opts);
  });
  afterAll(async () => {
    await current?.close();
    await browser?.close();
  });
  return new Proxy({} as Bench, {
    get(_target, prop) {
      if (!current) throw new Error("L'atelier n'est pas encore démarré.");
      const v = Reflect.get(current, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(current) : v;
    },
  });
}

/** A server function called as the sidebar calls it; its French refusal, if any, throws. */
export type Invoke = <T = unknown>(name: string, ...args: unknown[]) => Promise<T>;

export function invokeOn(bench: Bench): Invoke {
  return async <T>(name: string, ...args: unknown[]): Promise<T> => {
    const r = await bench.wb.session.invoke(name, args);
    if (!r.ok) throw new Error(`${name} : ${JSON.stringify(r.error)}`);
    const v = r.value as { ok?: boolean; value?: unknown; error?: string };
    if (v && typeof v === 'object' && 'ok' in v) {
      if (!v.ok) throw new Error(`${name} : ${v.error}`);
      return v.value as T;
    }
    return v as T;
  };
}

/** The school's name, address and head in Paramètres, as documents need them. */
export async function schoolFilledIn(invoke: Invoke): Promise<void> {
  const settings = await invoke<Record<string, unknown>>('apiGetSettings');
  await invoke('apiSaveSettings', {
    ...settings,
    schoolName: 'Lycée Jean Moulin',
    schoolAddress: '1 rue de l’Épée, 59400 Cambrai',
    headOfSchool: 'Mme DURAND Claire',
  });
}
