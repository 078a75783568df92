/**
 * The Drive advanced service (v3). Messages: "API call to drive.files.<method> failed with
 * error: File not found: <id>." is the form Apps Script users report for drive.files.copy and
 * get; the drive.file scope hides what the app did not create (Drive API, "Choose scopes").
 */
import { describe, expect, it } from 'vitest';
import { makeServices } from './testing';

const DOC = 'application/vnd.google-apps.document';
const FOLDER = 'application/vnd.google-apps.folder';

function setup() {
  const s = makeServices();
  const folder = s.Drive.Files.create(
    { name: 'Suivi des stages – Documents', mimeType: FOLDER },
    undefined as never,
    {
      fields: 'id,name,mimeType,parents,webViewLink',
    },
  );
  const html = s.Utilities.newBlob('<p>Élève : {{eleve.nom}}</p>', 'text/html', 'm.html');
  const template = s.Drive.Files.create(
    {
      name: 'Modèle – Convention',
      mimeType: DOC,
      parents: [folder.id ?? ''],
      appProperties: { sdsKind: 'template', sdsTemplate: 'conventionBts' },
    },
    html,
    { fields: 'id' },
  );
  return { ...s, folderId: folder.id ?? '', folder, templateId: template.id ?? '' };
}

describe('Drive.Files.create', () => {
  it('creates folders, files from a Blob and Google Docs imported from HTML', () => {
    const { Drive, Utilities, services, folder, folderId, templateId } = setup();
    expect(folder).toEqual({
      id: folderId,
      name: 'Suivi des stages – Documents',
      mimeType: FOLDER,
      parents: [services.drive.rootId],
      webViewLink: `https://drive.google.com/drive/folders/${folderId}`,
    });
    expect(services.drive.docText(templateId)).toBe('Élève : {{eleve.nom}}');
    const pdf = Drive.Files.create(
      { name: 'Convention.pdf', parents: [folderId], appProperties: { sdsKind: 'pdf' } },
      Utilities.newBlob('%PDF-1.4', 'application/pdf', 'x.pdf'),
      { fields: 'id,name,mimeType,size,appProperties' },
    );
    expect(pdf).toMatchObject({
      name: 'Convention.pdf',
      mimeType: 'application/pdf',
      size: '8',
      appProperties: { sdsKind: 'pdf' },
    });
  });

  it('answers only kind, id, name and mimeType without fields', () => {
    const { Drive, templateId } = setup();
    expect(Drive.Files.get(templateId)).toEqual({
      kind: 'drive#file',
      id: templateId,
      name: 'Modèle – Convention',
      mimeType: DOC,
    });
  });

  it('fails with File not found for a parent it cannot see', () => {
    const { Drive } = setup();
    expect(() => Drive.Files.create({ name: 'x', mimeType: FOLDER, parents: ['nope'] })).toThrow(
      'API call to drive.files.create failed with error: File not found: nope.',
    );
  });
});

describe('Drive.Files.copy, get, update', () => {
  it('copies a Doc with its content; appProperties are patched over the source ones', () => {
    const { Drive, services, folderId, templateId } = setup();
    const copy = Drive.Files.copy(
      {
        name: 'Convention – ACAR Laurie',
        parents: [folderId],
        appProperties: { sdsKind: 'convention', sdsStage: 'S1', sdsTemplate: null },
      },
      templateId,
      { fields: 'id,name,parents,appProperties,webViewLink,trashed' },
    );
    expect(copy.id).not.toBe(templateId);
    expect(copy).toMatchObject({
      name: 'Convention – ACAR Laurie',
      parents: [folderId],
      trashed: false,
      appProperties: { sdsKind: 'convention', sdsStage: 'S1' },
      webViewLink: `https://docs.google.com/document/d/${copy.id}/edit?usp=drivesdk`,
    });
    expect(services.drive.docText(copy.id ?? '')).toBe('Élève : {{eleve.nom}}');
    // Without a name or parents: "Copy of …" beside the source, source's appProperties kept.
    const plain = Drive.Files.copy({}, templateId, { fields: 'name,parents,appProperties' });
    expect(plain).toEqual({
      name: 'Copy of Modèle – Convention',
      parents: [folderId],
      appProperties: { sdsKind: 'template', sdsTemplate: 'conventionBts' },
    });
  });

  it('trashes, renames, moves and edits appProperties with update', () => {
    const { Drive, folderId, templateId } = setup();
    const other = Drive.Files.create({ name: '2023-2024', mimeType: FOLDER }, undefined as never, {
      fields: 'id',
    });
    const updated = Drive.Files.update(
      { name: 'Ancien', trashed: true, appProperties: { sdsTemplate: null, sdsJob: 'J1' } },
      templateId,
      undefined as never,
      {
        addParents: other.id,
        removeParents: folderId,
        fields: 'name,trashed,parents,appProperties',
      },
    );
    expect(updated).toEqual({
      name: 'Ancien',
      trashed: true,
      parents: [other.id],
      appProperties: { sdsKind: 'template', sdsJob: 'J1' },
    });
  });

  it('downloads a binary file with alt=media, refuses to download a Google Doc', () => {
    const { Drive, Utilities, templateId } = setup();
    const f = Drive.Files.create(
      { name: 'a.txt' },
      Utilities.newBlob('bonjour', 'text/plain', 'a.txt'),
      { fields: 'id' },
    );
    const blob = Drive.Files.get(f.id ?? '', {
      alt: 'media',
    }) as unknown as GoogleAppsScript.Base.Blob;
    expect(blob.getDataAsString()).toBe('bonjour');
    expect(() => Drive.Files.get(templateId, { alt: 'media' })).toThrow(
      'API call to drive.files.get failed with error: Only files with binary content can be downloaded. Use Export with Docs Editors files.',
    );
  });
});

describe('drive.file: only what the app created, or was given, exists for it', () => {
  it('answers File not found for a foreign file, on every method', () => {
    const { Drive, services } = setup();
    const foreign = services.drive.registerForeign('Modèle du lycée');
    for (const call of [
      () => Drive.Files.get(foreign),
      () => Drive.Files.copy({}, foreign),
      () => Drive.Files.update({ trashed: true }, foreign),
      () =>
        (Drive.Files.export as (id: string, m: string, a: object) => unknown)(
          foreign,
          'application/pdf',
          { alt: 'media' },
        ),
    ])
      expect(call).toThrow(`failed with error: File not found: ${foreign}.`);
    expect(Drive.Files.list({ q: "name = 'Modèle du lycée'", fields: 'files(id)' }).files).toEqual(
      [],
    );
    // DriveApp (whole-Drive scope) still sees it.
    expect(services.globals.DriveApp.getFileById(foreign).getName()).toBe('Modèle du lycée');
  });

  it('sees the spreadsheet the script is bound to', () => {
    const { Drive, services } = makeServices();
    services.drive.register('SHEET-ID', 'Suivi', 'application/vnd.google-apps.spreadsheet');
    expect(Drive.Files.get('SHEET-ID', { fields: 'id,parents' })).toEqual({
      id: 'SHEET-ID',
      parents: [services.drive.rootId],
    });
  });
});

describe('Drive.Files.list', () => {
  function many() {
    const s = setup();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const c = s.Drive.Files.copy(
        {
          name: `Convention ${i}`,
          parents: [s.folderId],
          appProperties: { sdsKind: 'convention', sdsJob: i < 5 ? 'J1' : 'J2' },
        },
        s.templateId,
        { fields: 'id' },
      );
      ids.push(c.id ?? '');
    }
    s.Drive.Files.update({ trashed: true }, ids[0] ?? '');
    return { ...s, ids };
  }

  it('filters on parents, trashed, name, mimeType and appProperties joined by and', () => {
    const { Drive, ids, folderId, templateId } = many();
    const names = (q: string) =>
      (Drive.Files.list({ q, fields: 'files(name)' }).files ?? []).map((f) => f.name);
    expect(names(`appProperties has { key='sdsJob' and value='J1' } and trashed = false`)).toEqual([
      'Convention 1',
      'Convention 2',
      'Convention 3',
      'Convention 4',
    ]);
    // Trashed files are listed unless the query says otherwise.
    expect(names(`appProperties has { key='sdsJob' and value='J1' }`)).toHaveLength(5);
    expect(names('trashed = true')).toEqual(['Convention 0']);
    expect(
      names(`'${folderId}' in parents and mimeType = '${DOC}' and name = 'Modèle – Convention'`),
    ).toEqual(['Modèle – Convention']);
    expect(names(`name = 'L\\'avenant'`)).toEqual([]);
    expect(ids).toHaveLength(7);
    expect(templateId).toBeTruthy();
    expect(() => Drive.Files.list({ q: 'modifiedTime > "2023"' })).toThrow(
      'API call to drive.files.list failed with error: Invalid Value',
    );
  });

  it('pages with pageSize and nextPageToken, and gives no token when fields leave it out', () => {
    const { Drive } = many();
    const q = `appProperties has { key='sdsKind' and value='convention' }`;
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = Drive.Files.list({
        q,
        pageSize: 3,
        pageToken,
        fields: 'nextPageToken,files(id,name)',
      });
      seen.push(...(page.files ?? []).map((f) => f.name ?? ''));
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Convention ${i}`));
    const noToken = Drive.Files.list({ q, pageSize: 3, fields: 'files(id)' });
    expect(noToken.files).toHaveLength(3);
    expect(noToken.nextPageToken).toBeUndefined();
  });
});

describe('Drive.Files.export', () => {
  it('returns a Blob with {alt: "media"}: PDF, HTML, plain text; nothing without it', () => {
    const { Drive, templateId } = setup();
    const exp = Drive.Files.export as unknown as (
      id: string,
      m: string,
      a?: object,
    ) => GoogleAppsScript.Base.Blob | undefined;
    const pdf = exp(templateId, 'application/pdf', { alt: 'media' });
    expect(pdf?.getContentType()).toBe('application/pdf');
    expect(pdf?.getDataAsString()).toMatch(/^%PDF-1\.4\n[\s\S]*Élève : \{\{eleve\.nom\}\}/);
    const html = exp(templateId, 'text/html', { alt: 'media' })?.getDataAsString() ?? '';
    expect(html).toMatch(
      /<body class="c\d+ doc-content"><p class="c\d+"><span class="c\d+">Élève : \{\{eleve\.nom\}\}<\/span><\/p><\/body>/,
    );
    expect(exp(templateId, 'text/plain', { alt: 'media' })?.getDataAsString()).toBe(
      '\ufeffÉlève : {{eleve.nom}}',
    );
    expect(exp(templateId, 'application/pdf')).toBeUndefined();
    expect(() => exp(templateId, 'application/zip', { alt: 'media' })).toThrow(
      'API call to drive.files.export failed with error: The requested conversion is not supported.',
    );
  });
});

describe('Drive calls are counted, take faults and survive snapshots', () => {
  it('counts under Drive.Files.<method>', () => {
    const { Drive, log, templateId, folderId } = setup();
    log.reset();
    log.failOn('Drive.Files.copy', 2);
    Drive.Files.copy({ name: 'a', parents: [folderId] }, templateId, { fields: 'id' });
    expect(() =>
      Drive.Files.copy({ name: 'b', parents: [folderId] }, templateId, { fields: 'id' }),
    ).toThrow('Service error');
    Drive.Files.get(templateId, { fields: 'id' });
    expect(log.snapshot()).toEqual({ 'Drive.Files.copy': 2, 'Drive.Files.get': 1 });
  });

  it('restores files, appProperties and documents from a snapshot', () => {
    const { Drive, services, templateId, folderId } = setup();
    const saved = JSON.parse(JSON.stringify(services.snapshot())) as ReturnType<
      typeof services.snapshot
    >;
    const copy = Drive.Files.copy(
      { name: 'x', parents: [folderId], appProperties: { sdsStage: 'S9' } },
      templateId,
      { fields: 'id' },
    );
    services.restore(saved);
    expect(() => Drive.Files.get(copy.id ?? '')).toThrow('File not found');
    expect(Drive.Files.get(templateId, { fields: 'appProperties' })).toEqual({
      appProperties: { sdsKind: 'template', sdsTemplate: 'conventionBts' },
    });
    expect(services.drive.docText(templateId)).toBe('Élève : {{eleve.nom}}');
  });
});
