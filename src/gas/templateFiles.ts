/**
 * The HTML of the templates the add-on creates, kept as project files (dist/modele-<kind>.html,
 * written by the build) rather than in Code.js: Apps Script loads every script file on every
 * call, an HTML file only when asked, and the templates are needed only by « Créer les modèles ».
 */
import type { TemplateKind } from '../domain/documents/kinds';

export function templateHtml(kind: TemplateKind): string {
  return HtmlService.createHtmlOutputFromFile(`modele-${kind}`).getContent();
}
