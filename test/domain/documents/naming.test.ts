import { describe, expect, it } from 'vitest';
import {
  documentName,
  MAX_NAME_LENGTH,
  printFileName,
  rootFolderName,
  safeNamePart,
  sessionFolderName,
  yearFolderName,
} from '../../../src/domain/documents/naming';

const BASE = {
  sessionTitle: 'BTS 1 info période 1',
  studentLabel: 'ACAR Laurie',
  companyName: 'CREDIT AGRICOLE',
  today: '2026-11-30',
};

describe('documentName', () => {
  it.each([
    ['convention', 'Convention – BTS 1 info période 1 – ACAR Laurie – CREDIT AGRICOLE'],
    ['avenant', 'Avenant – BTS 1 info période 1 – ACAR Laurie – CREDIT AGRICOLE'],
    ['attestation', 'Attestation de stage – BTS 1 info période 1 – ACAR Laurie – CREDIT AGRICOLE'],
    ['accord', 'Accord préalable – BTS 1 info période 1'],
    ['vierge', 'Convention vierge – BTS 1 info période 1 – 30 novembre 2026'],
  ] as const)('%s → %j', (kind, name) => {
    expect(documentName(kind, BASE)).toBe(name);
  });

  it('leaves an empty part out rather than doubling the dash', () => {
    expect(documentName('convention', { ...BASE, companyName: ' ' })).toBe(
      'Convention – BTS 1 info période 1 – ACAR Laurie',
    );
    expect(documentName('vierge', { sessionTitle: '', today: '2026-11-30' })).toBe(
      'Convention vierge – 30 novembre 2026',
    );
  });

  it('replaces the characters a downloaded file name cannot hold', () => {
    expect(
      documentName('convention', {
        ...BASE,
        companyName: 'A/B\\C:D*E?F"G<H>I|J',
        studentLabel: 'ACAR\nLaurie\t ',
      }),
    ).toBe('Convention – BTS 1 info période 1 – ACAR Laurie – A-B-C-D-E-F-G-H-I-J');
  });

  it('caps each part and the whole name', () => {
    const long = 'X'.repeat(300);
    const name = documentName('convention', {
      sessionTitle: long,
      studentLabel: long,
      companyName: long,
    });
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(name.startsWith('Convention – XXX')).toBe(true);
    expect(name.endsWith('…')).toBe(true);
  });

  it.each([
    ['  ..hidden.. ', 'hidden'],
    ['a   b', 'a b'],
    ['', ''],
  ])('safeNamePart(%j) = %j', (text, safe) => {
    expect(safeNamePart(text)).toBe(safe);
  });
});

describe('folders and the print file', () => {
  it('names the root, the year and the session folders', () => {
    expect(rootFolderName()).toBe('Suivi des stages – Documents');
    expect(yearFolderName('2022-2023')).toBe('2022-2023');
    expect(yearFolderName('')).toBe('Sans année');
    expect(sessionFolderName('BTS 1 info période 1')).toBe('BTS 1 info période 1');
    expect(sessionFolderName('BTS 1/2')).toBe('BTS 1-2');
    expect(sessionFolderName(' ')).toBe('Session sans intitulé');
  });

  it('names the printable file', () => {
    expect(printFileName('convention', { sessionTitle: 'BTS 1 info', today: '2026-11-30' })).toBe(
      'Impression – Convention – BTS 1 info – 30 novembre 2026',
    );
    expect(printFileName('convention', { today: '2026-11-30' })).toBe(
      'Impression – Convention – 30 novembre 2026',
    );
  });
});
