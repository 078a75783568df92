/** "Réaffecter…": change the company, tutor or referent of the selected stage. */
import type { StageSelection } from '../../api/contract';
import { assignmentFields } from '../assignment-fields';
import { withNewTutor } from '../new-tutor';
import { h, submit } from '../dom';
import { stageForm } from '../form';
import { currentSelection, onReference, onSelection } from '../store';
import { backButton, type Panel, type PanelContext, shell, stageContext } from './panel';

export function reassignPanel(ctx: PanelContext): Panel {
  const { root, heading } = shell('reassign', 'Réaffecter le stage');
  const who = assignmentFields();
  const note = h(
    'p',
    { class: 'muted' },
    'Si la convention a déjà été éditée, la colonne « Avenant » indiquera « À faire ».',
  );
  const f = stageForm(
    'Réaffecter le stage',
    {
      action: 'apiReassignStage',
      input: (stage) => ({
        stageId: stage.id,
        fingerprint: stage.fingerprint,
        companyId: who.company.control.value,
        tutorId: who.tutor.control.value,
        referentId: who.referent.control.value,
      }),
      done: () => ctx.navigate('fiche'),
    },
    ...withNewTutor(who),
    note,
    h('div', { class: 'buttons' }, submit('Réaffecter')),
  );

  // The form starts from the stage's current assignment, and starts again when another stage
  // is selected (not when the same stage is merely re-read).
  let shownId = '';
  const render = (sel: StageSelection, force = false): void => {
    const s = sel.stage;
    f.hidden = !s;
    if (!s || (s.id === shownId && !force)) return;
    shownId = s.id;
    who.set(s.companyId, s.tutorId, s.referentId);
  };
  root.append(stageContext(), f, backButton(ctx));
  render(currentSelection());
  onSelection((sel) => render(sel));
  onReference(() => render(currentSelection(), true));
  return {
    root,
    heading,
    show: () => render(currentSelection(), true),
  };
}
