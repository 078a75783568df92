/**
 * The other panels of the sidebar against the real server: import with preview (from a file
 * read in the browser), settings, absences; and sheet text is never interpreted as HTML.
 */
import { describe, expect, it } from 'vitest';
import { benchFor, menu, openSheet, rowCell, sheetRows } from './harness';

const bench = benchFor({ seed: 'full' });

describe('import', () => {
  it('previews a CSV file, imports the new student, and does not import twice', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Importer élèves ou entreprises…');
    await sidebar.getByRole('heading', { name: 'Importer' }).waitFor();
    const importForm = sidebar.getByRole('form', { name: 'Importer' });
    const csv =
      'Nom;Prénom;Classe;Né(e) le\nACAR;Laurie;BTS1;14/03/2004\nZOLA;Emma;BTS1;03/07/2004\n';
    await sidebar.getByLabel('Fichier CSV ou TSV').setInputFiles({
      name: 'eleves.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await expect
      .poll(() => sidebar.getByLabel(/Ou collez le texte/).inputValue())
      .toContain('ZOLA;Emma');
    await sidebar.getByRole('button', { name: 'Aperçu' }).click();
    await sidebar.getByText('Nouveaux : 1 · mis à jour : 0 · en erreur : 0').waitFor();
    const rows = await sidebar.locator('.preview .stage-list li').allInnerTexts();
    expect(rows.some((r) => r.includes('ZOLA') && r.includes('nouveau'))).toBe(true);
    expect(rows.some((r) => r.includes('ACAR') && r.includes('inchangé'))).toBe(true);

    await importForm.getByRole('button', { name: 'Importer', exact: true }).click();
    await sidebar.getByRole('status').getByText(/./).waitFor();
    await openSheet(page, 'Élèves');
    await expect
      .poll(async () => (await sheetRows(page)).filter((r) => r['Nom'] === 'ZOLA').length)
      .toBe(1);

    await importForm.getByRole('button', { name: 'Importer', exact: true }).click();
    await sidebar.getByRole('alert').getByText('Rien à importer : tout est déjà à jour.').waitFor();
    expect((await sheetRows(page)).filter((r) => r['Nom'] === 'ZOLA').length).toBe(1);
  });
});

describe('settings', () => {
  it('saves the settings, refuses a bad number, and reads them back', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Paramètres…');
    const name = sidebar.getByLabel("Nom de l'établissement");
    await name.waitFor();
    await expect
      .poll(() => sidebar.getByLabel('Gratification horaire minimale (€)').inputValue())
      .toMatch(/^\d/);
    await name.fill('Lycée Fénelon');
    await sidebar.getByLabel('Académie').fill('Lille');
    await sidebar.getByLabel('Zone de vacances').selectOption('B');
    expect(await sidebar.getByLabel('Exemplaires de convention').inputValue()).toBe('3');
    expect(await sidebar.getByLabel('Compte Google').inputValue()).toBe('workspace');
    await sidebar.getByLabel('Exemplaires de convention').fill('2');
    await sidebar
      .getByLabel('Compte Google')
      .selectOption({ label: 'Compte Google personnel (250 documents par jour)' });
    await sidebar.getByLabel('Gratification horaire minimale (€)').fill('abc');
    await sidebar.getByRole('button', { name: 'Enregistrer' }).click();
    await sidebar
      .locator('.field-error')
      .getByText('Indiquez un montant, par exemple 4,50.')
      .waitFor();

    await sidebar.getByLabel('Gratification horaire minimale (€)').fill('4,50');
    await sidebar.getByLabel('Gratification horaire minimale (€)').press('Enter');
    await sidebar.getByRole('status').getByText('Paramètres enregistrés.').waitFor();

    await menu(page, 'Paramètres…');
    await expect
      .poll(() => sidebar.getByLabel("Nom de l'établissement").inputValue())
      .toBe('Lycée Fénelon');
    expect(await sidebar.getByLabel('Académie').inputValue()).toBe('Lille');
    expect(await sidebar.getByLabel('Gratification horaire minimale (€)').inputValue()).toBe('4,5');
    expect(await sidebar.getByLabel('Exemplaires de convention').inputValue()).toBe('2');
    expect(await sidebar.getByLabel('Compte Google').inputValue()).toBe('consumer');
  });
});

describe('school holidays', () => {
  it('imports a later year from the Ministry export pasted in Paramètres', async () => {
    const { page, sidebar } = bench;
    await menu(page, 'Paramètres…');
    const holidays = sidebar.getByRole('form', { name: 'Vacances scolaires' });
    await holidays
      .getByLabel('Ou collez son contenu')
      .fill(
        [
          'Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire',
          'Vacances de la Toussaint;-;2030-10-19T00:00:00+02:00;2030-11-04T00:00:00+01:00;Lille;Zone B;2030-2031',
        ].join('\n'),
      );
    await holidays.getByRole('button', { name: 'Importer les vacances' }).click();
    await sidebar.getByRole('status').getByText(/./).waitFor();
    const rows = bench.wb.session.emulator.sheets
      .render('Vacances')
      .cells.filter((line) => line.some((c) => c.text === '2030-2031'));
    expect(rows.length).toBe(1);
  });
});

describe('absences and untrusted text', () => {
  it('adds and removes an absence of the selected stage', async () => {
    const { page, sidebar } = bench;
    await openSheet(page, 'Stages');
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await menu(page, 'Absences…');
    await sidebar.getByText('Aucune absence enregistrée.').waitFor();
    await sidebar.getByLabel('Du', { exact: true }).fill('06/02/2023');
    await sidebar.getByLabel('Motif', { exact: true }).fill('Maladie');
    await sidebar.getByLabel('Justifiée').check();
    await sidebar.getByRole('button', { name: "Ajouter l'absence" }).click();
    const list = sidebar.getByRole('list', { name: 'Absences du stage' });
    await list.getByText('Le 06/02/2023 · justifiée').waitFor();
    await list.getByText('Maladie').waitFor();
    const absenceRows = () =>
      bench.wb.session.emulator.sheets
        .render('Absences')
        .cells.filter((line) => line.some((c) => c.text === 'Maladie')).length;
    expect(absenceRows()).toBe(1);

    await list.getByRole('button', { name: /Supprimer l'absence/ }).click();
    await sidebar.getByText('Aucune absence enregistrée.').waitFor();
    expect(absenceRows()).toBe(0);
  });

  it('a form waits for its action: buttons disabled, a second Enter sends nothing, then it empties', async () => {
    const { page, sidebar } = bench;
    await openSheet(page, 'Stages');
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await menu(page, 'Absences…');
    await sidebar.getByText('Aucune absence enregistrée.').waitFor();

    // The server's answer is held until the test has looked at the waiting form.
    let sent = 0;
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api', async (route) => {
      if (!(route.request().postData() ?? '').includes('"apiAddAbsence"')) return route.continue();
      sent += 1;
      await held;
      return route.continue();
    });
    const addForm = sidebar.getByRole('form', { name: 'Ajouter une absence' });
    const submitButton = addForm.getByRole('button', { name: "Ajouter l'absence" });
    await sidebar.getByLabel('Du', { exact: true }).fill('07/02/2023');
    await sidebar.getByLabel('Motif', { exact: true }).fill('Rendez-vous');
    await submitButton.click();
    await expect.poll(() => sent).toBe(1);
    await expect.poll(() => submitButton.isDisabled()).toBe(true);
    expect(await addForm.getAttribute('aria-busy')).toBe('true');
    await sidebar.getByLabel('Motif', { exact: true }).press('Enter');

    release();
    const list = sidebar.getByRole('list', { name: 'Absences du stage' });
    await list.getByText('Le 07/02/2023 · non justifiée').waitFor();
    await page.unroute('**/api');
    expect(sent).toBe(1);
    expect(await list.getByRole('listitem').count()).toBe(1);
    expect(await sidebar.getByLabel('Du', { exact: true }).inputValue()).toBe('');
    expect(await sidebar.getByLabel('Motif', { exact: true }).inputValue()).toBe('');
    expect(await submitButton.isDisabled()).toBe(false);

    await list.getByRole('button', { name: /Supprimer l'absence/ }).click();
    await sidebar.getByText('Aucune absence enregistrée.').waitFor();
  });

  it('shows HTML typed in the sheet as plain text', async () => {
    const { page, sidebar } = bench;
    await (await rowCell(page, { Élève: 'ACNA Camille' }, 'Élève')).click();
    await sidebar.getByRole('navigation').getByRole('button', { name: 'Fiche stage' }).click();
    await sidebar
      .getByRole('tabpanel', { name: 'Général' })
      .getByText('BANQUE POPULAIRE DU NORD DENAIN')
      .waitFor();
    await sidebar.getByRole('button', { name: 'Arrêter le stage…' }).click();
    await sidebar.getByLabel("Date d'arrêt").fill('24/02/2023');
    await sidebar
      .getByLabel("Motif d'arrêt")
      .fill('<img src=x onerror="document.title=1"><b>gras</b>');
    await sidebar.getByRole('button', { name: 'Arrêter le stage', exact: true }).click();
    const general = sidebar.getByRole('tabpanel', { name: 'Général' });
    await general.getByText('Motif : <img src=x onerror="document.title=1"><b>gras</b>').waitFor();
    expect(await general.locator('img, b').count()).toBe(0);
    // In the sheet too, the reason is text.
    await expect
      .poll(
        async () =>
          (await sheetRows(page)).find((r) => r['Élève'] === 'ACNA Camille')?.["Motif d'arrêt"],
      )
      .toBe('<img src=x onerror="document.title=1"><b>gras</b>');
  });

  it('reports a row changed by someone else as a conflict, and reloads it', async () => {
    const { page, sidebar } = bench;
    await (await rowCell(page, { Élève: 'ACAR Laurie' }, 'Élève')).click();
    await sidebar.getByRole('navigation').getByRole('button', { name: 'Fiche stage' }).click();
    await sidebar
      .getByRole('tabpanel', { name: 'Général' })
      .getByText('CREDIT AGRICOLE DU NORD CAMBRAI')
      .waitFor();
    await sidebar.getByRole('button', { name: 'Réaffecter…' }).click();

    // Freeze what the sidebar believes (its selection polls answer the old row), then let
    // "someone else" change the row in the sheet.
    let stale: string | null = null;
    await page.route('**/api', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('"apiPollSelection"')) {
        // Every poll answers "nothing changed", whatever the sheet holds now.
        const response = await route.fetch();
        const text = await response.text();
        stale ??= text;
        const unchanged = text.replace(
          /\{"changed":true,"selection":.*,"refsVersion":("[^"]*")\}/,
          '{"changed":false,"refsVersion":$1}',
        );
        return route.fulfill({ status: 200, contentType: 'application/json', body: unchanged });
      }
      if (!body.includes('"apiGetSelection"')) return route.continue();
      if (stale === null) {
        const response = await route.fetch();
        stale = await response.text();
      }
      return route.fulfill({ status: 200, contentType: 'application/json', body: stale });
    });
    await expect.poll(() => stale !== null, { timeout: 5000 }).toBe(true);
    const sheets = bench.wb.session.emulator.sheets;
    const header = sheets.debugGetValues('Stages', 'A1:Z1')[0] ?? [];
    const reasonCol = header.indexOf("Motif d'arrêt") + 1;
    const acarRow =
      sheets.debugGetValues('Stages', 'E1:E20').findIndex((r) => r[0] === 'ACAR Laurie') + 1;
    expect(reasonCol).toBeGreaterThan(0);
    expect(acarRow).toBeGreaterThan(1);
    const letter = String.fromCharCode(64 + reasonCol);
    sheets.debugSetValues('Stages', `${letter}${acarRow}`, [['Modifié à la main']]);
    const before = JSON.stringify(sheets.debugGetValues('Stages', 'A1:AA20'));

    await sidebar
      .getByLabel('Entreprise', { exact: true })
      .selectOption({ label: 'BANQUE POPULAIRE DU NORD DENAIN' });
    await sidebar.getByRole('button', { name: 'Réaffecter', exact: true }).click();
    const alert = sidebar.getByRole('alert');
    await alert.getByText(/Cette ligne a été modifiée par quelqu'un d'autre/).waitFor();
    expect(JSON.stringify(sheets.debugGetValues('Stages', 'A1:AA20'))).toBe(before);

    await page.unroute('**/api');
    await alert.getByRole('button', { name: 'Recharger' }).click();
    await sidebar.getByRole('status').getByText('Données rechargées.').waitFor();
    await sidebar.getByText(/Cette ligne a été modifiée/).waitFor({ state: 'hidden' });
  });
});
