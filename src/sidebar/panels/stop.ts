/**
 * "Arrêter le stage…" and "Enlever l'arrêt" for the selected stage; "Arrêter les stages…" when
 * several rows are selected.
 */
import { MAX_REASON_LENGTH, type StageSelection } from '../../api/contract';
import { checkbox, dateField, form, h, replaceChildren, submit, textField } from '../dom';
import { frDate, nextDay } from '../format';
import { runAction, stageForm } from '../form';
import { showLimit } from '../limit';
import { currentSelection, onSelection } from '../store';
import { showError } from '../ui';
import {
  activeRowNote,
  backButton,
  EMPTY_STAGE,
  type Panel,
  type PanelContext,
  rowLabel,
  selectedCount,
  shell,
  stageContext,
} from './panel';

/**
 * Restoring the initial end is offered only when it would not overlap another stage of the
 * student in the session (the server checks every session again).
 */
export function restorableEnd(sel: StageSelection): string {
  const s = sel.stage;
  if (!s || !s.originalEnd || s.originalEnd <= s.end) return '';
  const from = nextDay(s.end);
  const to = s.originalEnd;
  const clash = sel.siblings.some((o) => o.id !== s.id && o.start <= to && o.end >= from);
  return clash ? '' : s.originalEnd;
}

export function stopPanel(ctx: PanelContext): Panel {
  const { root, heading } = shell('stop', 'Arrêt du stage');

  const stoppedOn = dateField(
    "Date d'arrêt",
    'stoppedOn',
    'Dernier jour du stage, compris entre son début et sa fin.',
  );
  const reason = textField("Motif d'arrêt", 'reason');
  showLimit(reason, MAX_REASON_LENGTH);

  // With several rows selected, the form stops every one of them (a company closing): the rows
  // are listed, and the server checks each one, stopping all or none.
  const stopTitle = h('h3', {}, 'Arrêter le stage');
  const stopIntro = h('div', {});
  const stopButton = submit('Arrêter le stage');
  const stopForm: HTMLFormElement = form(
    'Arrêter le stage',
    async () => {
      const sel = currentSelection();
      const stage = sel.stage;
      if (!stage) return showError(EMPTY_STAGE);
      const typed = {
        stoppedOn: stoppedOn.control.value.trim(),
        reason: reason.control.value.trim(),
      };
      const done =
        selectedCount(sel) > 1
          ? await runAction(stopForm, 'apiStopStages', {
              stageIds: sel.selectedIds,
              fingerprints: sel.selectedFingerprints,
              ...typed,
            })
          : await runAction(stopForm, 'apiStopStage', {
              stageId: stage.id,
              fingerprint: stage.fingerprint,
              row: stage.row,
              studentId: stage.studentId,
              ...typed,
            });
      if (done === null) return;
      stopForm.reset();
      ctx.navigate('fiche');
    },
    stopTitle,
    stopIntro,
    stoppedOn.root,
    reason.root,
    h('div', { class: 'buttons' }, stopButton),
  );

  const current = h('div', { class: 'stop-current' });
  const restore = checkbox('Rétablir la fin initiale', 'restoreOriginalEnd');
  const restoreLabel = restore.root.querySelector('label') as HTMLLabelElement;
  const restoreHint = h('div', { class: 'hint' });
  const onlyActive = h('p', { class: 'note', role: 'note' });
  const removeForm = stageForm(
    "Enlever l'arrêt",
    {
      action: 'apiRemoveStop',
      input: (stage) => ({
        stageId: stage.id,
        fingerprint: stage.fingerprint,
        restoreOriginalEnd: restore.control.checked && !restore.control.disabled,
      }),
      done: () => ctx.navigate('fiche'),
    },
    h('h3', {}, "Enlever l'arrêt"),
    onlyActive,
    current,
    restore.root,
    restoreHint,
    h('div', { class: 'buttons' }, submit("Enlever l'arrêt")),
  );

  const renderStop = (sel: StageSelection): void => {
    const n = selectedCount(sel);
    const title = n > 1 ? `Arrêter les ${n} stages` : 'Arrêter le stage';
    stopTitle.textContent = title;
    stopButton.textContent = title;
    stopForm.setAttribute('aria-label', title);
    if (n < 2) {
      replaceChildren(
        stopIntro,
        h(
          'p',
          { class: 'muted' },
          "Ce stage n'est pas arrêté : il n'y a pas d'arrêt à enlever. Pour l'arrêter, indiquez la date et le motif.",
        ),
      );
      return;
    }
    const rows = sel.selected ?? [];
    replaceChildren(
      stopIntro,
      h(
        'p',
        {},
        `${n} lignes sont sélectionnées : elles seront toutes arrêtées à la même date, pour le même motif.`,
      ),
      rows.length > 0
        ? h(
            'ul',
            { class: 'stage-list', 'aria-label': 'Stages à arrêter' },
            ...rows.map((r) =>
              h(
                'li',
                {},
                rowLabel(r),
                r.stoppedOn
                  ? h('div', { class: 'stopped' }, `Déjà arrêté le ${frDate(r.stoppedOn)}`)
                  : null,
              ),
            ),
          )
        : null,
      h(
        'p',
        { class: 'muted' },
        "La date est vérifiée pour chaque stage : si l'un d'eux ne peut pas être arrêté ce jour-là, aucun ne l'est, et le message dit lequel.",
      ),
    );
  };

  // A stopped stage can only have its stop removed (the server refuses a second stop), and a
  // running one can only be stopped: each state shows the one form that applies. With several
  // rows selected, stopping applies to all of them, removing a stop to the active row only.
  const render = (sel: StageSelection): void => {
    const s = sel.stage;
    const several = selectedCount(sel) > 1;
    stopForm.hidden = !s || (s.stoppedOn !== '' && !several);
    removeForm.hidden = !s || s.stoppedOn === '';
    renderStop(sel);
    onlyActive.textContent = activeRowNote(sel);
    onlyActive.hidden = onlyActive.textContent === '';
    if (!s || !s.stoppedOn) return;
    replaceChildren(
      current,
      h(
        'p',
        {},
        h('strong', { class: 'stopped' }, 'Stage arrêté'),
        ` le ${frDate(s.stoppedOn)}`,
        s.stopReason ? ` — ${s.stopReason}` : '',
      ),
      h(
        'p',
        { class: 'muted' },
        'La date et le motif seront supprimés, ainsi que la fin initiale ; les dates du stage restent telles quelles (arrêt « fictif »), sauf si vous rétablissez la fin initiale.',
      ),
    );
    const end = restorableEnd(sel);
    restore.control.disabled = end === '';
    if (end === '') restore.control.checked = false;
    const shown = end || s.originalEnd;
    restoreLabel.textContent = shown
      ? `Rétablir la fin initiale (${frDate(shown)})`
      : 'Rétablir la fin initiale';
    restoreHint.textContent =
      end === '' && s.originalEnd
        ? "Impossible ici : un autre stage de l'élève occupe déjà ces dates."
        : '';
  };

  root.append(stageContext({ actsOnAll: true }), stopForm, removeForm, backButton(ctx));
  render(currentSelection());
  onSelection(render);
  return { root, heading };
}
