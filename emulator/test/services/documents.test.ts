import { describe, expect, it } from 'vitest';
import { DOCUMENT_MISSING } from '../../src/services/documents';
import { makeServices } from './testing';

describe('DocumentApp', () => {
  it('creates a Google Doc in Drive and edits its body', () => {
    const { DocumentApp, DriveApp, MimeType } = makeServices();
    const doc = DocumentApp.create('Modèle convention');
    const file = DriveApp.getFileById(doc.getId());
    expect(file.getMimeType()).toBe(MimeType.GOOGLE_DOCS);
    expect(doc.getUrl()).toBe(
      `https://docs.google.com/document/d/${doc.getId()}/edit?usp=drivesdk`,
    );
    const body = doc.getBody();
    expect(body.getText()).toBe('');
    body.setText('Convention de stage');
    body.appendParagraph('Élève : {{ELEVE}}');
    body.appendParagraph('Entreprise : {{ENTREPRISE}}');
    expect(body.getParagraphs().map((p) => p.getText())).toEqual([
      'Convention de stage',
      'Élève : {{ELEVE}}',
      'Entreprise : {{ENTREPRISE}}',
    ]);
    body.replaceText('\\{\\{ELEVE\\}\\}', 'Léa $1 Martin');
    expect(body.getText()).toBe(
      'Convention de stage\nÉlève : Léa $1 Martin\nEntreprise : {{ENTREPRISE}}',
    );
    doc.saveAndClose();
    expect(DocumentApp.openById(doc.getId()).getName()).toBe('Modèle convention');
  });

  it('fails to open what is not a document', () => {
    const { DocumentApp, DriveApp } = makeServices();
    expect(() => DocumentApp.openById('nope')).toThrow(DOCUMENT_MISSING);
    const txt = DriveApp.createFile('a.txt', 'x');
    expect(() => DocumentApp.openById(txt.getId())).toThrow(
      "Document is missing (perhaps it was deleted, or you don't have read access?)",
    );
  });

  it('exports a document as PDF', () => {
    const { DocumentApp, DriveApp } = makeServices();
    const doc = DocumentApp.create('Convention Léa');
    doc.getBody().setText('Texte signé');
    const pdf = DriveApp.getFileById(doc.getId()).getAs('application/pdf');
    expect(pdf.getName()).toBe('Convention Léa.pdf');
    expect(pdf.getDataAsString()).toContain('Texte signé');
  });
});

describe('Docs advanced service', () => {
  it('shares the text with DocumentApp and replaces all occurrences', () => {
    const { DocumentApp, DriveApp, Docs } = makeServices();
    const template = DocumentApp.create('Modèle');
    template.getBody().setText('{{NOM}} est en stage.\n{{nom}} et {{NOM}}.');
    const copy = DriveApp.getFileById(template.getId()).makeCopy('Convention Léa');
    const res = Docs.Documents.batchUpdate(
      {
        requests: [
          {
            replaceAllText: {
              containsText: { text: '{{NOM}}', matchCase: true },
              replaceText: 'Léa',
            },
          },
          {
            replaceAllText: {
              containsText: { text: '{{ABSENT}}', matchCase: true },
              replaceText: 'x',
            },
          },
          { replaceAllText: { containsText: { text: '{{nom}}' }, replaceText: 'Tom' } },
        ],
      },
      copy.getId(),
    );
    // Zero occurrences: proto3 JSON leaves occurrencesChanged out.
    expect(res.replies).toEqual([
      { replaceAllText: { occurrencesChanged: 2 } },
      { replaceAllText: {} },
      { replaceAllText: { occurrencesChanged: 1 } },
    ]);
    expect(DocumentApp.openById(copy.getId()).getBody().getText()).toBe(
      'Léa est en stage.\nTom et Léa.',
    );
    expect(DocumentApp.openById(template.getId()).getBody().getText()).toContain('{{NOM}}');
    const json = Docs.Documents.get(copy.getId());
    expect(json.title).toBe('Convention Léa');
    const runs = (json.body?.content ?? []).flatMap((e) =>
      (e.paragraph?.elements ?? []).map((el) => el.textRun?.content),
    );
    expect(runs).toEqual(['Léa est en stage.\n', 'Tom et Léa.\n']);
    expect(json.body?.content?.[1]).toMatchObject({ startIndex: 1, endIndex: 19 });
  });

  it('applies a batch all or nothing', () => {
    const { DocumentApp, Docs } = makeServices();
    const doc = DocumentApp.create('D');
    doc.getBody().setText('A');
    expect(() =>
      Docs.Documents.batchUpdate(
        {
          requests: [
            { replaceAllText: { containsText: { text: 'A' }, replaceText: 'B' } },
            { replaceAllText: { containsText: { text: '' }, replaceText: 'C' } },
          ],
        },
        doc.getId(),
      ),
    ).toThrow(/^API call to docs\.documents\.batchUpdate failed with error: Invalid requests\[1\]/);
    expect(doc.getBody().getText()).toBe('A');
  });

  it('inserts text and reports missing documents', () => {
    const { DocumentApp, Docs } = makeServices();
    const doc = DocumentApp.create('D');
    doc.getBody().setText('Bonjour');
    Docs.Documents.batchUpdate(
      {
        requests: [
          { insertText: { text: ' Léa', endOfSegmentLocation: {} } },
          { insertText: { text: '» ', location: { index: 1 } } },
        ],
      },
      doc.getId(),
    );
    expect(doc.getBody().getText()).toBe('» Bonjour Léa');
    expect(() => Docs.Documents.get('nope')).toThrow(
      'API call to docs.documents.get failed with error: Requested entity was not found.',
    );
  });

  it('counts a convention as copy + one batchUpdate', () => {
    const { DocumentApp, DriveApp, Docs, log, services } = makeServices();
    const template = DocumentApp.create('Modèle');
    const folder = DriveApp.createFolder('Conventions');
    const file = DriveApp.getFileById(template.getId());
    log.reset();
    const copy = file.makeCopy('Convention', folder);
    Docs.Documents.batchUpdate({ requests: [] }, copy.getId());
    expect(log.snapshot()).toEqual({
      'Docs.Documents.batchUpdate': 1,
      'File.getId': 1,
      'File.makeCopy': 1,
    });
    expect(services.drive.text(services.drive.get(copy.getId(), 'file'))).toBe('');
  });
});
