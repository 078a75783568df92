/**
 * School holidays of a year the shipped list does not cover, in the workbench by visible French
 * labels: the fiche of a 2026-2027 stage warns that its holidays are unknown and leads to the
 * import in Paramètres, which says which years are known for the zone (the zone chosen, before it
 * is saved); once that year is imported, the coverage line and the fiche follow at once.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult, ReferenceData, SessionView } from '../../src/api/contract';
import { axeViolations, benchFor, menu, openSheet, rowCell, sidebarFrame } from './harness';

const bench = benchFor({ seed: 'full' });

const WARNING =
  "Vacances scolaires de la zone B inconnues pour 2026-2027 : le calendrier n'en montre aucune. " +
  'Importez le calendrier officiel du ministère (Paramètres › Vacances scolaires).';

async function invoke<T>(name: string, ...args: unknown[]): Promise<T> {
  const r = await bench.wb.session.invoke(name, args);
  if (!r.ok) throw new Error(`${name} : ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('school holidays of a year not covered', () => {
  it('the fiche of a 2026-2027 stage warns, and leads to the import', async () => {
    const { page, sidebar } = bench;
    // A 2026-2027 session with ACAR Laurie in it (set up through the server, as in the seed).
    const saved = await invoke<ApiResult<SessionView>>('apiSaveSession', {
      id: '',
      title: 'BTS 2 info 2026',
      type: 'Stage en entreprise',
      schoolYear: '2026-2027',
      diploma: 'BTS Informatique',
      editionLabel: '',
      objectives: '',
      periods: [{ start: '02/11/2026', end: '27/11/2026' }],
    });
    if (!saved.ok) throw new Error(saved.error);
    const refs = await invoke<ReferenceData>('apiGetReferenceData');
    const laurie = refs.students.find((s) => s.label === 'ACAR Laurie')!.id;
    await invoke('apiAssignStudents', { sessionId: saved.value.id, studentIds: [laurie] });

    await openSheet(page, 'Stages');
    await (await rowCell(page, { Élève: 'ACAR Laurie', Début: '01/02/2023' }, 'Élève')).click();
    await menu(page, 'Ouvrir la fiche stage');
    const general = sidebar.getByRole('tabpanel', { name: 'Général' });
    await general.getByText('CREDIT AGRICOLE DU NORD CAMBRAI').waitFor();
    // 2022-2023 is covered: no warning.
    expect(await sidebar.getByRole('note', { name: 'Vacances scolaires' }).count()).toBe(0);

    await (await rowCell(page, { Élève: 'ACAR Laurie', Début: '02/11/2026' }, 'Élève')).click();
    const note = sidebar.getByRole('note', { name: 'Vacances scolaires' });
    await note.getByText(WARNING).waitFor();
    expect(await axeViolations(await sidebarFrame(page))).toEqual([]);

    await note.getByRole('button', { name: 'Importer le calendrier officiel…' }).click();
    await sidebar.getByRole('heading', { name: 'Paramètres' }).waitFor();
    const holidays = sidebar.getByRole('form', { name: 'Vacances scolaires' });
    await holidays
      .getByText('Vacances scolaires connues pour la zone B : 2015-2016 à 2025-2026.')
      .waitFor();
  });

  it('Paramètres tells the years of the zone chosen, even before it is saved', async () => {
    const { sidebar } = bench;
    const holidays = sidebar.getByRole('form', { name: 'Vacances scolaires' });
    await sidebar.getByLabel('Zone de vacances').selectOption('C');
    await holidays
      .getByText('Vacances scolaires connues pour la zone C : 2015-2016 à 2025-2026.')
      .waitFor();
    await sidebar.getByLabel('Zone de vacances').selectOption('B');
    await holidays
      .getByText('Vacances scolaires connues pour la zone B : 2015-2016 à 2025-2026.')
      .waitFor();
  });

  it('after the import, Paramètres and the fiche follow from its answer alone', async () => {
    const { page, sidebar } = bench;
    const holidays = sidebar.getByRole('form', { name: 'Vacances scolaires' });
    // A made-up test file in the official export's format: not the Ministry's dates.
    await holidays
      .getByLabel('Ou collez son contenu')
      .fill(
        [
          'Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire',
          'Vacances de test;-;2026-10-16T22:00:00+00:00;2026-11-01T23:00:00+00:00;Lille;Zone B;2026-2027',
        ].join('\n'),
      );
    const names: string[] = [];
    const listener = (req: { url(): string; postData(): string | null }) => {
      if (!req.url().endsWith('/api')) return;
      const name = (JSON.parse(req.postData() ?? '{}') as { name?: string }).name;
      if (name && name !== 'apiPollSelection') names.push(name);
    };
    page.on('request', listener);
    try {
      await holidays.getByRole('button', { name: 'Importer les vacances' }).click();
      await holidays
        .getByText('Vacances scolaires connues pour la zone B : 2015-2016 à 2026-2027.')
        .waitFor();
      await sidebar
        .getByRole('status')
        .getByText(
          '1 période de vacances ajoutée. Vacances scolaires connues pour la zone B : 2015-2016 à 2026-2027.',
        )
        .waitFor();
    } finally {
      page.off('request', listener);
    }
    expect(names).toEqual(['apiImportSchoolHolidays']);

    await sidebar.getByRole('navigation').getByRole('button', { name: 'Fiche stage' }).click();
    await sidebar.getByRole('tabpanel', { name: 'Général' }).getByText('BTS 2 info 2026').waitFor();
    expect(await sidebar.getByRole('note', { name: 'Vacances scolaires' }).count()).toBe(0);
  });
});
