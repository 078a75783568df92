/**
 * A fault at every service call of each step of a document's life: the workbook ends as it was
 * (journal included) or fully changed with its one journal line.
 */
import type { RegisterDocumentView, StageDocumentsView } from '../../../src/api/contract';
import { faultProof, ok } from '../faultProof';
import type { Harness } from '../harness';
import { generate, readyWorkbook, request } from './documentsHarness';

/** ACAR Laurie's convention, generated; optionally taken through `steps` first. */
function convention(h: Harness, steps: string[] = []): Record<string, string> {
  const id = h.ids.stages['ACAR Laurie']!;
  generate(h, request('convention', { stageIds: [id] }));
  let d = ok<StageDocumentsView>(h.call('apiStageDocuments', id)).documents[0]!;
  for (const step of steps)
    d = ok<{ document: RegisterDocumentView }>(
      h.call('apiRecordDocumentStep', {
        documentId: d.id,
        row: d.row,
        fingerprint: d.fingerprint,
        step,
        date: '',
      }),
    ).document;
  return { documentId: d.id, row: String(d.row), fingerprint: d.fingerprint };
}

const ref = (p: Record<string, string>) => ({
  documentId: p.documentId,
  row: Number(p.row),
  fingerprint: p.fingerprint,
});

faultProof(
  [
    {
      name: 'record the company’s signature',
      journal: 'Suivi d’un document',
      prepare: (h) => convention(h, ['sent', 'student']),
      run: (h, _s, p) => h.call('apiRecordDocumentStep', { ...ref(p), step: 'company', date: '' }),
    },
    {
      name: 'cancel a sent convention',
      journal: 'Annuler un document',
      prepare: (h) => convention(h, ['sent']),
      run: (h, _s, p) => h.call('apiCancelDocument', { ...ref(p), step: 'cancel', date: '' }),
    },
    {
      name: 'note a reminder',
      journal: 'Relancer une convention',
      prepare: (h) => convention(h, ['sent']),
      run: (h, _s, p) => h.call('apiRecordReminder', { ...ref(p), step: 'reminder', date: '' }),
    },
    {
      name: 'attach the signed copy',
      journal: 'Joindre la copie signée',
      prepare: (h) => convention(h, ['sent']),
      run: (h, _s, p) =>
        h.call('apiAttachSignedCopy', {
          ...ref(p),
          fileName: 'scan.pdf',
          mimeType: 'application/pdf',
          base64: Buffer.from('%PDF-1.4').toString('base64'),
        }),
    },
  ],
  'a fault at every call of a document’s step',
  () => readyWorkbook(),
);
