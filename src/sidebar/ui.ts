/**
 * The sidebar's shared feedback: a polite status line for results, an alert banner for errors
 * and conflicts; form.ts decides which of them a server's answer gets.
 */
import { button, h, replaceChildren } from './dom';
import { onSelection, reloadAll } from './store';

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
  // An earlier success message must not stand beside the error as if it were about it.
  if (statusEl) statusEl.textContent = '';
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
