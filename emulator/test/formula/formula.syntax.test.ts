/**
 * Which syntax the engine accepts.
 *
 * Finding (researched with the project's `search` tool):
 * - In the Sheets UI, the syntax follows the spreadsheet locale: comma locales (en_US…) separate
 *   arguments with ',' and array columns with ','; decimal-comma locales (fr_FR…) use ';' between
 *   arguments and '\' between array columns (player0's Stack Overflow Q&A "locale differences in
 *   google sheets (documentation missing pages)", 2022; Ben Collins, "Explaining syntax
 *   differences in your formulas due to your Google Sheets location",
 *   benlcollins.com/spreadsheets/sheets-location/).
 * - Apps Script's Range.setFormula (and setValues with '=…', and formula rules of conditional
 *   formats) take the en_US syntax whatever the locale; Sheets then displays it localized.
 *   Public Apps Script projects found by code search say so explicitly: one written for a ru_RU
 *   spreadsheet keeps its templates in the ';' / '\' notation and converts them before
 *   setFormula ("Apps Script's setFormula wants the US notation (",", and the same ";" between
 *   rows of a literal)"); another: "Formulas use en-US syntax (commas), which Apps Script
 *   setFormula expects in every locale."
 * - The same canonical/local split exists in other spreadsheet APIs: Excel's Range.Formula vs
 *   Range.FormulaLocal (LibreOffice tdf#141543), Kendo UI's formula API, Aspose.Cells
 *   ("always use a comma (,) to delimit function parameters").
 * - Doubtful point: issues mricon/ingress-fieldplan#5 ("Google now accepts semicolons in all
 *   locales", 2019) and axemonk/Spreadsheet-Formula#19 report that the Sheets *UI* autocorrects
 *   ';' to ',' in comma locales. Nothing found says setFormula does. The engine is therefore
 *   strict: ';' between arguments and '\' in array literals are syntax errors ('#ERROR!'), so a
 *   formula written by the add-on in the display syntax fails in tests.
 */
import { describe, expect, it } from 'vitest';
import { fixtureEnv, fixtureGrid } from './fixture';
import { checkFormulaSyntax, evaluateFormula } from '../../src/formula/index';

const grid = fixtureGrid(
  {
    Stages: [
      ['ID', 'Nom'],
      ['S1', 'alice'],
      ['S2', 'Bob'],
    ],
    'Feuille 1': [['quoted'], [42]],
    Élèves: [['Nom'], ['Zoé'], ['Léo']],
    "It's": [['apostrophe']],
  },
  'Stages',
);
const env = fixtureEnv(grid);
const value = (formula: string): unknown => evaluateFormula(formula, env, { row: 1, col: 5 });

describe('setFormula syntax (en_US, whatever the spreadsheet locale)', () => {
  it('accepts "," between arguments and "{a, b; c, d}" array literals', () => {
    expect(value('=IF(A2="S1","oui","non")')).toEqual([['oui']]);
    expect(value('={1, 2; 3, 4}')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(value('={"Phase"; ARRAYFORMULA(IF(A2:A="","",B2:B))}')).toEqual([
      ['Phase'],
      ['alice'],
      ['Bob'],
    ]);
  });

  it('reads "." as the decimal separator and "," as an argument separator', () => {
    expect(value('=1.5*2')).toEqual([[3]]);
    expect(value('=SUM(1,5)')).toEqual([[6]]);
  });

  it('rejects the fr_FR display syntax: ";" between arguments, "\\" between array columns', () => {
    expect(value('=IF(A2="S1";"oui";"non")')).toEqual([['#ERROR!']]);
    expect(value('=SUM(1;2)')).toEqual([['#ERROR!']]);
    expect(value('={1\\2;3\\4}')).toEqual([['#ERROR!']]);
    expect(() => checkFormulaSyntax('=AND($C2<>"";$L2<>"")')).toThrow();
    expect(() => checkFormulaSyntax('=AND($C2<>"",$L2<>"")')).not.toThrow();
  });

  it('keeps separators inside strings as text', () => {
    expect(value('="a;b\\c,d"')).toEqual([['a;b\\c,d']]);
  });

  it('reports malformed formulas as #ERROR!', () => {
    for (const f of [
      '1+1',
      '=',
      '=SUM(',
      '=1+',
      '="abc',
      '=(1',
      '=A1:',
      '={1,}',
      '=1 2',
      '=#OOPS',
    ]) {
      expect(value(f), f).toEqual([['#ERROR!']]);
    }
  });
});

describe('references', () => {
  it.each([
    ['=A2', 'S1'],
    ['=a2', 'S1'],
    ['=$B$3', 'Bob'],
    ['=B$3', 'Bob'],
    ["='Feuille 1'!A2", 42],
    ['=Élèves!A2', 'Zoé'],
    ["='Élèves'!A3", 'Léo'],
    ["='It''s'!A1", 'apostrophe'],
    ['=ROWS(Élèves!A:A)', 3],
    ['=ROWS(A2:A)', 2],
    ['=COLUMNS(2:2)', 2],
    ['=COLUMNS($1:$1)', 2],
    ['=ROWS(B3:A2)', 2],
    ['=Inconnue!A1', '#REF!'],
    ['=NomInconnu', '#NAME?'],
  ])('%s', (formula, expected) => {
    expect(value(formula)).toEqual([[expected]]);
  });

  it('tells a function from a cell-like name (LOG10 would be a cell)', () => {
    expect(value('=TRUE')).toEqual([[true]]);
    expect(value('=true()')).toEqual([[true]]);
    expect(value('=LOG10(1)')).toEqual([['#NAME?']]);
  });
});
