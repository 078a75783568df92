/**
 * « Joindre la copie signée »: the types accepted (PDF and images), the 10 Mo limit at its byte,
 * base64 that cannot be read, and the name the scan gets in Drive.
 */
import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_TYPES,
  base64Bytes,
  checkAttachment,
  MAX_ATTACHMENT_BYTES,
  signedCopyName,
} from '../../../src/domain/documents/attachment';

const PDF = Buffer.from('%PDF-1.4 scan').toString('base64');

/** Base64 of exactly `bytes` bytes (the characters only: their value does not matter). */
function base64Of(bytes: number): string {
  const pad = (3 - (bytes % 3)) % 3;
  return 'A'.repeat(((bytes + pad) / 3) * 4 - pad) + '='.repeat(pad);
}

describe('checkAttachment: types', () => {
  it('takes a PDF and every image type listed, whatever their case and spaces', () => {
    for (const type of Object.keys(ATTACHMENT_TYPES)) {
      const r = checkAttachment(` ${type.toUpperCase()} `, PDF);
      expect(r.ok, type).toBe(true);
      if (r.ok) expect(r.value.mimeType).toBe(type);
    }
    expect(Object.keys(ATTACHMENT_TYPES)).toEqual(
      expect.arrayContaining(['application/pdf', 'image/jpeg', 'image/png']),
    );
  });

  it('refuses what is neither, on the file field', () => {
    for (const type of ['', 'text/plain', 'application/msword', 'image/svg+xml', 'application/zip'])
      expect(checkAttachment(type, PDF), type).toEqual({
        ok: false,
        error: 'Joignez un PDF ou une image (JPEG, PNG…) : ce fichier n’en est pas un.',
        field: 'file',
      });
  });
});

describe('checkAttachment: contents', () => {
  it('refuses an empty file', () => {
    expect(checkAttachment('application/pdf', ' \n')).toMatchObject({
      ok: false,
      error: 'Le fichier est vide.',
    });
  });

  it('refuses base64 that cannot be decoded', () => {
    for (const bad of ['abc', 'ab$d', 'QQ===', '=QQQ', 'data:application/pdf;base64,QUJD'])
      expect(checkAttachment('application/pdf', bad), bad).toMatchObject({
        ok: false,
        error: 'Le fichier n’a pas pu être lu : choisissez-le à nouveau.',
      });
  });

  it('reads base64 cut into lines', () => {
    const r = checkAttachment('application/pdf', `${PDF.slice(0, 8)}\r\n${PDF.slice(8)}`);
    expect(r).toEqual({
      ok: true,
      value: { mimeType: 'application/pdf', base64: PDF, bytes: 13 },
    });
  });
});

describe('checkAttachment: at most 10 Mo', () => {
  it('counts the decoded bytes, padding included', () => {
    expect(base64Bytes('QUJD')).toBe(3);
    expect(base64Bytes('QUI=')).toBe(2);
    expect(base64Bytes('QQ==')).toBe(1);
    for (const n of [1, 2, 3, 4, 5, 1000]) expect(base64Bytes(base64Of(n))).toBe(n);
  });

  it('takes exactly 10 Mo and refuses one byte more, saying its size', () => {
    expect(MAX_ATTACHMENT_BYTES).toBe(10 * 1024 * 1024);
    const at = checkAttachment('image/jpeg', base64Of(MAX_ATTACHMENT_BYTES));
    expect(at.ok).toBe(true);
    if (at.ok) expect(at.value.bytes).toBe(MAX_ATTACHMENT_BYTES);
    expect(checkAttachment('image/jpeg', base64Of(MAX_ATTACHMENT_BYTES + 1))).toEqual({
      ok: false,
      error: 'Le fichier fait 10,0 Mo : 10 Mo au plus.',
      field: 'file',
    });
    expect(checkAttachment('image/jpeg', base64Of(12.5 * 1024 * 1024))).toMatchObject({
      error: 'Le fichier fait 12,5 Mo : 10 Mo au plus.',
    });
  });
});

describe('signedCopyName', () => {
  it('names the scan after the document and the student, with the type’s extension', () => {
    expect(signedCopyName('Convention', 'ACAR Laurie', 'application/pdf')).toBe(
      'Convention signée – ACAR Laurie.pdf',
    );
    expect(signedCopyName('Avenant', 'ACNA Camille', 'image/jpeg')).toBe(
      'Avenant signé – ACNA Camille.jpg',
    );
    expect(signedCopyName('Convention', 'ACAR Laurie', 'image/png')).toBe(
      'Convention signée – ACAR Laurie.png',
    );
  });

  it('keeps no character a file name cannot hold, and does without a student', () => {
    expect(signedCopyName('Convention', ' D’ARC/Jeanne: "la" ', 'application/pdf')).toBe(
      'Convention signée – D’ARC Jeanne   la.pdf',
    );
    expect(signedCopyName('Convention', '', 'application/pdf')).toBe('Convention signée.pdf');
    expect(signedCopyName('Convention', 'ACAR Laurie', 'application/unknown')).toBe(
      'Convention signée – ACAR Laurie.pdf',
    );
  });
});
