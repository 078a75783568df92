/**
 * The follow-up on the real bundle (issue 12): « Répartir le suivi… » previews then writes in one
 * batch with one journal line; « Mes stages » shows the signed-in teacher's stages, records a
 * visit in two clicks, edits and deletes only their own visits; the gestion filter « À effectuer »
 * counts the expected visits; « Initialiser » adds the new columns to an older workbook.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  FilterResult,
  FollowUpInput,
  FollowUpPreview,
  MyStagesView,
  MyVisitOutcome,
  StaffView,
  VisitView,
} from '../../src/api/contract';
import { EMPTY_FILTER } from '../../src/domain/stages/filter';
import { ALL_SHEETS, SESSIONS, STAFF, STAGES, VISITS } from '../../src/sheets/schema';
import { type Harness, seededWorkbook } from './harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** The emulator's signed-in user (createEmulator's default). */
const ME = 'prof@lycee.example';

function addTeacher(h: Harness, lastName: string, email: string, classes = ''): string {
  const s = ok(
    h.call<ApiResult<StaffView>>('apiSaveStaff', {
      id: '',
      civility: 'Mme',
      lastName,
      firstName: 'Léa',
      email,
      discipline: 'Économie',
    }),
  );
  if (classes) {
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(STAFF.name)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    const ids = sheet.getRange('A:A').getValues();
    const row = ids.findIndex((r) => r[0] === s.id) + 1;
    sheet.getRange(row, header.indexOf('Classes') + 1).setValue(classes);
  }
  return s.id;
}

const picture = (h: Harness) => JSON.stringify(ALL_SHEETS.map((s) => h.display(s.name)));
const column = (h: Harness, header: string) =>
  Object.fromEntries(h.stageRows().map((r) => [r['Élève'], r[header]]));

function filtered(h: Harness, visits: 'a_effectuer' | 'effectuees'): string[] {
  return ok(
    h.call<ApiResult<FilterResult>>('apiFilterStages', {
      ...EMPTY_FILTER,
      sessionId: h.ids.sessionId,
      visits,
    }),
  ).stages.map((s) => s.student);
}

describe('« Répartir le suivi… »', () => {
  let h: Harness;
  let bruel: string;
  let roux: string;
  let input: FollowUpInput;
  beforeAll(() => {
    h = seededWorkbook();
    bruel = h.ids.staff['M. BRUEL Patrick']!;
    roux = addTeacher(h, 'ROUX', ME);
    input = { sessionId: h.ids.sessionId, teacherIds: [bruel, roux], keepExisting: true, cap: '' };
  });

  it('the preview shares 10 stages 5 / 5 and writes nothing', () => {
    const before = picture(h);
    const r = h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input);
    const p = ok(r);
    expect(r.ok && r.message).toBe(
      '10 stages à attribuer. Rien n’est encore écrit : vérifiez puis appliquez.',
    );
    expect(p.cap).toBe(16);
    expect(p.changes).toBe(10);
    expect(p.unassigned).toEqual([]);
    expect(p.teachers.map((t) => [t.teacher, t.stages.length])).toEqual([
      ['M. BRUEL Patrick', 5],
      ['Mme ROUX Léa', 5],
    ]);
    expect(picture(h)).toBe(before);
  });

  it('apply writes the previewed proposal in one batch, with one journal line', () => {
    const p = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input));
    const journal = h.display('Journal').length;
    const writes = () => h.em.log.snapshot()['Range.setValues'] ?? 0;
    const before = writes();
    const r = h.call<ApiResult<FollowUpPreview>>('apiApplyFollowUp', {
      ...input,
      digest: p.digest,
    });
    expect(r.ok && r.message).toBe('Suivi réparti : 10 stages attribués.');
    // One batch over the stage rows.
    expect(writes() - before).toBe(1);
    const followers = column(h, 'Enseignant suivi');
    const byTeacher = (t: string) =>
      p.teachers
        .find((x) => x.teacher === t)!
        .stages.map((s) => s.student)
        .sort();
    expect(
      Object.keys(followers)
        .filter((s) => followers[s] === 'M. BRUEL Patrick')
        .sort(),
    ).toEqual(byTeacher('M. BRUEL Patrick'));
    expect(
      Object.keys(followers)
        .filter((s) => followers[s] === 'Mme ROUX Léa')
        .sort(),
    ).toEqual(byTeacher('Mme ROUX Léa'));
    expect(h.display('Journal')).toHaveLength(journal + 1);
    expect(h.display('Journal').at(-1)!.slice(2, 4)).toEqual([
      'Répartir le suivi',
      'BTS 1 info période 1',
    ]);
  });

  it('run again, it keeps everything and proposes no change', () => {
    const p = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input));
    expect(p.changes).toBe(0);
    expect(p.teachers.every((t) => t.stages.every((s) => s.kept))).toBe(true);
  });

  it('refuses a preview gone stale, writing nothing', () => {
    const p = ok(
      h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', { ...input, keepExisting: false }),
    );
    const before = picture(h);
    const r = h.call<ApiResult<FollowUpPreview>>('apiApplyFollowUp', {
      ...input,
      keepExisting: false,
      cap: '3',
      digest: p.digest,
    });
    expect(r).toMatchObject({ ok: false, conflict: true });
    expect(picture(h)).toBe(before);
  });

  it('the cap leaves stages unassigned with the reason, and is saved when applied', () => {
    const one = { ...input, teacherIds: [bruel], keepExisting: false, cap: '3' };
    const p = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', one));
    expect(p.teachers.map((t) => t.stages.length)).toEqual([3]);
    expect(p.unassigned).toHaveLength(7);
    expect(p.unassigned[0]!.reason).toBe(
      "L'enseignant choisi suit déjà 3 stagiaires en même temps sur ces dates (du 01/02/2023 au 31/03/2023).",
    );
    ok(h.call('apiApplyFollowUp', { ...one, digest: p.digest }));
    expect(ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input)).cap).toBe(3);
  });

  it('refuses a bad cap, no session, no teacher, in French', () => {
    const bad = (patch: Partial<FollowUpInput>) =>
      h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', { ...input, ...patch });
    expect(bad({ cap: '0' })).toMatchObject({ ok: false, field: 'cap' });
    expect(bad({ cap: 'beaucoup' })).toMatchObject({ ok: false, field: 'cap' });
    expect(bad({ sessionId: '' })).toMatchObject({
      ok: false,
      error: 'Choisissez une session.',
    });
    expect(bad({ teacherIds: [] })).toMatchObject({ ok: false, field: 'teacherIds' });
    expect(bad({ teacherIds: ['PER-INCONNU'] })).toMatchObject({ ok: false, field: 'teacherIds' });
  });
});

describe('« Répartir le suivi… » for the rows selected in the Stages sheet', () => {
  let h: Harness;
  let bruel: string;
  let roux: string;
  const idsOf = (...labels: string[]) => labels.map((l) => h.ids.stages[l]!);
  beforeAll(() => {
    h = seededWorkbook();
    bruel = h.ids.staff['M. BRUEL Patrick']!;
    roux = addTeacher(h, 'ROUX', ME);
  });

  it('previews and applies only the selected rows, with one journal line naming them', () => {
    const input: FollowUpInput = {
      sessionId: '',
      stageIds: idsOf('ACAR Laurie', 'ACNA Camille', 'BERNARD Hugo', 'COLIN Sarah'),
      teacherIds: [bruel],
      keepExisting: true,
      cap: '',
    };
    const before = picture(h);
    const p = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input));
    expect(picture(h)).toBe(before);
    expect(p.changes).toBe(4);
    expect(p.stageIds).toEqual(input.stageIds);
    expect(p.teachers[0]!.stages.map((s) => s.student).sort()).toEqual([
      'ACAR Laurie',
      'ACNA Camille',
      'BERNARD Hugo',
      'COLIN Sarah',
    ]);
    const writes = () => h.em.log.snapshot()['Range.setValues'] ?? 0;
    const w = writes();
    const r = h.call<ApiResult<FollowUpPreview>>('apiApplyFollowUp', {
      ...input,
      digest: p.digest,
    });
    expect(r.ok && r.message).toBe('Suivi réparti : 4 stages attribués.');
    expect(writes() - w).toBe(1);
    const followers = column(h, 'Enseignant suivi');
    expect(Object.values(followers).filter((f) => f === 'M. BRUEL Patrick')).toHaveLength(4);
    expect(Object.values(followers).filter((f) => f === '')).toHaveLength(6);
    expect(h.display('Journal').at(-1)!.slice(2, 4)).toEqual([
      'Répartir le suivi',
      '4 stages sélectionnés (BTS 1 info période 1)',
    ]);
  });

  it('counts what the rest of the session gives each teacher: the new rows go to the other', () => {
    const input: FollowUpInput = {
      sessionId: '',
      stageIds: idsOf('DUBOIS Mehdi', 'FABRE Inès'),
      teacherIds: [bruel, roux],
      keepExisting: true,
      cap: '',
    };
    const p = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input));
    expect(p.teachers.map((t) => [t.teacher, t.stages.map((s) => s.student)])).toEqual([
      ['M. BRUEL Patrick', []],
      ['Mme ROUX Léa', ['DUBOIS Mehdi', 'FABRE Inès']],
    ]);
  });

  it('refuses a preview gone stale when the rest of the session changed since', () => {
    const input: FollowUpInput = {
      sessionId: '',
      stageIds: idsOf('GARNIER Lucas'),
      teacherIds: [bruel, roux],
      keepExisting: true,
      cap: '',
    };
    const p = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input));
    const other = {
      ...input,
      stageIds: idsOf('HENRY Manon'),
      teacherIds: [roux],
    };
    const q = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', other));
    ok(h.call<ApiResult<FollowUpPreview>>('apiApplyFollowUp', { ...other, digest: q.digest }));
    const before = picture(h);
    const r = h.call<ApiResult<FollowUpPreview>>('apiApplyFollowUp', {
      ...input,
      digest: p.digest,
    });
    expect(r).toMatchObject({ ok: false, conflict: true });
    expect(picture(h)).toBe(before);
  });

  it('refuses an empty selection and a row gone, in French', () => {
    const bad = (stageIds: string[]) =>
      h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', {
        sessionId: '',
        stageIds,
        teacherIds: [bruel],
        keepExisting: true,
        cap: '',
      });
    expect(bad([])).toMatchObject({ ok: false, field: 'stageIds' });
    expect(bad(['STG-INCONNU'])).toMatchObject({
      ok: false,
      error:
        'Une ligne sélectionnée n’est plus dans la feuille Stages : sélectionnez-la de nouveau.',
    });
  });
});

describe('« Mes stages »', () => {
  let h: Harness;
  let bruel: string;
  let roux: string;
  let laurie: string;
  beforeAll(() => {
    h = seededWorkbook();
    bruel = h.ids.staff['M. BRUEL Patrick']!;
    laurie = h.ids.stages['ACAR Laurie']!;
    roux = addTeacher(h, 'ROUX', ME);
    const input = {
      sessionId: h.ids.sessionId,
      teacherIds: [roux, bruel],
      keepExisting: true,
      cap: '',
    };
    const p = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input));
    ok(h.call('apiApplyFollowUp', { ...input, digest: p.digest }));
  });

  const mine = () => ok(h.call<ApiResult<MyStagesView>>('apiMyStages'));

  it('lists the stages the signed-in teacher follows, with tutor, address and e-mail link', () => {
    const v = mine();
    expect(v.teacher).toBe('Mme ROUX Léa');
    const followers = column(h, 'Enseignant suivi');
    const expected = Object.keys(followers).filter((s) => followers[s] === 'Mme ROUX Léa');
    expect(v.stages.map((s) => s.stage.student).sort()).toEqual(expected.sort());
    expect(v.stages.every((s) => s.status === 'a_faire' && s.expected === 1)).toBe(true);
  });

  it('shows a stage at a company with its address and the tutor', () => {
    // ACAR Laurie's stage is given to ROUX, whatever the share, to test it.
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(STAGES.name)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    sheet.getRange(h.rowOf(laurie), header.indexOf('ID enseignant suivi') + 1).setValue(roux);
    sheet
      .getRange(h.rowOf(laurie), header.indexOf('Enseignant suivi') + 1)
      .setValue('Mme ROUX Léa');
    const f = mine().stages.find((s) => s.stage.id === laurie)!;
    expect(f.companyAddress).toBe('10 rue de Nice, 59400 CAMBRAI');
    expect(f.tutor).toEqual({ name: 'M. ECUSSON Blase', phone: '', email: '' });
    // The tutor has no e-mail address: no link.
    expect(f.mailto).toBe('');
    const tutors = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tuteurs')!;
    tutors.getRange('G2:H2').setValues([['06 12 34 56 78', 'blase.ecusson@ca-nord.example']]);
    h.call('menuInitWorkbook');
    const again = mine().stages.find((s) => s.stage.id === laurie)!;
    expect(again.tutor.phone).toBe('06 12 34 56 78');
    expect(again.mailto).toMatch(/^mailto:blase\.ecusson@ca-nord\.example\?subject=Visite/);
  });

  it('plans the visit: a planned day gone by flags it late, journalled', () => {
    const plan = (date: string) =>
      h.call<ApiResult<MyVisitOutcome>>('apiPlanMyVisit', { stageId: laurie, date });
    const r = plan('20/02/2023');
    expect(r.ok && r.message).toBe('Visite prévue le 20/02/2023.');
    expect(ok(r).followed.status).toBe('a_faire');
    expect(column(h, 'Date de visite prévue')['ACAR Laurie']).toBe('20/02/2023');
    expect(h.display('Journal').at(-1)!.slice(2, 4)).toEqual([
      'Prévoir une visite',
      'ACAR Laurie – BTS 1 info période 1',
    ]);
    expect(ok(plan('10/02/2023')).followed.status).toBe('en_retard');
    expect(mine().stages[0]!.stage.id).toBe(laurie);
    expect(plan('31/02/2023')).toMatchObject({ ok: false, field: 'planned' });
    const cleared = plan('');
    expect(cleared.ok && cleared.message).toBe('Date de visite prévue effacée.');
    const other = h.ids.stages['ACNA Camille']!;
    const followers = column(h, 'Enseignant suivi');
    if (followers['ACNA Camille'] !== 'Mme ROUX Léa') {
      expect(h.call('apiPlanMyVisit', { stageId: other, date: '20/02/2023' })).toMatchObject({
        ok: false,
        error: 'Ce stage ne fait pas partie de vos stages suivis.',
      });
    }
  });

  it('records a visit in two clicks: today, a type, a comment; the count and the filter follow', () => {
    expect(filtered(h, 'a_effectuer')).toContain('ACAR Laurie');
    const journal = h.display('Journal').length;
    const r = h.call<ApiResult<MyVisitOutcome>>('apiRecordMyVisit', {
      stageId: laurie,
      date: '',
      type: 'appel',
      comment: 'Point téléphonique avec le tuteur.',
    });
    const o = ok(r);
    expect(r.ok && r.message).toBe('Visite du 15/02/2023 enregistrée.');
    expect(o.followed.stage.visits).toBe(1);
    expect(o.followed.status).toBe('fait');
    expect(o.followed.visits).toEqual([
      expect.objectContaining({
        id: o.visitId,
        date: '2023-02-15',
        type: 'appel',
        staffId: roux,
        mine: true,
        comment: 'Point téléphonique avec le tuteur.',
      }),
    ]);
    expect(h.stageRows().find((s) => s['ID'] === laurie)!['Visites']).toBe('1');
    expect(filtered(h, 'a_effectuer')).not.toContain('ACAR Laurie');
    expect(filtered(h, 'effectuees')).toEqual(['ACAR Laurie']);
    expect(h.display('Journal')).toHaveLength(journal + 1);
    expect(h.display(VISITS.name).at(-1)).toContain('appel');
  });

  it('requires a comment and a known type', () => {
    const before = picture(h);
    const send = (patch: object) =>
      h.call<ApiResult<MyVisitOutcome>>('apiRecordMyVisit', {
        stageId: laurie,
        date: '',
        type: 'visite',
        comment: 'ok',
        ...patch,
      });
    expect(send({ comment: '  ' })).toMatchObject({ ok: false, field: 'comment' });
    expect(send({ type: 'courrier' })).toMatchObject({ ok: false, field: 'type' });
    expect(send({ date: '01/01/2020' })).toMatchObject({ ok: false, field: 'date' });
    expect(picture(h)).toBe(before);
  });

  it('expects the session’s number of visits: with two, one visit leaves it « à effectuer »', () => {
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SESSIONS.name)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    sheet.getRange(2, header.indexOf('Visites attendues') + 1).setValue(2);
    h.call('menuInitWorkbook');
    expect(filtered(h, 'a_effectuer')).toContain('ACAR Laurie');
    const f = mine().stages.find((s) => s.stage.id === laurie)!;
    expect([f.expected, f.status]).toEqual([2, 'a_faire']);
    sheet.getRange(2, header.indexOf('Visites attendues') + 1).setValue('');
    h.call('menuInitWorkbook');
  });

  it('edits its own comment, journalled before and after', () => {
    const f = mine().stages.find((s) => s.stage.id === laurie)!;
    const visitId = f.visits[0]!.id;
    const o = ok(
      h.call<ApiResult<MyVisitOutcome>>('apiEditMyVisit', {
        visitId,
        comment: 'Appel : tout va bien.',
      }),
    );
    expect(o.followed.visits[0]!.comment).toBe('Appel : tout va bien.');
    const line = h.display('Journal').at(-1)!;
    expect(line.slice(2, 4)).toEqual(['Modifier une visite', 'ACAR Laurie – BTS 1 info période 1']);
    expect(line[4]).toContain('Point téléphonique avec le tuteur.');
    expect(line[5]).toContain('Appel : tout va bien.');
  });

  it("never edits someone else's visit, nor deletes one of a stage someone else follows", () => {
    const other = ok(
      h.call<ApiResult<{ visit: { id: string } }>>('apiAddVisit', {
        stageId: laurie,
        date: '14/02/2023',
        staffId: bruel,
        comment: 'Visite de M. Bruel.',
      }),
    ).visit.id;
    // A stage M. BRUEL follows, with his visit.
    const followers = Object.entries(column(h, 'Enseignant suivi'));
    const his = followers.find(([, t]) => t === 'M. BRUEL Patrick')![0];
    const hisStage = h.stageRows().find((r) => r['Élève'] === his)!['ID'];
    const elsewhere = ok(
      h.call<ApiResult<{ visit: { id: string } }>>('apiAddVisit', {
        stageId: hisStage,
        date: '14/02/2023',
        staffId: bruel,
        comment: 'Visite de M. Bruel.',
      }),
    ).visit.id;
    const before = picture(h);
    expect(h.call('apiEditMyVisit', { visitId: other, comment: 'piraté' })).toMatchObject({
      ok: false,
      error: 'Seul l’enseignant qui a fait la visite peut modifier son commentaire.',
    });
    expect(h.call('apiRemoveMyVisit', { visitId: elsewhere })).toMatchObject({
      ok: false,
      error:
        'Seuls l’enseignant qui a fait la visite et celui qui suit le stage peuvent la supprimer.',
    });
    expect(h.call('apiRemoveVisit', { visitId: elsewhere })).toMatchObject({ ok: false });
    expect(picture(h)).toBe(before);
    // The follower of ACAR Laurie's stage may delete a colleague's visit there, not edit it.
    const f = mine().stages.find((s) => s.stage.id === laurie)!;
    expect(f.visits.map((v) => [v.mine, v.mayEdit, v.mayRemove])).toEqual([
      [false, false, true],
      [true, true, true],
    ]);
    // The fiche says the same of each visit.
    expect(
      h.call<VisitView[]>('apiListVisits', hisStage).map((v) => [v.mayEdit, v.mayRemove]),
    ).toEqual([[false, false]]);
    const gone = ok(h.call<ApiResult<MyVisitOutcome>>('apiRemoveMyVisit', { visitId: other }));
    expect(gone.followed.visits.map((v) => v.mine)).toEqual([true]);
  });

  it('deletes its own visit: the count goes down, journalled', () => {
    const f = mine().stages.find((s) => s.stage.id === laurie)!;
    const own = f.visits.find((v) => v.mine)!;
    const o = ok(h.call<ApiResult<MyVisitOutcome>>('apiRemoveMyVisit', { visitId: own.id }));
    expect(o.followed.stage.visits).toBe(0);
    expect(o.followed.visits).toEqual([]);
    expect(h.display('Journal').at(-1)!.slice(2, 3)).toEqual(['Supprimer une visite']);
  });

  it('a teacher renamed in Personnel: the stages they follow show the new name', () => {
    ok(
      h.call('apiSaveStaff', {
        id: roux,
        civility: 'Mme',
        lastName: 'ROUX-DUPONT',
        firstName: 'Léa',
        email: ME,
        discipline: 'Économie',
      }),
    );
    expect(column(h, 'Enseignant suivi')['ACAR Laurie']).toBe('Mme ROUX-DUPONT Léa');
    expect(mine().teacher).toBe('Mme ROUX-DUPONT Léa');
  });

  it('a name picked by hand in « Enseignant suivi » is who follows the stage', () => {
    const camille = h.ids.stages['ACNA Camille']!;
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(STAGES.name)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    const cell = sheet.getRange(h.rowOf(camille), header.indexOf('Enseignant suivi') + 1);
    cell.setValue('M. BRUEL Patrick');
    expect(mine().stages.map((s) => s.stage.id)).not.toContain(camille);
    cell.setValue('Mme ROUX-DUPONT Léa');
    expect(mine().stages.map((s) => s.stage.id)).toContain(camille);
    // « Répartir le suivi » keeps it, and puts the hidden ID right.
    const input = { sessionId: h.ids.sessionId, teacherIds: [roux], keepExisting: true, cap: '' };
    const p = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input));
    expect(p.teachers[0]!.stages.find((s) => s.id === camille)).toMatchObject({ kept: true });
    ok(h.call('apiApplyFollowUp', { ...input, digest: p.digest }));
    const idCol = header.indexOf('ID enseignant suivi') + 1;
    expect(sheet.getRange(h.rowOf(camille), idCol).getValue()).toBe(roux);
  });

  it('says so in French when the signed-in user is not in Personnel', () => {
    const other = seededWorkbook();
    expect(other.call('apiMyStages')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Votre adresse \(prof@lycee\.example\) ne figure pas/),
    });
  });
});

describe('« Initialiser le classeur » on a workbook from before the follow-up', () => {
  it('adds the new columns at the end, keeping every row', () => {
    const h = seededWorkbook();
    const ss = h.em.globals.SpreadsheetApp.getActiveSpreadsheet();
    const drop = (sheetName: string, headers: string[]) => {
      const sheet = ss.getSheetByName(sheetName)!;
      for (const title of headers) {
        const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
        sheet.deleteColumn(header.indexOf(title) + 1);
      }
    };
    drop(STAGES.name, [
      'Enseignant suivi',
      'Visites prévues',
      'Date de visite prévue',
      'ID enseignant suivi',
    ]);
    drop(SESSIONS.name, ['Visites attendues']);
    drop(STAFF.name, ['Classes']);
    drop(VISITS.name, ['Type']);
    const rows = h.stageRows().map((r) => [r['ID'], r['Élève'], r['Phase']]);
    h.call('menuInitWorkbook');
    const header = h.display(STAGES.name)[0]!;
    expect(header.slice(-4)).toEqual([
      'Enseignant suivi',
      'Visites prévues',
      'Date de visite prévue',
      'ID enseignant suivi',
    ]);
    expect(h.display(SESSIONS.name)[0]!.at(-1)).toBe('Visites attendues');
    expect(h.display(STAFF.name)[0]!.at(-1)).toBe('Classes');
    expect(h.display(VISITS.name)[0]!.at(-1)).toBe('Type');
    expect(h.stageRows().map((r) => [r['ID'], r['Élève'], r['Phase']])).toEqual(rows);
    // And the follow-up works on it.
    const roux = addTeacher(h, 'ROUX', ME);
    const input = { sessionId: h.ids.sessionId, teacherIds: [roux], keepExisting: true, cap: '' };
    const p = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input));
    ok(h.call('apiApplyFollowUp', { ...input, digest: p.digest }));
    expect(ok(h.call<ApiResult<MyStagesView>>('apiMyStages')).stages).toHaveLength(10);
  });

  it('creates them in place in a new workbook: visible ones after Gratification', () => {
    const h = seededWorkbook();
    const header = h.display(STAGES.name)[0]!;
    const at = header.indexOf('Gratification');
    expect(header.slice(at, at + 4)).toEqual([
      'Gratification',
      'Enseignant suivi',
      'Visites prévues',
      'Date de visite prévue',
    ]);
  });
});
