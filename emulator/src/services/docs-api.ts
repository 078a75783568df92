/**
 * The Docs advanced service (Docs API v1): `Docs.Documents.get`, `create` and `batchUpdate`, on
 * the document model shared with DocumentApp and Drive.
 *
 * What is pinned (tests in test/services/docs-api.test.ts):
 * - `get` returns the API's Schema.Document: body.content starts with a section break ending at
 *   index 1, then paragraphs (textRun elements with their textStyle; the paragraph's "\n" ends
 *   its last run), tables (table → tableRows → tableCells → content) and page breaks, with the
 *   API's startIndex / endIndex (proto3 JSON leaves out zero values, hence no startIndex 0);
 * - `batchUpdate` applies its requests in order, all or nothing: one invalid request and nothing
 *   is applied, with "Invalid requests[i].<kind>: …"; each replaceAllText reply carries
 *   occurrencesChanged (left out when zero, proto3 again);
 * - replaceAllText matches literal text (matchCase or not) inside paragraphs, tables included;
 *   the new text takes the style of the first character replaced; a "\n" in it starts a new
 *   paragraph with the same paragraph style, as typing Enter does;
 * - with the `drive.file` scope, a document the app was never given answers 403.
 * Messages not confirmed against the live service say so where they are made.
 */
import type { CallLog } from '../instrument';
import {
  cloneBlocks,
  deleteRange,
  insertAt,
  layout,
  literalMatcher,
  replaceAll,
  type Block,
  type ParagraphNode,
  type TextStyle,
} from './doc-model';
import { MimeType, type DriveStore } from './drive';
import { expose } from './exposed';
import { apiError } from './quotas';

type DocJson = GoogleAppsScript.Docs.Schema.Document;
type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;
type ParagraphElement = GoogleAppsScript.Docs.Schema.ParagraphElement;
type TextStyleJson = GoogleAppsScript.Docs.Schema.TextStyle;
type Request = GoogleAppsScript.Docs.Schema.Request;
type Response = GoogleAppsScript.Docs.Schema.Response;

const NOT_FOUND = 'Requested entity was not found.';
/** Not confirmed against the live service: Google's usual text for a 403 PERMISSION_DENIED. */
const NO_PERMISSION = 'The caller does not have permission';

function textStyleJson(s: TextStyle): TextStyleJson {
  const out: TextStyleJson = {};
  if (s.bold) out.bold = true;
  if (s.italic) out.italic = true;
  if (s.underline) out.underline = true;
  if (s.fontSize !== undefined) out.fontSize = { magnitude: s.fontSize, unit: 'PT' };
  return out;
}

class JsonWriter {
  private cursor = 1;
  private listIds = new Map<ParagraphNode, string>();
  readonly lists: Record<string, object> = {};

  constructor(blocks: readonly Block[]) {
    // Consecutive list items of one kind form one list, as Docs' import makes them.
    let current: { id: string; kind: string } | null = null;
    let n = 0;
    const visit = (list: readonly Block[]) => {
      for (const b of list) {
        if (b.kind === 'paragraph' && b.bullet) {
          if (!current || current.kind !== b.bullet) {
            n += 1;
            current = { id: `kix.list.${n}`, kind: b.bullet };
            this.lists[current.id] = {
              listProperties: {
                nestingLevels: [
                  b.bullet === 'BULLET'
                    ? { glyphSymbol: '●', bulletAlignment: 'START' }
                    : { glyphType: 'DECIMAL', glyphFormat: '%0.', bulletAlignment: 'START' },
                ],
              },
            };
          }
          this.listIds.set(b, current.id);
        } else current = null;
        if (b.kind === 'table') for (const row of b.rows) for (const cell of row) visit(cell);
      }
    };
    visit(blocks);
  }

  private paragraph(p: ParagraphNode): StructuralElement {
    const start = this.cursor;
    const elements: ParagraphElement[] = [];
    const runs = p.runs.length > 0 ? p.runs : [{ text: '', style: {} }];
    runs.forEach((r, i) => {
      const content = i === runs.length - 1 ? `${r.text}\n` : r.text;
      elements.push({
        startIndex: this.cursor,
        endIndex: this.cursor + content.length,
        textRun: { content, textStyle: textStyleJson(r.style) },
      });
      this.cursor += content.length;
    });
    const paragraphStyle: GoogleAppsScript.Docs.Schema.ParagraphStyle = {
      namedStyleType: p.style,
      direction: 'LEFT_TO_RIGHT',
    };
    if (p.alignment) paragraphStyle.alignment = p.alignment;
    const paragraph: GoogleAppsScript.Docs.Schema.Paragraph = { elements, paragraphStyle };
    const listId = this.listIds.get(p);
    if (listId) paragraph.bullet = { listId, textStyle: {} };
    return { startIndex: start, endIndex: this.cursor, paragraph };
  }

  content(blocks: readonly Block[]): StructuralElement[] {
    const out: StructuralElement[] = [];
    for (const b of blocks) {
      if (b.kind === 'paragraph') out.push(this.paragraph(b));
      else if (b.kind === 'pageBreak') {
        const s = this.cursor;
        this.cursor += 2;
        out.push({
          startIndex: s,
          endIndex: s + 2,
          paragraph: {
            elements: [
              { startIndex: s, endIndex: s + 1, pageBreak: { textStyle: {} } },
              { startIndex: s + 1, endIndex: s + 2, textRun: { content: '\n', textStyle: {} } },
            ],
            paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' },
          },
        });
      } else {
        const start = this.cursor;
        this.cursor += 1;
        const tableRows = b.rows.map((row) => {
          const rowStart = this.cursor;
          this.cursor += 1;
          const tableCells = row.map((cell) => {
            const cellStart = this.cursor;
            this.cursor += 1;
            const content = cell.map((p) => this.paragraph(p));
            return { startIndex: cellStart, endIndex: this.cursor, content };
          });
          return { startIndex: rowStart, endIndex: this.cursor, tableCells };
        });
        this.cursor += 1;
        out.push({
          startIndex: start,
          endIndex: this.cursor,
          table: {
            rows: b.rows.length,
            columns: Math.max(0, ...b.rows.map((r) => r.length)),
            tableRows,
          },
        });
      }
    }
    return out;
  }
}

/** The Docs API's JSON view of a document. */
export function docsJson(store: DriveStore, id: string): DocJson {
  const item = store.find(id);
  const doc = store.doc(id);
  if (!item || !doc) throw apiError('docs.documents.get', 404, NOT_FOUND);
  const writer = new JsonWriter(doc.blocks);
  const content: StructuralElement[] = [
    {
      endIndex: 1,
      sectionBreak: {
        sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT' },
      },
    },
    ...writer.content(doc.blocks),
  ];
  const json: DocJson = {
    documentId: id,
    title: item.name,
    revisionId: `rev-${doc.revision}`,
    body: { content },
  };
  if (Object.keys(writer.lists).length > 0) json.lists = writer.lists;
  return json;
}

function invalid(index: number, kind: string, message: string): Error {
  return apiError(
    'docs.documents.batchUpdate',
    400,
    `Invalid requests[${index}].${kind}: ${message}`,
  );
}

function applyRequest(blocks: Block[], request: Request, i: number): [Block[], Response] {
  const kinds = Object.keys(request ?? {}).filter(
    (k) => (request as Record<string, unknown>)[k] !== undefined,
  );
  if (kinds.length !== 1) {
    throw apiError(
      'docs.documents.batchUpdate',
      400,
      `Invalid requests[${i}]: exactly one request kind must be set (found ${kinds.length}).`,
    );
  }
  if (request.replaceAllText) {
    const { containsText, replaceText } = request.replaceAllText;
    const search = containsText?.text ?? '';
    // Not confirmed against the live service: the wording of the empty-search error.
    if (typeof search !== 'string' || search === '')
      throw invalid(i, 'replaceAllText', 'Text must not be empty.');
    if (replaceText !== undefined && typeof replaceText !== 'string')
      throw invalid(i, 'replaceAllText', 'replaceText must be a string.');
    const r = replaceAll(
      blocks,
      literalMatcher(search, Boolean(containsText?.matchCase)),
      replaceText ?? '',
    );
    // proto3 JSON leaves out zero values: no occurrence → `replaceAllText: {}`.
    return [r.blocks, { replaceAllText: r.count > 0 ? { occurrencesChanged: r.count } : {} }];
  }
  if (request.insertText) {
    const { text, location, endOfSegmentLocation } = request.insertText;
    const { spans, end } = layout(blocks);
    const last = spans[spans.length - 1];
    const index = endOfSegmentLocation ? (last ? last.end - 1 : 1) : (location?.index ?? 0);
    if (index < 1 || index >= end)
      throw invalid(
        i,
        'insertText',
        `Index ${index} must be less than the end index of the referenced segment, ${end}.`,
      );
    const next = insertAt(blocks, index, String(text ?? ''));
    if (!next)
      throw invalid(
        i,
        'insertText',
        'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
      );
    return [next, {}];
  }
  if (request.deleteContentRange) {
    const range = request.deleteContentRange.range ?? {};
    const next = deleteRange(blocks, range.startIndex ?? 0, range.endIndex ?? 0);
    if (!next)
      throw invalid(
        i,
        'deleteContentRange',
        'the emulator deletes only a range inside one paragraph, without its final newline.',
      );
    return [next, {}];
  }
  throw apiError(
    'docs.documents.batchUpdate',
    400,
    `Invalid requests[${i}]: ${kinds[0] ?? 'unknown'} is not supported by the emulator.`,
  );
}

export function createDocs(log: CallLog, store: DriveStore): GoogleAppsScript.Docs {
  const open = (method: string, documentId: string) => {
    const id = String(documentId);
    const item = store.find(id);
    if (!item || !store.doc(id)) throw apiError(method, 404, NOT_FOUND);
    if (item.foreign) throw apiError(method, 403, NO_PERMISSION);
    return id;
  };
  const documents = {
    get: (documentId: string) => docsJson(store, open('docs.documents.get', documentId)),
    /** Only the title counts; the API ignores any content sent with create. */
    create: (resource: DocJson) => {
      const item = store.create(
        'file',
        resource?.title ?? 'Untitled document',
        MimeType.GOOGLE_DOCS,
        store.rootId,
      );
      return docsJson(store, item.id);
    },
    batchUpdate: (
      resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
      documentId: string,
    ): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse => {
      const id = open('docs.documents.batchUpdate', documentId);
      const doc = store.doc(id);
      // All or nothing: apply to a copy, commit only if every request is valid.
      let blocks = cloneBlocks(doc?.blocks ?? []);
      const replies: Response[] = [];
      (resource?.requests ?? []).forEach((request, i) => {
        const [next, reply] = applyRequest(blocks, request, i);
        blocks = next;
        replies.push(reply);
      });
      if (replies.length > 0) store.setBlocks(id, blocks);
      return { documentId: id, replies };
    },
  };
  const docs = { Documents: expose(documents, 'Docs.Documents', log) };
  return expose<GoogleAppsScript.Docs>(docs as unknown as GoogleAppsScript.Docs, 'Docs', log);
}

/** The plain text the Docs JSON holds (for tests that read it back). */
export function jsonText(json: DocJson): string {
  const out: string[] = [];
  const walk = (content: StructuralElement[] | undefined) => {
    for (const e of content ?? []) {
      for (const el of e.paragraph?.elements ?? [])
        if (el.textRun?.content) out.push(el.textRun.content);
      for (const row of e.table?.tableRows ?? [])
        for (const cell of row.tableCells ?? []) walk(cell.content);
    }
  };
  walk(json.body?.content);
  return out.join('');
}
