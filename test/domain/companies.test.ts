import { describe, expect, it } from 'vitest';
import {
  formatSiret,
  isValidSiret,
  parsePostalCode,
  parseSiret,
  passesLuhn,
  validateCompany,
} from '../../src/domain/companies';
import type { Company } from '../../src/domain/types';

const CA: Company = {
  id: 'ENT-1',
  name: 'CREDIT AGRICOLE DU NORD CAMBRAI',
  siret: '732 829 320 00074',
  address: '10 rue de Nice',
  postalCode: '59400',
  city: 'CAMBRAI',
  country: '',
  phone: '',
  email: '',
  signatory: '',
  signatoryRole: '',
};
const BP: Company = {
  ...CA,
  id: 'ENT-2',
  name: 'BANQUE POPULAIRE DU NORD DENAIN',
  siret: '',
  postalCode: '59220',
  city: 'DENAIN',
};

const company = (patch: Partial<Company>): Company => ({
  id: '',
  name: 'Garage Martin',
  siret: '443 061 841 00047',
  address: '3 rue du Port',
  postalCode: '59140',
  city: 'Dunkerque',
  country: 'France',
  phone: '03 28 00 00 00',
  email: 'contact@garage-martin.example',
  signatory: 'Jean Martin',
  signatoryRole: 'Gérant',
  ...patch,
});

describe('SIRET: the Luhn key, and La Poste', () => {
  it('passesLuhn is the usual Luhn check', () => {
    expect(passesLuhn('73282932000074')).toBe(true);
    expect(passesLuhn('73282932000075')).toBe(false);
    expect(passesLuhn('732829320')).toBe(true); // a SIREN alone
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('12a4')).toBe(false);
  });

  it.each([
    ['73282932000074', true],
    ['44306184100047', true],
    ['73282932000075', false], // last digit wrong
    ['73282932000047', false], // two digits swapped
    ['12345678901234', false],
    ['7328293200007', false], // 13 digits
    ['7328293200007A', false],
    // La Poste (SIREN 356 000 000): the 14 digits add up to a multiple of 5, whatever Luhn says.
    ['35600000049837', true], // no Luhn key, digits add up to 45
    ['35600000000001', true], // no Luhn key, digits add up to 15
    ['35600000000014', false], // a Luhn key, but digits add up to 19
    // Its head office alone keeps a Luhn key (digits add up to 26).
    ['35600000000048', true],
  ])('%s → %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });

  it('reads the SIRET as people write it, and says what is wrong in French', () => {
    expect(parseSiret('732 829 320 00074')).toEqual({ ok: true, value: '73282932000074' });
    expect(parseSiret('732.829.320-00074')).toEqual({ ok: true, value: '73282932000074' });
    expect(parseSiret('  ')).toEqual({ ok: true, value: '' });
    expect(parseSiret(undefined)).toEqual({ ok: true, value: '' });
    expect(parseSiret('732 829 320 0007')).toEqual({
      ok: false,
      field: 'siret',
      error:
        "Le SIRET compte 14 chiffres (9 pour le SIREN, 5 pour l'établissement) : « 732 829 320 0007 » en compte 13.",
    });
    expect(parseSiret('732 829 320 0007A')).toMatchObject({
      ok: false,
      error: "Le SIRET ne s'écrit qu'avec des chiffres : « 732 829 320 0007A ».",
    });
    expect(parseSiret('73282932000075')).toMatchObject({
      ok: false,
      error:
        "Le SIRET 732 829 320 00075 est invalide : sa clé de contrôle ne correspond pas. Vérifiez-le sur l'avis de situation Sirene.",
    });
    expect(parseSiret('35600000000014')).toMatchObject({
      ok: false,
      error: expect.stringContaining(
        "n'est pas un SIRET de La Poste valide : la somme de ses chiffres doit être un multiple de 5",
      ),
    });
    expect(parseSiret('356 000 000 49837')).toEqual({ ok: true, value: '35600000049837' });
  });

  it('formats a SIRET as the Sirene register prints it', () => {
    expect(formatSiret('73282932000074')).toBe('732 829 320 00074');
    expect(formatSiret('123')).toBe('123');
  });
});

describe('postal code', () => {
  it('has five digits in France (empty country or "France")', () => {
    expect(parsePostalCode('59400', '')).toEqual({ ok: true, value: '59400' });
    expect(parsePostalCode('59 400', 'france')).toEqual({ ok: true, value: '59400' });
    expect(parsePostalCode('', '')).toEqual({ ok: true, value: '' });
    for (const bad of ['5940', '594000', 'ABCDE', '59-400']) {
      expect(parsePostalCode(bad, 'France')).toMatchObject({ ok: false, field: 'postalCode' });
    }
    expect(parsePostalCode('1000', '')).toEqual({
      ok: false,
      field: 'postalCode',
      error:
        "« 1000 » n'est pas un code postal français : il compte 5 chiffres (par exemple 59400).",
    });
  });

  it('is a short code abroad', () => {
    expect(parsePostalCode('1000', 'Belgique')).toEqual({ ok: true, value: '1000' });
    expect(parsePostalCode('SW1A 1AA', 'Royaume-Uni')).toEqual({ ok: true, value: 'SW1A 1AA' });
    expect(parsePostalCode('<b>', 'Belgique')).toMatchObject({ ok: false });
  });
});

describe('validateCompany', () => {
  it('accepts a complete company, trimmed, SIRET as 14 digits', () => {
    const r = validateCompany(company({ name: '  Garage   Martin ' }), [CA, BP]);
    expect(r).toEqual({
      ok: true,
      value: company({ name: 'Garage Martin', siret: '44306184100047' }),
    });
  });

  it('needs only a name', () => {
    const r = validateCompany({ id: '', name: 'Mairie de Cambrai' }, [CA, BP]);
    expect(r).toEqual({
      ok: true,
      value: {
        id: '',
        name: 'Mairie de Cambrai',
        siret: '',
        address: '',
        postalCode: '',
        city: '',
        country: '',
        phone: '',
        email: '',
        signatory: '',
        signatoryRole: '',
      },
    });
  });

  it.each([
    [{ name: ' ' }, 'name', 'La raison sociale est obligatoire.'],
    [
      { name: 'x'.repeat(151) },
      'name',
      'La raison sociale est trop longue (150 caractères au plus).',
    ],
    [{ siret: '73282932000075' }, 'siret', /clé de contrôle/],
    [{ postalCode: '594' }, 'postalCode', /5 chiffres/],
    [{ phone: 'appeler' }, 'phone', /n'est pas un numéro de téléphone/],
    [{ email: 'contact@' }, 'email', /n'est pas une adresse électronique/],
    [{ signatory: 'x'.repeat(101) }, 'signatory', /Le nom du signataire est trop long/],
    [{ signatoryRole: 'x'.repeat(151) }, 'signatoryRole', /La fonction du signataire/],
    [{ address: 'x'.repeat(201) }, 'address', /L'adresse est trop long/],
  ] as const)('refuses %o', (patch, field, message) => {
    const r = validateCompany(company(patch), [CA, BP]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe(field);
    if (typeof message === 'string') expect(r.error).toBe(message);
    else expect(r.error).toMatch(message);
  });

  it('anything but text reads as empty (the sidebar is never trusted)', () => {
    const r = validateCompany({ id: '', name: 42, siret: { x: 1 } } as never, []);
    expect(r).toMatchObject({ ok: false, field: 'name' });
  });

  it('refuses a SIRET another company has, naming that company', () => {
    const r = validateCompany(company({ siret: '73282932000074' }), [CA, BP]);
    expect(r).toEqual({
      ok: false,
      field: 'siret',
      error:
        "Le SIRET 732 829 320 00074 est déjà celui de l'entreprise « CREDIT AGRICOLE DU NORD CAMBRAI » (CAMBRAI) : choisissez-la dans la liste pour la modifier.",
    });
  });

  it('keeps its own SIRET when edited', () => {
    const r = validateCompany({ ...CA, phone: '03 27 00 00 01' }, [CA, BP]);
    expect(r).toMatchObject({ ok: true, value: { id: 'ENT-1', siret: '73282932000074' } });
  });

  it('refuses the same name and postal code when no SIRET tells them apart', () => {
    const twin = { name: 'Banque populaire du Nord - Denain', postalCode: '59220', siret: '' };
    expect(validateCompany(company(twin), [CA, BP])).toMatchObject({
      ok: false,
      field: 'name',
      error: expect.stringContaining(
        "L'entreprise « BANQUE POPULAIRE DU NORD DENAIN » (DENAIN) porte déjà ce nom avec ce code postal",
      ),
    });
    // Another town, or two SIRETs: two establishments.
    expect(validateCompany(company({ ...twin, postalCode: '59000' }), [CA, BP]).ok).toBe(true);
    const ca2 = company({ name: CA.name, postalCode: '59400', siret: '44306184100047' });
    expect(validateCompany(ca2, [CA, BP]).ok).toBe(true);
  });
});
