import { describe, expect, it } from 'vitest';
import { readHtmlOutput } from '../../src/services/html';
import { makeServices } from './testing';

const files = {
  Sidebar: '<h1>Suivi</h1>',
  Page: '<p><?= title ?></p><p><?!= raw ?></p><? for (var i = 0; i < n; i++) { ?><i><?= i ?></i><? } ?>',
};

describe('HtmlService', () => {
  it('builds outputs', () => {
    const { HtmlService, log } = makeServices();
    const out = HtmlService.createHtmlOutput('<b>a</b>')
      .setTitle('Stages')
      .setWidth(300)
      .setHeight(200)
      .append('<i>b</i>')
      .appendUntrusted('<script>x</script>');
    expect(out.getContent()).toBe('<b>a</b><i>b</i>&lt;script&gt;x&lt;/script&gt;');
    expect(out.getTitle()).toBe('Stages');
    expect(out.getWidth()).toBe(300);
    expect(out.setContent('x').getContent()).toBe('x');
    expect(HtmlService.createHtmlOutput().getContent()).toBe('');
    expect(log.count('HtmlOutput.setTitle')).toBe(1);
    expect(
      out
        .setSandboxMode(HtmlService.SandboxMode.IFRAME)
        .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
        .addMetaTag('viewport', 'width=device-width')
        .getMetaTags()[0]
        ?.getName(),
    ).toBe('viewport');
    expect(() => out.addMetaTag('author', 'x')).toThrow('Invalid argument: name');
  });

  it('reads project files and fails like Apps Script when one is missing', () => {
    const { HtmlService } = makeServices({ htmlFiles: files });
    expect(HtmlService.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<h1>Suivi</h1>');
    expect(HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe(
      '<h1>Suivi</h1>',
    );
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow(
      'No HTML file named Nope was found.',
    );
    // A file is not a template: scriptlets stay as they are.
    expect(HtmlService.createHtmlOutputFromFile('Page').getContent()).toContain('<?= title ?>');
  });

  it('evaluates templates: escaped, raw and code scriptlets with template variables', () => {
    const { HtmlService } = makeServices({ htmlFiles: files });
    const t = HtmlService.createTemplateFromFile('Page');
    t.title = '<Léa & "Tom">';
    t.raw = '<b>ok</b>';
    t.n = 2;
    expect(t.evaluate().getContent()).toBe(
      '<p>&lt;Léa &amp; &quot;Tom&quot;&gt;</p><p><b>ok</b></p><i>0</i><i>1</i>',
    );
    const inline = HtmlService.createTemplate('<? output.append("A"); ?>B<?= null ?>');
    expect(inline.evaluate().getContent()).toBe('BA');
    expect(inline.getRawContent()).toContain('output.append');
  });

  it('lets the emulator read an output without counting', () => {
    const { HtmlService, log } = makeServices();
    const out = HtmlService.createHtmlOutput('<p>x</p>').setTitle('T');
    const before = log.total();
    expect(readHtmlOutput(out)).toEqual({ title: 'T', content: '<p>x</p>' });
    expect(log.total()).toBe(before);
  });
});
