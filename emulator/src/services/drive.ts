import { raw, type CallLog } from '../instrument';
import { BlobImpl, blobOf, fakePdf } from './blob';
import { decodeBytes, encodeString, fromBase64, toBase64 } from './bytes';
import type { Clock } from './clock';
import { makeEnum } from './enums';
import { Exposed, expose } from './exposed';
import type { IdGenerator } from './ids';
import { cloneBlocks, docText, plainDoc, type Block, type DocRecord } from './doc-model';
import { renderHtml } from './doc-html';

export type { DocRecord } from './doc-model';

type DriveApp = GoogleAppsScript.Drive.DriveApp;
type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;
type FileIterator = GoogleAppsScript.Drive.FileIterator;
type FolderIterator = GoogleAppsScript.Drive.FolderIterator;

export const MimeType = Object.freeze({
  GOOGLE_APPS_SCRIPT: 'application/vnd.google-apps.script',
  GOOGLE_DRAWINGS: 'application/vnd.google-apps.drawing',
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_FORMS: 'application/vnd.google-apps.form',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_SITES: 'application/vnd.google-apps.site',
  GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
  FOLDER: 'application/vnd.google-apps.folder',
  SHORTCUT: 'application/vnd.google-apps.shortcut',
  BMP: 'image/bmp',
  GIF: 'image/gif',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  SVG: 'image/svg+xml',
  PDF: 'application/pdf',
  CSS: 'text/css',
  CSV: 'text/csv',
  HTML: 'text/html',
  JAVASCRIPT: 'application/javascript',
  PLAIN_TEXT: 'text/plain',
  RTF: 'application/rtf',
  OPENDOCUMENT_GRAPHICS: 'application/vnd.oasis.opendocument.graphics',
  OPENDOCUMENT_PRESENTATION: 'application/vnd.oasis.opendocument.presentation',
  OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
  OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
  MICROSOFT_POWERPOINT: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  MICROSOFT_POWERPOINT_LEGACY: 'application/vnd.ms-powerpoint',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_WORD_LEGACY: 'application/msword',
  ZIP: 'application/zip',
});

export const Access = makeEnum([
  'ANYONE',
  'ANYONE_WITH_LINK',
  'DOMAIN',
  'DOMAIN_WITH_LINK',
  'PRIVATE',
] as const);
export const Permission = makeEnum([
  'VIEW',
  'EDIT',
  'COMMENT',
  'OWNER',
  'ORGANIZER',
  'NONE',
] as const);

export const NOT_FOUND =
  'No item with the given ID could be found, or you do not have permission to access it.';
const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';

/** One Drive item (JSON-serialisable). */
export interface DriveItemRecord {
  id: string;
  kind: 'file' | 'folder';
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  createdMs: number;
  updatedMs: number;
  description: string | null;
  /** Base64 bytes of a non-Google file. */
  content: string;
  /** Drive API v3 `appProperties`: private to the app that set them. */
  appProperties?: Record<string, string>;
  /**
   * A file this app did not create nor was given: with the `drive.file` scope the advanced
   * Drive service cannot see it (DriveApp, which needs the whole-Drive scope, still can).
   */
  foreign?: boolean;
}

export interface DriveSnapshot {
  rootId: string;
  items: DriveItemRecord[];
  docs: Record<string, DocRecord>;
}

/** The in-memory Drive shared by DriveApp, DocumentApp and the Docs advanced service. */
export class DriveStore {
  private items = new Map<string, DriveItemRecord>();
  private docs = new Map<string, DocRecord>();
  rootId: string;
  /** Called before a Google Doc is created or copied: the daily quota throws from here. */
  beforeDocCreated: () => void = () => undefined;

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    readonly ownerEmail: string,
  ) {
    this.rootId = ids.driveId();
    this.items.set(this.rootId, this.record('folder', 'My Drive', MimeType.FOLDER, []));
    const root = this.items.get(this.rootId);
    if (root) root.id = this.rootId;
  }

  private record(
    kind: 'file' | 'folder',
    name: string,
    mimeType: string,
    parents: string[],
  ): DriveItemRecord {
    const now = this.clock.nowMs();
    return {
      id: '',
      kind,
      name,
      mimeType,
      parents,
      trashed: false,
      createdMs: now,
      updatedMs: now,
      description: null,
      content: '',
    };
  }

  create(
    kind: 'file' | 'folder',
    name: string,
    mimeType: string,
    parentId: string,
    bytes?: Uint8Array,
    blocks?: Block[],
  ): DriveItemRecord {
    if (mimeType === MimeType.GOOGLE_DOCS) this.beforeDocCreated();
    const item = this.record(kind, String(name), mimeType, [parentId]);
    item.id = this.ids.driveId();
    if (bytes) item.content = toBase64(bytes);
    this.items.set(item.id, item);
    if (mimeType === MimeType.GOOGLE_DOCS)
      this.docs.set(item.id, {
        blocks: blocks ? cloneBlocks(blocks) : plainDoc(['']),
        revision: 1,
      });
    return item;
  }

  /**
   * A file someone else owns that this app was never given (test helper): the advanced Drive
   * service answers "File not found" for it, as with the `drive.file` scope.
   */
  registerForeign(
    name: string,
    mimeType: string = MimeType.GOOGLE_DOCS,
    texts: string[] = [''],
  ): string {
    const item = this.record('file', name, mimeType, [this.rootId]);
    item.id = this.ids.driveId();
    item.foreign = true;
    this.items.set(item.id, item);
    if (mimeType === MimeType.GOOGLE_DOCS)
      this.docs.set(item.id, { blocks: plainDoc(texts), revision: 1 });
    return item.id;
  }

  /** Register an item made elsewhere (the active spreadsheet) under a known id. */
  register(id: string, name: string, mimeType: string): void {
    if (this.items.has(id)) return;
    const item = this.record('file', name, mimeType, [this.rootId]);
    item.id = id;
    this.items.set(id, item);
  }

  find(id: string): DriveItemRecord | undefined {
    return this.items.get(id === 'root' ? this.rootId : id);
  }

  get(id: string, kind: 'file' | 'folder'): DriveItemRecord {
    const item = this.find(String(id));
    if (!item || item.kind !== kind) throw new Error(NOT_FOUND);
    return item;
  }

  /** Permanent deletion (Drive.Files.remove). */
  delete(id: string): void {
    this.items.delete(id);
    this.docs.delete(id);
  }

  all(): DriveItemRecord[] {
    return [...this.items.values()];
  }

  children(folderId: string, kind: 'file' | 'folder'): DriveItemRecord[] {
    return this.all().filter((i) => i.kind === kind && !i.trashed && i.parents.includes(folderId));
  }

  touch(item: DriveItemRecord): void {
    item.updatedMs = this.clock.nowMs();
  }

  doc(id: string): DocRecord | undefined {
    return this.docs.get(id);
  }

  /** Replace a document's content with plain paragraphs (DocumentApp's edits). */
  setDoc(id: string, paragraphs: string[]): void {
    this.setBlocks(id, plainDoc(paragraphs));
  }

  setBlocks(id: string, blocks: Block[]): void {
    const current = this.docs.get(id);
    this.docs.set(id, { blocks: cloneBlocks(blocks), revision: (current?.revision ?? 0) + 1 });
    const item = this.items.get(id);
    if (item) this.touch(item);
  }

  /** The text of Google Doc `id`, one line per paragraph, table cells included (tests, workbench). */
  docText(id: string): string {
    const doc = this.docs.get(id);
    if (!doc) throw new Error(`No Google Doc with id ${id}`);
    return docText(doc.blocks);
  }

  /** A copy of the structure of Google Doc `id` (tests, workbench). */
  docModel(id: string): Block[] {
    const doc = this.docs.get(id);
    if (!doc) throw new Error(`No Google Doc with id ${id}`);
    return cloneBlocks(doc.blocks);
  }

  /** Google Doc `id` as an HTML fragment with inline styles, to show it in the workbench. */
  renderHtml(id: string): string {
    const doc = this.docs.get(id);
    if (!doc) throw new Error(`No Google Doc with id ${id}`);
    return renderHtml(doc.blocks);
  }

  copy(source: DriveItemRecord, name: string, parentIds: string[]): DriveItemRecord {
    if (this.docs.has(source.id)) this.beforeDocCreated();
    const item: DriveItemRecord = {
      ...structuredClone(source),
      id: this.ids.driveId(),
      name,
      parents: parentIds,
      trashed: false,
      createdMs: this.clock.nowMs(),
      updatedMs: this.clock.nowMs(),
    };
    this.items.set(item.id, item);
    const doc = this.docs.get(source.id);
    if (doc) this.docs.set(item.id, { blocks: cloneBlocks(doc.blocks), revision: 1 });
    delete item.foreign;
    return item;
  }

  /** Text of a document or a text file (for tests and PDF conversion). */
  text(item: DriveItemRecord): string {
    const doc = this.docs.get(item.id);
    if (doc) return docText(doc.blocks);
    return decodeBytes(fromBase64(item.content));
  }

  snapshot(): DriveSnapshot {
    return {
      rootId: this.rootId,
      items: this.all().map((i) => structuredClone(i)),
      docs: Object.fromEntries([...this.docs].map(([k, v]) => [k, structuredClone(v)])),
    };
  }

  restore(s: DriveSnapshot): void {
    this.rootId = s.rootId;
    this.items = new Map(s.items.map((i) => [i.id, structuredClone(i)]));
    this.docs = new Map(Object.entries(s.docs).map(([k, v]) => [k, upgradeDoc(v)]));
  }
}

export function urlOf(item: DriveItemRecord): string {
  switch (item.mimeType) {
    case MimeType.FOLDER:
      return `https://drive.google.com/drive/folders/${item.id}`;
    case MimeType.GOOGLE_DOCS:
      return `https://docs.google.com/document/d/${item.id}/edit?usp=drivesdk`;
    case MimeType.GOOGLE_SHEETS:
      return `https://docs.google.com/spreadsheets/d/${item.id}/edit?usp=drivesdk`;
    default:
      return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
  }
}

/** Blob of an item: the bytes of a file, a PDF export of a Google document. */
export function blobOfItem(
  log: CallLog,
  store: DriveStore,
  item: DriveItemRecord,
  contentType?: string,
): BlobImpl {
  const google = item.mimeType.startsWith('application/vnd.google-apps.');
  if (google || contentType === MimeType.PDF) {
    if (contentType && contentType !== MimeType.PDF) {
      throw new Error(`Converting from ${item.mimeType} to ${contentType} is not supported.`);
    }
    const base = google ? item.name : item.name.replace(/\.[^.]*$/, '');
    return new BlobImpl(log, fakePdf(item.name, store.text(item)), MimeType.PDF, `${base}.pdf`);
  }
  return new BlobImpl(log, fromBase64(item.content), item.mimeType, item.name);
}

class IteratorImpl<T> {
  private index = 0;
  constructor(private readonly values: T[]) {}

  hasNext(): boolean {
    return this.index < this.values.length;
  }

  next(): T {
    if (this.index >= this.values.length) throw new Error(ITERATOR_END);
    return this.values[this.index++] as T;
  }

  getContinuationToken(): string {
    return `emulator-token-${this.index}`;
  }
}

type Factory = {
  file(item: DriveItemRecord): File;
  folder(item: DriveItemRecord): Folder;
};

function fileIterator(log: CallLog, files: File[]): FileIterator {
  return expose<FileIterator>(new IteratorImpl(files), 'FileIterator', log);
}

function folderIterator(log: CallLog, folders: Folder[]): FolderIterator {
  return expose<FolderIterator>(new IteratorImpl(folders), 'FolderIterator', log);
}

function itemOf(value: unknown, kind: 'file' | 'folder', store: DriveStore): DriveItemRecord {
  const inner = value && typeof value === 'object' ? raw(value) : null;
  if (inner instanceof ItemImpl) return store.get(inner.id, kind);
  throw new Error(`Invalid argument: ${kind === 'file' ? 'file' : 'folder'}`);
}

abstract class ItemImpl extends Exposed<object> {
  protected constructor(
    log: CallLog,
    name: string,
    protected readonly store: DriveStore,
    protected readonly make: Factory,
    readonly id: string,
  ) {
    super(log, name);
  }

  protected get item(): DriveItemRecord {
    const item = this.store.find(this.id);
    if (!item) throw new Error(NOT_FOUND);
    return item;
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

  getDescription(): string | null {
    return this.item.description;
  }

  setDescription(description: string) {
    this.item.description = description;
    return this.api;
  }

  getDateCreated(): Date {
    return new Date(this.item.createdMs);
  }

  getLastUpdated(): Date {
    return new Date(this.item.updatedMs);
  }

  isTrashed(): boolean {
    return this.item.trashed;
  }

  setTrashed(trashed: boolean) {
    this.item.trashed = Boolean(trashed);
    this.store.touch(this.item);
    return this.api;
  }

  getParents(): FolderIterator {
    const parents = this.item.parents
      .map((id) => this.store.find(id))
      .filter((p): p is DriveItemRecord => p !== undefined)
      .map((p) => this.make.folder(p));
    return folderIterator(this.log, parents);
  }

  moveTo(destination: Folder) {
    const target = itemOf(destination, 'folder', this.store);
    this.item.parents = [target.id];
    this.store.touch(this.item);
    return this.api;
  }

  getOwner() {
    const email = this.store.ownerEmail;
    return expose(
      {
        getEmail: () => email,
        getName: () => email.split('@')[0] ?? email,
        getDomain: () => email.split('@')[1] ?? '',
        getPhotoUrl: () => '',
      },
      'User',
      this.log,
    );
  }

  getEditors() {
    return [];
  }

  getViewers() {
    return [];
  }

  getSharingAccess() {
    return Access.PRIVATE;
  }

  getSharingPermission() {
    return Permission.NONE;
  }

  setSharing() {
    return this.api;
  }

  isStarred(): boolean {
    return false;
  }

  setStarred() {
    return this.api;
  }
}

class FileImpl extends ItemImpl {
  constructor(log: CallLog, store: DriveStore, make: Factory, id: string) {
    super(log, 'File', store, make, id);
  }

  rawBlob(): BlobImpl {
    return blobOfItem(this.log, this.store, this.item);
  }

  getMimeType(): string {
    return this.item.mimeType;
  }

  getSize(): number {
    return this.item.mimeType.startsWith('application/vnd.google-apps.')
      ? 0
      : fromBase64(this.item.content).length;
  }

  getBlob() {
    return this.rawBlob().api;
  }

  getAs(contentType: string) {
    return blobOfItem(this.log, this.store, this.item, contentType).api;
  }

  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this.id}&export=download`;
  }

  setContent(content: string) {
    if (this.item.mimeType.startsWith('application/vnd.google-apps.')) {
      throw new Error('Invalid argument: file');
    }
    this.item.content = toBase64(encodeString(String(content)));
    this.store.touch(this.item);
    return this.api;
  }

  /** makeCopy(), (name), (destination), (name, destination); the copy stays beside the original. */
  makeCopy(nameOrDestination?: unknown, destination?: unknown) {
    let name = `Copy of ${this.item.name}`;
    let parents = [...this.item.parents];
    if (typeof nameOrDestination === 'string') name = nameOrDestination;
    else if (nameOrDestination !== undefined) destination = nameOrDestination;
    if (destination !== undefined) parents = [itemOf(destination, 'folder', this.store).id];
    return this.make.file(this.store.copy(this.item, name, parents));
  }
}

class FolderImpl extends ItemImpl {
  constructor(log: CallLog, store: DriveStore, make: Factory, id: string) {
    super(log, 'Folder', store, make, id);
  }

  private files(filter: (i: DriveItemRecord) => boolean = () => true): FileIterator {
    const files = this.store.children(this.id, 'file').filter(filter);
    return fileIterator(
      this.log,
      files.map((f) => this.make.file(f)),
    );
  }

  private folders(filter: (i: DriveItemRecord) => boolean = () => true): FolderIterator {
    const folders = this.store.children(this.id, 'folder').filter(filter);
    return folderIterator(
      this.log,
      folders.map((f) => this.make.folder(f)),
    );
  }

  getFiles() {
    return this.files();
  }

  getFilesByName(name: string) {
    return this.files((f) => f.name === name);
  }

  getFilesByType(mimeType: string) {
    return this.files((f) => f.mimeType === mimeType);
  }

  getFolders() {
    return this.folders();
  }

  getFoldersByName(name: string) {
    return this.folders((f) => f.name === name);
  }

  createFolder(name: string) {
    return this.make.folder(this.store.create('folder', name, MimeType.FOLDER, this.id));
  }

  createFile(nameOrBlob: unknown, content?: string, mimeType?: string) {
    if (typeof nameOrBlob === 'string') {
      if (mimeType && mimeType.startsWith('application/vnd.google-apps.')) {
        throw new Error(`Invalid argument: mimeType`);
      }
      const bytes = encodeString(String(content ?? ''));
      const item = this.store.create(
        'file',
        nameOrBlob,
        mimeType ?? MimeType.PLAIN_TEXT,
        this.id,
        bytes,
      );
      return this.make.file(item);
    }
    const blob = blobOf(nameOrBlob as GoogleAppsScript.Base.BlobSource);
    const item = this.store.create(
      'file',
      blob.getName() ?? 'Untitled',
      blob.getContentType() ?? 'application/octet-stream',
      this.id,
      blob.rawBytes(),
    );
    return this.make.file(item);
  }

  addFile(child: File) {
    const item = itemOf(child, 'file', this.store);
    if (!item.parents.includes(this.id)) item.parents.push(this.id);
    return this.api;
  }

  removeFile(child: File) {
    const item = itemOf(child, 'file', this.store);
    item.parents = item.parents.filter((p) => p !== this.id);
    return this.api;
  }

  addFolder(child: Folder) {
    const item = itemOf(child, 'folder', this.store);
    if (!item.parents.includes(this.id)) item.parents.push(this.id);
    return this.api;
  }

  removeFolder(child: Folder) {
    const item = itemOf(child, 'folder', this.store);
    item.parents = item.parents.filter((p) => p !== this.id);
    return this.api;
  }

  searchFiles(): FileIterator {
    throw new Error('searchFiles is not supported by the emulator.');
  }
}

export function driveFactory(log: CallLog, store: DriveStore): Factory {
  const make: Factory = {
    file: (item) => new FileImpl(log, store, make, item.id).api as File,
    folder: (item) => new FolderImpl(log, store, make, item.id).api as Folder,
  };
  return make;
}

export function createDriveApp(log: CallLog, store: DriveStore): DriveApp {
  const make = driveFactory(log, store);
  const root = () => make.folder(store.get(store.rootId, 'folder'));
  const all = (kind: 'file' | 'folder', filter: (i: DriveItemRecord) => boolean) =>
    store.all().filter((i) => i.kind === kind && !i.trashed && i.id !== store.rootId && filter(i));
  const app = {
    Access,
    Permission,
    getRootFolder: root,
    getFileById: (id: string) => make.file(store.get(id, 'file')),
    getFolderById: (id: string) => make.folder(store.get(id, 'folder')),
    createFolder: (name: string) => raw(root()).createFolder(name),
    createFile: (nameOrBlob: unknown, content?: string, mimeType?: string) =>
      (raw(root()) as unknown as FolderImpl).createFile(nameOrBlob, content, mimeType),
    getFiles: () =>
      fileIterator(
        log,
        all('file', () => true).map((i) => make.file(i)),
      ),
    getFilesByName: (name: string) =>
      fileIterator(
        log,
        all('file', (i) => i.name === name).map((i) => make.file(i)),
      ),
    getFilesByType: (mimeType: string) =>
      fileIterator(
        log,
        all('file', (i) => i.mimeType === mimeType).map((i) => make.file(i)),
      ),
    getFolders: () =>
      folderIterator(
        log,
        all('folder', () => true).map((i) => make.folder(i)),
      ),
    getFoldersByName: (name: string) =>
      folderIterator(
        log,
        all('folder', (i) => i.name === name).map((i) => make.folder(i)),
      ),
    getTrashedFiles: () =>
      fileIterator(
        log,
        store
          .all()
          .filter((i) => i.kind === 'file' && i.trashed)
          .map((i) => make.file(i)),
      ),
    addFile: (child: File) => raw(root()).addFile(child),
    removeFile: (child: File) => raw(root()).removeFile(child),
  };
  return expose<DriveApp>(app as unknown as DriveApp, 'DriveApp', log);
}

/** Snapshots written before the structural model held one string per paragraph. */
function upgradeDoc(v: DocRecord | { paragraphs: string[]; revision: number }): DocRecord {
  if ('paragraphs' in v) return { blocks: plainDoc(v.paragraphs), revision: v.revision };
  return structuredClone(v);
}
