/**
 * « Autres documents »: the accord préalable of a session, a blank convention for emergencies,
 * one printable file of the chosen documents (each in the copies Paramètres asks for), and a
 * session's own convention template.
 */
import type { MadeFileView, ReferenceData } from '../../api/contract';
import { h, replaceChildren, selectField, setOptions, submit, uid } from '../dom';
import { plural } from '../format';
import { actionForm } from '../form';
import { currentReference, onReference } from '../store';
import { showError } from '../ui';
import { type DocumentChoice, sessionOptions } from './documents-generate';
import { fileLink } from './documents-templates';

function madeFile(box: HTMLElement, f: MadeFileView, linkText: string): void {
  replaceChildren(
    box,
    h(
      'p',
      { class: 'made-file' },
      fileLink(f.url, linkText, linkText === f.name ? '' : ` : ${f.name}`),
    ),
    f.count !== undefined
      ? h(
          'p',
          { class: 'muted' },
          `${plural(f.count, 'document', 'documents')} × ${plural(f.copies ?? 1, 'exemplaire', 'exemplaires')}`,
        )
      : null,
  );
}

export function otherSection(choice: DocumentChoice): {
  root: HTMLElement;
  /** « Exemplaires de convention » (Paramètres). */
  setCopies(n: number): void;
} {
  const headingId = uid('h-other');

  // Accord préalable: one per session.
  const accordSession = selectField('Session', 'sessionId');
  const accordResult = h('div', {});
  const accord = actionForm(
    'Accord préalable',
    {
      action: 'apiGenerateAccord',
      input: () => {
        if (accordSession.control.value) return accordSession.control.value;
        showError("Choisissez la session de l'accord préalable.");
        accordSession.control.focus();
        return null;
      },
      done: (f) => madeFile(accordResult, f, f.name),
    },
    h('h4', {}, 'Accord préalable'),
    h(
      'p',
      { class: 'muted' },
      'Le formulaire de recherche de stage, non nominatif, avec l’annexe pédagogique de la session.',
    ),
    accordSession.root,
    h('div', { class: 'buttons' }, submit("Générer l'accord préalable")),
    accordResult,
  );

  // Convention vierge: the session is optional (its dates and objectives are then filled in).
  const blankSession = selectField('Session (facultatif)', 'sessionId');
  const blankResult = h('div', {});
  const blank = actionForm(
    'Convention vierge',
    {
      action: 'apiBlankConvention',
      input: () => blankSession.control.value,
      done: (f) => madeFile(blankResult, f, f.name),
    },
    h('h4', {}, 'Convention vierge'),
    h(
      'p',
      { class: 'muted' },
      'Pour une urgence : les balises sont remplacées par des pointillés à compléter à la main.',
    ),
    blankSession.root,
    h('div', { class: 'buttons' }, submit('Créer une convention vierge')),
    blankResult,
  );

  // A session's own convention template: a copy of the general one, for its own wording.
  const ownSession = selectField('Session', 'sessionId');
  const ownResult = h('div', {});
  const own = actionForm(
    'Modèle propre à une session',
    {
      action: 'apiSessionTemplate',
      input: () => {
        if (ownSession.control.value) return ownSession.control.value;
        showError('Choisissez la session qui aura son propre modèle de convention.');
        ownSession.control.focus();
        return null;
      },
      done: (f) => madeFile(ownResult, f, f.name),
    },
    h('h4', {}, 'Modèle de convention propre à une session'),
    h(
      'p',
      { class: 'muted' },
      'Une copie du modèle général, à adapter pour cette session seulement : ses conventions seront faites à partir de cette copie.',
    ),
    ownSession.root,
    h('div', { class: 'buttons' }, submit('Créer ou ouvrir le modèle de la session')),
    ownResult,
  );

  const fill = (ref: ReferenceData | null): void => {
    setOptions(accordSession.control, sessionOptions(ref, 'Choisissez une session'));
    setOptions(blankSession.control, sessionOptions(ref, 'Sans session'));
    setOptions(ownSession.control, sessionOptions(ref, 'Choisissez une session'));
  };
  fill(currentReference());
  onReference(fill);

  // Imprimer…: the type and scope chosen in « Générer ».
  const printIntro = h('p', { class: 'muted' });
  const setCopies = (n: number): void => {
    const copies = n > 1 ? `en ${n} exemplaires` : 'en un exemplaire';
    printIntro.textContent = `Un seul fichier pour toute la sélection : chaque document ${copies} (Paramètres), chacun marqué de son destinataire.`;
  };
  setCopies(3);
  const printWhat = h('p', { class: 'muted' });
  const showWhat = (): void => {
    printWhat.textContent = `Choix de « Générer » ci-dessus : ${choice.describe()}.`;
  };
  showWhat();
  choice.onChange(showWhat);
  const printResult = h('div', {});
  const print = actionForm(
    'Imprimer',
    {
      action: 'apiPrintDocuments',
      input: async () => {
        replaceChildren(printResult);
        const scope = await choice.scope();
        return scope ? { kind: choice.kind(), scope } : null;
      },
      done: (f) => madeFile(printResult, f, 'Ouvrir le fichier à imprimer'),
    },
    h('h4', {}, 'Imprimer'),
    printIntro,
    printWhat,
    h('div', { class: 'buttons' }, submit('Imprimer…')),
    printResult,
  );

  const root = h(
    'section',
    { class: 'doc-section', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, 'Autres documents'),
    accord,
    blank,
    print,
    own,
  );
  return { root, setCopies };
}
