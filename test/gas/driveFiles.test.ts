/**
 * The Drive adapter on the emulator's Drive v3 advanced service (globals installed on
 * globalThis, as Apps Script provides them).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from 'gas-emulator';
import { driveFiles } from '../../src/gas/driveFiles';
import { ApiFailure } from '../../src/gas/googleApiErrors';

let em: Emulator;
let uninstall: () => void;

function install(opts: Parameters<typeof createEmulator>[0] = {}) {
  uninstall?.();
  em = createEmulator(opts);
  uninstall = em.installGlobals(globalThis);
}

beforeEach(() => install());
afterEach(() => uninstall());

const TEMPLATE = '<h1>Convention</h1><p>Élève : <b>{{eleve.nom}}</b></p>';

function template() {
  const drive = driveFiles();
  const folder = drive.createFolder('Suivi des stages – Documents');
  const sub = drive.createFolder('2023-2024', folder.id);
  const doc = drive.importHtmlAsDoc('Modèle – Convention', TEMPLATE, sub.id, {
    sdsKind: 'template',
  });
  return { drive, folder, sub, doc };
}

describe('driveFiles', () => {
  it('creates folders and imports a template as a Google Doc, with its link and appProperties', () => {
    const { folder, sub, doc } = template();
    expect(folder.parents).toEqual([em.drive.rootId]);
    expect(sub).toMatchObject({
      name: '2023-2024',
      parents: [folder.id],
      trashed: false,
      appProperties: {},
    });
    expect(doc).toEqual({
      id: doc.id,
      name: 'Modèle – Convention',
      url: `https://docs.google.com/document/d/${doc.id}/edit?usp=drivesdk`,
      trashed: false,
      parents: [sub.id],
      appProperties: { sdsKind: 'template' },
    });
    expect(em.drive.docText(doc.id)).toBe('Convention\nÉlève : {{eleve.nom}}');
  });

  it('copies, lists by appProperty (every page, not the trash) and trashes', () => {
    const { drive, sub, doc } = template();
    const copies = Array.from({ length: 5 }, (_, i) =>
      drive.copyFile(doc.id, `Convention ${i}`, sub.id, { sdsKind: 'convention', sdsJob: 'J1' }),
    );
    expect(copies[0]?.appProperties).toEqual({ sdsKind: 'convention', sdsJob: 'J1' });
    drive.trashFile(copies[1]?.id ?? '');
    em.log.reset();
    const listed = drive.listByAppProperty('sdsJob', 'J1');
    expect(listed.map((f) => f.name)).toEqual([
      'Convention 0',
      'Convention 2',
      'Convention 3',
      'Convention 4',
    ]);
    expect(em.log.snapshot()).toEqual({ 'Drive.Files.list': 1 });
    expect(drive.getFile(copies[1]?.id ?? '')?.trashed).toBe(true);
    expect(drive.listByAppProperty('sdsJob', "l'autre")).toEqual([]);
    // Trashing what is already gone is not an error: the caller only wanted it out of the way.
    expect(drive.trashFile('nope')).toBe(false);
    expect(drive.trashFile(copies[2]?.id ?? '')).toBe(true);
  });

  it('follows nextPageToken to the end', () => {
    // 1,203 documents: past the daily cap, which is not what this test is about.
    install({ quotas: false });
    const { drive: d2, sub: s2, doc: t2 } = template();
    for (let i = 0; i < 1203; i++) d2.copyFile(t2.id, `C${i}`, s2.id, { sdsKind: 'convention' });
    em.log.reset();
    expect(d2.listByAppProperty('sdsKind', 'convention')).toHaveLength(1203);
    expect(em.log.count('Drive.Files.list')).toBe(2);
  });

  it('reads null for a file that does not exist or that drive.file hides', () => {
    const { drive } = template();
    const foreign = em.drive.registerForeign('Convention du lycée');
    expect(drive.getFile(foreign)).toBeNull();
    expect(drive.getFile('nope')).toBeNull();
    expect(() => drive.copyFile(foreign, 'x', em.drive.rootId, {})).toThrow(ApiFailure);
    try {
      drive.copyFile(foreign, 'x', em.drive.rootId, {});
    } catch (e) {
      expect(e).toMatchObject({ kind: 'notFound' });
    }
  });

  it('exports a PDF, stores it as a file, and exports HTML', () => {
    const { drive, sub, doc } = template();
    const pdf = drive.exportPdf(doc.id);
    expect(pdf.getContentType()).toBe('application/pdf');
    const file = drive.createFile('Convention.pdf', pdf, sub.id, { sdsKind: 'pdf' });
    expect(file).toMatchObject({
      name: 'Convention.pdf',
      parents: [sub.id],
      appProperties: { sdsKind: 'pdf' },
    });
    expect(em.drive.find(file.id)?.mimeType).toBe('application/pdf');
    expect(drive.exportHtml(doc.id)).toMatch(
      /<h1 class="c\d+"><span class="c\d+">Convention<\/span><\/h1>/,
    );
  });

  it('makes one Drive call per operation and asks only for the fields it reads', () => {
    const { drive, sub, doc } = template();
    em.log.reset();
    drive.copyFile(doc.id, 'C', sub.id, {});
    drive.getFile(doc.id);
    drive.trashFile(doc.id);
    expect(em.log.snapshot()).toEqual({
      'Drive.Files.copy': 1,
      'Drive.Files.get': 1,
      'Drive.Files.update': 1,
    });
  });

  it('rethrows what it cannot classify, as it came', () => {
    const { drive, sub, doc } = template();
    em.log.failOn('Drive.Files.copy', 1, new Error('Service error: Drive'));
    expect(() => drive.copyFile(doc.id, 'C', sub.id, {})).toThrow(
      new Error('Service error: Drive'),
    );
  });

  it('reports the daily cap as a dailyCap ApiFailure, without waiting', () => {
    install({ quotas: { docsCreatedPerDay: 3 } });
    const drive = driveFiles({
      deadlineMs: em.clock.nowMs() + 300_000,
      now: () => em.clock.nowMs(),
    });
    const folder = drive.createFolder('F');
    const doc = drive.importHtmlAsDoc('T', TEMPLATE, folder.id, {});
    drive.copyFile(doc.id, 'a', folder.id, {});
    drive.copyFile(doc.id, 'b', folder.id, {});
    const t = em.clock.nowMs();
    let failure: unknown;
    try {
      drive.copyFile(doc.id, 'c', folder.id, {});
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({
      kind: 'dailyCap',
      retryable: false,
      message: 'Service invoked too many times for one day: docs create.',
    });
    expect(em.clock.nowMs()).toBe(t);
    expect(em.log.count('Utilities.sleep')).toBe(0);
  });
});
