/**
 * Sidebar entry point (bundled by esbuild as an IIFE and inlined into sidebar.html).
 * The server appends `window.SDS_VIEW = "…"` to choose the panel to open on.
 */
import {
  isSidebarView,
  SIDEBAR_VIEWS,
  type SidebarSection,
  type SidebarView,
} from '../api/contract';
import { onServerFailure } from './api';
import { h } from './dom';
import type { Panel, PanelContext } from './panels/panel';
import { refreshReference, refreshSelection, seedFrom, startPolling } from './store';
import { feedbackRegions, showError } from './ui';
import { navItemOf, VIEWS } from './views';

export function start(initial: SidebarView, firstData?: unknown): void {
  const app = document.getElementById('app') ?? document.body;
  const { status, banner } = feedbackRegions();
  onServerFailure((e) => showError(e.message));

  const panels = new Map<SidebarView, Panel>();
  const main = h('main', { class: 'panels' });
  const navButtons = new Map<SidebarView, HTMLButtonElement>();
  const navigate = (view: SidebarView, section?: SidebarSection, focus = true): void => {
    // Only the active panel is in the document: hidden forms stay out of the way of assistive
    // technologies and label lookups, and keep their state while detached.
    const next = panels.get(view);
    if (next && next.root.parentNode !== main) main.replaceChildren(next.root);
    const current = navItemOf(view);
    for (const [item, b] of navButtons) {
      if (item === current) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    }
    next?.show?.(section);
    if (focus) next?.heading.focus();
  };
  const ctx: PanelContext = { navigate: (view, section) => navigate(view, section) };

  const nav = h('nav', { class: 'nav', 'aria-label': 'Écrans du module' });
  for (const view of SIDEBAR_VIEWS) {
    const entry = VIEWS[view];
    if (!('nav' in entry)) continue;
    const b = h('button', { type: 'button', class: 'nav-item' }, entry.nav);
    b.addEventListener('click', () => navigate(view));
    navButtons.set(view, b);
    nav.appendChild(b);
  }

  // The page came with its first screen's data (see openSidebar): known before the panels are
  // built, they draw it without a call.
  const seeded = seedFrom(firstData);
  for (const view of SIDEBAR_VIEWS) panels.set(view, VIEWS[view].panel(ctx));
  app.append(nav, banner, status, main);
  navigate(initial, undefined, false);

  if (!seeded) {
    void refreshReference().catch(() => undefined);
    void refreshSelection().catch(() => undefined);
  }
  startPolling();
}

function boot(): void {
  const w = window as { SDS_VIEW?: unknown; SDS_BOOT?: unknown };
  start(isSidebarView(w.SDS_VIEW) ? w.SDS_VIEW : 'fiche', w.SDS_BOOT);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
