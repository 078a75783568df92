/**
 * « Répartir le suivi… »: choose a session (or the rows selected in the sheet) and the teachers, see who would follow which stage
 * (and why any stage is left without a teacher), then apply. The preview writes nothing; the
 * apply writes exactly what was previewed, or nothing when the sheet changed since.
 */
import {
  DEFAULT_FOLLOW_CAP,
  type FollowUpInput,
  type FollowUpPreview,
  type ReferenceData,
  type StageSelection,
} from '../../api/contract';
import {
  button,
  checkbox,
  fieldsetWithError,
  h,
  radioGroup,
  replaceChildren,
  selectField,
  setOptions,
  submit,
  textField,
  uid,
} from '../dom';
import { callServer } from '../api';
import { actionForm, runAction } from '../form';
import { plural } from '../format';
import {
  currentReference,
  currentSelection,
  onReference,
  onSelection,
  refreshSelection,
} from '../store';
import { showError } from '../ui';
import { type Panel, shell } from './panel';

export function distributePanel(): Panel {
  const { root, heading } = shell('distribute', 'Répartir le suivi');
  const scope = radioGroup<'session' | 'selection'>(
    'Stages à répartir',
    'scope',
    [
      { value: 'session', label: 'Toute une session' },
      { value: 'selection', label: 'Les lignes sélectionnées (0)' },
    ],
    'session',
  );
  const selectionLabel = scope.root.querySelector<HTMLLabelElement>(
    `label[for="${scope.inputs[1]?.id ?? ''}"]`,
  );
  let shownIds = '';
  const showSelectionCount = (sel: StageSelection): void => {
    shownIds = sel.selectedIds.join(',');
    if (selectionLabel)
      selectionLabel.textContent = `Les lignes sélectionnées (${sel.selectedIds.length})`;
  };
  showSelectionCount(currentSelection());
  const session = selectField('Session', 'sessionId');
  const syncSession = (): void => {
    const on = scope.value() === 'session';
    session.control.disabled = !on;
    session.root.classList.toggle('disabled', !on);
  };
  const teachers = fieldsetWithError('Enseignants qui suivent les stages', 'teacherIds', 'checks');
  const teacherBoxes = h('div', { class: 'teacher-choices' });
  teachers.insertBefore(teacherBoxes, teachers.lastElementChild);
  const cap = textField('Stagiaires suivis en même temps au plus', 'cap', {
    placeholder: String(DEFAULT_FOLLOW_CAP),
    hint: 'Par enseignant, sur des dates qui se chevauchent. Prérempli depuis les Paramètres ; le chiffre appliqué y est retenu.',
  });
  cap.control.inputMode = 'numeric';
  // Paramètres' figure fills the field until the user types their own.
  let capTyped = false;
  cap.control.addEventListener('input', () => (capTyped = true));
  const prefillCap = (): void => {
    if (capTyped) return;
    callServer('apiGetSettings').then(
      (s) => {
        if (!capTyped) cap.control.value = String(s.followCap);
      },
      () => undefined,
    );
  };
  const redo = checkbox('Refaire aussi les attributions existantes', 'keepExisting');

  const fill = (ref: ReferenceData | null): void => {
    setOptions(session.control, [
      { value: '', label: '— Choisir une session —' },
      ...(ref?.sessions ?? []).map((s) => ({ value: s.id, label: s.title })),
    ]);
    const checked = new Set(
      [...teacherBoxes.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value),
    );
    replaceChildren(
      teacherBoxes,
      ...(ref?.staff ?? []).map((s) => {
        const id = uid('teacher');
        const box = h('input', { type: 'checkbox', id, value: s.id });
        box.checked = checked.has(s.id);
        return h('div', { class: 'check' }, box, h('label', { for: id }, s.label));
      }),
    );
  };
  fill(currentReference());
  onReference(fill);

  const result = h('div', { class: 'follow-preview', 'aria-live': 'polite' });
  let shown: { input: FollowUpInput; preview: FollowUpPreview } | null = null;

  const input = async (): Promise<FollowUpInput | null> => {
    const teacherIds = [...teacherBoxes.querySelectorAll<HTMLInputElement>('input:checked')].map(
      (i) => i.value,
    );
    if (scope.value() === 'selection') {
      // The sheet's selection may have moved since the last poll: never act on rows other than
      // the ones counted here.
      const displayed = shownIds;
      const sel = await refreshSelection().catch(() => currentSelection());
      if (sel.selectedIds.join(',') !== displayed) {
        showSelectionCount(sel);
        showError('La sélection a changé : vérifiez le nombre de lignes puis recommencez.');
        return null;
      }
      if (sel.selectedIds.length === 0) {
        showError(
          'Sélectionnez une ou plusieurs lignes de la feuille Stages, ou choisissez « Toute une session ».',
        );
        return null;
      }
      return {
        sessionId: '',
        stageIds: [...sel.selectedIds],
        teacherIds,
        keepExisting: !redo.control.checked,
        cap: cap.control.value.trim(),
      };
    }
    if (session.control.value === '') {
      showError('Choisissez une session.');
      return null;
    }
    return {
      sessionId: session.control.value,
      teacherIds,
      keepExisting: !redo.control.checked,
      cap: cap.control.value.trim(),
    };
  };

  const draw = (preview: FollowUpPreview, sent: FollowUpInput, applied: boolean): void => {
    shown = applied ? null : { input: sent, preview };
    const rows = preview.teachers.map((t) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, t.teacher),
        h('td', { class: 'count' }, String(t.stages.length)),
        h(
          'td',
          {},
          t.stages
            .map((s) => `${s.student}${s.company ? ` (${s.company})` : ''}${s.kept ? '' : ' *'}`)
            .join(', '),
        ),
      ),
    );
    const apply = button(
      'Appliquer',
      () => {
        if (!shown) return;
        const { input: i, preview: p } = shown;
        void runAction(result, 'apiApplyFollowUp', { ...i, digest: p.digest }).then((done) => {
          if (!done) return;
          draw(done, i, true);
          // Paramètres now hold the figure applied.
          cap.control.value = String(done.cap);
          capTyped = false;
        });
      },
      'primary',
    );
    replaceChildren(
      result,
      h(
        'table',
        { class: 'follow-table', 'aria-label': 'Répartition proposée' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Enseignant'),
            h('th', { scope: 'col' }, 'Stages'),
            h('th', { scope: 'col' }, 'Élèves'),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
      h('p', { class: 'muted' }, '* attribution nouvelle'),
      preview.unassigned.length > 0
        ? h(
            'div',
            { class: 'unassigned' },
            h('h3', {}, `Sans enseignant (${preview.unassigned.length})`),
            h(
              'ul',
              {},
              ...preview.unassigned.map((u) => h('li', {}, `${u.student} : ${u.reason}`)),
            ),
          )
        : null,
      applied
        ? h(
            'p',
            { class: 'note' },
            `Répartition appliquée (${plural(preview.changes, 'stage', 'stages')}).`,
          )
        : preview.changes > 0
          ? h('div', { class: 'buttons' }, apply)
          : h('p', { class: 'note' }, 'Rien à changer.'),
    );
  };

  const previewForm = actionForm(
    'Répartir le suivi',
    {
      action: 'apiPreviewFollowUp',
      input,
      done: (preview, sent) => draw(preview, sent, false),
    },
    scope.root,
    session.root,
    teachers,
    cap.root,
    redo.root,
    h('div', { class: 'buttons' }, submit('Aperçu')),
  );
  syncSession();
  const forget = (): void => {
    if (shown) {
      shown = null;
      replaceChildren(result);
    }
  };
  // Changing the choice makes the preview shown stale: it cannot be applied any more.
  previewForm.addEventListener('change', () => {
    syncSession();
    forget();
  });
  onSelection((sel) => {
    if (sel.selectedIds.join(',') === shownIds) return;
    showSelectionCount(sel);
    // A preview of other rows would mislead: it is asked again.
    if (scope.value() === 'selection') forget();
  });
  root.append(previewForm, result);
  return { root, heading, show: prefillCap };
}
