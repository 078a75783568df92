/**
 * Opening the sidebar from the menu: the page comes with its first screen's data (the
 * selection and the lists), so the sidebar draws it without calling the server; sheet text in
 * that data can never close the script element or become HTML.
 */
import type { ApiResult, SidebarBoot, StageSelection, StageView } from '../../src/api/contract';
import { describe, expect, it } from 'vitest';
import { seededWorkbook } from './harness';

const PAYLOAD = '</script><script>window.pwned=1</script><!-- & \u2028';

describe('menu items open the sidebar with its data', () => {
  it('writes the selection and the lists into the page, escaped for a script element', () => {
    const h = seededWorkbook();
    const row = h.rowOf(h.ids.stages['ACAR Laurie']!);
    h.select(row);
    const s = h.call<StageSelection>('apiGetSelection').stage!;
    const r = h.call<ApiResult<StageView>>('apiStopStage', {
      stageId: s.id,
      fingerprint: s.fingerprint,
      stoppedOn: '27/02/2023',
      reason: PAYLOAD,
    });
    expect(r.ok).toBe(true);
    h.select(row);
    h.call('menuOpenFiche');
    const html = h.em.sheets.ui.sidebars.at(-1)!.html;
    expect(html).not.toContain('</script><script>window.pwned');
    expect(html).not.toContain('<!--');
    const start = html.indexOf('window.SDS_BOOT=') + 'window.SDS_BOOT='.length;
    const end = html.indexOf(';</script>', start);
    const boot = JSON.parse(html.slice(start, end)) as SidebarBoot;
    expect(boot.selection.stage?.student).toBe('ACAR Laurie');
    expect(boot.selection.stage?.stopReason).toContain('</script><script>window.pwned=1</script>');
    expect(boot.reference.companies.map((c) => c.label)).toContain(
      'BANQUE POPULAIRE DU NORD DENAIN',
    );
  });

  it('opens all the same when the workbook cannot be read', () => {
    const h = seededWorkbook();
    h.em.log.failOn('Spreadsheet.getActiveSheet', 1, new Error('Service Spreadsheets failed'));
    h.call('menuOpenGestion');
    const html = h.em.sheets.ui.sidebars.at(-1)!.html;
    expect(html).toContain('window.SDS_VIEW="gestion"');
    expect(html).not.toContain('window.SDS_BOOT=');
  });
});

describe('the documents menu items', () => {
  it('« Modèles de documents… » opens the documents panel, « Générer les conventions… » on « Générer »', () => {
    const h = seededWorkbook();
    h.call('menuOpenDocuments');
    const templates = h.em.sheets.ui.sidebars.at(-1)!.html;
    expect(templates).toContain('window.SDS_VIEW="documents"');
    expect(templates).not.toContain('window.SDS_SECTION="');
    h.call('menuGenerateConventions');
    const generate = h.em.sheets.ui.sidebars.at(-1)!.html;
    expect(generate).toContain('window.SDS_VIEW="documents";window.SDS_SECTION="generate";');
    expect(generate).toContain('window.SDS_BOOT=');
  });
});
