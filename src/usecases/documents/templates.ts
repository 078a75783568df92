/**
 * « Modèles de documents » : the templates the add-on creates in its own Drive folder (so that
 * the drive.file scope suffices), which the school then edits as ordinary Google Docs.
 */
import type { DocumentsOverview, TemplateView } from '../../api/contract';
import { TEMPLATE_KINDS, TEMPLATE_NAMES } from '../../domain/documents/kinds';
import { placeholdersByGroup } from '../../domain/documents/placeholders';
import type { Context } from '../../gas/context';
import { driveFiles } from '../../gas/driveFiles';
import { templateHtml } from '../../gas/templateFiles';
import { countMade, dailyCap, madeToday } from './dailyCount';
import { documentUrl, driveSpace, ensureRoot, folderUrl, saveDriveSpace } from './driveSpace';
import { knownJob } from './jobStore';
import { jobView } from './jobView';
import { readRegister } from './register';

/** « Modèle – Convention PFMP (bac professionnel) » → « Convention PFMP (bac professionnel) ». */
function shortName(name: string): string {
  return name.replace(/^Modèle – /, '');
}

/** What the documents panel shows; reads no sheet unless a batch is under way. */
export function documentsOverview(ctx: Context): DocumentsOverview {
  const space = driveSpace(ctx);
  const templates: TemplateView[] = TEMPLATE_KINDS.map((kind) => {
    const id = space.templates[kind];
    return { kind, label: shortName(TEMPLATE_NAMES[kind]), url: id ? documentUrl(id) : null };
  });
  const job = knownJob(ctx);
  return {
    folderUrl: space.root ? folderUrl(space.root) : null,
    templates,
    placeholders: placeholdersByGroup().map(({ group, items }) => ({
      group,
      items: items.map((p) => ({ key: p.key, label: p.label, example: p.example })),
    })),
    job: job ? jobView(ctx, job, readRegister(ctx)) : null,
    createdToday: madeToday(ctx),
    dailyCap: dailyCap(ctx),
    copies: ctx.settings().conventionCopies,
  };
}

/**
 * Creates the templates that are missing (never a second one of a kind that is still there:
 * one in the bin is made again). The school's edits to existing ones are left alone.
 */
export function createTemplates(ctx: Context): { overview: DocumentsOverview; created: number } {
  const created = ctx.withLock(() => {
    const space = driveSpace(ctx);
    const root = ensureRoot(ctx, space);
    const drive = driveFiles();
    const made: string[] = [];
    for (const kind of TEMPLATE_KINDS) {
      const id = space.templates[kind];
      const live = id ? drive.getFile(id) : null;
      if (live && !live.trashed) continue;
      space.templates[kind] = drive.importHtmlAsDoc(
        TEMPLATE_NAMES[kind],
        templateHtml(kind),
        root,
        {
          sdsTemplate: kind,
        },
      ).id;
      made.push(TEMPLATE_NAMES[kind]);
      // Noted at once: a failure on the next one must not forget this one (no twin later).
      saveDriveSpace(ctx, space);
    }
    countMade(ctx, made.length);
    if (made.length > 0) {
      ctx.journal({
        action: 'Créer les modèles de documents',
        target: `${made.length} modèle${made.length > 1 ? 's' : ''}`,
        before: {},
        after: { créés: made },
      });
    }
    return made.length;
  });
  return { overview: documentsOverview(ctx), created };
}
