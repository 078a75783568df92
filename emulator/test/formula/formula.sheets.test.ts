/**
 * Formulas like the add-on's, on a realistic Stages/Visites fixture: whole-column ARRAYFORMULAs
 * (Phase, Visites) and conditional-format formulas evaluated over a range with `shift`. The
 * strings are literal, so this package never imports the add-on.
 */
import { describe, expect, it } from 'vitest';
import { fixtureEnv, fixtureGrid } from './fixture';
import { evaluateFormula, type Scalar } from '../../src/formula/index';

const TODAY = 45_000; // 2023-03-15

/** A Stages row: A ID, C Début, D Fin, E Élève, K Phase (computed), L Date d'arrêt. */
function stage(
  id: string | null,
  start: number | null,
  end: number | null,
  stoppedOn: number | null = null,
  phase: string | null = null,
): Scalar[] {
  const row: Scalar[] = Array<Scalar>(21).fill(null);
  row[0] = id;
  row[1] = id && 'BTS 1 — PFMP 1';
  row[2] = start;
  row[3] = end;
  row[4] = id && `Élève ${id}`;
  row[10] = phase;
  row[11] = stoppedOn;
  return row;
}

const HEADERS: Scalar[] = ['ID', 'Session', 'Début', 'Fin', 'Élève', 'Classe', 'Entreprise'];

function stagesRows(withPhases: boolean): Scalar[][] {
  const p = (phase: string): string | null => (withPhases ? phase : null);
  return [
    HEADERS,
    stage('S1', 44_990, 45_010, null, p('En cours')),
    stage('S2', 45_001, 45_020, null, p('À venir')),
    stage('S3', 44_900, 44_950, null, p('Effectué')),
    stage(null, null, null),
    stage('S4', 44_990, 45_010, 44_995, p('Arrêté')),
    stage('S5', TODAY, TODAY, null, p('En cours')),
    stage('S6', 44_980, TODAY - 1, null, p('Effectué')),
  ];
}

const VISITS: Scalar[][] = [
  ['ID', 'ID stage', 'Élève', 'Date', 'Enseignant', 'Commentaire'],
  ['V1', 'S1', 'Élève S1', 44_990, 'M. Durand', ''],
  ['V2', 'S1', 'Élève S1', TODAY, 'M. Durand', 'Visite du jour'],
  ['V3', 'S3', 'Élève S3', 44_920, 'Mme Petit', ''],
  ['V4', 'S4', 'Élève S4', 44_993, 'Mme Petit', ''],
  ['V5', 'S1', 'Élève S1', 45_005, 'M. Durand', 'Prévue'],
  ['V6', 'S2', 'Élève S2', null, 'M. Durand', 'Date à fixer'],
  ['V7', 'S9', 'Ancien', 44_000, 'M. Durand', ''],
];

function env(withPhases = false) {
  const grid = fixtureGrid({ Stages: stagesRows(withPhases), Visites: VISITS }, 'Stages', {
    Stages: { rows: 10, cols: 21 },
    Visites: { rows: 12, cols: 6 },
  });
  return fixtureEnv(grid, TODAY);
}

const PHASE =
  '={"Phase";ARRAYFORMULA(IF(A2:A="","",IF(L2:L<>"","Arrêté",' +
  'IF(TODAY()<C2:C,"À venir",IF(TODAY()>D2:D,"Effectué","En cours")))))}';
const VISIT_COUNT =
  '={"Visites";ARRAYFORMULA(IF(A2:A="","",' +
  'COUNTIFS(Visites!B2:B,A2:A,Visites!D2:D,"<="&TODAY())))}';

const column = (values: Scalar[]): Scalar[][] => values.map((v) => [v]);

describe('header formulas', () => {
  it('Phase: one value per row of the sheet, "" for rows without an ID', () => {
    expect(evaluateFormula(PHASE, env(), { row: 1, col: 11 })).toEqual(
      column([
        'Phase',
        'En cours',
        'À venir',
        'Effectué',
        '',
        'Arrêté',
        'En cours',
        'Effectué',
        '',
        '',
      ]),
    );
  });

  it('Visites: visits dated today or earlier, per stage ID', () => {
    expect(evaluateFormula(VISIT_COUNT, env(), { row: 1, col: 10 })).toEqual(
      column(['Visites', 2, 0, 1, '', 1, 0, 0, '', '']),
    );
  });

  it('gives the whole column "#REF!" when the Visites sheet is missing', () => {
    const grid = fixtureGrid({ Stages: stagesRows(false) }, 'Stages');
    const result = evaluateFormula(VISIT_COUNT, fixtureEnv(grid, TODAY), { row: 1, col: 10 });
    expect(result[0]).toEqual(['Visites']);
    expect(result.slice(1).flat()).toContain('#REF!');
    expect(result.slice(1).flat()).toContain('');
  });
});

describe('conditional-format formulas (rule range A2:U10, written for A2)', () => {
  /** Evaluates the rule for cell (row, col) as the emulator does: shifted from A2. */
  const rule = (formula: string, row: number, col: number): Scalar[][] =>
    evaluateFormula(formula, env(true), { row, col }, { rows: row - 2, cols: col - 1 });

  it('=$K2="Arrêté" holds on the stopped stage\'s row, in every column', () => {
    for (let row = 2; row <= 10; row++) {
      for (const col of [1, 5, 21]) {
        expect(rule('=$K2="Arrêté"', row, col), `row ${row} col ${col}`).toEqual([[row === 6]]);
      }
    }
  });

  it('=AND($C2<>"",$L2<>"") holds where a stop date is set', () => {
    const rows = [2, 3, 4, 5, 6, 7, 8, 9, 10].filter(
      (row) => rule('=AND($C2<>"",$L2<>"")', row, 3)[0]?.[0] === true,
    );
    expect(rows).toEqual([6]);
  });

  it('moves relative columns and rows, not absolute ones', () => {
    expect(rule('=C2>TODAY()', 3, 1)).toEqual([[true]]); // C3 = 45001
    expect(rule('=C2>TODAY()', 2, 1)).toEqual([[false]]); // C2 = 44990
    expect(rule('=C2>TODAY()', 3, 2)).toEqual([[true]]); // D3 = 45020
    expect(rule('=$A$1', 7, 4)).toEqual([['ID']]);
    expect(rule('=A$1', 7, 4)).toEqual([['Fin']]);
    expect(rule('=ROWS(A2:A)', 5, 1)).toEqual([[6]]); // A5:A10
    expect(rule('=MOD(ROW(),2)=0', 4, 9)).toEqual([[true]]);
  });

  it('gives #REF! when a shift moves a reference above row 1', () => {
    const result = evaluateFormula('=A1', env(), { row: 1, col: 1 }, { rows: -1, cols: 0 });
    expect(result).toEqual([['#REF!']]);
  });
});

describe('large sheets', () => {
  const N = 5_000;

  function bigEnv() {
    const stages: Scalar[][] = [HEADERS];
    const visits: Scalar[][] = [VISITS[0] as Scalar[]];
    for (let i = 1; i <= N; i++) {
      stages.push(stage(i % 97 === 0 ? null : `S${i}`, TODAY - (i % 30), TODAY + (i % 40) - 20));
      // Stage i has i % 4 visits, dated around today.
      for (let k = 0; k < i % 4 && visits.length <= N; k++) {
        visits.push([`V${visits.length}`, `S${i}`, '', TODAY - 2 + k, '', '']);
      }
    }
    const grid = fixtureGrid({ Stages: stages, Visites: visits }, 'Stages');
    return { grid, env: fixtureEnv(grid, TODAY), visits };
  }

  it('counts visits of 5,000 stages reading each range once', () => {
    const { grid, env: bigE, visits } = bigEnv();
    const result = evaluateFormula(VISIT_COUNT, bigE, { row: 1, col: 10 });
    expect(result).toHaveLength(N + 1);
    for (const i of [1, 2, 3, 97, 1234, 2500, 4999]) {
      const id = i % 97 === 0 ? null : `S${i}`;
      const expected =
        id === null ? '' : visits.filter((v) => v[1] === id && (v[3] as number) <= TODAY).length;
      expect(result[i]?.[0], `row of S${i}`).toBe(expected);
    }
    // A2:A, Visites!B2:B and Visites!D2:D: one read per cell, whatever the number of criteria.
    expect(grid.reads).toBeLessThanOrEqual(3 * (N + 1));
  });
});
