/**
 * Deleting a visit that has its report (« Compte rendu »): refused until the user consents to
 * bin the report; then, in one action, the visit's row goes, the report's register row reads
 * « Annulée » with its day, the journal says so, and the Google Doc goes to the bin. The same
 * from the fiche and from « Mes stages »; a fault at any call leaves all as it was, or all done.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  MyVisitOutcome,
  VisitReportView,
  VisitView,
} from '../../../src/api/contract';
import { ALL_SHEETS } from '../../../src/sheets/schema';
import type { Harness } from '../harness';
import { ok, readyWorkbook } from '../documents/documentsHarness';
import { laurieVisit, switchReports } from '../documents/visitReportHarness';

type Snapshot = ReturnType<Harness['em']['snapshot']>;

const picture = (h: Harness) => JSON.stringify(ALL_SHEETS.map((s) => [s.name, h.display(s.name)]));

const report = (h: Harness, id: string) => h.em.drive.all().find((f) => f.id === id)!;

/** The report's line of the Documents sheet: its status and its cancellation day. */
function registerLine(h: Harness, link: string): [string, string] {
  const [head = [], ...rows] = h.display('Documents');
  const row = rows.find((r) => r[head.indexOf('Document')] === link)!;
  return [row[head.indexOf('Statut')]!, row[head.indexOf('Annulée le')]!];
}

const visitIds = (h: Harness) =>
  h
    .display('Visites')
    .slice(1)
    .map((r) => r[0]);

let h: Harness;
let start: Snapshot;
let visit: VisitView;
let made: VisitReportView;
let fileId: string;

beforeAll(() => {
  h = readyWorkbook();
  switchReports(h, true);
  // M. BRUEL is signed in (the emulator's user): the author of the visit.
  ok(
    h.call('apiSaveStaff', {
      id: h.ids.staff['M. BRUEL Patrick'],
      civility: 'M.',
      lastName: 'BRUEL',
      firstName: 'Patrick',
      email: 'prof@lycee.example',
      discipline: 'Informatique',
    }),
  );
  visit = laurieVisit(h);
  made = ok<VisitReportView>(h.call('apiVisitReport', { visitId: visit.id }));
  fileId = h.em.drive
    .all()
    .find((f) => f.appProperties?.sdsKind === 'compteRendu' && !f.trashed)!.id;
  start = h.em.snapshot();
});

beforeEach(() => {
  h.em.restore(start);
  h.em.log.reset();
});

describe('deleting a visit that has its report', () => {
  it('the lists say it has one, so the sidebar can ask first', () => {
    const listed = h.call<VisitView[]>('apiListVisits', h.ids.stages['ACAR Laurie']!);
    expect(listed.map((v) => [v.report, v.mayRemove])).toEqual([[made.url, true]]);
  });

  it('is refused without the user’s consent to bin the report, changing nothing', () => {
    const before = picture(h);
    for (const action of ['apiRemoveVisit', 'apiRemoveMyVisit']) {
      const r = h.call<ApiResult<unknown>>(action, { visitId: visit.id });
      expect(r).toMatchObject({ ok: false });
      if (!r.ok) expect(r.error).toContain('Cette visite a un compte rendu : confirmez');
    }
    expect(picture(h)).toBe(before);
    expect(report(h, fileId).trashed).toBe(false);
  });

  it('from the fiche: the visit goes, the report is « Annulée » and binned, journalled', () => {
    const journal = h.display('Journal').length;
    const r = h.call<ApiResult<{ reportBinned?: boolean }>>('apiRemoveVisit', {
      visitId: visit.id,
      withReport: true,
    });
    expect(r.ok && r.message).toBe(
      'Visite supprimée ; son compte rendu est à la corbeille (« Annulée » dans la feuille Documents).',
    );
    expect(visitIds(h)).not.toContain(visit.id);
    expect(registerLine(h, made.url)).toEqual(['Annulée', '15/02/2023']);
    expect(report(h, fileId).trashed).toBe(true);
    expect(h.display('Journal')).toHaveLength(journal + 1);
    const line = h.display('Journal').at(-1)!;
    expect(line[2]).toBe('Supprimer une visite');
    expect(line[5]).toContain(`${made.name} (à la corbeille)`);
  });

  it('from « Mes stages »: the same', () => {
    const r = h.call<ApiResult<MyVisitOutcome>>('apiRemoveMyVisit', {
      visitId: visit.id,
      withReport: true,
    });
    expect(ok<MyVisitOutcome>(r).reportBinned).toBe(true);
    expect(visitIds(h)).not.toContain(visit.id);
    expect(registerLine(h, made.url)).toEqual(['Annulée', '15/02/2023']);
    expect(report(h, fileId).trashed).toBe(true);
  });

  it('a report already in the bin by hand: the visit still goes, the register says « Annulée »', () => {
    h.em.globals.Drive.Files.update({ trashed: true }, fileId);
    ok(h.call('apiRemoveVisit', { visitId: visit.id, withReport: true }));
    expect(visitIds(h)).not.toContain(visit.id);
    expect(registerLine(h, made.url)).toEqual(['Annulée', '15/02/2023']);
  });
});

describe('a fault at every call of deleting a visit with its report', () => {
  it('leaves all as it was, or deletes the visit and cancels its report', () => {
    const before = picture(h);
    h.em.log.reset();
    const clean = h.call<ApiResult<unknown>>('apiRemoveVisit', {
      visitId: visit.id,
      withReport: true,
    });
    expect(clean.ok).toBe(true);
    const calls = Object.entries(h.em.log.snapshot()).flatMap(([key, n]) =>
      Array.from({ length: n }, (_, i) => [key, i + 1] as const),
    );
    expect(calls.length).toBeGreaterThan(5);
    let refused = 0;
    for (const [key, nth] of calls) {
      const at = `fault at ${key}#${nth}`;
      h.em.restore(start);
      h.em.log.reset();
      h.em.log.failOn(key, nth, new Error('Service error'));
      const r = h.call<ApiResult<unknown>>('apiRemoveVisit', {
        visitId: visit.id,
        withReport: true,
      });
      if (!r.ok) {
        refused += 1;
        expect(r.error, at).toMatch(/^(Erreur inattendue \(réf\. [0-9A-F]{6}\)|Quelqu’un d’autre)/);
        expect(picture(h) === before, at).toBe(true);
        expect(report(h, fileId).trashed, at).toBe(false);
      } else {
        expect(visitIds(h), at).not.toContain(visit.id);
        expect(registerLine(h, made.url), at).toEqual(['Annulée', '15/02/2023']);
        expect(h.display('Journal').at(-1)![2], at).toBe('Supprimer une visite');
        // Only a fault at the bin itself leaves the file in its folder, unlinked.
        if (!report(h, fileId).trashed) expect(key, at).toMatch(/^Drive\./);
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});
