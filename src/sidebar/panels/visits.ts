/**
 * The fiche's "Visites" tab: the follow-up visits of the selected stage (seed 004, step 4), each
 * with its teacher and comment, and the form recording a new one. The stage's visit count is the
 * sheet's own formula: after a change the selection is re-read (applyOutcome) and the fiche follows.
 */
import type { ReferenceData, StageView, VisitView } from '../../api/contract';
import { callServer } from '../api';
import {
  button,
  dateField,
  h,
  replaceChildren,
  selectField,
  setOptions,
  submit,
  textAreaField,
} from '../dom';
import { frDate } from '../format';
import { runAction, stageForm } from '../form';
import { currentReference, currentSelection, onReference } from '../store';

function describe(v: VisitView): string {
  return `${v.done ? 'Visite du' : 'Visite prévue le'} ${frDate(v.date)} · ${v.staff || 'enseignant inconnu'}`;
}

export interface VisitsView {
  root: HTMLElement;
  /** Shows the visits of `stage` (re-read from the server when the stage changes or `force`). */
  show(stage: StageView | null, force?: boolean): void;
}

export function visitsView(): VisitsView {
  const list = h('div', { class: 'visits', 'aria-live': 'polite' });
  let loadedFor = '';

  const load = async (stageId: string): Promise<void> => {
    loadedFor = stageId;
    if (!stageId) return void replaceChildren(list);
    let items: VisitView[];
    try {
      items = await callServer('apiListVisits', stageId);
    } catch {
      return;
    }
    if (loadedFor !== stageId) return;
    if (items.length === 0)
      return void replaceChildren(list, h('p', { class: 'empty' }, 'Aucune visite enregistrée.'));
    replaceChildren(
      list,
      h(
        'ul',
        { class: 'stage-list', 'aria-label': 'Visites du stage' },
        ...items.map((v) => {
          const del = button(
            'Supprimer',
            () => {
              void runAction(list, 'apiRemoveVisit', { visitId: v.id }).then(() => load(stageId));
            },
            'link',
          );
          del.setAttribute('aria-label', `Supprimer la visite du ${frDate(v.date)}`);
          return h(
            'li',
            {},
            h('div', { class: 'dates' }, describe(v)),
            v.comment ? h('div', { class: 'visit-comment' }, v.comment) : null,
            del,
          );
        }),
      ),
    );
  };

  const date = dateField('Date de la visite', 'date', 'Avant, pendant ou après le stage.');
  const teacher = selectField('Enseignant', 'staffId');
  const comment = textAreaField('Commentaire', 'comment', 4);
  comment.control.maxLength = 2000;

  // The stage's referent is the likely visitor: offered first when no teacher is chosen.
  const preferReferent = (): void => {
    const referentId = currentSelection().stage?.referentId ?? '';
    if (teacher.control.value !== '' || referentId === '') return;
    teacher.control.value = referentId;
    if (teacher.control.value !== referentId) teacher.control.value = '';
  };
  const fillTeachers = (ref: ReferenceData | null): void => {
    setOptions(teacher.control, [
      { value: '', label: '— Choisir un enseignant —' },
      ...(ref?.staff ?? []).map((s) => ({ value: s.id, label: s.label })),
    ]);
    preferReferent();
  };
  fillTeachers(currentReference());
  onReference(fillTeachers);

  const addForm = stageForm(
    'Enregistrer une visite',
    {
      action: 'apiAddVisit',
      input: (stage) => ({
        stageId: stage.id,
        date: date.control.value.trim(),
        staffId: teacher.control.value,
        comment: comment.control.value,
      }),
      reset: [date, comment],
      done: (_added, input) => load(input.stageId),
    },
    h('h3', {}, 'Enregistrer une visite'),
    date.root,
    teacher.root,
    comment.root,
    h('div', { class: 'buttons' }, submit('Enregistrer la visite')),
  );

  let teacherFor = '';
  return {
    root: h('div', {}, list, addForm),
    show(stage, force = false) {
      const id = stage?.id ?? '';
      if (id !== teacherFor) {
        teacherFor = id;
        teacher.control.value = '';
        preferReferent();
      }
      if (force || id !== loadedFor) void load(id);
    },
  };
}
