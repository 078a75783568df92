/**
 * « Convention vierge » : any teacher may print one in an emergency (seed 004, step 3): the
 * convention with dotted lines for what is not known, the school (and the session, when one is
 * chosen) filled in. Registered, so that the referent sees it is to be regularised.
 */
import type { MadeFileView } from '../../api/contract';
import { blankFields } from '../../domain/documents/blank';
import { TEMPLATE_NAMES, templateFor } from '../../domain/documents/kinds';
import { documentName } from '../../domain/documents/naming';
import { UserError } from '../../domain/errors';
import type { Session } from '../../domain/types';
import type { Context } from '../../gas/context';
import { docsApi } from '../../gas/docsApi';
import type { DriveFile } from '../../gas/driveFiles';
import { references } from '../references';
import {
  binQuietly,
  copyTemplate,
  driveSpace,
  ensureRoot,
  ensureSessionFolder,
  templateIdFor,
} from './driveSpace';
import { registerSingle } from './singleDocument';

export function blankConvention(ctx: Context, sessionId: string): MadeFileView {
  let session: Session | null = null;
  if (sessionId) {
    session = references(ctx).sessions.find((s) => s.id === String(sessionId)) ?? null;
    if (!session) throw new UserError('Cette session n’existe plus : choisissez-en une autre.');
  }
  const space = driveSpace(ctx);
  const kind = templateFor('vierge', session?.type ?? '');
  const template = templateIdFor(space, kind, session?.id ?? '', TEMPLATE_NAMES[kind]);
  const folder = session ? ensureSessionFolder(ctx, space, session) : ensureRoot(ctx, space);
  const today = ctx.today();
  const values = blankFields({ settings: ctx.settings(), session, today });
  let file: DriveFile | null = null;
  try {
    const made = copyTemplate(
      template,
      TEMPLATE_NAMES[kind],
      documentName('vierge', { sessionTitle: session?.title ?? '', today }),
      folder,
      { sdsKind: 'vierge', sdsSession: session?.id ?? '' },
    );
    file = made;
    docsApi().replaceAll(made.id, values);
    return registerSingle(ctx, 'vierge', session, made, values, false);
  } catch (e) {
    binQuietly(file?.id);
    throw e;
  }
}
