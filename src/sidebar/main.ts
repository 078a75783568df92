/**
 * Sidebar entry point (bundled by esbuild as an IIFE and inlined into sidebar.html).
 * The server appends `window.SDS_VIEW = "…"` to choose the panel to open on.
 */
import type { SidebarView } from '../api/contract';
import { onServerFailure } from './api';
import { h } from './dom';
import { absencesPanel } from './panels/absences';
import { fichePanel } from './panels/fiche';
import { gestionPanel } from './panels/gestion';
import { importPanel } from './panels/import';
import { newStagePanel } from './panels/new-stage';
import type { Panel, PanelContext } from './panels/panel';
import { reassignPanel } from './panels/reassign';
import { sessionPanel } from './panels/session';
import { settingsPanel } from './panels/settings';
import { splitPanel } from './panels/split';
import { stopPanel } from './panels/stop';
import { refreshReference, refreshSelection, startPolling } from './store';
import { feedbackRegions, showError } from './ui';

const VIEWS: readonly SidebarView[] = [
  'fiche',
  'gestion',
  'session',
  'import',
  'stop',
  'newStage',
  'split',
  'reassign',
  'absences',
  'settings',
];

/** The main navigation; the stage actions are reached from the fiche's buttons. */
const NAV: { view: SidebarView; label: string; covers: SidebarView[] }[] = [
  {
    view: 'fiche',
    label: 'Fiche stage',
    covers: ['fiche', 'stop', 'newStage', 'split', 'reassign'],
  },
  { view: 'gestion', label: 'Gestion', covers: ['gestion'] },
  { view: 'session', label: 'Session', covers: ['session'] },
  { view: 'import', label: 'Importer', covers: ['import'] },
  { view: 'absences', label: 'Absences', covers: ['absences'] },
  { view: 'settings', label: 'Paramètres', covers: ['settings'] },
];

export function isSidebarView(v: unknown): v is SidebarView {
  return typeof v === 'string' && (VIEWS as readonly string[]).includes(v);
}

export function start(initial: SidebarView): void {
  const app = document.getElementById('app') ?? document.body;
  const { status, banner } = feedbackRegions();
  onServerFailure((e) => showError(e.message));

  const panels = new Map<SidebarView, Panel>();
  const main = h('main', { class: 'panels' });
  const navButtons = new Map<SidebarView, HTMLButtonElement>();
  const navigate = (view: SidebarView, focus = true): void => {
    // Only the active panel is in the document: hidden forms stay out of the way of assistive
    // technologies and label lookups, and keep their state while detached.
    const next = panels.get(view);
    if (next && next.root.parentNode !== main) main.replaceChildren(next.root);
    for (const item of NAV) {
      const b = navButtons.get(item.view);
      if (!b) continue;
      if (item.covers.includes(view)) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    }
    const panel = panels.get(view);
    panel?.show?.();
    if (focus) panel?.heading.focus();
  };
  const ctx: PanelContext = { navigate };

  const nav = h('nav', { class: 'nav', 'aria-label': 'Écrans du module' });
  for (const item of NAV) {
    const b = h('button', { type: 'button', class: 'nav-item' }, item.label);
    b.addEventListener('click', () => navigate(item.view));
    navButtons.set(item.view, b);
    nav.appendChild(b);
  }

  const all: Panel[] = [
    fichePanel(ctx),
    stopPanel(ctx),
    newStagePanel(ctx),
    splitPanel(ctx),
    reassignPanel(ctx),
    gestionPanel(),
    sessionPanel(),
    importPanel(),
    absencesPanel(ctx),
    settingsPanel(),
  ];
  for (const p of all) panels.set(p.view, p);
  app.append(nav, banner, status, main);
  navigate(initial, false);

  void refreshReference().catch(() => undefined);
  void refreshSelection().catch(() => undefined);
  startPolling();
}

function boot(): void {
  const requested = (window as { SDS_VIEW?: unknown }).SDS_VIEW;
  start(isSidebarView(requested) ? requested : 'fiche');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
