/**
 * The Docs advanced service on the structural model. The shapes follow the Docs API reference
 * (Document, StructuralElement, BatchUpdateDocumentResponse); the in-order, all-or-nothing
 * application of a batch is the API's documented behaviour ("if any request is not valid, the
 * entire request will fail and nothing will be applied").
 */
import { describe, expect, it } from 'vitest';
import { jsonText } from '../../src/services/docs-api';
import { makeServices } from './testing';

const HTML =
  '<h1 style="text-align:center">Convention {{eleve.nom}}</h1>' +
  '<p>Élève : <b>{{eleve.nom}}</b> ({{eleve.classe}})</p>' +
  '<table><tr><td>SIRET</td><td><i>{{entreprise.siret}}</i></td></tr></table>' +
  '<p style="page-break-before:always">Fin</p>';

function importedDoc(html = HTML) {
  const s = makeServices();
  const blob = s.Utilities.newBlob(html, 'text/html', 'modele.html');
  const file = s.Drive.Files.create(
    { name: 'Modèle', mimeType: 'application/vnd.google-apps.document' },
    blob,
    { fields: 'id' },
  );
  return { ...s, id: file.id ?? '' };
}

const replace = (text: string, replaceText: string, matchCase = true) => ({
  replaceAllText: { containsText: { text, matchCase }, replaceText },
});

describe('Docs.Documents.get', () => {
  it('returns the API shape: section break, paragraphs of runs, tables, page breaks, indexes', () => {
    const { Docs, id } = importedDoc();
    const doc = Docs.Documents.get(id);
    const content = doc.body?.content ?? [];
    expect(content[0]).toEqual({
      endIndex: 1,
      sectionBreak: {
        sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT' },
      },
    });
    expect(content[1]).toEqual({
      startIndex: 1,
      endIndex: 26,
      paragraph: {
        elements: [
          {
            startIndex: 1,
            endIndex: 26,
            textRun: { content: 'Convention {{eleve.nom}}\n', textStyle: {} },
          },
        ],
        paragraphStyle: {
          namedStyleType: 'HEADING_1',
          direction: 'LEFT_TO_RIGHT',
          alignment: 'CENTER',
        },
      },
    });
    const runs = content[2]?.paragraph?.elements?.map((e) => [
      e.startIndex,
      e.textRun?.content,
      e.textRun?.textStyle,
    ]);
    expect(runs).toEqual([
      [26, 'Élève : ', {}],
      [34, '{{eleve.nom}}', { bold: true }],
      [47, ' ({{eleve.classe}})\n', {}],
    ]);
    // A table: one index at its start, one per row and per cell, one at its end.
    const table = content[3];
    expect(table?.startIndex).toBe(67);
    expect(table?.table?.rows).toBe(1);
    expect(table?.table?.columns).toBe(2);
    const cells = table?.table?.tableRows?.[0]?.tableCells ?? [];
    expect(cells.map((c) => [c.startIndex, c.endIndex])).toEqual([
      [69, 76],
      [76, 98],
    ]);
    expect(cells[1]?.content?.[0]?.paragraph?.elements?.[0]?.textRun).toEqual({
      content: '{{entreprise.siret}}\n',
      textStyle: { italic: true },
    });
    expect(table?.endIndex).toBe(99);
    expect(content[4]).toMatchObject({ startIndex: 99, endIndex: 100 });
    expect(content[5]?.paragraph?.elements?.[0]).toEqual({
      startIndex: 100,
      endIndex: 101,
      pageBreak: { textStyle: {} },
    });
    expect(jsonText(doc)).toBe(
      'Convention {{eleve.nom}}\nÉlève : {{eleve.nom}} ({{eleve.classe}})\nSIRET\n{{entreprise.siret}}\n\n\nFin\n',
    );
  });

  it('answers 404 for an unknown id and 403 for a file the app was never given', () => {
    const { Docs, services } = makeServices();
    expect(() => Docs.Documents.get('nope')).toThrow(
      'API call to docs.documents.get failed with error: Requested entity was not found.',
    );
    const foreign = services.drive.registerForeign('Modèle du lycée');
    expect(() => Docs.Documents.get(foreign)).toThrow(
      'API call to docs.documents.get failed with error: The caller does not have permission',
    );
  });

  it('creates an empty document with a title', () => {
    const { Docs, services } = makeServices();
    const doc = Docs.Documents.create({ title: 'Vide' });
    expect(doc.title).toBe('Vide');
    expect(services.drive.docText(doc.documentId ?? '')).toBe('');
  });
});

describe('Docs.Documents.batchUpdate', () => {
  it('replaces every occurrence, in tables too, keeping the style of the first replaced character', () => {
    const { Docs, services, id } = importedDoc();
    const res = Docs.Documents.batchUpdate(
      {
        requests: [
          replace('{{eleve.nom}}', 'ACAR Laurie'),
          replace('{{entreprise.siret}}', '123 456 789 00012'),
          replace('{{absent}}', 'x'),
        ],
      },
      id,
    );
    expect(res).toEqual({
      documentId: id,
      replies: [
        { replaceAllText: { occurrencesChanged: 2 } },
        { replaceAllText: { occurrencesChanged: 1 } },
        { replaceAllText: {} },
      ],
    });
    expect(services.drive.docText(id)).toBe(
      'Convention ACAR Laurie\nÉlève : ACAR Laurie ({{eleve.classe}})\nSIRET\n123 456 789 00012\n\nFin',
    );
    const model = services.drive.docModel(id);
    expect(model[1]).toMatchObject({
      runs: [
        { text: 'Élève : ', style: {} },
        { text: 'ACAR Laurie', style: { bold: true } },
        { text: ' ({{eleve.classe}})', style: {} },
      ],
    });
    expect(model[0]).toMatchObject({ style: 'HEADING_1', alignment: 'CENTER' });
  });

  it('applies requests in order: a value holding a placeholder is replaced by a later request', () => {
    const { Docs, services, id } = importedDoc('<p>{{a}} / {{b}}</p>');
    Docs.Documents.batchUpdate(
      { requests: [replace('{{a}}', '{{b}}'), replace('{{b}}', 'B')] },
      id,
    );
    expect(services.drive.docText(id)).toBe('B / B');
  });

  it('matches literally, with or without case', () => {
    const { Docs, services, id } = importedDoc('<p>Prix $1 (x.y) {{Nom}} {{nom}}</p>');
    const res = Docs.Documents.batchUpdate(
      { requests: [replace('(x.y)', '$&'), replace('{{NOM}}', 'Léa', false), replace('$1', '€')] },
      id,
    );
    expect(res.replies?.map((r) => r.replaceAllText?.occurrencesChanged)).toEqual([1, 2, 1]);
    expect(services.drive.docText(id)).toBe('Prix € $& Léa Léa');
  });

  it('starts a new paragraph, with the same paragraph style, at each "\\n" of a replacement', () => {
    const { Docs, services, id } = importedDoc(
      '<h2 style="text-align:right">Adresse : <b>{{adresse}}</b> fin</h2>',
    );
    Docs.Documents.batchUpdate({ requests: [replace('{{adresse}}', '1 rue A\n75001 Paris')] }, id);
    const model = services.drive.docModel(id);
    expect(model.slice(0, 2)).toEqual([
      {
        kind: 'paragraph',
        style: 'HEADING_2',
        alignment: 'END',
        runs: [
          { text: 'Adresse : ', style: {} },
          { text: '1 rue A', style: { bold: true } },
        ],
      },
      {
        kind: 'paragraph',
        style: 'HEADING_2',
        alignment: 'END',
        runs: [
          { text: '75001 Paris', style: { bold: true } },
          { text: ' fin', style: {} },
        ],
      },
    ]);
  });

  it('is all or nothing: an invalid request applies nothing and names its index', () => {
    const { Docs, services, id } = importedDoc('<p>{{a}}</p>');
    const before = services.drive.doc(id)?.revision;
    expect(() =>
      Docs.Documents.batchUpdate(
        {
          requests: [
            replace('{{a}}', 'A'),
            replace('{{a}}', 'B'),
            replace('{{a}}', 'C'),
            { replaceAllText: { containsText: { text: '', matchCase: true }, replaceText: 'x' } },
          ],
        },
        id,
      ),
    ).toThrow(
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[3].replaceAllText: ',
    );
    expect(services.drive.docText(id)).toBe('{{a}}');
    expect(services.drive.doc(id)?.revision).toBe(before);
    expect(() =>
      Docs.Documents.batchUpdate({ requests: [{ createParagraphBullets: {} }] }, id),
    ).toThrow('Invalid requests[0]: createParagraphBullets is not supported by the emulator.');
  });

  it('inserts text with the style before it, and deletes a range inside a paragraph', () => {
    const { Docs, services, id } = importedDoc('<p><b>Bonjour</b> Léa</p>');
    Docs.Documents.batchUpdate(
      {
        requests: [
          { insertText: { text: ' et\nau revoir', endOfSegmentLocation: {} } },
          { insertText: { text: '!', location: { index: 8 } } },
          { deleteContentRange: { range: { startIndex: 1, endIndex: 4 } } },
        ],
      },
      id,
    );
    expect(services.drive.docText(id)).toBe('jour! Léa et\nau revoir');
    expect(services.drive.docModel(id)[0]).toMatchObject({
      runs: [
        { text: 'jour!', style: { bold: true } },
        { text: ' Léa et', style: {} },
      ],
    });
    expect(() =>
      Docs.Documents.batchUpdate(
        { requests: [{ insertText: { text: 'x', location: { index: 500 } } }] },
        id,
      ),
    ).toThrow(
      'Invalid requests[0].insertText: Index 500 must be less than the end index of the referenced segment, 24.',
    );
  });

  it('counts as Docs.Documents.batchUpdate and takes injected faults', () => {
    const { Docs, log, id, services } = importedDoc('<p>{{a}}</p>');
    log.reset();
    log.failOn('Docs.Documents.batchUpdate', 1, new Error('Service error: Docs'));
    expect(() => Docs.Documents.batchUpdate({ requests: [replace('{{a}}', 'A')] }, id)).toThrow(
      'Service error: Docs',
    );
    expect(services.drive.docText(id)).toBe('{{a}}');
    Docs.Documents.batchUpdate({ requests: [replace('{{a}}', 'A')] }, id);
    expect(log.snapshot()).toEqual({ 'Docs.Documents.batchUpdate': 2 });
  });
});

describe('snapshots', () => {
  it('reads a snapshot made when a document was one string per paragraph', () => {
    const { services, DocumentApp } = makeServices();
    const doc = DocumentApp.create('Ancien');
    const saved = services.snapshot();
    const legacy = {
      ...saved,
      drive: {
        ...saved.drive,
        docs: { [doc.getId()]: { paragraphs: ['Un', 'Deux'], revision: 3 } },
      },
    } as unknown as typeof saved;
    services.restore(legacy);
    expect(services.drive.docText(doc.getId())).toBe('Un\nDeux');
    expect(services.drive.doc(doc.getId())?.revision).toBe(3);
  });
});
