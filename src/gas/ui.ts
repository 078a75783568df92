/**
 * Menus and the sidebar. `onOpen` may run in AuthMode.NONE, where only the UI may be touched:
 * the menu is built from constants, nothing is read.
 */
import {
  isSidebarView,
  type SidebarBoot,
  type SidebarSection,
  type SidebarView,
} from '../api/contract';

const ADDON_TITLE = 'Suivi des stages';

const MENU: readonly ({ caption: string; fn: string } | null)[] = [
  { caption: 'Ouvrir la fiche stage', fn: 'menuOpenFiche' },
  { caption: 'Gestion des stages (filtres)', fn: 'menuOpenGestion' },
  { caption: 'Nouvelle session…', fn: 'menuOpenSession' },
  { caption: 'Importer élèves ou entreprises…', fn: 'menuOpenImport' },
  { caption: 'Entreprises…', fn: 'menuOpenCompanies' },
  null,
  { caption: 'Arrêter le stage…', fn: 'menuStopStage' },
  { caption: "Enlever l'arrêt", fn: 'menuRemoveStop' },
  { caption: 'Assigner un nouveau stage…', fn: 'menuNewStage' },
  { caption: 'Scinder le stage…', fn: 'menuSplitStage' },
  { caption: 'Réaffecter…', fn: 'menuReassign' },
  { caption: 'Supprimer le stage…', fn: 'menuDeleteStage' },
  { caption: "Retirer l'élève de la session…", fn: 'menuRemoveStudent' },
  null,
  { caption: 'Calendrier du stage', fn: 'menuRenderCalendar' },
  { caption: "Vue d'ensemble de la session", fn: 'menuRenderOverview' },
  { caption: 'Absences…', fn: 'menuOpenAbsences' },
  { caption: 'Recalculer les durées', fn: 'menuRecomputeDurations' },
  null,
  { caption: 'Modèles de documents…', fn: 'menuOpenDocuments' },
  { caption: 'Générer les conventions…', fn: 'menuGenerateConventions' },
  { caption: 'Répartir le suivi…', fn: 'menuDistributeFollowUp' },
  { caption: 'Mes stages', fn: 'menuMyStages' },
  null,
  { caption: 'Paramètres…', fn: 'menuOpenSettings' },
  { caption: 'Initialiser le classeur', fn: 'menuInitWorkbook' },
];

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU) {
    if (item) menu.addItem(item.caption, item.fn);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/**
 * JSON that can stand inside a <script> element whatever its strings hold: no `<`, `>` or `&`
 * (so no `</script>` nor comment opener), no line separators that end a JS string literal.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export type { SidebarSection };

export function openSidebar(view: SidebarView, boot?: SidebarBoot, section?: SidebarSection): void {
  // The view is written into the page: only one of the sidebar's registry may be.
  if (!isSidebarView(view)) throw new Error(`Écran inconnu de la barre latérale : ${String(view)}`);
  const section$ = section ? `window.SDS_SECTION=${JSON.stringify(section)};` : '';
  // Data travels as JSON escaped for a script element: sheet text (names, reasons) is never
  // HTML here, and the sidebar puts it in the page as text only.
  const boot$ = boot ? `window.SDS_BOOT=${scriptJson(boot)};` : '';
  const html = HtmlService.createHtmlOutputFromFile('sidebar')
    .setTitle(ADDON_TITLE)
    .append(`<script>window.SDS_VIEW=${JSON.stringify(view)};${section$}${boot$}</script>`);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function toast(message: string): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, ADDON_TITLE, 5);
}

export function alert(message: string): void {
  SpreadsheetApp.getUi().alert(ADDON_TITLE, message, SpreadsheetApp.getUi().ButtonSet.OK);
}
