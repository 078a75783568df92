/** "Arrêter le stage…" and "Enlever l'arrêt" for the selected stage. */
import type { StageSelection } from '../../api/contract';
import { checkbox, dateField, h, replaceChildren, submit, textField } from '../dom';
import { frDate, nextDay } from '../format';
import { stageForm } from '../form';
import { currentSelection, onSelection } from '../store';
import { backButton, type Panel, type PanelContext, shell, stageContext } from './panel';

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
  // The server refuses more than 500 characters: stop the typing there.
  reason.control.maxLength = 500;
  const stopForm = stageForm(
    'Arrêter le stage',
    {
      action: 'apiStopStage',
      input: (stage) => ({
        stageId: stage.id,
        fingerprint: stage.fingerprint,
        stoppedOn: stoppedOn.control.value.trim(),
        reason: reason.control.value.trim(),
      }),
      reset: [stoppedOn, reason],
      done: () => ctx.navigate('fiche'),
    },
    h('h3', {}, 'Arrêter le stage'),
    h(
      'p',
      { class: 'muted' },
      "Ce stage n'est pas arrêté : il n'y a pas d'arrêt à enlever. Pour l'arrêter, indiquez la date et le motif.",
    ),
    stoppedOn.root,
    reason.root,
    h('div', { class: 'buttons' }, submit('Arrêter le stage')),
  );

  const current = h('div', { class: 'stop-current' });
  const restore = checkbox('Rétablir la fin initiale', 'restoreOriginalEnd');
  const restoreLabel = restore.root.querySelector('label') as HTMLLabelElement;
  const restoreHint = h('div', { class: 'hint' });
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
    current,
    restore.root,
    restoreHint,
    h('div', { class: 'buttons' }, submit("Enlever l'arrêt")),
  );

  // A stopped stage can only have its stop removed (the server refuses a second stop), and a
  // running one can only be stopped: each state shows the one form that applies.
  const render = (sel: StageSelection): void => {
    const s = sel.stage;
    stopForm.hidden = !s || s.stoppedOn !== '';
    removeForm.hidden = !s || s.stoppedOn === '';
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
        'La date et le motif seront supprimés ; les dates du stage restent telles quelles (arrêt « fictif »).',
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

  root.append(stageContext(), stopForm, removeForm, backButton(ctx));
  render(currentSelection());
  onSelection(render);
  return { root, heading };
}
