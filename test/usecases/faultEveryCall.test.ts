/**
 * A fault injected at each service call of a stage action, one run per call: the workbook ends
 * either as it was, or changed as the action says. Sheets has no transaction, so this is what
 * the actions' order of writes and their undo paths must guarantee.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult, StageSelection, StageView } from '../../src/api/contract';
import { type Harness, seededWorkbook } from './harness';

const SHEETS = ['Stages', 'Absences'];

function snapshot(h: Harness): string {
  return JSON.stringify(SHEETS.map((s) => h.display(s)));
}

function select(h: Harness, label: string): StageView {
  h.select(h.rowOf(h.ids.stages[label]!));
  return h.call<StageSelection>('apiGetSelection').stage!;
}

interface Case {
  name: string;
  prepare?: (h: Harness, stage: StageView) => void;
  run: (h: Harness, stage: StageView) => unknown;
}

const hint = (s: StageView) => ({ row: s.row, studentId: s.studentId });

const CASES: Case[] = [
  {
    name: 'Scinder',
    prepare: (h, s) => {
      h.call('apiAddAbsence', {
        stageId: s.id,
        start: '06/03/2023',
        end: '06/03/2023',
        halfDay: false,
        reason: 'Malade',
        justified: true,
        countsAsPresence: false,
      });
    },
    run: (h, s) =>
      h.call('apiSplitStage', {
        stageId: s.id,
        ...hint(s),
        fingerprint: '',
        splitDate: '01/03/2023',
        firstPartEnd: '27/02/2023',
        mode: 'stop',
        reason: 'Rupture',
        keepAssignment: true,
        companyId: '',
        tutorId: '',
        referentId: '',
      }),
  },
  {
    name: 'Assigner un nouveau stage',
    prepare: (h, s) => {
      h.call('apiStopStage', {
        stageId: s.id,
        fingerprint: '',
        stoppedOn: '27/02/2023',
        reason: 'Rupture',
      });
    },
    run: (h, s) =>
      h.call('apiNewStage', {
        fromStageId: s.id,
        ...hint(s),
        start: '01/03/2023',
        end: '31/03/2023',
        companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN']!,
        tutorId: '',
        referentId: '',
        weeklyHours: '',
      }),
  },
  {
    name: 'Arrêter le stage',
    run: (h, s) =>
      h.call('apiStopStage', {
        stageId: s.id,
        ...hint(s),
        fingerprint: s.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Rupture',
      }),
  },
];

/** Every service call the action makes, as "Key#n". */
function callsOf(c: Case): string[] {
  const h = seededWorkbook();
  const s = select(h, 'ACAR Laurie');
  c.prepare?.(h, s);
  const stage = select(h, 'ACAR Laurie');
  h.em.log.reset();
  const r = c.run(h, stage) as ApiResult<unknown>;
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return Object.entries(h.em.log.snapshot()).flatMap(([key, n]) =>
    Array.from({ length: n }, (_, i) => `${key}#${i + 1}`),
  );
}

describe('a fault at any service call of a stage action', () => {
  for (const c of CASES) {
    it(`${c.name}: the workbook is left as it was, or fully changed`, () => {
      const calls = callsOf(c);
      expect(calls.length).toBeGreaterThan(5);
      let undone = 0;
      for (const call of calls) {
        const [key, nth] = call.split('#') as [string, string];
        const h = seededWorkbook();
        const s = select(h, 'ACAR Laurie');
        c.prepare?.(h, s);
        const stage = select(h, 'ACAR Laurie');
        const before = snapshot(h);
        h.em.log.reset();
        h.em.log.failOn(key, Number(nth), new Error('Service Spreadsheets failed'));
        let failed: boolean;
        try {
          const r = c.run(h, stage) as ApiResult<unknown>;
          failed = !r.ok;
        } catch {
          failed = true;
        }
        const after = snapshot(h);
        if (failed) {
          expect(after, `fault at ${call}`).toBe(before);
          undone += 1;
        } else {
          // A fault the action survived (a lock release): it is done all the same.
          expect(after, `fault at ${call}`).not.toBe(before);
        }
      }
      expect(undone).toBeGreaterThan(0);
    }, 120_000);
  }
});
