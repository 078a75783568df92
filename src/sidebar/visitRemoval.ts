/**
 * « Supprimer » on a visit (the fiche's Visites tab, « Mes stages »), shown only to whoever may
 * delete it (its author, or the teacher who follows the stage: the server decides, `mayRemove`).
 * A visit without report goes at once; one that has its report first says that the report will
 * go to the bin, and both go only on « Supprimer la visite et son compte rendu ».
 */
import type { VisitView } from '../api/contract';
import { button, h } from './dom';
import { frDate } from './format';

export function removeControl(
  v: VisitView,
  /** Deletes the visit; `withReport` is the user's consent to bin its report. */
  remove: (withReport: boolean) => void,
): HTMLElement | null {
  if (v.mayRemove !== true) return null;
  const date = frDate(v.date);
  const del = button(
    'Supprimer',
    () => {
      if (!v.report) return remove(false);
      box.hidden = false;
      yes.focus();
    },
    'link',
  );
  del.setAttribute('aria-label', `Supprimer la visite du ${date}`);
  const yes = button(
    'Supprimer la visite et son compte rendu',
    () => {
      box.hidden = true;
      remove(true);
    },
    'primary',
  );
  const no = button(
    'Garder la visite',
    () => {
      box.hidden = true;
      del.focus();
    },
    'secondary',
  );
  const box = h(
    'div',
    {
      class: 'confirm-removal',
      role: 'group',
      'aria-label': `Supprimer la visite du ${date} et son compte rendu`,
    },
    h(
      'p',
      {},
      'Cette visite a un compte rendu : il sera mis à la corbeille de Google Drive et noté ' +
        '« Annulée » dans la feuille Documents.',
    ),
    h('div', { class: 'buttons' }, yes, no),
  );
  box.hidden = true;
  return v.report ? h('span', {}, del, box) : del;
}
