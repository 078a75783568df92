/**
 * The fiche's « Documents » tab (issue 11): each document of the selected stage with its status
 * and the steps recorded, the next step as one form (its date empty for today), the link to the
 * file and to the signed copy, « Joindre la copie signée » and « Annuler le document ». Every
 * answer brings the document's new row: the list is redrawn from it, nothing is read again.
 * A stage without a convention may take a blank convention waiting for its session.
 */
import type { RegisterDocumentView, StageDocumentsView, StageView } from '../../api/contract';
import { callServer } from '../api';
import { button, dateField, h, replaceChildren, selectField, submit } from '../dom';
import { frDate } from '../format';
import { actionForm, runAction } from '../form';
import { showError } from '../ui';

/** Sizes the sidebar refuses before sending (the server checks again). */
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'application/pdf,image/*';

export interface StageDocumentsTab {
  root: HTMLElement;
  show(stage: StageView | null): void;
  refresh(): void;
}

const ref = (d: RegisterDocumentView) => ({
  documentId: d.id,
  row: d.row,
  fingerprint: d.fingerprint,
});

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('read'));
    reader.readAsDataURL(file);
  });
}

function openLink(url: string, text: string): HTMLElement | null {
  return /^https:\/\//.test(url)
    ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text)
    : null;
}

/** Kinds said « généré » (the others are feminine: convention, attestation de stage). */
const MASCULINE: ReadonlySet<string> = new Set([
  'Avenant',
  'Accord préalable',
  'Compte rendu de visite',
]);

/** The copies, in the register's order, as the « Quels exemplaires » choice names them. */
const COPIES: readonly { step: string; label: string }[] = [
  { step: 'companyCopy', label: 'L’exemplaire de l’entreprise' },
  { step: 'studentCopy', label: 'L’exemplaire du stagiaire' },
  { step: 'referentCopy', label: 'L’exemplaire du référent' },
];

/**
 * « Exemplaires remis le »: all the copies left at once, or one of them (they may be handed on
 * different days; the document is « Complète » with the last). The step to send, and what to
 * show: the choice, or which copy is the last one left.
 */
function copiesChoice(d: RegisterDocumentView): { root: HTMLElement; step(): string } {
  const handed = new Set(d.steps.map((s) => s.step));
  const left = COPIES.filter((c) => !handed.has(c.step));
  if (left.length < 2)
    return {
      root: h(
        'p',
        { class: 'muted' },
        `Reste à remettre : ${left[0]?.label.toLowerCase() ?? '—'}.`,
      ),
      step: () => 'copies',
    };
  const all = left.length === 3 ? 'Les trois exemplaires' : 'Les deux exemplaires restants';
  const choice = selectField('Quels exemplaires', 'step', [
    { value: 'copies', label: all },
    ...left.map((c) => ({ value: c.step, label: c.label })),
  ]);
  return { root: choice.root, step: () => choice.control.value || 'copies' };
}

/** Cancelled or replaced: listed apart, below the documents that count. */
const isGone = (d: RegisterDocumentView): boolean =>
  d.status === 'Annulée' || d.status === 'Remplacée';

/** Newest first: by generation day, then by register row (made later, written lower). */
const newestFirst = (a: RegisterDocumentView, b: RegisterDocumentView): number =>
  b.generatedOn.localeCompare(a.generatedOn) || b.row - a.row;

export function stageDocumentsTab(): StageDocumentsTab {
  const line = h('p', { class: 'muted', 'aria-live': 'polite' });
  const list = h('div', { class: 'documents-of-stage' });
  let loadedFor = '';
  let docs: RegisterDocumentView[] = [];
  let blanks: RegisterDocumentView[] = [];

  const replace = (d: RegisterDocumentView, stageStatus: string): void => {
    docs = docs.map((x) => (x.id === d.id ? d : x));
    line.textContent = stageStatus;
    draw();
  };

  const item = (d: RegisterDocumentView): HTMLElement => {
    const title = `${d.kind} — ${d.status}`;
    const steps = d.steps.length
      ? h(
          'ul',
          { class: 'steps', 'aria-label': `Étapes enregistrées : ${d.kind.toLowerCase()}` },
          ...d.steps.map((s) => h('li', {}, `${s.label} ${frDate(s.on)}`)),
        )
      : null;
    const links = [
      openLink(d.link, 'Ouvrir le document'),
      openLink(d.signedCopy, 'Ouvrir la copie signée'),
    ]
      .filter((a): a is HTMLElement => a !== null)
      .flatMap((a, i) => (i > 0 ? [' · ', a] : [a]));
    const parts: (HTMLElement | null)[] = [
      h('div', { class: 'dates' }, h('strong', {}, title)),
      h(
        'div',
        { class: 'muted' },
        `${MASCULINE.has(d.kind) ? 'Généré' : 'Générée'} le ${d.generatedOn ? frDate(d.generatedOn) : '—'}`,
      ),
      steps,
      links.length ? h('div', {}, ...links) : null,
    ];
    if (d.next) {
      const date = dateField(d.nextLabel, 'date', 'Laissez vide pour aujourd’hui.');
      const copies = d.next === 'copies' ? copiesChoice(d) : null;
      parts.push(
        actionForm(
          `${d.kind} : étape suivante`,
          {
            action: 'apiRecordDocumentStep',
            input: () => ({
              ...ref(d),
              step: copies?.step() ?? d.next,
              date: date.control.value.trim(),
            }),
            done: (o) => replace(o.document, o.stageStatus),
          },
          copies?.root ?? null,
          date.root,
          h('div', { class: 'buttons' }, submit('Enregistrer l’étape')),
        ),
      );
    }
    if (d.status !== 'Annulée' && d.status !== 'Remplacée') {
      const file = h('input', { type: 'file', accept: ACCEPT });
      const fileId = `${d.id}-scan`;
      file.id = fileId;
      file.dataset.field = 'file';
      const group = h('div', { class: 'field' });
      const attach = button('Joindre la copie signée', () => {
        const f = file.files?.[0];
        if (!f) return void showError('Choisissez le fichier scanné (PDF ou image).');
        if (f.size > MAX_BYTES) return void showError('Le fichier dépasse 10 Mo.');
        void readAsBase64(f).then((base64) =>
          runAction(group, 'apiAttachSignedCopy', {
            ...ref(d),
            fileName: f.name,
            mimeType: f.type,
            base64,
          }).then((o) => {
            if (o) replace(o.document, o.stageStatus);
          }),
        );
      });
      group.append(
        h('label', { for: fileId }, 'Copie signée (PDF ou image, 10 Mo au plus)'),
        file,
        attach,
      );
      parts.push(group);
      if (d.status !== 'Complète') parts.push(cancelControl(d));
    }
    return h('li', { 'data-document': d.id }, ...parts);
  };

  /**
   * « Rattacher une convention vierge »: a stage without a convention takes one of the blank
   * conventions the server offers for it (regularised as from « Conventions à relancer »).
   */
  const attachBlank = (): HTMLElement | null => {
    if (blanks.length === 0) return null;
    const stageId = loadedFor;
    const which = selectField(
      'Convention vierge à rattacher',
      'documentId',
      blanks.map((b) => ({
        value: b.id,
        label: `${b.name}${b.generatedOn ? ` (faite le ${frDate(b.generatedOn)})` : ''}`,
      })),
    );
    return actionForm(
      'Rattacher une convention vierge',
      {
        action: 'apiRegulariseBlank',
        input: () => {
          const b = blanks.find((x) => x.id === which.control.value) ?? blanks[0]!;
          return { ...ref(b), stageId };
        },
        done: (o) => {
          if (loadedFor !== stageId) return;
          docs = [...docs, o.document];
          blanks = [];
          line.textContent = o.stageStatus;
          draw();
        },
      },
      h('p', { class: 'muted' }, 'Une convention vierge faite en urgence attend son stage.'),
      which.root,
      h('div', { class: 'buttons' }, submit('Rattacher une convention vierge')),
    );
  };

  /**
   * « Annuler le document » asks first: a cancelled document is never signed again, and one
   * click beside « Joindre la copie signée » must not do it.
   */
  const cancelControl = (d: RegisterDocumentView): HTMLElement => {
    const what = d.kind.toLowerCase();
    const box = h('div', {});
    const ask = button(
      'Annuler le document',
      () => {
        const confirm = h(
          'div',
          { role: 'group', 'aria-label': `Annuler le document : ${what}` },
          h(
            'p',
            { class: 'warning' },
            what === 'convention'
              ? 'Annuler cette convention ? Elle ne pourra plus être signée ; le stage pourra en recevoir une nouvelle.'
              : `Annuler ce document (${what}) ? Il ne pourra plus être signé.`,
          ),
          h(
            'div',
            { class: 'buttons' },
            button(
              'Confirmer l’annulation',
              () =>
                void runAction(confirm, 'apiCancelDocument', {
                  ...ref(d),
                  step: 'cancel',
                  date: '',
                }).then((o) => {
                  if (o) replace(o.document, o.stageStatus);
                }),
              'primary',
            ),
            button('Ne pas annuler', () => replaceChildren(box, ask), 'link'),
          ),
        );
        replaceChildren(box, confirm);
        confirm.querySelector('button')?.focus();
      },
      'link',
    );
    ask.setAttribute('aria-label', `Annuler le document : ${what}`);
    box.append(ask);
    return box;
  };

  const draw = (): void => {
    const offer = attachBlank();
    if (docs.length === 0)
      return void replaceChildren(
        list,
        h('p', { class: 'empty' }, 'Aucun document généré pour ce stage.'),
        offer,
      );
    // The documents that count first, those cancelled or replaced below them: the register
    // keeps them in their order of generation, the oldest (often cancelled) first.
    const current = docs.filter((d) => !isGone(d)).sort(newestFirst);
    const gone = docs.filter(isGone).sort(newestFirst);
    replaceChildren(
      list,
      current.length
        ? h('ul', { class: 'stage-list', 'aria-label': 'Documents du stage' }, ...current.map(item))
        : h('p', { class: 'empty' }, 'Aucun document en cours pour ce stage.'),
      offer,
      gone.length ? h('h4', {}, 'Documents annulés ou remplacés') : null,
      gone.length
        ? h(
            'ul',
            { class: 'stage-list past', 'aria-label': 'Documents annulés ou remplacés' },
            ...gone.map(item),
          )
        : null,
    );
  };

  const load = async (stageId: string, stageRow?: number): Promise<void> => {
    loadedFor = stageId;
    docs = [];
    blanks = [];
    line.textContent = '';
    if (!stageId) return void replaceChildren(list);
    let v: StageDocumentsView;
    try {
      const r = await callServer('apiStageDocuments', stageId, stageRow);
      if (!r.ok) return void showError(r.error);
      v = r.value;
    } catch {
      return;
    }
    if (loadedFor !== stageId) return;
    docs = v.documents;
    blanks = v.blanks;
    line.textContent = v.stageStatus;
    draw();
  };

  let wanted: StageView | null = null;
  const root = h('div', {}, line, list);
  const tab: StageDocumentsTab = {
    root,
    refresh: () => {
      loadedFor = '';
      tab.show(wanted);
    },
    show(stage) {
      // A new selection object for the same stage: it was read again (« Recharger » after a
      // conflict, someone else's change): so are its documents.
      const again = stage !== wanted;
      wanted = stage;
      // Read only while the tab is on screen (each read is a server execution).
      if (!root.isConnected || root.closest('[hidden]')) return;
      const id = stage?.id ?? '';
      if (id !== loadedFor || (again && id !== '')) void load(id, stage?.row);
    },
  };
  return tab;
}
