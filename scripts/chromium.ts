/**
 * Where the browser tests find Chromium, in one place: `npm test` (through ensure-chromium.ts)
 * and the browser test harness ask the same lookup, so they can never disagree.
 *
 * Order: CHROMIUM_PATH when set (a wrong value is an error, not a silent fallback), then the
 * usual system browsers, then the one `npx playwright-core install chromium` downloads. When none
 * is found, Debian-like machines running as root get Debian's package installed; anyone else gets
 * the one command to run.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

/** Everything the lookup touches, injected so tests never run apt-get nor depend on this machine. */
export interface ChromiumHost {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  isRoot: boolean;
  isExecutable(path: string): boolean;
  /** The browser playwright-core would download, or undefined when it cannot tell. */
  playwrightPath(): string | undefined;
  /** Runs a command without a shell, quietly; `output` is its stderr then stdout. */
  run(command: string, args: string[], env: Record<string, string>): RunResult;
  log(line: string): void;
}

export interface RunResult {
  ok: boolean;
  output: string;
}

/** The tests' browser is missing and could not be installed here: `message` says what to do. */
export class ChromiumMissingError extends Error {
  constructor(
    message: string,
    /** The one command to run, or '' when CHROMIUM_PATH itself is wrong. */
    readonly command: string,
  ) {
    super(message);
    this.name = 'ChromiumMissingError';
  }
}

/** Names looked up on PATH, Debian's first: it is what CI and the README install. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
const FIXED_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

export const APT_INSTALL = 'sudo apt-get install -y chromium';
export const PLAYWRIGHT_INSTALL = 'npx playwright-core install chromium';

function pathDirs(host: ChromiumHost): string[] {
  return (host.env.PATH ?? '').split(delimiter).filter((d) => d !== '');
}

function candidates(host: ChromiumHost): string[] {
  const fixed = FIXED_PATHS[host.platform] ?? [];
  const onPath = PATH_NAMES.flatMap((name) => pathDirs(host).map((d) => join(d, name)));
  const playwright = host.playwrightPath();
  return [...new Set([...fixed, ...onPath, ...(playwright ? [playwright] : [])])];
}

/** The browser to drive, or null when this machine has none. */
export function findChromium(host: ChromiumHost): string | null {
  const explicit = host.env.CHROMIUM_PATH;
  if (explicit) {
    if (host.isExecutable(explicit)) return explicit;
    throw new ChromiumMissingError(
      `CHROMIUM_PATH=${explicit} n'est pas un exécutable : corrigez ou retirez cette variable.`,
      '',
    );
  }
  return candidates(host).find((p) => host.isExecutable(p)) ?? null;
}

function hasAptGet(host: ChromiumHost): boolean {
  return (
    host.platform === 'linux' && pathDirs(host).some((d) => host.isExecutable(join(d, 'apt-get')))
  );
}

/** The one command that would give this machine a browser for the tests. */
export function installCommand(host: ChromiumHost): string {
  return hasAptGet(host) ? APT_INSTALL : PLAYWRIGHT_INSTALL;
}

export function missingError(host: ChromiumHost, why = ''): ChromiumMissingError {
  const command = installCommand(host);
  return new ChromiumMissingError(
    [
      `Chromium est introuvable : les tests du navigateur en ont besoin.${why ? ` ${why}` : ''}`,
      `Installez-le avec : ${command}`,
      '(ou indiquez un Chromium ou Chrome existant avec CHROMIUM_PATH=/chemin/vers/chromium)',
    ].join('\n'),
    command,
  );
}

/** The browser to drive, found but never installed (test runs must not call apt-get). */
export function requireChromium(host: ChromiumHost): string {
  const found = findChromium(host);
  if (!found) throw missingError(host);
  return found;
}

/** The last lines of a command's output: apt-get's reason is at the end. */
function tail(output: string, lines = 5): string {
  return output.trim().split('\n').slice(-lines).join('\n');
}

/**
 * The browser to drive, installed first when it is missing and this machine allows it
 * (root with apt-get, as in a fresh container or CI); otherwise a ChromiumMissingError.
 */
export function ensureChromium(host: ChromiumHost): string {
  const found = findChromium(host);
  if (found) return found;
  if (!host.isRoot || !hasAptGet(host)) throw missingError(host);
  host.log('Chromium est absent : installation du paquet Debian « chromium » (apt-get)…');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const steps: [string, string[]][] = [
    ['apt-get', ['update', '-qq']],
    ['apt-get', ['install', '-y', '-qq', 'chromium']],
  ];
  for (const [cmd, args] of steps) {
    const r = host.run(cmd, args, env);
    if (!r.ok)
      throw missingError(host, `\`${cmd} ${args.join(' ')}\` a échoué :\n${tail(r.output)}`);
  }
  const installed = findChromium(host);
  if (!installed)
    throw missingError(host, "Le paquet est installé mais aucun exécutable n'a été trouvé.");
  return installed;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightPath(): string | undefined {
  try {
    return chromium.executablePath() || undefined;
  } catch {
    // Platforms Playwright has no build for.
    return undefined;
  }
}

/** This machine. */
export function systemHost(): ChromiumHost {
  return {
    env: process.env,
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    isExecutable,
    playwrightPath,
    run(command, args, env) {
      const r = spawnSync(command, args, {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
      return {
        ok: r.status === 0,
        output: `${r.error ? `${r.error.message}\n` : ''}${r.stderr ?? ''}${r.stdout ?? ''}`,
      };
    },
    log: (line) => console.log(line),
  };
}
