/**
 * HTML in and out of the document model: what Drive does when it imports a 'text/html' upload as
 * a Google Doc (a practical subset: h1–h3, p, div, b/strong, i/em, u, span, br, ul/ol/li,
 * table/tr/td/th, inline font-weight / font-style / text-decoration / font-size / text-align and
 * page breaks), and the HTML Drive exports from a Doc (classes in a <style>, as Docs writes it).
 *
 * Import approximations, said here so that nobody relies on them: a <br> starts a new paragraph
 * (Docs keeps a soft line break inside the paragraph); class names and <style> sheets are ignored
 * (only inline styles count); a table nested in a cell is flattened into the cell's paragraphs.
 */
import {
  paragraph,
  paragraphText,
  type Alignment,
  type Block,
  type NamedStyle,
  type ParagraphNode,
  type TableNode,
  type TextStyle,
} from './doc-model';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ocirc: 'ô',
  ucirc: 'û',
  ugrave: 'ù',
  icirc: 'î',
  iuml: 'ï',
  euml: 'ë',
  Eacute: 'É',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
  deg: '°',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function attribute(attrs: string, name: string): string | undefined {
  const re = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
}

interface Declarations {
  text: TextStyle;
  alignment?: Alignment;
  breakBefore: boolean;
  breakAfter: boolean;
}

function declarations(style: string | undefined): Declarations {
  const out: Declarations = { text: {}, breakBefore: false, breakAfter: false };
  for (const decl of (style ?? '').split(';')) {
    const [rawName, ...rest] = decl.split(':');
    const name = (rawName ?? '').trim().toLowerCase();
    const value = rest.join(':').trim().toLowerCase();
    if (name === 'font-weight') out.text.bold = value === 'bold' || Number(value) >= 600;
    else if (name === 'font-style') out.text.italic = value === 'italic' || value === 'oblique';
    else if (name === 'text-decoration' || name === 'text-decoration-line')
      out.text.underline = value.includes('underline');
    else if (name === 'font-size') {
      const m = /^([\d.]+)(pt|px)$/.exec(value);
      if (m) out.text.fontSize = m[2] === 'px' ? Number(m[1]) * 0.75 : Number(m[1]);
    } else if (name === 'text-align') {
      const align: Record<string, Alignment> = {
        left: 'START',
        start: 'START',
        center: 'CENTER',
        right: 'END',
        end: 'END',
        justify: 'JUSTIFIED',
      };
      out.alignment = align[value];
    } else if (name === 'page-break-before' || name === 'break-before')
      out.breakBefore = value === 'always' || value === 'page';
    else if (name === 'page-break-after' || name === 'break-after')
      out.breakAfter = value === 'always' || value === 'page';
  }
  return out;
}

const TAG_STYLE: Record<string, TextStyle> = {
  b: { bold: true },
  strong: { bold: true },
  th: { bold: true },
  i: { italic: true },
  em: { italic: true },
  u: { underline: true },
};
const HEADINGS: Record<string, NamedStyle> = { h1: 'HEADING_1', h2: 'HEADING_2', h3: 'HEADING_3' };
const PARAGRAPH_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'div',
  'blockquote',
  'pre',
]);
const SKIPPED = new Set(['head', 'style', 'script', 'title']);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col']);

interface Frame {
  tag: string;
  text: TextStyle;
  alignment?: Alignment;
  named?: NamedStyle;
  list?: 'BULLET' | 'NUMBER';
  breakAfter: boolean;
}

/** Builds blocks from the tag and text events of the HTML. */
class Importer {
  readonly blocks: Block[] = [];
  private stack: Frame[] = [];
  private current: { node: ParagraphNode; keepEmpty: boolean } | null = null;
  private table: TableNode | null = null;
  private cell: ParagraphNode[] | null = null;
  private skipping = 0;

  private inherited(): {
    text: TextStyle;
    alignment?: Alignment;
    named: NamedStyle;
    list?: 'BULLET' | 'NUMBER';
  } {
    const text: TextStyle = {};
    let alignment: Alignment | undefined;
    let named: NamedStyle = 'NORMAL_TEXT';
    let list: 'BULLET' | 'NUMBER' | undefined;
    for (const f of this.stack) {
      Object.assign(text, f.text);
      if (f.alignment) alignment = f.alignment;
      if (f.named) named = f.named;
      if (f.list) list = f.list;
    }
    return { text, alignment, named, list };
  }

  private container(): Block[] {
    return this.cell ?? this.blocks;
  }

  private open(keepEmpty: boolean, bullet: boolean): void {
    this.flush();
    const { alignment, named, list } = this.inherited();
    const node: ParagraphNode = { kind: 'paragraph', style: named, runs: [] };
    if (alignment) node.alignment = alignment;
    if (bullet && list) node.bullet = list;
    this.current = { node, keepEmpty };
  }

  private flush(): void {
    const c = this.current;
    if (!c) return;
    this.current = null;
    const last = c.node.runs[c.node.runs.length - 1];
    if (last) last.text = last.text.replace(/ +$/, '');
    c.node.runs = c.node.runs.filter((r) => r.text !== '');
    if (c.node.runs.length === 0 && !c.keepEmpty) return;
    this.container().push(c.node);
  }

  text(raw: string): void {
    if (this.skipping > 0) return;
    if (this.table && !this.cell) return;
    let text = decodeEntities(raw.replace(/[ \t\r\n\f]+/g, ' '));
    if (!this.current) {
      if (text.trim() === '') return;
      this.open(false, false);
    }
    const node = (this.current as { node: ParagraphNode }).node;
    if (paragraphText(node) === '' || paragraphText(node).endsWith(' '))
      text = text.replace(/^ +/, '');
    if (text === '') return;
    const style = this.inherited().text;
    const last = node.runs[node.runs.length - 1];
    if (last && JSON.stringify(last.style) === JSON.stringify(style)) last.text += text;
    else node.runs.push({ text, style });
  }

  start(tag: string, attrs: string): void {
    if (SKIPPED.has(tag)) {
      if (!VOID.has(tag)) this.skipping += 1;
      return;
    }
    if (this.skipping > 0) return;
    const decl = declarations(attribute(attrs, 'style'));
    if (tag === 'br') {
      const keep = this.current?.node;
      this.open(true, false);
      if (keep && this.current) {
        this.current.node.style = keep.style;
        if (keep.alignment) this.current.node.alignment = keep.alignment;
      }
      return;
    }
    if (tag === 'hr') {
      if (decl.breakBefore || decl.breakAfter) this.pageBreak();
      return;
    }
    if (VOID.has(tag)) return;
    if (decl.breakBefore) this.pageBreak();
    const frame: Frame = {
      tag,
      text: { ...(TAG_STYLE[tag] ?? {}), ...decl.text },
      breakAfter: decl.breakAfter,
    };
    if (decl.alignment) frame.alignment = decl.alignment;
    if (HEADINGS[tag]) frame.named = HEADINGS[tag];
    if (tag === 'ul') frame.list = 'BULLET';
    if (tag === 'ol') frame.list = 'NUMBER';
    this.stack.push(frame);
    if (tag === 'table' && !this.table) {
      this.flush();
      this.table = { kind: 'table', rows: [] };
    } else if (tag === 'tr' && this.table && !this.cell) {
      this.table.rows.push([]);
    } else if ((tag === 'td' || tag === 'th') && this.table && !this.cell) {
      this.flush();
      this.cell = [];
    } else if (tag === 'ul' || tag === 'ol') {
      this.flush();
    } else if (PARAGRAPH_TAGS.has(tag)) {
      const empty = this.current && this.current.node.runs.length === 0 ? this.current : null;
      if (empty && tag !== 'li') {
        // <li><p>…</p></li>, <div><h1>…</h1></div>: one paragraph, styled by the inner block.
        const { alignment, named } = this.inherited();
        empty.node.style = named;
        if (alignment) empty.node.alignment = alignment;
        empty.keepEmpty = empty.keepEmpty || tag !== 'div';
      } else this.open(tag !== 'div', tag === 'li');
    }
  }

  end(tag: string): void {
    if (SKIPPED.has(tag)) {
      this.skipping = Math.max(0, this.skipping - 1);
      return;
    }
    if (this.skipping > 0) return;
    const idx = this.stack.map((f) => f.tag).lastIndexOf(tag);
    if (idx < 0) return;
    const [frame] = this.stack.splice(idx);
    if ((tag === 'td' || tag === 'th') && this.table && this.cell) {
      this.flush();
      const cell = this.cell.length > 0 ? this.cell : [paragraph('')];
      this.cell = null;
      const row = this.table.rows[this.table.rows.length - 1] ?? [];
      if (this.table.rows.length === 0) this.table.rows.push(row);
      row.push(cell);
    } else if (tag === 'table' && this.table && !this.cell) {
      const table = this.table;
      this.table = null;
      table.rows = table.rows.filter((r) => r.length > 0);
      if (table.rows.length > 0) this.blocks.push(table);
    } else if (PARAGRAPH_TAGS.has(tag)) {
      this.flush();
    }
    if (frame?.breakAfter) this.pageBreak();
  }

  private pageBreak(): void {
    this.flush();
    if (!this.cell && !this.table) this.blocks.push({ kind: 'pageBreak' });
  }

  finish(): Block[] {
    this.flush();
    // Docs always follows a table with a paragraph, and a document ends with one.
    const out: Block[] = [];
    this.blocks.forEach((b, i) => {
      out.push(b);
      const next = this.blocks[i + 1];
      if (b.kind === 'table' && next?.kind !== 'paragraph') out.push(paragraph(''));
    });
    if (out.length === 0 || out[out.length - 1]?.kind !== 'paragraph') out.push(paragraph(''));
    return out;
  }
}

/** The document Drive makes of an HTML upload converted to a Google Doc. */
export function importHtml(html: string): Block[] {
  const importer = new Importer();
  const text = html.replace(/^\ufeff/, '');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(text)?.[1] ?? text;
  const token =
    /<!--[\s\S]*?-->|<![^>]*>|<\/\s*([a-zA-Z0-9]+)\s*>|<([a-zA-Z0-9]+)((?:"[^"]*"|'[^']*'|[^'">])*)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(body)) !== null) {
    if (m[1]) importer.end(m[1].toLowerCase());
    else if (m[2]) {
      const tag = m[2].toLowerCase();
      importer.start(tag, m[3] ?? '');
      if ((m[3] ?? '').trim().endsWith('/') && !VOID.has(tag)) importer.end(tag);
    } else if (m[4] !== undefined) importer.text(m[4]);
  }
  return importer.finish();
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const NAMED_CSS: Record<NamedStyle, string> = {
  NORMAL_TEXT: 'font-size:11pt',
  TITLE: 'font-size:26pt',
  HEADING_1: 'font-size:20pt',
  HEADING_2: 'font-size:16pt',
  HEADING_3: 'font-size:14pt',
};
const NAMED_TAG: Record<NamedStyle, string> = {
  NORMAL_TEXT: 'p',
  TITLE: 'p',
  HEADING_1: 'h1',
  HEADING_2: 'h2',
  HEADING_3: 'h3',
};
const ALIGN_CSS: Record<Alignment, string> = {
  START: 'left',
  CENTER: 'center',
  END: 'right',
  JUSTIFIED: 'justify',
};

function textCss(s: TextStyle): string {
  const parts: string[] = [];
  parts.push(`font-weight:${s.bold ? '700' : '400'}`);
  parts.push(`font-style:${s.italic ? 'italic' : 'normal'}`);
  parts.push(`text-decoration:${s.underline ? 'underline' : 'none'}`);
  if (s.fontSize !== undefined) parts.push(`font-size:${s.fontSize}pt`);
  return parts.join(';');
}

function paragraphCss(p: ParagraphNode): string {
  return `${NAMED_CSS[p.style]};text-align:${ALIGN_CSS[p.alignment ?? 'START']}`;
}

/** Styles become classes c0, c1… in one <style>, as Docs' export writes them. */
class Classes {
  private byCss = new Map<string, string>();

  of(css: string): string {
    let name = this.byCss.get(css);
    if (!name) {
      name = `c${this.byCss.size}`;
      this.byCss.set(css, name);
    }
    return name;
  }

  sheet(): string {
    return [...this.byCss].map(([css, name]) => `.${name}{${css}}`).join('');
  }
}

type Styler = (css: string) => string;

function paragraphsHtml(list: readonly Block[], attr: Styler): string {
  let html = '';
  let openList: 'BULLET' | 'NUMBER' | null = null;
  const closeList = () => {
    if (openList) html += openList === 'BULLET' ? '</ul>' : '</ol>';
    openList = null;
  };
  for (const b of list) {
    if (b.kind === 'paragraph' && b.bullet) {
      if (openList !== b.bullet) {
        closeList();
        html += b.bullet === 'BULLET' ? '<ul>' : '<ol>';
        openList = b.bullet;
      }
      html += `<li${attr(paragraphCss(b))}>${runsHtml(b, attr)}</li>`;
      continue;
    }
    closeList();
    if (b.kind === 'paragraph') {
      const tag = NAMED_TAG[b.style];
      html += `<${tag}${attr(paragraphCss(b))}>${runsHtml(b, attr)}</${tag}>`;
    } else if (b.kind === 'pageBreak') {
      html += '<hr style="page-break-before:always;display:none;">';
    } else {
      html += `<table${attr('border-collapse:collapse')}>`;
      for (const row of b.rows) {
        html += '<tr>';
        for (const cell of row)
          html += `<td${attr('border:1px solid #000000;padding:5pt;vertical-align:top')} colspan="1" rowspan="1">${paragraphsHtml(cell, attr)}</td>`;
        html += '</tr>';
      }
      html += '</table>';
    }
  }
  closeList();
  return html;
}

function runsHtml(p: ParagraphNode, attr: Styler): string {
  if (p.runs.length === 0) return `<span${attr(textCss({}))}></span>`;
  return p.runs.map((r) => `<span${attr(textCss(r.style))}>${escapeHtml(r.text)}</span>`).join('');
}

/** The HTML Drive exports from a Google Doc ('text/html'): a whole page, styles as classes. */
export function exportHtml(title: string, blocks: readonly Block[]): string {
  const classes = new Classes();
  const body = paragraphsHtml(blocks, (css) => ` class="${classes.of(css)}"`);
  const bodyClass = classes.of(
    'background-color:#ffffff;max-width:451.4pt;padding:72pt 72pt 72pt 72pt',
  );
  return (
    `<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">` +
    `<title>${escapeHtml(title)}</title>` +
    `<style type="text/css">${classes.sheet()}</style></head>` +
    `<body class="${bodyClass} doc-content">${body}</body></html>`
  );
}

/** A fragment with inline styles, to show a document in the workbench. */
export function renderHtml(blocks: readonly Block[]): string {
  return `<div class="gdoc">${paragraphsHtml(blocks, (css) => ` style="${css}"`)}</div>`;
}

/**
 * The 'text/plain' export: a byte-order mark, then one line per paragraph (table cells
 * included, list items with "* "), lines ended by CRLF. Not confirmed against the live service
 * beyond the BOM and CRLF that Docs' text downloads are known for.
 */
export function exportText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  const add = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.kind === 'paragraph') lines.push((b.bullet ? '* ' : '') + paragraphText(b));
      else if (b.kind === 'table') for (const row of b.rows) for (const cell of row) add(cell);
    }
  };
  add(blocks);
  return `\ufeff${lines.join('\r\n')}`;
}
