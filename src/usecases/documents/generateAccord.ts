/**
 * « Accord préalable » : the generic, non-nominative search form and the section's pedagogical
 * annex of a session (seed 004, step 1), one per session; a new one replaces the old.
 */
import type { MadeFileView } from '../../api/contract';
import { sessionDocumentFields } from '../../domain/documents/fields';
import { TEMPLATE_NAMES } from '../../domain/documents/kinds';
import { missingFor } from '../../domain/documents/missing';
import { documentName } from '../../domain/documents/naming';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { docsApi } from '../../gas/docsApi';
import type { DriveFile } from '../../gas/driveFiles';
import { references } from '../references';
import {
  binQuietly,
  copyTemplate,
  driveSpace,
  ensureSessionFolder,
  templateIdFor,
} from './driveSpace';
import { registerSingle } from './singleDocument';

export function generateAccord(ctx: Context, sessionId: string): MadeFileView {
  const session = references(ctx).sessions.find((s) => s.id === String(sessionId));
  if (!session) throw new UserError('Choisissez la session de l’accord préalable.');
  const input = { session, settings: ctx.settings(), today: ctx.today() };
  const missing = missingFor('accord', input);
  if (missing.length > 0)
    throw new UserError(`L’accord préalable ne peut pas être fait : ${missing.join(', ')}.`);
  const space = driveSpace(ctx);
  const template = templateIdFor(space, 'accord', session.id, TEMPLATE_NAMES.accord);
  const folder = ensureSessionFolder(ctx, space, session);
  const values = sessionDocumentFields(input);
  let file: DriveFile | null = null;
  try {
    const made = copyTemplate(
      template,
      TEMPLATE_NAMES.accord,
      documentName('accord', { sessionTitle: session.title }),
      folder,
      { sdsKind: 'accord', sdsSession: session.id },
    );
    file = made;
    docsApi().replaceAll(made.id, values);
    return registerSingle(ctx, 'accord', session, made, values, true);
  } catch (e) {
    binQuietly(file?.id);
    throw e;
  }
}
