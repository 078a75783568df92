/**
 * One printable HTML file for a selection ("Imprimer…"): each document in N copies, each copy
 * headed by its holder and starting on a new page, so a whole class prints in one job.
 *
 * The documents come as Drive's HTML exports of Google Docs. Each export styles its body with
 * classes of its own (`.c1`, `.c2`…) that mean different things in another export, so each
 * document's rules are scoped to a wrapper of its own rather than merged. Scripts are dropped
 * (an export has none, but the file is opened in a browser to print).
 */

/** Holders of the first copies, as seed 004 asks; the next ones are numbered. */
export const COPY_HOLDERS = [
  'Exemplaire entreprise',
  'Exemplaire stagiaire',
  'Exemplaire établissement',
] as const;

export const DEFAULT_COPIES = 3;

/** The holder of copy `index` (0-based): « Exemplaire entreprise » … « Exemplaire 4 ». */
export function copyHolder(index: number): string {
  return COPY_HOLDERS[index] ?? `Exemplaire ${index + 1}`;
}

export interface ExportedDocument {
  /** The document's name (for the print's table of copies and error messages). */
  name: string;
  /** The HTML Drive exported. */
  html: string;
}

export interface PrintOptions {
  /** Copies of each document (default 3). */
  copies?: number;
  /** The printable file's title. */
  title?: string;
}

const PAGE_BREAK = 'page-break-before:always';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function stripScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/?>/gi, '')
    .replace(/<noscript\b[^>]*>[\s\S]*?<\/noscript\s*>/gi, '');
}

/** The text of every <style> element of an export, in order. */
export function stylesOf(html: string): string {
  const out: string[] = [];
  for (const m of stripScripts(html).matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    out.push(m[1] ?? '');
  }
  return out.join('\n');
}

/** The body's content and its class attribute; the whole text, minus head and styles, if none. */
export function bodyOf(html: string): { content: string; className: string } {
  const clean = stripScripts(html);
  const m = /<body\b([^>]*)>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(clean);
  if (!m) {
    const content = clean
      .replace(/<head\b[^>]*>[\s\S]*?<\/head\s*>/gi, '')
      .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
      .replace(/<\/?(?:html|body)\b[^>]*>/gi, '')
      .replace(/<!doctype[^>]*>/gi, '');
    return { content: content.trim(), className: '' };
  }
  const cls = /\bclass\s*=\s*("([^"]*)"|'([^']*)')/i.exec(m[1] ?? '');
  return { content: (m[2] ?? '').trim(), className: cls ? (cls[2] ?? cls[3] ?? '') : '' };
}

interface CssBlock {
  /** The prelude: selectors, or an at-rule ("@media print"); '' for a statement at-rule. */
  prelude: string;
  /** The block's content (declarations, or nested rules for @media); null for "@import …;". */
  body: string | null;
}

/** Top-level blocks of a stylesheet (comments dropped, strings respected). */
function cssBlocks(css: string): CssBlock[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const blocks: CssBlock[] = [];
  let i = 0;
  let start = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ';') {
      // A statement at-rule (@import, @charset) or a stray declaration.
      const stmt = text.slice(start, i).trim();
      if (stmt !== '') blocks.push({ prelude: stmt, body: null });
      start = i + 1;
    } else if (c === '{') {
      const prelude = text.slice(start, i).trim();
      let depth = 1;
      let j = i + 1;
      let q: string | null = null;
      for (; j < text.length && depth > 0; j++) {
        const d = text[j]!;
        if (q) {
          if (d === '\\') j++;
          else if (d === q) q = null;
        } else if (d === '"' || d === "'") q = d;
        else if (d === '{') depth++;
        else if (d === '}') depth--;
      }
      blocks.push({ prelude, body: text.slice(i + 1, Math.max(i + 1, j - 1)) });
      i = j;
      start = j;
      continue;
    } else if (c === '}') {
      start = i + 1;
    }
    i++;
  }
  return blocks;
}

/** One selector scoped to the wrapper: `body`/`html` become the wrapper itself. */
function scopeSelector(selector: string, scope: string): string {
  const s = selector.trim();
  if (s === '') return '';
  const rest = s.replace(/^(?:html\s*)?body\b/i, '').replace(/^html\b/i, '');
  if (rest !== s) return `${scope}${rest}`;
  return `${scope} ${s}`;
}

/**
 * A stylesheet whose rules apply inside `scope` only. @media blocks are scoped inside; @import
 * and @font-face are returned apart (they cannot be nested, and are shared); @page is dropped
 * (the print file sets its own page breaks).
 */
export function scopeCss(css: string, scope: string): { rules: string; shared: string[] } {
  const rules: string[] = [];
  const shared: string[] = [];
  for (const b of cssBlocks(css)) {
    const at = /^@([\w-]+)/.exec(b.prelude)?.[1]?.toLowerCase();
    if (b.body === null) {
      if (at === 'import') shared.push(`${b.prelude};`);
      continue;
    }
    if (at === 'font-face') shared.push(`${b.prelude}{${b.body}}`);
    else if (at === 'media' || at === 'supports') {
      const inner = scopeCss(b.body, scope);
      rules.push(`${b.prelude}{${inner.rules}}`);
      shared.push(...inner.shared);
    } else if (at === undefined) {
      const selectors = b.prelude
        .split(',')
        .map((x) => scopeSelector(x, scope))
        .filter((x) => x !== '');
      if (selectors.length > 0) rules.push(`${selectors.join(',')}{${b.body}}`);
    }
    // Any other at-rule (@page, @keyframes…) would leak out of the scope: dropped.
  }
  return { rules: rules.join('\n'), shared };
}

/**
 * The printable HTML: every document in `copies` copies (1 at least), each copy headed by its
 * holder, each copy but the first starting on a new page.
 */
export function buildPrintFile(
  docs: readonly ExportedDocument[],
  options: PrintOptions = {},
): string {
  const copies = Math.max(1, Math.floor(options.copies ?? DEFAULT_COPIES));
  const title = options.title ?? 'Impression';
  const shared = new Set<string>();
  const styles: string[] = [];
  const sections: string[] = [];
  docs.forEach((doc, d) => {
    const scope = `.sds-doc-${d + 1}`;
    const scoped = scopeCss(stylesOf(doc.html), scope);
    scoped.shared.forEach((x) => shared.add(x));
    if (scoped.rules !== '') styles.push(scoped.rules);
    const body = bodyOf(doc.html);
    const inner = body.className ? `<div class="${escapeHtml(body.className)}">` : '<div>';
    for (let c = 0; c < copies; c++) {
      const first = sections.length === 0;
      sections.push(
        `<section class="sds-copy sds-doc-${d + 1}"${first ? '' : ` style="${PAGE_BREAK}"`}` +
          ` data-document="${escapeHtml(doc.name)}">` +
          `<p class="sds-holder">${escapeHtml(copyHolder(c))}</p>` +
          `${inner}${body.content}</div></section>`,
      );
    }
  });
  const head = [
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${[...shared].join('\n')}\n.sds-holder{text-align:right;font:bold 10pt sans-serif;margin:0 0 8pt}\n${styles.join('\n')}</style>`,
  ].join('');
  return `<!DOCTYPE html><html lang="fr"><head>${head}</head><body>${sections.join('')}</body></html>`;
}
