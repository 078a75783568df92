/**
 * « Suivi des conventions » in the workbench, by visible French labels: a reminder prepared for
 * ACAR Laurie's convention sent twelve days ago (the mailto: link's addressee, subject and body),
 * then noted as sent with its day; a blank convention regularised by choosing ACNA Camille's
 * stage in « Stage à rattacher », and the Stages and Documents sheets showing it; a second blank
 * taken by another stage from its fiche (« Rattacher une convention vierge »).
 */
import { describe, expect, it } from 'vitest';
import type {
  ChaseList,
  DocumentJobView,
  FilterResult,
  ReferenceData,
  RegisterDocumentView,
  StageDocumentsView,
} from '../../src/api/contract';
import { EMPTY_FILTER } from '../../src/domain/stages/filter';
import {
  axeViolations,
  benchFor,
  invokeOn,
  menu,
  openSheet,
  rowCell,
  schoolFilledIn,
  sidebarFrame,
} from './harness';

const bench = benchFor({ seed: 'full' });
const SESSION = 'BTS 1 info période 1 (01/02/2023 - 31/03/2023)';
const TUTOR_EMAIL = 'blase.ecusson@ca-cambrai.example';

const invoke = invokeOn(bench);

/**
 * What earlier days did, through the server: the school and companies completed, ACAR Laurie's
 * tutor given an address, her convention generated and sent on 15/02/2023; then the clock set
 * to 27/02/2023, twelve days later.
 */
async function laurieConventionSentTwelveDaysAgo(): Promise<ReferenceData> {
  await schoolFilledIn(invoke);
  const refs = await invoke<ReferenceData>('apiGetReferenceData');
  const sirets = ['44306184100047', '38235653100014'];
  for (const [i, c] of refs.companies.entries()) {
    const company = await invoke<Record<string, unknown>>('apiGetCompany', c.id);
    await invoke('apiSaveCompany', {
      ...company,
      siret: sirets[i],
      signatory: 'Paul LEROY',
      signatoryRole: 'Directeur',
    });
  }
  const tutor = refs.tutors.find((t) => t.label === 'M. ECUSSON Blase')!;
  await invoke('apiSaveTutor', {
    id: tutor.id,
    companyId: tutor.companyId,
    civility: 'M.',
    lastName: 'ECUSSON',
    firstName: 'Blase',
    role: '',
    phone: '',
    email: TUTOR_EMAIL,
  });
  await invoke('apiCreateTemplates');
  const rows = bench.wb.session.emulator.sheets.debugGetValues('Stages', 'A1:E40');
  const id = String(rows.find((r) => r[4] === 'ACAR Laurie')![0]);
  let job = await invoke<DocumentJobView>('apiStartDocuments', {
    kind: 'convention',
    scope: { stageIds: [id] },
    regenerate: false,
    pdf: false,
  });
  for (let i = 0; i < 10 && job.state === 'running'; i++)
    job = await invoke<DocumentJobView>('apiRunDocumentsChunk', job.id);
  expect(job.state).toBe('done');
  const d = (await invoke<StageDocumentsView>('apiStageDocuments', id)).documents[0]!;
  await invoke<{ document: RegisterDocumentView }>('apiRecordDocumentStep', {
    documentId: d.id,
    row: d.row,
    fingerprint: d.fingerprint,
    step: 'sent',
    date: '15/02/2023',
  });
  bench.wb.session.emulator.setNow(new Date('2023-02-27T09:00:00Z'));
  return refs;
}

async function chaseList() {
  const { page, sidebar } = bench;
  await menu(page, 'Modèles de documents…');
  const section = sidebar.getByRole('region', { name: 'Suivi des conventions' });
  const f = section.getByRole('form', { name: 'Conventions à relancer' });
  await f.getByLabel('Session', { exact: true }).selectOption({ label: SESSION });
  await f.getByRole('button', { name: 'Voir les conventions à relancer' }).click();
  await section.getByText(/Envoyées depuis 10 jours sans retour/).waitFor();
  return section;
}

describe('a reminder', () => {
  it('is prepared as an e-mail to the tutor, then noted as sent on the day', async () => {
    await laurieConventionSentTwelveDaysAgo();
    const { page, sidebar } = bench;
    const section = await chaseList();
    const item = section
      .getByRole('list', { name: 'Conventions à relancer' })
      .getByRole('listitem')
      .filter({ hasText: 'ACAR Laurie' });
    await item.getByText('envoyée le 15/02/2023, pas revenue signée').waitFor();
    const link = item.getByRole('link', { name: /Préparer l’e-mail/ });
    expect(await link.innerText()).toContain('M. ECUSSON Blase');
    const href = (await link.getAttribute('href')) ?? '';
    const m = /^mailto:([^?]+)\?subject=([^&]+)&body=([^&]+)$/.exec(href);
    expect(m, href).not.toBeNull();
    expect(m![1]).toBe(TUTOR_EMAIL);
    expect(decodeURIComponent(m![2]!)).toBe('Convention de stage d’ACAR Laurie – relance');
    const body = decodeURIComponent(m![3]!).split('\r\n');
    expect(body[0]).toBe('Bonjour M. ECUSSON Blase,');
    expect(body).toContain(
      'La convention de stage d’ACAR Laurie chez CREDIT AGRICOLE DU NORD CAMBRAI vous a été envoyée le 15/02/2023 et ne nous est pas encore revenue signée.',
    );
    expect(body).toContain('Lycée Jean Moulin');
    // Nothing is sent by the add-on: the link opens the user's own mail, in a new tab.
    expect(await link.getAttribute('target')).toBe('_blank');

    await item
      .getByRole('button', { name: /(Relance envoyée|J’ai envoyé la relance).*ACAR Laurie/ })
      .click();
    await item.getByText('Relancée le 27/02/2023').waitFor();
    await sidebar.getByRole('status').getByText('Relance notée le 27/02/2023.').waitFor();
    await expect
      .poll(async () => {
        await openSheet(page, 'Documents');
        return (
          await rowCell(page, { Élève: 'ACAR Laurie', Type: 'Convention' }, 'Relancée le')
        ).innerText();
      })
      .toBe('27/02/2023');
  });
});

describe('the fiche’s count of conventions to chase', () => {
  it('says stages when some have no convention, and opens the list itself', async () => {
    const { page, sidebar } = bench;
    // A stage starting on 06/03, within 15 days, without any convention: a student the other
    // tests leave alone, whose stage is stopped and followed by a new one.
    const { stages } = await invoke<FilterResult>('apiFilterStages', EMPTY_FILTER);
    const used = ['ACAR Laurie', 'ACNA Camille', 'DUPONT Léa', 'BENALI Yanis'];
    const s = stages.find((x) => !used.includes(x.student) && !x.stoppedOn && x.convention === '')!;
    await invoke('apiStopStage', {
      stageId: s.id,
      fingerprint: s.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'Rupture de la période d’essai',
    });
    await invoke('apiNewStage', {
      fromStageId: s.id,
      start: '06/03/2023',
      end: '31/03/2023',
      companyId: s.companyId,
      tutorId: s.tutorId,
      referentId: s.referentId,
      weeklyHours: '',
    });
    const truth = await invoke<ChaseList>('apiConventionsToChase', '');
    const overdue = truth.items.filter((i) => i.kind === 'overdue').length;
    expect(overdue).toBe(1);
    expect(truth.items.length).toBeGreaterThan(overdue);
    await menu(page, 'Ouvrir la fiche stage');
    const note = sidebar.getByRole('note').filter({ hasText: 'à relancer' });
    await note.waitFor();
    expect(await note.innerText()).toMatch(
      new RegExp(
        `^${truth.items.length} stages à relancer \\(dont 1 convention envoyée non revenue\\)`,
      ),
    );
    await note.getByRole('button', { name: 'Voir le suivi des conventions' }).click();
    const section = sidebar.getByRole('region', { name: 'Suivi des conventions' });
    // Opened on the section, its list read without a second click, the focus on its title.
    await section
      .getByRole('list', { name: 'Conventions à relancer' })
      .getByRole('listitem')
      .filter({ hasText: 'ACAR Laurie' })
      .waitFor();
    await expect
      .poll(() =>
        section
          .getByRole('heading', { name: 'Suivi des conventions' })
          .evaluate((el) => el === el.ownerDocument.activeElement),
      )
      .toBe(true);
    await section
      .getByRole('listitem')
      .filter({ hasText: s.student })
      .getByText('commence le 06/03/2023, aucune convention')
      .waitFor();
  });
});

describe('a blank convention', () => {
  it('is regularised by choosing the student’s stage, which then has it', async () => {
    const { page, sidebar } = bench;
    const refs = await invoke<ReferenceData>('apiGetReferenceData');
    const sessionId = refs.sessions[0]!.id;
    await invoke('apiBlankConvention', sessionId);
    const section = await chaseList();
    const blanks = section.getByRole('list', { name: 'Conventions vierges à régulariser' });
    const form = blanks.getByRole('form', { name: /^Régulariser / });
    const picker = form.getByLabel('Stage à rattacher');
    // Laurie's stage has its convention: only the others are offered, by name.
    await picker.locator('option', { hasText: 'ACNA Camille' }).waitFor({ state: 'attached' });
    const options = await picker.locator('option').allInnerTexts();
    expect(options.some((o) => o.startsWith('ACAR Laurie'))).toBe(false);
    const camille = options.find((o) => o.startsWith('ACNA Camille'))!;
    expect(camille).toBe('ACNA Camille – BANQUE POPULAIRE DU NORD DENAIN – du 01/02 au 31/03');
    // The filter narrows the list by name, accents aside; one stage left is the one chosen.
    await form.getByLabel('Filtrer par nom').fill('acna');
    await expect
      .poll(() => picker.locator('option').allInnerTexts())
      .toEqual(['Choisissez l’élève…', camille]);
    expect(await picker.inputValue()).not.toBe('');
    await form.getByLabel('Filtrer par nom').fill('lea');
    await expect
      .poll(async () => (await picker.locator('option').allInnerTexts())[1] ?? '')
      .toMatch(/^DUPONT Léa – /);
    await form.getByLabel('Filtrer par nom').fill('');
    await picker.selectOption({ label: camille });
    await form.getByRole('button', { name: 'Régulariser' }).click();
    await sidebar
      .getByRole('status')
      .getByText(/^Convention vierge régularisée/)
      .waitFor();
    await expect.poll(() => blanks.count()).toBe(0);

    await expect
      .poll(async () => {
        await openSheet(page, 'Stages');
        const cell = await rowCell(page, { Élève: 'ACNA Camille' }, 'Convention');
        const status = await rowCell(page, { Élève: 'ACNA Camille' }, 'Suivi des documents');
        return [await cell.innerText(), await status.innerText()];
      })
      .toEqual([expect.stringMatching(/^https:\/\/docs\.google\.com\//), 'Convention : générée']);
    await openSheet(page, 'Documents');
    const regularised = await rowCell(
      page,
      { Élève: 'ACNA Camille', Type: 'Convention' },
      'Régularisée le',
    );
    expect(await regularised.innerText()).toBe('27/02/2023');
    await page.mouse.move(0, 0);
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
  });

  it('is attached from the fiche of a stage without a convention', async () => {
    const { page, sidebar } = bench;
    const refs = await invoke<ReferenceData>('apiGetReferenceData');
    await invoke('apiBlankConvention', refs.sessions[0]!.id);
    await menu(page, 'Ouvrir la fiche stage');
    await openSheet(page, 'Stages');
    await (await rowCell(page, { Élève: 'BENALI Yanis' }, 'Élève')).click();
    await sidebar.getByRole('tab', { name: 'Documents' }).click();
    const tab = sidebar.getByRole('tabpanel', { name: 'Documents' });
    const form = tab.getByRole('form', { name: 'Rattacher une convention vierge' });
    await form.getByLabel('Convention vierge à rattacher').waitFor();
    await page.mouse.move(0, 0);
    // The fiche's note « … à relancer » is on screen too: its link must read on its yellow.
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
    await form.getByRole('button', { name: 'Rattacher une convention vierge' }).click();
    await tab.getByText('Convention — Générée').waitFor();
    await tab.getByText('Convention : générée').waitFor();
    await expect.poll(() => form.count()).toBe(0);
    await expect
      .poll(async () => {
        await openSheet(page, 'Stages');
        return (await rowCell(page, { Élève: 'BENALI Yanis' }, 'Convention')).innerText();
      })
      .toMatch(/^https:\/\/docs\.google\.com\//);
  });
});
