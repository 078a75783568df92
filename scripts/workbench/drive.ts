/**
 * The emulated Drive as staff see it in the workbench: a Drive address found in a cell or a
 * sidebar link opens a page showing the file (a Google Doc drawn from the emulator's model), and
 * « Drive » lists the add-on's files as a folder tree.
 *
 * Everything drawn here comes from sheet data and templates: text is always escaped.
 */
import type { Emulator } from 'gas-emulator';

export { driveIdOf, linkOfCell } from './drive-url';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const DOC = 'application/vnd.google-apps.document';
const FOLDER = 'application/vnd.google-apps.folder';

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{margin:0;background:#f1f3f4;font-family:Arial,sans-serif;color:#202124}
main{max-width:760px;margin:16px auto;background:#fff;padding:48px 64px;box-shadow:0 1px 3px rgba(0,0,0,.2);font-size:11pt;line-height:1.4}
.meta{max-width:760px;margin:12px auto 0;color:#5f6368;font-size:12px}
h1{font-size:18pt;font-weight:normal}h2{font-size:14pt}h3{font-size:12pt}
table{border-collapse:collapse;width:100%;margin:8px 0}td{border:1px solid #999;padding:4px 6px;vertical-align:top}
td p{margin:2px 0}hr.page-break{border:0;border-top:2px dashed #bbb;margin:32px -64px}
pre{white-space:pre-wrap}
</style></head><body>${body}</body></html>`;
}

/** A page showing the file, or null when the emulated Drive has no such file. */
export function driveFilePage(emulator: Emulator, id: string): string | null {
  const drive = emulator.drive;
  const item = drive.find(id);
  if (!item) return null;
  const trashed = item.trashed ? ' — dans la corbeille' : '';
  const meta = `<p class="meta">${escapeHtml(item.name)}${trashed}</p>`;
  if (item.mimeType === DOC && drive.doc(item.id))
    return page(
      item.name,
      `${meta}<main aria-label="Contenu du document">${drive.renderHtml(item.id)}</main>`,
    );
  if (item.kind === 'folder' || item.mimeType === FOLDER) {
    const children = drive
      .all()
      .filter((c) => !c.trashed && c.parents.includes(item.id))
      .map((c) => `<li>${escapeHtml(c.name)}</li>`)
      .join('');
    return page(
      item.name,
      `${meta}<main><h1>${escapeHtml(item.name)}</h1><ul>${children}</ul></main>`,
    );
  }
  // A PDF export or another file: its text, as far as the emulator keeps one.
  const text = drive.text(item).replace(/^% ?/gm, '');
  return page(
    item.name,
    `${meta}<main aria-label="Contenu du fichier"><pre>${escapeHtml(text)}</pre></main>`,
  );
}

export interface DriveNode {
  id: string;
  name: string;
  folder: boolean;
  /** Whether the workbench can draw it (a Google Doc or a file). */
  url: string;
  children: DriveNode[];
}

/**
 * The Drive's files as a tree from its root, trashed ones left out, folders first then by name.
 * The spreadsheet itself (and anything else at the root that is not a folder) is shown too.
 */
export function driveTree(emulator: Emulator): DriveNode[] {
  const drive = emulator.drive;
  const items = drive.all().filter((i) => !i.trashed);
  const byName = new Intl.Collator('fr', { numeric: true });
  const childrenOf = (parent: string, depth: number): DriveNode[] =>
    depth > 12
      ? []
      : items
          .filter((i) => i.parents.includes(parent))
          .sort((a, b) =>
            a.kind !== b.kind ? (a.kind === 'folder' ? -1 : 1) : byName.compare(a.name, b.name),
          )
          .map((i) => ({
            id: i.id,
            name: i.name,
            folder: i.kind === 'folder',
            url: `/drive/file?id=${encodeURIComponent(i.id)}`,
            children: i.kind === 'folder' ? childrenOf(i.id, depth + 1) : [],
          }));
  return childrenOf(drive.rootId, 0);
}
