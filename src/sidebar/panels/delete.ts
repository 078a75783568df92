/**
 * "Supprimer le stage…" and "Retirer l'élève de la session…": first what would be deleted, read
 * from the server (the stages, how many absences go with them, the visits that prevent it), then
 * one button to confirm exactly that. Nothing is deleted without the list having been shown.
 */
import type { DeletionPreview, DeletionScope, StageView } from '../../api/contract';
import { button, h, replaceChildren } from '../dom';
import { frDate, frRange, plural } from '../format';
import { runAction } from '../form';
import { currentSelection, onSelection, refreshSelection } from '../store';
import { announce } from '../ui';
import {
  backButton,
  EMPTY_STAGE,
  type Panel,
  type PanelContext,
  shell,
  stageContext,
} from './panel';

const WORDS: Record<
  DeletionScope,
  { view: 'deleteStage' | 'removeStudent'; title: string; intro: string; confirm: string }
> = {
  stage: {
    view: 'deleteStage',
    title: 'Supprimer le stage',
    intro:
      'Pour une ligne créée par erreur. Un stage qui a eu lieu, même en partie, ne se supprime ' +
      'pas : il s’arrête (« Arrêter le stage… »).',
    confirm: 'Supprimer ce stage',
  },
  session: {
    view: 'removeStudent',
    title: "Retirer l'élève de la session",
    intro: "Tous les stages de l'élève dans cette session sont supprimés, avec leurs absences.",
    confirm: "Retirer l'élève de la session",
  },
};

function stageItem(s: StageView): HTMLElement {
  return h(
    'li',
    {},
    h('div', { class: 'dates' }, frRange(s.start, s.end)),
    h('div', {}, s.company || 'Sans entreprise'),
    s.stoppedOn
      ? h('div', { class: 'stopped' }, `Stage arrêté le ${frDate(s.stoppedOn)}`)
      : s.phase
        ? h('div', { class: 'muted' }, s.phase)
        : null,
    s.convention ? h('div', { class: 'warning' }, 'Une convention est enregistrée') : null,
  );
}

function previewView(p: DeletionPreview): HTMLElement[] {
  const many = p.stages.length > 1;
  return [
    h(
      'h3',
      {},
      p.scope === 'stage'
        ? 'Sera supprimé'
        : `${p.student} dans « ${p.session} » : ${many ? 'seront supprimés' : 'sera supprimé'}`,
    ),
    h(
      'ul',
      { class: 'stage-list', 'aria-label': 'Stages qui seraient supprimés' },
      ...p.stages.map(stageItem),
    ),
    h(
      'p',
      {},
      p.absences > 0
        ? `${plural(p.absences, 'absence', 'absences')} de ${many ? 'ces stages' : 'ce stage'} ${p.absences > 1 ? 'seront supprimées' : 'sera supprimée'} aussi.`
        : 'Aucune absence à supprimer.',
    ),
    p.blocked
      ? h('p', { class: 'warning' }, p.blocked)
      : h(
          'p',
          { class: 'muted' },
          'Les valeurs supprimées restent lisibles dans la feuille Journal.',
        ),
  ];
}

function deletionPanel(ctx: PanelContext, scope: DeletionScope): Panel {
  const words = WORDS[scope];
  const { root, heading } = shell(words.view, words.title);
  const box = h('div', { class: 'deletion' });
  let shown: { stage: StageView; preview: DeletionPreview } | null = null;
  let shownKey = '';

  const confirm = button(words.confirm, () => void remove(), 'primary');
  confirm.disabled = true;
  const group = h(
    'div',
    { role: 'group', 'aria-label': words.title },
    box,
    h('div', { class: 'buttons' }, confirm),
  );

  const hint = (s: StageView) => ({ stageId: s.id, scope, row: s.row, studentId: s.studentId });

  // One preview at a time; a selection that changes meanwhile is read once the first is back.
  let loading = false;
  let again = false;
  const load = async (): Promise<void> => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      await preview();
    } finally {
      loading = false;
      if (again) {
        again = false;
        void load();
      }
    }
  };

  const preview = async (): Promise<void> => {
    const stage = currentSelection().stage;
    shown = null;
    confirm.disabled = true;
    shownKey = stage ? `${stage.id}:${stage.fingerprint}` : '';
    if (!stage) {
      replaceChildren(box, h('p', { class: 'empty' }, EMPTY_STAGE));
      return;
    }
    replaceChildren(box, h('p', { class: 'muted' }, 'Recherche de ce qui serait supprimé…'));
    const found = await runAction(group, 'apiPreviewDeletion', hint(stage));
    if (currentSelection().stage?.id !== stage.id) return;
    if (!found) {
      replaceChildren(box);
      return;
    }
    shown = { stage, preview: found };
    replaceChildren(box, ...previewView(found));
    confirm.disabled = found.blocked !== '';
  };

  const remove = async (): Promise<void> => {
    if (!shown || shown.preview.blocked) return;
    const { stage, preview } = shown;
    const done = await runAction(group, 'apiDeleteStages', {
      ...hint(stage),
      expected: preview.stages.map((s) => ({ id: s.id, fingerprint: s.fingerprint })),
    });
    if (!done) return;
    // The row under the cursor is now another stage: the message stays, said once more.
    const said = document.getElementById('sds-status')?.textContent ?? '';
    await refreshSelection(true).catch(() => undefined);
    ctx.navigate('fiche');
    if (said) announce(said);
  };

  onSelection((sel) => {
    const key = sel.stage ? `${sel.stage.id}:${sel.stage.fingerprint}` : '';
    // Only while shown: a hidden panel reads again when it is opened.
    if (root.isConnected && key !== shownKey) void load();
  });

  root.append(backButton(ctx), stageContext(), h('p', { class: 'muted' }, words.intro), group);
  return { root, heading, show: () => void load() };
}

export function deleteStagePanel(ctx: PanelContext): Panel {
  return deletionPanel(ctx, 'stage');
}

export function removeStudentPanel(ctx: PanelContext): Panel {
  return deletionPanel(ctx, 'session');
}
