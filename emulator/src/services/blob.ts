import { raw, type CallLog } from '../instrument';
import { decodeBytes, encodeString, fromByteArray, toSigned } from './bytes';
import { Exposed } from './exposed';

type Blob = GoogleAppsScript.Base.Blob;

const EXTENSION_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  csv: 'text/csv',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Content of a converted PDF: readable text, so tests can check what would be printed. */
export function fakePdf(title: string, text: string): Uint8Array {
  const lines = text.split('\n').map((l) => `% ${l}`);
  return encodeString(['%PDF-1.4', `% ${title}`, ...lines, '%%EOF', ''].join('\n'));
}

export class BlobImpl extends Exposed<Blob> implements Blob {
  constructor(
    log: CallLog,
    private bytes: Uint8Array,
    private contentType: string | null,
    private name: string | null,
  ) {
    super(log, 'Blob');
  }

  static fromData(
    log: CallLog,
    data: string | readonly number[] | Uint8Array | undefined,
    contentType?: string | null,
    name?: string | null,
  ): BlobImpl {
    const bytes =
      data === undefined
        ? new Uint8Array()
        : typeof data === 'string'
          ? encodeString(data)
          : data instanceof Uint8Array
            ? data
            : fromByteArray(data);
    return new BlobImpl(log, bytes, contentType ?? null, name ?? null);
  }

  /** Raw bytes for the emulator's own use (uncounted). */
  rawBytes(): Uint8Array {
    return this.bytes;
  }

  copyBlob(): Blob {
    return new BlobImpl(this.log, this.bytes.slice(), this.contentType, this.name).api;
  }

  getAs(contentType: string): Blob {
    const base = (this.name ?? 'untitled').replace(/\.[^.]*$/, '');
    if (contentType === 'application/pdf') {
      return new BlobImpl(
        this.log,
        fakePdf(base, decodeBytes(this.bytes)),
        contentType,
        `${base}.pdf`,
      ).api;
    }
    return new BlobImpl(this.log, this.bytes.slice(), contentType, this.name).api;
  }

  getBlob(): Blob {
    return this.api;
  }

  getAllBlobs(): Blob[] {
    return [this.api];
  }

  getBytes(): number[] {
    return toSigned(this.bytes);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getDataAsString(charset?: string): string {
    return decodeBytes(this.bytes, charset ?? 'UTF-8');
  }

  getName(): string | null {
    return this.name;
  }

  isGoogleType(): boolean {
    return (this.contentType ?? '').startsWith('application/vnd.google-apps.');
  }

  setBytes(data: number[]): Blob {
    this.bytes = fromByteArray(data);
    return this.api;
  }

  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return this.api;
  }

  setContentTypeFromExtension(): Blob {
    const ext = (this.name ?? '').split('.').pop()?.toLowerCase() ?? '';
    const type = EXTENSION_TYPES[ext];
    if (!type)
      throw new Error(`Could not determine the content type of ${this.name ?? 'the blob'}.`);
    this.contentType = type;
    return this.api;
  }

  setDataFromString(text: string, charset?: string): Blob {
    this.bytes = encodeString(text, charset === 'US-ASCII' ? 'US_ASCII' : 'UTF_8');
    return this.api;
  }

  setName(name: string): Blob {
    this.name = name;
    return this.api;
  }
}

/** Emulated objects that can become a blob without a counted call (File, HtmlOutput…). */
interface RawBlobSource {
  rawBlob(): BlobImpl;
}

/** The blob behind a BlobSource argument, read without counting the emulator's own calls. */
export function blobOf(source: GoogleAppsScript.Base.BlobSource): BlobImpl {
  const inner = raw(source as object);
  if (inner instanceof BlobImpl) return inner;
  if (typeof (inner as Partial<RawBlobSource>).rawBlob === 'function') {
    return (inner as RawBlobSource).rawBlob();
  }
  throw new Error('Invalid argument: blob');
}
