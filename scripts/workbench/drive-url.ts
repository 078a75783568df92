/** Drive addresses, shared by the workbench's server and its page. */

/** The ID in a Drive or Docs address, or null when the address is not one. */
export function driveIdOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.hostname !== 'docs.google.com' && u.hostname !== 'drive.google.com') return null;
  const m =
    /\/(?:document|spreadsheets|presentation|file)\/d\/([A-Za-z0-9_-]+)/.exec(u.pathname) ??
    /\/drive\/(?:u\/\d+\/)?folders\/([A-Za-z0-9_-]+)/.exec(u.pathname);
  if (m?.[1]) return m[1];
  const id = u.searchParams.get('id');
  return id && /^[A-Za-z0-9_-]+$/.test(id) ? id : null;
}

/** The address a cell holds: its link, a HYPERLINK formula's, or its text when it is one. */
export function linkOfCell(text: string, link?: string, formula?: string): string {
  if (link) return link;
  const f = formula ? /^=\s*HYPERLINK\(\s*"([^"]+)"/i.exec(formula) : null;
  if (f?.[1]) return f[1];
  return /^https?:\/\/\S+$/.test(text.trim()) ? text.trim() : '';
}
