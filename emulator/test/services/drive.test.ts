import { describe, expect, it } from 'vitest';
import { NOT_FOUND } from '../../src/services/drive';
import { makeServices } from './testing';

describe('DriveApp', () => {
  it('creates folders and files under the root and finds them again', () => {
    const { DriveApp, MimeType } = makeServices();
    const root = DriveApp.getRootFolder();
    expect(root.getName()).toBe('My Drive');
    const folder = DriveApp.createFolder('Conventions 2023');
    expect(DriveApp.getFolderById(folder.getId()).getName()).toBe('Conventions 2023');
    expect(folder.getUrl()).toBe(`https://drive.google.com/drive/folders/${folder.getId()}`);
    const file = folder.createFile('notes.txt', 'Bonjour', MimeType.PLAIN_TEXT);
    expect(file.getMimeType()).toBe('text/plain');
    expect(file.getBlob().getDataAsString()).toBe('Bonjour');
    expect(file.getUrl()).toBe(`https://drive.google.com/file/d/${file.getId()}/view?usp=drivesdk`);
    expect(DriveApp.getFileById(file.getId()).getName()).toBe('notes.txt');
    expect(file.getParents().next().getId()).toBe(folder.getId());
    expect(root.getFolders().next().getName()).toBe('Conventions 2023');
    expect(file.getId()).toMatch(/^1[A-Za-z0-9_-]{43}$/);
  });

  it('iterates files and stops like Apps Script at the end', () => {
    const { DriveApp } = makeServices();
    const folder = DriveApp.createFolder('F');
    folder.createFile('a.txt', 'a');
    folder.createFile('b.txt', 'b');
    folder.createFile('a.txt', 'again');
    const names: string[] = [];
    const it = folder.getFiles();
    while (it.hasNext()) names.push(it.next().getName());
    expect(names).toEqual(['a.txt', 'b.txt', 'a.txt']);
    expect(() => it.next()).toThrow(
      'Cannot retrieve the next object: iterator has reached the end.',
    );
    const byName = folder.getFilesByName('a.txt');
    expect([
      byName.next().getBlob().getDataAsString(),
      byName.next().getBlob().getDataAsString(),
    ]).toEqual(['a', 'again']);
  });

  it('throws the real message for an unknown id', () => {
    const { DriveApp } = makeServices();
    expect(NOT_FOUND).toBe(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
    expect(() => DriveApp.getFileById('nope')).toThrow(NOT_FOUND);
    expect(() => DriveApp.getFolderById('nope')).toThrow(NOT_FOUND);
    const folder = DriveApp.createFolder('x');
    expect(() => DriveApp.getFileById(folder.getId())).toThrow(NOT_FOUND);
  });

  it('copies files, by default beside the original, or into a folder', () => {
    const { DriveApp } = makeServices();
    const a = DriveApp.createFolder('A');
    const b = DriveApp.createFolder('B');
    const f = a.createFile('modèle.txt', 'texte');
    const copy1 = f.makeCopy();
    expect(copy1.getName()).toBe('Copy of modèle.txt');
    expect(copy1.getParents().next().getId()).toBe(a.getId());
    const copy2 = f.makeCopy('Convention Léa', b);
    expect(copy2.getName()).toBe('Convention Léa');
    expect(copy2.getParents().next().getName()).toBe('B');
    expect(copy2.getBlob().getDataAsString()).toBe('texte');
    const copy3 = f.makeCopy(b);
    expect(copy3.getParents().next().getName()).toBe('B');
  });

  it('trashes files: hidden from listings, still reachable by id', () => {
    const { DriveApp } = makeServices();
    const folder = DriveApp.createFolder('F');
    const f = folder.createFile('a.txt', 'a');
    f.setTrashed(true);
    expect(f.isTrashed()).toBe(true);
    expect(folder.getFiles().hasNext()).toBe(false);
    expect(DriveApp.getFileById(f.getId()).isTrashed()).toBe(true);
  });

  it('stores blobs and converts to PDF', () => {
    const { DriveApp, Utilities } = makeServices();
    const folder = DriveApp.createFolder('F');
    const f = folder.createFile(Utilities.newBlob('contenu', 'text/plain', 'c.txt'));
    expect(f.getName()).toBe('c.txt');
    const pdf = f.getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('c.pdf');
    expect(pdf.getDataAsString()).toContain('contenu');
    const saved = folder.createFile(pdf);
    expect(saved.getMimeType()).toBe('application/pdf');
  });

  it('adds a file to another folder and moves it', () => {
    const { DriveApp } = makeServices();
    const a = DriveApp.createFolder('A');
    const b = DriveApp.createFolder('B');
    const f = a.createFile('x', '1');
    b.addFile(f);
    expect(b.getFiles().next().getId()).toBe(f.getId());
    f.moveTo(DriveApp.getRootFolder());
    expect(a.getFiles().hasNext()).toBe(false);
    expect(DriveApp.getRootFolder().getFilesByName('x').hasNext()).toBe(true);
  });

  it('has the MimeType values of Apps Script', () => {
    const { MimeType } = makeServices();
    expect(MimeType.GOOGLE_DOCS).toBe('application/vnd.google-apps.document');
    expect(MimeType.GOOGLE_SHEETS).toBe('application/vnd.google-apps.spreadsheet');
    expect(MimeType.FOLDER).toBe('application/vnd.google-apps.folder');
    expect(MimeType.PDF).toBe('application/pdf');
  });

  it('snapshots as JSON and restores', () => {
    const { DriveApp, services } = makeServices();
    const f = DriveApp.createFolder('A').createFile('x.txt', 'contenu');
    const snap = JSON.parse(JSON.stringify(services.snapshot()));
    f.setName('changed');
    DriveApp.createFolder('B');
    services.restore(snap);
    expect(DriveApp.getFileById(f.getId()).getName()).toBe('x.txt');
    expect(DriveApp.getFoldersByName('B').hasNext()).toBe(false);
    // The id generator is restored too: no id is handed out twice.
    expect(DriveApp.createFolder('C').getId()).not.toBe(f.getId());
  });

  it('counts the calls scripts make, not the emulator’s own', () => {
    const { DriveApp, log } = makeServices();
    const folder = DriveApp.createFolder('F');
    const f = folder.createFile('a', 'b');
    f.makeCopy('c', folder);
    expect(log.snapshot()).toEqual({
      'DriveApp.createFolder': 1,
      'File.makeCopy': 1,
      'Folder.createFile': 1,
    });
  });
});
