import { describe, expect, it } from 'vitest';
import {
  GOOGLE_ACCOUNT_LABELS,
  normaliseSettings,
  validateSettings,
  withLegacyFollowCap,
} from '../../src/domain/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/types';

const form = (over: Partial<Record<keyof Settings, unknown>>): Settings =>
  ({ ...DEFAULT_SETTINGS, ...over }) as Settings;

describe('validateSettings', () => {
  it('reads French decimals and trims texts', () => {
    const r = validateSettings(
      form({ defaultWeeklyHours: '17,5', hourlyGratification: '4,35', schoolName: ' Lycée ' }),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        ...DEFAULT_SETTINGS,
        defaultWeeklyHours: 17.5,
        hourlyGratification: 4.35,
        schoolName: 'Lycée',
      },
    });
  });

  it.each([
    [{ defaultWeeklyHours: 0 }, 'defaultWeeklyHours'],
    [{ defaultWeeklyHours: 49 }, 'defaultWeeklyHours'],
    [{ hourlyGratification: 'quatre' }, 'hourlyGratification'],
    [{ zone: 'D' }, 'zone'],
    [{ schoolAddress: 'x'.repeat(501) }, 'schoolAddress'],
    [{ academy: 'x'.repeat(101) }, 'academy'],
    [{ conventionCopies: 0 }, 'conventionCopies'],
    [{ conventionCopies: 11 }, 'conventionCopies'],
    [{ conventionCopies: 2.5 }, 'conventionCopies'],
    [{ conventionCopies: 'trois' }, 'conventionCopies'],
    [{ googleAccount: 'gmail' }, 'googleAccount'],
  ])('refuses %o, naming the field', (over, field) => {
    const r = validateSettings(form(over));
    expect(r.ok ? null : r.field).toBe(field);
  });

  it('names the first field at fault in the order of the panel', () => {
    const r = validateSettings(form({ zone: 'D', schoolName: 'x'.repeat(201) }));
    expect(r).toEqual({
      ok: false,
      error: 'Choisissez la zone de vacances scolaires : A, B ou C.',
      field: 'zone',
    });
  });
});

describe('the convention copies and the Google account', () => {
  it.each([
    ['1', 1],
    [10, 10],
    ['4', 4],
  ])('saves %o copies as %d', (typed, copies) => {
    const r = validateSettings(form({ conventionCopies: typed }));
    expect(r.ok && r.value.conventionCopies).toBe(copies);
  });

  it('gives a form of an older sidebar, without them, their defaults: 3 copies, Workspace', () => {
    const { conventionCopies: _c, googleAccount: _g, ...older } = DEFAULT_SETTINGS;
    const r = validateSettings(older as Settings);
    expect(r.ok && [r.value.conventionCopies, r.value.googleAccount]).toEqual([3, 'workspace']);
  });

  it('saves a personal account', () => {
    const r = validateSettings(form({ googleAccount: 'consumer' }));
    expect(r.ok && r.value.googleAccount).toBe('consumer');
  });

  it('names the accounts with their daily cap', () => {
    expect(GOOGLE_ACCOUNT_LABELS).toEqual({
      workspace: 'Google Workspace (1 500 documents par jour)',
      consumer: 'Compte Google personnel (250 documents par jour)',
    });
  });
});

describe('normaliseSettings', () => {
  it('gives a damaged or missing value its default', () => {
    expect(
      normaliseSettings({
        zone: 'Z' as never,
        defaultWeeklyHours: Number.NaN,
        schoolName: 3 as never,
        conventionCopies: 0,
        googleAccount: 'x' as never,
      }),
    ).toEqual(DEFAULT_SETTINGS);
  });
});

it('normaliseSettings keeps stored copies and account that are valid', () => {
  expect(normaliseSettings({ conventionCopies: 5, googleAccount: 'consumer' })).toMatchObject({
    conventionCopies: 5,
    googleAccount: 'consumer',
  });
  expect(normaliseSettings({ conventionCopies: 11 }).conventionCopies).toBe(3);
});

describe('followCap (« Stagiaires suivis au plus par enseignant »)', () => {
  it('is 16 when missing or damaged, kept when a whole number from 1 to 200', () => {
    expect(normaliseSettings({}).followCap).toBe(16);
    expect(normaliseSettings({ followCap: 0 }).followCap).toBe(16);
    expect(normaliseSettings({ followCap: 2.5 }).followCap).toBe(16);
    expect(normaliseSettings({ followCap: 12 }).followCap).toBe(12);
    expect(normaliseSettings({ followCap: 200 }).followCap).toBe(200);
  });
  it('the form: as typed, empty is the default, out of range refused on its field', () => {
    expect(validateSettings(form({ followCap: '12' }))).toMatchObject({
      ok: true,
      value: { followCap: 12 },
    });
    expect(validateSettings(form({ followCap: '' }))).toMatchObject({
      ok: true,
      value: { followCap: 16 },
    });
    for (const bad of ['0', '201', 'seize', '2,5'])
      expect(validateSettings(form({ followCap: bad }))).toMatchObject({
        ok: false,
        field: 'followCap',
      });
  });
  it('the old property is read only while the settings have no cap of their own', () => {
    expect(normaliseSettings(withLegacyFollowCap({}, '7')).followCap).toBe(7);
    expect(normaliseSettings(withLegacyFollowCap({ followCap: 9 }, '7')).followCap).toBe(9);
    expect(normaliseSettings(withLegacyFollowCap({}, undefined)).followCap).toBe(16);
    expect(normaliseSettings(withLegacyFollowCap({}, 'beaucoup')).followCap).toBe(16);
  });
});
