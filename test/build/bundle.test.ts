/**
 * The built dist/ as Apps Script would run it: a classic script in a context holding only the
 * Apps Script globals. `npm test` builds before running the tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { TEMPLATE_HTML } from '../../src/domain/documents/templates';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { serverExportNames } from '../../scripts/build';
import { loadBundleFromDist } from 'gas-emulator/bundle';
import { createEmulator } from 'gas-emulator';

const dist = join(__dirname, '../../dist');

describe('dist/', () => {
  beforeAll(() => {
    if (!existsSync(join(dist, 'Code.js')))
      throw new Error('Run `npm run build` first (npm test does).');
  });

  it('holds the manifest, the server code and the sidebar', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as {
      runtimeVersion: string;
      timeZone: string;
      oauthScopes: string[];
    };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Paris');
    expect(manifest.oauthScopes).toContain(
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(manifest.oauthScopes.some((s) => s.endsWith('/auth/spreadsheets'))).toBe(false);
    expect(manifest.oauthScopes.some((s) => s.endsWith('/auth/drive'))).toBe(false);
    expect(existsSync(join(dist, 'sidebar.html'))).toBe(true);
  });

  it('enables Drive v3 and Docs v1 as advanced services, under the drive.file scope only', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
      dependencies: {
        enabledAdvancedServices: { userSymbol: string; serviceId: string; version: string }[];
      };
    };
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
      { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
    ]);
    // drive.file: the files the add-on created; never the whole Drive nor every document.
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/drive.file');
    expect(
      manifest.oauthScopes.some((s) => /\/auth\/(drive|documents)(\.readonly)?$/.test(s)),
    ).toBe(false);
  });

  it('keeps the document templates out of Code.js, one HTML file each, read on demand', () => {
    const code = readFileSync(join(dist, 'Code.js'), 'utf8');
    for (const [kind, html] of Object.entries(TEMPLATE_HTML)) {
      expect(readFileSync(join(dist, `modele-${kind}.html`), 'utf8')).toBe(html);
    }
    expect(code).not.toContain('Article 12 – Suspension');
    expect(code).toContain('modele-');
  });

  it('is a classic script: no module syntax, no Node API', () => {
    const code = readFileSync(join(dist, 'Code.js'), 'utf8');
    expect(() => new Script(code)).not.toThrow();
    expect(code).not.toMatch(/^\s*(export|import)\s/m);
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bprocess\.(env|argv|exit)/);
    expect(code).not.toMatch(/\bBuffer\.from\b/);
  });

  it('declares every export of src/main.ts as a top-level function', async () => {
    const names = await serverExportNames();
    expect(names).toContain('onOpen');
    expect(names).toContain('apiStopStage');
    const bundle = loadBundleFromDist(dist, createEmulator());
    for (const n of names) expect(bundle.has(n), n).toBe(true);
    expect(bundle.functionNames()).toEqual(expect.arrayContaining(names));
  });

  it('runs onOpen with only the Apps Script globals, and every menu item names a function', () => {
    const em = createEmulator();
    const bundle = loadBundleFromDist(dist, em);
    bundle.call('onOpen', { authMode: 'NONE' });
    const menus = em.sheets.ui.menus;
    expect(menus).toHaveLength(1);
    const items = menus[0]!.items.filter(
      (i): i is { caption: string; functionName: string } => 'functionName' in i,
    );
    expect(items.map((i) => i.caption)).toEqual(
      expect.arrayContaining([
        'Initialiser le classeur',
        'Arrêter le stage…',
        'Scinder le stage…',
        'Calendrier du stage',
      ]),
    );
    for (const item of items) expect(bundle.has(item.functionName), item.functionName).toBe(true);
  });

  it('onOpen touches no authorised service (AuthMode.NONE): only the menu', () => {
    const em = createEmulator();
    const bundle = loadBundleFromDist(dist, em);
    em.log.reset();
    bundle.call('onOpen', { authMode: 'NONE' });
    const used = Object.keys(em.log.snapshot());
    expect(
      used.every(
        (k) => k.startsWith('SpreadsheetApp.getUi') || k.startsWith('Ui.') || k.startsWith('Menu.'),
      ),
    ).toBe(true);
  });

  it('the sidebar is one self-contained HTML file, safe for HtmlService', () => {
    const html = readFileSync(join(dist, 'sidebar.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      expect(s).not.toMatch(/<\/script/i);
      expect(s).not.toContain('://');
    }
  });
});
