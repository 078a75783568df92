/**
 * What the sidebar knows about the spreadsheet: the selection under the cursor (polled) and the
 * reference lists for the drop-downs. Panels subscribe; they are told only when data changed,
 * so a poll never rebuilds the DOM under a keyboard user's focus.
 */
import type {
  DocumentJobView,
  ReferenceData,
  SidebarBoot,
  StageSelection,
  StageView,
  Zone,
} from '../api/contract';
import { type ActionName, type ActionValue, callServer } from './api';
import { seedCoverage, setCoverage, setCoverageZone } from './coverage';

const EMPTY_SELECTION: StageSelection = {
  stage: null,
  siblings: [],
  selectedIds: [],
  selectedFingerprints: [],
  probe: { sheet: '', rows: '', currentRow: 0, rowDigest: '', width: 0 },
};

let selection: StageSelection = EMPTY_SELECTION;
let selectionKey = '';
let reference: ReferenceData | null = null;
let referenceKey = '';

type Listener<T> = (value: T) => void;
const selectionListeners: Listener<StageSelection>[] = [];
const referenceListeners: Listener<ReferenceData>[] = [];

export function currentSelection(): StageSelection {
  return selection;
}

export function currentReference(): ReferenceData | null {
  return reference;
}

export function onSelection(l: Listener<StageSelection>): void {
  selectionListeners.push(l);
}

export function onReference(l: Listener<ReferenceData>): void {
  referenceListeners.push(l);
}

let inFlight: Promise<StageSelection> | null = null;
/** Whether the server has given a selection whose probe can be sent back. */
let probed = false;

function publishSelection(next: StageSelection, force: boolean): void {
  const key = JSON.stringify(next);
  probed = true;
  if (force || key !== selectionKey) {
    selection = next;
    selectionKey = key;
    for (const l of selectionListeners) l(selection);
  }
}

/**
 * Reads the selection now; listeners run only when it differs from the last one seen. A poll
 * sends back what the sidebar last saw, so the server answers "unchanged" after one cell read.
 */
export function refreshSelection(force = false): Promise<StageSelection> {
  if (inFlight && !force) return inFlight;
  const p = (
    force || !probed
      ? callServer('apiGetSelection').then((sel) => {
          publishSelection(sel ?? EMPTY_SELECTION, force);
          return true;
        })
      : callServer('apiPollSelection', selection.probe).then((poll) => {
          if (poll.changed) publishSelection(poll.selection, false);
          if (reference && poll.refsVersion !== reference.version) void refreshReference();
          return poll.changed;
        })
  )
    .then((changed) => {
      lastChange = changed ? Date.now() : lastChange;
      return selection;
    })
    .finally(() => {
      if (inFlight === p) inFlight = null;
    });
  inFlight = p;
  return p;
}

/**
 * The first screen's data written into the page by the server (SidebarBoot). Checked for its
 * shape only: it comes from the server like any answer. False when there is none to use.
 */
export function seedFrom(boot: unknown): boolean {
  if (!boot || typeof boot !== 'object') return false;
  const b = boot as Partial<SidebarBoot>;
  const sel = b.selection;
  const ref = b.reference;
  if (!sel || typeof sel !== 'object' || !Array.isArray(sel.siblings) || !sel.probe) return false;
  if (!ref || typeof ref !== 'object' || !Array.isArray(ref.sessions)) return false;
  reference = ref;
  referenceKey = JSON.stringify(ref);
  for (const l of referenceListeners) l(ref);
  if (b.coverage && typeof b.coverage === 'object') seedCoverage(b.coverage);
  publishSelection(sel, true);
  return true;
}

/** Stages an action just changed or created, merged into what the sidebar shows. */
export function applyStages(changed: readonly StageView[]): void {
  if (changed.length === 0) return;
  const byId = new Map(changed.map((v) => [v.id, v]));
  const current = selection.stage ? (byId.get(selection.stage.id) ?? selection.stage) : null;
  const siblings = selection.siblings.map((v) => byId.get(v.id) ?? v);
  if (current) {
    for (const v of changed) {
      const sameStudent = v.studentId === current.studentId && v.sessionId === current.sessionId;
      if (sameStudent && !siblings.some((s) => s.id === v.id)) siblings.push(v);
    }
  }
  siblings.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const fingerprints = selection.selectedIds.map(
    (id, i) => byId.get(id)?.fingerprint ?? selection.selectedFingerprints[i] ?? '',
  );
  const selected = selection.selected?.map((r) => {
    const v = byId.get(r.id);
    return v ? { ...r, start: v.start, end: v.end, stoppedOn: v.stoppedOn } : r;
  });
  // The row the sidebar saw changed: the next poll reads the selection whole.
  const probe = { ...selection.probe, rowDigest: '' };
  publishSelection(
    {
      ...selection,
      stage: current,
      siblings,
      selectedFingerprints: fingerprints,
      probe,
      ...(selected ? { selected } : {}),
    },
    true,
  );
}

export function refreshReference(): Promise<ReferenceData> {
  return callServer('apiGetReferenceData').then((ref) => {
    const key = JSON.stringify(ref);
    if (key !== referenceKey) {
      reference = ref;
      referenceKey = key;
      for (const l of referenceListeners) l(ref);
    }
    return ref;
  });
}

/** Reads the selection and the reference lists again, whatever changed. */
export function reloadAll(): Promise<unknown> {
  return Promise.allSettled([refreshSelection(true), refreshReference()]);
}

/** Changes the reference lists the sidebar holds (an entity the server just saved). */
function updateReference(change: (r: ReferenceData) => ReferenceData): void {
  if (!reference) return;
  reference = change(reference);
  referenceKey = JSON.stringify(reference);
  for (const l of referenceListeners) l(reference);
}

function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const i = list.findIndex((x) => x.id === item.id);
  return i < 0 ? [...list, item] : list.map((x) => (x.id === item.id ? item : x));
}

/**
 * Brings the sidebar up to date after the server accepted `action` (every form and action
 * button comes through here, see form.ts), from what the action returned: no further server
 * call. A change elsewhere in the sheet (a label renamed, a reference list's new version) is
 * seen by the next look at the selection.
 */
export async function applyOutcome<K extends ActionName>(
  action: K,
  value: ActionValue<K>,
  refsVersion?: string,
): Promise<void> {
  const v = value as unknown;
  // The lists changed by this action are changed here below: the new version is theirs, so
  // the next look at the selection does not read them all again.
  const settle = (): void => {
    if (reference && refsVersion !== undefined) reference = { ...reference, version: refsVersion };
  };
  switch (action) {
    case 'apiStopStage':
    case 'apiRemoveStop':
    case 'apiNewStage':
    case 'apiReassignStage':
      return applyStages([v as StageView]);
    case 'apiSplitStage':
    case 'apiAffect':
    case 'apiStopStages':
      return applyStages(v as StageView[]);
    case 'apiStartDocuments':
    case 'apiRunDocumentsChunk':
    case 'apiCancelDocuments':
      // Their « Convention » (or « Avenant ») cell now links to the document just made.
      return applyStages((v as DocumentJobView).updated);
    case 'apiRegulariseBlank':
    case 'apiCancelDocument': {
      const { stage } = v as ActionValue<'apiRegulariseBlank'>;
      return stage ? applyStages([stage]) : undefined;
    }
    case 'apiAddAbsence':
    case 'apiRemoveAbsence':
    case 'apiAddVisit':
      return applyStages([(v as { stage: StageView }).stage]);
    case 'apiRecordMyVisit':
    case 'apiEditMyVisit':
    case 'apiRemoveMyVisit':
    case 'apiPlanMyVisit':
      return applyStages([(v as { followed: { stage: StageView } }).followed.stage]);
    case 'apiRemoveVisit': {
      const { stageId, counted } = v as { stageId: string; counted: boolean };
      const stage = [selection.stage, ...selection.siblings].find((s) => s?.id === stageId);
      if (stage && counted) applyStages([{ ...stage, visits: Math.max(0, stage.visits - 1) }]);
      return;
    }
    case 'apiSaveTutor': {
      const t = v as { id: string; label: string; companyId: string };
      updateReference((r) => ({
        ...r,
        tutors: upsert(r.tutors, { id: t.id, label: t.label, companyId: t.companyId }),
      }));
      return settle();
    }
    case 'apiSaveStaff': {
      const m = v as { id: string; label: string };
      return updateReference((r) => ({
        ...r,
        staff: upsert(r.staff, { id: m.id, label: m.label }),
      }));
    }
    case 'apiSaveSession': {
      const session = v as ReferenceData['sessions'][number];
      updateReference((r) => ({ ...r, sessions: upsert(r.sessions, session) }));
      return settle();
    }
    case 'apiSaveCompany': {
      const c = v as { id: string; name: string };
      const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
      updateReference((r) => ({
        ...r,
        companies: upsert(r.companies, { id: c.id, label: c.name }).sort((a, b) =>
          byName.compare(a.label, b.label),
        ),
      }));
      // The rows of a renamed company's stages changed: the next look at the selection sees it.
      return settle();
    }
    case 'apiImportSchoolHolidays': {
      const { coverage } = v as ActionValue<'apiImportSchoolHolidays'>;
      if (coverage) setCoverage(coverage);
      return;
    }
    case 'apiSaveSettings':
      // Presence counted again (read again below); in another zone, other holidays are known.
      setCoverageZone((v as { zone: Zone }).zone);
      await refreshSelection(true);
      return;
    case 'apiAssignStudents':
      // New stages: what the sidebar shows is read again.
      await refreshSelection(true);
      return;
    case 'apiApplyImport':
      await reloadAll();
      return;
    default:
      // Filters, plannings, previews: nothing the sidebar shows has changed.
      return;
  }
}

let timer: ReturnType<typeof setTimeout> | null = null;
let lastChange = Date.now();
let lastInput = Date.now();

/**
 * How long to wait before the next look at the selection: often while the user works, less
 * and less often while nothing happens (each look is a server execution), and not at all while
 * the sidebar is hidden.
 */
export function pollDelay(idleMs: number, failures: number, base = 1500): number {
  const backoff = failures > 3 ? Math.min(8, failures - 2) : 1;
  const idle = idleMs < 30_000 ? 1 : idleMs < 120_000 ? 2 : idleMs < 600_000 ? 4 : 10;
  return base * Math.max(backoff, idle);
}

/**
 * Follows the sheet's selection, and at once when the sidebar gets the focus back (the user
 * just clicked in the sheet and comes back) or becomes visible again.
 */
export function startPolling(ms = 1500): void {
  if (timer) return;
  let failures = 0;
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    const idle = Date.now() - Math.max(lastChange, lastInput);
    timer = setTimeout(tick, pollDelay(idle, failures, ms));
  };
  const tick = (): void => {
    if (document.visibilityState === 'hidden') {
      timer = null;
      return;
    }
    refreshSelection().then(
      () => {
        failures = 0;
        schedule();
      },
      () => {
        failures += 1;
        schedule();
      },
    );
  };
  const wake = (): void => {
    lastInput = Date.now();
    if (document.visibilityState === 'hidden') return;
    if (timer) clearTimeout(timer);
    tick();
  };
  timer = setTimeout(tick, ms);
  window.addEventListener('focus', wake);
  document.addEventListener('visibilitychange', wake);
  for (const type of ['pointerdown', 'keydown'] as const) {
    window.addEventListener(type, () => (lastInput = Date.now()), { passive: true });
  }
}
