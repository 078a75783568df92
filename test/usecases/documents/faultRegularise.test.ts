/**
 * A fault at every service call of « Régulariser » (from the chase list's picker or the fiche's
 * « Rattacher une convention vierge », the same entry point): the workbook ends as it was,
 * journal included, or with the blank convention now the stage's — register row and Stages
 * « Convention » cell — and its one journal line.
 */
import type { ChaseList, MadeFileView } from '../../../src/api/contract';
import { faultProof, ok } from '../faultProof';
import type { Harness } from '../harness';
import { readyWorkbook } from './documentsHarness';

/** A blank convention of the seed's session, as the chase list shows it with its choices. */
function blank(h: Harness): Record<string, string> {
  ok<MadeFileView>(h.call('apiBlankConvention', h.ids.sessionId));
  const list = ok<ChaseList>(h.call('apiConventionsToChase', h.ids.sessionId));
  const d = list.blanks[0]!;
  const camille = h.ids.stages['ACNA Camille']!;
  if (!list.candidates[d.id]!.some((i) => list.stageChoices[i]!.stageId === camille))
    throw new Error('ACNA Camille n’est pas proposée pour la convention vierge.');
  return { documentId: d.id, row: String(d.row), fingerprint: d.fingerprint, stageId: camille };
}

faultProof(
  [
    {
      name: 'regularise a blank convention',
      journal: 'Régulariser une convention vierge',
      prepare: blank,
      run: (h, _s, p) =>
        h.call('apiRegulariseBlank', {
          documentId: p.documentId,
          row: Number(p.row),
          fingerprint: p.fingerprint,
          stageId: p.stageId,
        }),
    },
  ],
  'a fault at every call of « Régulariser »',
  () => readyWorkbook(),
);
