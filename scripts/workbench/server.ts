/**
 * The workbench's HTTP server (node:http, 127.0.0.1 only): the page, its state as JSON, the
 * sidebar frame, the google.script.run endpoint and cells typed by the user, all backed by one
 * WorkbenchSession.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { driveFilePage, driveTree } from './drive';
import type { EditBody, EditResponse } from './protocol';
import type { SeedLevel } from './seed';
import { WorkbenchSession } from './session';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');

export interface WorkbenchOptions {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  distDir?: string;
  stateFile?: string;
  today?: string;
  seed?: SeedLevel;
  reset?: boolean;
}

export interface Workbench {
  url: string;
  port: number;
  session: WorkbenchSession;
  close(): Promise<void>;
}

const MAX_BODY = 5 * 1024 * 1024;

async function pageHtml(): Promise<string> {
  const out = await build({
    entryPoints: [join(here, 'client.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    charset: 'utf8',
    logLevel: 'warning',
  });
  const js = (out.outputFiles[0]?.text ?? '').replace(/<\/script/gi, '<\\/script');
  const css = readFileSync(join(here, 'page.css'), 'utf8');
  return readFileSync(join(here, 'page.html'), 'utf8')
    .replace('/* PAGE_CSS */', () => css)
    .replace('/* PAGE_JS */', () => js);
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('Requête trop volumineuse.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as unknown) : {});
      } catch {
        reject(new Error('Corps JSON invalide.'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', JSON.stringify(value));
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export async function startWorkbench(opts: WorkbenchOptions = {}): Promise<Workbench> {
  const session = new WorkbenchSession({
    distDir: opts.distDir ?? join(ROOT, 'dist'),
    stateFile: opts.stateFile ?? join(ROOT, '.workbench', 'state.json'),
    today: opts.today,
    seed: opts.seed ?? 'full',
    reset: opts.reset,
  });
  session.start();
  const page = await pageHtml();

  // Requests run one at a time: an Apps Script execution never interleaves with another here.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => T | Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    // The sidebar posts from its own frame on the same origin; refuse other sites' pages.
    if (req.method === 'POST') {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${req.headers.host ?? ''}`)
        return json(res, 403, { ok: false, error: 'Origine refusée.' });
    }
    switch (route) {
      case 'GET /':
        return send(res, 200, 'text/html', page);
      case 'GET /favicon.ico':
        res.writeHead(204);
        return void res.end();
      case 'GET /state': {
        const since = Number(url.searchParams.get('since'));
        if (since && since === session.currentVersion()) {
          res.writeHead(204, { 'cache-control': 'no-store' });
          return void res.end();
        }
        return json(res, 200, await serial(() => session.state()));
      }
      case 'GET /sidebar':
      case 'GET /dialog': {
        const html = session.frameHtml(url.pathname === '/sidebar' ? 'sidebar' : 'dialog');
        return html === null
          ? send(res, 404, 'text/plain', 'Aucune barre latérale ouverte.')
          : send(res, 200, 'text/html', html);
      }
      case 'GET /drive/file': {
        // A Drive file as staff would open it (a cell's link, the sidebar's « Ouvrir »).
        const id = url.searchParams.get('id') ?? '';
        const html = await serial(() => driveFilePage(session.emulator, id));
        return html === null
          ? send(res, 404, 'text/plain', 'Ce fichier n’existe pas dans le Drive émulé.')
          : send(res, 200, 'text/html', html);
      }
      case 'GET /drive/tree':
        return json(res, 200, await serial(() => driveTree(session.emulator)));
      case 'POST /api': {
        const body = (await readBody(req)) as { name?: unknown; args?: unknown };
        const args = Array.isArray(body.args) ? (body.args as unknown[]) : [];
        return json(res, 200, await serial(() => session.invoke(str(body.name), args)));
      }
      case 'POST /menu': {
        const body = (await readBody(req)) as { functionName?: unknown };
        const fn = str(body.functionName);
        if (!fn) return json(res, 400, { ok: false, error: 'Fonction de menu absente.' });
        await serial(() => session.callMenu(fn));
        return json(res, 200, { ok: true });
      }
      case 'POST /select': {
        const body = (await readBody(req)) as { sheet?: unknown; range?: unknown };
        await serial(() => session.select(str(body.sheet), str(body.range)));
        return json(res, 200, { ok: true });
      }
      case 'POST /edit': {
        const body = (await readBody(req)) as Partial<Record<keyof EditBody, unknown>>;
        const value =
          body.value === null ? null : typeof body.value === 'string' ? body.value : undefined;
        if (value === undefined) return json(res, 400, { ok: false, error: 'Valeur absente.' });
        const out = await serial(() =>
          session.edit({
            sheet: str(body.sheet),
            range: str(body.range),
            value,
            confirmed: body.confirmed === true,
          }),
        );
        const reply: EditResponse =
          out.kind === 'done'
            ? { ok: true }
            : out.kind === 'confirm'
              ? { ok: false, confirm: out.message }
              : { ok: false, error: out.message };
        return json(res, 200, reply);
      }
      case 'POST /activate': {
        const body = (await readBody(req)) as { sheet?: unknown };
        await serial(() => session.activate(str(body.sheet)));
        return json(res, 200, { ok: true });
      }
      case 'POST /reset':
        await serial(() => session.resetExample());
        return json(res, 200, { ok: true });
      default:
        return send(res, 404, 'text/plain', 'Introuvable.');
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        json(res, 500, { ok: false, error: e instanceof Error ? e.message : String(e) });
      else res.end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
