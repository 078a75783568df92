/**
 * "Importer élèves ou entreprises…": a CSV/TSV file (PRONOTE or SIECLE export) or pasted text,
 * a preview of what the server understood, then the import itself.
 */
import type { ImportPreview } from '../../api/contract';
import { button, h, radioGroup, replaceChildren, submit, textAreaField, uid } from '../dom';
import { actionForm, runAction } from '../form';
import { showError } from '../ui';
import { type Panel, shell } from './panel';

const PREVIEW_ROWS = 20;

/** Reads a file as text; exports from older tools are often Windows-1252 rather than UTF-8. */
export function readFileText(file: Blob): Promise<string> {
  const read = (encoding: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
      reader.onerror = () => reject(reader.error ?? new Error('lecture impossible'));
      reader.readAsText(file, encoding);
    });
  return read('utf-8').then((text) => (text.includes('\uFFFD') ? read('windows-1252') : text));
}

function previewView(p: ImportPreview): HTMLElement {
  const statusClass = (s: string): string =>
    s === 'erreur' ? 'stopped' : s === 'inchangé' ? 'muted' : '';
  return h(
    'div',
    { class: 'preview' },
    h(
      'p',
      { class: 'count' },
      [`Nouveaux : ${p.created}`, `mis à jour : ${p.updated}`, `en erreur : ${p.errors}`].join(
        ' · ',
      ),
    ),
    h('h3', {}, 'Colonnes reconnues'),
    p.columns.length === 0
      ? h('p', { class: 'empty' }, 'Aucune colonne reconnue.')
      : h(
          'ul',
          { class: 'columns' },
          ...p.columns.map((c) => h('li', {}, `${c.header} → ${c.field}`)),
        ),
    h('h3', {}, 'Premières lignes'),
    h(
      'ul',
      { class: 'stage-list compact' },
      ...p.rows
        .slice(0, PREVIEW_ROWS)
        .map((r) =>
          h(
            'li',
            {},
            h(
              'div',
              {},
              Object.values(r.values).filter(Boolean).slice(0, 3).join(' · ') || '(ligne vide)',
            ),
            h('div', { class: statusClass(r.status) }, r.status, r.error ? ` : ${r.error}` : ''),
          ),
        ),
    ),
    p.rows.length > PREVIEW_ROWS
      ? h('p', { class: 'muted' }, `… et ${p.rows.length - PREVIEW_ROWS} autres lignes`)
      : null,
  );
}

export function importPanel(): Panel {
  const { root, heading } = shell('import', 'Importer');
  const kind = radioGroup<'students' | 'companies'>(
    'Données à importer',
    'kind',
    [
      { value: 'students', label: 'Élèves' },
      { value: 'companies', label: 'Entreprises' },
    ],
    'students',
  );
  const fileId = uid('file');
  const file = h('input', {
    type: 'file',
    id: fileId,
    accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain',
  });
  const fileRoot = h(
    'div',
    { class: 'field' },
    h('label', { for: fileId }, 'Fichier CSV ou TSV'),
    file,
  );
  const text = textAreaField(
    'Ou collez le texte (avec la ligne des titres de colonnes)',
    'text',
    6,
  );
  const result = h('div', { 'aria-live': 'polite' });

  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    readFileText(f).then(
      (t) => (text.control.value = t),
      () => showError(`Le fichier ${f.name} n'a pas pu être lu.`),
    );
  });

  const input = (): { kind: 'students' | 'companies'; text: string } => ({
    kind: kind.value(),
    text: text.control.value,
  });
  const hasText = (): boolean => {
    if (text.control.value.trim()) return true;
    showError('Choisissez un fichier ou collez le texte à importer.');
    text.control.focus();
    return false;
  };

  const show = (p: ImportPreview): void => replaceChildren(result, previewView(p));
  const f: HTMLFormElement = actionForm(
    'Importer',
    { action: 'apiPreviewImport', input: () => (hasText() ? input() : null), done: show },
    kind.root,
    fileRoot,
    text.root,
    h(
      'div',
      { class: 'buttons' },
      submit('Aperçu'),
      button('Importer', () => {
        if (!hasText()) return;
        void runAction(f, 'apiApplyImport', input()).then((p) => {
          if (p) show(p);
        });
      }),
    ),
  );
  root.append(f, result);
  return { root, heading };
}
