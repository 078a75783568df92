/**
 * The proof that an action is all or nothing: a fault injected at each service call it makes, one
 * run per call (every n). The workbook must end either exactly as it was, journal included, with
 * a French message saying nothing was saved, or exactly as the same action leaves it without a
 * fault, with its one journal line. Sheets has no transaction, so this is what the order of the
 * actions' writes and their ways back (src/gas/ledger.ts) must guarantee.
 *
 * The seeded workbook is built once per file; each run starts from a snapshot of the emulator's
 * state (sheets, properties, cache, clock), which costs far less than seeding again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, StageSelection, StageView } from '../../src/api/contract';
import { ALL_SHEETS } from '../../src/sheets/schema';
import { type Harness, seededWorkbook } from './harness';

type Snapshot = ReturnType<Harness['em']['snapshot']>;

/** Every sheet of the add-on, as displayed: what the user sees is what must not be half done. */
function picture(h: Harness): string {
  return JSON.stringify(ALL_SHEETS.map((s) => [s.name, h.display(s.name)]));
}

export function select(h: Harness, label: string): StageView {
  h.select(h.rowOf(h.ids.stages[label]!));
  return h.call<StageSelection>('apiGetSelection').stage!;
}

export const hint = (s: StageView) => ({ row: s.row, studentId: s.studentId });

export interface FaultCase {
  name: string;
  /** Journal action of the line the action writes. */
  journal: string;
  /** Runs before the action (from the seeded state); returns what the action needs. */
  prepare?: (h: Harness) => Record<string, string>;
  run: (h: Harness, stage: StageView, prepared: Record<string, string>) => ApiResult<unknown>;
}

export const ok = <T>(r: unknown): T => {
  const res = r as ApiResult<T>;
  if (!res.ok) throw new Error(res.error);
  return res.value;
};

type Picture = [string, string[][]][];

/**
 * The IDs an action created, in the order of the sheets and rows: they differ from one run to
 * the next, so they are named by their order before two pictures are compared.
 */
function newIds(before: string, after: string): string[] {
  const idsOf = (text: string): string[] =>
    (JSON.parse(text) as Picture).flatMap(([, rows]) => {
      const col = (rows[0] ?? []).indexOf('ID');
      return col < 0 ? [] : rows.slice(1).map((r) => r[col] ?? '');
    });
  const known = new Set(idsOf(before));
  return [...new Set(idsOf(after).filter((id) => id !== '' && !known.has(id)))];
}

function normalised(before: string, after: string): string {
  return newIds(before, after).reduce((t, id, i) => t.split(id).join(`<nouveau ${i}>`), after);
}

/** Where two pictures first differ, short enough to read in a failure. */
function firstDifference(a: string, b: string): string {
  if (a === b) return '';
  const pa = JSON.parse(a) as Picture;
  const pb = JSON.parse(b) as Picture;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [name, ra = []] = pa[i] ?? ['?', []];
    const rb = pb[i]?.[1] ?? [];
    for (let r = 0; r < Math.max(ra.length, rb.length); r++) {
      const x = JSON.stringify(ra[r] ?? null);
      const y = JSON.stringify(rb[r] ?? null);
      if (x !== y) return `${name}, ligne ${r + 1} : ${x} ≠ ${y}`;
    }
  }
  return 'différents';
}

interface Prepared {
  state: Snapshot;
  stage: StageView;
  values: Record<string, string>;
  before: string;
}

/** Runs every case's fault-at-each-call proof from one seeded workbook. */
export function faultProof(
  cases: FaultCase[],
  label: string,
  start: () => Harness = () => seededWorkbook(),
): void {
  describe(label, () => {
    let h: Harness;
    let seeded: Snapshot;
    beforeAll(() => {
      h = start();
      seeded = h.em.snapshot();
    });

    const prepare = (c: FaultCase): Prepared => {
      h.em.restore(seeded);
      const values = c.prepare?.(h) ?? {};
      const stage = select(h, 'ACAR Laurie');
      return { state: h.em.snapshot(), stage, values, before: picture(h) };
    };

    for (const c of cases) {
      it(`${c.name}: left as it was, or fully changed and journalled`, () => {
        const p = prepare(c);
        // The run without a fault: every service call it makes, and the workbook it leaves.
        h.em.restore(p.state);
        h.em.log.reset();
        const clean = c.run(h, p.stage, p.values);
        expect(clean.ok, JSON.stringify(clean)).toBe(true);
        const calls = Object.entries(h.em.log.snapshot()).flatMap(([key, n]) =>
          Array.from({ length: n }, (_, i) => [key, i + 1] as const),
        );
        const done = normalised(p.before, picture(h));
        const journal = (t: string) =>
          (JSON.parse(t) as [string, string[][]][]).find(([n]) => n === 'Journal')![1];
        expect(journal(done)).toHaveLength(journal(p.before).length + 1);
        expect(journal(done).at(-1)![2]).toBe(c.journal);
        expect(calls.length).toBeGreaterThan(5);

        let failed = 0;
        for (const [key, nth] of calls) {
          h.em.restore(p.state);
          h.em.log.reset();
          h.em.log.failOn(key, nth, new Error('Service Spreadsheets failed'));
          let r: ApiResult<unknown>;
          try {
            r = c.run(h, p.stage, p.values);
          } catch (e) {
            throw new Error(`fault at ${key}#${nth}: the entry point threw ${String(e)}`, {
              cause: e,
            });
          }
          const after = picture(h);
          if (!r.ok) {
            failed += 1;
            expect(firstDifference(after, p.before), `fault at ${key}#${nth}`).toBe('');
            // (A failing lock reads as a busy one: nothing was written then either.)
            expect(r.error, `fault at ${key}#${nth}`).toMatch(
              /^(Erreur inattendue \(réf\. [0-9A-F]{6}\) : rien n'a été enregistré\.|Quelqu’un d’autre modifie le classeur)/,
            );
          } else {
            // A fault the action survives (the lock's release, the cache): done all the same.
            const diff = firstDifference(normalised(p.before, after), done);
            expect(diff, `fault at ${key}#${nth}`).toBe('');
          }
        }
        expect(failed).toBeGreaterThan(0);
      });
    }
  });
}
