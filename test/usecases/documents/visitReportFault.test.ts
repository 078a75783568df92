/**
 * A fault injected at each service call of « Compte rendu » (one run per call). Whatever fails,
 * either nothing changed — sheets as they were, journal included, and no report left in Drive —
 * with a French message, or the report is made exactly as without a fault; and clicking again
 * afterwards gives exactly one report, linked and registered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, VisitReportView, VisitView } from '../../../src/api/contract';
import { ALL_SHEETS } from '../../../src/sheets/schema';
import type { Harness } from '../harness';
import { readyWorkbook } from './documentsHarness';
import { laurieVisit, switchReports } from './visitReportHarness';

type Snapshot = ReturnType<Harness['em']['snapshot']>;

const picture = (h: Harness) => JSON.stringify(ALL_SHEETS.map((s) => [s.name, h.display(s.name)]));

const liveReports = (h: Harness) =>
  h.em.drive.all().filter((f) => f.appProperties?.sdsKind === 'compteRendu' && !f.trashed);

/** The visit's « Compte rendu » cell and the live register lines of reports. */
function links(h: Harness, visitId: string): { cell: string; registered: string[] } {
  const [vh = [], ...vrows] = h.display('Visites');
  const cell = vrows.find((r) => r[0] === visitId)?.[vh.indexOf('Compte rendu')] ?? '';
  const [dh = [], ...drows] = h.display('Documents');
  const registered = drows
    .filter(
      (r) =>
        r[dh.indexOf('Type')] === 'Compte rendu de visite' &&
        r[dh.indexOf('Statut')] !== 'Remplacée',
    )
    .map((r) => r[dh.indexOf('Document')]!);
  return { cell, registered };
}

describe('a fault at every call of « Compte rendu »', () => {
  let h: Harness;
  let start: Snapshot;
  let visit: VisitView;
  let before: string;

  beforeAll(() => {
    h = readyWorkbook();
    switchReports(h, true);
    visit = laurieVisit(h);
    start = h.em.snapshot();
    before = picture(h);
  });

  it('leaves everything as it was, or makes the one report; a new click then makes one', () => {
    h.em.restore(start);
    h.em.log.reset();
    const clean = h.call<ApiResult<VisitReportView>>('apiVisitReport', { visitId: visit.id });
    expect(clean.ok).toBe(true);
    const calls = Object.entries(h.em.log.snapshot()).flatMap(([key, n]) =>
      Array.from({ length: n }, (_, i) => [key, i + 1] as const),
    );
    expect(calls.length).toBeGreaterThan(10);
    let refused = 0;
    for (const [key, nth] of calls) {
      const at = `fault at ${key}#${nth}`;
      h.em.restore(start);
      h.em.log.reset();
      h.em.log.failOn(key, nth, new Error('Service error: Drive'));
      const r = h.call<ApiResult<VisitReportView>>('apiVisitReport', { visitId: visit.id });
      if (!r.ok) {
        refused += 1;
        expect(r.error, at).toMatch(/^(Erreur inattendue \(réf\. [0-9A-F]{6}\)|Quelqu’un d’autre)/);
        expect(picture(h) === before, at).toBe(true);
        expect(liveReports(h), at).toEqual([]);
      } else {
        expect(r.value.created, at).toBe(true);
        expect(
          liveReports(h).map((f) => f.id),
          at,
        ).toHaveLength(1);
        const l = links(h, visit.id);
        expect([l.cell, l.registered], at).toEqual([r.value.url, [r.value.url]]);
      }
      // The user clicks again: one report, linked and registered, whatever happened before.
      h.em.log.reset();
      const again = h.call<ApiResult<VisitReportView>>('apiVisitReport', { visitId: visit.id });
      expect(again.ok, at).toBe(true);
      const files = liveReports(h);
      expect(files, at).toHaveLength(1);
      const l = links(h, visit.id);
      expect(l.registered, at).toEqual([l.cell]);
      expect(l.cell, at).toContain(files[0]!.id);
    }
    expect(refused).toBeGreaterThan(0);
  });
});
