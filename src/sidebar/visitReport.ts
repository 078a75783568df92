/**
 * « Compte rendu » on a visit (the fiche's Visites tab, « Mes stages »): a button that makes the
 * visit's report, then, once it exists, a link that opens it — a second click never makes a
 * second document. Shown only when the session asks for reports and the visit took place.
 */
import type { VisitView } from '../api/contract';
import { button, h } from './dom';
import { runAction } from './form';
import { frDate } from './format';

export function reportControl(
  v: VisitView,
  reportable: boolean,
  /** The element whose buttons wait while the report is made. */
  busyRoot: HTMLElement,
  /** Called with the report's link once made (the caller draws the visit again). */
  made: (url: string) => void,
): HTMLElement | null {
  if (!reportable || !v.done) return null;
  const label = `Compte rendu de la visite du ${frDate(v.date)}`;
  if (v.report) {
    return h(
      'a',
      {
        class: 'report-link',
        href: v.report,
        target: '_blank',
        rel: 'noopener noreferrer',
        'aria-label': label,
      },
      'Compte rendu',
    );
  }
  const b = button(
    'Compte rendu',
    () => {
      void runAction(busyRoot, 'apiVisitReport', { visitId: v.id }).then((r) => {
        if (r) made(r.url);
      });
    },
    'link',
  );
  b.setAttribute('aria-label', label);
  return b;
}
