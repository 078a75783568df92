/**
 * The sidebar's registry of views: for each view of `SIDEBAR_VIEWS` (src/api/contract.ts), the
 * panel that shows it and where it sits in the navigation. Adding a view is one entry here and
 * one in `SIDEBAR_VIEWS`; the type below refuses a view left without a panel. A menu item that
 * opens it also needs its handler in src/main.ts and its line in `MENU` (src/gas/ui.ts): Apps
 * Script calls a menu item by the name of a global function.
 */
import type { SidebarView } from '../api/contract';
import { absencesPanel } from './panels/absences';
import { companiesPanel } from './panels/companies';
import { documentsPanel } from './panels/documents';
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
import { deleteStagePanel, removeStudentPanel } from './panels/delete';
import { distributePanel } from './panels/distribute';
import { myStagesPanel } from './panels/myStages';

interface NavView {
  panel(ctx: PanelContext): Panel;
  /** Its own item in the navigation, with this label. */
  nav: string;
}

interface InnerView {
  panel(ctx: PanelContext): Panel;
  /** Reached from that view's panel, whose navigation item stays marked as current. */
  within: SidebarView;
}

export type ViewEntry = NavView | InnerView;

export const VIEWS: Record<SidebarView, ViewEntry> = {
  fiche: { panel: fichePanel, nav: 'Fiche stage' },
  // The stage actions are reached from the fiche's buttons.
  stop: { panel: stopPanel, within: 'fiche' },
  newStage: { panel: newStagePanel, within: 'fiche' },
  split: { panel: splitPanel, within: 'fiche' },
  reassign: { panel: reassignPanel, within: 'fiche' },
  gestion: { panel: gestionPanel, nav: 'Gestion' },
  session: { panel: sessionPanel, nav: 'Session' },
  import: { panel: importPanel, nav: 'Importer' },
  absences: { panel: absencesPanel, nav: 'Absences' },
  settings: { panel: settingsPanel, nav: 'Paramètres' },
  companies: { panel: companiesPanel, nav: 'Entreprises' },
  deleteStage: { panel: deleteStagePanel, within: 'fiche' },
  removeStudent: { panel: removeStudentPanel, within: 'fiche' },
  documents: { panel: documentsPanel, nav: 'Documents' },
  distribute: { panel: distributePanel, nav: 'Suivi' },
  myStages: { panel: myStagesPanel, nav: 'Mes stages' },
};

/** The navigation item that is current while `view` is shown. */
export function navItemOf(view: SidebarView): SidebarView {
  const entry = VIEWS[view];
  return 'within' in entry ? navItemOf(entry.within) : view;
}
