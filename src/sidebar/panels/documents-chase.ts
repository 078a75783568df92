/**
 * « Suivi des conventions » (issue 11): the conventions to chase — each with its prepared e-mail
 * (a mailto: link: the user's own mail opens, nothing is sent by the add-on) and « Relance
 * envoyée » to note the day —, the blank conventions to regularise, and the session's dashboard
 * (a small table and bars, and the printable sheet « Tableau de bord »).
 */
import {
  chaseCountText,
  type ChaseItem,
  type ChaseList,
  type DashboardView,
  type ReferenceData,
  type RegisterDocumentView,
  type StageChoice,
} from '../../api/contract';
import {
  button,
  h,
  replaceChildren,
  selectField,
  setOptions,
  submit,
  textField,
  uid,
} from '../dom';
import { callServer } from '../api';
import { frDate } from '../format';
import { actionForm, runAction } from '../form';
import { currentReference, onReference } from '../store';
import { sessionOptions } from './documents-generate';

const ref = (d: RegisterDocumentView) => ({
  documentId: d.id,
  row: d.row,
  fingerprint: d.fingerprint,
});

/** Past this many stages, a filter by name narrows the list (a select alone is long to scroll). */
const FILTER_FROM = 8;

/** Lower case without accents: « Émilie » is found by « emi ». */
const folded = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * « Stage à rattacher »: the stages the server says can take the blank convention, by student
 * (« ACAR Laurie – Entreprise – du 01/03 au 31/03 »); no one has to know a stage's ID.
 */
function stagePicker(choices: readonly StageChoice[]): { root: HTMLElement; value(): string } {
  const all = [
    { value: '', label: 'Choisissez l’élève…' },
    ...choices.map((c) => ({ value: c.stageId, label: c.label })),
  ];
  const select = selectField('Stage à rattacher', 'stageId', all);
  if (choices.length < FILTER_FROM) return { root: select.root, value: () => select.control.value };
  const filter = textField('Filtrer par nom', 'stageFilter', {
    hint: 'Les premières lettres du nom de l’élève ou de l’entreprise.',
  });
  filter.control.addEventListener('input', () => {
    const q = folded(filter.control.value.trim());
    const shown = q ? all.filter((o, i) => i === 0 || folded(o.label).includes(q)) : all;
    setOptions(select.control, shown);
    // One stage left: it is the one meant.
    if (shown.length === 2) select.control.value = shown[1]!.value;
  });
  return { root: h('div', {}, filter.root, select.root), value: () => select.control.value };
}

function dashboardView(v: DashboardView): HTMLElement {
  const pct = (n: number) => (v.stages > 0 ? Math.round((100 * n) / v.stages) : 0);
  return h(
    'table',
    { class: 'dashboard' },
    h('caption', {}, `${v.session} : ${v.stages} stage${v.stages > 1 ? 's' : ''}`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Conventions'),
        h('th', { scope: 'col' }, 'Nombre'),
        h('th', { scope: 'col' }, 'Part'),
      ),
    ),
    h(
      'tbody',
      {},
      ...v.counts.map((c) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, c.label),
          h('td', {}, String(c.count)),
          h(
            'td',
            {},
            h('meter', {
              min: 0,
              max: 100,
              value: pct(c.count),
              'aria-label': `${c.label} : ${pct(c.count)} %`,
            }),
            ` ${pct(c.count)} %`,
          ),
        ),
      ),
    ),
  );
}

export interface ChaseSection {
  root: HTMLElement;
  /** Receives the focus when the section is opened from elsewhere. */
  heading: HTMLElement;
  /** Lists the conventions to chase for the session chosen (all of them by default). */
  open(): void;
}

export function chaseSection(): ChaseSection {
  const headingId = uid('h-chase');
  const session = selectField('Session', 'sessionId');
  const fill = (r: ReferenceData | null) =>
    setOptions(session.control, sessionOptions(r, 'Toutes les sessions'));
  fill(currentReference());
  onReference(fill);
  const result = h('div', { 'aria-live': 'polite' });

  const chaseItem = (i: ChaseItem): HTMLElement => {
    const parts: (HTMLElement | null)[] = [
      h('div', { class: 'dates' }, `${i.student} · ${i.company || 'Sans entreprise'}`),
      h('div', { class: 'muted' }, i.reason),
    ];
    if (i.document?.remindedOn)
      parts.push(h('div', { class: 'muted' }, `Relancée le ${frDate(i.document.remindedOn)}`));
    // Its own line: « Relance envoyée » below must not read as the link's last words.
    if (i.mailto)
      parts.push(
        h(
          'div',
          {},
          h(
            'a',
            { href: i.mailto, target: '_blank', rel: 'noopener noreferrer' },
            `Préparer l’e-mail pour ${i.addressee}`,
          ),
        ),
      );
    else
      parts.push(h('div', { class: 'warning' }, 'Ni le tuteur ni l’élève n’ont d’adresse e-mail.'));
    const d = i.document;
    if (d) {
      const noted = button(
        'Relance envoyée',
        () =>
          void runAction(result, 'apiRecordReminder', {
            ...ref(d),
            step: 'reminder',
            date: '',
          }).then((o) => {
            if (o) i.document = o.document;
            if (o) replaceChildren(li, chaseItem(i));
          }),
        'link',
      );
      noted.setAttribute('aria-label', `Relance envoyée : ${i.student}`);
      parts.push(noted);
    }
    const li = h('li', {}, ...parts);
    return li;
  };

  const blankItem = (d: RegisterDocumentView, choices: readonly StageChoice[]): HTMLElement => {
    const title = h('div', { class: 'dates' }, d.name);
    if (choices.length === 0)
      return h(
        'li',
        {},
        title,
        h('div', { class: 'muted' }, 'Aucun stage de sa session n’attend de convention.'),
      );
    const picker = stagePicker(choices);
    return h(
      'li',
      {},
      title,
      actionForm(
        `Régulariser ${d.name}`,
        {
          action: 'apiRegulariseBlank',
          input: () => ({ ...ref(d), stageId: picker.value() }),
          // Read again quietly: the status line keeps saying the blank was regularised.
          done: () => void refresh(),
        },
        picker.root,
        h('div', { class: 'buttons' }, submit('Régulariser')),
      ),
    );
  };

  const show = (l: ChaseList): void => {
    replaceChildren(
      result,
      h(
        'p',
        { class: 'count' },
        chaseCountText(l.items.length, l.items.filter((i) => i.kind === 'overdue').length).replace(
          /^./,
          (c) => c.toUpperCase(),
        ),
      ),
      h(
        'p',
        { class: 'muted' },
        `Envoyées depuis ${l.afterDays} jours sans retour, ou stage dans les ${l.withinDays} jours sans convention complète.`,
      ),
      l.items.length
        ? h(
            'ul',
            { class: 'stage-list', 'aria-label': 'Conventions à relancer' },
            ...l.items.map(chaseItem),
          )
        : null,
      l.blanks.length ? h('h4', {}, 'Conventions vierges à régulariser') : null,
      l.blanks.length
        ? h(
            'ul',
            { class: 'stage-list', 'aria-label': 'Conventions vierges à régulariser' },
            ...l.blanks.map((d) =>
              blankItem(
                d,
                (l.candidates[d.id] ?? []).flatMap((i) => l.stageChoices[i] ?? []),
              ),
            ),
          )
        : null,
    );
  };

  const form = actionForm(
    'Conventions à relancer',
    { action: 'apiConventionsToChase', input: () => session.control.value, done: show },
    session.root,
    h('div', { class: 'buttons' }, submit('Voir les conventions à relancer')),
  );
  async function refresh(): Promise<void> {
    try {
      const r = await callServer('apiConventionsToChase', session.control.value);
      if (r.ok) show(r.value);
    } catch {
      // The failure has its banner already.
    }
  }

  const board = h('div', { 'aria-live': 'polite' });
  const dashboard = (print: boolean): void => {
    if (!session.control.value) {
      replaceChildren(
        board,
        h('p', { class: 'warning' }, 'Choisissez une session pour son tableau de bord.'),
      );
      return;
    }
    void runAction(board, 'apiDocumentsDashboard', {
      sessionId: session.control.value,
      print,
    }).then((v) => {
      if (v) replaceChildren(board, dashboardView(v));
    });
  };

  const heading = h('h3', { id: headingId, tabindex: -1 }, 'Suivi des conventions');
  const root = h(
    'section',
    { 'aria-labelledby': headingId },
    heading,
    form,
    result,
    h(
      'div',
      { class: 'buttons' },
      button('Tableau de bord', () => dashboard(false)),
      button('Imprimer le tableau de bord', () => dashboard(true)),
    ),
    board,
  );
  // Through the form, as a click on its button: the same « busy » state and failure banner.
  return { root, heading, open: () => form.requestSubmit() };
}
