/**
 * A stage that continues another keeps its teacher (« Enseignant suivi »): both parts of a split,
 * and the new stage assigned after a stop, rather than waiting for « Répartir le suivi » again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  ApiResult,
  FollowUpPreview,
  StageSelection,
  StageView,
} from '../../../src/api/contract';
import { type Harness, seededWorkbook } from '../harness';

let h: Harness;

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function fiche(stageId: string): StageView {
  h.select(h.rowOf(stageId));
  return h.call<StageSelection>('apiGetSelection').stage!;
}

const laurieRows = () =>
  h
    .stageRows()
    .filter((r) => r['Élève'] === 'ACAR Laurie')
    .map((r) => [r['Début'], r['Fin'], r['Enseignant suivi'], r['ID enseignant suivi']]);

let bruel: string;

beforeEach(() => {
  h = seededWorkbook();
  bruel = h.ids.staff['M. BRUEL Patrick']!;
  const input = { sessionId: h.ids.sessionId, teacherIds: [bruel], keepExisting: true, cap: '' };
  const p = ok(h.call<ApiResult<FollowUpPreview>>('apiPreviewFollowUp', input));
  ok(h.call('apiApplyFollowUp', { ...input, digest: p.digest }));
});

/** « Scinder » on 01/03/2023, the assignment kept, as the fiche sends it. */
const splitOnMarch1 = (s: StageView) =>
  h.call<ApiResult<StageView[]>>('apiSplitStage', {
    stageId: s.id,
    row: s.row,
    studentId: s.studentId,
    fingerprint: s.fingerprint,
    splitDate: '01/03/2023',
    firstPartEnd: '',
    mode: 'cut',
    reason: '',
    keepAssignment: true,
    companyId: '',
    tutorId: '',
    referentId: '',
  });

describe('the teacher who follows a stage stays with its continuation', () => {
  it('« Scinder »: both parts are followed by the same teacher, and the message says who', () => {
    const s = fiche(h.ids.stages['ACAR Laurie']!);
    const r = splitOnMarch1(s);
    const parts = ok(r);
    expect(r.ok && r.message).toBe(
      'Stage d’ACAR Laurie scindé : du 01/02/2023 au 28/02/2023 puis du 01/03/2023 au 31/03/2023. Suivi : M. BRUEL Patrick.',
    );
    expect(parts.map((p) => [p.follower, p.followerId])).toEqual([
      ['M. BRUEL Patrick', bruel],
      ['M. BRUEL Patrick', bruel],
    ]);
    expect(laurieRows()).toEqual([
      ['01/02/2023', '28/02/2023', 'M. BRUEL Patrick', bruel],
      ['01/03/2023', '31/03/2023', 'M. BRUEL Patrick', bruel],
    ]);
    // The journal's second part names its teacher too.
    expect(h.display('Journal').at(-1)!.join(' ')).toContain('M. BRUEL Patrick');
  });

  it('a new stage after a stop is followed by the stopped stage’s teacher', () => {
    const first = fiche(h.ids.stages['ACAR Laurie']!);
    ok(
      h.call('apiStopStage', {
        stageId: first.id,
        fingerprint: first.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Deuxième entreprise prévue',
      }),
    );
    const r = h.call<ApiResult<StageView>>('apiNewStage', {
      fromStageId: first.id,
      start: '01/03/2023',
      end: '31/03/2023',
      companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN'],
      tutorId: '',
      referentId: '',
      weeklyHours: '',
    });
    expect(r.ok && r.message).toBe(
      'Nouveau stage d’ACAR Laurie du 01/03/2023 au 31/03/2023. Suivi : M. BRUEL Patrick.',
    );
    expect(laurieRows()).toEqual([
      ['01/02/2023', '27/02/2023', 'M. BRUEL Patrick', bruel],
      ['01/03/2023', '31/03/2023', 'M. BRUEL Patrick', bruel],
    ]);
  });

  it('a teacher’s name typed by hand over the follower is the one carried over', () => {
    const roux = ok(
      h.call<ApiResult<{ id: string }>>('apiSaveStaff', {
        id: '',
        civility: 'Mme',
        lastName: 'ROUX',
        firstName: 'Léa',
        email: 'roux@lycee.example',
        discipline: '',
      }),
    ).id;
    const id = h.ids.stages['ACAR Laurie']!;
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    sheet.getRange(h.rowOf(id), header.indexOf('Enseignant suivi') + 1).setValue('mme roux léa');
    const s = fiche(id);
    const parts = ok(
      h.call<ApiResult<StageView[]>>('apiSplitStage', {
        stageId: s.id,
        row: s.row,
        studentId: s.studentId,
        fingerprint: s.fingerprint,
        splitDate: '01/03/2023',
        firstPartEnd: '',
        mode: 'cut',
        reason: '',
        keepAssignment: true,
        companyId: '',
        tutorId: '',
        referentId: '',
      }),
    );
    expect(parts[1]).toMatchObject({ follower: 'Mme ROUX Léa', followerId: roux });
  });

  it('a stage nobody follows gives nobody to its parts, and the message says nothing of it', () => {
    const id = h.ids.stages['ACAR Laurie']!;
    const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    sheet.getRange(h.rowOf(id), header.indexOf('Enseignant suivi') + 1).setValue('');
    const s = fiche(id);
    const r = splitOnMarch1(s);
    expect(r.ok && r.message).not.toContain('Suivi');
    expect(laurieRows().map((x) => x[2])).toEqual(['', '']);
  });
});
