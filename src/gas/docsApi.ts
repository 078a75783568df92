/**
 * Google Docs content through the Docs API v1 advanced service: reading a document's text (to
 * find the placeholders a template holds) and filling a copy in ONE batchUpdate. With
 * googleApiErrors.ts, the only code that touches `Docs`.
 *
 * A batchUpdate is one write request against the quota of 60 per minute per user, whatever it
 * holds; the API applies its requests in order and all or nothing, so a value containing
 * "{{x}}" would be replaced by a later request: values must be neutralised before (the domain's
 * plainText does).
 */
import { withBackoff, type RetryPolicy } from './googleApiErrors';

export interface DocsApi {
  /** The body's text, one line per paragraph, table cells included (not headers or footers). */
  documentText(id: string): string;
  /**
   * Replace each `{{key}}` by its value (literally, case sensitive) in one batchUpdate; returns
   * how many occurrences of each key were replaced. No call when there is nothing to replace.
   */
  replaceAll(id: string, values: Record<string, string>): Record<string, number>;
}

type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;

function docs(): GoogleAppsScript.Docs {
  if (typeof Docs === 'undefined' || !Docs)
    throw new Error("Le service avancé Docs (v1) n'est pas activé dans le projet Apps Script.");
  return Docs;
}

/** The text runs of a body, tables walked cell by cell. */
export function contentText(content: readonly StructuralElement[] | undefined): string {
  let text = '';
  for (const element of content ?? []) {
    for (const part of element.paragraph?.elements ?? [])
      if (typeof part.textRun?.content === 'string') text += part.textRun.content;
    for (const row of element.table?.tableRows ?? [])
      for (const cell of row.tableCells ?? []) text += contentText(cell.content);
  }
  return text;
}

export function docsApi(retry?: RetryPolicy): DocsApi {
  return {
    documentText(id) {
      const doc = withBackoff(() => docs().Documents.get(id), retry);
      return contentText(doc.body?.content).replace(/\n$/, '');
    },

    replaceAll(id, values) {
      const keys = Object.keys(values);
      if (keys.length === 0) return {};
      const requests = keys.map((key) => ({
        replaceAllText: {
          containsText: { text: `{{${key}}}`, matchCase: true },
          replaceText: values[key] ?? '',
        },
      }));
      const res = withBackoff(() => docs().Documents.batchUpdate({ requests }, id), retry);
      const counts: Record<string, number> = {};
      keys.forEach((key, i) => {
        const n = res.replies?.[i]?.replaceAllText?.occurrencesChanged;
        counts[key] = typeof n === 'number' ? n : 0;
      });
      return counts;
    },
  };
}
