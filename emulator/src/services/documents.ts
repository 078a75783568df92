import { raw, type CallLog } from '../instrument';
import type { BlobImpl } from './blob';
import { blobOfItem, MimeType, urlOf, type DriveStore } from './drive';
import { Exposed, expose } from './exposed';

type DocumentApp = GoogleAppsScript.Document.DocumentApp;
type Document = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type DocsSchema = GoogleAppsScript.Docs.Schema.Document;
type Request = GoogleAppsScript.Docs.Schema.Request;
type Response = GoogleAppsScript.Docs.Schema.Response;

export const DOCUMENT_MISSING =
  "Document is missing (perhaps it was deleted, or you don't have read access?)";

function docsError(method: 'get' | 'batchUpdate' | 'create', message: string): Error {
  return new Error(`API call to docs.documents.${method} failed with error: ${message}`);
}

/** Split replaced text back into paragraphs: a "\n" in a replacement starts a new paragraph. */
function resplit(paragraphs: string[]): string[] {
  return paragraphs.flatMap((p) => p.split(/\r\n|\r|\n/));
}

class ParagraphImpl extends Exposed<Paragraph> {
  constructor(
    log: CallLog,
    private readonly store: DriveStore,
    private readonly docId: string,
    private readonly index: number,
  ) {
    super(log, 'Paragraph');
  }

  private get paragraphs(): string[] {
    const doc = this.store.doc(this.docId);
    if (!doc) throw new Error(DOCUMENT_MISSING);
    return doc.paragraphs;
  }

  private write(text: string): void {
    const next = [...this.paragraphs];
    next[this.index] = text;
    this.store.setDoc(this.docId, resplit(next));
  }

  getText(): string {
    return this.paragraphs[this.index] ?? '';
  }

  setText(text: string): void {
    this.write(String(text));
  }

  appendText(text: string) {
    this.write(this.getText() + String(text));
    return expose({ getText: () => String(text) }, 'Text', this.log);
  }

  replaceText(searchPattern: string, replacement: string) {
    this.write(this.getText().replace(new RegExp(searchPattern, 'g'), () => replacement));
    return this.api;
  }

  isAtDocumentEnd(): boolean {
    return this.index === this.paragraphs.length - 1;
  }
}

class BodyImpl extends Exposed<Body> {
  constructor(
    log: CallLog,
    private readonly store: DriveStore,
    private readonly docId: string,
  ) {
    super(log, 'Body');
  }

  private get paragraphs(): string[] {
    const doc = this.store.doc(this.docId);
    if (!doc) throw new Error(DOCUMENT_MISSING);
    return doc.paragraphs;
  }

  private paragraph(index: number): Paragraph {
    return new ParagraphImpl(this.log, this.store, this.docId, index).api;
  }

  getText(): string {
    return this.paragraphs.join('\n');
  }

  setText(text: string) {
    this.store.setDoc(this.docId, resplit([String(text)]));
    return this.api;
  }

  clear() {
    this.store.setDoc(this.docId, ['']);
    return this.api;
  }

  getNumChildren(): number {
    return this.paragraphs.length;
  }

  getParagraphs(): Paragraph[] {
    return this.paragraphs.map((_, i) => this.paragraph(i));
  }

  appendParagraph(textOrParagraph: unknown): Paragraph {
    const text =
      typeof textOrParagraph === 'string'
        ? textOrParagraph
        : (raw(textOrParagraph as object) as ParagraphImpl).getText();
    const next = [...this.paragraphs, ...resplit([text])];
    this.store.setDoc(this.docId, next);
    return this.paragraph(next.length - 1);
  }

  insertParagraph(childIndex: number, text: string): Paragraph {
    const next = [...this.paragraphs];
    next.splice(childIndex, 0, String(text));
    this.store.setDoc(this.docId, next);
    return this.paragraph(childIndex);
  }

  /** Regex per paragraph (matches never span paragraphs); the replacement is literal text. */
  replaceText(searchPattern: string, replacement: string) {
    const re = new RegExp(searchPattern, 'g');
    this.store.setDoc(
      this.docId,
      resplit(this.paragraphs.map((p) => p.replace(re, () => String(replacement)))),
    );
    return this.api;
  }
}

class DocumentImpl extends Exposed<Document> {
  constructor(
    log: CallLog,
    private readonly store: DriveStore,
    private readonly id: string,
  ) {
    super(log, 'Document');
  }

  private get item() {
    const item = this.store.find(this.id);
    if (!item) throw new Error(DOCUMENT_MISSING);
    return item;
  }

  rawBlob(): BlobImpl {
    return blobOfItem(this.log, this.store, this.item);
  }

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.item.name;
  }

  setName(name: string) {
    this.item.name = String(name);
    this.store.touch(this.item);
    return this.api;
  }

  getUrl(): string {
    return urlOf(this.item);
  }

  getBody(): Body {
    return new BodyImpl(this.log, this.store, this.id).api;
  }

  getText(): string {
    return this.store.text(this.item);
  }

  saveAndClose(): void {
    // Writes are applied at once in the emulator; nothing is buffered.
  }

  getBlob() {
    return this.rawBlob().api;
  }

  getAs(contentType: string) {
    return blobOfItem(this.log, this.store, this.item, contentType).api;
  }

  getEditors() {
    return [];
  }

  getViewers() {
    return [];
  }
}

function openDocument(store: DriveStore, id: string): void {
  const item = store.find(String(id));
  if (!item || item.mimeType !== MimeType.GOOGLE_DOCS || !store.doc(item.id)) {
    throw new Error(DOCUMENT_MISSING);
  }
}

export function createDocumentApp(log: CallLog, store: DriveStore): DocumentApp {
  const open = (id: string) => {
    openDocument(store, id);
    return new DocumentImpl(log, store, id).api;
  };
  const app = {
    create: (name: string) => {
      const item = store.create('file', String(name), MimeType.GOOGLE_DOCS, store.rootId);
      return new DocumentImpl(log, store, item.id).api;
    },
    openById: open,
    openByUrl: (url: string) => {
      const id = /\/d\/([^/]+)/.exec(String(url))?.[1];
      if (!id) throw new Error(DOCUMENT_MISSING);
      return open(id);
    },
    getActiveDocument: () => null,
    getUi: () => {
      throw new Error('Cannot call DocumentApp.getUi() from this context.');
    },
  };
  return expose<DocumentApp>(app as unknown as DocumentApp, 'DocumentApp', log);
}

/** The Docs API's JSON view of a document: a section break, then one element per paragraph. */
export function docsJson(store: DriveStore, id: string): DocsSchema {
  const item = store.find(id);
  const doc = store.doc(id);
  if (!item || !doc) throw docsError('get', 'Requested entity was not found.');
  const content: GoogleAppsScript.Docs.Schema.StructuralElement[] = [
    { endIndex: 1, sectionBreak: { sectionStyle: {} } },
  ];
  let cursor = 1;
  for (const text of doc.paragraphs) {
    const run = `${text}\n`;
    const end = cursor + run.length;
    content.push({
      startIndex: cursor,
      endIndex: end,
      paragraph: {
        elements: [{ startIndex: cursor, endIndex: end, textRun: { content: run, textStyle: {} } }],
        paragraphStyle: { namedStyleType: 'NORMAL_TEXT' },
      },
    });
    cursor = end;
  }
  return { documentId: id, title: item.name, revisionId: `rev-${doc.revision}`, body: { content } };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function applyRequest(paragraphs: string[], request: Request, index: number): [string[], Response] {
  if (request.replaceAllText) {
    const { containsText, replaceText } = request.replaceAllText;
    const search = containsText?.text ?? '';
    if (search === '') {
      throw docsError(
        'batchUpdate',
        `Invalid requests[${index}].replaceAllText: Text must not be empty.`,
      );
    }
    const re = new RegExp(escapeRegExp(search), containsText?.matchCase ? 'g' : 'gi');
    let count = 0;
    const next = paragraphs.map((p) =>
      p.replace(re, () => {
        count += 1;
        return replaceText ?? '';
      }),
    );
    // proto3 JSON leaves out zero values: no occurrence → `replaceAllText: {}`.
    return [resplit(next), { replaceAllText: count > 0 ? { occurrencesChanged: count } : {} }];
  }
  if (request.insertText) {
    const { text, location, endOfSegmentLocation } = request.insertText;
    const flat = `${paragraphs.join('\n')}\n`;
    const at = endOfSegmentLocation ? flat.length - 1 : (location?.index ?? 0) - 1;
    if (at < 0 || at > flat.length - 1) {
      throw docsError(
        'batchUpdate',
        `Invalid requests[${index}].insertText: Index ${at + 1} must be less than the end index of the referenced segment, ${flat.length + 1}.`,
      );
    }
    const next = flat.slice(0, at) + (text ?? '') + flat.slice(at);
    return [next.slice(0, -1).split('\n'), {}];
  }
  const kind = Object.keys(request)[0] ?? 'unknown';
  throw docsError(
    'batchUpdate',
    `Invalid requests[${index}]: ${kind} is not supported by the emulator.`,
  );
}

export function createDocs(log: CallLog, store: DriveStore): GoogleAppsScript.Docs {
  const documents = {
    get: (documentId: string) => docsJson(store, String(documentId)),
    create: (resource: DocsSchema) => {
      const item = store.create(
        'file',
        resource.title ?? 'Untitled document',
        MimeType.GOOGLE_DOCS,
        store.rootId,
      );
      return docsJson(store, item.id);
    },
    batchUpdate: (
      resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
      documentId: string,
    ): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse => {
      const doc = store.doc(String(documentId));
      if (!doc) throw docsError('batchUpdate', 'Requested entity was not found.');
      // All or nothing: apply to a copy, commit only if every request is valid.
      let paragraphs = [...doc.paragraphs];
      const replies: Response[] = [];
      (resource?.requests ?? []).forEach((request, i) => {
        const [next, reply] = applyRequest(paragraphs, request, i);
        paragraphs = next;
        replies.push(reply);
      });
      store.setDoc(String(documentId), paragraphs);
      return { documentId: String(documentId), replies };
    },
  };
  const docs = { Documents: expose(documents, 'Docs.Documents', log) };
  return expose<GoogleAppsScript.Docs>(docs as unknown as GoogleAppsScript.Docs, 'Docs', log);
}
