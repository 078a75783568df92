/**
 * « Joindre la convention signée »: a scan, PDF or image, of at most 10 Mo, sent by the sidebar
 * as base64. Checked before anything is written.
 */
import { fail, ok, type Result } from '../types';
import { DOCUMENT_KIND_LABELS } from './kinds';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/tiff': 'tif',
};

/** Bytes a base64 text decodes to. */
export function base64Bytes(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

export interface Attachment {
  mimeType: string;
  base64: string;
  bytes: number;
}

export function checkAttachment(mimeType: string, base64: string): Result<Attachment> {
  const type = mimeType.trim().toLowerCase();
  if (!ATTACHMENT_TYPES[type])
    return fail('Joignez un PDF ou une image (JPEG, PNG…) : ce fichier n’en est pas un.', 'file');
  const b64 = base64.replace(/\s+/g, '');
  if (b64 === '') return fail('Le fichier est vide.', 'file');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0)
    return fail('Le fichier n’a pas pu être lu : choisissez-le à nouveau.', 'file');
  const bytes = base64Bytes(b64);
  if (bytes > MAX_ATTACHMENT_BYTES)
    return fail(
      `Le fichier fait ${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo : 10 Mo au plus.`,
      'file',
    );
  return ok({ mimeType: type, base64: b64, bytes });
}

/** The kinds named with a masculine noun: « Avenant signé ». */
const MASCULINE: ReadonlySet<string> = new Set([
  DOCUMENT_KIND_LABELS.avenant,
  DOCUMENT_KIND_LABELS.accord,
]);

/** « Convention signée – ACAR Laurie.pdf », « Avenant signé – ACAR Laurie.jpg ». */
export function signedCopyName(kindLabel: string, student: string, mimeType: string): string {
  const ext = ATTACHMENT_TYPES[mimeType] ?? 'pdf';
  const who = student.replace(/[\\/:*?"<>|]/g, ' ').trim();
  const signed = MASCULINE.has(kindLabel) ? 'signé' : 'signée';
  return `${kindLabel} ${signed}${who ? ` – ${who}` : ''}.${ext}`;
}
