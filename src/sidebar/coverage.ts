/**
 * Which school years' holidays the workbook knows, for the fiche's and Paramètres' notes. Read
 * once when the sidebar starts (and again when Paramètres opens, in case the Vacances sheet was
 * edited by hand); an import or a change of zone updates it from the action's answer.
 */
import type { HolidayCoverageView, Zone } from '../api/contract';
import { callServer } from './api';

let current: HolidayCoverageView | null = null;
let loading: Promise<HolidayCoverageView | null> | null = null;
const listeners: ((c: HolidayCoverageView) => void)[] = [];

export function currentCoverage(): HolidayCoverageView | null {
  return current;
}

export function onCoverage(listener: (c: HolidayCoverageView) => void): void {
  listeners.push(listener);
}

/** The coverage written into the page at opening: no call needed to know it. */
export function seedCoverage(boot: HolidayCoverageView): void {
  setCoverage(boot);
  loading = Promise.resolve(boot);
}

export function setCoverage(next: HolidayCoverageView): void {
  if (current && JSON.stringify(current) === JSON.stringify(next)) return;
  current = next;
  for (const l of listeners) l(next);
}

/** The school's zone changed (Paramètres saved): the years known are those of the new zone. */
export function setCoverageZone(zone: Zone): void {
  if (current && current.zone !== zone) setCoverage({ ...current, zone });
}

/** Reads the coverage from the server, once unless `again`; null when the call failed. */
export function loadCoverage(again = false): Promise<HolidayCoverageView | null> {
  if (loading && !again) return loading;
  const p = callServer('apiGetHolidayCoverage').then(
    (c) => {
      setCoverage(c);
      return c;
    },
    () => {
      if (loading === p) loading = null;
      return null;
    },
  );
  loading = p;
  return p;
}
