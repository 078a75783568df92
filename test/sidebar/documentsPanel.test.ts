/**
 * The « Documents » panel against a scripted server (the built sidebar page, with
 * google.script.run answered from this file): what the real server rarely shows on demand —
 * three chunks at once, the daily quota and « Reprendre », a call that fails mid-batch, a batch
 * found running when the sidebar opens, « Annuler » — driven by visible French labels.
 * The panel on the real server (templates made, ACAR Laurie's conventions generated and read) is
 * test/sidebar/documents.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  DocumentJobView,
  DocumentPlan,
  DocumentRequest,
  DocumentsOverview,
  SidebarBoot,
} from '../../src/api/contract';
import { ROOT } from '../../scripts/workbench/server';
import { axeViolations, launchBrowser } from './harness';

const BOOT: SidebarBoot = {
  selection: {
    stage: null,
    siblings: [],
    selectedIds: ['S1', 'S2', 'S3'],
    selectedFingerprints: ['f1', 'f2', 'f3'],
    probe: { sheet: 'Stages', rows: '5-7', currentRow: 5, rowDigest: 'd', width: 30 },
  },
  reference: {
    version: 'v1',
    sessions: [
      {
        id: 'SES1',
        title: 'BTS 1 info période 1',
        type: 'BTS',
        schoolYear: '2022-2023',
        diploma: 'BTS SIO',
        editionLabel: '',
        objectives: '',
        periods: [{ start: '2023-02-01', end: '2023-03-31' }],
      },
    ],
    classes: ['BTS 1 info'],
    students: [],
    companies: [],
    tutors: [],
    staff: [],
  },
  coverage: { zone: 'B', byZone: { A: [], B: ['2022-2023'], C: [] } },
};

/** The scripted server: one job of `total` stages, two per chunk. */
class FakeServer {
  calls: { name: string; args: unknown[] }[] = [];
  templatesMade = false;
  job: DocumentJobView | null = null;
  inFlight = 0;
  maxInFlight = 0;
  /** Documents Google still allows today. */
  dailyLeft = 1500;
  /** Chunk calls (1-based) that throw, as a killed execution would. */
  failOn = new Set<number>();
  private chunks = 0;
  private held: (() => void)[] = [];

  overview(): DocumentsOverview {
    const url = (id: string) =>
      this.templatesMade ? `https://docs.google.com/document/d/${id}/edit` : null;
    return {
      folderUrl: this.templatesMade ? 'https://drive.google.com/drive/folders/F1' : null,
      templates: [
        {
          kind: 'conventionBts',
          label: 'Convention de stage (BTS / enseignement supérieur)',
          url: url('T1'),
        },
        { kind: 'accord', label: 'Accord préalable de stage', url: url('T2') },
      ],
      placeholders: [
        {
          group: 'Élève',
          items: [
            { key: 'eleve.nom', label: "Nom de l'élève", example: 'ACAR' },
            { key: 'eleve.prenom', label: "Prénom de l'élève", example: 'Laurie' },
          ],
        },
        { group: 'Entreprise', items: [{ key: 'entreprise.siret', label: 'SIRET', example: '' }] },
      ],
      job: this.job,
      createdToday: 1500 - this.dailyLeft,
      dailyCap: 1500,
      copies: 3,
    };
  }

  /** What the last « Vérifier » promised: the batch then started makes that many. */
  planned = 0;

  /** The selected rows: 3 stages, one incomplete; the session: 41 stages, the same one incomplete. */
  plan(r: DocumentRequest): DocumentPlan {
    const session = r.scope.sessionId !== undefined;
    this.planned = session ? 40 : 2;
    return {
      kind: r.kind,
      total: this.planned + 1,
      toCreate: this.planned,
      existing: 0,
      templateProblems: [],
      incomplete: [
        {
          stageId: 'S3',
          label: 'ACNA Camille (ligne 7)',
          missing: ["SIRET de l'entreprise manquant", 'pas de tuteur'],
        },
      ],
      notApplicable: [],
      dailyLeft: this.dailyLeft,
      estimatedMinutes: 0.1,
      blocked: '',
    };
  }

  private view(over: Partial<DocumentJobView>): DocumentJobView {
    const base = this.job ?? {
      id: 'J1',
      kind: 'convention' as const,
      progress: '',
      total: 0,
      done: 0,
      failed: [],
      state: 'running' as const,
      by: 'prof@lycee.example',
      startedAt: '30/11/2026 10:12',
      updated: [],
    };
    const next = { ...base, ...over, updated: [] };
    next.progress = `${next.done} / ${next.total} conventions`;
    this.job = next;
    return next;
  }

  async call(name: string, args: unknown[]): Promise<unknown> {
    this.calls.push({ name, args });
    const ok = <T>(value: T) => ({ ok: true, value, message: '' });
    switch (name) {
      case 'apiPollSelection':
        return { changed: false, refsVersion: 'v1' };
      case 'apiGetHolidayCoverage':
        return BOOT.coverage;
      case 'apiListVisits':
        return [];
      case 'apiDocumentsOverview':
        return this.overview();
      case 'apiCreateTemplates':
        this.templatesMade = true;
        return { ...ok(this.overview()), message: '5 modèles créés.' };
      case 'apiCheckTemplate':
        return ok({
          kind: args[0],
          label: 'Convention de stage (BTS / enseignement supérieur)',
          known: 41,
          unknown: [{ text: '{{eleve.nmo}}', suggestion: '{{eleve.nom}}' }],
        });
      case 'apiPlanDocuments':
        return ok(this.plan(args[0] as DocumentRequest));
      case 'apiStartDocuments':
        this.job = null;
        return ok(this.view({ total: this.planned, done: 0, state: 'running' }));
      case 'apiRunDocumentsChunk': {
        this.chunks += 1;
        const n = this.chunks;
        this.inFlight += 1;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        // Claimed at once (the server does so under the lock), answered a little later.
        const job = this.job;
        if (!job) throw new Error('no job');
        let take = 0;
        let state = job.state;
        if (state === 'quota' && this.dailyLeft > 0) state = 'running';
        if (state === 'running') {
          take = Math.min(2, job.total - job.done, this.dailyLeft);
          if (take === 0 && job.done < job.total) state = 'quota';
        }
        this.dailyLeft -= take;
        const done = job.done + take;
        if (state === 'running' && done === job.total) state = 'done';
        const v = this.view({ done, state });
        // The first three chunks answer only once all three are in flight: lanes that did not
        // run at once would never get their answers.
        if (n <= 3)
          await new Promise<void>((resolve) => {
            this.held.push(resolve);
            if (this.held.length === 3) for (const go of this.held) go();
          });
        this.inFlight -= 1;
        if (this.failOn.has(n)) throw new Error('Temps d’exécution dépassé');
        return ok(v);
      }
      case 'apiCancelDocuments':
        return ok(this.view({ state: 'cancelled' }));
      case 'apiGenerateAccord':
        return ok({
          name: 'Accord préalable – BTS 1 info période 1',
          url: 'https://docs.google.com/document/d/A1/edit',
        });
      case 'apiPrintDocuments':
        return ok({
          name: 'Impression – Conventions',
          url: 'https://docs.google.com/document/d/P1/edit',
          count: 3,
          copies: 3,
        });
      default:
        return null;
    }
  }
}

const INIT = `
(() => {
  const runner = (ok, fail) => new Proxy({}, {
    get(_t, key) {
      if (key === 'withSuccessHandler') return (h) => runner(h, fail);
      if (key === 'withFailureHandler') return (h) => runner(ok, h);
      return (...args) => {
        window.__server(String(key), JSON.parse(JSON.stringify(args))).then(
          (r) => (r.error ? fail && fail(new Error(r.error)) : ok && ok(r.value)),
          (e) => fail && fail(e),
        );
      };
    },
  });
  window.google = { script: { run: runner(null, null), host: { close() {} } } };
})();`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: FakeServer;
async function chooseSession(): Promise<void> {
  await page.getByLabel('Toute une session').check();
  await page
    .getByRole('form', { name: 'Générer des documents' })
    .getByLabel('Session', { exact: true })
    .selectOption({ label: 'BTS 1 info période 1 (01/02/2023 - 31/03/2023)' });
}

/** The batch under way, as the panel shows it. */
const job = () => page.getByRole('group', { name: 'Génération en cours' });
const html = (): string => readFileSync(join(ROOT, 'dist', 'sidebar.html'), 'utf8');

async function open(setup?: (s: FakeServer) => void): Promise<void> {
  server = new FakeServer();
  setup?.(server);
  page = await context.newPage();
  await page.exposeFunction('__server', async (name: string, args: unknown[]) => {
    try {
      return { value: await server.call(name, args) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });
  await page.addInitScript(INIT);
  // The page as the menu item serves it: the view and the first screen's data appended.
  const doc = `${html()}<script>window.SDS_VIEW="documents";window.SDS_BOOT=${JSON.stringify(BOOT)};</script>`;
  await page.route('http://localhost/', (route) =>
    route.fulfill({ contentType: 'text/html', body: doc }),
  );
  await page.goto('http://localhost/');
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'fr-FR' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: 'http://localhost',
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

beforeEach(async () => {
  await page?.close();
});

describe('Documents panel (scripted server)', () => {
  it('creates the templates, checks one, copies a placeholder', async () => {
    await open();
    await page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Créer les modèles' }).click();
    await page.getByRole('status').getByText('5 modèles créés.').waitFor();
    const link = page.getByRole('link', {
      name: 'Ouvrir le modèle Convention de stage (BTS / enseignement supérieur)',
    });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await page.getByRole('button', { name: 'Créer les modèles' }).isHidden()).toBe(true);
    await page
      .getByRole('button', {
        name: 'Vérifier le modèle Convention de stage (BTS / enseignement supérieur)',
      })
      .click();
    await page.getByText('{{eleve.nmo}}').waitFor();
    await page.getByText(': vouliez-vous dire {{eleve.nom}} ?').waitFor();
    await page.getByRole('link', { name: 'Ouvrir le dossier du module dans Drive' }).waitFor();

    await page.getByText('Élève (2)').click();
    await page.getByRole('button', { name: 'Copier {{eleve.nom}}' }).click();
    await page.getByRole('status').getByText('{{eleve.nom}} copié').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('{{eleve.nom}}');

    expect(await axeViolations(page.mainFrame())).toEqual([]);
  });

  it('a report made before the templates existed goes once « Créer les modèles » made them', async () => {
    await open();
    await page.getByLabel('Les lignes sélectionnées (3)').check();
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.getByText('2 conventions à créer').waitFor();
    await page.getByRole('button', { name: 'Créer les modèles' }).click();
    await page.getByRole('status').getByText('5 modèles créés.').waitFor();
    await page.getByText('2 conventions à créer').waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Générer 2 conventions' }).count()).toBe(0);
  });

  it('says once what Paramètres lack for every stage, and each stage’s own lack', async () => {
    await open((s) => {
      const plain = s.plan.bind(s);
      s.plan = (r) => ({
        ...plain(r),
        incomplete: [
          {
            stageId: 'S2',
            label: 'ACAR Laurie',
            missing: ["nom de l'établissement manquant (Paramètres)"],
          },
          {
            stageId: 'S3',
            label: 'ACNA Camille',
            missing: ['pas de tuteur', "nom de l'établissement manquant (Paramètres)"],
          },
        ],
      });
    });
    await page.getByLabel('Les lignes sélectionnées (3)').check();
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page
      .getByText("Pour tous ces stages : nom de l'établissement manquant (Paramètres).", {
        exact: true,
      })
      .waitFor();
    const incomplete = page.getByRole('list', { name: 'Stages incomplets' });
    const camille = incomplete.getByRole('listitem').filter({ hasText: 'ACNA Camille' });
    expect(await camille.innerText()).toContain('Pas de tuteur');
    expect(await camille.innerText()).not.toContain('Paramètres');
    const laurie = incomplete.getByRole('listitem').filter({ hasText: 'ACAR Laurie' });
    expect(await laurie.innerText()).toContain('Seulement les Paramètres ci-dessus.');
  });

  it('shows the report before anything is created, then drives the batch in three lanes', async () => {
    await open();
    await page.getByLabel('Les lignes sélectionnées (3)').check();
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.getByText('2 conventions à créer').waitFor();
    const incomplete = page.getByRole('list', { name: 'Stages incomplets' });
    await incomplete.getByText("SIRET de l'entreprise manquant, pas de tuteur").waitFor();
    expect(await incomplete.innerText()).toContain('ACNA Camille (ligne 7)');
    expect(server.calls.filter((c) => c.name === 'apiStartDocuments')).toHaveLength(0);
    const plan = server.calls.find((c) => c.name === 'apiPlanDocuments')?.args[0];
    expect(plan).toEqual({
      kind: 'convention',
      scope: { stageIds: ['S1', 'S2', 'S3'] },
      regenerate: false,
      pdf: false,
    });
    expect(await axeViolations(page.mainFrame())).toEqual([]);

    // Another scope: the report no longer applies, and is asked again.
    await chooseSession();
    await page.getByText('2 conventions à créer').waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Générer 2 conventions' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.getByRole('button', { name: 'Générer 40 conventions' }).click();
    await job().getByText('Terminé : 40 / 40 conventions.').waitFor();
    const bar = page.getByRole('progressbar', { name: 'Progression de la génération' });
    expect(await bar.getAttribute('aria-valuetext')).toBe('40 / 40 conventions');
    expect(server.maxInFlight).toBe(3);
    expect(await page.getByRole('button', { name: 'Reprendre' }).isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: 'Annuler' }).isHidden()).toBe(true);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
  });

  it('stops at the daily quota, then « Reprendre » goes on', async () => {
    await open();
    server.dailyLeft = 10;
    await chooseSession();
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.getByText(/Google ne permet plus que 10 créations/).waitFor();
    await page.getByRole('button', { name: 'Générer 40 conventions' }).click();
    await page
      .getByRole('alert')
      .getByText('Quota quotidien de Google atteint : reprenez demain.')
      .waitFor();
    await job().getByText('10 / 40 conventions').first().waitFor();
    const chunksAtQuota = server.calls.filter((c) => c.name === 'apiRunDocumentsChunk').length;
    // The next day.
    server.dailyLeft = 1500;
    await job().getByRole('button', { name: 'Reprendre' }).click();
    await job().getByText('Terminé : 40 / 40 conventions.').waitFor();
    expect(server.calls.filter((c) => c.name === 'apiRunDocumentsChunk').length).toBeGreaterThan(
      chunksAtQuota,
    );
  });

  it('a failed call stops the lanes with the error; « Reprendre » finishes the batch', async () => {
    await open();
    server.failOn.add(4);
    await chooseSession();
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.getByRole('button', { name: 'Générer 40 conventions' }).click();
    await page
      .getByRole('alert')
      .getByText(/Temps d’exécution dépassé/)
      .waitFor();
    await page.getByText('Génération interrompue.').waitFor();
    await page.getByRole('alert').getByRole('button', { name: 'Reprendre' }).click();
    await job().getByText('Terminé : 40 / 40 conventions.').waitFor();
  });

  it('finds a batch running when the panel opens: « Reprendre » or « Annuler »', async () => {
    // A workbook where a batch was left running (the sidebar that drove it was closed).
    await open((s) => {
      s.job = {
        id: 'J9',
        kind: 'convention',
        progress: '12 / 40 conventions',
        total: 40,
        done: 12,
        failed: [{ stageId: 'S7', label: 'BADI Inès (ligne 9)', reason: 'Modèle introuvable' }],
        state: 'running',
        by: 'cpe@lycee.example',
        startedAt: '30/11/2026 09:40',
        updated: [],
      };
    });
    await page.getByText('12 / 40 conventions').waitFor();
    await page.getByText('Lancée par cpe@lycee.example le 30/11/2026 09:40.').waitFor();
    await page
      .getByRole('list', { name: 'Documents en échec' })
      .getByText('Modèle introuvable')
      .waitFor();
    await page.getByRole('button', { name: 'Reprendre' }).waitFor();
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.getByText('Lot annulé : 12 / 40 conventions. 1 en échec (voir la liste).').waitFor();
    await page.getByRole('button', { name: 'Annuler' }).waitFor({ state: 'hidden' });
    expect(server.job?.state).toBe('cancelled');
    expect(server.calls.filter((c) => c.name === 'apiRunDocumentsChunk')).toHaveLength(0);
  });

  it('makes the accord préalable and the print file, with their links', async () => {
    await open();
    const accord = page.getByRole('form', { name: 'Accord préalable' });
    await accord
      .getByLabel('Session')
      .selectOption({ label: 'BTS 1 info période 1 (01/02/2023 - 31/03/2023)' });
    await accord.getByRole('button', { name: "Générer l'accord préalable" }).click();
    await accord.getByRole('link', { name: 'Accord préalable – BTS 1 info période 1' }).waitFor();
    expect(server.calls.find((c) => c.name === 'apiGenerateAccord')?.args).toEqual(['SES1']);

    const print = page.getByRole('form', { name: 'Imprimer' });
    await print.getByRole('button', { name: 'Imprimer…' }).click();
    await print.getByRole('link', { name: /^Ouvrir le fichier à imprimer/ }).waitFor();
    await print.getByText('3 documents × 3 exemplaires').waitFor();
    expect(server.calls.find((c) => c.name === 'apiPrintDocuments')?.args).toEqual([
      { kind: 'convention', scope: { stageIds: ['S1', 'S2', 'S3'] } },
    ]);
  });
});
