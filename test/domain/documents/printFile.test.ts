import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  buildPrintFile,
  copyHolder,
  scopeCss,
  stylesOf,
} from '../../../src/domain/documents/printFile';

/** The shape of a Google Docs HTML export. */
function exported(text: string, color: string): string {
  return (
    '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">' +
    `<style type="text/css">@import url('https://themes.googleusercontent.com/fonts/css?kit=abc');` +
    `.c1{color:${color};font-weight:700}.c2{padding:72pt;max-width:451pt}p{margin:0}` +
    'body{font-family:"Arial"}@page{margin:1cm}</style></head>' +
    `<body class="c2 doc-content"><p class="c1"><span>${text}</span></p>` +
    '<script>alert(1)</script></body></html>'
  );
}

const A = { name: 'Convention – A', html: exported('Convention de A', '#ff0000') };
const B = { name: 'Convention – B', html: exported('Convention de B', '#0000ff') };

function sections(html: string): string[] {
  return [...html.matchAll(/<section\b[^>]*>/g)].map((m) => m[0]);
}

describe('buildPrintFile', () => {
  it('puts each document in 3 copies by default, each headed by its holder', () => {
    const html = buildPrintFile([A, B]);
    const holders = [...html.matchAll(/<p class="sds-holder">([^<]*)<\/p>/g)].map((m) => m[1]);
    expect(holders).toEqual([
      'Exemplaire entreprise',
      'Exemplaire stagiaire',
      'Exemplaire établissement',
      'Exemplaire entreprise',
      'Exemplaire stagiaire',
      'Exemplaire établissement',
    ]);
    expect(html.split('Convention de A')).toHaveLength(4);
    expect(html.split('Convention de B')).toHaveLength(4);
  });

  it('starts every copy but the first on a new page', () => {
    const s = sections(buildPrintFile([A, B], { copies: 2 }));
    expect(s).toHaveLength(4);
    expect(s[0]).not.toContain('page-break-before');
    for (const x of s.slice(1)) expect(x).toContain('style="page-break-before:always"');
  });

  it.each([
    [1, ['Exemplaire entreprise']],
    [
      5,
      [
        'Exemplaire entreprise',
        'Exemplaire stagiaire',
        'Exemplaire établissement',
        'Exemplaire 4',
        'Exemplaire 5',
      ],
    ],
    [0, ['Exemplaire entreprise']],
  ])('%d copies', (copies, holders) => {
    const html = buildPrintFile([A], { copies });
    expect([...html.matchAll(/<p class="sds-holder">([^<]*)<\/p>/g)].map((m) => m[1])).toEqual(
      holders,
    );
  });

  it('drops scripts', () => {
    expect(buildPrintFile([A, B])).not.toMatch(/<script|alert\(1\)/);
  });

  it('scopes each document’s styles to its own copies, so a class means what its document says', () => {
    const html = buildPrintFile([A, B], { copies: 1 });
    expect(html).toContain('.sds-doc-1 .c1{color:#ff0000;font-weight:700}');
    expect(html).toContain('.sds-doc-2 .c1{color:#0000ff;font-weight:700}');
    expect(html).toContain('.sds-doc-1{font-family:"Arial"}');
    expect(html).toContain('<section class="sds-copy sds-doc-1"');
    expect(html).toContain('<div class="c2 doc-content"><p class="c1">');
    expect(html).not.toContain('@page');
    // The font import, shared, once and first.
    expect(html.match(/@import/g)).toHaveLength(1);
    expect(html.indexOf('@import')).toBeLessThan(html.indexOf('.sds-doc-1'));
  });

  it('is one HTML document with a title, names escaped', () => {
    const html = buildPrintFile([{ name: 'a"<b>', html: '<p>x</p>' }], { title: 'Impression <1>' });
    expect(html.startsWith('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">')).toBe(
      true,
    );
    expect(html).toContain('<title>Impression &lt;1&gt;</title>');
    expect(html).toContain('data-document="a&quot;&lt;b&gt;"');
    expect(html.match(/<body/g)).toHaveLength(1);
    expect(html.endsWith('</body></html>')).toBe(true);
  });

  it('an empty selection is an empty printable file', () => {
    expect(sections(buildPrintFile([]))).toEqual([]);
  });
});

describe('the export’s parts', () => {
  it('bodyOf: the body’s content and classes', () => {
    expect(bodyOf(A.html)).toEqual({
      content: '<p class="c1"><span>Convention de A</span></p>',
      className: 'c2 doc-content',
    });
  });

  it('bodyOf: a fragment without body', () => {
    expect(bodyOf('<style>p{}</style><p>x</p><script>y</script>')).toEqual({
      content: '<p>x</p>',
      className: '',
    });
  });

  it('stylesOf joins every style element', () => {
    expect(stylesOf('<style>a{}</style><p></p><style media="print">b{}</style>')).toBe('a{}\nb{}');
  });

  it('scopeCss: selectors lists, body, @media, comments, strings with braces', () => {
    const css =
      '/* c */ h1, .c3 > span{x:1} html body .c4{y:2} @media print{.c5{z:3}} ' +
      '.c6:before{content:"{}"} @font-face{font-family:X} @keyframes k{from{a:1}}';
    expect(scopeCss(css, '.s')).toEqual({
      rules: [
        '.s h1,.s .c3 > span{x:1}',
        '.s .c4{y:2}',
        '@media print{.s .c5{z:3}}',
        '.s .c6:before{content:"{}"}',
      ].join('\n'),
      shared: ['@font-face{font-family:X}'],
    });
  });

  it('copyHolder', () => {
    expect([0, 1, 2, 3, 9].map(copyHolder)).toEqual([
      'Exemplaire entreprise',
      'Exemplaire stagiaire',
      'Exemplaire établissement',
      'Exemplaire 4',
      'Exemplaire 10',
    ]);
  });
});
