/**
 * "Scinder le stage…": the seed's stop + new stage in one action. The first part ends the day
 * before the split date (or on a chosen day); the second runs to the original end.
 */
import { assignmentFields } from '../assignment-fields';
import { checkbox, dateField, h, radioGroup, submit, textField } from '../dom';
import { stageForm } from '../form';
import { currentSelection, onSelection } from '../store';
import { backButton, type Panel, type PanelContext, shell, stageContext } from './panel';

export function splitPanel(ctx: PanelContext): Panel {
  const { root, heading } = shell('split', 'Scinder le stage');
  const splitDate = dateField('Date de début de la 2e partie', 'splitDate');
  const firstPartEnd = dateField(
    'Dernier jour de la 1re partie (facultatif)',
    'firstPartEnd',
    'Vide : la veille du début de la 2e partie.',
  );
  const mode = radioGroup<'stop' | 'cut'>(
    'Nature de la coupure',
    'mode',
    [
      { value: 'stop', label: 'Arrêt réel' },
      { value: 'cut', label: 'Simple découpage' },
    ],
    'cut',
  );
  const reason = textField('Motif', 'reason', {
    hint: 'Obligatoire pour un arrêt réel : la 1re partie sera marquée « Stage arrêté ».',
  });
  reason.control.maxLength = 500;
  const keep = checkbox(
    "La 2e partie garde l'entreprise, le tuteur et le référent",
    'keepAssignment',
  );
  keep.control.checked = true;
  const who = assignmentFields();
  const whoBox = h(
    'fieldset',
    { class: 'group' },
    h('legend', {}, 'Affectation de la 2e partie'),
    ...who.roots,
  );

  const sync = (): void => {
    const stop = mode.value() === 'stop';
    reason.control.disabled = !stop;
    reason.root.classList.toggle('disabled', !stop);
    whoBox.hidden = keep.control.checked;
  };
  for (const i of mode.inputs) i.addEventListener('change', sync);
  keep.control.addEventListener('change', sync);

  const f = stageForm(
    'Scinder le stage',
    {
      action: 'apiSplitStage',
      input: (stage) => {
        const keepIt = keep.control.checked;
        return {
          stageId: stage.id,
          fingerprint: stage.fingerprint,
          splitDate: splitDate.control.value.trim(),
          firstPartEnd: firstPartEnd.control.value.trim(),
          mode: mode.value(),
          reason: mode.value() === 'stop' ? reason.control.value.trim() : '',
          keepAssignment: keepIt,
          companyId: keepIt ? '' : who.company.control.value,
          tutorId: keepIt ? '' : who.tutor.control.value,
          referentId: keepIt ? '' : who.referent.control.value,
        };
      },
      reset: [splitDate, firstPartEnd, reason],
      done: () => ctx.navigate('fiche'),
    },
    splitDate.root,
    firstPartEnd.root,
    mode.root,
    reason.root,
    keep.root,
    whoBox,
    h('div', { class: 'buttons' }, submit('Scinder le stage')),
  );

  root.append(stageContext(), f, backButton(ctx));
  const render = (): void => {
    f.hidden = !currentSelection().stage;
  };
  render();
  sync();
  onSelection(render);
  return { root, heading };
}
