/**
 * "Scinder le stage…": the seed's stop + new stage in one action. The first part ends the day
 * before the split date (or on a chosen day); the second runs to the original end.
 */
import { MAX_REASON_LENGTH } from '../../api/contract';
import { assignmentFields } from '../assignment-fields';
import { checkbox, dateField, h, radioGroup, submit, textField } from '../dom';
import { stageForm } from '../form';
import { showLimit } from '../limit';
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
  // No nature is chosen for the user: the server refuses a split without one, on this field.
  const mode = radioGroup<'stop' | 'cut'>(
    'Nature de la coupure (obligatoire)',
    'mode',
    [
      { value: 'stop', label: 'Arrêt réel' },
      { value: 'cut', label: 'Simple découpage' },
    ],
    null,
  );
  const reason = textField('Motif', 'reason', {
    hint: 'Obligatoire pour un arrêt réel : la 1re partie sera marquée « Stage arrêté ».',
  });
  showLimit(reason, MAX_REASON_LENGTH);
  const keep = checkbox(
    "La 2e partie garde l'entreprise, le tuteur et le référent",
    'keepAssignment',
  );
  // Checked at first and after every reset; unchecked, the 2nd part's assignment shows at once.
  keep.control.defaultChecked = true;
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
  // A reset (another row selected) restores the defaults only after its event: show now what
  // they will be (no nature, so no reason; the assignment kept, so not asked).
  const resetSync = (): void => {
    reason.control.disabled = true;
    reason.root.classList.add('disabled');
    whoBox.hidden = keep.control.defaultChecked;
  };

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
      // Done: the whole form starts again, its nature unchosen.
      done: () => {
        f.reset();
        who.set('', '', '');
        ctx.navigate('fiche');
      },
    },
    splitDate.root,
    firstPartEnd.root,
    mode.root,
    reason.root,
    keep.root,
    whoBox,
    h('div', { class: 'buttons' }, submit('Scinder le stage')),
  );

  f.addEventListener('reset', resetSync);
  root.append(stageContext(), f, backButton(ctx));
  const render = (): void => {
    f.hidden = !currentSelection().stage;
  };
  render();
  sync();
  onSelection(render);
  return { root, heading };
}
