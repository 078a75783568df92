/**
 * `npm run bench`: what each user action costs, measured whole, from the click to the redrawn
 * sidebar: the server executions the sidebar starts (google.script.run calls), every Apps
 * Script service call they make, the data calls among them (cells read or written, structure
 * changed), and a wait estimated from those counts (scripts/bench/costModel.ts). The real built
 * bundle runs on the emulator at several sheet sizes, beside a naive baseline written the
 * obvious way. Counts are the budget (DESIGN.md); CPU times are informative.
 *
 * The call sequences are the sidebar's: a stage action is one call, and the sidebar redraws
 * from its answer (src/sidebar/store.ts, applyOutcome; test/browser pins it).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SelectionProbe, StageSelection, StageView } from '../src/api/contract';
import { computePresence } from '../src/domain/presence';
import { publicHolidaySet } from '../src/domain/holidays/publicHolidays';
import {
  DEFAULT_FOLLOW_CAP,
  distributeFollowUp,
  type FollowStage,
} from '../src/domain/followUp/distribution';
import { STAFF } from '../src/sheets/schema';
import { createEmulator, type Emulator } from 'gas-emulator';
import { loadBundleFromDist } from 'gas-emulator/bundle';
import { isRoundTrip } from 'gas-emulator/instrument';
import { fillBulk } from '../test/fixtures/bulk';
import { estimateMs } from './bench/costModel';
import { naive } from './bench/naive';
import { benchDocumentCalls, benchDocumentTime, printDocumentTables } from './bench/documents';
import { benchSignatures, printSignatureTable } from './bench/signatures';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);

interface Measure {
  executions: number;
  calls: number;
  data: number;
  estMs: number;
  cpuMs: number;
}

interface Line {
  action: string;
  size: number;
  ours: Measure;
  naive?: Measure;
}

type Bundle = ReturnType<typeof loadBundleFromDist>;

/** Runs the sidebar's calls of one user action; each `bundle.call` is one execution. */
function measure(
  em: Emulator,
  run: (call: (name: string, ...args: unknown[]) => unknown) => void,
): Measure {
  em.log.reset();
  let executions = 0;
  const t0 = process.cpuUsage();
  run((name, ...args) => {
    executions += 1;
    const result = currentBundle!.call(name, ...args);
    if (result && typeof result === 'object' && 'ok' in result && result.ok === false) {
      throw new Error(`${name} refusé : ${JSON.stringify(result)}`);
    }
    return result;
  });
  const t = process.cpuUsage(t0);
  const calls = em.log.snapshot();
  return {
    executions,
    calls: em.log.total(),
    data: em.log.total(isRoundTrip),
    estMs: estimateMs(executions, calls),
    cpuMs: (t.user + t.system) / 1000,
  };
}

/** A baseline measured on its own workbook: direct service calls in one execution. */
function measureNaive(size: number, fn: (em: Emulator) => void): Measure {
  const probe = setup(size);
  probe.em.log.reset();
  const t0 = process.cpuUsage();
  fn(probe.em);
  const t = process.cpuUsage(t0);
  return {
    executions: 1,
    calls: probe.em.log.total(),
    data: probe.em.log.total(isRoundTrip),
    estMs: estimateMs(1, probe.em.log.snapshot()),
    cpuMs: (t.user + t.system) / 1000,
  };
}

let currentBundle: Bundle | null = null;

function setup(size: number): {
  em: Emulator;
  bundle: Bundle;
  stageIds: string[];
  studentIds: string[];
} {
  const em = createEmulator({ now: new Date('2023-02-15T09:00:00+01:00') });
  const bundle = loadBundleFromDist(join(root, 'dist'), em);
  bundle.call('menuInitWorkbook');
  const ss = em.globals.SpreadsheetApp.getActiveSpreadsheet();
  const { stageIds, studentIds } = fillBulk(
    {
      debugSetValues: (sheet, a1, values) => em.sheets.debugSetValues(sheet, a1, values),
      ensureRows: (sheet, rows) => {
        const sh = ss.getSheetByName(sheet)!;
        const max = sh.getMaxRows();
        if (max < rows + 10) sh.insertRowsAfter(max, rows + 10 - max);
      },
    },
    { stages: size, students: Math.max(size, 1000) },
  );
  // The bulk's teacher is the signed-in user (emulator's default address), for « Mes stages ».
  const email = String.fromCharCode(65 + STAFF.columns.findIndex((c) => c.key === 'email'));
  em.sheets.debugSetValues(STAFF.name, `${email}2`, [[em.userEmail]]);
  return { em, bundle, stageIds, studentIds };
}

function benchSize(size: number): Line[] {
  const lines: Line[] = [];
  const { em, bundle, stageIds, studentIds } = setup(size);
  currentBundle = bundle;
  const push = (action: string, ours: Measure, base?: Measure) =>
    lines.push(base ? { action, size, ours, naive: base } : { action, size, ours });
  const mid = Math.floor(size / 2);

  /** What the sidebar shows once the user clicked the stage's row (not measured). */
  const shown = (id: string): StageSelection => {
    em.sheets.setActiveRange('Stages', `A${rowOf(em, id)}`);
    return bundle.call('apiGetSelection') as StageSelection;
  };
  const hint = (s: StageView) => ({ row: s.row, studentId: s.studentId });

  push(
    'onOpen',
    measure(em, () => bundle.call('onOpen')),
  );
  em.sheets.setActiveRange('Stages', `A${mid + 2}`);
  push(
    // The menu item writes the selection and the lists into the page: the sidebar draws them.
    'Ouvrir la fiche (menu)',
    measure(em, (call) => call('menuOpenFiche')),
  );
  const sel = bundle.call('apiGetSelection') as StageSelection;
  push(
    'Suivre la sélection : rien n’a changé',
    measure(em, (call) => call('apiPollSelection', sel.probe)),
  );
  em.sheets.setActiveRange('Stages', `A${mid + 3}`);
  push(
    'Suivre la sélection : autre ligne',
    measure(em, (call) => call('apiPollSelection', sel.probe as SelectionProbe)),
  );

  const a = shown(stageIds[mid]!).stage!;
  push(
    'Arrêter le stage',
    measure(em, (call) =>
      call('apiStopStage', {
        stageId: a.id,
        ...hint(a),
        fingerprint: a.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Changement d’entreprise',
      }),
    ),
    measureNaive(size, (e) => naive.stop(e, stageIds[mid]!, '2023-02-27', 'motif')),
  );
  const a2 = shown(stageIds[mid]!).stage!;
  push(
    'Assigner un nouveau stage',
    measure(em, (call) =>
      call('apiNewStage', {
        fromStageId: a2.id,
        ...hint(a2),
        start: '01/03/2023',
        end: '31/03/2023',
        companyId: 'ENT-000002',
        tutorId: 'TUT-000002',
        referentId: '',
        weeklyHours: '',
      }),
    ),
  );
  const a3 = shown(stageIds[mid]!).stage!;
  push(
    "Enlever l'arrêt",
    measure(em, (call) =>
      call('apiRemoveStop', {
        stageId: a3.id,
        ...hint(a3),
        fingerprint: a3.fingerprint,
        restoreOriginalEnd: false,
      }),
    ),
  );
  const b = shown(stageIds[Math.min(size - 1, mid + 1)]!).stage!;
  push(
    'Scinder le stage',
    measure(em, (call) =>
      call('apiSplitStage', {
        stageId: b.id,
        ...hint(b),
        fingerprint: b.fingerprint,
        splitDate: '01/03/2023',
        firstPartEnd: '27/02/2023',
        mode: 'cut',
        reason: '',
        keepAssignment: false,
        companyId: 'ENT-000003',
        tutorId: 'TUT-000003',
        referentId: '',
      }),
    ),
  );
  const c = shown(stageIds[Math.max(0, mid - 1)]!).stage!;
  push(
    'Réaffecter',
    measure(em, (call) =>
      call('apiReassignStage', {
        stageId: c.id,
        ...hint(c),
        fingerprint: c.fingerprint,
        companyId: 'ENT-000004',
        tutorId: 'TUT-000004',
        referentId: 'PER-000001',
      }),
    ),
  );
  const c2 = shown(c.id).stage!;
  push(
    'Ajouter une absence',
    measure(em, (call) =>
      call('apiAddAbsence', {
        stageId: c2.id,
        ...hint(c2),
        start: '10/02/2023',
        end: '10/02/2023',
        halfDay: false,
        reason: 'Malade',
        justified: true,
        countsAsPresence: false,
      }),
    ),
  );
  const c3 = shown(c.id).stage!;
  push(
    'Enregistrer une visite',
    measure(em, (call) =>
      call('apiAddVisit', {
        stageId: c3.id,
        ...hint(c3),
        date: '14/02/2023',
        staffId: 'PER-000001',
        comment: 'RAS',
      }),
    ),
  );

  const c4 = shown(stageIds[Math.floor(size / 3)]!).stage!;
  push(
    'Mes stages › enregistrer une visite',
    measure(em, (call) =>
      call('apiRecordMyVisit', {
        stageId: c4.id,
        ...hint(c4),
        date: '',
        type: 'visite',
        comment: 'RAS',
      }),
    ),
  );

  const selected = stageIds.slice(0, Math.min(500, size));
  push(
    `Affecter ${selected.length} lignes sélectionnées`,
    measure(em, (call) =>
      call('apiAffect', { stageIds: selected, fingerprints: [], companyId: 'ENT-000005' }),
    ),
    measureNaive(size, (e) => naive.affect(e, selected, 'ENT-000005', 'ENTREPRISE 5')),
  );
  const filter = {
    sessionId: '',
    student: '',
    className: 'BTS1',
    from: '',
    to: '',
    company: '',
    companies: 'avec',
    tutors: 'indif',
    referents: 'indif',
    visits: 'indif',
    phase: 'indif',
  };
  push(
    'Filtrer (Gestion des stages)',
    measure(em, (call) => call('apiFilterStages', filter)),
    measureNaive(size, (e) => naive.filter(e, 'BTS1')),
  );
  push(
    'Appliquer le filtre à la feuille',
    measure(em, (call) => call('apiApplyFilterToSheet', filter)),
  );
  const session2 = bundle.call('apiSaveSession', {
    id: '',
    title: 'BTS 1 info période 2',
    type: 'Stage BTS',
    schoolYear: '2022-2023',
    diploma: 'BTS Informatique',
    editionLabel: '',
    objectives: '',
    periods: [{ start: '02/05/2023', end: '26/05/2023' }],
  }) as { ok: boolean; value: { id: string } };
  const thousand = studentIds.slice(0, 1000);
  push(
    'Affecter 1 000 élèves à une session',
    measure(em, (call) => {
      call('apiAssignStudents', { sessionId: session2.value.id, studentIds: thousand });
      // The sidebar then reads the selection again: new stages may be the student's.
      call('apiGetSelection');
    }),
    measureNaive(size, (e) => naive.assign(e, thousand)),
  );
  push(
    'Calendrier du stage',
    measure(em, (call) => call('apiRenderCalendar', { stageId: stageIds[mid] })),
    measureNaive(size, (e) => naive.calendar(e)),
  );
  push(
    `Vue d'ensemble de la session (${size} stages)`,
    measure(em, (call) => call('apiRenderOverview', { sessionId: 'SES-BULK' })),
  );
  return lines;
}

function rowOf(em: Emulator, id: string): number {
  const sheet = em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
  const ids = em.sheets.debugGetValues('Stages', `A1:A${sheet.getMaxRows()}`);
  return ids.findIndex((r) => r[0] === id) + 1;
}

/** CPU time of the filter and the overview, best of three, for the growth check. */
function cpuOf(size: number): { filter: number; overview: number } {
  const { em, bundle } = setup(size);
  currentBundle = bundle;
  const best = (fn: () => void) => {
    let min = Infinity;
    for (let i = 0; i < 3; i++) min = Math.min(min, measure(em, fn).cpuMs);
    return min;
  };
  return {
    filter: best(() =>
      bundle.call('apiFilterStages', {
        sessionId: '',
        student: '',
        className: 'BTS1',
        from: '',
        to: '',
        company: '',
        companies: 'avec',
        tutors: 'indif',
        referents: 'indif',
        visits: 'indif',
        phase: 'indif',
      }),
    ),
    overview: best(() => bundle.call('apiRenderOverview', { sessionId: 'SES-BULK' })),
  };
}

function benchPresence(n: number): Line {
  const holidays = publicHolidaySet([2022, 2023], { alsaceMoselle: false });
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    computePresence({
      stage: {
        start: '2023-02-01',
        end: '2023-03-31',
        stoppedOn: i % 7 === 0 ? '2023-02-27' : '',
        weeklyHours: 35,
        schedule: null,
        country: '',
      },
      absences:
        i % 5 === 0
          ? [{ start: '2023-02-10', end: '2023-02-10', halfDay: true, countsAsPresence: false }]
          : [],
      publicHolidays: holidays,
      defaultWeeklyHours: 35,
    });
  }
  const t = process.cpuUsage(t0);
  return {
    action: `Calcul de présence (domaine pur) pour ${n} stages`,
    size: n,
    ours: { executions: 0, calls: 0, data: 0, estMs: 0, cpuMs: (t.user + t.system) / 1000 },
  };
}

/**
 * « Répartir le suivi » is a pure function of the stages and the teachers: its CPU time, on
 * stages spread over a period, many companies sharing towns, some teachers with classes.
 */
function benchDistribution(stages: number, teachers: number): Line {
  const towns = ['CAMBRAI', 'DENAIN', 'VALENCIENNES', 'DOUAI', 'LILLE', 'ARRAS'];
  const day = (d: number) =>
    `2023-${d > 28 ? '03' : '02'}-${String(d > 28 ? d - 28 : d).padStart(2, '0')}`;
  const list: FollowStage[] = Array.from({ length: stages }, (_, i) => ({
    id: `STG-${String(i).padStart(6, '0')}`,
    start: day(1 + (i % 20)),
    end: day(30 + (i % 25)),
    stoppedOn: '',
    companyId: `ENT-${(i * 7) % Math.ceil(stages / 3)}`,
    city: towns[i % towns.length]!,
    className: `CL${i % 6}`,
    followerId: '',
  }));
  const staff = Array.from({ length: teachers }, (_, i) => ({
    id: `PER-${String(i).padStart(6, '0')}`,
    classes: i % 3 === 0 ? [`CL${i % 6}`] : [],
  }));
  const t0 = process.cpuUsage();
  const d = distributeFollowUp(list, staff, { cap: DEFAULT_FOLLOW_CAP, keepExisting: true });
  const t = process.cpuUsage(t0);
  if (d.assignments.length + d.unassigned.length !== stages)
    throw new Error('Répartition incomplète');
  return {
    action: `Répartir le suivi : ${stages} stages entre ${teachers} enseignants (domaine pur)`,
    size: stages,
    ours: { executions: 0, calls: 0, data: 0, estMs: 0, cpuMs: (t.user + t.system) / 1000 },
  };
}

function fmt(m: Measure | undefined): string[] {
  if (!m) return ['', '', '', ''];
  return [String(m.executions), String(m.calls), String(m.data), (m.estMs / 1000).toFixed(1)];
}

function table(lines: Line[]): void {
  const header = [
    'Action',
    'Lignes',
    'Exéc.',
    'Appels',
    'Lect./écr.',
    'Attente estimée (s)',
    'CPU ms',
    'Naïf exéc.',
    'Naïf appels',
    'Naïf lect./écr.',
    'Naïf attente (s)',
  ];
  const rows = lines.map((l) => [
    l.action,
    String(l.size),
    ...fmt(l.ours),
    l.ours.cpuMs.toFixed(0),
    ...fmt(l.naive),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    '| ' +
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') +
    ' |';
  console.log(line(header));
  console.log(
    '|' +
      widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') +
      '|',
  );
  for (const r of rows) console.log(line(r));
}

function main(): void {
  // BENCH_ONLY=documents: the document engine's rows alone (a few minutes).
  if (process.env.BENCH_ONLY === 'documents') {
    printDocumentTables(benchDocumentCalls(root, SIZES), [
      benchDocumentTime(root, 35),
      benchDocumentTime(root, Number(process.env.BENCH_DOCUMENTS ?? 500)),
    ]);
    return;
  }
  const lines: Line[] = [];
  for (const size of SIZES) lines.push(...benchSize(size));
  lines.push(benchPresence(5000));
  lines.push(benchDistribution(500, 30));
  table(lines);
  printDocumentTables(benchDocumentCalls(root, SIZES), [
    benchDocumentTime(root, 35),
    benchDocumentTime(root, Number(process.env.BENCH_DOCUMENTS ?? 500)),
  ]);
  printSignatureTable(benchSignatures(root, SIZES));

  // The filter and the overview must not cost more CPU per row as the sheet grows.
  const small = Math.min(...SIZES);
  const large = Math.max(...SIZES);
  if (large > small) {
    const a = cpuOf(small);
    const b = cpuOf(large);
    const ratio = large / small;
    console.log('');
    for (const k of ['filter', 'overview'] as const) {
      const growth = b[k] / Math.max(a[k], 0.1);
      const verdict = growth <= ratio * 1.5 ? 'ok' : 'CROÎT PLUS VITE QUE LES LIGNES';
      console.log(
        `CPU ${k === 'filter' ? 'du filtre' : "de la vue d'ensemble"} : ${a[k].toFixed(0)} ms à ${small} lignes, ` +
          `${b[k].toFixed(0)} ms à ${large} (×${growth.toFixed(1)} pour ×${ratio} lignes) : ${verdict}`,
      );
    }
  }
}

main();
