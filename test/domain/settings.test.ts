import { describe, expect, it } from 'vitest';
import { normaliseSettings, validateSettings } from '../../src/domain/settings';
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

describe('normaliseSettings', () => {
  it('gives a damaged or missing value its default', () => {
    expect(
      normaliseSettings({
        zone: 'Z' as never,
        defaultWeeklyHours: Number.NaN,
        schoolName: 3 as never,
      }),
    ).toEqual(DEFAULT_SETTINGS);
  });
});
