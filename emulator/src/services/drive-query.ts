/**
 * The two small languages of Drive API v3 calls: the `q` search query of files.list (the subset
 * an app uses to find its own files) and the `fields` partial-response selector.
 */
import type { DriveItemRecord } from './drive';

export type Clause = (item: DriveItemRecord) => boolean;

/** Thrown for a query the emulator cannot read; Drive answers 400 "Invalid Value". */
export class InvalidQuery extends Error {}

function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(['\\])/g, '$1');
}

const STRING = String.raw`'(?:[^'\\]|\\.)*'`;
const CLAUSES: [RegExp, (m: RegExpExecArray) => Clause][] = [
  [
    new RegExp(String.raw`^(${STRING})\s+in\s+parents$`, 'i'),
    (m) => {
      const id = unquote(m[1] ?? "''");
      return (item) => item.parents.includes(id);
    },
  ],
  [
    /^trashed\s*(=|!=)\s*(true|false)$/i,
    (m) => {
      const want = (m[2] ?? '').toLowerCase() === 'true';
      return m[1] === '=' ? (item) => item.trashed === want : (item) => item.trashed !== want;
    },
  ],
  [
    new RegExp(String.raw`^(name|mimeType)\s*(=|!=)\s*(${STRING})$`, 'i'),
    (m) => {
      const field = (m[1] ?? '').toLowerCase() === 'name' ? 'name' : 'mimeType';
      const value = unquote(m[3] ?? "''");
      return m[2] === '=' ? (item) => item[field] === value : (item) => item[field] !== value;
    },
  ],
  [
    new RegExp(String.raw`^name\s+contains\s+(${STRING})$`, 'i'),
    (m) => {
      const value = unquote(m[1] ?? "''").toLowerCase();
      return (item) => item.name.toLowerCase().includes(value);
    },
  ],
  [
    new RegExp(
      String.raw`^(appProperties|properties)\s+has\s*\{\s*key\s*=\s*(${STRING})\s+and\s+value\s*=\s*(${STRING})\s*\}$`,
      'i',
    ),
    (m) => {
      const key = unquote(m[2] ?? "''");
      const value = unquote(m[3] ?? "''");
      // `properties` (public) are not modelled: no file has any.
      if ((m[1] ?? '').toLowerCase() === 'properties') return () => false;
      return (item) => item.appProperties?.[key] === value;
    },
  ],
];

/** Split on ` and ` outside quotes and braces. */
function conjuncts(q: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < q.length; i++) {
    const c = q.charAt(i);
    if (quoted) {
      if (c === '\\') i++;
      else if (c === "'") quoted = false;
    } else if (c === "'") quoted = true;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && /^\sand\s/i.test(q.slice(i, i + 5))) {
      parts.push(q.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(q.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * A files.list query: clauses joined by `and` among `'<id>' in parents`, `trashed = true|false`,
 * `name = '…'`, `name contains '…'`, `mimeType = '…'` (or `!=`), and
 * `appProperties has { key='k' and value='v' }`. Anything else (or, not, parentheses, dates)
 * throws InvalidQuery rather than answering wrongly.
 */
export function parseQuery(q: string | undefined): Clause {
  if (q === undefined || q.trim() === '') return () => true;
  const clauses = conjuncts(q).map((part) => {
    for (const [re, make] of CLAUSES) {
      const m = re.exec(part);
      if (m) return make(m);
    }
    throw new InvalidQuery(part);
  });
  return (item) => clauses.every((c) => c(item));
}

/** A parsed `fields` selector: null means "everything". */
export type FieldTree = Map<string, FieldTree | null> | null;

/** "nextPageToken, files(id,name,appProperties)" → a tree; "*" → null (all fields). */
export function parseFields(fields: string | undefined): FieldTree {
  if (fields === undefined || fields.trim() === '' || fields.trim() === '*') return null;
  const tree = new Map<string, FieldTree | null>();
  let i = 0;
  const text = fields.replace(/\s+/g, '');
  const parseList = (into: Map<string, FieldTree | null>, closing: boolean) => {
    while (i < text.length) {
      let name = '';
      while (i < text.length && /[\w.*/]/.test(text.charAt(i))) name += text.charAt(i++);
      let sub: FieldTree | null = null;
      if (text.charAt(i) === '(') {
        i++;
        const child = new Map<string, FieldTree | null>();
        parseList(child, true);
        sub = child;
      }
      const path = name.split('/');
      let node = into;
      path.forEach((seg, k) => {
        if (k === path.length - 1) node.set(seg, sub);
        else {
          const next =
            (node.get(seg) as Map<string, FieldTree | null> | null | undefined) ?? new Map();
          node.set(seg, next);
          node = next;
        }
      });
      if (text.charAt(i) === ',') i++;
      else if (text.charAt(i) === ')') {
        i++;
        if (closing) return;
      }
    }
  };
  parseList(tree, false);
  return tree;
}

/** Keep only the selected fields of `value` (recursively into objects and arrays). */
export function selectFields<T>(value: T, tree: FieldTree): T {
  if (tree === null || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => selectFields(v, tree) as unknown) as T;
  if (tree.has('*')) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = selectFields(v, sub ?? null);
  }
  return out as T;
}
