/**
 * Regularising a blank convention without knowing a stage's ID: the chase list brings, for each
 * blank, the stages that can take it (its session's, without a live convention) at no extra
 * call; the fiche's Documents tab of such a stage offers the blanks; the refusals keep their
 * French messages and write nothing.
 */
import { describe, expect, it } from 'vitest';
import type {
  ApiResult,
  ChaseList,
  DocumentStepOutcome,
  MadeFileView,
  RegisterDocumentView,
  StageDocumentsView,
  StageView,
} from '../../../src/api/contract';
import { EMPTY_FILTER } from '../../../src/domain/stages/filter';
import type { Harness } from '../harness';
import { generate, ok, readyWorkbook, request } from './documentsHarness';

const chase = (h: Harness, sessionId = h.ids.sessionId) =>
  ok<ChaseList>(h.call('apiConventionsToChase', sessionId));

/** The stages the chase list offers for a blank (« Stage à rattacher »). */
const choicesOf = (l: ChaseList, blankId: string) =>
  (l.candidates[blankId] ?? []).map((i) => l.stageChoices[i]!);

const regularise = (h: Harness, blank: RegisterDocumentView, stageId: string) =>
  h.call<ApiResult<DocumentStepOutcome>>('apiRegulariseBlank', {
    documentId: blank.id,
    row: blank.row,
    fingerprint: blank.fingerprint,
    stageId,
  });

/** A second session, « BTS 1 info période 2 », with every student assigned. */
function secondSession(h: Harness): { sessionId: string; stageIds: string[] } {
  const s = ok<{ id: string }>(
    h.call('apiSaveSession', {
      id: '',
      title: 'BTS 1 info période 2',
      type: 'Stage BTS',
      schoolYear: '2022-2023',
      diploma: 'BTS Informatique',
      editionLabel: 'BTS 1 info période 2',
      objectives: 'Approfondir.',
      periods: [{ start: '02/05/2023', end: '26/05/2023' }],
    }),
  );
  ok(h.call('apiAssignStudents', { sessionId: s.id, studentIds: Object.values(h.ids.students) }));
  const list = ok<{ stages: { id: string }[] }>(
    h.call('apiFilterStages', { ...EMPTY_FILTER, sessionId: s.id }),
  );
  return { sessionId: s.id, stageIds: list.stages.map((x) => x.id) };
}

function blankOf(h: Harness, sessionId: string): RegisterDocumentView {
  ok<MadeFileView>(h.call('apiBlankConvention', sessionId));
  const blanks = chase(h, sessionId).blanks;
  return blanks.at(-1)!;
}

/** Every service call an entry point makes, as a count (once the reference cache is warm). */
function callsOf(h: Harness, run: () => unknown): number {
  run();
  h.em.log.reset();
  run();
  return h.em.log.total();
}

describe('the stages a blank convention can take', () => {
  it('are its session’s stages without a live convention, by student, with no extra call', () => {
    const h = readyWorkbook();
    const laurie = h.ids.stages['ACAR Laurie']!;
    generate(h, request('convention', { stageIds: [laurie] }));
    const other = secondSession(h);
    const noBlank = callsOf(h, () => chase(h));
    const blank = blankOf(h, h.ids.sessionId);
    expect(callsOf(h, () => chase(h))).toBe(noBlank);

    const list = chase(h);
    const choices = choicesOf(list, blank.id);
    const sessionStages = Object.entries(h.ids.stages).filter(([name]) => name !== 'ACAR Laurie');
    expect(choices.map((c) => c.stageId).sort()).toEqual(sessionStages.map(([, id]) => id).sort());
    expect(choices.some((c) => other.stageIds.includes(c.stageId))).toBe(false);
    const names = choices.map((c) => c.label.split(' – ')[0]!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    const camille = h.ids.stages['ACNA Camille']!;
    expect(choices.find((c) => c.stageId === camille)!.label).toBe(
      'ACNA Camille – BANQUE POPULAIRE DU NORD DENAIN – du 01/02 au 31/03',
    );

    // A second blank of the session shares the same stages, sent once.
    const second = blankOf(h, h.ids.sessionId);
    const both = chase(h);
    expect(both.stageChoices).toHaveLength(choices.length);
    expect(both.candidates[second.id]).toEqual(both.candidates[blank.id]);
  });

  it('is every stage without a convention for a blank of no session', () => {
    const h = readyWorkbook();
    const other = secondSession(h);
    const blank = blankOf(h, '');
    const choices = choicesOf(chase(h, ''), blank.id).map((c) => c.stageId);
    expect(choices).toEqual(
      expect.arrayContaining([h.ids.stages['ACAR Laurie']!, ...other.stageIds]),
    );
  });
});

describe('« Rattacher une convention vierge » from the fiche', () => {
  it('offers the blanks of the stage’s session to a stage without a convention, then none', () => {
    const h = readyWorkbook();
    const laurie = h.ids.stages['ACAR Laurie']!;
    const camille = h.ids.stages['ACNA Camille']!;
    generate(h, request('convention', { stageIds: [laurie] }));
    const other = secondSession(h);
    const withConvention = () => ok<StageDocumentsView>(h.call('apiStageDocuments', laurie));
    const before = callsOf(h, withConvention);
    const blank = blankOf(h, h.ids.sessionId);
    blankOf(h, other.sessionId);
    // A stage with its convention reads no more than before any blank was made.
    expect(callsOf(h, withConvention)).toBe(before);
    expect(withConvention().blanks).toEqual([]);
    const row = h.rowOf(camille);
    const tab = ok<StageDocumentsView>(h.call('apiStageDocuments', camille, row));
    expect(tab.blanks.map((b) => b.id)).toEqual([blank.id]);
    // A wrong row hint is checked by ID.
    expect(
      ok<StageDocumentsView>(h.call('apiStageDocuments', camille, row + 1)).blanks.map((b) => b.id),
    ).toEqual([blank.id]);

    const o = ok<DocumentStepOutcome>(regularise(h, tab.blanks[0]!, camille));
    expect(o.document).toMatchObject({ kind: 'Convention', stageId: camille });
    expect(o.stage).toMatchObject({ id: camille, convention: blank.link });
    const [shown] = ok<{ stages: StageView[] }>(
      h.call('apiFilterStages', { ...EMPTY_FILTER, sessionId: h.ids.sessionId }),
    ).stages.filter((s) => s.id === camille);
    expect(o.stage!.fingerprint).toBe(shown!.fingerprint);
    const after = ok<StageDocumentsView>(h.call('apiStageDocuments', camille, row));
    expect(after.blanks).toEqual([]);
    expect(after.documents.map((d) => d.id)).toEqual([blank.id]);
    // Its generation day stays (the row written around it keeps « Généré le » as text).
    expect(after.documents[0]).toMatchObject({
      generatedOn: blank.generatedOn,
      regularisedOn: '2023-02-15',
    });
    expect(blank.generatedOn).toBe('2023-02-15');
    expect(h.stageRows().find((r) => r['ID'] === camille)!['Convention']).toBe(blank.link);
    expect(chase(h)).toMatchObject({ candidates: {}, stageChoices: [] });
  });
});

describe('refusals', () => {
  it('say why in French and write nothing', () => {
    const h = readyWorkbook();
    const laurie = h.ids.stages['ACAR Laurie']!;
    generate(h, request('convention', { stageIds: [laurie] }));
    const other = secondSession(h);
    const blank = blankOf(h, h.ids.sessionId);
    const picture = () => JSON.stringify([h.display('Documents'), h.display('Stages')]);
    const journal = h.display('Journal').length;
    const untouched = picture();

    const wrongSession = regularise(h, blank, other.stageIds[0]!);
    expect(wrongSession).toMatchObject({
      ok: false,
      field: 'stageId',
      error:
        'Cette convention vierge est celle de la session « BTS 1 info période 1 » : choisissez un stage de cette session.',
    });
    const hasOne = regularise(h, blank, laurie);
    expect(hasOne).toMatchObject({
      ok: false,
      error: 'Ce stage a déjà une convention : annulez-la d’abord, ou choisissez un autre stage.',
    });
    expect(regularise(h, blank, '')).toMatchObject({
      ok: false,
      error: 'Choisissez le stage de cette convention.',
    });
    expect(picture()).toBe(untouched);
    expect(h.display('Journal')).toHaveLength(journal);

    const cancelled = ok<DocumentStepOutcome>(
      h.call('apiCancelDocument', {
        documentId: blank.id,
        row: blank.row,
        fingerprint: blank.fingerprint,
        step: 'cancel',
        date: '',
      }),
    ).document;
    const afterCancel = picture();
    expect(regularise(h, cancelled, h.ids.stages['ACNA Camille']!)).toMatchObject({
      ok: false,
      error: 'Cette convention vierge est annulée : il n’y a rien à régulariser.',
    });
    expect(picture()).toBe(afterCancel);
    // A cancelled blank is offered nowhere.
    expect(chase(h).blanks).toEqual([]);
    expect(
      ok<StageDocumentsView>(h.call('apiStageDocuments', h.ids.stages['ACNA Camille']!)).blanks,
    ).toEqual([]);
  });
});
