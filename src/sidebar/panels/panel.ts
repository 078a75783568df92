/** What every panel of the sidebar is, and the pieces they share. */
import type { SidebarView, StageView } from '../../api/contract';
import { button, h, replaceChildren, uid } from '../dom';
import { frRange } from '../format';
import { announce } from '../ui';
import { currentSelection, onSelection } from '../store';

export interface PanelContext {
  navigate(view: SidebarView): void;
}

/** What a view of the registry (`../views.ts`) shows. */
export interface Panel {
  root: HTMLElement;
  /** Receives the focus when the panel is shown, so keyboard users land at its top. */
  heading: HTMLElement;
  /** Called each time the panel becomes visible. */
  show?(): void;
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

/**
 * The stage a form acts on (the row under the sheet's cursor), kept up to date, or the empty
 * state text when there is none.
 */
export function stageContext(): HTMLElement {
  const box = h('div', { class: 'stage-context' });
  const render = (stage: StageView | null): void => {
    if (!stage) {
      replaceChildren(box, h('p', { class: 'empty' }, EMPTY_STAGE));
      return;
    }
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
    );
  };
  let shownId = currentSelection().stage?.id ?? '';
  render(currentSelection().stage);
  onSelection((sel) => {
    render(sel.stage);
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
