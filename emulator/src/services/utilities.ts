import { createHash, createHmac } from 'node:crypto';
import type { CallLog } from '../instrument';
import { BlobImpl } from './blob';
import { encodeString, fromBase64, fromByteArray, toBase64, toSigned } from './bytes';
import type { Clock } from './clock';
import { formatDate, parseDate } from './date-format';
import { enumName, makeEnum } from './enums';
import { expose, signatureError } from './exposed';
import type { IdGenerator } from './ids';

type Utilities = GoogleAppsScript.Utilities.Utilities;

export const Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
export const DigestAlgorithm = makeEnum([
  'MD2',
  'MD5',
  'SHA_1',
  'SHA_256',
  'SHA_384',
  'SHA_512',
] as const);
export const MacAlgorithm = makeEnum([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
] as const);
export const RsaAlgorithm = makeEnum(['RSA_SHA_1', 'RSA_SHA_256'] as const);

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

function isDateLike(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function charsetOf(charset: unknown): 'UTF_8' | 'US_ASCII' {
  return enumName(charset) === 'US_ASCII' ? 'US_ASCII' : 'UTF_8';
}

function bytesOf(value: string | readonly number[], charset?: unknown): Uint8Array {
  return typeof value === 'string' ? encodeString(value, charsetOf(charset)) : fromByteArray(value);
}

/** Java's String.format, for the conversions scripts use: %s %d %f %.nf %%. */
export function javaFormat(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(/%(-?\d+)?(?:\.(\d+))?([sdfx%])/g, (_whole, width, precision, conv) => {
    if (conv === '%') return '%';
    const arg = args[next++];
    let text: string;
    if (conv === 'd') text = String(Math.trunc(Number(arg)));
    else if (conv === 'f')
      text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
    else if (conv === 'x') text = Math.trunc(Number(arg)).toString(16);
    else text = String(arg);
    if (width) {
      const w = Number(width);
      text = w < 0 ? text.padEnd(-w) : text.padStart(w);
    }
    return text;
  });
}

/** RFC 4180 CSV, as Utilities.parseCsv reads it. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv.charAt(i);
    if (quoted) {
      if (c === '"' && csv.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv.charAt(i + 1) === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export class UtilitiesImpl {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly RsaAlgorithm = RsaAlgorithm;

  constructor(
    private readonly log: CallLog,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDateLike(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    return formatDate(date.getTime(), timeZone, format);
  }

  parseDate(date: string, timeZone: string, format: string): Date {
    if (typeof date !== 'string' || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.parseDate', [date, timeZone, format]);
    }
    return new Date(parseDate(date, timeZone, format, this.clock.nowMs()));
  }

  formatString(template: string, ...args: unknown[]): string {
    return javaFormat(template, args);
  }

  getUuid(): string {
    return this.ids.uuid();
  }

  /** Advances the emulator's clock: scripts see the time pass, tests do not wait. */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) {
      throw signatureError('Utilities.sleep', [milliseconds]);
    }
    this.clock.advance(milliseconds);
  }

  computeDigest(algorithm: unknown, value: string | number[], charset?: unknown): number[] {
    const name = enumName(algorithm) ?? '';
    const node = NODE_DIGEST[name];
    if (!node || name.startsWith('HMAC')) throw new Error(`Invalid argument: algorithm`);
    return toSigned(new Uint8Array(createHash(node).update(bytesOf(value, charset)).digest()));
  }

  computeHmacSignature(
    algorithm: unknown,
    value: string | number[],
    key: string | number[],
    charset?: unknown,
  ): number[] {
    const node = NODE_DIGEST[enumName(algorithm) ?? ''];
    if (!node) throw new Error('Invalid argument: algorithm');
    const mac = createHmac(node, bytesOf(key, charset)).update(bytesOf(value, charset)).digest();
    return toSigned(new Uint8Array(mac));
  }

  computeHmacSha256Signature(
    value: string | number[],
    key: string | number[],
    charset?: unknown,
  ): number[] {
    return this.computeHmacSignature('HMAC_SHA_256', value, key, charset);
  }

  base64Encode(data: string | number[], charset?: unknown): string {
    return toBase64(bytesOf(data, charset));
  }

  base64EncodeWebSafe(data: string | number[], charset?: unknown): string {
    return toBase64(bytesOf(data, charset), true);
  }

  base64Decode(encoded: string): number[] {
    return toSigned(fromBase64(encoded));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return toSigned(fromBase64(encoded));
  }

  newBlob(
    data: string | number[],
    contentType?: string,
    name?: string,
  ): GoogleAppsScript.Base.Blob {
    return BlobImpl.fromData(this.log, data, contentType, name).api;
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    return parseCsv(csv, delimiter);
  }
}

export function createUtilities(log: CallLog, clock: Clock, ids: IdGenerator): Utilities {
  return expose<Utilities>(new UtilitiesImpl(log, clock, ids), 'Utilities', log);
}
