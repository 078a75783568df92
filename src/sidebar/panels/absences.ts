/** "Absences…": the selected stage's absences, adding and deleting them, and the plannings. */
import type { AbsenceView, StageSelection } from '../../api/contract';
import { callServer } from '../api';
import { button, checkbox, dateField, h, replaceChildren, submit, textField } from '../dom';
import { frDate } from '../format';
import { runAction, stageForm } from '../form';
import { currentSelection, onSelection } from '../store';
import { showError } from '../ui';
import {
  backButton,
  EMPTY_STAGE,
  type Panel,
  type PanelContext,
  shell,
  stageContext,
} from './panel';

function describe(a: AbsenceView): string {
  const dates =
    a.start === a.end ? `Le ${frDate(a.start)}` : `Du ${frDate(a.start)} au ${frDate(a.end)}`;
  const tags = [
    a.halfDay ? 'demi-journée' : '',
    a.justified ? 'justifiée' : 'non justifiée',
    a.countsAsPresence ? 'congé prévu par la convention' : '',
  ].filter(Boolean);
  return `${dates} · ${tags.join(' · ')}`;
}

export function absencesPanel(ctx: PanelContext): Panel {
  const { root, heading } = shell('absences', 'Absences');
  const list = h('div', { class: 'absences', 'aria-live': 'polite' });
  let loadedFor = '';

  /** The absences drawn, for the stage `loadedFor`. */
  let current: AbsenceView[] = [];

  const draw = (stageId: string, items: AbsenceView[]): void => {
    current = [...items].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    if (current.length === 0)
      return void replaceChildren(list, h('p', { class: 'empty' }, 'Aucune absence enregistrée.'));
    replaceChildren(
      list,
      h(
        'ul',
        { class: 'stage-list', 'aria-label': 'Absences du stage' },
        ...current.map((a) =>
          h(
            'li',
            {},
            h('div', {}, describe(a)),
            a.reason ? h('div', { class: 'muted' }, a.reason) : null,
            (() => {
              const del = button(
                'Supprimer',
                () => {
                  void runAction(list, 'apiRemoveAbsence', { absenceId: a.id }).then((removed) => {
                    if (removed && loadedFor === stageId)
                      draw(
                        stageId,
                        current.filter((x) => x.id !== a.id),
                      );
                  });
                },
                'link',
              );
              del.setAttribute('aria-label', `Supprimer l'absence : ${describe(a)}`);
              return del;
            })(),
          ),
        ),
      ),
    );
  };

  const load = async (stageId: string): Promise<void> => {
    loadedFor = stageId;
    current = [];
    if (!stageId) return void replaceChildren(list);
    let items: AbsenceView[];
    try {
      items = await callServer('apiListAbsences', stageId);
    } catch {
      return;
    }
    if (loadedFor !== stageId) return;
    draw(stageId, items);
  };

  const start = dateField('Du', 'start');
  const end = dateField('Au', 'end', 'Vide : une seule journée.');
  const halfDay = checkbox('Demi-journée', 'halfDay');
  const reason = textField('Motif', 'reason');
  // The server refuses more than 500 characters: stop the typing there.
  reason.control.maxLength = 500;
  const justified = checkbox('Justifiée', 'justified');
  const leave = checkbox('Congé prévu par la convention', 'countsAsPresence');

  const addForm = stageForm(
    'Ajouter une absence',
    {
      action: 'apiAddAbsence',
      input: (stage) => {
        const startText = start.control.value.trim();
        return {
          stageId: stage.id,
          start: startText,
          end: end.control.value.trim() || startText,
          halfDay: halfDay.control.checked,
          reason: reason.control.value.trim(),
          justified: justified.control.checked,
          countsAsPresence: leave.control.checked,
        };
      },
      reset: [start, end, reason, halfDay, justified, leave],
      // The new absence joins the list drawn: nothing is asked of the server again.
      done: (added, input) => {
        if (loadedFor === input.stageId) draw(input.stageId, [...current, added.absence]);
      },
    },
    h('h3', {}, 'Ajouter une absence'),
    start.root,
    end.root,
    halfDay.root,
    reason.root,
    justified.root,
    leave.root,
    h('div', { class: 'buttons' }, submit("Ajouter l'absence")),
  );

  const plannings = h(
    'div',
    { class: 'actions', role: 'group', 'aria-label': 'Plannings' },
    button('Calendrier', () => {
      const stage = currentSelection().stage;
      if (!stage) return void showError(EMPTY_STAGE);
      void runAction(plannings, 'apiRenderCalendar', { stageId: stage.id });
    }),
    button("Vue d'ensemble", () => {
      const stage = currentSelection().stage;
      if (!stage) return void showError(EMPTY_STAGE);
      void runAction(plannings, 'apiRenderOverview', { sessionId: stage.sessionId });
    }),
  );

  const body = h('div', {}, list, addForm, h('h3', {}, 'Plannings'), plannings);
  const render = (sel: StageSelection): void => {
    body.hidden = !sel.stage;
    const id = sel.stage?.id ?? '';
    // Read only while the panel is on screen (each read is a server execution); show() reads
    // when the user comes to it.
    if (root.isConnected && id !== loadedFor) void load(id);
  };
  root.append(stageContext(), body, backButton(ctx));
  onSelection(render);
  return {
    root,
    heading,
    show: () => {
      const sel = currentSelection();
      body.hidden = !sel.stage;
      void load(sel.stage?.id ?? '');
    },
  };
}
