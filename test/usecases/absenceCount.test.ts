/**
 * The hidden "Absences (nombre)" column counts each stage's absences (a formula over the
 * Absences sheet): an action that changes a stage's dates reads that sheet only when the stage
 * has some, and counts them right when it does.
 */
import type { ApiResult, StageSelection, StageView } from '../../src/api/contract';
import { isRoundTrip } from 'gas-emulator/instrument';
import { describe, expect, it } from 'vitest';
import { type Harness, seededWorkbook } from './harness';

function shown(h: Harness, label: string): StageView {
  h.select(h.rowOf(h.ids.stages[label]!));
  return h.call<StageSelection>('apiGetSelection').stage!;
}

function stop(h: Harness, s: StageView): ApiResult<StageView> {
  return h.call<ApiResult<StageView>>('apiStopStage', {
    stageId: s.id,
    row: s.row,
    studentId: s.studentId,
    fingerprint: s.fingerprint,
    stoppedOn: '27/02/2023',
    reason: 'Rupture',
  });
}

describe('the absences count of a stage row', () => {
  it('is 0, then 1 once an absence is recorded', () => {
    const h = seededWorkbook();
    const cell = () =>
      h.stageRows().find((r) => r['Élève'] === 'ACAR Laurie')!['Absences (nombre)'];
    expect(cell()).toBe('0');
    const s = shown(h, 'ACAR Laurie');
    h.call('apiAddAbsence', {
      stageId: s.id,
      start: '15/02/2023',
      end: '',
      halfDay: false,
      reason: 'Malade',
      justified: true,
      countsAsPresence: false,
    });
    expect(cell()).toBe('1');
  });

  it('a stop of a stage without absence reads no Absences sheet: 4 reads and writes', () => {
    const h = seededWorkbook();
    const s = shown(h, 'ACAR Laurie');
    h.em.log.reset();
    const r = stop(h, s);
    expect(r.ok).toBe(true);
    expect(h.em.log.total(isRoundTrip)).toBe(4);
    if (r.ok) expect(r.value.presence).toBe('19 jours');
  });

  it('a split of a stage without absence: 6 reads and writes, its second part has none', () => {
    const h = seededWorkbook();
    const s = shown(h, 'ACAR Laurie');
    h.em.log.reset();
    const r = h.call<ApiResult<StageView[]>>('apiSplitStage', {
      stageId: s.id,
      row: s.row,
      studentId: s.studentId,
      fingerprint: s.fingerprint,
      splitDate: '01/03/2023',
      firstPartEnd: '',
      mode: 'cut',
      reason: '',
      keepAssignment: true,
      companyId: '',
      tutorId: '',
      referentId: '',
    });
    expect(r.ok).toBe(true);
    expect(h.em.log.total(isRoundTrip)).toBe(6);
    if (r.ok) expect(r.value.map((v) => v.presence)).toEqual(['20 jours', '1 mois 1 jour']);
  });

  it('a stop of a stage with an absence still counts it', () => {
    const h = seededWorkbook();
    const s = shown(h, 'ACAR Laurie');
    h.call('apiAddAbsence', {
      stageId: s.id,
      start: '15/02/2023',
      end: '',
      halfDay: false,
      reason: 'Malade',
      justified: true,
      countsAsPresence: false,
    });
    const r = stop(h, shown(h, 'ACAR Laurie'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.presence).toBe('18 jours');
  });
});
