/**
 * « Modèles de documents »: the Google Docs the add-on created for the school to edit, each one
 * checked on demand for placeholders the add-on does not know, and the placeholders to paste
 * into them, grouped, with a copy button each.
 */
import type {
  DocumentsOverview,
  PlaceholderGroupView,
  TemplateCheckView,
  TemplateView,
} from '../../api/contract';
import { copyText } from '../clipboard';
import { button, h, replaceChildren, uid } from '../dom';
import { runAction } from '../form';
import { announce, showError } from '../ui';

/** A link to a Drive file, opened in a new tab (the sidebar cannot show a document). */
export function fileLink(url: string, text: string, srText = ''): HTMLAnchorElement {
  return h(
    'a',
    { href: url, target: '_blank', rel: 'noopener noreferrer' },
    text,
    srText ? h('span', { class: 'sr-only' }, srText) : null,
  );
}

function checkResult(c: TemplateCheckView): HTMLElement {
  if (c.unknown.length === 0)
    return h(
      'p',
      { class: 'ok' },
      `Aucune balise inconnue (${c.known} balise${c.known > 1 ? 's' : ''} reconnue${c.known > 1 ? 's' : ''}).`,
    );
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'warning' },
      c.unknown.length > 1
        ? `${c.unknown.length} balises inconnues : elles resteraient telles quelles dans les documents.`
        : 'Une balise inconnue : elle resterait telle quelle dans les documents.',
    ),
    h(
      'ul',
      { class: 'unknown-list', 'aria-label': `Balises inconnues de ${c.label}` },
      ...c.unknown.map((u) =>
        h(
          'li',
          {},
          h('code', {}, u.text),
          u.suggestion ? ` : vouliez-vous dire ${u.suggestion} ?` : '',
        ),
      ),
    ),
    h(
      'p',
      { class: 'muted' },
      `${c.known} balise${c.known > 1 ? 's' : ''} reconnue${c.known > 1 ? 's' : ''}.`,
    ),
  );
}

function templateItem(t: TemplateView): HTMLElement {
  const result = h('div', { class: 'check-result' });
  const item = h('li', {}, h('div', { class: 'dates' }, t.label));
  if (!t.url) {
    item.append(h('div', { class: 'muted' }, 'Pas encore créé.'));
    return item;
  }
  const check = button(
    'Vérifier',
    () => {
      replaceChildren(result, h('p', { class: 'muted' }, 'Vérification…'));
      void runAction(item, 'apiCheckTemplate', t.kind).then((c) =>
        replaceChildren(result, c ? checkResult(c) : null),
      );
    },
    'secondary',
  );
  check.setAttribute('aria-label', `Vérifier le modèle ${t.label}`);
  item.append(
    h(
      'div',
      { class: 'buttons inline-actions' },
      fileLink(t.url, 'Ouvrir', ` le modèle ${t.label}`),
      check,
    ),
    result,
  );
  return item;
}

function placeholderGroup(g: PlaceholderGroupView): HTMLElement {
  return h(
    'details',
    { class: 'disclosure placeholders' },
    h('summary', {}, `${g.group} (${g.items.length})`),
    h(
      'ul',
      { class: 'placeholder-list', 'aria-label': `Balises : ${g.group}` },
      ...g.items.map((p) => {
        const code = `{{${p.key}}}`;
        const copy = button(
          'Copier',
          () => {
            void copyText(code).then((ok) =>
              ok
                ? announce(`${code} copié`)
                : showError(
                    `La copie de ${code} a été refusée : sélectionnez la balise et copiez-la (Ctrl+C).`,
                  ),
            );
          },
          'secondary',
        );
        copy.setAttribute('aria-label', `Copier ${code}`);
        copy.classList.add('small');
        return h(
          'li',
          {},
          h('code', {}, code),
          copy,
          h('div', { class: 'muted' }, p.example ? `${p.label} — ex. : ${p.example}` : p.label),
        );
      }),
    ),
  );
}

export interface TemplatesSection {
  root: HTMLElement;
  render(o: DocumentsOverview): void;
}

export function templatesSection(onOverview: (o: DocumentsOverview) => void): TemplatesSection {
  const headingId = uid('h-templates');
  const intro = h(
    'p',
    { class: 'muted' },
    'Le module crée ses modèles (des documents Google) dans son propre dossier Drive : modifiez-les librement (logo, formulations), en gardant les balises {{…}} là où les valeurs doivent aller.',
  );
  const list = h('ul', { class: 'stage-list', 'aria-labelledby': headingId });
  const folder = h('p', {});
  const create = button(
    'Créer les modèles',
    () => {
      void runAction(root, 'apiCreateTemplates').then((o) => {
        if (o) onOverview(o);
      });
    },
    'primary',
  );
  const placeholders = h('div', {});
  const root = h(
    'section',
    { class: 'doc-section', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, 'Modèles de documents'),
    intro,
    h('div', { class: 'buttons' }, create),
    list,
    folder,
    h('h4', {}, 'Balises à insérer dans les modèles'),
    placeholders,
  );

  const render = (o: DocumentsOverview): void => {
    const missing = o.templates.some((t) => !t.url);
    create.hidden = !missing;
    replaceChildren(list, ...o.templates.map(templateItem));
    replaceChildren(
      folder,
      o.folderUrl ? fileLink(o.folderUrl, 'Ouvrir le dossier du module dans Drive') : null,
    );
    replaceChildren(
      placeholders,
      ...(o.placeholders.length > 0
        ? o.placeholders.map(placeholderGroup)
        : [h('p', { class: 'empty' }, 'Aucune balise.')]),
    );
  };
  return { root, render };
}
