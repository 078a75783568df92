/**
 * The reference lists kept between executions (src/gas/referenceCache.ts): used while nothing
 * changed, never after a change by the add-on or by hand, and never a reason for an action to
 * fail.
 */
import type { ApiResult, ReferenceData, StageSelection, StageView } from '../../src/api/contract';
import { isRoundTrip } from 'gas-emulator/instrument';
import { describe, expect, it } from 'vitest';
import { type Harness, seededWorkbook } from './harness';

function companies(h: Harness): string[] {
  return h.call<ReferenceData>('apiGetReferenceData').companies.map((c) => c.label);
}

function laurie(h: Harness): StageView {
  h.select(h.rowOf(h.ids.stages['ACAR Laurie']!));
  return h.call<StageSelection>('apiGetSelection').stage!;
}

describe('reference lists cached between executions', () => {
  it('a second reading of the lists reads no sheet', () => {
    const h = seededWorkbook();
    companies(h);
    h.em.log.reset();
    companies(h);
    expect(h.em.log.total(isRoundTrip)).toBe(0);
    expect(h.em.log.count('Cache.getAll')).toBe(1);
  });

  it('a company renamed by hand (onEdit) is read again, and written so on the stage', () => {
    const h = seededWorkbook();
    expect(companies(h)).toContain('BANQUE POPULAIRE DU NORD DENAIN');
    const ss = h.em.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Entreprises')!;
    const names = sheet
      .getRange('B:B')
      .getValues()
      .map((r) => r[0]);
    const row = names.indexOf('BANQUE POPULAIRE DU NORD DENAIN') + 1;
    const range = sheet.getRange(row, 2);
    range.setValue('BANQUE POPULAIRE (DENAIN)');
    h.call('onEdit', { range, value: 'BANQUE POPULAIRE (DENAIN)', source: ss });
    expect(companies(h)).toContain('BANQUE POPULAIRE (DENAIN)');
    const s = laurie(h);
    const r = h.call<ApiResult<StageView>>('apiReassignStage', {
      stageId: s.id,
      row: s.row,
      studentId: s.studentId,
      fingerprint: s.fingerprint,
      companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN']!,
      tutorId: '',
      referentId: '',
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.company).toBe('BANQUE POPULAIRE (DENAIN)');
  });

  it('a member of staff added by the add-on is in the lists at once', () => {
    const h = seededWorkbook();
    expect(h.call<ReferenceData>('apiGetReferenceData').staff.map((s) => s.label)).not.toContain(
      'Mme ROUX Léa',
    );
    const r = h.call<ApiResult<{ id: string }>>('apiSaveStaff', {
      id: '',
      civility: 'Mme',
      lastName: 'Roux',
      firstName: 'Léa',
      email: '',
      discipline: '',
    });
    expect(r.ok).toBe(true);
    expect(h.call<ReferenceData>('apiGetReferenceData').staff.map((s) => s.label)).toContain(
      'Mme ROUX Léa',
    );
  });

  it('a cache that fails is read around: the action still succeeds from the sheets', () => {
    const h = seededWorkbook();
    const s = laurie(h);
    h.em.log.failOn('Cache.getAll', 1, new Error('Service Cache failed'));
    h.em.log.failOn('Cache.putAll', 1, new Error('Service Cache failed'));
    const r = h.call<ApiResult<StageView>>('apiReassignStage', {
      stageId: s.id,
      fingerprint: s.fingerprint,
      companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN']!,
      tutorId: '',
      referentId: '',
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.company).toBe('BANQUE POPULAIRE DU NORD DENAIN');
  });
});
