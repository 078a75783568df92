/**
 * The Chromium lookup and installation of `npm test`, on an imaginary machine: which files are
 * executables, who runs, and what each command does are all given, so no apt-get ever runs.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APT_INSTALL,
  type ChromiumHost,
  ChromiumMissingError,
  ensureChromium,
  findChromium,
  PLAYWRIGHT_INSTALL,
  requireChromium,
  type RunResult,
  systemHost,
} from '../../scripts/chromium';

interface Machine {
  host: ChromiumHost;
  runs: string[];
  logs: string[];
  files: Set<string>;
}

function machine(
  opts: {
    files?: string[];
    env?: Record<string, string>;
    root?: boolean;
    platform?: NodeJS.Platform;
    playwright?: string;
    /** What each command does; by default it succeeds. `installs` adds files on success. */
    commands?: Record<string, RunResult & { installs?: string[] }>;
  } = {},
): Machine {
  const files = new Set(opts.files ?? []);
  const runs: string[] = [];
  const logs: string[] = [];
  const host: ChromiumHost = {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...opts.env },
    platform: opts.platform ?? 'linux',
    isRoot: opts.root ?? false,
    isExecutable: (p) => files.has(p),
    playwrightPath: () => opts.playwright,
    run(command, args, env) {
      const line = `${Object.entries(env)
        .map(([k, v]) => `${k}=${v} `)
        .join('')}${command} ${args.join(' ')}`;
      runs.push(line);
      const r = opts.commands?.[`${command} ${args.join(' ')}`] ?? { ok: true, output: '' };
      if (r.ok) for (const f of r.installs ?? []) files.add(f);
      return { ok: r.ok, output: r.output };
    },
    log: (l) => logs.push(l),
  };
  return { host, runs, logs, files };
}

const APT = '/usr/bin/apt-get';

function missing(fn: () => unknown): ChromiumMissingError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ChromiumMissingError) return e;
    throw e;
  }
  throw new Error('no ChromiumMissingError thrown');
}

describe('findChromium', () => {
  it("prefers Debian's chromium, then other browsers on PATH, then Playwright's download", () => {
    const all = ['/usr/bin/chromium', '/usr/local/bin/google-chrome', '/pw/chrome'];
    expect(findChromium(machine({ files: all, playwright: '/pw/chrome' }).host)).toBe(
      '/usr/bin/chromium',
    );
    expect(findChromium(machine({ files: all.slice(1), playwright: '/pw/chrome' }).host)).toBe(
      '/usr/local/bin/google-chrome',
    );
    expect(findChromium(machine({ files: all.slice(2), playwright: '/pw/chrome' }).host)).toBe(
      '/pw/chrome',
    );
  });

  it('finds chromium-browser (Ubuntu, Fedora) under any PATH directory', () => {
    const m = machine({
      files: ['/opt/browsers/chromium-browser'],
      env: { PATH: '/opt/browsers' },
    });
    expect(findChromium(m.host)).toBe('/opt/browsers/chromium-browser');
  });

  it('takes CHROMIUM_PATH first, and refuses a wrong one instead of looking elsewhere', () => {
    const files = ['/usr/bin/chromium', '/home/me/chrome'];
    expect(findChromium(machine({ files, env: { CHROMIUM_PATH: '/home/me/chrome' } }).host)).toBe(
      '/home/me/chrome',
    );
    const e = missing(() =>
      findChromium(machine({ files, env: { CHROMIUM_PATH: '/home/me/typo' } }).host),
    );
    expect(e.message).toContain('CHROMIUM_PATH=/home/me/typo');
  });

  it('knows where Chrome lives on macOS', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(machine({ platform: 'darwin', files: [mac] }).host)).toBe(mac);
  });

  it('returns null when the machine has no browser', () => {
    expect(findChromium(machine({ files: [APT] }).host)).toBeNull();
  });
});

describe('ensureChromium', () => {
  it('installs nothing when a browser is there', () => {
    const m = machine({ files: ['/usr/bin/chromium', APT], root: true });
    expect(ensureChromium(m.host)).toBe('/usr/bin/chromium');
    expect(m.runs).toEqual([]);
    expect(m.logs).toEqual([]);
  });

  it("as root with apt-get, installs Debian's package quietly and says so in one line", () => {
    const m = machine({
      files: [APT],
      root: true,
      commands: {
        'apt-get install -y -qq chromium': {
          ok: true,
          output: '',
          installs: ['/usr/bin/chromium'],
        },
      },
    });
    expect(ensureChromium(m.host)).toBe('/usr/bin/chromium');
    expect(m.runs).toEqual([
      'DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
    ]);
    expect(m.logs).toHaveLength(1);
    expect(m.logs[0]).toMatch(/installation du paquet Debian « chromium »/);
  });

  it('without root, runs nothing and names the one command to run', () => {
    const m = machine({ files: [APT], root: false });
    const e = missing(() => ensureChromium(m.host));
    expect(m.runs).toEqual([]);
    expect(e.command).toBe(APT_INSTALL);
    expect(e.message).toContain(`Installez-le avec : ${APT_INSTALL}`);
  });

  it('without apt-get (macOS, Fedora), points to the browser Playwright downloads', () => {
    for (const m of [machine({ platform: 'darwin', root: true }), machine({ root: true })]) {
      const e = missing(() => ensureChromium(m.host));
      expect(m.runs).toEqual([]);
      expect(e.command).toBe(PLAYWRIGHT_INSTALL);
    }
  });

  it("stops at the first failing apt-get step and shows the end of apt-get's output", () => {
    const m = machine({
      files: [APT],
      root: true,
      commands: {
        'apt-get update -qq': {
          ok: false,
          output: 'W: noise\nE: Could not resolve deb.debian.org',
        },
      },
    });
    const e = missing(() => ensureChromium(m.host));
    expect(m.runs).toHaveLength(1);
    expect(e.message).toContain('E: Could not resolve deb.debian.org');
    expect(e.command).toBe(APT_INSTALL);
  });

  it('reports a package that installed no executable instead of claiming success', () => {
    const m = machine({ files: [APT], root: true });
    const e = missing(() => ensureChromium(m.host));
    expect(m.runs).toHaveLength(2);
    expect(e.message).toMatch(/aucun exécutable/);
  });
});

describe('requireChromium (the browser tests)', () => {
  it('never installs: it fails with the command even as root', () => {
    const m = machine({ files: [APT], root: true });
    const e = missing(() => requireChromium(m.host));
    expect(m.runs).toEqual([]);
    expect(e.command).toBe(APT_INSTALL);
  });

  it('finds what npm test finds', () => {
    const m = machine({ files: ['/usr/bin/chromium-browser'] });
    expect(requireChromium(m.host)).toBe(ensureChromium(m.host));
  });
});

describe('systemHost (this machine, with node standing in for apt-get)', () => {
  const host = systemHost();

  it('passes the extra environment and reports success by exit status', () => {
    const check = 'process.exit(process.env.SDS_PROBE === "oui" ? 0 : 1)';
    expect(host.run(process.execPath, ['-e', check], { SDS_PROBE: 'oui' }).ok).toBe(true);
    expect(host.run(process.execPath, ['-e', check], { SDS_PROBE: 'non' }).ok).toBe(false);
  });

  it("keeps a failing command's output for the message", () => {
    const r = host.run(
      process.execPath,
      ['-e', 'console.error("E: pas de réseau"); process.exit(100)'],
      {},
    );
    expect(r).toEqual({ ok: false, output: expect.stringContaining('E: pas de réseau') });
  });

  it('tells executables from other files', () => {
    expect(host.isExecutable(process.execPath)).toBe(true);
    const file = (name: string) => fileURLToPath(new URL(name, import.meta.url));
    expect(host.isExecutable(file('chromium.test.ts'))).toBe(false);
    expect(host.isExecutable(file('absent'))).toBe(false);
  });
});
