/**
 * Integrity of the register: IDs unique by construction, a duplicated ID (a row copied by hand)
 * refused on every read by ID and repaired by "Initialiser le classeur".
 */
import { describe, expect, it } from 'vitest';
import { isRoundTrip } from 'gas-emulator/instrument';
import type { ApiResult, StageSelection, StageView } from '../../src/api/contract';
import { type Harness, seededWorkbook } from './harness';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function sheetOf(h: Harness, name: string) {
  return h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
}

function fiche(h: Harness, label: string): StageView {
  h.select(h.rowOf(h.ids.stages[label]!));
  return h.call<StageSelection>('apiGetSelection').stage!;
}

function stop(h: Harness, stage: StageView, hint: Record<string, unknown> = {}) {
  return h.call<ApiResult<StageView>>('apiStopStage', {
    stageId: stage.id,
    fingerprint: stage.fingerprint,
    stoppedOn: '27/02/2023',
    reason: 'Rupture',
    ...hint,
  });
}

/** Someone pastes stage `from`'s ID over stage `to`'s ID cell. */
function copyStageId(h: Harness, from: string, to: string): { original: number; copy: number } {
  const original = h.rowOf(h.ids.stages[from]!);
  const copy = h.rowOf(h.ids.stages[to]!);
  sheetOf(h, 'Stages').getRange(copy, 1).setValue(h.ids.stages[from]!);
  return { original, copy };
}

describe('stage IDs', () => {
  it('have a readable prefix and a UUID from Utilities.getUuid', () => {
    const h = seededWorkbook();
    const ids = Object.values(h.ids.stages);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(id).toMatch(new RegExp(`^STG-${UUID.source}`));
    expect(new Set(ids).size).toBe(ids.length);
    // Reference rows get theirs the same way.
    for (const id of [...Object.values(h.ids.students), ...Object.values(h.ids.tutors)])
      expect(id).toMatch(UUID);
    h.em.log.reset();
    const stage = fiche(h, 'ACAR Laurie');
    stop(h, stage);
    const r = h.call<ApiResult<StageView>>('apiNewStage', {
      fromStageId: stage.id,
      start: '01/03/2023',
      end: '31/03/2023',
      companyId: '',
      tutorId: '',
      referentId: '',
      weeklyHours: '',
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.id).toMatch(new RegExp(`^STG-${UUID.source}`));
    expect(h.em.log.count('Utilities.getUuid')).toBe(1);
  });
});

describe('IDs made in one execution', () => {
  it('all differ, from one Utilities.getUuid call', () => {
    const h = seededWorkbook();
    const s = h.call<ApiResult<{ id: string }>>('apiSaveSession', {
      id: '',
      title: 'BTS 1 info période 2',
      type: '',
      schoolYear: '2022-2023',
      diploma: '',
      editionLabel: '',
      objectives: '',
      periods: [{ start: '03/04/2023', end: '28/04/2023' }],
    });
    if (!s.ok) throw new Error(s.error);
    h.em.log.reset();
    const r = h.call<ApiResult<{ created: number }>>('apiAssignStudents', {
      sessionId: s.value.id,
      studentIds: Object.values(h.ids.students),
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.created).toBe(10);
    expect(h.em.log.count('Utilities.getUuid')).toBe(1);
    const ids = h.stageRows().map((x) => x['ID']!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(new RegExp(`^STG-${UUID.source}`));
  });
});

describe('a stage ID copied by hand onto another row', () => {
  const refused = (r: ApiResult<unknown>, rows: number[]) => {
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('figure sur plusieurs lignes de la feuille « Stages »');
    expect(r.error).toContain(`lignes ${rows[0]} et ${rows[1]}`);
    expect(r.error).toContain('Initialiser le classeur');
  };

  it('is refused, naming both rows, from the row the sidebar saw: nothing is written', () => {
    const h = seededWorkbook();
    const stage = fiche(h, 'ACAR Laurie');
    const { original, copy } = copyStageId(h, 'ACAR Laurie', 'ACNA Camille');
    const before = h.display('Stages');
    const journal = h.display('Journal');
    refused(stop(h, stage, { row: original }), [original, copy]);
    refused(stop(h, stage, { row: copy }), [original, copy]);
    refused(stop(h, stage, { row: original, studentId: stage.studentId }), [original, copy]);
    refused(stop(h, stage), [original, copy]);
    expect(h.display('Stages')).toEqual(before);
    expect(h.display('Journal')).toEqual(journal);
  });

  it('is refused by the actions that read the student’s other stages', () => {
    const h = seededWorkbook();
    const stopped = stop(h, fiche(h, 'ACAR Laurie'));
    if (!stopped.ok) throw new Error(stopped.error);
    const stage = stopped.value;
    const { original, copy } = copyStageId(h, 'ACAR Laurie', 'ACNA Camille');
    const r = h.call<ApiResult<StageView>>('apiNewStage', {
      fromStageId: stage.id,
      row: original,
      studentId: stage.studentId,
      start: '01/03/2023',
      end: '31/03/2023',
      companyId: '',
      tutorId: '',
      referentId: '',
      weeklyHours: '',
    });
    refused(r, [original, copy]);
  });

  it('is refused by "Affecter" and by the absences of that stage', () => {
    const h = seededWorkbook();
    const stage = fiche(h, 'ACAR Laurie');
    const { original, copy } = copyStageId(h, 'ACAR Laurie', 'ACNA Camille');
    refused(
      h.call<ApiResult<unknown>>('apiAffect', {
        stageIds: [stage.id],
        fingerprints: [''],
        referentId: h.ids.staff['M. BRUEL Patrick'],
      }),
      [original, copy],
    );
    refused(
      h.call<ApiResult<unknown>>('apiAddAbsence', {
        stageId: stage.id,
        row: original,
        start: '08/02/2023',
        end: '08/02/2023',
        halfDay: false,
        reason: 'Malade',
        justified: true,
        countsAsPresence: false,
      }),
      [original, copy],
    );
  });

  it('shows "ID en double" as the phase of both rows', () => {
    const h = seededWorkbook();
    copyStageId(h, 'ACAR Laurie', 'ACNA Camille');
    const rows = h.stageRows().filter((r) => r['ID'] === h.ids.stages['ACAR Laurie']);
    expect(rows.map((r) => r['Phase'])).toEqual(['ID en double', 'ID en double']);
  });

  it('does not cost a stage action any data call', () => {
    const measure = (withHints: boolean) => {
      const h = seededWorkbook();
      const stage = fiche(h, 'ACAR Laurie');
      const hint = withHints ? { row: stage.row, studentId: stage.studentId } : {};
      h.em.log.reset();
      const r = stop(h, stage, hint);
      if (!r.ok) throw new Error(r.error);
      return h.em.log.total(isRoundTrip);
    };
    // The figures before duplicates were checked: 4 data calls with the sidebar's row (the
    // header, the row, the write, the journal; a stage without absence reads no Absences
    // sheet), 5 without (+ ID column).
    expect(measure(true)).toBe(4);
    expect(measure(false)).toBe(5);
  });

  it('is repaired by "Initialiser le classeur": the later row gets a new ID, journalled', () => {
    const h = seededWorkbook();
    const stage = fiche(h, 'ACAR Laurie');
    const { original, copy } = copyStageId(h, 'ACAR Laurie', 'ACNA Camille');
    h.call('menuInitWorkbook');
    const ids = sheetOf(h, 'Stages').getRange('A:A').getValues();
    expect(ids[original - 1]![0]).toBe(stage.id);
    const fresh = String(ids[copy - 1]![0]);
    expect(fresh).toMatch(new RegExp(`^STG-${UUID.source}`));
    expect(fresh).not.toBe(stage.id);
    const line = h.display('Journal').find((r) => r[2] === 'Identifiant en double remplacé');
    expect(line?.slice(3)).toEqual([`Stages, ligne ${copy}`, `ID : ${stage.id}`, `ID : ${fresh}`]);
    expect(h.em.sheets.ui.toasts.at(-1)!.message).toMatch(/1 identifiant en double remplacé/);
    // Both stages work again.
    expect(stop(h, fiche(h, 'ACAR Laurie'), { row: original }).ok).toBe(true);
    expect(h.stageRows().map((r) => r['Phase'])).not.toContain('ID en double');
  });
});

describe('reference IDs copied by hand', () => {
  it('a student row copied with its ID is refused where students are read, then repaired', () => {
    const h = seededWorkbook();
    const sheet = sheetOf(h, 'Élèves');
    const last = sheet.getLastRow();
    const original = 2;
    const row = sheet.getRange(original, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    sheet.appendRow([row[0], 'ACAR', 'Léa', 'BTS1', '', '', '', '']);
    const copy = last + 1;
    // Typed by hand: Sheets tells the add-on (onEdit), which stops trusting its cached lists.
    const typed = sheet.getRange(copy, 1, 1, 4);
    h.call('onEdit', { range: typed, source: sheet.getParent(), value: undefined });
    const r = h.call<ApiResult<unknown>>('apiAssignStudents', {
      sessionId: h.ids.sessionId,
      studentIds: [String(row[0])],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain('figure sur plusieurs lignes de la feuille « Élèves »');
      expect(r.error).toContain(`lignes ${original} et ${copy}`);
    }
    h.call('menuInitWorkbook');
    const ids = sheet.getRange('A:A').getValues();
    expect(ids[original - 1]![0]).toBe(row[0]);
    expect(ids[copy - 1]![0]).not.toBe(row[0]);
    expect(String(ids[copy - 1]![0])).toMatch(/^ELV-/);
    expect(h.display('Journal').some((l) => l[3] === `Élèves, ligne ${copy}`)).toBe(true);
  });

  it('a session row copied with its ID is refused when saved, then repaired', () => {
    const h = seededWorkbook();
    const sheet = sheetOf(h, 'Sessions');
    const row = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    sheet.appendRow([row[0], 'BTS 1 info période 2', ...row.slice(2).map(String)]);
    const r = h.call<ApiResult<unknown>>('apiSaveSession', {
      id: h.ids.sessionId,
      title: 'BTS 1 info période 1',
      type: '',
      schoolYear: '2022-2023',
      diploma: '',
      editionLabel: '',
      objectives: '',
      periods: [{ start: '01/02/2023', end: '31/03/2023' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('feuille « Sessions » (lignes 2 et 3)');
    h.call('menuInitWorkbook');
    expect(sheet.getRange(2, 1).getValue()).toBe(h.ids.sessionId);
    expect(String(sheet.getRange(3, 1).getValue())).toMatch(new RegExp(`^SES-${UUID.source}`));
  });

  it('absences and visits with a copied ID are refused by ID, then repaired', () => {
    const h = seededWorkbook();
    const stage = fiche(h, 'ACAR Laurie');
    for (const date of ['10/02/2023', '17/02/2023']) {
      const r = h.call<ApiResult<unknown>>('apiAddVisit', {
        stageId: stage.id,
        date,
        staffId: h.ids.staff['M. BRUEL Patrick'],
        comment: '',
      });
      if (!r.ok) throw new Error(r.error);
    }
    const visits = sheetOf(h, 'Visites');
    const first = String(visits.getRange(2, 1).getValue());
    visits.getRange(3, 1).setValue(first);
    const r = h.call<ApiResult<unknown>>('apiRemoveVisit', { visitId: first });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('lignes 2 et 3');
    expect(visits.getLastRow()).toBe(3);
    h.call('menuInitWorkbook');
    expect(visits.getRange(3, 1).getValue()).not.toBe(first);
    expect(String(visits.getRange(3, 1).getValue())).toMatch(/^VIS-/);
  });
});
