import { describe, expect, it } from 'vitest';
import {
  parseCivility,
  parseEmail,
  parsePhone,
  validateStaff,
  validateTutor,
} from '../../src/domain/people';
import type { Staff, Tutor } from '../../src/domain/types';

const COMPANIES = new Set(['ENT-1', 'ENT-2']);
const ECUSSON: Tutor = {
  id: 'TUT-1',
  companyId: 'ENT-1',
  civility: 'M.',
  lastName: 'ECUSSON',
  firstName: 'Blase',
  role: '',
  phone: '',
  email: '',
};
const BRUEL: Staff = {
  id: 'PER-1',
  civility: 'M.',
  lastName: 'BRUEL',
  firstName: 'Patrick',
  email: '',
  discipline: 'Informatique',
};

const tutor = (patch: Partial<Tutor>): Tutor => ({
  id: '',
  companyId: 'ENT-1',
  civility: 'Mme',
  lastName: 'Durand',
  firstName: 'Anne',
  role: 'Cheffe de projet',
  phone: '03 27 00 00 00',
  email: 'anne.durand@exemple.fr',
  ...patch,
});

describe('parseCivility / parseEmail / parsePhone', () => {
  it('reads civilities as people write them', () => {
    for (const m of ['M.', 'M', 'm.', 'Monsieur', 'Mr'])
      expect(parseCivility(m)).toEqual({ ok: true, value: 'M.' });
    for (const f of ['Mme', 'mme.', 'Madame'])
      expect(parseCivility(f)).toEqual({ ok: true, value: 'Mme' });
    expect(parseCivility('  ')).toEqual({ ok: true, value: '' });
    expect(parseCivility('Dr')).toMatchObject({ ok: false, field: 'civility' });
  });
  it('checks e-mail addresses, optional', () => {
    expect(parseEmail(' a.b@c.fr ')).toEqual({ ok: true, value: 'a.b@c.fr' });
    expect(parseEmail('')).toEqual({ ok: true, value: '' });
    expect(parseEmail('a.b@c')).toMatchObject({ ok: false, field: 'email' });
    expect(parseEmail('=HYPERLINK("x")')).toMatchObject({ ok: false, field: 'email' });
  });
  it('checks phone numbers, optional', () => {
    expect(parsePhone('+33 (0)6 12 34 56 78')).toMatchObject({ ok: true });
    expect(parsePhone('03.27.00.00.00')).toMatchObject({ ok: true });
    expect(parsePhone('')).toEqual({ ok: true, value: '' });
    expect(parsePhone('=1+1')).toMatchObject({ ok: false, field: 'phone' });
    expect(parsePhone('appeler')).toMatchObject({ ok: false, field: 'phone' });
  });
});

describe('validateTutor', () => {
  it('accepts a tutor of a known company, names tidied', () => {
    expect(
      validateTutor(tutor({ lastName: '  Durand ', firstName: ' Anne  ' }), COMPANIES, [ECUSSON]),
    ).toEqual({
      ok: true,
      value: tutor({ lastName: 'Durand', firstName: 'Anne' }),
    });
  });
  it('requires the company, the names; checks e-mail and phone', () => {
    const cases: [Partial<Tutor>, string][] = [
      [{ companyId: '' }, 'companyId'],
      [{ companyId: 'ENT-9' }, 'companyId'],
      [{ lastName: ' ' }, 'lastName'],
      [{ firstName: '' }, 'firstName'],
      [{ email: 'anne' }, 'email'],
      [{ phone: 'x' }, 'phone'],
      [{ civility: 'Maître' }, 'civility'],
      [{ role: 'x'.repeat(151) }, 'role'],
      [{ lastName: 'x'.repeat(101) }, 'lastName'],
    ];
    for (const [patch, field] of cases) {
      expect(validateTutor(tutor(patch), COMPANIES, []), JSON.stringify(patch)).toMatchObject({
        ok: false,
        field,
      });
    }
    expect(validateTutor(tutor({ lastName: '' }), COMPANIES, [])).toMatchObject({
      error: 'Le nom est obligatoire.',
    });
  });
  it('refuses a second tutor of the same label in the same company, not in another one', () => {
    const twin = tutor({ civility: 'M', lastName: 'écusson', firstName: 'blase' });
    expect(validateTutor(twin, COMPANIES, [ECUSSON])).toEqual({
      ok: false,
      field: 'lastName',
      error: '« M. ÉCUSSON blase » est déjà tuteur de cette entreprise.',
    });
    expect(validateTutor({ ...twin, companyId: 'ENT-2' }, COMPANIES, [ECUSSON]).ok).toBe(true);
    // Saving the same tutor again is not a duplicate of itself.
    expect(validateTutor({ ...ECUSSON, role: 'Directeur' }, COMPANIES, [ECUSSON]).ok).toBe(true);
  });
  it('does not crash on missing fields', () => {
    expect(validateTutor({}, COMPANIES, [])).toMatchObject({ ok: false, field: 'companyId' });
    expect(
      validateTutor({ companyId: 'ENT-1', lastName: 'A', firstName: 'B' }, COMPANIES, []),
    ).toMatchObject({
      ok: true,
      value: { civility: '', role: '', phone: '', email: '' },
    });
  });
});

describe('validateStaff', () => {
  it('accepts a member of staff', () => {
    const s = {
      id: '',
      civility: 'Madame',
      lastName: 'Roux',
      firstName: 'Léa',
      email: 'lea.roux@lycee.fr',
      discipline: 'Gestion',
    };
    expect(validateStaff(s, [BRUEL])).toEqual({ ok: true, value: { ...s, civility: 'Mme' } });
  });
  it('refuses a homonym of another member, not a correction of the same one', () => {
    expect(validateStaff({ ...BRUEL, id: '' }, [BRUEL])).toMatchObject({
      ok: false,
      field: 'lastName',
      error: '« M. BRUEL Patrick » figure déjà dans la feuille Personnel.',
    });
    expect(validateStaff({ ...BRUEL, discipline: 'Maths' }, [BRUEL]).ok).toBe(true);
  });
  it('requires the names and checks the e-mail', () => {
    expect(validateStaff({ ...BRUEL, id: '', firstName: '' }, [])).toMatchObject({
      field: 'firstName',
    });
    expect(validateStaff({ ...BRUEL, id: '', email: 'bruel@' }, [])).toMatchObject({
      field: 'email',
    });
  });
});
