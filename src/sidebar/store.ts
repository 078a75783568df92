/**
 * What the sidebar knows about the spreadsheet: the selection under the cursor (polled) and the
 * reference lists for the drop-downs. Panels subscribe; they are told only when data changed,
 * so a poll never rebuilds the DOM under a keyboard user's focus.
 */
import type { ReferenceData, StageSelection } from '../api/contract';
import { type ActionName, type ActionValue, callServer } from './api';

const EMPTY_SELECTION: StageSelection = {
  stage: null,
  siblings: [],
  selectedIds: [],
  selectedFingerprints: [],
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

/** Reads the selection now; listeners run only when it differs from the last one seen. */
export function refreshSelection(force = false): Promise<StageSelection> {
  if (inFlight && !force) return inFlight;
  const p = callServer('apiGetSelection')
    .then((sel) => {
      const next = sel ?? EMPTY_SELECTION;
      const key = JSON.stringify(next);
      if (force || key !== selectionKey) {
        selection = next;
        selectionKey = key;
        for (const l of selectionListeners) l(selection);
      }
      return selection;
    })
    .finally(() => {
      if (inFlight === p) inFlight = null;
    });
  inFlight = p;
  return p;
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

/**
 * Brings the sidebar up to date after the server accepted `action` (every form and action
 * button comes through here, see form.ts). For now it reads the selection and every reference
 * list again, two more server calls; this is the one place to make it use `value` instead.
 */
export async function applyOutcome<K extends ActionName>(
  _action: K,
  _value: ActionValue<K>,
): Promise<void> {
  await reloadAll();
}

let timer: ReturnType<typeof setInterval> | null = null;

/**
 * Follows the sheet's selection: every `ms` while the sidebar is visible, and at once when it
 * gets focus back (the user just clicked in the sheet and comes back).
 */
export function startPolling(ms = 1500): void {
  if (timer) return;
  let failures = 0;
  const tick = (): void => {
    if (document.visibilityState === 'hidden') return;
    // After repeated failures, poll less often so a broken server is not hammered.
    if (failures > 3 && failures % 5 !== 0) {
      failures += 1;
      return;
    }
    refreshSelection().then(
      () => (failures = 0),
      () => (failures += 1),
    );
  };
  timer = setInterval(tick, ms);
  window.addEventListener('focus', tick);
  document.addEventListener('visibilitychange', tick);
}
