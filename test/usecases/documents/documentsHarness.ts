/**
 * Shared steps of the documents tests: the seeded workbook completed as a school would before
 * its first conventions, the templates created, a batch run to its end, and what Drive holds.
 */
import type {
  ApiResult,
  DocumentJobView,
  DocumentPlan,
  DocumentRequest,
  StageSelection,
  StageView,
} from '../../../src/api/contract';
import { completeForDocuments } from '../../fixtures/documentsSeed';
import { type Harness, seededWorkbook } from '../harness';
import type { EmulatorOptions } from 'gas-emulator';

export const ok = <T>(r: unknown): T => {
  const res = r as ApiResult<T>;
  if (!res.ok) throw new Error(res.error);
  return res.value;
};

export function readyWorkbook(options: EmulatorOptions = {}): Harness {
  const h = seededWorkbook(undefined, undefined, options);
  completeForDocuments(h.call, h.ids);
  ok(h.call('apiCreateTemplates'));
  return h;
}

export function select(h: Harness, label: string): StageView {
  h.select(h.rowOf(h.ids.stages[label]!));
  return h.call<StageSelection>('apiGetSelection').stage!;
}

/** The seed's procedure: ACAR Laurie's stage stopped on 27/02, a new stage from 01/03. */
export function stopAndNewStage(h: Harness): string[] {
  const s = select(h, 'ACAR Laurie');
  ok(
    h.call('apiStopStage', {
      stageId: s.id,
      fingerprint: s.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'Rupture de la période d’essai',
    }),
  );
  const created = ok<StageView>(
    h.call('apiNewStage', {
      fromStageId: s.id,
      start: '01/03/2023',
      end: '31/03/2023',
      companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN']!,
      tutorId: h.ids.tutors['M. BONNET Frédéric']!,
      referentId: h.ids.staff['M. BRUEL Patrick']!,
      weeklyHours: '',
    }),
  );
  return [s.id, created.id];
}

export const request = (
  kind: DocumentRequest['kind'],
  scope: DocumentRequest['scope'],
  more: Partial<DocumentRequest> = {},
): DocumentRequest => ({ kind, scope, regenerate: false, pdf: false, ...more });

export function plan(h: Harness, r: DocumentRequest): DocumentPlan {
  return ok<DocumentPlan>(h.call('apiPlanDocuments', r));
}

/** Start a batch and call chunks until it is no longer running (one lane). */
export function generate(h: Harness, r: DocumentRequest, maxChunks = 50): DocumentJobView {
  let view = ok<DocumentJobView>(h.call('apiStartDocuments', r));
  for (let i = 0; i < maxChunks && view.state === 'running'; i++)
    view = ok<DocumentJobView>(h.call('apiRunDocumentsChunk', view.id));
  return view;
}

/** Live (not trashed) Drive files made for a stage, by kind. */
export function liveFiles(h: Harness, stageId: string, kind = 'convention') {
  return h.em.drive
    .all()
    .filter(
      (f) =>
        !f.trashed && f.appProperties?.sdsStage === stageId && f.appProperties?.sdsKind === kind,
    );
}

/** The text of the Google Doc a cell's link opens. */
export function docTextOfUrl(h: Harness, url: string): string {
  const id = /\/d\/([^/]+)/.exec(url)?.[1] ?? '';
  return h.em.drive.docText(id);
}

export const WORD_JOINER = /\u2060/g;
