/**
 * Names picked by hand in the Stages sheet, then documents: the README promises that a name
 * chosen in a drop-down is used by the next action, and a convention is the last place where
 * the hidden ID may win over what staff see — the wrong company would sign it.
 */
import { describe, expect, it } from 'vitest';
import { docTextOfUrl, generate, plan, readyWorkbook, request } from './documentsHarness';
import type { Harness } from '../harness';

const CA = 'CREDIT AGRICOLE DU NORD CAMBRAI';
const BP = 'BANQUE POPULAIRE DU NORD DENAIN';
/** Columns of the Stages sheet (1-based), as the schema orders them. */
const COL = { company: 7, tutor: 8, referent: 9 } as const;

function type(h: Harness, stageId: string, col: number, text: string): void {
  h.em.globals.SpreadsheetApp.getActiveSpreadsheet()
    .getSheetByName('Stages')!
    .getRange(h.rowOf(stageId), col)
    .setValue(text);
}

describe('documents after names picked by hand in the sheet', () => {
  it('a company and tutor changed by hand are the ones the convention names', () => {
    const h = readyWorkbook();
    const id = h.ids.stages['ACNA Camille']!;
    expect(h.stageRows().find((r) => r['ID'] === id)!['Entreprise']).toBe(BP);
    type(h, id, COL.company, CA);
    type(h, id, COL.tutor, 'M. ECUSSON Blase');
    const p = plan(h, request('convention', { stageIds: [id] }));
    expect(p).toMatchObject({ toCreate: 1, incomplete: [] });
    generate(h, request('convention', { stageIds: [id] }));
    const text = docTextOfUrl(h, h.stageRows().find((r) => r['ID'] === id)!['Convention']!);
    expect(text).toContain(CA);
    expect(text).toContain('ECUSSON');
    expect(text).not.toContain(BP);
    expect(text).not.toContain('BONNET');
  });

  it('a stage given its company, tutor and referent by hand is no longer « pas d’entreprise »', () => {
    const h = readyWorkbook();
    const id = h.ids.stages['BERNARD Hugo']!;
    const before = plan(h, request('convention', { stageIds: [id] }));
    expect(before.incomplete[0]?.missing).toContain("pas d'entreprise");
    type(h, id, COL.company, CA);
    type(h, id, COL.tutor, 'M. ECUSSON Blase');
    type(h, id, COL.referent, 'M. BRUEL Patrick');
    expect(plan(h, request('convention', { stageIds: [id] }))).toMatchObject({
      toCreate: 1,
      incomplete: [],
    });
  });

  it('a name found nowhere leaves that stage out, named, and the report still answers', () => {
    const h = readyWorkbook();
    const id = h.ids.stages['ACNA Camille']!;
    type(h, id, COL.company, 'ENTREPRISE INCONNUE');
    const p = plan(h, request('convention', { sessionId: h.ids.sessionId }));
    const acna = p.incomplete.find((s) => s.stageId === id);
    expect(acna?.missing).toContain("pas d'entreprise");
    // ACAR Laurie's stage, untouched, is still to be made.
    expect(p.toCreate).toBeGreaterThan(0);
  });
});
