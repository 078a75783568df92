/**
 * The workbench server without a browser: the state survives a restart, the sidebar gets the
 * google.script.run shim, the endpoint keeps Apps Script's rules, and other sites are refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageSelection } from '../../src/api/contract';
import type { WorkbenchState } from '../../scripts/workbench/protocol';
import { startWorkbench, type Workbench } from '../../scripts/workbench/server';

let dir: string;
let wb: Workbench;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${wb.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const state = async () => (await (await fetch(`${wb.url}/state`)).json()) as WorkbenchState;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sds-workbench-'));
  wb = await startWorkbench({
    port: 0,
    stateFile: join(dir, 'state.json'),
    today: '2023-02-15',
    reset: true,
  });
});

afterAll(async () => {
  await wb?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('workbench server', () => {
  it('opens on the seeded Stages sheet with the menu onOpen registered', async () => {
    const s = await state();
    expect(s.active).toBe('Stages');
    expect(s.today).toBe('mercredi 15 février 2023');
    expect(s.todayPinned).toBe(true);
    expect(s.menus.map((m) => m.title)).toEqual(['Suivi des stages']);
    const students = s.grid?.values
      .map((r) => r.join('|'))
      .filter((l) => l.includes('BTS 1 info période 1'));
    expect(students).toHaveLength(10);
  });

  it('answers /state?since= with 204 when nothing changed', async () => {
    const s = await state();
    const again = await fetch(`${wb.url}/state?since=${s.version}`);
    expect(again.status).toBe(204);
  });

  it('runs a menu item and serves the sidebar it showed, with the shim and the view', async () => {
    await post('/menu', { functionName: 'menuStopStage' });
    const s = await state();
    expect(s.sidebar?.title).toBe('Suivi des stages');
    const html = await (await fetch(`${wb.url}/sidebar`)).text();
    // The shim comes before the sidebar's own code, which calls google.script.run at once.
    expect(html.indexOf('window.google')).toBeGreaterThan(-1);
    expect(html.indexOf('window.google')).toBeLessThan(html.indexOf('<div id="app"'));
    expect(html).toContain('window.SDS_VIEW="stop"');
  });

  it('calls the API under google.script.run rules', async () => {
    await post('/select', { sheet: 'Stages', range: 'E2' });
    const r = (await (await post('/api', { name: 'apiGetSelection', args: [] })).json()) as {
      ok: boolean;
      value: StageSelection;
    };
    expect(r.ok).toBe(true);
    expect(r.value.stage?.row).toBe(2);
    const priv = (await (await post('/api', { name: 'run_', args: [] })).json()) as {
      ok: boolean;
      error: { message: string };
    };
    expect(priv).toMatchObject({
      ok: false,
      error: { message: 'Script function not found: run_' },
    });
  });

  it('takes a typed cell: a protected one asks first, a bad value is refused', async () => {
    const edit = async (body: object) => (await post('/edit', body)).json();
    expect(await edit({ sheet: 'Stages', range: 'K2', value: 'x' })).toMatchObject({
      ok: false,
      confirm: expect.stringContaining('Suivi des stages : Phase'),
    });
    expect(await edit({ sheet: 'Stages', range: 'D2', value: 'bientôt' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('D2'),
    });
    expect(await edit({ sheet: 'Stages', range: 'S2', value: 'Lu 7 ; Ma 7' })).toEqual({
      ok: true,
    });
    expect((await post('/edit', { sheet: 'Stages', range: 'S2' })).status).toBe(400);
    expect(wb.session.emulator.sheets.debugGetValues('Stages', 'S2')).toEqual([['Lu 7 ; Ma 7']]);
  });

  it('refuses posts from another site', async () => {
    const r = await post(
      '/menu',
      { functionName: 'menuInitWorkbook' },
      { origin: 'http://evil.example' },
    );
    expect(r.status).toBe(403);
  });

  it('keeps the state across a restart', async () => {
    await post('/select', { sheet: 'Stages', range: 'E3' });
    const selection = (await state()).selection;
    const before = wb.session.emulator.sheets.debugGetValues('Stages', 'A1:U12');
    await wb.close();
    wb = await startWorkbench({ port: 0, stateFile: join(dir, 'state.json'), today: '2023-02-15' });
    expect(wb.session.emulator.sheets.debugGetValues('Stages', 'A1:U12')).toEqual(before);
    const s = await state();
    expect(s.selection).toBe(selection);
    expect(s.sidebar?.title).toBe('Suivi des stages');
    expect(s.menus).toHaveLength(1);
  });
});
