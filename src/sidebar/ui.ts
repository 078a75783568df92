/**
 * The sidebar's shared feedback: a polite status line for results, an alert banner for errors
 * and conflicts, and the one place that turns an ApiResult into what the user sees.
 */
import type { ApiResult } from '../api/contract';
import { button, clearErrors, h, replaceChildren, showFieldError } from './dom';
import { onSelection, refreshReference, refreshSelection } from './store';

let statusEl: HTMLElement | null = null;
let bannerEl: HTMLElement | null = null;

export const CONFLICT_MESSAGE =
  "Cette ligne a été modifiée par quelqu'un d'autre depuis son affichage. Rechargez-la, vérifiez-la puis recommencez.";

/** Builds the two live regions; call once, they stay in place for screen readers. */
export function feedbackRegions(): { status: HTMLElement; banner: HTMLElement } {
  statusEl = h('div', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'sds-status' });
  bannerEl = h('div', {
    class: 'banner',
    role: 'alert',
    'aria-live': 'assertive',
    id: 'sds-banner',
  });
  // A result or an error is about one stage: once another row is selected it would mislead.
  // (Leaving the Stages sheet, e.g. for the calendar just drawn, selects no stage: that keeps it.)
  let shownId = '';
  onSelection((sel) => {
    const id = sel.stage?.id ?? '';
    if (id === '') return;
    if (shownId !== '' && id !== shownId) {
      if (statusEl) statusEl.textContent = '';
      clearBanner();
    }
    shownId = id;
  });
  return { status: statusEl, banner: bannerEl };
}

export function announce(message: string): void {
  if (!statusEl) return;
  // Re-setting the same text would not be announced again: clear first.
  statusEl.textContent = '';
  statusEl.textContent = message;
}

export function clearBanner(): void {
  if (!bannerEl) return;
  replaceChildren(bannerEl);
  bannerEl.classList.remove('visible');
}

export function showError(message: string, action?: { label: string; run: () => void }): void {
  if (!bannerEl) return;
  replaceChildren(
    bannerEl,
    h('span', { class: 'banner-text' }, message),
    action ? button(action.label, action.run, 'secondary') : null,
    button('Fermer', clearBanner, 'link'),
  );
  bannerEl.classList.add('visible');
}

export function showConflict(): void {
  showError(CONFLICT_MESSAGE, {
    label: 'Recharger',
    run: () => {
      clearBanner();
      void reloadAll().then(() => announce('Données rechargées.'));
    },
  });
}

export function reloadAll(): Promise<unknown> {
  return Promise.allSettled([refreshSelection(true), refreshReference()]);
}

/**
 * Awaits a mutating call: on success announces the server's message and reloads the selection
 * and drop-downs; on refusal shows the French message next to its field and in the banner.
 * Resolves to the value, or null when refused or failed (failures already have their banner).
 */
/** Forms waiting for the server: a second click must not send the same action twice. */
const busy = new WeakSet<HTMLElement>();

function setBusy(formRoot: HTMLElement, on: boolean): void {
  if (on) busy.add(formRoot);
  else busy.delete(formRoot);
  formRoot.setAttribute('aria-busy', on ? 'true' : 'false');
  formRoot.querySelectorAll<HTMLButtonElement>('button').forEach((b) => {
    if (on) {
      b.dataset.wasDisabled = b.disabled ? '1' : '';
      b.disabled = true;
    } else {
      b.disabled = b.dataset.wasDisabled === '1';
      delete b.dataset.wasDisabled;
    }
  });
}

export async function runAction<T>(
  formRoot: HTMLElement,
  call: Promise<ApiResult<T>>,
): Promise<T | null> {
  if (busy.has(formRoot)) return null;
  clearErrors(formRoot);
  clearBanner();
  setBusy(formRoot, true);
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch {
    return null;
  } finally {
    setBusy(formRoot, false);
  }
  if (result.ok) {
    announce(result.message);
    await reloadAll();
    return result.value;
  }
  if (result.conflict) {
    showConflict();
    announce(CONFLICT_MESSAGE);
    return null;
  }
  if (result.field) showFieldError(formRoot, result.field, result.error);
  showError(result.error);
  return null;
}
