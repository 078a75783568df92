/**
 * Copies text for the user to paste into a template. The sidebar runs in Apps Script's sandboxed
 * frame, where the asynchronous clipboard may be refused: the old selection-and-copy route is
 * tried then. Resolves to whether the text reached the clipboard.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused by the frame's permissions: the fallback below.
  }
  return copyBySelection(text);
}

function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.tabIndex = -1;
  // Out of sight but selectable (display: none could not be selected).
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  area.style.opacity = '0';
  const focused = document.activeElement as HTMLElement | null;
  document.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    // Deprecated but still the only synchronous route where the Clipboard API is refused.
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  // The user stays on the button they pressed.
  focused?.focus();
  return ok;
}
