/**
 * Issue 11's proof in the workbench, by visible French labels: ACAR Laurie's convention,
 * generated, sent and signed by her (through the server, as earlier days would have), gets the
 * company's signature from the fiche's « Documents » tab; the tab and the Stages sheet's
 * « Suivi des documents » show the new status; the panel checked with axe.
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
  rowCell,
  schoolFilledIn,
  sidebarFrame,
} from './harness';

const bench = benchFor({ seed: 'full' });

const invoke = invokeOn(bench);

async function laurieConventionSignedByHer(): Promise<void> {
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
  let job = await invoke<DocumentJobView>('apiStartDocuments', {
    kind: 'convention',
    scope: { stageIds: [id] },
    regenerate: false,
    pdf: false,
  });
  for (let i = 0; i < 10 && job.state === 'running'; i++)
    job = await invoke<DocumentJobView>('apiRunDocumentsChunk', job.id);
  expect(job.state).toBe('done');
  let d = (await invoke<StageDocumentsView>('apiStageDocuments', id)).documents[0]!;
  for (const step of ['sent', 'student'])
    d = (
      await invoke<{ document: RegisterDocumentView }>('apiRecordDocumentStep', {
        documentId: d.id,
        row: d.row,
        fingerprint: d.fingerprint,
        step,
        date: '',
      })
    ).document;
}

describe('the fiche’s « Documents » tab', () => {
  it('records the company’s signature, and the Stages sheet shows it', async () => {
    await laurieConventionSignedByHer();
    const { page, sidebar } = bench;
    await menu(page, 'Ouvrir la fiche stage');
    await openSheet(page, 'Stages');
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await sidebar.getByRole('tab', { name: 'Documents' }).click();
    const tab = sidebar.getByRole('tabpanel', { name: 'Documents' });
    await tab.getByText('Convention — Signée stagiaire').waitFor();
    await tab.getByText('Convention : signée stagiaire').waitFor();
    const next = tab.getByRole('form', { name: 'Convention : étape suivante' });
    await next.getByLabel('Signée par l’entreprise le').fill('15/02/2023');
    await next.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await tab.getByText('Convention — Signée entreprise').waitFor();
    await tab.getByText('Signée par l’entreprise le 15/02/2023').waitFor();
    await sidebar.getByRole('status').getByText('Convention : signée entreprise.').waitFor();
    await expect
      .poll(async () => {
        await openSheet(page, 'Stages');
        return (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Suivi des documents')).innerText();
      })
      .toBe('Convention : signée entreprise');
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
  });
});

describe('« Suivi des conventions » in the Documents panel', () => {
  it('lists the conventions to chase and shows the session’s dashboard', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Modèles de documents…');
    const section = sidebar.getByRole('region', { name: 'Suivi des conventions' });
    const f = section.getByRole('form', { name: 'Conventions à relancer' });
    await f
      .getByLabel('Session', { exact: true })
      .selectOption({ label: 'BTS 1 info période 1 (01/02/2023 - 31/03/2023)' });
    await f.getByRole('button', { name: 'Voir les conventions à relancer' }).click();
    await section.getByText(/Envoyées depuis 10 jours sans retour/).waitFor();
    await section.getByRole('button', { name: 'Tableau de bord', exact: true }).click();
    const table = section.getByRole('table');
    await table.getByRole('rowheader', { name: 'Signées' }).waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Signées' }).innerText()).toMatch(
      /Signées\s+1/,
    );
    // Every stage of the session is accounted for: the one convention, and the stages without.
    const stages = Number(/: (\d+) stages?/.exec(await table.locator('caption').innerText())![1]);
    expect(stages).toBeGreaterThan(1);
    expect(await table.getByRole('row').filter({ hasText: 'Sans convention' }).innerText()).toMatch(
      new RegExp(`^Sans convention\\s+${stages - 1}\\s`),
    );
    // The pointer off the button clicked: a hovered secondary button's tint is styles.css's matter.
    await page.mouse.move(0, 0);
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);
  });
});
