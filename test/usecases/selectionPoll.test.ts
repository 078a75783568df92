/**
 * Following the selection: an unchanged selection costs one cell read; any change (another
 * row, another selection, the row edited, another sheet) gives the new selection.
 */
import { describe, expect, it } from 'vitest';
import type { SelectionPoll, StageSelection } from '../../src/api/contract';
import { isRoundTrip } from 'gas-emulator/instrument';
import { type Harness, seededWorkbook } from './harness';

function fiche(h: Harness): StageSelection {
  return h.call<StageSelection>('apiGetSelection');
}

function poll(h: Harness, sel: StageSelection): { poll: SelectionPoll; data: number } {
  h.em.log.reset();
  const p = h.call<SelectionPoll>('apiPollSelection', sel.probe);
  return { poll: p, data: h.em.log.total(isRoundTrip) };
}

describe('apiPollSelection', () => {
  it('answers "unchanged" after one cell read when nothing moved', () => {
    const h = seededWorkbook();
    h.select(h.rowOf(h.ids.stages['ACAR Laurie']!));
    const sel = fiche(h);
    expect(sel.stage?.student).toBe('ACAR Laurie');
    const r = poll(h, sel);
    expect(r.poll.changed).toBe(false);
    expect(r.data).toBe(1);
  });

  it('gives the new stage when the cursor moves to another row', () => {
    const h = seededWorkbook();
    h.select(h.rowOf(h.ids.stages['ACAR Laurie']!));
    const sel = fiche(h);
    h.select(h.rowOf(h.ids.stages['MOREL Chloé']!));
    const r = poll(h, sel);
    expect(r.poll.changed).toBe(true);
    if (r.poll.changed) expect(r.poll.selection.stage?.student).toBe('MOREL Chloé');
  });

  it('sees a change typed in the row under the cursor', () => {
    const h = seededWorkbook();
    const row = h.rowOf(h.ids.stages['ACAR Laurie']!);
    h.select(row);
    const sel = fiche(h);
    h.em.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Stages')!
      .getRange(`M${row}`)
      .setValue('Motif tapé à la main');
    h.select(row);
    const r = poll(h, sel);
    expect(r.poll.changed).toBe(true);
  });

  it('sees a wider selection, and another sheet, without reading any cell for the latter', () => {
    const h = seededWorkbook();
    const row = h.rowOf(h.ids.stages['ACAR Laurie']!);
    h.select(row);
    const sel = fiche(h);
    h.em.sheets.setActiveRange('Stages', `A${row}:A${row + 1}`);
    const wider = poll(h, sel);
    expect(wider.poll.changed).toBe(true);
    if (wider.poll.changed) expect(wider.poll.selection.selectedIds).toHaveLength(2);
    h.em.sheets.setActiveRange('Élèves', 'A2');
    const other = poll(h, sel);
    expect(other.poll.changed).toBe(true);
    if (!other.poll.changed) return;
    expect(other.poll.selection.stage).toBeNull();
    const again = poll(h, other.poll.selection);
    expect(again).toEqual({ poll: { changed: false, refsVersion: expect.any(String) }, data: 0 });
  });

  it('refuses nothing: a malformed probe gives the selection read whole', () => {
    const h = seededWorkbook();
    h.select(h.rowOf(h.ids.stages['ACAR Laurie']!));
    const p = h.call<SelectionPoll>('apiPollSelection', { width: 'x' });
    expect(p.changed).toBe(true);
  });

  it('reports a new reference version when a reference sheet is edited by hand', () => {
    const h = seededWorkbook();
    h.select(h.rowOf(h.ids.stages['ACAR Laurie']!));
    const sel = fiche(h);
    const before = poll(h, sel).poll.refsVersion;
    const ss = h.em.globals.SpreadsheetApp.getActiveSpreadsheet();
    const range = ss.getSheetByName('Entreprises')!.getRange('B2');
    range.setValue('CRÉDIT AGRICOLE (siège)');
    h.call('onEdit', { range, value: 'CRÉDIT AGRICOLE (siège)', source: ss });
    h.select(h.rowOf(h.ids.stages['ACAR Laurie']!));
    const after = poll(h, sel).poll.refsVersion;
    expect(after).not.toBe(before);
  });
});
