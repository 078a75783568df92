/**
 * The fiche's "Visites" tab: the follow-up visits of the selected stage (seed 004, step 4), each
 * with its teacher and comment, and the form recording a new one. The stage's visit count is the
 * sheet's own formula: an action returns the stage's new count with it (applyOutcome).
 */
import {
  MAX_VISIT_COMMENT_LENGTH,
  type ReferenceData,
  type StageView,
  VISIT_TYPES,
  type VisitType,
  type VisitView,
} from '../../api/contract';
import { callServer } from '../api';
import {
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
import { showLimit } from '../limit';
import { reportControl } from '../visitReport';
import { removeControl } from '../visitRemoval';
import { currentReference, currentSelection, onReference } from '../store';

const KIND: Record<VisitType, string> = { visite: 'Visite', appel: 'Appel', visio: 'Visio' };

function describe(v: VisitView): string {
  const kind = KIND[v.type ?? 'visite'];
  return `${kind} ${v.done ? 'du' : 'prévue le'} ${frDate(v.date)} · ${v.staff || 'enseignant inconnu'}`;
}

export interface VisitsView {
  root: HTMLElement;
  /**
   * Shows the visits of `stage`: read from the server when the stage changes, or when its
   * "Visites" count no longer matches the visits drawn (someone else recorded one).
   */
  show(stage: StageView | null): void;
  /** Shows the last stage asked for, now that the list is on screen. */
  refresh(): void;
}

export function visitsView(): VisitsView {
  const list = h('div', { class: 'visits', 'aria-live': 'polite' });
  let loadedFor = '';

  /** The visits drawn, for the stage `loadedFor`. */
  let current: VisitView[] = [];
  /** A visit is being recorded: its answer brings the list and the count together. */
  let changing = false;

  /** The shown stage's session asks for visit reports (Sessions « Compte rendu de visite »). */
  const reportsOn = (): boolean => {
    const sessionId = wanted?.sessionId ?? currentSelection().stage?.sessionId ?? '';
    return currentReference()?.sessions.find((s) => s.id === sessionId)?.visitReports === true;
  };

  const draw = (stageId: string, items: VisitView[]): void => {
    current = [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (current.length === 0)
      return void replaceChildren(list, h('p', { class: 'empty' }, 'Aucune visite enregistrée.'));
    replaceChildren(
      list,
      h(
        'ul',
        { class: 'stage-list', 'aria-label': 'Visites du stage' },
        ...current.map((v) => {
          // Only for whoever may delete it (the server says: mayRemove).
          const del = removeControl(v, (withReport) => {
            changing = true;
            void runAction(list, 'apiRemoveVisit', { visitId: v.id, withReport }).then(
              (removed) => {
                changing = false;
                if (removed && loadedFor === stageId)
                  draw(
                    stageId,
                    current.filter((x) => x.id !== v.id),
                  );
              },
            );
          });
          const report = reportControl(v, reportsOn(), list, (url) => {
            if (loadedFor === stageId)
              draw(
                stageId,
                current.map((x) => (x.id === v.id ? { ...x, report: url } : x)),
              );
          });
          return h(
            'li',
            {},
            h('div', { class: 'dates' }, describe(v)),
            v.comment ? h('div', { class: 'visit-comment' }, v.comment) : null,
            del,
            report,
          );
        }),
      ),
    );
  };

  const load = async (stageId: string): Promise<void> => {
    loadedFor = stageId;
    current = [];
    if (!stageId) return void replaceChildren(list);
    let items: VisitView[];
    try {
      items = await callServer('apiListVisits', stageId);
    } catch {
      return;
    }
    if (loadedFor !== stageId) return;
    draw(stageId, items);
  };

  const date = dateField('Date de la visite', 'date', 'Avant, pendant ou après le stage.');
  const teacher = selectField('Enseignant', 'staffId');
  const type = selectField(
    'Type',
    'type',
    VISIT_TYPES.map((t) => ({ value: t, label: KIND[t] })),
  );
  const comment = textAreaField('Commentaire', 'comment', 4);
  showLimit(comment, MAX_VISIT_COMMENT_LENGTH);

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
      input: (stage) => {
        // Until the answer is drawn, the stage's new count is ours: no reason to read again.
        changing = true;
        return {
          stageId: stage.id,
          date: date.control.value.trim(),
          staffId: teacher.control.value,
          comment: comment.control.value,
          type: type.control.value as VisitType,
        };
      },
      otherwise: () => {
        changing = false;
      },
      reset: [date, comment],
      // The new visit joins the list drawn: nothing is asked of the server again.
      done: (added, input) => {
        changing = false;
        if (loadedFor === input.stageId) draw(input.stageId, [...current, added.visit]);
      },
    },
    h('h3', {}, 'Enregistrer une visite'),
    date.root,
    teacher.root,
    type.root,
    comment.root,
    h('div', { class: 'buttons' }, submit('Enregistrer la visite')),
  );

  let teacherFor = '';
  let wanted: StageView | null = null;
  const root = h('div', {}, list, addForm);
  const view: VisitsView = {
    root,
    refresh: () => view.show(wanted),
    show(stage) {
      wanted = stage;
      // Read only while the list is on screen (each read is a server execution): the tab and
      // the fiche call refresh() when they show it.
      if (!root.isConnected || root.closest('[hidden]')) return;
      const id = stage?.id ?? '';
      if (id !== teacherFor) {
        teacherFor = id;
        teacher.control.value = '';
        preferReferent();
      }
      const counted = current.filter((v) => v.done).length;
      if (id !== loadedFor || (!changing && stage !== null && stage.visits !== counted))
        void load(id);
    },
  };
  return view;
}
