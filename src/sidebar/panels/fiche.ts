/** "Fiche stage": the stage under the sheet's cursor, its student's other stages, its actions. */
import {
  chaseCountText,
  type HolidayCoverageView,
  type StageSelection,
  type StageView,
  uncoveredSchoolYears,
  uncoveredWarning,
} from '../../api/contract';
import { currentCoverage, loadCoverage, onCoverage } from '../coverage';
import { button, h, replaceChildren } from '../dom';
import { frDate, frRange, hours, plural } from '../format';
import { currentSelection, onSelection } from '../store';
import { tabs } from '../tabs';
import { runAction } from '../form';
import {
  EMPTY_STAGE,
  type Panel,
  type PanelContext,
  rowLabel,
  selectedCount,
  shell,
} from './panel';
import { stageDocumentsTab } from './stageDocuments';
import { visitsView } from './visits';

const DASH = '—';

function row(label: string, value: Node | string): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, value === '' ? DASH : value)];
}

function stopNotice(s: StageView): HTMLElement | null {
  if (!s.stoppedOn) return null;
  return h(
    'div',
    { class: 'stopped-box' },
    h('strong', { class: 'stopped' }, 'Stage arrêté'),
    ` le ${frDate(s.stoppedOn)}`,
    s.stopReason ? h('div', {}, `Motif : ${s.stopReason}`) : null,
    s.originalEnd ? h('div', { class: 'muted' }, `Fin initiale : ${frDate(s.originalEnd)}`) : null,
  );
}

function conventionCell(s: StageView): Node | string {
  const parts: (Node | string)[] = [];
  // Only a web address becomes a link; anything else typed in the cell stays plain text.
  if (/^https:\/\//.test(s.convention)) {
    parts.push(
      h(
        'a',
        { href: s.convention, target: '_blank', rel: 'noopener noreferrer' },
        'Ouvrir la convention',
      ),
    );
  } else if (s.convention) {
    parts.push(s.convention);
  }
  if (s.needsAmendment) parts.push(h('div', { class: 'warning' }, 'Avenant nécessaire'));
  if (parts.length === 0) return '';
  const span = h('span', {});
  for (const p of parts) span.append(p);
  return span;
}

function general(s: StageView): HTMLElement {
  return h(
    'div',
    {},
    stopNotice(s),
    h(
      'dl',
      { class: 'facts' },
      ...row('Session', s.session),
      ...row('Dates', frRange(s.start, s.end)),
      ...row('Élève', s.student),
      ...row('Classe', s.className),
      ...row('Entreprise', s.company),
      ...row('Tuteur entreprise', s.tutor),
      ...row('Référent établissement', s.referent),
      ...row(
        'Durée hebdomadaire',
        s.weeklyHours === null ? 'valeur par défaut (Paramètres)' : hours(s.weeklyHours),
      ),
      ...row('Présence', s.presence),
      ...row('Gratification', s.gratification),
      ...row('Phase', s.phase),
      ...row('Visites', String(s.visits)),
      ...row('Convention', conventionCell(s)),
    ),
  );
}

/**
 * A stage in a school year whose holidays are unknown: its calendar would show none, which must
 * not be read as "no holiday". Null when the years are known (or not known yet).
 */
function holidaysNotice(
  s: StageView,
  coverage: HolidayCoverageView | null,
  importCalendar: () => void,
): HTMLElement | null {
  if (!coverage) return null;
  const missing = uncoveredSchoolYears(coverage.byZone[coverage.zone], s.start, s.end);
  if (missing.length === 0) return null;
  return h(
    'div',
    { class: 'notice-box', role: 'note', 'aria-label': 'Vacances scolaires' },
    h('div', { class: 'warning' }, uncoveredWarning(coverage.zone, missing)),
    button('Importer le calendrier officiel…', importCalendar, 'link'),
  );
}

function siblingsList(sel: StageSelection): HTMLElement {
  const current = sel.stage?.id;
  const items = sel.siblings.map((s) =>
    h(
      'li',
      {
        class: s.id === current ? 'current' : '',
        'aria-current': s.id === current ? 'true' : undefined,
      },
      h(
        'div',
        { class: 'dates' },
        frRange(s.start, s.end),
        s.id === current ? h('span', { class: 'muted' }, ' (ce stage)') : null,
      ),
      h('div', {}, s.company || 'Sans entreprise'),
      s.tutor || s.referent
        ? h('div', { class: 'muted' }, [s.tutor, s.referent].filter(Boolean).join(' · '))
        : null,
      s.stoppedOn
        ? h('div', { class: 'stopped' }, `Stage arrêté le ${frDate(s.stoppedOn)}`)
        : s.phase
          ? h('div', { class: 'muted' }, s.phase)
          : null,
    ),
  );
  if (items.length === 0) return h('p', { class: 'empty' }, 'Aucun autre stage.');
  return h(
    'ul',
    { class: 'stage-list', 'aria-label': "Stages de l'élève dans la session" },
    ...items,
  );
}

export function fichePanel(ctx: PanelContext): Panel {
  const { root, heading } = shell('fiche', 'Fiche stage');
  const empty = h('p', { class: 'empty' }, EMPTY_STAGE);
  const who = h('div', { class: 'who-block' });
  const t = tabs('Fiche du stage', ['Général', "Stages de l'élève", 'Visites', 'Documents']);
  const [generalPanel, siblingsPanel, visitsPanel, documentsPanel] = t.panels as [
    HTMLDivElement,
    HTMLDivElement,
    HTMLDivElement,
    HTMLDivElement,
  ];
  const stageDocs = stageDocumentsTab();
  documentsPanel.append(stageDocs.root);
  new MutationObserver(() => {
    if (!documentsPanel.hidden) stageDocs.refresh();
  }).observe(documentsPanel, { attributes: true, attributeFilter: ['hidden'] });
  const visits = visitsView();
  visitsPanel.append(visits.root);
  // The visits are read when their tab is opened, not on every row clicked.
  new MutationObserver(() => {
    if (!visitsPanel.hidden) visits.refresh();
  }).observe(visitsPanel, { attributes: true, attributeFilter: ['hidden'] });

  let stageId = '';
  const actions = {
    stop: button('Arrêter le stage…', () => ctx.navigate('stop')),
    removeStop: button("Enlever l'arrêt", () => ctx.navigate('stop')),
    newStage: button('Assigner un nouveau stage…', () => ctx.navigate('newStage')),
    split: button('Scinder le stage…', () => ctx.navigate('split')),
    reassign: button('Réaffecter…', () => ctx.navigate('reassign')),
    calendar: button('Calendrier', () => {
      if (stageId) void runAction(root, 'apiRenderCalendar', { stageId });
    }),
    absences: button('Absences…', () => ctx.navigate('absences')),
    deleteStage: button('Supprimer le stage…', () => ctx.navigate('deleteStage')),
    removeStudent: button("Retirer l'élève de la session…", () => ctx.navigate('removeStudent')),
    documents: button('Documents…', () => ctx.navigate('documents')),
  };
  const actionBox = h(
    'div',
    { class: 'actions', role: 'group', 'aria-label': 'Actions sur le stage' },
    ...Object.values(actions),
  );
  const holidays = h('div', {});
  // Several rows selected: stopping applies to all of them, every other action to the active row.
  const several = h('p', { class: 'note', role: 'note' });
  several.hidden = true;
  const body = h('div', {}, who, holidays, t.root, several, actionBox);
  // « Conventions à relancer »: counted once when the sidebar opens, on its home.
  const chase = h('p', { class: 'note', role: 'note' });
  chase.hidden = true;
  // Counted by the menu item that opened the sidebar (no call of its own).
  const counted = (
    window as { SDS_BOOT?: { chase?: { items?: unknown; overdue?: unknown; blanks?: unknown } } }
  ).SDS_BOOT?.chase;
  const items = typeof counted?.items === 'number' ? counted.items : 0;
  const overdue = typeof counted?.overdue === 'number' ? counted.overdue : 0;
  const blanks = typeof counted?.blanks === 'number' ? counted.blanks : 0;
  if (items + blanks > 0) {
    const parts = [
      items ? chaseCountText(items, overdue) : '',
      blanks
        ? plural(blanks, 'convention vierge à régulariser', 'conventions vierges à régulariser')
        : '',
    ].filter(Boolean);
    replaceChildren(
      chase,
      `${parts.join(', ')} — `,
      button('Voir le suivi des conventions', () => ctx.navigate('documents', 'chase'), 'link'),
    );
    chase.hidden = false;
  }
  const showHolidays = (s: StageView | null): void => {
    replaceChildren(
      holidays,
      s ? holidaysNotice(s, currentCoverage(), () => ctx.navigate('settings')) : null,
    );
  };

  const render = (sel: StageSelection): void => {
    const s = sel.stage;
    stageId = s?.id ?? '';
    empty.hidden = s !== null;
    body.hidden = s === null;
    // Re-read when the stage changes, or when its count moves (anyone recorded a visit).
    visits.show(s);
    stageDocs.show(s);
    if (!s) return;
    replaceChildren(
      who,
      h('div', { class: 'who' }, s.student),
      h('div', { class: 'muted' }, [s.className, s.session].filter(Boolean).join(' · ')),
    );
    replaceChildren(generalPanel, general(s));
    showHolidays(s);
    replaceChildren(siblingsPanel, siblingsList(sel));
    actions.removeStop.disabled = !s.stoppedOn;
    const n = selectedCount(sel);
    actions.stop.textContent = n > 1 ? `Arrêter les ${n} stages…` : 'Arrêter le stage…';
    several.hidden = n < 2;
    several.textContent =
      n < 2
        ? ''
        : `${n} lignes sont sélectionnées : « Arrêter les ${n} stages… » les arrête toutes ; ` +
          `les autres actions, et cette fiche, portent sur la ligne active, ${rowLabel(s)}.`;
  };

  root.append(chase, empty, body);
  render(currentSelection());
  onSelection(render);
  onCoverage(() => showHolidays(currentSelection().stage));
  void loadCoverage();
  return { root, heading, show: () => visits.refresh() };
}
