/**
 * « Mes stages »: the stages the signed-in teacher follows, the visits due first (late ones in
 * red), with what a visit needs (the company's address, the tutor's phone and e-mail), and a
 * visit recorded in two clicks: « Enregistrer une visite », then « Enregistrer ».
 */
import {
  MAX_VISIT_COMMENT_LENGTH,
  type FollowedStageView,
  type MyStagesView,
  type VisitView,
} from '../../api/contract';
import { button, dateField, h, radioGroup, replaceChildren, submit, textAreaField } from '../dom';
import { actionForm, runAction } from '../form';
import { frDate, frRange } from '../format';
import { showLimit } from '../limit';
import { reportControl } from '../visitReport';
import { removeControl } from '../visitRemoval';
import { type Panel, shell } from './panel';

const STATUS: Record<FollowedStageView['status'], string> = {
  en_retard: 'Visite en retard',
  a_faire: 'Visite à faire',
  fait: 'Visites faites',
};
const TYPE_LABEL = { visite: 'Visite', appel: 'Appel', visio: 'Visio' } as const;

function visitLine(v: VisitView & { mine: boolean }): string {
  const kind = TYPE_LABEL[v.type ?? 'visite'];
  return `${kind} ${v.done ? 'du' : 'prévue le'} ${frDate(v.date)} · ${v.staff || 'enseignant inconnu'}`;
}

export function myStagesPanel(): Panel {
  const { root, heading } = shell('myStages', 'Mes stages');
  const intro = h('p', { class: 'muted' });
  const list = h('ul', { class: 'stage-list my-stages', 'aria-label': 'Mes stages suivis' });
  const items = new Map<string, HTMLLIElement>();
  let today = '';

  const visitForm = (f: FollowedStageView, redraw: (n: FollowedStageView) => void) => {
    const date = dateField('Date', 'date', `Vide : aujourd'hui (${frDate(today)}).`);
    const type = radioGroup(
      'Type',
      'type',
      [
        { value: 'visite', label: 'Visite' },
        { value: 'appel', label: 'Appel' },
        { value: 'visio', label: 'Visio' },
      ],
      'visite',
    );
    const comment = textAreaField('Commentaire', 'comment', 3);
    showLimit(comment, MAX_VISIT_COMMENT_LENGTH);
    const form = actionForm(
      `Enregistrer une visite pour ${f.stage.student}`,
      {
        action: 'apiRecordMyVisit',
        input: () => ({
          stageId: f.stage.id,
          row: f.stage.row,
          studentId: f.stage.studentId,
          date: date.control.value.trim(),
          type: type.value(),
          comment: comment.control.value,
        }),
        done: (outcome) => redraw(outcome.followed),
      },
      date.root,
      type.root,
      comment.root,
      h('div', { class: 'buttons' }, submit('Enregistrer')),
    );
    form.hidden = true;
    return form;
  };

  const planForm = (
    f: FollowedStageView,
    redraw: (n: FollowedStageView) => void,
  ): HTMLFormElement => {
    const date = dateField('Date de visite prévue', 'date', 'Vide : aucune date prévue.');
    date.control.value = f.stage.plannedVisit ? frDate(f.stage.plannedVisit) : '';
    const form = actionForm(
      `Prévoir la visite de ${f.stage.student}`,
      {
        action: 'apiPlanMyVisit',
        input: () => ({
          stageId: f.stage.id,
          row: f.stage.row,
          studentId: f.stage.studentId,
          date: date.control.value.trim(),
        }),
        done: (outcome) => redraw(outcome.followed),
      },
      date.root,
      h('div', { class: 'buttons' }, submit('Prévoir')),
    );
    form.hidden = true;
    return form;
  };

  const editForm = (v: VisitView, redraw: (n: FollowedStageView) => void): HTMLFormElement => {
    const comment = textAreaField('Nouveau commentaire', 'comment', 3);
    comment.control.value = v.comment;
    showLimit(comment, MAX_VISIT_COMMENT_LENGTH);
    const form = actionForm(
      `Modifier le commentaire du ${frDate(v.date)}`,
      {
        action: 'apiEditMyVisit',
        input: () => ({ visitId: v.id, comment: comment.control.value }),
        done: (outcome) => redraw(outcome.followed),
      },
      comment.root,
      h('div', { class: 'buttons' }, submit('Enregistrer le commentaire')),
    );
    form.hidden = true;
    return form;
  };

  const item = (f: FollowedStageView): HTMLLIElement => {
    const li = h('li', { class: `followed ${f.status}`, 'data-stage': f.stage.id });
    const redraw = (n: FollowedStageView): void => {
      const fresh = item(n);
      li.replaceWith(fresh);
      items.set(n.stage.id, fresh);
    };
    const record = visitForm(f, redraw);
    const plan = planForm(f, redraw);
    const openPlan = button('Prévoir la visite', () => {
      plan.hidden = !plan.hidden;
      if (!plan.hidden) plan.querySelector('input')?.focus();
    });
    const open = button('Enregistrer une visite', () => {
      record.hidden = !record.hidden;
      if (!record.hidden) record.querySelector('textarea')?.focus();
    });
    const visits = f.visits.map((v) => {
      // The same rights as the fiche's Visites tab (the server says: mayEdit, mayRemove).
      const edit = v.mayEdit === true ? editForm(v, redraw) : null;
      const modify = edit ? button('Modifier', () => (edit.hidden = !edit.hidden), 'link') : null;
      modify?.setAttribute('aria-label', `Modifier la visite du ${frDate(v.date)}`);
      const remove = removeControl(v, (withReport) => {
        void runAction(li, 'apiRemoveMyVisit', { visitId: v.id, withReport }).then((o) => {
          if (o) redraw(o.followed);
        });
      });
      const actions = [modify, remove];
      const report = reportControl(v, f.visitReports === true, li, (url) =>
        redraw({ ...f, visits: f.visits.map((x) => (x.id === v.id ? { ...x, report: url } : x)) }),
      );
      return h(
        'li',
        {},
        h('div', { class: 'dates' }, visitLine(v)),
        v.comment ? h('div', { class: 'visit-comment' }, v.comment) : null,
        ...actions,
        report,
        edit,
      );
    });
    const done = f.stage.visits;
    replaceChildren(
      li,
      h(
        'div',
        { class: 'who' },
        f.stage.student,
        f.stage.className ? ` · ${f.stage.className}` : '',
      ),
      h(
        'div',
        { class: 'muted' },
        `${f.stage.company || 'Entreprise à définir'} · ${frRange(f.stage.start, f.stage.end)}`,
      ),
      h(
        'div',
        { class: `follow-status ${f.status}` },
        `${STATUS[f.status]} · `,
        h('span', { class: 'visit-count' }, `${done} / ${f.expected}`),
        f.stage.plannedVisit ? ` · prévue le ${frDate(f.stage.plannedVisit)}` : '',
      ),
      f.companyAddress ? h('div', { class: 'address' }, f.companyAddress) : null,
      f.tutor.name || f.tutor.phone || f.tutor.email
        ? h(
            'div',
            { class: 'tutor' },
            [f.tutor.name, f.tutor.phone, f.tutor.email].filter(Boolean).join(' · '),
          )
        : null,
      f.mailto
        ? h(
            'a',
            { href: f.mailto, target: '_blank', rel: 'noopener' },
            'Préparer un e-mail au tuteur',
          )
        : null,
      visits.length > 0 ? h('ul', { class: 'visits', 'aria-label': 'Visites' }, ...visits) : null,
      h('div', { class: 'buttons' }, open, openPlan),
      record,
      plan,
    );
    return li;
  };

  const followed = (n: number): string =>
    n === 0
      ? 'aucun stage suivi.'
      : `${n} ${n > 1 ? 'stages suivis' : 'stage suivi'}, les visites à faire d'abord.`;

  const draw = (v: MyStagesView): void => {
    today = v.today;
    items.clear();
    intro.textContent = v.teacher ? `${v.teacher} : ${followed(v.stages.length)}` : '';
    replaceChildren(
      list,
      ...v.stages.map((f) => {
        const li = item(f);
        items.set(f.stage.id, li);
        return li;
      }),
    );
  };

  const reload = button('Actualiser', () => void load());
  const load = async (): Promise<void> => {
    const v = await runAction(root, 'apiMyStages');
    if (v) draw(v);
  };
  root.append(intro, list, h('div', { class: 'buttons' }, reload));
  return { root, heading, show: () => void load() };
}
