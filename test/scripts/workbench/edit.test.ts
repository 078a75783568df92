/**
 * Typing in a cell of the workbench (no browser): the value lands as typed input in fr_FR, the
 * add-on's onEdit runs with Sheets' event, strict validation and protections behave as in Sheets.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventValue, serialInZone } from '../../../scripts/workbench/edit';
import { ROOT } from '../../../scripts/workbench/server';
import { WorkbenchSession } from '../../../scripts/workbench/session';

let dir: string;
let session: WorkbenchSession;
let events: Record<string, unknown>[];

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'Code.js')))
    throw new Error('dist/ est absent : lancez `npm run build` avant ces tests.');
  dir = mkdtempSync(join(tmpdir(), 'sds-edit-'));
  session = new WorkbenchSession({
    distDir: join(ROOT, 'dist'),
    stateFile: join(dir, 'state.json'),
    today: '2023-02-15',
    seed: 'full',
    reset: true,
  });
  session.start();
  // Records the events the add-on's triggers receive, then lets them run.
  const call = session.bundle.call.bind(session.bundle);
  session.bundle.call = (name: string, ...args: unknown[]) => {
    if (name === 'onEdit') events.push(args[0] as Record<string, unknown>);
    return call(name, ...args);
  };
});

beforeEach(() => {
  events = [];
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The Stages row of `student` as header → displayed text. */
function stageRow(student: string): { row: number; [header: string]: string | number } {
  const grid = session.state().grid;
  if (!grid) throw new Error('no grid');
  const head = grid.values[0] ?? [];
  const i = grid.values.findIndex((line) => line[head.indexOf('Élève')] === student);
  if (i < 0) throw new Error(`no row for ${student}`);
  const line = grid.values[i] ?? [];
  return { ...Object.fromEntries(head.map((h, j) => [h, line[j] ?? ''])), row: i + 1 };
}

function cellOf(student: string, header: string): string {
  const head = session.state().grid?.values[0] ?? [];
  const col = head.indexOf(header) + 1;
  const letter = String.fromCharCode(64 + col);
  return `${letter}${stageRow(student).row}`;
}

describe('typing in a cell of the workbench', () => {
  it('a new end date is a date in fr_FR, and onEdit recounts the presence of that row', () => {
    const before = stageRow('ACAR Laurie');
    expect(before['Présence']).toBe('1 mois 21 jours');
    const out = session.edit({
      sheet: 'Stages',
      range: cellOf('ACAR Laurie', 'Fin'),
      value: '10/02/2023',
    });
    expect(out).toEqual({ kind: 'done' });
    const after = stageRow('ACAR Laurie');
    expect(after['Fin']).toBe('10/02/2023');
    // 01/02 → 10/02/2023: 8 working days of 7 h.
    expect(after['Présence']).toBe('8 jours');
    const [cell] = session.emulator.sheets.debugGetValues('Stages', cellOf('ACAR Laurie', 'Fin'));
    expect(cell?.[0]).toBeInstanceOf(Date);
  });

  it('passes onEdit the event Sheets passes for a one-cell edit', () => {
    const a1 = cellOf('ACNA Camille', 'Fin');
    session.edit({ sheet: 'Stages', range: a1, value: '17/03/2023' });
    expect(events).toHaveLength(1);
    const e = events[0] as {
      range: GoogleAppsScript.Spreadsheet.Range;
      source: GoogleAppsScript.Spreadsheet.Spreadsheet;
      user: GoogleAppsScript.Base.User;
      authMode: unknown;
      value: string;
      oldValue: string;
    };
    expect(e.range.getA1Notation()).toBe(a1);
    expect(e.range.getSheet().getName()).toBe('Stages');
    expect(e.source.getName()).toBe('Suivi des stages');
    expect(e.user.getEmail()).toBe('prof@lycee.example');
    expect(e.authMode).toBe(session.emulator.globals.ScriptApp.AuthMode.LIMITED);
    // Dates travel as serial numbers: 31/03/2023 = 45016, 17/03/2023 = 45002.
    expect(e.oldValue).toBe('45016');
    expect(e.value).toBe('45002');
    expect(stageRow('ACNA Camille')['Présence']).toBe('1 mois 11 jours');
  });

  it('reads a decimal comma as a number (fr_FR) in the weekly hours', () => {
    session.edit({
      sheet: 'Stages',
      range: cellOf('BENALI Yanis', 'Durée hebdomadaire'),
      value: '17,5',
    });
    const [cell] = session.emulator.sheets.debugGetValues(
      'Stages',
      cellOf('BENALI Yanis', 'Durée hebdomadaire'),
    );
    expect(cell?.[0]).toBe(17.5);
    expect(stageRow('BENALI Yanis')['Présence']).not.toBe('1 mois 21 jours');
  });

  it('refuses text in a date column (strict validation) and leaves the cell and onEdit alone', () => {
    const a1 = cellOf('DELATTRE Hugo', 'Fin');
    const out = session.edit({ sheet: 'Stages', range: a1, value: 'fin mars' });
    expect(out.kind).toBe('refused');
    expect(out.kind === 'refused' && out.message).toMatch(
      new RegExp(`cellule ${a1} ne respectent pas .*Une date jj/mm/aaaa`),
    );
    expect(stageRow('DELATTRE Hugo')['Fin']).toBe('31/03/2023');
    expect(events).toEqual([]);
  });

  it('a leading "=" makes a formula, a leading apostrophe keeps text', () => {
    // Rows below the stages, in the free-text "Horaire semaine type" column (S).
    session.edit({ sheet: 'Stages', range: 'S40', value: '=2+3' });
    session.edit({ sheet: 'Stages', range: 'S41', value: "'=2+3" });
    expect(session.emulator.sheets.debugGetDisplayValues('Stages', 'S40:S41')).toEqual([
      ['5'],
      ['=2+3'],
    ]);
    expect(session.state().grid?.formulas['40:19']).toBe('=2+3');
    expect(session.state().grid?.formulas['41:19']).toBeUndefined();
  });

  it('asks before writing in a warning-only protected column, then writes once confirmed', () => {
    const a1 = cellOf('DUPONT Léa', 'Phase');
    const ask = session.edit({ sheet: 'Stages', range: a1, value: 'Effectué' });
    expect(ask.kind).toBe('confirm');
    expect(ask.kind === 'confirm' && ask.message).toContain('Suivi des stages : Phase');
    expect(stageRow('DUPONT Léa')['Phase']).toBe('En cours');
    expect(events).toEqual([]);
    expect(
      session.edit({ sheet: 'Stages', range: a1, value: 'Effectué', confirmed: true }),
    ).toEqual({ kind: 'done' });
    expect(stageRow('DUPONT Léa')['Phase']).toBe('Effectué');
    expect(events).toHaveLength(1);
  });

  it('refuses a protection the user does not edit, even confirmed', () => {
    const journal =
      session.emulator.sheets.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Journal');
    journal?.protect().setDescription('Direction');
    // Only a restored state can hold a protection without its owner (the API keeps the owner).
    const snap = session.emulator.sheets.snapshot() as unknown as {
      book: {
        sheets: { name: string; protections: { description: string; editors: string[] }[] }[];
      };
    };
    const p = snap.book.sheets
      .find((s) => s.name === 'Journal')
      ?.protections.find((x) => x.description === 'Direction');
    if (!p) throw new Error('protection not in the snapshot');
    p.editors = ['direction@lycee.example'];
    session.emulator.sheets.restore(snap as never);
    const out = session.edit({ sheet: 'Journal', range: 'A2', value: 'x', confirmed: true });
    expect(out.kind === 'refused' && out.message).toMatch(/cellule ou un objet protégés/);
    expect(events).toEqual([]);
  });

  it('Delete clears a range and onEdit gets it without a value', () => {
    const a1 = cellOf('FONTAINE Théo', 'Pays');
    session.edit({ sheet: 'Stages', range: a1, value: 'Belgique' });
    events = [];
    session.edit({ sheet: 'Stages', range: a1, value: null });
    expect(stageRow('FONTAINE Théo')['Pays']).toBe('');
    expect(events).toHaveLength(1);
    expect(events[0]).not.toHaveProperty('value');
    expect(events[0]?.oldValue).toBe('Belgique');
  });

  it('refuses a typed value over several cells', () => {
    const out = session.edit({ sheet: 'Stages', range: 'S2:S3', value: 'x' });
    expect(out.kind).toBe('refused');
  });
});

describe('event values', () => {
  it('reads a date on the wall clock of the zone, not UTC', () => {
    // Midnight in Paris is 23:00 UTC the day before.
    expect(serialInZone(new Date('2023-02-09T23:00:00Z'), 'Europe/Paris')).toBe(44967);
    expect(eventValue(new Date('2023-02-09T23:00:00Z'), 'Europe/Paris')).toBe('44967');
    expect(eventValue(true, 'Europe/Paris')).toBe('TRUE');
    expect(eventValue(17.5, 'Europe/Paris')).toBe('17.5');
  });
});
