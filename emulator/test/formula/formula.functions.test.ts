/** Formula → expected result, on a small fixture grid (fr_FR spreadsheet, today = 2023-03-15). */
import { describe, expect, it } from 'vitest';
import { fixtureEnv, fixtureGrid } from './fixture';
import { evaluateFormula, isErrorValue, type Scalar } from '../../src/formula/index';
import { serialFromDate as date } from '../../src/formula/serial';

const grid = fixtureGrid(
  {
    Data: [
      ['Nom', 'Qté', 'Date', 'Ok', 'Err', 'Vide'],
      ['alice', 3, 45000, true, '#N/A', null],
      ['Bob', 5, 45010, false, 2.5, null],
      ['carol', null, 45020, true, null, null],
      ['Élodie', 7, null, 'x', null, ''],
      [null, '8', 45030, null, null, null],
    ],
    'Feuille 1': [['quoted'], [42]],
    Visites: [
      ['ID', 'ID stage', 'Élève', 'Date'],
      ['V1', 'S1', 'a', 44990],
      ['V2', 's1', 'b', 45000],
      ['V3', 'S2', 'c', 45010],
      ['V4', 'S1', 'd', 45005],
    ],
  },
  'Data',
  { Data: { rows: 8, cols: 6 } },
);
const env = fixtureEnv(grid, 45_000);
/** The formulas sit in G3: row 3 for implicit intersections, column 7 outside the data. */
const AT = { row: 3, col: 7 };

type Expected = Scalar | Scalar[][];

function check(cases: [string, Expected][]): void {
  it.each(cases)('%s', (formula, expected) => {
    const result = evaluateFormula(formula, env, AT);
    expect(result).toEqual(Array.isArray(expected) ? expected : [[expected]]);
  });
}

const group = new Intl.NumberFormat('fr-FR').formatToParts(1000).find((p) => p.type === 'group');

describe('operators and coercion', () => {
  check([
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=-2^2', 4],
    ['=2*-3', -6],
    ['=10/4', 2.5],
    ['=7-2-1', 4],
    ['=50%', 0.5],
    ['=200%*3', 6],
    ['=1E3+.5', 1000.5],
    ['=1/0', '#DIV/0!'],
    ['=(-8)^(1/3)', '#NUM!'],
    ['="a""b"', 'a"b'],
    ['="x"&1&TRUE', 'x1TRUE'],
    ['=1.5&""', '1,5'],
    ['=B2+B4', 3],
    ['=B6+1', 9],
    ['=A2+1', '#VALUE!'],
    ['=E2+1', '#N/A'],
    ['=1/0+E2', '#DIV/0!'],
    ['=""+1', 1],
    ['=D2+1', 2],
    ['="2023-03-15"+0', 45000],
    ['="15/03/2023"+1', 45001],
    ['="1,5"*2', 3],
    ['="25%"*4', 1],
    ['=F2', null],
    ['=A2', 'alice'],
    ["='Feuille 1'!A2*2", 84],
  ]);
});

describe('comparisons (Sheets semantics)', () => {
  check([
    ['=1=1', true],
    ['="abc"="ABC"', true],
    ['="é"="e"', false],
    ['=1<"a"', true],
    ['="a"<TRUE', true],
    ['="10"=10', false],
    ['="2">10', true],
    ['="b">"A"', true],
    ['=F2=0', true],
    ['=F2=""', true],
    ['=F2=FALSE', true],
    ['=F5=F2', true],
    ['=0.1+0.2=0.3', true],
    ['=1<>1', false],
    ['=2>=2', true],
    ['=1<=0', false],
    ['=E2=1', '#N/A'],
  ]);
});

describe('ranges, implicit intersection and ARRAYFORMULA', () => {
  check([
    ['=B2:B6*2', 10],
    ['=B1:D1&""', '#VALUE!'],
    ['=B2:B6', [[3], [5], [null], [7], ['8']]],
    ['=ARRAYFORMULA(B2:B4*2)', [[6], [10], [0]]],
    ['=ARRAYFORMULA(B2:B3+C2:C3)', [[45003], [45015]]],
    ['=ARRAYFORMULA(B2:B4+C2:C3)', '#VALUE!'],
    ['=ARRAYFORMULA(B2:B3+B2:C2)', '#VALUE!'],
    ['=ARRAYFORMULA(B2:B3&"-"&A2:A3)', [['3-alice'], ['5-Bob']]],
    [
      '=ARRAYFORMULA(A2:B3&"")',
      [
        ['alice', '3'],
        ['Bob', '5'],
      ],
    ],
    ['=ARRAYFORMULA(IF(B2:B5>4,"big","small"))', [['small'], ['big'], ['small'], ['big']]],
    ['=ARRAYFORMULA(IF(B2:B3>4,A2:A3))', [[false], ['Bob']]],
    ['=ARRAYFORMULA(LEN(A2:A3))', [[5], [3]]],
    ['=ARRAYFORMULA(ROW(A2:A4))', [[2], [3], [4]]],
    ['=ARRAYFORMULA(COLUMN(A1:C1))', [[1, 2, 3]]],
    ['=ARRAYFORMULA(IFERROR(1/(B2:B4-3),"x"))', [['x'], [0.5], [-1 / 3]]],
    ['=ARRAYFORMULA(-B2:B3%)', [[-0.03], [-0.05]]],
    ['=ARRAYFORMULA(B2)', 3],
    // Aggregates stay aggregates inside ARRAYFORMULA, as in Sheets.
    ['=ARRAYFORMULA(AND(D2:D4))', false],
    ['=ARRAYFORMULA(OR(D2:D3))', true],
    ['=ARRAYFORMULA(SUM(B2:B5*2))', 30],
    ['=ARRAYFORMULA(CONCATENATE(A2:A3))', 'aliceBob'],
    ['=ROWS(A2:A)', 7],
    ['=ROWS(A:A)', 8],
    ['=COLUMNS(2:2)', 6],
    ['=COUNTA(A:A)', 5],
    ['=ROW(A2:A4)', 2],
  ]);
});

describe('array literals', () => {
  check([
    [
      '={1,2;3,4}',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['={"h";B2:B3}', [['h'], [3], [5]]],
    [
      '={A2:A3,B2:B3}',
      [
        ['alice', 3],
        ['Bob', 5],
      ],
    ],
    ['={1/0,2}', [['#DIV/0!', 2]]],
    ['={1,2;3}', '#VALUE!'],
    ['={A2:A3,B2:B4}', '#VALUE!'],
  ]);
});

describe('logical', () => {
  check([
    ['=IF(TRUE,1,2)', 1],
    ['=IF(FALSE,1)', false],
    ['=IF(B4,1,2)', 2],
    ['=IF("x",1,2)', '#VALUE!'],
    ['=IF(E2,1,2)', '#N/A'],
    ['=IF(TRUE,1,1/0)', 1],
    ['=IF(1)', '#N/A'],
    ['=IFS(B2>4,"a",B3>4,"b")', 'b'],
    ['=IFS(FALSE,1)', '#N/A'],
    ['=IFERROR(E2,"ok")', 'ok'],
    ['=IFERROR(5,"ok")', 5],
    ['=IFERROR(1/0)', null],
    ['=IFERROR(FOO(),"x")', 'x'],
    ['=IFNA(E2,"na")', 'na'],
    ['=IFNA(1/0,"na")', '#DIV/0!'],
    ['=AND(TRUE,1)', true],
    ['=AND(TRUE,0)', false],
    ['=OR(FALSE,B4)', false],
    ['=AND(A2)', '#VALUE!'],
    ['=OR(D2:D4)', true],
    ['=AND(1,E2)', '#N/A'],
    ['=AND(C2<>"",F2<>"")', false],
    ['=NOT(TRUE)', false],
    ['=NOT(0)', true],
  ]);
});

describe('information', () => {
  check([
    ['=ISBLANK(F2)', true],
    ['=ISBLANK(F5)', false],
    ['=ISNUMBER(B2)', true],
    ['=ISNUMBER(B6)', false],
    ['=ISTEXT(A2)', true],
    ['=ISTEXT(E2)', false],
    ['=ISERROR(E2)', true],
    ['=ISERROR(1/0)', true],
    ['=ISERROR(1)', false],
    ['=ISNA(#N/A)', true],
    ['=N(B2)', 3],
    ['=N("x")', 0],
    ['=N(TRUE)', 1],
    ['=ROW()', 3],
    ['=COLUMN()', 7],
    ['=ROW(C5)', 5],
    ['=COLUMN(C5)', 3],
    ['=ROWS({1;2;3})', 3],
    ['=COLUMNS(A1:C1)', 3],
  ]);
});

describe('text', () => {
  check([
    ['=LEN("abc")', 3],
    ['=LEN(B2)', 1],
    ['=TRIM("  a   b  ")', 'a b'],
    ['=UPPER("élodie")', 'ÉLODIE'],
    ['=LOWER(A3)', 'bob'],
    ['=CONCATENATE("a",1,TRUE)', 'a1TRUE'],
    ['=CONCATENATE(A2:A3)', 'aliceBob'],
    ['=LEFT("abc",2)', 'ab'],
    ['=RIGHT("abc")', 'c'],
    ['=MID("abcdef",2,3)', 'bcd'],
    ['=TEXT(C2,"dd/mm/yyyy")', '15/03/2023'],
    ['=TEXT(C2,"yyyy-mm-dd")', '2023-03-15'],
    ['=TEXT(C2,"d mmmm yyyy")', '15 mars 2023'],
    ['=TEXT(C2,"dddd")', 'mercredi'],
    ['=TEXT(45000.75,"hh:mm")', '18:00'],
    ['=TEXT(1234.567,"0.00")', '1234,57'],
    ['=TEXT(1234.5,"#,##0.00")', `1${group?.value ?? ' '}234,50`],
    ['=TEXT(0.256,"0%")', '26%'],
    ['=TEXT(5,"000")', '005'],
    ['=TEXT(-3.5,"0.0")', '-3,5'],
    ['=TEXT("abc","0")', 'abc'],
    ['=VALUE("12")', 12],
    ['=VALUE("1,5")', 1.5],
    ['=VALUE("15/03/2023")', 45000],
    ['=VALUE("abc")', '#VALUE!'],
  ]);
});

describe('dates', () => {
  check([
    ['=TODAY()', 45000],
    ['=NOW()', 45000.5],
    ['=DATE(2023,3,15)', 45000],
    ['=DATE(2023,14,1)', date(2024, 2, 1)],
    ['=DATE(2023,3,0)', date(2023, 2, 28)],
    ['=YEAR(C2)', 2023],
    ['=MONTH(C2)', 3],
    ['=DAY(C2)', 15],
    ['=YEAR("2024-02-29")', 2024],
    ['=DAY(NOW())', 15],
    ['=WEEKDAY(C2)', 4],
    ['=WEEKDAY(C2,2)', 3],
    ['=WEEKDAY(C2,3)', 2],
    ['=WEEKNUM(C2)', 11],
    ['=WEEKNUM(DATE(2023,1,8))', 2],
    ['=WEEKNUM(DATE(2023,1,8),2)', 2],
    ['=WEEKNUM(DATE(2023,1,9),2)', 3],
    ['=WEEKNUM(C2,21)', 11],
    ['=ISOWEEKNUM(C2)', 11],
    ['=ISOWEEKNUM(DATE(2021,1,1))', 53],
    ['=EDATE(DATE(2023,1,31),1)', date(2023, 2, 28)],
    ['=EDATE(DATE(2024,3,31),-1)', date(2024, 2, 29)],
    ['=EOMONTH(DATE(2023,1,15),1)', date(2023, 2, 28)],
    ['=EOMONTH(C2,0)', date(2023, 3, 31)],
    ['=NETWORKDAYS(DATE(2023,3,13),DATE(2023,3,19))', 5],
    ['=NETWORKDAYS(DATE(2023,3,19),DATE(2023,3,13))', -5],
    ['=NETWORKDAYS(DATE(2023,3,13),DATE(2023,3,19),C2)', 4],
    ['=YEAR(-1)', '#NUM!'],
  ]);
});

describe('math and aggregates', () => {
  check([
    ['=SUM(B2:B6)', 15],
    ['=SUM(1,"2",TRUE)', 4],
    ['=SUM(B2:B3,10)', 18],
    ['=SUM(E2:E3)', '#N/A'],
    ['=sum(1,2)', 3],
    ['=MIN(B2:B6)', 3],
    ['=MAX(B2:B6)', 7],
    ['=MAX(F2:F6)', 0],
    ['=COUNT(B2:B6)', 3],
    ['=COUNTA(B2:B6)', 4],
    ['=COUNTA(F2:F6)', 1],
    ['=COUNTBLANK(F2:F6)', 5],
    ['=ROUND(2.675,2)', 2.68],
    ['=ROUND(-2.5)', -3],
    ['=ROUND(1234,-2)', 1200],
    ['=INT(-2.5)', -3],
    ['=ABS(-4)', 4],
    ['=MOD(-3,2)', 1],
    ['=MOD(5,0)', '#DIV/0!'],
    ['=SUMPRODUCT((B2:B5>4)*1)', 2],
  ]);
});

describe('criteria: COUNTIF(S), SUMIF(S)', () => {
  check([
    ['=COUNTIF(B2:B6,">4")', 2],
    ['=COUNTIF(B2:B6,"<=45000")', 3],
    ['=COUNTIF(B2:B6,5)', 1],
    ['=COUNTIF(B2:B6,"5")', 1],
    ['=COUNTIF(A2:A6,"bob")', 1],
    ['=COUNTIF(A2:A6,"*o*")', 3],
    ['=COUNTIF(A2:A6,"?ob")', 1],
    ['=COUNTIF(A2:A6,"<>")', 4],
    ['=COUNTIF(A2:A6,"")', 1],
    ['=COUNTIF(F2:F6,"=")', 5],
    ['=COUNTIF(A2:A6,"<>bob")', 4],
    ['=COUNTIF(A2:A6,">b")', 3],
    ['=COUNTIF(D2:D6,TRUE)', 2],
    ['=COUNTIF(B2:B6,F2)', 0],
    ['=COUNTIF(C2:C6,">="&C3)', 3],
    ['=COUNTIF(C2:C6,"<2023-04-01")', 2],
    ['=COUNTIF(C2:C6,"<01/04/2023")', 2],
    ['=COUNTIFS(Visites!B2:B,"s1",Visites!D2:D,"<="&TODAY())', 2],
    ['=COUNTIFS(A2:A6,"*",B2:B6,">3")', 2],
    ['=COUNTIFS(A2:A6,"a*",B2:B5,">3")', '#VALUE!'],
    ['=COUNTIFS(A2:A6,"a*",B2:B6)', '#N/A'],
    ['=SUMIF(A2:A6,"<>bob",B2:B6)', 10],
    ['=SUMIF(B2:B6,">3")', 12],
    ['=SUMIF(A2:A6,"bob",B2)', 5],
    ['=SUMIFS(B2:B6,D2:D6,TRUE,A2:A6,"<>")', 3],
    ['=ARRAYFORMULA(COUNTIF(Visites!B2:B,{"S1";"S2";"S3"}))', [[3], [1], [0]]],
    ['=ARRAYFORMULA(SUMIF(Visites!B2:B,{"S1";"S2"},Visites!D2:D))', [[134_995], [45_010]]],
    ['=COUNTIF(Visites!B2:B,{"S1";"S2"})', 3],
  ]);
});

describe('lookups, FILTER, UNIQUE', () => {
  check([
    ['=VLOOKUP("bob",A2:D6,3,FALSE)', 45010],
    ['=VLOOKUP("b*",A2:B6,2,FALSE)', 5],
    ['=VLOOKUP("zz",A2:D6,2,FALSE)', '#N/A'],
    ['=VLOOKUP("bob",A2:D6,9,FALSE)', '#REF!'],
    ['=VLOOKUP("bob",A2:D6,0,FALSE)', '#VALUE!'],
    ['=VLOOKUP(45012,C2:D6,2)', false],
    ['=VLOOKUP(45012,C2:D6,2,TRUE)', false],
    ['=VLOOKUP(1,C2:D6,2)', '#N/A'],
    ['=ARRAYFORMULA(VLOOKUP({"bob";"alice"},A2:B6,2,FALSE))', [[5], [3]]],
    ['=MATCH("carol",A2:A6,0)', 3],
    ['=MATCH(45015,C2:C4)', 2],
    ['=MATCH(6,{9,7,5,3},-1)', 2],
    ['=MATCH("x",A2:B3,0)', '#N/A'],
    ['=MATCH("zz",A2:A6,0)', '#N/A'],
    ['=INDEX(A2:D6,2,3)', 45010],
    ['=INDEX(A2:A6,4)', 'Élodie'],
    ['=INDEX(A1:D1,3)', 'Date'],
    ['=INDEX(A2:B3,0,2)', [[3], [5]]],
    ['=INDEX(A2:B3,2,0)', [['Bob', 5]]],
    ['=INDEX(A2:B3,3,1)', '#REF!'],
    ['=FILTER(A2:A5,B2:B5>4)', [['Bob'], ['Élodie']]],
    ['=FILTER(A2:A5,B2:B5>100)', '#N/A'],
    ['=FILTER(A2:A5,B2:B4>1)', '#VALUE!'],
    ['=UNIQUE({1;2;1;3})', [[1], [2], [3]]],
  ]);
});

describe('errors', () => {
  check([
    ['=FOO(1)', '#NAME?'],
    ['=#N/A', '#N/A'],
    ['=E2', '#N/A'],
    ['=LEN(E2)', '#N/A'],
    ['=UPPER(1/0)', '#DIV/0!'],
    ['=SUM(1,FOO())', '#NAME?'],
  ]);

  it('recognises error values', () => {
    expect(isErrorValue('#N/A')).toBe(true);
    expect(isErrorValue('#ERROR!')).toBe(true);
    expect(isErrorValue('N/A')).toBe(false);
    expect(isErrorValue(null)).toBe(false);
    expect(isErrorValue(0)).toBe(false);
  });

  it('never throws, even when the grid does', () => {
    const broken = {
      read: () => {
        throw new Error('boom');
      },
      bounds: () => ({ rows: 5, cols: 5 }),
    };
    expect(evaluateFormula('=A1', { grid: broken, today: 0, now: 0 }, AT)).toEqual([['#ERROR!']]);
  });
});

describe('en_US locale', () => {
  const en = { ...env, locale: 'en_US' as const };
  it('uses "." in text and month/day order in dates', () => {
    expect(evaluateFormula('=1.5&""', en, AT)).toEqual([['1.5']]);
    expect(evaluateFormula('="03/15/2023"+0', en, AT)).toEqual([[45000]]);
    expect(evaluateFormula('=TEXT(C2,"dddd, mmmm d")', en, AT)).toEqual([['Wednesday, March 15']]);
  });
});
