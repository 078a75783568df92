/**
 * The fiche's « Documents » tab as a secretary uses it (issue 11, QA): ACAR Laurie's convention,
 * signed by the school, gets its copies handed one by one; « Annuler le document » asks first;
 * a step someone else recorded meanwhile gives a conflict whose « Recharger » shows the tab as
 * it now is. By visible French labels.
 */
import { describe, expect, it } from 'vitest';
import type {
  DocumentJobView,
  ReferenceData,
  RegisterDocumentView,
  StageDocumentsView,
} from '../../src/api/contract';
import {
  axeViolations,
  benchFor,
  invokeOn,
  menu,
  openSheet,
  schoolFilledIn,
  sheetRows,
  sidebarFrame,
} from './harness';

const bench = benchFor({ seed: 'full' });

const invoke = invokeOn(bench);

/** ACAR Laurie's convention, generated and taken to « Signée établissement » by the server. */
async function laurieConventionSignedBySchool(): Promise<string> {
  await schoolFilledIn(invoke);
  const refs = await invoke<ReferenceData>('apiGetReferenceData');
  for (const c of refs.companies.filter((x) => x.label.startsWith('CREDIT AGRICOLE'))) {
    const company = await invoke<Record<string, unknown>>('apiGetCompany', c.id);
    await invoke('apiSaveCompany', {
      ...company,
      siret: '44306184100047',
      signatory: 'Paul LEROY',
      signatoryRole: 'Directeur',
    });
  }
  await invoke('apiCreateTemplates');
  const rows = bench.wb.session.emulator.sheets.debugGetValues('Stages', 'A1:E40');
  const id = String(rows.find((r) => r[4] === 'ACAR Laurie')![0]);
  await conventionFor(id);
  let d = (await invoke<StageDocumentsView>('apiStageDocuments', id)).documents[0]!;
  for (const step of ['sent', 'student', 'company', 'school']) d = await record(d, step);
  return id;
}

async function conventionFor(id: string): Promise<void> {
  let job = await invoke<DocumentJobView>('apiStartDocuments', {
    kind: 'convention',
    scope: { stageIds: [id] },
    regenerate: false,
    pdf: false,
  });
  for (let i = 0; i < 10 && job.state === 'running'; i++)
    job = await invoke<DocumentJobView>('apiRunDocumentsChunk', job.id);
  expect(job.state).toBe('done');
}

async function record(d: RegisterDocumentView, step: string): Promise<RegisterDocumentView> {
  return (
    await invoke<{ document: RegisterDocumentView }>('apiRecordDocumentStep', {
      documentId: d.id,
      row: d.row,
      fingerprint: d.fingerprint,
      step,
      date: '',
    })
  ).document;
}

async function registerRow(): Promise<Record<string, string>> {
  await openSheet(bench.page, 'Documents');
  const row = (await sheetRows(bench.page)).find((r) => r['Élève'] === 'ACAR Laurie')!;
  await openSheet(bench.page, 'Stages');
  return row;
}

describe('the fiche’s « Documents » tab, as a secretary uses it', () => {
  it('asks before cancelling, hands the copies one by one, and reloads after a conflict', async () => {
    const id = await laurieConventionSignedBySchool();
    const { page, sidebar } = bench;
    await menu(page, 'Ouvrir la fiche stage');
    await openSheet(page, 'Stages');
    await page.locator('#grid td', { hasText: 'ACAR Laurie' }).first().click();
    await sidebar.getByText('CREDIT AGRICOLE DU NORD CAMBRAI').first().waitFor();
    await sidebar.getByRole('tab', { name: 'Documents' }).click();
    const tab = sidebar.getByRole('tabpanel', { name: 'Documents' });
    await tab.getByText('Convention — Signée établissement').waitFor();

    // The dated steps are lines of the document's card, not cards of their own.
    const stepLine = tab
      .getByRole('list', { name: 'Étapes enregistrées : convention' })
      .getByRole('listitem')
      .filter({ hasText: 'Envoyée à l’entreprise le' });
    expect(await stepLine.evaluate((li) => getComputedStyle(li).borderTopWidth)).toBe('0px');

    // One click on « Annuler le document » cancels nothing: it asks.
    await tab.getByRole('button', { name: 'Annuler le document : convention' }).click();
    const ask = tab.getByRole('group', { name: 'Annuler le document : convention' });
    await ask.getByText(/Annuler cette convention \? Elle ne pourra plus être signée/).waitFor();
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
    await ask.getByRole('button', { name: 'Ne pas annuler' }).click();
    await tab.getByRole('button', { name: 'Annuler le document : convention' }).waitFor();
    expect((await registerRow())['Statut']).toBe('Signée établissement');

    // The company's copy first: the convention is not complete yet.
    const next = tab.getByRole('form', { name: 'Convention : étape suivante' });
    const which = next.getByLabel('Quels exemplaires');
    // Back on « Stages », the fiche reads the row under the cursor again.
    await which.waitFor();
    expect(await which.locator('option').allInnerTexts()).toEqual([
      'Les trois exemplaires',
      'L’exemplaire de l’entreprise',
      'L’exemplaire du stagiaire',
      'L’exemplaire du référent',
    ]);
    await which.selectOption({ label: 'L’exemplaire de l’entreprise' });
    await next.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await tab.getByText('Exemplaire remis à l’entreprise le 15/02/2023').waitFor();
    const row = await registerRow();
    expect(row['Statut']).toBe('Signée établissement');
    expect(row['Exemplaire entreprise remis le']).toBe('15/02/2023');
    expect(row['Exemplaire stagiaire remis le']).toBe('');

    // Someone else notes the student's copy: this tab is stale.
    await tab.getByText('Exemplaire remis à l’entreprise le 15/02/2023').waitFor();
    const d = (await invoke<StageDocumentsView>('apiStageDocuments', id)).documents[0]!;
    await record(d, 'studentCopy');
    await which.selectOption({ label: 'L’exemplaire du stagiaire' });
    await next.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await sidebar.getByRole('button', { name: 'Recharger' }).click();
    await tab.getByText('Reste à remettre : l’exemplaire du référent.').waitFor();
    await tab.getByText('Exemplaire remis au stagiaire le 15/02/2023').waitFor();

    await next.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await tab.getByText('Convention — Complète').waitFor();
    expect((await registerRow())['Statut']).toBe('Complète');
  });
});

describe('the fiche’s « Documents » tab with a cancelled convention', () => {
  it('lists the current convention first, the cancelled one below, apart and greyed', async () => {
    const { page, sidebar } = bench;
    const refs = await invoke<ReferenceData>('apiGetReferenceData');
    for (const c of refs.companies) {
      const company = await invoke<Record<string, unknown>>('apiGetCompany', c.id);
      await invoke('apiSaveCompany', {
        ...company,
        siret: company['siret'] || '38235653100014',
        signatory: 'Paul LEROY',
        signatoryRole: 'Directeur',
      });
    }
    const rows = bench.wb.session.emulator.sheets.debugGetValues('Stages', 'A1:E40');
    const id = String(rows.find((r) => r[4] === 'ACNA Camille')![0]);
    await conventionFor(id);
    const first = (await invoke<StageDocumentsView>('apiStageDocuments', id)).documents[0]!;
    await invoke('apiCancelDocument', {
      documentId: first.id,
      row: first.row,
      fingerprint: first.fingerprint,
      step: 'cancel',
      date: '',
    });
    await conventionFor(id);

    await menu(page, 'Ouvrir la fiche stage');
    await openSheet(page, 'Stages');
    await page.locator('#grid td', { hasText: 'ACNA Camille' }).first().click();
    await sidebar.getByText('BANQUE POPULAIRE DU NORD DENAIN').first().waitFor();
    await sidebar.getByRole('tab', { name: 'Documents' }).click();
    const tab = sidebar.getByRole('tabpanel', { name: 'Documents' });
    const current = tab.getByRole('list', { name: 'Documents du stage' });
    await current.getByText('Convention — Générée').waitFor();
    expect(await current.getByText(/^Convention — /).count()).toBe(1);
    const past = tab.getByRole('list', { name: 'Documents annulés ou remplacés' });
    await past.getByText('Convention — Annulée').waitFor();
    await tab.getByRole('heading', { name: 'Documents annulés ou remplacés' }).waitFor();
    // The current one comes first in the tab's order, the cancelled one after.
    expect(
      await current.evaluate(
        (cur, other) =>
          Boolean(cur.compareDocumentPosition(other!) & Node.DOCUMENT_POSITION_FOLLOWING),
        await past.elementHandle(),
      ),
    ).toBe(true);
    const colour = (l: typeof past) =>
      l
        .getByRole('listitem')
        .first()
        .evaluate((li) => getComputedStyle(li).color);
    expect(await colour(past)).not.toBe(await colour(current));
    await page.mouse.move(0, 0);
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
  });
});
