/**
 * « Compte rendu de visite » on the real bundle: refused while the session does not ask for
 * them; then made once from its template (one Drive copy, one Docs batchUpdate) in the session's
 * folder, filled with the visit, registered in « Documents », linked from the visit's row and
 * journalled; a second click gives the same document; a report put in the bin is made again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  FollowUpPreview,
  MyStagesView,
  StaffView,
  VisitReportView,
  VisitView,
} from '../../../src/api/contract';
import { VISITS } from '../../../src/sheets/schema';
import type { Harness } from '../harness';
import { docTextOfUrl, ok, readyWorkbook, WORD_JOINER } from './documentsHarness';
import { laurieVisit, switchReports } from './visitReportHarness';

const reports = (h: Harness) =>
  h.em.drive.all().filter((f) => f.appProperties?.sdsKind === 'compteRendu' && !f.trashed);

describe('« Compte rendu » of a visit', () => {
  let h: Harness;
  let visit: VisitView;
  let first: VisitReportView;
  beforeAll(() => {
    h = readyWorkbook();
    visit = laurieVisit(h);
  });

  it('is refused, in French, while the session does not ask for reports', () => {
    const r = h.call<ApiResult<VisitReportView>>('apiVisitReport', { visitId: visit.id });
    expect(r).toMatchObject({
      ok: false,
      error:
        'La session « BTS 1 info période 1 » ne prévoit pas de compte rendu de visite : mettez « oui » dans sa colonne « Compte rendu de visite » (feuille Sessions).',
    });
    expect(reports(h)).toEqual([]);
  });

  it('the switch shows in the reference data, the visits list and « Mes stages »', () => {
    switchReports(h, true);
    const ref = h.call<{ sessions: { id: string; visitReports?: boolean }[] }>(
      'apiGetReferenceData',
    );
    expect(ref.sessions.find((s) => s.id === h.ids.sessionId)!.visitReports).toBe(true);
    const listed = h.call<VisitView[]>('apiListVisits', h.ids.stages['ACAR Laurie']!);
    expect(listed.map((v) => [v.id, v.report])).toEqual([[visit.id, '']]);
  });

  it('makes it with one copy and one batchUpdate, in the session folder, filled', () => {
    const journal = h.display('Journal').length;
    h.em.log.reset();
    const r = h.call<ApiResult<VisitReportView>>('apiVisitReport', { visitId: visit.id });
    first = ok<VisitReportView>(r);
    expect(r.ok && r.message).toBe(
      'Compte rendu créé : « Compte rendu de visite – ACAR Laurie – CREDIT AGRICOLE DU NORD CAMBRAI – 14 février 2023 ».',
    );
    expect(first).toMatchObject({ created: true, visitId: visit.id });
    const calls = h.em.log.snapshot();
    expect(calls['Drive.Files.copy']).toBe(1);
    expect(calls['Docs.Documents.batchUpdate']).toBe(1);
    const files = reports(h);
    expect(files).toHaveLength(1);
    const folder = h.em.drive.all().find((f) => f.id === files[0]!.parents[0]);
    expect(folder?.name).toBe('BTS 1 info période 1');

    const text = docTextOfUrl(h, first.url).replace(WORD_JOINER, '');
    expect(text).toContain('Compte rendu de visite');
    expect(text).toContain('Laurie ACAR');
    expect(text).toContain('CREDIT AGRICOLE DU NORD CAMBRAI');
    expect(text).toContain('14/02/2023');
    expect(text).toContain('Visioconférence');
    expect(text).toContain('M. Patrick BRUEL');
    // The comment on one line, its braces inert.
    expect(text).toContain('Bonne intégration., Tuteur disponible {{eleve.nom}}');
    expect(docTextOfUrl(h, first.url)).not.toMatch(/\{\{[a-z]/);

    // Linked from the visit, registered, journalled: one line.
    const [vh = [], ...vrows] = h.display(VISITS.name);
    const vrow = vrows.find((r) => r[0] === visit.id)!;
    expect(vrow[vh.indexOf('Compte rendu')]).toBe(first.url);
    const [dh = [], ...drows] = h.display('Documents');
    const reg = drows.filter((r) => r[dh.indexOf('Type')] === 'Compte rendu de visite');
    expect(reg.map((r) => [r[dh.indexOf('Document')], r[dh.indexOf('Statut')]])).toEqual([
      [first.url, 'Générée'],
    ]);
    expect(h.display('Journal')).toHaveLength(journal + 1);
    expect(h.display('Journal').at(-1)!.slice(2, 4)).toEqual([
      'Générer : compte rendu de visite',
      'ACAR Laurie – BTS 1 info période 1',
    ]);
  });

  it('a second click gives the same document: nothing copied, written or journalled', () => {
    const journal = h.display('Journal').length;
    h.em.log.reset();
    const r = h.call<ApiResult<VisitReportView>>('apiVisitReport', { visitId: visit.id });
    expect(ok<VisitReportView>(r)).toMatchObject({ created: false, url: first.url });
    expect(r.ok && r.message).toMatch(/^Le compte rendu existe déjà/);
    const calls = h.em.log.snapshot();
    expect(calls['Drive.Files.copy'] ?? 0).toBe(0);
    expect(calls['Range.setValues'] ?? 0).toBe(0);
    expect(h.display('Journal')).toHaveLength(journal);
    expect(reports(h)).toHaveLength(1);
    const listed = h.call<VisitView[]>('apiListVisits', h.ids.stages['ACAR Laurie']!);
    expect(listed[0]!.report).toBe(first.url);
  });

  it('a report put in the bin is made again, the old register line marked replaced', () => {
    h.em.drive.all().find((f) => f.id === reports(h)[0]!.id)!.trashed = true;
    const again = ok<VisitReportView>(
      h.call('apiVisitReport', { visitId: visit.id }) as ApiResult<VisitReportView>,
    );
    expect(again.created).toBe(true);
    expect(again.url).not.toBe(first.url);
    expect(reports(h)).toHaveLength(1);
    const [dh = [], ...drows] = h.display('Documents');
    const reg = drows.filter((r) => r[dh.indexOf('Type')] === 'Compte rendu de visite');
    expect(reg.map((r) => r[dh.indexOf('Statut')])).toEqual(['Remplacée', 'Générée']);
  });

  it('is refused for a visit still to come, and for a visit gone', () => {
    const later = laurieVisit(h, '20/03/2023');
    expect(h.call('apiVisitReport', { visitId: later.id })).toMatchObject({
      ok: false,
      error: 'Cette visite n’a pas encore eu lieu : son compte rendu se fait après.',
    });
    expect(h.call('apiVisitReport', { visitId: 'VIS-INCONNUE' })).toMatchObject({
      ok: false,
      conflict: true,
    });
  });

  it('« Mes stages » shows the switch and the visit’s report', () => {
    ok<StaffView>(
      h.call('apiSaveStaff', {
        id: h.ids.staff['M. BRUEL Patrick']!,
        civility: 'M.',
        lastName: 'BRUEL',
        firstName: 'Patrick',
        email: 'prof@lycee.example',
        discipline: 'Informatique',
      }),
    );
    const follow = {
      sessionId: '',
      stageIds: [h.ids.stages['ACAR Laurie']!],
      teacherIds: [h.ids.staff['M. BRUEL Patrick']!],
      keepExisting: true,
      cap: '',
    };
    const p = ok<FollowUpPreview>(h.call('apiPreviewFollowUp', follow));
    ok(h.call('apiApplyFollowUp', { ...follow, digest: p.digest }));
    const mine = ok<MyStagesView>(h.call('apiMyStages'));
    const laurie = mine.stages.find((s) => s.stage.id === h.ids.stages['ACAR Laurie'])!;
    expect(laurie.visitReports).toBe(true);
    expect(laurie.visits.find((v) => v.id === visit.id)!.report).toMatch(/^https:\/\/docs/);
  });
});
