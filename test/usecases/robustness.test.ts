/**
 * What must hold whatever happens around an action: a service failing in the middle, a
 * spreadsheet in another time zone.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult, StageSelection, StageView } from '../../src/api/contract';
import { seededWorkbook } from './harness';

/**
 * An unexpected failure: a French message with a reference saying nothing was saved, never the
 * service's English, which goes to the log under that reference.
 */
function expectNothingSaved(h: ReturnType<typeof seededWorkbook>, r: unknown): void {
  const res = r as ApiResult<unknown>;
  expect(res.ok).toBe(false);
  if (res.ok) return;
  expect(res.error).toMatch(/^Erreur inattendue \(réf\. [0-9A-F]{6}\) : rien n'a été enregistré\./);
  expect(res.error).not.toMatch(/Service|failed/);
  const ref = /réf\. ([0-9A-F]{6})/.exec(res.error)![1]!;
  const logged = h.em.logs.console.map((e) => e.message).join('\n');
  expect(logged).toContain(ref);
  expect(logged).toContain('Service Spreadsheets failed');
}

function select(h: ReturnType<typeof seededWorkbook>, label: string): StageView {
  h.select(h.rowOf(h.ids.stages[label]!));
  return h.call<StageSelection>('apiGetSelection').stage!;
}

describe('a service failing in the middle of an action', () => {
  it('a failed row write leaves the row and the journal as they were', () => {
    const h = seededWorkbook();
    const stage = select(h, 'ACAR Laurie');
    const before = h.display('Stages');
    const journal = h.display('Journal');
    h.em.log.failOn(
      'Range.setValues',
      1,
      new Error('Service Spreadsheets failed while accessing document'),
    );
    expectNothingSaved(
      h,
      h.call('apiStopStage', {
        stageId: stage.id,
        fingerprint: stage.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'x',
      }),
    );
    expect(h.display('Stages')).toEqual(before);
    expect(h.display('Journal')).toEqual(journal);
    // The lock was released: the next try goes through.
    const again = h.call<ApiResult<StageView>>('apiStopStage', {
      stageId: stage.id,
      fingerprint: stage.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'x',
    });
    expect(again.ok).toBe(true);
  });

  it('the journal line fails: the row is put back, and the message says nothing was saved', () => {
    const h = seededWorkbook();
    const stage = select(h, 'ACAR Laurie');
    const before = h.display('Stages');
    const journal = h.display('Journal');
    h.em.log.failOn('Sheet.appendRow', 1, new Error('Service Spreadsheets failed'));
    expectNothingSaved(
      h,
      h.call('apiStopStage', {
        stageId: stage.id,
        fingerprint: stage.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'x',
      }),
    );
    expect(h.display('Stages')).toEqual(before);
    expect(h.display('Journal')).toEqual(journal);
  });

  it('the journal line and the way back both fail: the message never says nothing was saved', () => {
    const h = seededWorkbook();
    const stage = select(h, 'ACAR Laurie');
    const journal = h.display('Journal');
    h.em.log.failOn('Sheet.appendRow', 1, new Error('Service Spreadsheets failed'));
    // The stop is one write; the second puts the row back.
    h.em.log.failOn('Range.setValues', 2, new Error('Service Spreadsheets failed'));
    const r = h.call<ApiResult<StageView>>('apiStopStage', {
      stageId: stage.id,
      fingerprint: stage.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'x',
    });
    if (r.ok) throw new Error('the stop should have failed');
    expect(r.error).toMatch(/^Erreur inattendue \(réf\. [0-9A-F]{6}\) : .*incomplète/);
    expect(r.error).not.toContain("rien n'a été enregistré");
    const ref = /réf\. ([0-9A-F]{6})/.exec(r.error)![1]!;
    // The row is stopped but the stop is not journalled: the journal says an action stopped
    // half way, under the reference the user was given.
    expect(h.stageRows().find((x) => x['ID'] === stage.id)!["Date d'arrêt"]).toBe('27/02/2023');
    const after = h.display('Journal');
    expect(after).toHaveLength(journal.length + 1);
    expect(after.at(-1)!.slice(2, 4)).toEqual(['Action interrompue', `réf. ${ref}`]);
  });

  it('a new stage is one write: a failure creates no half row', () => {
    const h = seededWorkbook();
    const stage = select(h, 'ACAR Laurie');
    h.call('apiStopStage', {
      stageId: stage.id,
      fingerprint: stage.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'x',
    });
    const before = h.display('Stages');
    h.em.log.failOn(
      'Range.setValues',
      1,
      new Error('Service Spreadsheets failed while accessing document'),
    );
    expectNothingSaved(
      h,
      h.call('apiNewStage', {
        fromStageId: stage.id,
        start: '01/03/2023',
        end: '31/03/2023',
        companyId: '',
        tutorId: '',
        referentId: '',
        weeklyHours: '',
      }),
    );
    expect(h.display('Stages')).toEqual(before);
  });
});

describe('dates cross the sheet in the spreadsheet’s time zone', () => {
  for (const timeZone of ['Pacific/Auckland', 'America/New_York', 'Asia/Kolkata']) {
    it(`${timeZone}: the seed's stop and new stage keep their calendar dates`, () => {
      const h = seededWorkbook(new Date('2023-02-15T12:00:00Z'), timeZone);
      const stage = select(h, 'ACAR Laurie');
      expect([stage.start, stage.end]).toEqual(['2023-02-01', '2023-03-31']);
      const stopped = h.call<ApiResult<StageView>>('apiStopStage', {
        stageId: stage.id,
        fingerprint: stage.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'x',
      });
      expect(stopped.ok && stopped.value.end).toBe('2023-02-27');
      const next = h.call<ApiResult<StageView>>('apiNewStage', {
        fromStageId: stage.id,
        start: '28/02/2023',
        end: '31/03/2023',
        companyId: '',
        tutorId: '',
        referentId: '',
        weeklyHours: '',
      });
      expect(next.ok).toBe(true);
      const rows = h.stageRows().filter((r) => r['Élève'] === 'ACAR Laurie');
      expect(rows.map((r) => [r['Début'], r['Fin']])).toEqual([
        ['01/02/2023', '27/02/2023'],
        ['28/02/2023', '31/03/2023'],
      ]);
    });
  }
});

describe('edits by hand in the Stages sheet', () => {
  it('onEdit counts the presence of a row whose end date was typed by hand', () => {
    const h = seededWorkbook();
    const row = h.rowOf(h.ids.stages['ACAR Laurie']!);
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    const before = h.stageRows().find((r) => r['Élève'] === 'ACAR Laurie')!['Présence'];
    const cell = sheet.getRange(row, 4);
    cell.setValue(new Date(2023, 1, 10)); // Fin: 10/02/2023 (script zone = spreadsheet zone here)
    h.call('onEdit', { range: cell, source: sheet.getParent(), value: '10/02/2023' });
    const after = h.stageRows().find((r) => r['Élève'] === 'ACAR Laurie')!['Présence'];
    expect(before).toBe('1 mois 21 jours');
    // 01/02 → 10/02/2023: 8 working days × 7 h = 56 h = 8 days.
    expect(after).toBe('8 jours');
  });

  it('an end date typed beyond the session is counted, and onEdit warns that it leaves the session', () => {
    const h = seededWorkbook();
    const row = h.rowOf(h.ids.stages['ACAR Laurie']!);
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    const cell = sheet.getRange(row, 4);
    cell.setValue(new Date(2023, 3, 14)); // Fin: 14/04/2023, the session ends on 31/03/2023.
    h.call('onEdit', { range: cell, source: sheet.getParent(), value: '14/04/2023' });
    expect(h.em.sheets.ui.toasts.at(-1)?.message).toBe(
      'Attention, dates hors de la session : ACAR Laurie, du 01/02/2023 au 14/04/2023, hors de ' +
        '« BTS 1 info période 1 ». Corrigez ces dates, ou modifiez la session (menu Nouvelle session…).',
    );
    // Back inside: no warning.
    const toasts = h.em.sheets.ui.toasts.length;
    cell.setValue(new Date(2023, 2, 20));
    h.call('onEdit', { range: cell, source: sheet.getParent(), value: '20/03/2023' });
    expect(h.em.sheets.ui.toasts).toHaveLength(toasts);
  });

  it('a batch write over a span keeps the computed cells of the rows in between as formulas', () => {
    const h = seededWorkbook();
    const rows = h.stageRows();
    // Two students without a referent yet, three rows apart.
    const first = rows[2]!['ID']!;
    const fifth = rows[6]!['ID']!;
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    const r1 = h.rowOf(first);
    const r5 = h.rowOf(fifth);
    h.em.sheets.setActiveRange('Stages', `A${r1}:A${r5}`);
    const sel = h.call<StageSelection>('apiGetSelection');
    const ids = [first, fifth];
    const prints = ids.map((id) => sel.selectedFingerprints[sel.selectedIds.indexOf(id)]!);
    const r = h.call<ApiResult<StageView[]>>('apiAffect', {
      stageIds: ids,
      fingerprints: prints,
      referentId: h.ids.staff['M. BRUEL Patrick'],
    });
    expect(r.ok).toBe(true);
    for (let row = Math.min(r1, r5); row <= Math.max(r1, r5); row++) {
      expect(sheet.getRange(row, 11).getFormula(), `ligne ${row}`).toMatch(/^=IF\(/);
      expect(sheet.getRange(row, 11).getValue()).toBe('En cours');
    }
  });
});

describe('"Scinder" is all or nothing', () => {
  it('when writing the second part fails, the first part is put back', () => {
    const h = seededWorkbook();
    const stage = select(h, 'ACAR Laurie');
    const before = h.display('Stages');
    // The second part is inserted under the first, then both rows are written at once.
    h.em.log.failOn(
      'Range.setValues',
      1,
      new Error('Service Spreadsheets failed while accessing document'),
    );
    expectNothingSaved(
      h,
      h.call('apiSplitStage', {
        stageId: stage.id,
        fingerprint: stage.fingerprint,
        splitDate: '01/03/2023',
        firstPartEnd: '27/02/2023',
        mode: 'stop',
        reason: 'Rupture',
        keepAssignment: true,
        companyId: '',
        tutorId: '',
        referentId: '',
      }),
    );
    expect(h.display('Stages')).toEqual(before);
  });
});

describe('"Scinder" with absences', () => {
  it('the absences of the second part follow it, and each part counts its own', () => {
    const h = seededWorkbook();
    const stage = select(h, 'ACAR Laurie');
    for (const day of ['08/02/2023', '07/03/2023']) {
      const r = h.call<ApiResult<unknown>>('apiAddAbsence', {
        stageId: stage.id,
        start: day,
        end: day,
        halfDay: false,
        reason: 'Malade',
        justified: true,
        countsAsPresence: false,
      });
      expect(r.ok).toBe(true);
    }
    const fresh = select(h, 'ACAR Laurie');
    const parts = h.call<ApiResult<StageView[]>>('apiSplitStage', {
      stageId: fresh.id,
      fingerprint: fresh.fingerprint,
      splitDate: '01/03/2023',
      firstPartEnd: '28/02/2023',
      mode: 'cut',
      reason: '',
      keepAssignment: true,
      companyId: '',
      tutorId: '',
      referentId: '',
    });
    if (!parts.ok) throw new Error(parts.error);
    const [first, second] = parts.value;
    expect(h.call<{ start: string }[]>('apiListAbsences', first!.id).map((a) => a.start)).toEqual([
      '2023-02-08',
    ]);
    expect(h.call<{ start: string }[]>('apiListAbsences', second!.id).map((a) => a.start)).toEqual([
      '2023-03-07',
    ]);
    // February 2023: 20 working days − 1 absence = 19 days; March: 23 − 1 = 22 days = 1 month.
    const rows = h.stageRows().filter((r) => r['Élève'] === 'ACAR Laurie');
    expect(rows.map((r) => r['Présence'])).toEqual(['19 jours', '1 mois']);
  });
});

describe('the Visites sheet reorganised by hand', () => {
  it('after "Initialiser le classeur", the Visites count follows the moved columns', () => {
    const h = seededWorkbook();
    const ss = h.em.globals.SpreadsheetApp.getActiveSpreadsheet();
    // Someone inserts a column of their own at the front of Visites: "ID stage" moves to C.
    ss.getSheetByName('Visites')!.insertColumnBefore(1);
    h.call('menuInitWorkbook');
    const stage = select(h, 'ACAR Laurie');
    const r = h.call<ApiResult<unknown>>('apiAddVisit', {
      stageId: stage.id,
      date: '10/02/2023',
      staffId: h.ids.staff['M. BRUEL Patrick'],
      comment: 'Bonne intégration',
    });
    expect(r.ok).toBe(true);
    expect(h.stageRows().find((x) => x['Élève'] === 'ACAR Laurie')!['Visites']).toBe('1');
  });
});

describe('a new stage with its own weekly schedule', () => {
  it('a four-day week counts four days a week', () => {
    const h = seededWorkbook();
    const stage = select(h, 'ACAR Laurie');
    h.call('apiStopStage', {
      stageId: stage.id,
      fingerprint: stage.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'x',
    });
    const base = {
      fromStageId: stage.id,
      start: '01/03/2023',
      end: '31/03/2023',
      companyId: '',
      tutorId: '',
      referentId: '',
      weeklyHours: '',
    };
    const bad = h.call<ApiResult<StageView>>('apiNewStage', {
      ...base,
      schedule: 'tous les jours un peu',
    });
    expect(bad).toMatchObject({ ok: false, field: 'schedule' });
    const r = h.call<ApiResult<StageView>>('apiNewStage', {
      ...base,
      schedule: 'Lu 7 ; Ma 7 ; Me 7 ; Je 7',
    });
    if (!r.ok) throw new Error(r.error);
    // March 2023, Monday to Thursday: 1–2, 6–9, 13–16, 20–23, 27–30 = 18 days × 7 h = 126 h.
    expect(r.value.presence).toBe('18 jours');
    expect(r.value.schedule).toMatch(/^Lu 7 h/);
  });
});

describe('"Affecter les élèves" never gives a student two stages at once', () => {
  it('students already in a stage on those days are named and left out', () => {
    const h = seededWorkbook();
    const s2 = h.call<ApiResult<{ id: string }>>('apiSaveSession', {
      id: '',
      title: 'BTS 2 info stages 2023',
      type: 'Stage BTS',
      schoolYear: '2022-2023',
      diploma: '',
      editionLabel: '',
      objectives: '',
      periods: [
        { start: '06/03/2023', end: '24/03/2023' },
        { start: '03/04/2023', end: '14/04/2023' },
      ],
    });
    if (!s2.ok) throw new Error(s2.error);
    const before = h.stageRows().length;
    const r = h.call<ApiResult<{ created: number; skipped: number; overlapping: string[] }>>(
      'apiAssignStudents',
      {
        sessionId: s2.value.id,
        studentIds: [h.ids.students['ACAR Laurie'], h.ids.students['ACNA Camille']],
      },
    );
    if (!r.ok) throw new Error(r.error);
    // 06/03–24/03 falls inside their 01/02–31/03 stages; 03/04–14/04 is free.
    expect(r.value).toEqual({
      created: 2,
      skipped: 0,
      overlapping: ['ACAR Laurie', 'ACNA Camille'],
    });
    expect(r.message).toBe(
      '2 stages créés ; non affectés car déjà en stage à ces dates : ACAR Laurie, ACNA Camille.',
    );
    expect(h.stageRows()).toHaveLength(before + 2);
  });
});
