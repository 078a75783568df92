/**
 * `npm run bench`: spreadsheet service calls and CPU time per user action, at several sheet
 * sizes, for the real built bundle running on the emulator, beside a naive baseline that reads
 * and writes cell by cell. Calls are the budget (DESIGN.md); CPU time is informative only.
 *
 * "appels" = every call into an Apps Script service; "lect./écr." = calls that move data or
 * change the sheet's structure (getValues, setValues, appendRow…), the ones that cost a round
 * trip in real Apps Script.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRoundTrip } from 'gas-emulator/instrument';
import { createEmulator, type Emulator } from 'gas-emulator';
import { loadBundleFromDist } from 'gas-emulator/bundle';
import { fillBulk } from '../test/fixtures/bulk';
import { naive } from './bench/naive';
import { computePresence } from '../src/domain/presence';
import { publicHolidaySet } from '../src/domain/holidays/publicHolidays';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);

interface Measure {
  calls: number;
  data: number;
  cpuMs: number;
}

interface Line {
  action: string;
  size: number;
  ours: Measure;
  naive?: Measure;
}

type Bundle = ReturnType<typeof loadBundleFromDist>;

function measure(em: Emulator, fn: () => unknown): Measure {
  em.log.reset();
  const t0 = process.cpuUsage();
  const result = fn();
  const t = process.cpuUsage(t0);
  if (
    result &&
    typeof result === 'object' &&
    'ok' in result &&
    (result as { ok: boolean }).ok === false
  ) {
    throw new Error(`action refusée : ${JSON.stringify(result)}`);
  }
  return {
    calls: em.log.total(),
    data: em.log.total(isRoundTrip),
    cpuMs: (t.user + t.system) / 1000,
  };
}

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
  return { em, bundle, stageIds, studentIds };
}

function selectRow(em: Emulator, row: number): void {
  em.sheets.setActiveRange('Stages', `A${row}`);
}

function benchSize(size: number): Line[] {
  const lines: Line[] = [];
  const push = (action: string, ours: Measure, base?: Measure) =>
    lines.push(base ? { action, size, ours, naive: base } : { action, size, ours });

  const { em, bundle, stageIds, studentIds } = setup(size);
  const mid = Math.floor(size / 2);
  const idA = stageIds[mid]!;
  const idB = stageIds[Math.min(size - 1, mid + 1)]!;
  const idC = stageIds[Math.max(0, mid - 1)]!;
  const rowA = mid + 2;

  push(
    'onOpen',
    measure(em, () => bundle.call('onOpen')),
  );
  selectRow(em, rowA);
  push(
    'Ouvrir la fiche (panneau + sélection + listes)',
    measure(em, () => {
      bundle.call('menuOpenFiche');
      bundle.call('apiGetSelection');
      bundle.call('apiGetReferenceData');
    }),
  );
  push(
    'Suivre la sélection (apiGetSelection)',
    measure(em, () => bundle.call('apiGetSelection')),
  );

  const naiveStop = (() => {
    const probe = setup(size);
    return measure(probe.em, () => naive.stop(probe.em, stageIds[mid]!, '2023-02-27', 'motif'));
  })();
  push(
    'Arrêter le stage',
    measure(em, () =>
      bundle.call('apiStopStage', {
        stageId: idA,
        fingerprint: '',
        stoppedOn: '27/02/2023',
        reason: 'Changement d’entreprise',
      }),
    ),
    naiveStop,
  );
  push(
    'Assigner un nouveau stage',
    measure(em, () =>
      bundle.call('apiNewStage', {
        fromStageId: idA,
        start: '01/03/2023',
        end: '31/03/2023',
        companyId: 'ENT-000002',
        tutorId: 'TUT-000002',
        referentId: '',
        weeklyHours: '',
      }),
    ),
  );
  push(
    "Enlever l'arrêt",
    measure(em, () =>
      bundle.call('apiRemoveStop', { stageId: idA, fingerprint: '', restoreOriginalEnd: false }),
    ),
  );
  push(
    'Scinder le stage',
    measure(em, () =>
      bundle.call('apiSplitStage', {
        stageId: idB,
        fingerprint: '',
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
  push(
    'Réaffecter',
    measure(em, () =>
      bundle.call('apiReassignStage', {
        stageId: idC,
        fingerprint: '',
        companyId: 'ENT-000004',
        tutorId: 'TUT-000004',
        referentId: 'PER-000001',
      }),
    ),
  );
  push(
    'Ajouter une absence',
    measure(em, () =>
      bundle.call('apiAddAbsence', {
        stageId: idC,
        start: '10/02/2023',
        end: '10/02/2023',
        halfDay: false,
        reason: 'Malade',
        justified: true,
        countsAsPresence: false,
      }),
    ),
  );
  push(
    'Enregistrer une visite',
    measure(em, () =>
      bundle.call('apiAddVisit', {
        stageId: idC,
        date: '14/02/2023',
        staffId: 'PER-000001',
        comment: 'RAS',
      }),
    ),
  );
  const selected = stageIds.slice(0, Math.min(500, size));
  const naiveAffect = (() => {
    const probe = setup(size);
    return measure(probe.em, () => naive.affect(probe.em, selected, 'ENT-000005', 'ENTREPRISE 5'));
  })();
  push(
    `Affecter ${selected.length} lignes sélectionnées`,
    measure(em, () =>
      bundle.call('apiAffect', { stageIds: selected, fingerprints: [], companyId: 'ENT-000005' }),
    ),
    naiveAffect,
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
  const naiveFilter = (() => {
    const probe = setup(size);
    return measure(probe.em, () => naive.filter(probe.em, 'BTS1'));
  })();
  push(
    'Filtrer (Gestion des stages)',
    measure(em, () => bundle.call('apiFilterStages', filter)),
    naiveFilter,
  );
  push(
    'Appliquer le filtre à la feuille',
    measure(em, () => bundle.call('apiApplyFilterToSheet', filter)),
  );

  const session2 = bundle.call('apiSaveSession', {
    id: '',
    title: 'BTS 1 info période 2',
    type: 'Stage',
    schoolYear: '2022-2023',
    diploma: 'BTS Informatique',
    editionLabel: '',
    objectives: '',
    periods: [{ start: '02/05/2023', end: '26/05/2023' }],
  }) as { ok: boolean; value: { id: string } };
  const thousand = studentIds.slice(0, 1000);
  const naiveAssign = (() => {
    const probe = setup(size);
    return measure(probe.em, () => naive.assign(probe.em, thousand));
  })();
  push(
    'Affecter 1 000 élèves à une session',
    measure(em, () =>
      bundle.call('apiAssignStudents', { sessionId: session2.value.id, studentIds: thousand }),
    ),
    naiveAssign,
  );
  const naiveCalendar = (() => {
    const probe = setup(size);
    return measure(probe.em, () => naive.calendar(probe.em));
  })();
  push(
    'Calendrier du stage',
    measure(em, () => bundle.call('apiRenderCalendar', { stageId: idA })),
    naiveCalendar,
  );
  push(
    `Vue d'ensemble de la session (${size} stages)`,
    measure(em, () => bundle.call('apiRenderOverview', { sessionId: 'SES-BULK' })),
  );
  return lines;
}

function benchOverview35(): Line[] {
  const { em, bundle, stageIds } = setup(35);
  return [
    {
      action: "Vue d'ensemble, session de 35 élèves",
      size: 35,
      ours: measure(em, () => bundle.call('apiRenderOverview', { sessionId: 'SES-BULK' })),
    },
    {
      action: 'Calendrier, 1 stage',
      size: 35,
      ours: measure(em, () => bundle.call('apiRenderCalendar', { stageId: stageIds[0] })),
    },
  ];
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
    ours: { calls: 0, data: 0, cpuMs: (t.user + t.system) / 1000 },
  };
}

function fmt(m: Measure | undefined): string[] {
  if (!m) return ['', '', ''];
  return [String(m.calls), String(m.data), m.cpuMs.toFixed(0)];
}

function main(): void {
  const lines: Line[] = [];
  for (const size of SIZES) lines.push(...benchSize(size));
  lines.push(...benchOverview35());
  lines.push(benchPresence(5000));
  const header = [
    'Action',
    'Lignes',
    'Appels',
    'Lect./écr.',
    'CPU ms',
    'Naïf appels',
    'Naïf lect./écr.',
    'Naïf CPU ms',
  ];
  const rows = lines.map((l) => [l.action, String(l.size), ...fmt(l.ours), ...fmt(l.naive)]);
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

main();
