/**
 * The document engine's rows of `npm run bench`:
 * - service calls per document of a batch, at several sheet sizes, beside the naive way (a
 *   DriveApp copy, DocumentApp opened and one replaceText per placeholder, the link written
 *   row by row);
 * - the virtual time of 35 and 500 conventions on a Google Workspace account, three lanes as
 *   the sidebar drives them, under the emulator's quotas (60 Docs writes a minute) and latency
 *   model (emulator/src/services/latency.ts: its figures and sources).
 */
import { join } from 'node:path';
import { createEmulator, type Emulator } from 'gas-emulator';
import { loadBundleFromDist, runLanes } from 'gas-emulator/bundle';
import { isRoundTrip } from 'gas-emulator/instrument';
import type { ApiResult, DocumentJobView } from '../../src/api/contract';
import { PLACEHOLDER_KEYS } from '../../src/domain/documents/placeholders';
import { STAGES } from '../../src/sheets/schema';
import { fillBulk } from '../../test/fixtures/bulk';
import { SCHOOL } from '../../test/fixtures/documentsSeed';

type Bundle = ReturnType<typeof loadBundleFromDist>;

interface Workbook {
  em: Emulator;
  bundle: Bundle;
  stageIds: string[];
}

function must<T>(r: unknown, what: string): T {
  const res = r as ApiResult<T>;
  if (!res || !res.ok) throw new Error(`${what} : ${JSON.stringify(r)}`);
  return res.value;
}

function workbook(root: string, size: number, latency: boolean): Workbook {
  const em = createEmulator({
    now: new Date('2023-02-15T09:00:00+01:00'),
    account: 'workspace',
    latency,
  });
  const bundle = loadBundleFromDist(join(root, 'dist'), em);
  bundle.call('menuInitWorkbook');
  const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
  const { stageIds } = fillBulk(
    {
      debugSetValues: (sheet, a1, values) => em.sheets.debugSetValues(sheet, a1, values),
      ensureRows: (sheet, rows) => {
        const sh = ss.getSheetByName(sheet)!;
        const max = sh.getMaxRows();
        if (max < rows + 10) sh.insertRowsAfter(max, rows + 10 - max);
      },
    },
    { stages: size, complete: true },
  );
  const settings = bundle.call('apiGetSettings') as Record<string, unknown>;
  must(bundle.call('apiSaveSettings', { ...settings, ...SCHOOL }), 'paramètres');
  must(bundle.call('apiCreateTemplates'), 'modèles');
  return { em, bundle, stageIds };
}

export interface DocumentLine {
  what: string;
  size: number;
  documents: number;
  executions: number;
  /** Service calls per document: all, Drive and Docs only, sheet data calls. */
  perDoc: number;
  driveDocsPerDoc: number;
  dataPerDoc: number;
  naivePerDoc?: number;
  naiveDataPerDoc?: number;
}

/** A batch of the first `n` stages, one lane, counted whole (start + chunks). */
function batchCalls(w: Workbook, n: number): { executions: number; calls: Record<string, number> } {
  w.em.log.reset();
  let executions = 1;
  let view = must<DocumentJobView>(
    w.bundle.call('apiStartDocuments', {
      kind: 'convention',
      scope: { stageIds: w.stageIds.slice(0, n) },
      regenerate: false,
      pdf: false,
    }),
    'lancer',
  );
  while (view.state === 'running') {
    executions += 1;
    view = must<DocumentJobView>(w.bundle.call('apiRunDocumentsChunk', view.id), 'tranche');
  }
  return { executions, calls: w.em.log.snapshot() };
}

/** The obvious way: per stage a DriveApp copy, DocumentApp and one replaceText per key. */
function naiveBatch(w: Workbook, n: number): Record<string, number> {
  const em = w.em;
  const g = em.globals;
  const template = em.drive.all().find((f) => f.appProperties?.sdsTemplate === 'conventionBts')!;
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(STAGES.name)!;
  const col = STAGES.columns.findIndex((c) => c.key === 'convention') + 1;
  em.log.reset();
  for (let i = 0; i < n; i++) {
    const row = i + 2;
    const copy = g.DriveApp.getFileById(template.id).makeCopy(`Convention ${i}`);
    const body = g.DocumentApp.openById(copy.getId()).getBody();
    for (const key of PLACEHOLDER_KEYS)
      body.replaceText(`\\{\\{${key}\\}\\}`, String(sheet.getRange(row, 1).getValue()));
    sheet.getRange(row, col).setValue(copy.getUrl());
  }
  return em.log.snapshot();
}

const sum = (calls: Record<string, number>, f: (k: string) => boolean) =>
  Object.entries(calls).reduce((t, [k, v]) => t + (f(k) ? v : 0), 0);
const driveDocs = (k: string) => /^(Drive|Docs|DriveApp|DocumentApp|File|Body|Folder)/.test(k);

export function benchDocumentCalls(root: string, sizes: number[]): DocumentLine[] {
  const n = 35;
  const lines: DocumentLine[] = [];
  for (const size of sizes) {
    if (size < n) continue;
    const w = workbook(root, size, false);
    const { executions, calls } = batchCalls(w, n);
    const naive = naiveBatch(workbook(root, size, false), n);
    lines.push({
      what: `${n} conventions (un lot)`,
      size,
      documents: n,
      executions,
      perDoc: sum(calls, () => true) / n,
      driveDocsPerDoc: sum(calls, driveDocs) / n,
      dataPerDoc: sum(calls, isRoundTrip) / n,
      naivePerDoc: sum(naive, () => true) / n,
      naiveDataPerDoc: sum(naive, isRoundTrip) / n,
    });
  }
  return lines;
}

export interface TimeLine {
  documents: number;
  executions: number;
  minutes: number;
  longestExecutionS: number;
  complete: boolean;
}

/** Virtual minutes for `n` conventions in three lanes under quotas and latency. */
export function benchDocumentTime(root: string, n: number): TimeLine {
  const w = workbook(root, n, true);
  const t0 = w.em.clock.nowMs();
  const job = must<DocumentJobView>(
    w.bundle.call('apiStartDocuments', {
      kind: 'convention',
      scope: { sessionId: 'SES-BULK' },
      regenerate: false,
      pdf: false,
    }),
    'lancer',
  );
  let last: DocumentJobView = job;
  const runs = runLanes(w.bundle, 3, (_lane, previous) => {
    const r = previous?.result as ApiResult<DocumentJobView> | undefined;
    if (r && r.ok) last = r.value;
    if (previous?.error || (r && r.ok && r.value.state !== 'running')) return null;
    return { name: 'apiRunDocumentsChunk', args: [job.id] };
  });
  const live = new Set(
    w.em.drive
      .all()
      .filter((f) => !f.trashed && f.appProperties?.sdsKind === 'convention')
      .map((f) => f.appProperties?.sdsStage),
  );
  return {
    documents: n,
    executions: runs.length + 1,
    minutes: (w.em.clock.nowMs() - t0) / 60_000,
    longestExecutionS: Math.max(...runs.map((r) => r.endMs - r.startMs)) / 1000,
    complete: last.done === n && live.size === n,
  };
}

export function printDocumentTables(calls: DocumentLine[], times: TimeLine[]): void {
  console.log('');
  console.log(
    '| Documents | Lignes | Exéc. | Appels / document | Drive+Docs / document | Lect./écr. / document | Naïf appels / document | Naïf lect./écr. / document |',
  );
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const l of calls) {
    console.log(
      `| ${l.what} | ${l.size} | ${l.executions} | ${l.perDoc.toFixed(1)} | ${l.driveDocsPerDoc.toFixed(1)} | ${l.dataPerDoc.toFixed(2)} | ${l.naivePerDoc?.toFixed(1) ?? ''} | ${l.naiveDataPerDoc?.toFixed(1) ?? ''} |`,
    );
  }
  console.log('');
  console.log(
    '| Conventions (Workspace, 3 files) | Exécutions | Temps virtuel (min) | Exécution la plus longue (s) | Toutes faites, une seule chacune |',
  );
  console.log('|--:|--:|--:|--:|---|');
  for (const t of times) {
    console.log(
      `| ${t.documents} | ${t.executions} | ${t.minutes.toFixed(1)} | ${t.longestExecutionS.toFixed(0)} | ${t.complete ? 'oui' : 'NON'} |`,
    );
  }
}
