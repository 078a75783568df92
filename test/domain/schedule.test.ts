import { describe, expect, it } from 'vitest';
import {
  defaultSchedule,
  formatHoursMinutes,
  formatSchedule,
  parseSchedule,
  scheduleDays,
  scheduleHours,
} from '../../src/domain/schedule';
import type { WeeklySchedule } from '../../src/domain/types';

function parsed(text: string): WeeklySchedule | null {
  const r = parseSchedule(text);
  if (!r.ok) throw new Error(`unexpected error: ${r.error}`);
  return r.value;
}

function error(text: string): string {
  const r = parseSchedule(text);
  if (r.ok) throw new Error(`expected an error for ${text}`);
  expect(r.field).toBe('schedule');
  return r.error;
}

describe('defaultSchedule', () => {
  it('spreads the weekly hours over Monday–Friday', () => {
    expect(defaultSchedule(35)).toEqual([7, 7, 7, 7, 7, 0, 0]);
    expect(defaultSchedule(28)).toEqual([5.6, 5.6, 5.6, 5.6, 5.6, 0, 0]);
    expect(scheduleHours(defaultSchedule(35))).toBe(35);
    expect(scheduleDays(defaultSchedule(35))).toBe(5);
  });
});

describe('parseSchedule', () => {
  it('reads an empty cell as "no schedule"', () => {
    expect(parsed('')).toBeNull();
    expect(parsed('   ')).toBeNull();
  });

  it('reads short day names and plain hours', () => {
    expect(parsed('Lu 7; Ma 7; Me 7; Je 7')).toEqual([7, 7, 7, 7, 0, 0, 0]);
    expect(scheduleDays(parsed('Lu 7; Ma 7; Me 7; Je 7')!)).toBe(4);
  });

  it('reads "8h", "8h30", "8:30", "7,5", "7.5 h" and commas as separators', () => {
    expect(parsed('lun 8h, mar 8h30, mer 4h')).toEqual([8, 8.5, 4, 0, 0, 0, 0]);
    expect(parsed('Lundi 8:30 ; vendredi 7,5')).toEqual([8.5, 0, 0, 0, 7.5, 0, 0]);
    expect(parsed('je 7.5 h / ve 3 h 30')).toEqual([0, 0, 0, 7.5, 3.5, 0, 0]);
    expect(parsed('Lu 7,5,Ma 7')).toEqual([7.5, 7, 0, 0, 0, 0, 0]);
    expect(parsed('Sa. 4H  Di. 0')).toEqual([0, 0, 0, 0, 0, 4, 0]);
  });

  it('reads new lines and "Lu: 7" and "8 heures"', () => {
    expect(parsed('Lu: 7\nMa : 8 heures\nMe 1 heure')).toEqual([7, 8, 1, 0, 0, 0, 0]);
  });

  it('reads ranges of days', () => {
    expect(parsed('Lu-Ve 7')).toEqual([7, 7, 7, 7, 7, 0, 0]);
    expect(parsed('du lundi au jeudi 7h ; ve 3h30')).toEqual([7, 7, 7, 7, 3.5, 0, 0]);
  });

  it('reads its own canonical form back', () => {
    const cases: WeeklySchedule[] = [
      [7, 7, 7, 7, 7, 0, 0],
      [8.5, 8.5, 4, 8.5, 5.5, 0, 0],
      [0, 0, 0, 0, 0, 4, 6.25],
      [7.5, 0, 7.5, 0, 7.5, 0, 0],
    ];
    for (const s of cases) expect(parsed(formatSchedule(s))).toEqual(s);
  });

  it('refuses what it cannot read, in French', () => {
    expect(error('toute la semaine')).toContain('Horaire semaine type illisible');
    expect(error('Lu 7; Xy 3')).toContain('« Xy 3 »');
    expect(error('Lu 8h75')).toContain('illisible');
    expect(error('Lu 25')).toContain('Plus de 24 heures');
    expect(error('Lu 7; lundi 3')).toBe("Le lundi est indiqué deux fois dans l'horaire.");
    expect(error('Lu-Ve 7; Me 3')).toContain('mercredi');
    expect(error('Ve-Lu 7')).toContain('désordre');
    expect(error('Lu 0; Ma 0')).toBe("L'horaire semaine type ne compte aucune heure.");
  });
});

describe('formatSchedule', () => {
  it('writes the canonical form, days off left out', () => {
    expect(formatSchedule([7, 7, 7, 7, 0, 0, 0])).toBe('Lu 7 h ; Ma 7 h ; Me 7 h ; Je 7 h');
    expect(formatSchedule([8.5, 0, 3.5, 0, 0, 0, 0])).toBe('Lu 8 h 30 ; Me 3 h 30');
    expect(formatSchedule(defaultSchedule(32))).toBe(
      'Lu 6 h 24 ; Ma 6 h 24 ; Me 6 h 24 ; Je 6 h 24 ; Ve 6 h 24',
    );
  });

  it('formats hours to the minute', () => {
    expect(formatHoursMinutes(7)).toBe('7 h');
    expect(formatHoursMinutes(8.5)).toBe('8 h 30');
    expect(formatHoursMinutes(4 + 5 / 60)).toBe('4 h 05');
    expect(formatHoursMinutes(0)).toBe('0 h');
  });
});
