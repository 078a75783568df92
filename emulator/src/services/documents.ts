import { raw, type CallLog } from '../instrument';
import type { BlobImpl } from './blob';
import { blobOfItem, MimeType, urlOf, type DriveStore } from './drive';
import { Exposed, expose } from './exposed';
import { regexMatcher, replaceAll, topParagraphTexts } from './doc-model';

type DocumentApp = GoogleAppsScript.Document.DocumentApp;
type Document = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;

export const DOCUMENT_MISSING =
  "Document is missing (perhaps it was deleted, or you don't have read access?)";

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
    return topParagraphTexts(doc.blocks);
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
    return topParagraphTexts(doc.blocks);
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

  /**
   * Regex per paragraph, tables included (matches never span paragraphs); the replacement is
   * literal text and takes the style of the first character it replaces.
   */
  replaceText(searchPattern: string, replacement: string) {
    const doc = this.store.doc(this.docId);
    if (!doc) throw new Error(DOCUMENT_MISSING);
    const next = replaceAll(
      doc.blocks,
      regexMatcher(new RegExp(searchPattern, 'g')),
      String(replacement),
    );
    this.store.setBlocks(this.docId, next.blocks);
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
