/**
 * "Gestion des stages": PRONOTE's filters over the Stages sheet, the count and list of matching
 * stages, and "Affecter" for every row selected in the sheet.
 */
import type {
  FilterResult,
  PhaseFilter,
  ReferenceData,
  StageFilter,
  StageSelection,
  TriState,
  VisitState,
} from '../../api/contract';
import { assignmentFields, KEEP } from '../assignment-fields';
import {
  button,
  checkbox,
  dateField,
  h,
  radioGroup,
  replaceChildren,
  selectField,
  setOptions,
  submit,
  textField,
} from '../dom';
import { frRange, plural } from '../format';
import { actionForm, runAction } from '../form';
import {
  currentReference,
  currentSelection,
  onReference,
  onSelection,
  refreshSelection,
} from '../store';
import { showError } from '../ui';
import { type Panel, shell } from './panel';

const TRI: { value: TriState; label: string }[] = [
  { value: 'sans', label: 'Sans' },
  { value: 'indif', label: 'Indif.' },
  { value: 'avec', label: 'Avec' },
];

export function sessionLabel(s: ReferenceData['sessions'][number]): string {
  const first = s.periods[0];
  const last = s.periods[s.periods.length - 1];
  // As PRONOTE shows it: "BTS 1 info période 1 (01/02/2023 - 31/03/2023)".
  return first && last
    ? `${s.title} (${frRange(first.start, last.end).replace(' – ', ' - ')})`
    : s.title;
}

export function gestionPanel(): Panel {
  const { root, heading } = shell('gestion', 'Gestion des stages');

  const session = selectField('Par session', 'sessionId');
  const student = textField('Par stagiaire', 'student', {
    placeholder: 'Nom stagiaire, prénom stagiaire',
  });
  const className = selectField('Par classe', 'className');
  const from = dateField('Du', 'from');
  const to = dateField('Au', 'to');
  const period = h(
    'fieldset',
    { class: 'group inline' },
    h('legend', {}, 'Par période'),
    from.root,
    to.root,
  );
  const company = textField('Par entreprise', 'company');
  const companies = radioGroup('Entreprises', 'companies', TRI, 'indif');
  const tutors = radioGroup('Tuteurs', 'tutors', TRI, 'indif');
  const referents = radioGroup('Référents', 'referents', TRI, 'indif');
  const visits = radioGroup<VisitState>(
    'Visites',
    'visits',
    [
      { value: 'a_effectuer', label: 'À effectuer' },
      { value: 'indif', label: 'Indif.' },
      { value: 'effectuees', label: 'Effectuées' },
    ],
    'indif',
  );
  const phase = radioGroup<PhaseFilter>(
    'Phases',
    'phase',
    [
      { value: 'effectues', label: 'Effectués' },
      { value: 'en_cours', label: 'En cours' },
      { value: 'indif', label: 'Indif.' },
      { value: 'a_venir', label: 'À venir' },
      { value: 'arretes', label: 'Arrêtés' },
    ],
    'indif',
  );

  const toChase = checkbox('Conventions à relancer seulement', 'toChase');
  const fillRef = (ref: ReferenceData | null): void => {
    setOptions(session.control, [
      { value: '', label: 'Toutes les sessions' },
      ...(ref?.sessions ?? []).map((s) => ({ value: s.id, label: sessionLabel(s) })),
    ]);
    setOptions(className.control, [
      { value: '', label: 'Toutes les classes' },
      ...(ref?.classes ?? []).map((c) => ({ value: c, label: c })),
    ]);
  };
  fillRef(currentReference());
  onReference(fillRef);

  const filter = (): StageFilter => ({
    sessionId: session.control.value,
    student: student.control.value.trim(),
    className: className.control.value,
    from: from.control.value.trim(),
    to: to.control.value.trim(),
    company: company.control.value.trim(),
    companies: companies.value(),
    tutors: tutors.value(),
    referents: referents.value(),
    visits: visits.value(),
    phase: phase.value(),
    toChase: toChase.control.checked,
  });

  const count = h('p', { class: 'count' });
  const list = h('ul', { class: 'stage-list compact', 'aria-label': 'Stages correspondants' });
  list.hidden = true;
  /** A refused filter leaves no earlier result on screen, which would look like its answer. */
  const clearResult = (): void => {
    count.textContent = '';
    replaceChildren(list);
  };
  const showResult = (r: FilterResult): void => {
    count.textContent = `${r.count} ${r.count > 1 ? 'stages' : 'stage'} sur ${r.total}`;
    replaceChildren(
      list,
      ...r.stages.map((s) =>
        h(
          'li',
          {},
          h('div', { class: 'dates' }, `${s.student} · ${s.className}`),
          h(
            'div',
            { class: 'muted' },
            `${frRange(s.start, s.end)} · ${s.company || 'Sans entreprise'}`,
          ),
          s.stoppedOn ? h('div', { class: 'stopped' }, 'Stage arrêté') : null,
        ),
      ),
    );
    list.hidden = r.stages.length === 0;
    if (r.count > r.stages.length)
      list.appendChild(h('li', { class: 'muted' }, `… et ${r.count - r.stages.length} autres`));
  };

  const filterForm: HTMLFormElement = actionForm(
    'Filtres',
    { action: 'apiFilterStages', input: filter, done: showResult, otherwise: clearResult },
    session.root,
    student.root,
    className.root,
    period,
    company.root,
    companies.root,
    tutors.root,
    referents.root,
    visits.root,
    phase.root,
    toChase.root,
    h(
      'div',
      { class: 'buttons' },
      submit('Filtrer'),
      button('Appliquer à la feuille', () => {
        void runAction(filterForm, 'apiApplyFilterToSheet', filter()).then((r) =>
          r ? showResult(r) : clearResult(),
        );
      }),
      button('Réinitialiser', () => {
        filterForm.reset();
        for (const g of [companies, tutors, referents]) g.set('indif');
        visits.set('indif');
        phase.set('indif');
        count.textContent = '';
        list.hidden = true;
        void runAction(filterForm, 'apiClearSheetFilter');
      }),
    ),
  );

  // Affecter: company / tutor / referent for every stage row selected in the sheet.
  const who = assignmentFields({ allowKeep: true });
  for (const c of [who.company, who.tutor, who.referent]) c.control.value = KEEP;
  const selected = h('p', { class: 'count', 'aria-live': 'polite' });
  // What "Affecter" will change, shown as it will be sent: the rows selected in the sheet.
  let shownIds = '';
  const showSelected = (sel: StageSelection): void => {
    const n = sel.selectedIds.length;
    shownIds = sel.selectedIds.join(',');
    const only = n === 1 && sel.stage && sel.stage.id === sel.selectedIds[0] ? sel.stage : null;
    selected.textContent =
      n === 0
        ? 'Aucune ligne sélectionnée dans la feuille Stages.'
        : only
          ? `1 ligne sélectionnée : ${only.student} (${frRange(only.start, only.end)})`
          : plural(n, 'ligne sélectionnée', 'lignes sélectionnées');
  };
  showSelected(currentSelection());
  onSelection(showSelected);

  const pick = (v: string): string | undefined => (v === KEEP ? undefined : v);
  const affectForm = actionForm(
    'Affecter',
    {
      action: 'apiAffect',
      input: async () => {
        // The sheet's selection may have moved since the last poll: never affect rows other
        // than the ones the user sees listed here.
        const displayed = shownIds;
        const sel = await refreshSelection().catch(() => currentSelection());
        if (sel.selectedIds.join(',') !== displayed) {
          showError(
            'La sélection a changé : vérifiez les lignes puis cliquez à nouveau sur « Affecter ».',
          );
          return null;
        }
        if (sel.selectedIds.length === 0) {
          showError('Sélectionnez une ou plusieurs lignes de la feuille Stages.');
          return null;
        }
        const input = {
          stageIds: sel.selectedIds,
          fingerprints: sel.selectedFingerprints,
          companyId: pick(who.company.control.value),
          tutorId: pick(who.tutor.control.value),
          referentId: pick(who.referent.control.value),
        };
        if (
          input.companyId === undefined &&
          input.tutorId === undefined &&
          input.referentId === undefined
        ) {
          showError('Choisissez une entreprise, un tuteur ou un référent à affecter.');
          return null;
        }
        return input;
      },
    },
    h('h3', {}, 'Affecter'),
    selected,
    ...who.roots,
    h('div', { class: 'buttons' }, submit('Affecter')),
  );

  root.append(filterForm, count, list, affectForm);
  return { root, heading };
}
