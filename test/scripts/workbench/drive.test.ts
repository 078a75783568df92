/**
 * The workbench's view of the emulated Drive (no browser): which addresses are Drive files, what
 * a cell links to, a document drawn as a page with its text escaped, and the folder tree.
 */
import { createEmulator } from 'gas-emulator';
import { describe, expect, it } from 'vitest';
import { driveFilePage, driveIdOf, driveTree, linkOfCell } from '../../../scripts/workbench/drive';

describe('Drive addresses', () => {
  it('finds the file ID in the addresses Drive and Docs give', () => {
    expect(driveIdOf('https://docs.google.com/document/d/1AbC_d-9/edit?usp=drivesdk')).toBe(
      '1AbC_d-9',
    );
    expect(driveIdOf('https://drive.google.com/file/d/XyZ/view')).toBe('XyZ');
    expect(driveIdOf('https://drive.google.com/drive/folders/F0ld3r')).toBe('F0ld3r');
    expect(driveIdOf('https://drive.google.com/open?id=Q1')).toBe('Q1');
    expect(driveIdOf('https://example.org/document/d/1AbC/edit')).toBeNull();
    expect(driveIdOf('pas une adresse')).toBeNull();
  });

  it('reads what a cell links to: its link, a HYPERLINK formula, or an address typed', () => {
    expect(
      linkOfCell('Convention – ACAR Laurie', 'https://docs.google.com/document/d/A/edit'),
    ).toBe('https://docs.google.com/document/d/A/edit');
    expect(
      linkOfCell(
        'Convention',
        undefined,
        '=HYPERLINK("https://docs.google.com/document/d/B/edit";"Convention")',
      ),
    ).toBe('https://docs.google.com/document/d/B/edit');
    expect(linkOfCell(' https://docs.google.com/document/d/C/edit ')).toBe(
      'https://docs.google.com/document/d/C/edit',
    );
    expect(linkOfCell('voir https://x.example plus tard')).toBe('');
    expect(linkOfCell('')).toBe('');
  });
});

describe('the emulated Drive as pages', () => {
  it('draws a Google Doc with its text escaped, and lists it under its folder', () => {
    const em = createEmulator();
    const { DriveApp, DocumentApp } = em.globals;
    const folder = DriveApp.createFolder('Suivi des stages – Documents');
    const doc = DocumentApp.create('Convention – ACAR Laurie');
    doc.getBody().appendParagraph('Élève : ACAR Laurie <script>alert(1)</script> & Cie');
    doc.saveAndClose();
    DriveApp.getFileById(doc.getId()).moveTo(folder);

    const page = driveFilePage(em, doc.getId()) ?? '';
    expect(page).toContain('<title>Convention – ACAR Laurie</title>');
    expect(page).toContain('Élève : ACAR Laurie &lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie');
    expect(page).not.toContain('<script>alert(1)');
    expect(driveFilePage(em, 'absent')).toBeNull();

    const tree = driveTree(em);
    const top = tree.find((n) => n.name === 'Suivi des stages – Documents');
    expect(top?.folder).toBe(true);
    expect(top?.children.map((c) => c.name)).toEqual(['Convention – ACAR Laurie']);
  });
});
