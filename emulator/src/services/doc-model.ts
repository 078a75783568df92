/**
 * The structure of an emulated Google Doc, shared by DocumentApp, the Docs API and Drive's
 * import and export: paragraphs (a named style, an alignment, maybe a list bullet) made of text
 * runs with a text style, tables (rows → cells → paragraphs) and page breaks. JSON-serialisable:
 * it is part of the emulator's snapshot.
 *
 * Editing follows what Docs does to the text a script changes: a replacement takes the style of
 * the first character it replaces, inserted text the style of the character before it, and a
 * "\n" in either starts a new paragraph with the same paragraph style.
 */

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points. */
  fontSize?: number;
}

export interface Run {
  text: string;
  style: TextStyle;
}

export const NAMED_STYLES = [
  'NORMAL_TEXT',
  'TITLE',
  'HEADING_1',
  'HEADING_2',
  'HEADING_3',
] as const;
export type NamedStyle = (typeof NAMED_STYLES)[number];
export type Alignment = 'START' | 'CENTER' | 'END' | 'JUSTIFIED';

export interface ParagraphNode {
  kind: 'paragraph';
  style: NamedStyle;
  alignment?: Alignment;
  /** A list item: bulleted (ul) or numbered (ol). */
  bullet?: 'BULLET' | 'NUMBER';
  /** Without the paragraph's final "\n". */
  runs: Run[];
}

export interface TableNode {
  kind: 'table';
  /** rows → cells → the cell's paragraphs (at least one each). */
  rows: ParagraphNode[][][];
}

export interface PageBreakNode {
  kind: 'pageBreak';
}

export type Block = ParagraphNode | TableNode | PageBreakNode;

export interface DocRecord {
  blocks: Block[];
  revision: number;
}

export function paragraph(
  text: string,
  style: TextStyle = {},
  named: NamedStyle = 'NORMAL_TEXT',
): ParagraphNode {
  return {
    kind: 'paragraph',
    style: named,
    runs: text === '' ? [] : [{ text, style: { ...style } }],
  };
}

/** A document of plain paragraphs (DocumentApp's view; each "\n" starts a paragraph). */
export function plainDoc(texts: readonly string[]): Block[] {
  const blocks = texts.flatMap((t) => t.split(/\r\n|\r|\n/)).map((t) => paragraph(t));
  return blocks.length > 0 ? blocks : [paragraph('')];
}

export function paragraphText(p: ParagraphNode): string {
  return p.runs.map((r) => r.text).join('');
}

/** Every paragraph in reading order, table cells included. */
export function allParagraphs(blocks: readonly Block[]): ParagraphNode[] {
  const out: ParagraphNode[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(b);
    else if (b.kind === 'table')
      for (const row of b.rows) for (const cell of row) out.push(...cell);
  }
  return out;
}

/** The text of the whole document: one line per paragraph (table cells included). */
export function docText(blocks: readonly Block[]): string {
  return allParagraphs(blocks).map(paragraphText).join('\n');
}

/** The top-level paragraphs' texts (what DocumentApp's Body lists). */
export function topParagraphTexts(blocks: readonly Block[]): string[] {
  return blocks.filter((b): b is ParagraphNode => b.kind === 'paragraph').map(paragraphText);
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return (
    Boolean(a.bold) === Boolean(b.bold) &&
    Boolean(a.italic) === Boolean(b.italic) &&
    Boolean(a.underline) === Boolean(b.underline) &&
    a.fontSize === b.fontSize
  );
}

/** A paragraph's text with one style per character: the unit edits work on. */
interface Styled {
  text: string;
  styles: TextStyle[];
}

function styledOf(p: ParagraphNode): Styled {
  const styles: TextStyle[] = [];
  for (const r of p.runs) for (let i = 0; i < r.text.length; i++) styles.push(r.style);
  return { text: paragraphText(p), styles };
}

/** Runs back from per-character styles, adjacent equal styles merged (as Docs reports them). */
function runsOf(s: Styled): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < s.text.length; i++) {
    const style = s.styles[i] ?? {};
    const last = runs[runs.length - 1];
    if (last && sameStyle(last.style, style)) last.text += s.text.charAt(i);
    else runs.push({ text: s.text.charAt(i), style: { ...style } });
  }
  return runs;
}

/** Split styled text at each "\n" into paragraphs that keep `p`'s paragraph style. */
function splitParagraph(p: ParagraphNode, s: Styled): ParagraphNode[] {
  const out: ParagraphNode[] = [];
  let start = 0;
  for (let i = 0; i <= s.text.length; i++) {
    if (i === s.text.length || s.text.charAt(i) === '\n') {
      const part = { text: s.text.slice(start, i), styles: s.styles.slice(start, i) };
      out.push({ ...p, runs: runsOf(part) });
      start = i + 1;
    }
  }
  return out;
}

export type Matcher = (text: string) => { index: number; length: number }[];

/** Literal occurrences of `search`, left to right, not overlapping. */
export function literalMatcher(search: string, matchCase: boolean): Matcher {
  const escaped = search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return regexMatcher(new RegExp(escaped, matchCase ? 'gu' : 'giu'));
}

export function regexMatcher(re: RegExp): Matcher {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return (text) => {
    const found: { index: number; length: number }[] = [];
    global.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = global.exec(text)) !== null) {
      if (m[0].length === 0) {
        global.lastIndex += 1;
        continue;
      }
      found.push({ index: m.index, length: m[0].length });
    }
    return found;
  };
}

/** Replace in one paragraph; returns the paragraphs it became and how many matches it had. */
function replaceInParagraph(
  p: ParagraphNode,
  match: Matcher,
  replacement: string,
): { paragraphs: ParagraphNode[]; count: number } {
  const s = styledOf(p);
  const found = match(s.text);
  if (found.length === 0) return { paragraphs: [p], count: 0 };
  let text = '';
  const styles: TextStyle[] = [];
  let at = 0;
  for (const { index, length } of found) {
    text += s.text.slice(at, index);
    styles.push(...s.styles.slice(at, index));
    const style = s.styles[index] ?? {};
    text += replacement;
    for (let i = 0; i < replacement.length; i++) styles.push(style);
    at = index + length;
  }
  text += s.text.slice(at);
  styles.push(...s.styles.slice(at));
  return { paragraphs: splitParagraph(p, { text, styles }), count: found.length };
}

function replaceInParagraphs(
  list: readonly ParagraphNode[],
  match: Matcher,
  replacement: string,
): { paragraphs: ParagraphNode[]; count: number } {
  let count = 0;
  const paragraphs = list.flatMap((p) => {
    const r = replaceInParagraph(p, match, replacement);
    count += r.count;
    return r.paragraphs;
  });
  return { paragraphs, count };
}

/**
 * Replace every match in every paragraph (matches never span paragraphs); returns new blocks
 * (the input is not changed) and the number of occurrences replaced.
 */
export function replaceAll(
  blocks: readonly Block[],
  match: Matcher,
  replacement: string,
): { blocks: Block[]; count: number } {
  let count = 0;
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      const r = replaceInParagraph(b, match, replacement);
      count += r.count;
      out.push(...r.paragraphs);
    } else if (b.kind === 'table') {
      const rows = b.rows.map((row) =>
        row.map((cell) => {
          const r = replaceInParagraphs(cell, match, replacement);
          count += r.count;
          return r.paragraphs;
        }),
      );
      out.push({ kind: 'table', rows });
    } else out.push(b);
  }
  return { blocks: out, count };
}

/** Where a paragraph sits in the Docs API's index space: [start, end), end after its "\n". */
export interface ParagraphSpan {
  paragraph: ParagraphNode;
  start: number;
  end: number;
}

/**
 * The Docs API's indexes: the body starts with a section break ending at 1; a paragraph spans
 * its text and its "\n"; a page break is one index inside its own paragraph; a table takes one
 * index at its start and at its end, each row and each cell one at its start.
 */
export function layout(blocks: readonly Block[]): { spans: ParagraphSpan[]; end: number } {
  const spans: ParagraphSpan[] = [];
  let cursor = 1;
  const para = (p: ParagraphNode) => {
    const end = cursor + paragraphText(p).length + 1;
    spans.push({ paragraph: p, start: cursor, end });
    cursor = end;
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') para(b);
    else if (b.kind === 'pageBreak') cursor += 2;
    else {
      cursor += 1;
      for (const row of b.rows) {
        cursor += 1;
        for (const cell of row) {
          cursor += 1;
          cell.forEach(para);
        }
      }
      cursor += 1;
    }
  }
  return { spans, end: cursor };
}

/**
 * Insert `text` at Docs index `index` (inside a paragraph, up to just before its "\n"): it takes
 * the style of the character before it (or after it at a paragraph's start). Returns null when
 * the index is not inside a paragraph's text.
 */
export function insertAt(blocks: readonly Block[], index: number, text: string): Block[] | null {
  const { spans } = layout(blocks);
  const span = spans.find((s) => index >= s.start && index < s.end);
  if (!span) return null;
  const target = span.paragraph;
  const s = styledOf(target);
  const at = index - span.start;
  const style = s.styles[at - 1] ?? s.styles[at] ?? {};
  const next: Styled = {
    text: s.text.slice(0, at) + text + s.text.slice(at),
    styles: [
      ...s.styles.slice(0, at),
      ...Array<TextStyle>(text.length).fill(style),
      ...s.styles.slice(at),
    ],
  };
  return mapParagraph(blocks, target, splitParagraph(target, next));
}

/**
 * Delete [start, end) when it lies inside one paragraph's text (not its "\n"); null otherwise
 * (ranges across paragraphs are not modelled).
 */
export function deleteRange(blocks: readonly Block[], start: number, end: number): Block[] | null {
  const { spans } = layout(blocks);
  const span = spans.find((s) => start >= s.start && end <= s.end - 1);
  if (!span || end <= start) return null;
  const s = styledOf(span.paragraph);
  const a = start - span.start;
  const b = end - span.start;
  const next = {
    text: s.text.slice(0, a) + s.text.slice(b),
    styles: [...s.styles.slice(0, a), ...s.styles.slice(b)],
  };
  return mapParagraph(blocks, span.paragraph, [{ ...span.paragraph, runs: runsOf(next) }]);
}

/** Blocks with `target` (found by identity) replaced by `replacement`. */
function mapParagraph(
  blocks: readonly Block[],
  target: ParagraphNode,
  replacement: ParagraphNode[],
): Block[] {
  const swap = (list: readonly ParagraphNode[]) =>
    list.flatMap((p) => (p === target ? replacement : [p]));
  return blocks.flatMap((b): Block[] => {
    if (b === target) return replacement;
    if (b.kind === 'table') return [{ kind: 'table', rows: b.rows.map((r) => r.map(swap)) }];
    return [b];
  });
}

/** A deep copy (records handed out or stored must not share objects). */
export function cloneBlocks(blocks: readonly Block[]): Block[] {
  return structuredClone(blocks) as Block[];
}
