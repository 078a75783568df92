import { describe, expect, it } from 'vitest';
import { exportHtml, exportText, importHtml, renderHtml } from '../../src/services/doc-html';
import { docText, type Block, type ParagraphNode } from '../../src/services/doc-model';

const paragraphs = (blocks: Block[]) =>
  blocks.filter((b): b is ParagraphNode => b.kind === 'paragraph');

describe('HTML imported as a Google Doc', () => {
  it('reads headings, paragraphs, inline styles and alignment', () => {
    const blocks = importHtml(
      '<html><head><title>x</title><style>p{color:red}</style></head><body>' +
        '<h1 style="text-align:center">Convention   de stage</h1>' +
        '<p>Élève : <b>{{eleve.nom}}</b> <i>né</i> le <u>{{eleve.date_naissance}}</u></p>' +
        '<p style="text-align:justify"><span style="font-weight:bold;font-size:14pt">Article 1</span> &ndash; objet</p>' +
        '<h2>Sous-titre</h2><h3>Section</h3><p></p>' +
        '</body></html>',
    );
    const ps = paragraphs(blocks);
    expect(ps.map((p) => p.style)).toEqual([
      'HEADING_1',
      'NORMAL_TEXT',
      'NORMAL_TEXT',
      'HEADING_2',
      'HEADING_3',
      'NORMAL_TEXT',
    ]);
    expect(ps[0]).toMatchObject({ alignment: 'CENTER', runs: [{ text: 'Convention de stage' }] });
    expect(ps[1]?.runs).toEqual([
      { text: 'Élève : ', style: {} },
      { text: '{{eleve.nom}}', style: { bold: true } },
      { text: ' ', style: {} },
      { text: 'né', style: { italic: true } },
      { text: ' le ', style: {} },
      { text: '{{eleve.date_naissance}}', style: { underline: true } },
    ]);
    expect(ps[2]).toMatchObject({
      alignment: 'JUSTIFIED',
      runs: [
        { text: 'Article 1', style: { bold: true, fontSize: 14 } },
        { text: ' – objet', style: {} },
      ],
    });
    expect(ps[5]?.runs).toEqual([]);
  });

  it('reads lists, tables (th in bold), line breaks and page breaks', () => {
    const blocks = importHtml(
      '<ul><li>un</li><li>deux</li></ul><ol><li>premier</li></ol>' +
        '<table><tr><th>Nom</th><td><p>A</p><p>B</p></td></tr><tr><td></td><td>x<br>y</td></tr></table>' +
        '<p style="page-break-before:always">Annexe</p><div style="break-before:page">Fin</div>',
    );
    expect(blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'table',
      'paragraph',
      'pageBreak',
      'paragraph',
      'pageBreak',
      'paragraph',
    ]);
    expect(paragraphs(blocks).map((p) => p.bullet)).toEqual([
      'BULLET',
      'BULLET',
      'NUMBER',
      undefined,
      undefined,
      undefined,
    ]);
    const table = blocks[3];
    if (table?.kind !== 'table') throw new Error('no table');
    expect(
      table.rows.map((r) => r.map((c) => c.map((p) => p.runs.map((x) => x.text).join('')))),
    ).toEqual([
      [['Nom'], ['A', 'B']],
      [[''], ['x', 'y']],
    ]);
    expect(table.rows[0]?.[0]?.[0]?.runs[0]?.style).toEqual({ bold: true });
    // Docs follows a table with a paragraph.
    expect(blocks[4]).toMatchObject({ kind: 'paragraph', runs: [] });
    expect(docText(blocks)).toBe('un\ndeux\npremier\nNom\nA\nB\n\nx\ny\n\nAnnexe\nFin');
  });

  it('decodes entities and collapses white space as a browser does', () => {
    const blocks = importHtml('<p>  a&amp;b\n   &lt;c&gt; &#233;&#x20AC;&nbsp;!  </p>');
    expect(docText(blocks)).toBe('a&b <c> é€\u00a0!');
  });

  it('exports a page with styles as classes, and plain text with a BOM and CRLF', () => {
    const blocks = importHtml(
      '<h1>T</h1><p><b>gras</b> & <i>it</i></p><table><tr><td>c</td></tr></table>',
    );
    const html = exportHtml('Convention', blocks);
    expect(html).toMatch(/^<html><head><meta content="text\/html; charset=UTF-8"/);
    expect(html).toContain('<body class="');
    expect(html).toMatch(/<h1 class="c\d+"><span class="c\d+">T<\/span><\/h1>/);
    expect(html).toMatch(/\.c\d+\{font-weight:700;font-style:normal;text-decoration:none\}/);
    expect(html).toContain('&amp;');
    expect(html).toContain('<table');
    expect(exportText(blocks)).toBe('\ufeffT\r\ngras & it\r\nc\r\n');
    expect(renderHtml(blocks)).toContain(
      '<span style="font-weight:700;font-style:normal;text-decoration:none">gras</span>',
    );
  });
});

describe('nested blocks', () => {
  it('makes one paragraph of <li><p>…</p></li> and <div><h2>…</h2></div>', () => {
    const blocks = importHtml(
      '<ul><li><p>un</p></li></ul><div style="text-align:center"><h2>Titre</h2></div><div><p>a</p><p>b</p></div>',
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        style: 'NORMAL_TEXT',
        bullet: 'BULLET',
        runs: [{ text: 'un', style: {} }],
      },
      {
        kind: 'paragraph',
        style: 'HEADING_2',
        alignment: 'CENTER',
        runs: [{ text: 'Titre', style: {} }],
      },
      { kind: 'paragraph', style: 'NORMAL_TEXT', runs: [{ text: 'a', style: {} }] },
      { kind: 'paragraph', style: 'NORMAL_TEXT', runs: [{ text: 'b', style: {} }] },
    ]);
  });
});
