import { describe, expect, it } from 'vitest';
import { phaseHeaderFormula, phaseOf, sheetRef, visitsHeaderFormula } from '../../src/domain/phase';
import { STAGES, VISITS } from '../../src/sheets/schema';

const s = { start: '2023-02-01', end: '2023-02-27', stoppedOn: '' };

describe('phaseOf', () => {
  it('is "À venir" before the first day', () => {
    expect(phaseOf(s, '2023-01-31')).toBe('À venir');
  });
  it('is "En cours" from the first to the last day, both included', () => {
    expect(phaseOf(s, '2023-02-01')).toBe('En cours');
    expect(phaseOf(s, '2023-02-14')).toBe('En cours');
    expect(phaseOf(s, '2023-02-27')).toBe('En cours');
  });
  it('is "Effectué" after the last day', () => {
    expect(phaseOf(s, '2023-02-28')).toBe('Effectué');
  });
  it('is "Arrêté" whatever the date once stopped', () => {
    const stopped = { ...s, stoppedOn: '2023-02-10' };
    for (const today of ['2023-01-01', '2023-02-05', '2023-02-10', '2023-02-27', '2024-01-01']) {
      expect(phaseOf(stopped, today)).toBe('Arrêté');
    }
  });
  it('handles a one-day stage', () => {
    const day = { start: '2023-03-01', end: '2023-03-01', stoppedOn: '' };
    expect(phaseOf(day, '2023-02-28')).toBe('À venir');
    expect(phaseOf(day, '2023-03-01')).toBe('En cours');
    expect(phaseOf(day, '2023-03-02')).toBe('Effectué');
  });
});

/** The column letter of a key in the `Stages` schema (A = first). */
function letter(columns: readonly { key: string }[], key: string): string {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(key);
  return String.fromCharCode(65 + i);
}

describe('phaseHeaderFormula', () => {
  it('writes the documented formula for A/C/D/L', () => {
    expect(phaseHeaderFormula({ id: 'A', start: 'C', end: 'D', stoppedOn: 'L' })).toBe(
      '={"Phase";ARRAYFORMULA(IF(A2:A="","",IF(L2:L<>"","Arrêté",IF(TODAY()<C2:C,"À venir",IF(TODAY()>D2:D,"Effectué","En cours")))))}',
    );
  });
  it('matches the Stages schema layout (A, C, D, L)', () => {
    const cols = STAGES.columns;
    expect([
      letter(cols, 'id'),
      letter(cols, 'start'),
      letter(cols, 'end'),
      letter(cols, 'stoppedOn'),
    ]).toEqual(['A', 'C', 'D', 'L']);
  });
  it('follows moved columns', () => {
    expect(phaseHeaderFormula({ id: 'B', start: 'E', end: 'F', stoppedOn: 'AA' })).toContain(
      'IF(B2:B="","",IF(AA2:AA<>"","Arrêté",IF(TODAY()<E2:E,"À venir",IF(TODAY()>F2:F,',
    );
  });
  it('refuses what is not a column letter', () => {
    expect(() => phaseHeaderFormula({ id: 'A1', start: 'C', end: 'D', stoppedOn: 'L' })).toThrow();
    expect(() => phaseHeaderFormula({ id: 'a', start: 'C', end: 'D', stoppedOn: 'L' })).toThrow();
  });
});

describe('visitsHeaderFormula', () => {
  it('counts the visits dated today or before', () => {
    expect(
      visitsHeaderFormula({ id: 'A' }, { sheet: 'Visites', stageIdCol: 'B', dateCol: 'D' }),
    ).toBe(
      '={"Visites";ARRAYFORMULA(IF(A2:A="","",COUNTIFS(Visites!B2:B,A2:A,Visites!D2:D,"<="&TODAY())))}',
    );
  });
  it('matches the Visites schema layout (B, D)', () => {
    expect([letter(VISITS.columns, 'stageId'), letter(VISITS.columns, 'date')]).toEqual(['B', 'D']);
  });
  it('quotes sheet names that need it', () => {
    expect(
      visitsHeaderFormula({ id: 'A' }, { sheet: 'Élèves', stageIdCol: 'B', dateCol: 'D' }),
    ).toBe(
      `={"Visites";ARRAYFORMULA(IF(A2:A="","",COUNTIFS('Élèves'!B2:B,A2:A,'Élèves'!D2:D,"<="&TODAY())))}`,
    );
  });
});

describe('sheetRef', () => {
  it.each([
    ['Visites', 'Visites'],
    ['Visites_2023', 'Visites_2023'],
    ['Élèves', "'Élèves'"],
    ['Mes visites', "'Mes visites'"],
    ["Visites d'Anne", "'Visites d''Anne'"],
    ['A1', "'A1'"],
    ['AB12', "'AB12'"],
    ['R1C1', "'R1C1'"],
    ['2023', "'2023'"],
    ['TRUE', "'TRUE'"],
  ])('%s → %s', (name, ref) => {
    expect(sheetRef(name)).toBe(ref);
  });
});
