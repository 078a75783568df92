/**
 * Follow-up visits (seed 004, step 4) on the real bundle: recorded from the fiche, listed, removed;
 * the Stages sheet's "Visites" cell and the gestion filter "À effectuer / Effectuées" follow the
 * Visites sheet, where a visit dated after today is planned, not done; bad input writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  FilterResult,
  StageSelection,
  VisitInput,
  VisitView,
} from '../../src/api/contract';
import { EMPTY_FILTER } from '../../src/domain/stages/filter';
import { type Harness, seededWorkbook } from './harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const visitsCell = (h: Harness, stageId: string) =>
  h.stageRows().find((r) => r['ID'] === stageId)!['Visites'];

function filtered(h: Harness, visits: 'a_effectuer' | 'effectuees'): string[] {
  return ok(
    h.call<ApiResult<FilterResult>>('apiFilterStages', {
      ...EMPTY_FILTER,
      sessionId: h.ids.sessionId,
      visits,
    }),
  ).stages.map((s) => s.student);
}

// One scenario on one workbook (today is 15/02/2023): each test builds on the previous ones.
/** The emulator's user (prof@lycee.example) becomes the e-mail of M. BRUEL's Personnel row. */
function signInAs(h: Harness, bruel: string): void {
  const r = h.call<ApiResult<unknown>>('apiSaveStaff', {
    id: bruel,
    civility: 'M.',
    lastName: 'BRUEL',
    firstName: 'Patrick',
    email: 'prof@lycee.example',
    discipline: 'Informatique',
  });
  if (!r.ok) throw new Error(r.error);
}

describe('visits of a stage', () => {
  let h: Harness;
  let laurie: string;
  let bruel: string;
  beforeAll(() => {
    h = seededWorkbook();
    laurie = h.ids.stages['ACAR Laurie']!;
    bruel = h.ids.staff['M. BRUEL Patrick']!;
    // M. BRUEL is the one signed in: the author of these visits, who may delete them.
    signInAs(h, bruel);
  });

  const input = (patch: Partial<VisitInput>): VisitInput => ({
    stageId: laurie,
    date: '14/02/2023',
    staffId: bruel,
    comment: 'Bonne intégration dans l’agence.',
    ...patch,
  });
  const ids: string[] = [];

  it('starts with none: the cell shows 0 and every stage is "à effectuer"', () => {
    expect(h.call<VisitView[]>('apiListVisits', laurie)).toEqual([]);
    expect(visitsCell(h, laurie)).toBe('0');
    expect(filtered(h, 'effectuees')).toEqual([]);
    expect(filtered(h, 'a_effectuer')).toHaveLength(10);
  });

  it('records a visit: one Visites row, the count becomes 1, the journal says so', () => {
    const journal = h.display('Journal').length;
    const stagesBefore = h.display('Stages');
    const v = ok(h.call<ApiResult<{ visit: VisitView }>>('apiAddVisit', input({}))).visit;
    ids.push(v.id);
    expect(v).toEqual({
      id: expect.stringMatching(/^VIS-/),
      stageId: laurie,
      date: '2023-02-14',
      staffId: bruel,
      staff: 'M. BRUEL Patrick',
      comment: 'Bonne intégration dans l’agence.',
      done: true,
      type: 'visite',
      mayEdit: true,
      mayRemove: true,
    });
    const rows = h.display('Visites').filter((r) => r[0] !== '');
    expect(rows).toEqual([
      [
        'ID',
        'ID stage',
        'Élève',
        'Date',
        'Enseignant',
        'Commentaire',
        'Type',
        'Compte rendu',
        'ID enseignant',
      ],
      [
        v.id,
        laurie,
        'ACAR Laurie',
        '14/02/2023',
        'M. BRUEL Patrick',
        v.comment,
        'visite',
        '',
        bruel,
      ],
    ]);
    expect(visitsCell(h, laurie)).toBe('1');
    // The stage row itself is not written: only its formula cell changes.
    const col = stagesBefore[0]!.indexOf('Visites');
    const strip = (t: string[][]) => t.map((r) => r.filter((_, i) => i !== col));
    expect(strip(h.display('Stages'))).toEqual(strip(stagesBefore));
    expect(h.display('Journal')).toHaveLength(journal + 1);
    expect(h.display('Journal').at(-1)!.slice(2, 4)).toEqual([
      'Enregistrer une visite',
      'ACAR Laurie – BTS 1 info période 1',
    ]);
  });

  it('the fiche and the gestion filter see the visit', () => {
    h.select(h.rowOf(laurie));
    expect(h.call<StageSelection>('apiGetSelection').stage!.visits).toBe(1);
    expect(filtered(h, 'effectuees')).toEqual(['ACAR Laurie']);
    expect(filtered(h, 'a_effectuer')).not.toContain('ACAR Laurie');
    expect(filtered(h, 'a_effectuer')).toHaveLength(9);
  });

  it('a visit dated after today is planned: listed, not counted as done', () => {
    const v = ok(
      h.call<ApiResult<{ visit: VisitView }>>(
        'apiAddVisit',
        input({ date: '10/03/2023', comment: '' }),
      ),
    ).visit;
    ids.push(v.id);
    expect(v.done).toBe(false);
    expect(visitsCell(h, laurie)).toBe('1');
    expect(filtered(h, 'effectuees')).toEqual(['ACAR Laurie']);
    // Camille's only visit is planned: her stage is still "à effectuer".
    const camille = h.ids.stages['ACNA Camille']!;
    ok(h.call('apiAddVisit', input({ stageId: camille, date: '01/03/2023' })));
    expect(visitsCell(h, camille)).toBe('0');
    expect(filtered(h, 'a_effectuer')).toContain('ACNA Camille');
  });

  it('the planned visit counts once its day has come', () => {
    const later = seededWorkbook(new Date('2023-03-10T09:00:00+01:00'));
    const stage = later.ids.stages['ACAR Laurie']!;
    const staff = later.ids.staff['M. BRUEL Patrick']!;
    const add = (date: string) =>
      ok(later.call('apiAddVisit', { stageId: stage, date, staffId: staff, comment: '' }));
    add('10/03/2023');
    add('11/03/2023');
    expect(visitsCell(later, stage)).toBe('1');
  });

  it('accepts a preparatory visit before the stage, and writes comments as text', () => {
    const v = ok(
      h.call<ApiResult<{ visit: VisitView }>>(
        'apiAddVisit',
        input({ date: '15/01/2023', comment: '=1+1 préparation\nà revoir' }),
      ),
    ).visit;
    ids.push(v.id);
    expect(v.comment).toBe('=1+1 préparation\nà revoir');
    expect(visitsCell(h, laurie)).toBe('2');
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Visites')!;
    const row = h.display('Visites').findIndex((r) => r[0] === v.id) + 1;
    const cell = sheet.getRange(row, 6);
    expect(cell.getFormula()).toBe('');
    expect(cell.getDisplayValue()).toBe('=1+1 préparation\nà revoir');
  });

  it('lists the visits of the stage in date order, with the teacher and the comment', () => {
    const list = h.call<VisitView[]>('apiListVisits', laurie);
    expect(list.map((v) => [v.date, v.staff, v.done])).toEqual([
      ['2023-01-15', 'M. BRUEL Patrick', true],
      ['2023-02-14', 'M. BRUEL Patrick', true],
      ['2023-03-10', 'M. BRUEL Patrick', false],
    ]);
    expect(list.every((v) => v.stageId === laurie)).toBe(true);
    expect(h.call<VisitView[]>('apiListVisits', '')).toEqual([]);
  });

  const bad: [string, Partial<VisitInput>, string | undefined, RegExp][] = [
    ['without a date', { date: '' }, 'date', /date de visite est obligatoire/],
    ['with a date that is not one', { date: 'lundi' }, 'date', /n'est pas une date/],
    [
      'outside the stage’s school year',
      { date: '01/09/2023' },
      'date',
      /année scolaire 2022-2023 du stage \(du 01\/09\/2022 au 31\/08\/2023\)/,
    ],
    ['without a teacher', { staffId: '' }, 'staffId', /Choisissez l'enseignant/],
    ['by someone not in Personnel', { staffId: 'PER-INCONNU' }, 'staffId', /Personnel/],
    ['with a comment too long', { comment: 'x'.repeat(2001) }, 'comment', /2000 caractères/],
    ['of a stage that does not exist', { stageId: 'STG-DISPARU' }, undefined, /introuvable/],
  ];
  for (const [name, patch, field, message] of bad) {
    it(`refuses a visit ${name}, writing nothing`, () => {
      const visits = h.display('Visites');
      const stages = h.display('Stages');
      const journal = h.display('Journal').length;
      const r = h.call<ApiResult<{ visit: VisitView }>>('apiAddVisit', input(patch));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatch(message);
        expect(r.field).toBe(field);
      }
      expect(h.display('Visites')).toEqual(visits);
      expect(h.display('Stages')).toEqual(stages);
      expect(h.display('Journal')).toHaveLength(journal);
    });
  }

  it('removing a visit updates the count; removing it twice is a conflict', () => {
    const journal = h.display('Journal').length;
    ok(h.call('apiRemoveVisit', { visitId: ids[0] }));
    expect(visitsCell(h, laurie)).toBe('1');
    expect(h.call<VisitView[]>('apiListVisits', laurie).map((v) => v.id)).toEqual([ids[2], ids[1]]);
    expect(h.display('Journal')).toHaveLength(journal + 1);
    expect(h.display('Journal').at(-1)![2]).toBe('Supprimer une visite');
    const again = h.call<ApiResult<null>>('apiRemoveVisit', { visitId: ids[0] });
    expect(again).toMatchObject({ ok: false, conflict: true });
    ok(h.call('apiRemoveVisit', { visitId: ids[2] }));
    expect(visitsCell(h, laurie)).toBe('0');
    expect(filtered(h, 'effectuees')).toEqual([]);
  });

  it('records a visit with one appended row in Visites and one journal line', () => {
    h.em.log.reset();
    ok(h.call('apiAddVisit', input({})));
    expect(h.em.log.count('Range.setValues')).toBe(0);
    expect(h.em.log.count('Sheet.appendRow')).toBe(2);
    expect(h.em.log.snapshot()).not.toHaveProperty('Range.setValue');
  });
});
