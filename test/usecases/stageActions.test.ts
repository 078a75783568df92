/**
 * Seed 000, steps 3 to 5, on the real bundle: stop, new stage, second company, remove the stop;
 * the same with "Scinder"; bad inputs change nothing; concurrent edits are conflicts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, StageSelection, StageView } from '../../src/api/contract';
import { isRoundTrip } from 'gas-emulator/instrument';
import { bulkWorkbook, type Harness, seededWorkbook } from './harness';

let h: Harness;

function fiche(stageId: string): StageSelection {
  h.select(h.rowOf(stageId));
  return h.call<StageSelection>('apiGetSelection');
}

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const laurie = () => h.ids.stages['ACAR Laurie']!;
const rowsOfLaurie = () =>
  h
    .stageRows()
    .filter((r) => r['Élève'] === 'ACAR Laurie')
    .map((r) => [
      r['Début'],
      r['Fin'],
      r['Entreprise'],
      r['Tuteur entreprise'],
      r['Référent établissement'],
      r["Date d'arrêt"],
    ]);

beforeEach(() => {
  h = seededWorkbook();
});

describe('the seeded example', () => {
  it('has ten stages of the session and the two assigned companies, as in the seed', () => {
    const rows = h.stageRows();
    expect(rows).toHaveLength(10);
    const laurieRow = rows.find((r) => r['Élève'] === 'ACAR Laurie')!;
    expect(laurieRow).toMatchObject({
      Session: 'BTS 1 info période 1',
      Début: '01/02/2023',
      Fin: '31/03/2023',
      Classe: 'BTS1',
      Entreprise: 'CREDIT AGRICOLE DU NORD CAMBRAI',
      'Tuteur entreprise': 'M. ECUSSON Blase',
      'Référent établissement': 'M. BRUEL Patrick',
      Phase: 'En cours',
    });
    expect(rows.find((r) => r['Élève'] === 'ACNA Camille')!['Entreprise']).toBe(
      'BANQUE POPULAIRE DU NORD DENAIN',
    );
  });
});

describe('seed 000 step by step', () => {
  it('stop, new stage, second company, remove the stop → the seed’s two final rows', () => {
    const first = fiche(laurie()).stage!;
    const stopped = ok(
      h.call<ApiResult<StageView>>('apiStopStage', {
        stageId: first.id,
        fingerprint: first.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Deuxième entreprise prévue',
      }),
    );
    expect(stopped).toMatchObject({
      end: '2023-02-27',
      stoppedOn: '2023-02-27',
      originalEnd: '2023-03-31',
    });
    expect(h.stageRows().find((r) => r['ID'] === first.id)).toMatchObject({
      Fin: '27/02/2023',
      "Date d'arrêt": '27/02/2023',
      'Fin initiale': '31/03/2023',
      Phase: 'Arrêté',
    });

    const second = ok(
      h.call<ApiResult<StageView>>('apiNewStage', {
        fromStageId: first.id,
        start: '01/03/2023',
        end: '31/03/2023',
        companyId: '',
        tutorId: '',
        referentId: '',
        weeklyHours: '',
      }),
    );
    const two = fiche(second.id);
    expect(two.siblings.map((s) => [s.start, s.end])).toEqual([
      ['2023-02-01', '2023-02-27'],
      ['2023-03-01', '2023-03-31'],
    ]);
    ok(
      h.call('apiReassignStage', {
        stageId: second.id,
        fingerprint: two.stage!.fingerprint,
        companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN'],
        tutorId: '',
        referentId: '',
      }),
    );
    const again = fiche(first.id).stage!;
    ok(
      h.call('apiRemoveStop', {
        stageId: first.id,
        fingerprint: again.fingerprint,
        restoreOriginalEnd: false,
      }),
    );
    expect(rowsOfLaurie()).toEqual([
      [
        '01/02/2023',
        '27/02/2023',
        'CREDIT AGRICOLE DU NORD CAMBRAI',
        'M. ECUSSON Blase',
        'M. BRUEL Patrick',
        '',
      ],
      ['01/03/2023', '31/03/2023', 'BANQUE POPULAIRE DU NORD DENAIN', '', '', ''],
    ]);
    const journal = h.display('Journal').map((r) => r[2]);
    expect(journal).toEqual(
      expect.arrayContaining([
        'Arrêter le stage',
        'Assigner un nouveau stage',
        'Réaffecter le stage',
        "Enlever l'arrêt",
      ]),
    );
  });

  it('"Scinder" gives the same two rows in one action', () => {
    const first = fiche(laurie()).stage!;
    const parts = ok(
      h.call<ApiResult<StageView[]>>('apiSplitStage', {
        stageId: first.id,
        fingerprint: first.fingerprint,
        splitDate: '01/03/2023',
        firstPartEnd: '27/02/2023',
        mode: 'cut',
        reason: '',
        keepAssignment: false,
        companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN'],
        tutorId: '',
        referentId: '',
      }),
    );
    expect(parts).toHaveLength(2);
    expect(rowsOfLaurie()).toEqual([
      [
        '01/02/2023',
        '27/02/2023',
        'CREDIT AGRICOLE DU NORD CAMBRAI',
        'M. ECUSSON Blase',
        'M. BRUEL Patrick',
        '',
      ],
      ['01/03/2023', '31/03/2023', 'BANQUE POPULAIRE DU NORD DENAIN', '', '', ''],
    ]);
  });

  it('"Scinder" as a real stop keeps the stop on the first part', () => {
    const first = fiche(laurie()).stage!;
    ok(
      h.call('apiSplitStage', {
        stageId: first.id,
        fingerprint: first.fingerprint,
        splitDate: '01/03/2023',
        firstPartEnd: '27/02/2023',
        mode: 'stop',
        reason: 'Rupture avec l’entreprise',
        keepAssignment: true,
        companyId: '',
        tutorId: '',
        referentId: '',
      }),
    );
    const rows = h.stageRows().filter((r) => r['Élève'] === 'ACAR Laurie');
    expect(rows.map((r) => [r['Phase'], r["Date d'arrêt"], r["Motif d'arrêt"]])).toEqual([
      ['Arrêté', '27/02/2023', 'Rupture avec l’entreprise'],
      ['À venir', '', ''],
    ]);
  });
});

describe('bad input writes nothing', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['stop date outside the stage', { stoppedOn: '15/04/2023', reason: 'x' }, /31\/03\/2023/],
    ['missing reason', { stoppedOn: '27/02/2023', reason: '  ' }, /motif/i],
    ['date typed as text', { stoppedOn: 'fin février', reason: 'x' }, /n'est pas une date/],
    ['impossible date', { stoppedOn: '30/02/2023', reason: 'x' }, /n'existe pas/],
  ];
  for (const [name, input, message] of cases) {
    it(name, () => {
      const before = h.display('Stages');
      const journal = h.display('Journal').length;
      const first = fiche(laurie()).stage!;
      const r = h.call<ApiResult<StageView>>('apiStopStage', {
        stageId: first.id,
        fingerprint: first.fingerprint,
        ...input,
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message);
      expect(h.display('Stages')).toEqual(before);
      expect(h.display('Journal')).toHaveLength(journal);
    });
  }

  it('an overlapping new stage', () => {
    const first = fiche(laurie()).stage!;
    const before = h.display('Stages');
    const r = h.call<ApiResult<StageView>>('apiNewStage', {
      fromStageId: first.id,
      start: '15/03/2023',
      end: '31/03/2023',
      companyId: '',
      tutorId: '',
      referentId: '',
      weeklyHours: '',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/chevauche|déjà/i);
    expect(h.display('Stages')).toEqual(before);
  });

  it('a tutor of another company', () => {
    const first = fiche(laurie()).stage!;
    const r = h.call<ApiResult<StageView>>('apiReassignStage', {
      stageId: first.id,
      fingerprint: first.fingerprint,
      companyId: h.ids.companies['CREDIT AGRICOLE DU NORD CAMBRAI'],
      tutorId: h.ids.tutors['M. BONNET Frédéric'],
      referentId: '',
    });
    expect(r).toMatchObject({ ok: false, field: 'tutorId' });
  });
});

describe('concurrency and safety', () => {
  it('a row changed since the sidebar read it is a conflict, not an overwrite', () => {
    const first = fiche(laurie()).stage!;
    const ss = h.em.globals.SpreadsheetApp.getActiveSpreadsheet();
    // Someone edits the reason column by hand meanwhile.
    ss.getSheetByName('Stages')!.getRange(h.rowOf(first.id), 15).setValue(28);
    const r = h.call<ApiResult<StageView>>('apiStopStage', {
      stageId: first.id,
      fingerprint: first.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'x',
    });
    expect(r).toMatchObject({ ok: false, conflict: true });
  });

  it('finds the row by ID after the sheet was sorted', () => {
    const first = fiche(laurie()).stage!;
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    sheet.sort(5, false); // by Élève, descending: ACAR Laurie moves to the bottom
    ok(
      h.call('apiStopStage', {
        stageId: first.id,
        fingerprint: first.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'x',
      }),
    );
    expect(h.stageRows().find((r) => r['Élève'] === 'ACAR Laurie')!['Fin']).toBe('27/02/2023');
    expect(h.stageRows().filter((r) => r['Fin'] === '27/02/2023')).toHaveLength(1);
  });

  it('a busy document lock is a French message and writes nothing', () => {
    const first = fiche(laurie()).stage!;
    const before = h.display('Stages');
    const other = h.em.locks.holdDocumentLock();
    const r = h.call<ApiResult<StageView>>('apiStopStage', {
      stageId: first.id,
      fingerprint: first.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'x',
    });
    other.release();
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toMatch(/réessayez/);
    expect(h.display('Stages')).toEqual(before);
  });

  it('user text never becomes a formula', () => {
    const first = fiche(laurie()).stage!;
    ok(
      h.call('apiStopStage', {
        stageId: first.id,
        fingerprint: first.fingerprint,
        stoppedOn: '27/02/2023',
        reason: '=IMPORTXML("http://evil","//a")',
      }),
    );
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    const row = h.rowOf(first.id);
    expect(sheet.getRange(row, 13).getFormula()).toBe('');
    expect(sheet.getRange(row, 13).getValue()).toBe('=IMPORTXML("http://evil","//a")');
  });
});

describe('budgets: a stage action costs the same whatever the sheet size', () => {
  it('each stage action: the same data calls at 50 and 1,500 rows, one write for the row', () => {
    const counts: Record<string, number[]> = {};
    for (const size of [50, 1500]) {
      const w = bulkWorkbook(size);
      const mid = w.stageIds[Math.floor(size / 2)]!;
      // As in the bench: the sidebar reads the reference lists when it opens, before any action
      // can be sent, so the actions find them cached (the stop checks its session's periods).
      w.call('apiGetReferenceData');
      const measure = (name: string, fn: () => unknown) => {
        w.em.log.reset();
        const r = fn() as ApiResult<unknown>;
        if (!r.ok) throw new Error(r.error);
        (counts[name] ??= []).push(w.em.log.total(isRoundTrip));
        if (name === 'stop') expect(w.em.log.count('Range.setValues')).toBe(1);
      };
      measure('stop', () =>
        w.call('apiStopStage', {
          stageId: mid,
          fingerprint: '',
          stoppedOn: '27/02/2023',
          reason: 'x',
        }),
      );
      measure('newStage', () =>
        w.call('apiNewStage', {
          fromStageId: mid,
          start: '01/03/2023',
          end: '31/03/2023',
          companyId: '',
          tutorId: '',
          referentId: '',
          weeklyHours: '',
        }),
      );
      measure('removeStop', () =>
        w.call('apiRemoveStop', { stageId: mid, fingerprint: '', restoreOriginalEnd: false }),
      );
      measure('reassign', () =>
        w.call('apiReassignStage', {
          stageId: w.stageIds[1]!,
          fingerprint: '',
          companyId: 'ENT-000003',
          tutorId: 'TUT-000003',
          referentId: '',
        }),
      );
      measure('split', () =>
        w.call('apiSplitStage', {
          stageId: w.stageIds[2]!,
          fingerprint: '',
          splitDate: '01/03/2023',
          firstPartEnd: '',
          mode: 'cut',
          reason: '',
          keepAssignment: true,
          companyId: '',
          tutorId: '',
          referentId: '',
        }),
      );
    }
    for (const [name, [small, large]] of Object.entries(counts)) expect(large, name).toBe(small);
    expect(counts.stop![0]).toBeLessThanOrEqual(6);
  });
});
