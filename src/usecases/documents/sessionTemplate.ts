/**
 * « Modèle propre à la session » : a copy of the convention template for one session (a section
 * with its own wording), in the session's folder; the session's conventions are then made from
 * it. Made by the add-on, so the drive.file scope still suffices. Asked again, it gives the same
 * one back (or a new one if it went to the bin).
 */
import type { MadeFileView } from '../../api/contract';
import { TEMPLATE_NAMES, templateFor } from '../../domain/documents/kinds';
import { safeNamePart } from '../../domain/documents/naming';
import { UserError } from '../../domain/errors';
import type { Context } from '../../gas/context';
import { driveFiles } from '../../gas/driveFiles';
import { references } from '../references';
import { driveSpace, ensureSessionFolder, saveDriveSpace, templateIdFor } from './driveSpace';
import { countMade } from './dailyCount';

export function sessionTemplate(ctx: Context, sessionId: string): MadeFileView {
  const session = references(ctx).sessions.find((s) => s.id === String(sessionId));
  if (!session) throw new UserError('Choisissez la session qui aura son propre modèle.');
  return ctx.withLock(() => {
    const space = driveSpace(ctx);
    const drive = driveFiles();
    const own = space.sessionTemplates[session.id];
    const live = own ? drive.getFile(own) : null;
    if (live && !live.trashed) return { name: live.name, url: live.url };
    delete space.sessionTemplates[session.id];
    const kind = templateFor('convention', session.type);
    const base = templateIdFor(space, kind, '', TEMPLATE_NAMES[kind]);
    const folder = ensureSessionFolder(ctx, space, session);
    const name = `${TEMPLATE_NAMES[kind]} – ${safeNamePart(session.title)}`;
    const file = drive.copyFile(base, name, folder, {
      sdsTemplate: `${kind}:${session.id}`,
      sdsSession: session.id,
    });
    space.sessionTemplates[session.id] = file.id;
    saveDriveSpace(ctx, space);
    countMade(ctx, 1);
    ctx.journal({
      action: 'Créer le modèle de convention de la session',
      target: session.title,
      before: {},
      after: { modèle: name },
    });
    return { name: file.name, url: file.url };
  });
}
