/**
 * "Nouvelle session" / "Modifier la session", then "Sélection des élèves": the table
 * Classe / Nb élèves / Total of the seed, a checkbox per class and per student.
 */
import {
  type AssignmentView,
  MAX_EXPECTED_VISITS,
  type ReferenceData,
  SESSION_TYPES,
  type SessionView,
} from '../../api/contract';
import { callServer } from '../api';
import {
  button,
  checkbox,
  dateField,
  fieldsetWithError,
  h,
  replaceChildren,
  selectField,
  setOptions,
  submit,
  textAreaField,
  textField,
  uid,
} from '../dom';
import { frDate } from '../format';
import { actionForm, runAction } from '../form';
import { currentReference, onReference } from '../store';
import { showError } from '../ui';
import { type Panel, shell } from './panel';
import { sessionLabel } from './gestion';

interface PeriodRow {
  root: HTMLElement;
  legend: HTMLLegendElement;
  start: HTMLInputElement;
  end: HTMLInputElement;
}

/**
 * "Type de session": one of the list (it will choose the convention template). A type typed
 * before the list existed is still shown, marked as to be replaced: the server saves only a
 * type of the list.
 */
function sessionTypeField(): ReturnType<typeof selectField> & { set(value: string): void } {
  const listed = (): { value: string; label: string }[] => [
    { value: '', label: '— Choisir le type —' },
    ...SESSION_TYPES.map((t) => ({ value: t, label: t })),
  ];
  const f = selectField('Type de session', 'type', listed());
  f.control.setAttribute('required', '');
  const set = (value: string): void => {
    const known = value === '' || (SESSION_TYPES as readonly string[]).includes(value);
    setOptions(
      f.control,
      known ? listed() : [...listed(), { value, label: `${value} (ancien type, à remplacer)` }],
    );
    f.control.value = value;
  };
  return { ...f, set };
}

export function sessionPanel(): Panel {
  const { root, heading } = shell('session', 'Session de stage');

  const chooser = selectField('Session', 'chooseSession');
  const formTitle = h('h3', {}, 'Nouvelle session');
  const title = textField('Intitulé', 'title');
  const type = sessionTypeField();
  const schoolYear = textField('Année scolaire', 'schoolYear', { placeholder: 'aaaa-aaaa' });
  const diploma = textField('Diplôme préparé', 'diploma');
  const editionLabel = textField('Libellé édition', 'editionLabel');
  const objectives = textAreaField('Objectifs pédagogiques', 'objectives');
  // The follow-up of the session's stages (README « Suivi des visites »), judged by the server.
  const expectedVisits = textField('Visites attendues', 'expectedVisits', {
    placeholder: '1',
    hint: `Visites de suivi par stage, de 0 à ${MAX_EXPECTED_VISITS} (vide : 1).`,
  });
  expectedVisits.control.inputMode = 'numeric';
  const visitReports = checkbox(
    'Compte rendu de visite (un document Google pour chaque visite)',
    'visitReports',
  );

  const periodsBox = fieldsetWithError('Périodes', 'periods', 'group');
  const periodsError = periodsBox.lastElementChild as HTMLElement;
  const periodList = h('div', {});
  const rows: PeriodRow[] = [];
  const renumber = (): void => {
    rows.forEach((r, i) => {
      const n = i + 1;
      r.legend.textContent = `Période ${n}`;
      r.start.dataset.field = `periods.${i}.start`;
      r.end.dataset.field = `periods.${i}.end`;
      const del = r.root.querySelector<HTMLButtonElement>('button');
      if (del) {
        del.setAttribute('aria-label', `Supprimer la période ${n}`);
        del.disabled = rows.length === 1;
      }
    });
  };
  const addPeriod = (start = '', end = '', focus = false): void => {
    const s = dateField('Du', 'periodStart');
    const e = dateField('Au', 'periodEnd');
    s.control.value = start;
    e.control.value = end;
    const legend = h('legend', {}, '');
    const row: PeriodRow = {
      root: h('fieldset', { class: 'group inline period' }),
      legend,
      start: s.control,
      end: e.control,
    };
    const del = button(
      'Supprimer',
      () => {
        const i = rows.indexOf(row);
        if (i >= 0) rows.splice(i, 1);
        row.root.remove();
        renumber();
        addButton.focus();
      },
      'link',
    );
    row.root.append(legend, s.root, e.root, del);
    rows.push(row);
    periodList.appendChild(row.root);
    renumber();
    if (focus) s.control.focus();
  };
  const addButton = button('Ajouter une période', () => addPeriod('', '', true));
  periodsBox.insertBefore(periodList, periodsError);
  periodsBox.insertBefore(addButton, periodsError);

  // Editing periods under existing stages: refused (naming them) unless explicitly asked.
  const adjust = checkbox('Ajuster les stages aux nouvelles dates', 'adjustStages');
  const adjustHintId = uid('adjustStages-hint');
  const adjustErrId = uid('adjustStages-err');
  adjust.control.setAttribute('aria-describedby', `${adjustHintId} ${adjustErrId}`);
  const adjustBox = h(
    'div',
    { class: 'field' },
    adjust.root,
    h(
      'p',
      { class: 'hint', id: adjustHintId },
      'Sans cette case, des périodes qui laisseraient des stages en dehors sont refusées, ' +
        'avec la liste de ces stages. Cochée, ces stages sont raccourcis ou déplacés aux ' +
        'nouvelles dates (noté au Journal) ; un stage arrêté ne bouge jamais.',
    ),
    h('div', { class: 'field-error', id: adjustErrId }),
  );

  const fill = (s: SessionView | null): void => {
    formTitle.textContent = s ? 'Modifier la session' : 'Nouvelle session';
    adjustBox.hidden = !s;
    adjust.control.checked = false;
    title.control.value = s?.title ?? '';
    type.set(s?.type ?? '');
    schoolYear.control.value = s?.schoolYear ?? '';
    diploma.control.value = s?.diploma ?? '';
    editionLabel.control.value = s?.editionLabel ?? '';
    objectives.control.value = s?.objectives ?? '';
    expectedVisits.control.value =
      typeof s?.expectedVisits === 'number' ? String(s.expectedVisits) : '';
    visitReports.control.checked = s?.visitReports === true;
    rows.splice(0);
    replaceChildren(periodList);
    const periods = s?.periods.length ? s.periods : [{ start: '', end: '' }];
    for (const p of periods) addPeriod(frDate(p.start), frDate(p.end));
  };

  const sessions = (): SessionView[] => currentReference()?.sessions ?? [];
  const fillChooser = (ref: ReferenceData | null): void => {
    setOptions(chooser.control, [
      { value: '', label: 'Nouvelle session' },
      ...(ref?.sessions ?? []).map((s) => ({ value: s.id, label: sessionLabel(s) })),
    ]);
  };
  fillChooser(currentReference());
  onReference(fillChooser);

  const sessionForm = actionForm(
    'Session de stage',
    {
      action: 'apiSaveSession',
      input: () => ({
        id: chooser.control.value,
        title: title.control.value.trim(),
        type: type.control.value.trim(),
        schoolYear: schoolYear.control.value.trim(),
        diploma: diploma.control.value.trim(),
        editionLabel: editionLabel.control.value.trim(),
        objectives: objectives.control.value,
        periods: rows.map((r) => ({ start: r.start.value.trim(), end: r.end.value.trim() })),
        expectedVisits: expectedVisits.control.value.trim(),
        visitReports: visitReports.control.checked,
        adjustStages: chooser.control.value !== '' && adjust.control.checked,
      }),
      done: async (saved) => {
        fillChooser(currentReference());
        chooser.control.value = saved.id;
        fill(saved);
        await loadAssignment(saved.id);
      },
    },
    formTitle,
    title.root,
    type.root,
    schoolYear.root,
    diploma.root,
    editionLabel.root,
    objectives.root,
    periodsBox,
    adjustBox,
    expectedVisits.root,
    visitReports.root,
    h('div', { class: 'buttons' }, submit('Enregistrer la session')),
  );

  // Sélection des élèves.
  const selection = h('section', { class: 'students', 'aria-label': 'Sélection des élèves' });
  selection.hidden = true;
  let assignment: AssignmentView | null = null;
  const studentBoxes = new Map<string, HTMLInputElement>();
  const classBoxes = new Map<string, HTMLInputElement>();
  const selectedCount = h('p', { class: 'count', 'aria-live': 'polite' });

  const updateCounts = (): void => {
    const n = [...studentBoxes.values()].filter((b) => b.checked && !b.disabled).length;
    selectedCount.textContent = `Sélectionnés : ${n}`;
    for (const [cls, box] of classBoxes) {
      const boxes = [...studentBoxes.entries()]
        .filter(([id]) => classOf(id) === cls)
        .map(([, b]) => b);
      const free = boxes.filter((b) => !b.disabled);
      const on = free.filter((b) => b.checked).length;
      box.checked = free.length > 0 && on === free.length;
      box.indeterminate = on > 0 && on < free.length;
      box.disabled = free.length === 0;
    }
  };
  const classOf = (studentId: string): string =>
    assignment?.students.find((s) => s.id === studentId)?.className ?? '';

  const renderAssignment = (a: AssignmentView): void => {
    assignment = a;
    studentBoxes.clear();
    classBoxes.clear();
    const total = a.classes.reduce((sum, c) => sum + c.count, 0);
    const table = h(
      'table',
      { class: 'classes' },
      h('caption', {}, 'Élèves par classe'),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'Classe'), h('th', { scope: 'col' }, 'Nb élèves')),
      ),
      h(
        'tbody',
        {},
        ...a.classes.map((c) => {
          const id = uid('cls');
          const box = h('input', { type: 'checkbox', id });
          classBoxes.set(c.className, box);
          box.addEventListener('change', () => {
            for (const [sid, b] of studentBoxes)
              if (classOf(sid) === c.className && !b.disabled) b.checked = box.checked;
            updateCounts();
          });
          return h(
            'tr',
            {},
            h('td', {}, h('span', { class: 'check' }, box, h('label', { for: id }, c.className))),
            h('td', { class: 'num' }, String(c.count)),
          );
        }),
      ),
      h(
        'tfoot',
        {},
        h('tr', {}, h('th', { scope: 'row' }, 'Total'), h('td', { class: 'num' }, String(total))),
      ),
    );
    const groups = a.classes.map((c) => {
      const students = a.students.filter((s) => s.className === c.className);
      return h(
        'fieldset',
        { class: 'group' },
        h('legend', {}, c.className),
        ...students.map((s) => {
          const id = uid('stu');
          const box = h('input', { type: 'checkbox', id });
          box.checked = s.assigned;
          box.disabled = s.assigned;
          studentBoxes.set(s.id, box);
          box.addEventListener('change', updateCounts);
          return h(
            'div',
            { class: 'check' },
            box,
            h(
              'label',
              { for: id },
              s.label,
              s.assigned ? h('span', { class: 'muted' }, ' (déjà affecté)') : null,
            ),
          );
        }),
      );
    });
    replaceChildren(
      selection,
      h('h3', {}, 'Sélection des élèves'),
      selectedCount,
      table,
      ...groups,
      h('div', { class: 'buttons' }, button('Affecter les élèves', assign, 'primary')),
    );
    selection.hidden = false;
    updateCounts();
  };

  const loadAssignment = async (sessionId: string): Promise<void> => {
    if (!sessionId) {
      selection.hidden = true;
      return;
    }
    try {
      renderAssignment(await callServer('apiGetAssignment', sessionId));
    } catch {
      selection.hidden = true;
    }
  };

  let assigning = false;
  function assign(): void {
    if (!assignment || assigning) return;
    const studentIds = [...studentBoxes.entries()]
      .filter(([, b]) => b.checked && !b.disabled)
      .map(([id]) => id);
    if (studentIds.length === 0) return void showError('Cochez au moins un élève à affecter.');
    assigning = true;
    const sessionId = assignment.sessionId;
    void runAction(selection, 'apiAssignStudents', { sessionId, studentIds })
      .then((r) => (r ? loadAssignment(sessionId) : undefined))
      .finally(() => (assigning = false));
  }

  chooser.control.addEventListener('change', () => {
    const s = sessions().find((x) => x.id === chooser.control.value) ?? null;
    fill(s);
    void loadAssignment(s?.id ?? '');
  });

  fill(null);
  root.append(chooser.root, sessionForm, selection);
  return {
    root,
    heading,
    show: () => {
      if (chooser.control.value) void loadAssignment(chooser.control.value);
    },
  };
}
