/** What every panel of the sidebar is, and the pieces they share. */
import type {
  SelectedStage,
  SidebarSection,
  SidebarView,
  StageSelection,
} from '../../api/contract';
import { button, h, replaceChildren, uid } from '../dom';
import { frRange } from '../format';
import { announce } from '../ui';
import { currentSelection, onSelection } from '../store';

export interface PanelContext {
  /** Shows `view`, on `section` of it when given (the panel then focuses that section). */
  navigate(view: SidebarView, section?: SidebarSection): void;
}

/** What a view of the registry (`../views.ts`) shows. */
export interface Panel {
  root: HTMLElement;
  /** Receives the focus when the panel is shown, so keyboard users land at its top. */
  heading: HTMLElement;
  /** Called each time the panel becomes visible; `section`: the part asked for, if any. */
  show?(section?: SidebarSection): void;
}

export function shell(
  view: SidebarView,
  title: string,
): { root: HTMLElement; heading: HTMLElement } {
  const headingId = uid(`h-${view}`);
  const heading = h('h2', { id: headingId, tabindex: -1 }, title);
  const root = h(
    'section',
    { class: 'panel', 'aria-labelledby': headingId, 'data-view': view },
    heading,
  );
  return { root, heading };
}

export const EMPTY_STAGE = 'Sélectionnez une ligne de la feuille Stages.';

/** "ACAR Laurie (ligne 5, 01/02/2023 – 31/03/2023)": a selected row as the user finds it. */
export function rowLabel(s: Pick<SelectedStage, 'student' | 'row' | 'start' | 'end'>): string {
  return `${s.student || 'Stage sans élève'} (ligne ${s.row}, ${frRange(s.start, s.end)})`;
}

/** How many stage rows are selected in the sheet (the active row among them). */
export function selectedCount(sel: StageSelection): number {
  return sel.selectedIds.length;
}

/**
 * With several rows selected, an action on one stage says which: the active row (the one under
 * the sheet's cursor). '' when one row or none is selected.
 */
export function activeRowNote(sel: StageSelection): string {
  const n = selectedCount(sel);
  if (n < 2 || !sel.stage) return '';
  return (
    `${n} lignes sont sélectionnées : cette action ne porte que sur la ligne active, ` +
    `${rowLabel(sel.stage)}.`
  );
}

/**
 * The stage a form acts on (the row under the sheet's cursor), kept up to date, or the empty
 * state text when there is none. With several rows selected it says the form acts on that row
 * only, unless `actsOnAll` (the panel then shows the rows itself).
 */
export function stageContext(opts: { actsOnAll?: boolean } = {}): HTMLElement {
  const box = h('div', { class: 'stage-context' });
  const render = (sel: StageSelection): void => {
    const stage = sel.stage;
    if (!stage) {
      replaceChildren(box, h('p', { class: 'empty' }, EMPTY_STAGE));
      return;
    }
    const note = opts.actsOnAll ? '' : activeRowNote(sel);
    replaceChildren(
      box,
      h(
        'div',
        { class: 'who' },
        stage.student,
        stage.className ? h('span', { class: 'muted' }, ` · ${stage.className}`) : null,
      ),
      h('div', { class: 'muted' }, `${stage.session} · ${frRange(stage.start, stage.end)}`),
      stage.stoppedOn ? h('div', { class: 'stopped' }, 'Stage arrêté') : null,
      note ? h('p', { class: 'note', role: 'note' }, note) : null,
    );
  };
  let shownId = currentSelection().stage?.id ?? '';
  render(currentSelection());
  onSelection((sel) => {
    render(sel);
    const id = sel.stage?.id ?? '';
    // Leaving the Stages sheet selects no stage: the form stays for when the user comes back.
    if (id === '' || id === shownId) return;
    shownId = id;
    // A form typed for one stage must never be sent for another: the row changed, so the
    // forms of this screen start again empty.
    const forms = box.parentElement?.querySelectorAll('form') ?? [];
    let typed = false;
    forms.forEach((f) => {
      typed ||= [
        ...f.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type=text], textarea'),
      ].some((i) => i.value.trim() !== '');
      f.reset();
    });
    if (typed && sel.stage)
      announce(`Autre ligne sélectionnée : le formulaire est vidé pour ${sel.stage.student}.`);
  });
  return box;
}

export function backButton(ctx: PanelContext): HTMLButtonElement {
  return button('← Retour à la fiche', () => ctx.navigate('fiche'), 'link');
}
