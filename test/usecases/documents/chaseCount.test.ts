/**
 * The count of « Conventions à relancer » on the sidebar's home is kept for the day in the
 * document's cache (src/gas/chaseCountCache.ts): opening the sidebar again does not read the
 * Documents and Stages sheets, and the count is never stale after a change the add-on or a
 * hand edit made, a new day, or other thresholds in Paramètres.
 */
import { describe, expect, it } from 'vitest';
import type {
  ApiResult,
  ChaseList,
  DocumentStepOutcome,
  RegisterDocumentView,
  SidebarBoot,
  StageDocumentsView,
} from '../../../src/api/contract';
import type { Harness } from '../harness';
import { generate, ok, readyWorkbook, request, select } from './documentsHarness';

const at = (h: Harness, iso: string, time = '10:00') =>
  h.em.setNow(new Date(`${iso}T${time}:00+01:00`));

/** Opens the sidebar from the menu: the count the page was given. */
function opened(h: Harness): SidebarBoot['chase'] {
  h.call('menuOpenFiche');
  const html = h.em.sheets.ui.sidebars.at(-1)!.html;
  const start = html.indexOf('window.SDS_BOOT=') + 'window.SDS_BOOT='.length;
  return (JSON.parse(html.slice(start, html.indexOf(';</script>', start))) as SidebarBoot).chase;
}

/** What « Conventions à relancer » lists now, read from the sheets. */
function truth(h: Harness): SidebarBoot['chase'] {
  const l = ok<ChaseList>(h.call('apiConventionsToChase', ''));
  return {
    items: l.items.length,
    overdue: l.items.filter((i) => i.kind === 'overdue').length,
    blanks: l.blanks.length,
  };
}

function laurie(h: Harness): RegisterDocumentView {
  return ok<StageDocumentsView>(h.call('apiStageDocuments', h.ids.stages['ACAR Laurie']!))
    .documents[0]!;
}

function record(h: Harness, d: RegisterDocumentView, step: string): void {
  ok<DocumentStepOutcome>(
    h.call<ApiResult<DocumentStepOutcome>>('apiRecordDocumentStep', {
      documentId: d.id,
      row: d.row,
      fingerprint: d.fingerprint,
      step,
      date: '',
    }),
  );
}

/** Laurie's convention, generated and sent on 15/02/2023, 10 days later: to chase. */
function sentTenDaysAgo(): Harness {
  const h = readyWorkbook();
  generate(h, request('convention', { stageIds: [h.ids.stages['ACAR Laurie']!] }));
  record(h, laurie(h), 'sent');
  at(h, '2023-02-25');
  return h;
}

/** Laurie's « Envoyée le » emptied as another program would: no trigger reports it. */
function completeBehindTheAddOnsBack(h: Harness): void {
  const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Documents')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  const col = header.indexOf('Envoyée le') + 1;
  const row = laurie(h).row;
  sheet.getRange(row, col).setValue('');
}

describe('the count of conventions to chase on the sidebar’s home', () => {
  it('is today’s count, kept in the cache: a change no trigger reports shows when it expires', () => {
    const h = sentTenDaysAgo();
    const counted = opened(h)!;
    expect(counted).toEqual(truth(h));
    expect(counted.items).toBeGreaterThan(0);
    // Laurie's convention is the one sent and not back; the others start soon without one.
    expect(counted.overdue).toBe(1);
    completeBehindTheAddOnsBack(h);
    expect(truth(h)!.items).toBe(counted.items - 1);
    expect(opened(h)).toEqual(counted);
    at(h, '2023-02-25', '10:11');
    expect(opened(h)).toEqual(truth(h));
  });

  it('is counted again after a step recorded by the add-on', () => {
    const h = sentTenDaysAgo();
    const counted = opened(h)!;
    record(h, laurie(h), 'student');
    record(h, laurie(h), 'company');
    record(h, laurie(h), 'school');
    expect(truth(h)!.items).toBe(counted.items - 1);
    expect(opened(h)).toEqual(truth(h));
  });

  it('is counted again on a new day, and with other thresholds in Paramètres', () => {
    const h = readyWorkbook();
    generate(h, request('convention', { stageIds: [h.ids.stages['ACAR Laurie']!] }));
    record(h, laurie(h), 'sent');
    at(h, '2023-02-24');
    const before = opened(h)!;
    at(h, '2023-02-25');
    const after = opened(h)!;
    expect(after.items).toBe(before.items + 1);
    expect(after).toEqual(truth(h));
    const settings = h.call('apiGetSettings') as Record<string, unknown>;
    ok(h.call('apiSaveSettings', { ...settings, chaseAfterDays: 30 }));
    expect(opened(h)).toEqual(before);
  });

  it('is counted again after a date typed by hand in the Documents sheet (onEdit)', () => {
    const h = sentTenDaysAgo();
    const counted = opened(h)!;
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Documents')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    const cell = sheet.getRange(laurie(h).row, header.indexOf('Envoyée le') + 1);
    cell.setValue('');
    h.call('onEdit', { range: cell, source: sheet.getParent(), value: '' });
    expect(opened(h)).toEqual({
      ...counted,
      items: counted.items - 1,
      overdue: counted.overdue - 1,
    });
  });

  it('is counted from the sheets when the cache fails', () => {
    const h = sentTenDaysAgo();
    h.em.log.failOn('Cache.get', 1, new Error('Service Cache failed'));
    h.em.log.failOn('Cache.put', 1, new Error('Service Cache failed'));
    expect(opened(h)).toEqual(truth(h));
  });

  it('is dropped by a stop, kept by a new company (which changes nothing to chase)', () => {
    const h = sentTenDaysAgo();
    const counted = opened(h)!;
    completeBehindTheAddOnsBack(h);
    const s = select(h, 'ACNA Camille');
    const other = Object.keys(h.ids.companies).find((c) => c !== s.company)!;
    ok(
      h.call('apiReassignStage', {
        stageId: s.id,
        fingerprint: s.fingerprint,
        companyId: h.ids.companies[other],
        tutorId: '',
        referentId: '',
      }),
    );
    expect(select(h, 'ACNA Camille').company).toBe(other);
    expect(opened(h)).toEqual(counted);
    ok(
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: select(h, 'ACNA Camille').fingerprint,
        stoppedOn: '24/02/2023',
        reason: 'Déménagement',
      }),
    );
    expect(opened(h)).toEqual(truth(h));
    expect(truth(h)).not.toEqual(counted);
  });
});
