/**
 * A row write that spans cells it does not change writes them back as they were read: text
 * that looks like a date, a number or a formula stays text (Sheets parses what setValues gets).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from 'gas-emulator';
import { SheetTable } from '../../src/gas/sheetTable';
import type { DateCodec } from '../../src/gas/cells';
import type { SheetSpec } from '../../src/sheets/schema';

let em: Emulator;
let uninstall: () => void;

beforeEach(() => {
  em = createEmulator();
  uninstall = em.installGlobals(globalThis);
});
afterEach(() => uninstall());

const SPEC: SheetSpec<'id' | 'a' | 'made' | 'note' | 'code' | 'b'> = {
  name: 'T',
  columns: (['id', 'a', 'made', 'note', 'code', 'b'] as const).map((key) => ({
    key,
    header: key,
    kind: 'text' as const,
    width: 90,
    hidden: false,
  })),
};

const DATES: DateCodec = {
  toIso: (d) => d.toISOString().slice(0, 10),
  fromIso: (iso) => new Date(`${iso}T00:00:00Z`),
};

function table(): SheetTable<'id' | 'a' | 'made' | 'note' | 'code' | 'b'> {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('T');
  sheet.getRange(1, 1, 1, 6).setValues([['id', 'a', 'made', 'note', 'code', 'b']]);
  const t = new SheetTable(SPEC, sheet, DATES);
  t.appendRows([
    {
      id: 'X-1',
      a: 'old',
      made: '15/02/2023 09:00:00',
      note: '=SOMME(A1)',
      code: '0123',
      b: 'old',
    },
  ]);
  return t;
}

const cells = () =>
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T')!.getRange(2, 1, 1, 6).getValues()[0];

describe('a write spanning cells it does not change', () => {
  it('writeRow keeps date-like, formula-like and number-like text as text', () => {
    const t = table();
    t.readRow(2);
    t.writeRow(2, { a: 'new', b: 'new' });
    expect(cells()).toEqual(['X-1', 'new', '15/02/2023 09:00:00', '=SOMME(A1)', '0123', 'new']);
    // Written twice in the same execution: the cells kept as read are still text.
    t.writeRow(2, { a: 'again', b: 'again' });
    expect(cells()).toEqual(['X-1', 'again', '15/02/2023 09:00:00', '=SOMME(A1)', '0123', 'again']);
  });

  it('writeRows does the same', () => {
    const t = table();
    t.readRows(2, 1);
    t.writeRows(new Map([[2, { a: 'new', b: 'new' }]]));
    expect(cells()).toEqual(['X-1', 'new', '15/02/2023 09:00:00', '=SOMME(A1)', '0123', 'new']);
  });
});
