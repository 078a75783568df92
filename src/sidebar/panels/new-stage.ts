/** "Assigner un nouveau stage…": another stage for the same student in the same session. */
import type { ReferenceData, StageSelection } from '../../api/contract';
import { assignmentFields } from '../assignment-fields';
import { withNewTutor } from '../new-tutor';
import { dateField, h, replaceChildren, submit, textField } from '../dom';
import { frRange } from '../format';
import { stageForm } from '../form';
import { currentReference, currentSelection, onReference, onSelection } from '../store';
import { backButton, type Panel, type PanelContext, shell, stageContext } from './panel';

/** "Périodes de la session : 01/02/2023 – 31/03/2023" for the selected stage's session. */
export function sessionPeriodsHint(sel: StageSelection, ref: ReferenceData | null): string {
  const session = ref?.sessions.find((x) => x.id === sel.stage?.sessionId);
  if (!session || session.periods.length === 0) return '';
  const label = session.periods.length > 1 ? 'Périodes de la session' : 'Période de la session';
  return `${label} : ${session.periods.map((p) => frRange(p.start, p.end)).join(' ; ')}`;
}

export function newStagePanel(ctx: PanelContext): Panel {
  const { root, heading } = shell('newStage', 'Assigner un nouveau stage');
  const periods = h('p', { class: 'muted' });
  const start = dateField('Début', 'start');
  const end = dateField('Fin', 'end');
  const who = assignmentFields();
  const weeklyHours = textField('Durée hebdomadaire', 'weeklyHours', {
    hint: "En heures, par exemple 35 ; vide pour la valeur par défaut de l'établissement.",
  });
  weeklyHours.control.inputMode = 'decimal';
  const schedule = textField('Horaire semaine type (facultatif)', 'schedule', {
    hint: 'Par exemple « Lu 7 ; Ma 7 ; Me 7 ; Je 7 » pour 4 jours de 7 h ; vide : du lundi au vendredi.',
  });

  const f = stageForm(
    'Assigner un nouveau stage',
    {
      action: 'apiNewStage',
      input: (stage) => ({
        fromStageId: stage.id,
        start: start.control.value.trim(),
        end: end.control.value.trim(),
        companyId: who.company.control.value,
        tutorId: who.tutor.control.value,
        referentId: who.referent.control.value,
        weeklyHours: weeklyHours.control.value.trim(),
        schedule: schedule.control.value.trim(),
      }),
      reset: [start, end, weeklyHours, schedule],
      done: () => {
        who.set('', '', '');
        ctx.navigate('fiche');
      },
    },
    periods,
    start.root,
    end.root,
    ...withNewTutor(who),
    weeklyHours.root,
    schedule.root,
    h('div', { class: 'buttons' }, submit('Assigner le stage')),
  );

  const render = (): void => {
    const sel = currentSelection();
    f.hidden = !sel.stage;
    replaceChildren(periods, sessionPeriodsHint(sel, currentReference()));
  };
  root.append(stageContext(), f, backButton(ctx));
  render();
  onSelection(render);
  onReference(render);
  return { root, heading };
}
