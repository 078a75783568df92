/**
 * « Joindre la convention signée »: the scan the sidebar sends (PDF or image, 10 Mo at most) is
 * saved in the session's folder — a file the add-on creates, so `drive.file` suffices — and
 * linked from « Copie signée ». A copy it replaces goes to the bin once the link is written; a
 * scan whose link could not be written goes too.
 */
import type { AttachSignedInput, DocumentStepOutcome } from '../../api/contract';
import { checkAttachment, signedCopyName } from '../../domain/documents/attachment';
import { isLiveStatus } from '../../domain/documents/signatures';
import { UserError } from '../../domain/errors';
import { typed } from '../../domain/text';
import type { Context } from '../../gas/context';
import { blobFromBase64 } from '../../gas/blobs';
import { driveFiles, type DriveFile } from '../../gas/driveFiles';
import { str } from '../../sheets/records';
import { references } from '../references';
import { unwrap } from '../stageStore';
import { driveSpace, ensureRoot, ensureSessionFolder } from './driveSpace';
import { documentSubject, documentView, loadDocument, writeLife } from './life';
import { binQuietly } from './driveSpace';

/** The Drive ID in a link the add-on wrote (« …/d/ID/view »), or ''. */
function idOfLink(link: string): string {
  return /\/d\/([A-Za-z0-9_-]+)/.exec(link)?.[1] ?? '';
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The first bytes of a base64 text, as one character per byte. */
function headBytes(base64: string, bytes: number): string {
  const chars = base64.slice(0, Math.ceil(bytes / 3) * 4).replace(/=+$/, '');
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const c of chars) {
    acc = (acc << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

/**
 * What each type's file begins with: a text renamed « scan.pdf » is no scan. A PDF's header may
 * follow a little junk (its first 1,024 bytes); HEIC is not checked (its box layout varies).
 */
function looksLike(mimeType: string, base64: string): boolean {
  const head = headBytes(base64, 1024);
  switch (mimeType) {
    case 'application/pdf':
      return head.includes('%PDF-');
    case 'image/jpeg':
      return head.startsWith('\xff\xd8\xff');
    case 'image/png':
      return head.startsWith('\x89PNG');
    case 'image/gif':
      return head.startsWith('GIF8');
    case 'image/webp':
      return head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP';
    case 'image/tiff':
      return head.startsWith('II*\0') || head.startsWith('MM\0*');
    default:
      return true;
  }
}

export function attachSignedCopy(ctx: Context, input: AttachSignedInput): DocumentStepOutcome {
  const file = unwrap(checkAttachment(typed(input?.mimeType), typed(input?.base64)));
  if (!looksLike(file.mimeType, file.base64))
    throw new UserError(
      'Ce fichier n’est pas le PDF ou l’image qu’il dit être : joignez le scan lui-même.',
      'file',
    );
  return ctx.withLock(() => {
    const doc = loadDocument(ctx, input);
    const status = str(doc.rec.status) || 'Générée';
    if (!isLiveStatus(status))
      throw new UserError(
        `Ce document est « ${status} » : joignez la copie signée du document en vigueur.`,
      );
    const sessionId = str(doc.rec.sessionId);
    const session = references(ctx).sessions.find((s) => s.id === sessionId) ?? null;
    const space = driveSpace(ctx);
    const folder = session ? ensureSessionFolder(ctx, space, session) : ensureRoot(ctx, space);
    const name = signedCopyName(
      str(doc.rec.kind) || 'Convention',
      str(doc.rec.student),
      file.mimeType,
    );
    const old = idOfLink(str(doc.rec.signedCopy));
    let made: DriveFile | null = null;
    try {
      made = driveFiles().createFile(
        name,
        blobFromBase64(file.base64, file.mimeType, name),
        folder,
        {
          sdsKind: 'copie-signee',
          sdsStage: str(doc.rec.stageId),
          sdsSession: sessionId,
          sdsDocument: str(doc.rec.id),
        },
      );
      const { stageStatus, rec } = writeLife(ctx, doc, { signedCopy: made.url });
      ctx.journal({
        action: 'Joindre la copie signée',
        target: documentSubject(doc.rec),
        before: { 'copie signée': str(doc.rec.signedCopy) },
        after: { 'copie signée': made.url, fichier: name },
      });
      binQuietly(old);
      return { document: documentView(doc.row, rec), stageStatus };
    } catch (e) {
      binQuietly(made?.id);
      throw e;
    }
  });
}
