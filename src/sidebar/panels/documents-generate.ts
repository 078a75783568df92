/**
 * « Générer »: conventions, avenants or attestations for the selected rows or a whole session.
 * « Vérifier » first shows what the batch would do — how many documents, the stages left out and
 * what each lacks, the daily quota — and only then « Générer N conventions » starts it. The
 * sidebar then drives the batch chunk by chunk (../batch.ts) with a progress bar, « Annuler »,
 * and « Reprendre » after a failure, the daily quota, or a sidebar closed meanwhile.
 */
import {
  BATCH_KINDS,
  type BatchKind,
  type DocumentJobView,
  type DocumentPlan,
  type DocumentRequest,
  type DocumentScope,
  type ReferenceData,
  type StageSelection,
} from '../../api/contract';
import { callServer } from '../api';
import { type BatchEnd, type BatchRun, driveBatch, latest } from '../batch';
import {
  button,
  checkbox,
  h,
  radioGroup,
  replaceChildren,
  selectField,
  setOptions,
  submit,
  uid,
} from '../dom';
import {
  countOf,
  dailyNote,
  duration,
  endMessage,
  generateLabel,
  KIND_WORDS,
  planHeadline,
  QUOTA_MESSAGE,
} from '../documents-words';
import { actionForm, runAction } from '../form';
import {
  applyOutcome,
  currentReference,
  currentSelection,
  onReference,
  onSelection,
  refreshSelection,
} from '../store';
import { announce, clearBanner, showError } from '../ui';
import { sessionLabel } from './gestion';

type ScopeChoice = 'selection' | 'session';

/** The type, scope and options chosen in « Générer », shared with « Imprimer… ». */
export interface DocumentChoice {
  kind(): BatchKind;
  /** The scope as chosen, or null (the user has been told why). */
  scope(): Promise<DocumentScope | null>;
  /** « Conventions, les lignes sélectionnées (2) ». */
  describe(): string;
  onChange(listener: () => void): void;
}

export function sessionOptions(ref: ReferenceData | null, empty: string) {
  return [
    { value: '', label: empty },
    ...(ref?.sessions ?? []).map((s) => ({ value: s.id, label: sessionLabel(s) })),
  ];
}

/**
 * What the school's Paramètres lack is the same for every stage: said once above the list
 * rather than repeated on each of forty stages.
 */
function sharedSettingsProblems(incomplete: DocumentPlan['incomplete']): string[] {
  if (incomplete.length < 2) return [];
  const first = incomplete[0]?.missing ?? [];
  return first.filter(
    (m) => m.endsWith('(Paramètres)') && incomplete.every((s) => s.missing.includes(m)),
  );
}

const capitalised = (s: string): string => s.charAt(0).toLocaleUpperCase('fr-FR') + s.slice(1);

function planView(p: DocumentPlan): HTMLElement[] {
  const out: HTMLElement[] = [h('p', { class: 'count' }, planHeadline(p))];
  if (p.blocked) out.push(h('p', { class: 'stopped', role: 'alert' }, p.blocked));
  if (p.templateProblems.length > 0) {
    out.push(
      h('h4', {}, 'Balises inconnues dans le modèle (elles resteraient telles quelles)'),
      h('ul', { class: 'warning' }, ...p.templateProblems.map((t) => h('li', {}, t))),
    );
  }
  if (p.incomplete.length > 0) {
    const n = p.incomplete.length;
    const shared = sharedSettingsProblems(p.incomplete);
    out.push(
      h(
        'h4',
        {},
        n > 1 ? `${n} stages incomplets, laissés de côté` : '1 stage incomplet, laissé de côté',
      ),
      shared.length > 0
        ? h('p', { class: 'warning' }, `Pour tous ces stages : ${shared.join(', ')}.`)
        : h('span', {}),
      h(
        'ul',
        { class: 'stage-list compact', 'aria-label': 'Stages incomplets' },
        ...p.incomplete.map((s) => {
          const own = s.missing.filter((m) => !shared.includes(m));
          return h(
            'li',
            {},
            h('div', { class: 'dates' }, s.label),
            h(
              'div',
              { class: 'warning' },
              own.length > 0 ? capitalised(own.join(', ')) : 'Seulement les Paramètres ci-dessus.',
            ),
          );
        }),
      ),
    );
  }
  if (p.notApplicable.length > 0) {
    out.push(
      h('h4', {}, 'Non concernés'),
      h(
        'ul',
        { class: 'stage-list compact', 'aria-label': 'Stages non concernés' },
        ...p.notApplicable.map((s) =>
          h(
            'li',
            {},
            h('div', { class: 'dates' }, s.label),
            h('div', { class: 'muted' }, s.reason),
          ),
        ),
      ),
    );
  }
  const daily = dailyNote(p.kind, p.toCreate, p.dailyLeft);
  out.push(
    h(
      'p',
      { class: 'muted' },
      `Documents Google encore possibles aujourd’hui : ${p.dailyLeft} (ce lot en crée ${p.toCreate}).`,
    ),
    daily ? h('p', { class: 'warning' }, daily) : h('span', {}),
    p.toCreate > 0
      ? h('p', { class: 'muted' }, `Durée estimée : ${duration(p.estimatedMinutes)}.`)
      : h('span', {}),
  );
  return out;
}

export interface GenerateSection {
  root: HTMLElement;
  heading: HTMLElement;
  choice: DocumentChoice;
  /** A batch found running when the panel opens (another sidebar, closed since). */
  showFound(job: DocumentJobView | null): void;
  /** Whether the sidebar is driving a batch now. */
  driving(): boolean;
  /** Chooses the kind (the menu's « Générer les conventions… »). */
  setKind(kind: BatchKind): void;
  /** Drops the report shown (it was made before the templates existed, say). */
  forget(): void;
}

export function generateSection(afterBatch: () => void = () => undefined): GenerateSection {
  const headingId = uid('h-generate');
  const heading = h('h3', { id: headingId, tabindex: -1 }, 'Générer');

  // ——— The request ———
  const kind = radioGroup<BatchKind>(
    'Documents',
    'kind',
    BATCH_KINDS.map((k) => ({ value: k, label: KIND_WORDS[k].choice })),
    'convention',
  );
  const scope = radioGroup<ScopeChoice>(
    'Pour',
    'scope',
    [
      { value: 'selection', label: 'Les lignes sélectionnées (0)' },
      { value: 'session', label: 'Toute une session' },
    ],
    'selection',
  );
  const selectionLabel = scope.root.querySelector<HTMLLabelElement>(
    `label[for="${scope.inputs[0]?.id ?? ''}"]`,
  );
  const session = selectField('Session', 'sessionId');
  const regenerate = checkbox(
    'Régénérer (les documents déjà faits vont à la corbeille)',
    'regenerate',
  );
  const pdf = checkbox('Enregistrer aussi en PDF', 'pdf');

  let shownIds = '';
  const showSelectionCount = (sel: StageSelection): void => {
    shownIds = sel.selectedIds.join(',');
    if (selectionLabel)
      selectionLabel.textContent = `Les lignes sélectionnées (${sel.selectedIds.length})`;
  };
  showSelectionCount(currentSelection());
  const fillSessions = (ref: ReferenceData | null): void =>
    setOptions(session.control, sessionOptions(ref, 'Choisissez une session'));
  fillSessions(currentReference());
  onReference(fillSessions);
  const syncSession = (): void => {
    const on = scope.value() === 'session';
    session.control.disabled = !on;
    session.root.classList.toggle('disabled', !on);
  };
  syncSession();

  const listeners: (() => void)[] = [];
  const changed = (): void => {
    syncSession();
    for (const l of listeners) l();
  };

  const choice: DocumentChoice = {
    kind: () => kind.value(),
    scope: async () => {
      if (scope.value() === 'session') {
        if (!session.control.value) {
          showError('Choisissez la session.');
          session.control.focus();
          return null;
        }
        return { sessionId: session.control.value };
      }
      // The sheet's selection may have moved since the last poll: never act on rows other than
      // the ones counted here.
      const displayed = shownIds;
      const sel = await refreshSelection().catch(() => currentSelection());
      if (sel.selectedIds.join(',') !== displayed) {
        showError('La sélection a changé : vérifiez le nombre de lignes puis recommencez.');
        return null;
      }
      if (sel.selectedIds.length === 0) {
        showError(
          'Sélectionnez une ou plusieurs lignes de la feuille Stages, ou choisissez « Toute une session ».',
        );
        return null;
      }
      return { stageIds: [...sel.selectedIds] };
    },
    describe: () => {
      const k = KIND_WORDS[kind.value()].choice;
      if (scope.value() === 'session') {
        const s = session.control.selectedOptions[0];
        return `${k}, ${session.control.value && s ? `session ${s.text}` : 'session à choisir'}`;
      }
      return `${k}, les lignes sélectionnées (${currentSelection().selectedIds.length})`;
    },
    onChange: (l) => listeners.push(l),
  };

  // ——— The report, then « Générer N … » ———
  // Not a live region: the server's answer, announced in the status line, sums it up.
  const report = h('div', { class: 'plan' });
  let planned: { request: DocumentRequest; plan: DocumentPlan } | null = null;
  const start = button('Générer', () => void startBatch(), 'primary');
  const startBox = h('div', { class: 'buttons' }, start);
  startBox.hidden = true;
  const forget = (): void => {
    if (!planned) return;
    planned = null;
    replaceChildren(report);
    startBox.hidden = true;
  };
  listeners.push(forget);
  onSelection((sel) => {
    const ids = sel.selectedIds.join(',');
    if (ids === shownIds) return;
    showSelectionCount(sel);
    // A report about other rows would mislead: it is asked again.
    if (scope.value() === 'selection') forget();
    for (const l of listeners) if (l !== forget) l();
  });

  const planForm = actionForm(
    'Générer des documents',
    {
      action: 'apiPlanDocuments',
      input: async () => {
        forget();
        const s = await choice.scope();
        if (!s) return null;
        return {
          kind: kind.value(),
          scope: s,
          regenerate: regenerate.control.checked,
          pdf: pdf.control.checked,
        };
      },
      done: (plan, request) => {
        planned = { request, plan };
        replaceChildren(report, ...planView(plan));
        start.textContent = generateLabel(plan.kind, plan.toCreate);
        start.disabled = plan.blocked !== '' || plan.toCreate === 0;
        startBox.hidden = false;
      },
    },
    kind.root,
    scope.root,
    session.root,
    regenerate.root,
    pdf.root,
    h('div', { class: 'buttons' }, submit('Vérifier')),
  );
  planForm.addEventListener('change', changed);

  // ——— The batch under way ———
  const jobBox = h('div', { class: 'job', role: 'group', 'aria-label': 'Génération en cours' });
  jobBox.hidden = true;
  const jobTitle = h('h4', {}, '');
  const byLine = h('p', { class: 'muted' });
  const barId = uid('job-bar');
  const bar = h('progress', { id: barId, max: 1, value: 0 });
  const barLabel = h('label', { for: barId, class: 'sr-only' }, 'Progression de la génération');
  const progressText = h('p', { class: 'count', 'aria-live': 'polite' });
  const stateLine = h('p', {});
  const cancel = button('Annuler', () => void cancelBatch(), 'secondary');
  const resume = button('Reprendre', () => void resumeBatch(), 'primary');
  const failures = h('div', {});
  jobBox.append(
    jobTitle,
    byLine,
    barLabel,
    bar,
    progressText,
    stateLine,
    h('div', { class: 'buttons' }, resume, cancel),
    failures,
  );

  let job: DocumentJobView | null = null;
  let run: BatchRun | null = null;

  const showJob = (j: DocumentJobView): void => {
    job = latest(job, j);
    const v = job;
    jobBox.hidden = false;
    jobTitle.textContent = `${KIND_WORDS[v.kind].choice} : génération`;
    byLine.textContent = v.by
      ? `Lancée par ${v.by}${v.startedAt ? ` le ${v.startedAt}` : ''}.`
      : '';
    bar.max = Math.max(1, v.total);
    bar.value = Math.min(v.done + v.failed.length, v.total);
    bar.setAttribute('aria-valuetext', v.progress);
    progressText.textContent = v.progress;
    replaceChildren(
      failures,
      v.failed.length > 0
        ? h(
            'div',
            {},
            h('h4', {}, v.failed.length > 1 ? `${v.failed.length} échecs` : '1 échec'),
            h(
              'ul',
              { class: 'stage-list compact', 'aria-label': 'Documents en échec' },
              ...v.failed.map((f) =>
                h(
                  'li',
                  {},
                  h('div', { class: 'dates' }, f.label),
                  h('div', { class: 'stopped' }, f.reason),
                ),
              ),
            ),
          )
        : null,
    );
    const open = v.state === 'running' || v.state === 'quota';
    cancel.hidden = !open;
    // While the lanes run, « Reprendre » has nothing to resume.
    resume.hidden = !open || run !== null;
  };

  const ended = (end: BatchEnd): void => {
    run = null;
    if (end.job) showJob(end.job);
    switch (end.kind) {
      case 'ended':
        stateLine.textContent = endMessage(end.job);
        stateLine.className = end.job.state === 'quota' ? 'warning' : '';
        if (end.job.state === 'quota')
          showError(QUOTA_MESSAGE, { label: 'Reprendre', run: () => void resumeBatch() });
        else announce(endMessage(end.job));
        break;
      case 'failed':
      case 'refused':
        stateLine.textContent = 'Génération interrompue.';
        stateLine.className = 'stopped';
        showError(
          end.kind === 'failed' ? `La génération s’est interrompue : ${end.error}` : end.error,
          { label: 'Reprendre', run: () => void resumeBatch() },
        );
        break;
      case 'stopped':
        break;
    }
    if (job) showJob(job);
    // What this user may still create today has changed.
    afterBatch();
  };

  const drive = (jobId: string): void => {
    if (run) return;
    stateLine.textContent = 'Génération en cours…';
    stateLine.className = '';
    run = driveBatch(jobId, (id) => callServer('apiRunDocumentsChunk', id), {
      onAnswer: (j) => {
        showJob(j);
        void applyOutcome('apiRunDocumentsChunk', j);
      },
    });
    if (job) showJob(job);
    void run.done.then(ended);
  };

  const startBatch = async (): Promise<void> => {
    if (!planned || run) return;
    const { request } = planned;
    const j = await runAction(startBox, 'apiStartDocuments', request);
    if (!j) return;
    forget();
    job = null;
    showJob(j);
    if (j.state === 'running') drive(j.id);
    else ended({ kind: 'ended', job: j });
    jobBox.querySelector<HTMLElement>('h4')?.focus();
  };

  const resumeBatch = async (): Promise<void> => {
    if (!job || run) return;
    clearBanner();
    drive(job.id);
  };

  const cancelBatch = async (): Promise<void> => {
    if (!job) return;
    run?.stop();
    const j = await runAction(jobBox, 'apiCancelDocuments', job.id);
    if (!j) return;
    showJob(j);
    stateLine.textContent = endMessage(j);
    stateLine.className = '';
  };
  jobTitle.tabIndex = -1;

  const root = h(
    'section',
    { class: 'doc-section', 'aria-labelledby': headingId },
    heading,
    planForm,
    report,
    startBox,
    jobBox,
  );

  return {
    root,
    heading,
    choice,
    driving: () => run !== null,
    forget,
    setKind: (k) => {
      kind.set(k);
      changed();
    },
    showFound: (j) => {
      if (run || !j) return;
      if (j.state !== 'running' && j.state !== 'quota') return;
      // The batch this sidebar just drove keeps what was said about how it stopped.
      const known = job?.id === j.id;
      if (!known) job = null;
      showJob(j);
      if (known) return;
      stateLine.textContent =
        j.state === 'quota'
          ? QUOTA_MESSAGE
          : `Une génération est en cours : ${countOf(j.kind, j.done)} sur ${j.total}. Reprenez-la ici, ou annulez-la.`;
      stateLine.className = j.state === 'quota' ? 'warning' : '';
    },
  };
}
