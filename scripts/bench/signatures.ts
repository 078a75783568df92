/**
 * Issue 11's rows of `npm run bench`: recording one step of a document's life (the company's
 * signature) at each size, with a register of two documents per stage (10,000 at 5,000 stages):
 * the calls must stay the same whatever the size; building a session's dashboard (read
 * only, then drawn on its sheet); and opening the sidebar, which shows the count to chase.
 */
import { join } from 'node:path';
import { createEmulator } from 'gas-emulator';
import { loadBundleFromDist } from 'gas-emulator/bundle';
import { isRoundTrip } from 'gas-emulator/instrument';
import type { ApiResult, RegisterDocumentView, StageDocumentsView } from '../../src/api/contract';
import { DOCUMENTS } from '../../src/sheets/schema';
import { fillBulk } from '../../test/fixtures/bulk';

function must<T>(r: unknown, what: string): T {
  const res = r as ApiResult<T>;
  if (!res || !res.ok) throw new Error(`${what} : ${JSON.stringify(r)}`);
  return res.value;
}

export interface SignatureLine {
  what: string;
  size: number;
  documents: number;
  calls: number;
  data: number;
}

export function benchSignatures(root: string, sizes: number[]): SignatureLine[] {
  const lines: SignatureLine[] = [];
  for (const size of sizes) {
    const em = createEmulator({ now: new Date('2023-02-15T09:00:00+01:00') });
    const bundle = loadBundleFromDist(join(root, 'dist'), em);
    bundle.call('menuInitWorkbook');
    const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
    const ensureRows = (sheet: string, rows: number) => {
      const sh = ss.getSheetByName(sheet)!;
      const max = sh.getMaxRows();
      if (max < rows + 10) sh.insertRowsAfter(max, rows + 10 - max);
    };
    const { stageIds } = fillBulk(
      {
        debugSetValues: (sheet, a1, values) => em.sheets.debugSetValues(sheet, a1, values),
        ensureRows,
      },
      { stages: size, complete: true },
    );
    // Two documents per stage (a convention and an avenant), sent, in the register's order.
    const headers = DOCUMENTS.columns.map((c) => c.key);
    const rows = stageIds.flatMap((id, i) =>
      ['Convention', 'Avenant'].map((kind, k) =>
        headers.map((key) => {
          switch (key) {
            case 'id':
              return `DOC-${i}-${k}`;
            case 'stageId':
              return id;
            case 'kind':
              return kind;
            case 'createdOn':
              return '01/02/2023 10:00:00';
            case 'status':
              return k === 0 ? 'Signée stagiaire' : 'Générée';
            case 'sessionId':
              return 'SES-BULK';
            default:
              return '';
          }
        }),
      ),
    );
    ensureRows(DOCUMENTS.name, rows.length + 1);
    const last = String.fromCharCode(64 + headers.length);
    em.sheets.debugSetValues(DOCUMENTS.name, `A2:${last}${rows.length + 1}`, rows);
    // Opening the sidebar counts the conventions to chase (both sheets read) once a day; the
    // openings after it read that count from the document's cache (src/gas/chaseCountCache.ts).
    for (const what of [
      'Ouvrir le panneau : 1re fois du jour (compte à relancer)',
      'Ouvrir le panneau : fois suivantes',
    ]) {
      em.log.reset();
      bundle.call('menuOpenFiche');
      lines.push({
        what,
        size,
        documents: rows.length,
        calls: em.log.total(),
        data: em.log.total(isRoundTrip),
      });
    }
    const stageId = stageIds[Math.floor(stageIds.length / 2)]!;
    const doc = must<StageDocumentsView>(
      bundle.call('apiStageDocuments', stageId),
      'documents',
    ).documents.find((d: RegisterDocumentView) => d.kind === 'Convention')!;
    em.log.reset();
    must(
      bundle.call('apiRecordDocumentStep', {
        documentId: doc.id,
        row: doc.row,
        fingerprint: doc.fingerprint,
        step: 'company',
        date: '',
      }),
      'étape',
    );
    lines.push({
      what: 'Signée par l’entreprise (une étape)',
      size,
      documents: rows.length,
      calls: em.log.total(),
      data: em.log.total(isRoundTrip),
    });
    for (const print of [false, true]) {
      em.log.reset();
      must(bundle.call('apiDocumentsDashboard', { sessionId: 'SES-BULK', print }), 'tableau');
      lines.push({
        what: print ? 'Tableau de bord imprimable' : 'Tableau de bord (volet)',
        size,
        documents: rows.length,
        calls: em.log.total(),
        data: em.log.total(isRoundTrip),
      });
    }
  }
  return lines;
}

export function printSignatureTable(lines: SignatureLine[]): void {
  console.log('');
  console.log('| Suivi des documents | Stages | Documents | Appels | Lect./écr. |');
  console.log('|---|--:|--:|--:|--:|');
  for (const l of lines)
    console.log(`| ${l.what} | ${l.size} | ${l.documents} | ${l.calls} | ${l.data} |`);
}
