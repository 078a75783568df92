import * as vm from 'node:vm';
import type { CallLog } from '../instrument';
import { BlobImpl, blobOf } from './blob';
import { makeEnum } from './enums';
import { Exposed, expose } from './exposed';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type HtmlService = GoogleAppsScript.HTML.HtmlService;

export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT'] as const);

const ALLOWED_META = new Set([
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
]);

export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The project's HTML files and the scope templates evaluate in. When a bundle is loaded,
 * scriptlets run inside its vm context, so `<?!= include('x') ?>` finds the script's functions.
 */
export class HtmlFiles {
  private files = new Map<string, string>();
  private scope: vm.Context | null = null;

  constructor(initial: Record<string, string> = {}) {
    for (const [name, content] of Object.entries(initial)) this.add(name, content);
  }

  add(name: string, content: string): void {
    this.files.set(name.replace(/\.html$/, ''), content);
  }

  names(): string[] {
    return [...this.files.keys()];
  }

  read(name: string): string {
    const content =
      this.files.get(String(name)) ?? this.files.get(String(name).replace(/\.html$/, ''));
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return content;
  }

  setScope(context: vm.Context | null): void {
    this.scope = context;
  }

  /** @internal compile template code into a function in the script's realm (or the host's). */
  compile(code: string): (...args: unknown[]) => unknown {
    const source = `(function (__vars, __esc, __raw, output) { with (__vars) { ${code} } })`;
    if (this.scope) return vm.runInContext(source, this.scope) as (...a: unknown[]) => unknown;
    return new Function(`return ${source}`)() as (...a: unknown[]) => unknown;
  }
}

class HtmlOutputImpl extends Exposed<HtmlOutput> {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private faviconUrl: string | null = null;
  private sandboxMode = SandboxMode.IFRAME;
  private xFrameOptionsMode = XFrameOptionsMode.DEFAULT;
  private metaTags: { name: string; content: string }[] = [];

  constructor(
    log: CallLog,
    private content: string,
    private readonly files: HtmlFiles,
  ) {
    super(log, 'HtmlOutput');
  }

  /** Uncounted reads for the emulator (the sidebar recorder, the workbench). */
  get rawContent(): string {
    return this.content;
  }

  get rawTitle(): string {
    return this.title;
  }

  rawBlob(): BlobImpl {
    return BlobImpl.fromData(this.log, this.content, 'text/html', this.title || null);
  }

  append(addedContent: string) {
    this.content += String(addedContent);
    return this.api;
  }

  appendUntrusted(addedContent: string) {
    this.content += escapeHtml(addedContent);
    return this.api;
  }

  clear() {
    this.content = '';
    return this.api;
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string) {
    this.content = String(content);
    return this.api;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string) {
    this.title = String(title);
    return this.api;
  }

  getWidth(): number {
    return this.width ?? 0;
  }

  setWidth(width: number) {
    this.width = width;
    return this.api;
  }

  getHeight(): number {
    return this.height ?? 0;
  }

  setHeight(height: number) {
    this.height = height;
    return this.api;
  }

  getFaviconUrl(): string {
    return this.faviconUrl ?? '';
  }

  setFaviconUrl(iconUrl: string) {
    this.faviconUrl = iconUrl;
    return this.api;
  }

  setSandboxMode(mode: (typeof SandboxMode)[keyof typeof SandboxMode]) {
    this.sandboxMode = mode;
    return this.api;
  }

  /** Not in the real API: what setSandboxMode was given. */
  get rawSandboxMode(): string {
    return this.sandboxMode.name();
  }

  setXFrameOptionsMode(mode: (typeof XFrameOptionsMode)[keyof typeof XFrameOptionsMode]) {
    this.xFrameOptionsMode = mode;
    return this.api;
  }

  get rawXFrameOptionsMode(): string {
    return this.xFrameOptionsMode.name();
  }

  addMetaTag(name: string, content: string) {
    if (!ALLOWED_META.has(name)) throw new Error(`Invalid argument: name`);
    this.metaTags.push({ name, content });
    return this.api;
  }

  getMetaTags() {
    return this.metaTags.map((t) =>
      expose({ getName: () => t.name, getContent: () => t.content }, 'HtmlOutputMetaTag', this.log),
    );
  }

  getBlob() {
    return this.rawBlob().api;
  }

  getAs(contentType: string) {
    return this.rawBlob().getAs(contentType);
  }

  asTemplate(): HtmlTemplate {
    return createTemplate(this.log, this.files, this.content);
  }
}

/** Template source → JS body; scriptlets: `<? code ?>`, `<?= escaped ?>`, `<?!= raw ?>`. */
export function compileTemplate(source: string): string {
  const parts: string[] = ['var __o = [];'];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m.index > last) parts.push(`__o.push(${JSON.stringify(source.slice(last, m.index))});`);
    const code = m[2] ?? '';
    if (m[1] === '=') parts.push(`__o.push(__esc(${code}));`);
    else if (m[1] === '!=') parts.push(`__o.push(__raw(${code}));`);
    else parts.push(`${code}\n`);
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push(`__o.push(${JSON.stringify(source.slice(last))});`);
  parts.push("return __o.join('');");
  return parts.join('\n');
}

function createTemplate(log: CallLog, files: HtmlFiles, source: string): HtmlTemplate {
  const code = compileTemplate(source);
  // Scripts set variables as plain properties (`t.data = …`), so the template is a plain object;
  // its methods are non-enumerable (not variables) and configurable (the call-count proxy wraps them).
  const template: Record<string, unknown> = {};
  Object.defineProperties(template, {
    evaluate: {
      configurable: true,
      value: () => {
        const vars: Record<string, unknown> = Object.create(null);
        for (const [k, v] of Object.entries(template)) vars[k] = v;
        const out: string[] = [];
        const output = {
          append: (s: unknown) => out.push(String(s)),
          appendUntrusted: (s: unknown) => out.push(escapeHtml(s)),
        };
        const fn = files.compile(code);
        const raw = (v: unknown) => (v === null || v === undefined ? '' : String(v));
        const html = String(fn(vars, escapeHtml, raw, output));
        return new HtmlOutputImpl(log, html + out.join(''), files).api;
      },
    },
    getCode: { configurable: true, value: () => code },
    getCodeWithComments: { configurable: true, value: () => code },
    getRawContent: { configurable: true, value: () => source },
  });
  return expose<HtmlTemplate>(template as HtmlTemplate, 'HtmlTemplate', log);
}

/** The content and title of an HtmlOutput, without counting calls (for the UI recorder). */
export function readHtmlOutput(output: unknown): { title: string; content: string } | null {
  const inner = output && typeof output === 'object' ? (output as object) : null;
  if (!inner) return null;
  const impl = (inner as { rawContent?: unknown }).rawContent;
  if (typeof impl !== 'string') return null;
  return {
    title: String((inner as { rawTitle?: unknown }).rawTitle ?? ''),
    content: impl,
  };
}

function sourceText(source: unknown): string {
  if (source === undefined) return '';
  if (typeof source === 'string') return source;
  return blobOf(source as GoogleAppsScript.Base.BlobSource).getDataAsString();
}

export function createHtmlService(log: CallLog, files: HtmlFiles): HtmlService {
  const service = {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput: (html?: unknown) => new HtmlOutputImpl(log, sourceText(html), files).api,
    createHtmlOutputFromFile: (filename: string) =>
      new HtmlOutputImpl(log, files.read(filename), files).api,
    createTemplate: (html: unknown) => createTemplate(log, files, sourceText(html)),
    createTemplateFromFile: (filename: string) => createTemplate(log, files, files.read(filename)),
    getUserAgent: () => 'Mozilla/5.0 (emulator)',
  };
  return expose<HtmlService>(service as unknown as HtmlService, 'HtmlService', log);
}
