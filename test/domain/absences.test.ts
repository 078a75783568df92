import { describe, expect, it } from 'vitest';
import {
  checkAbsenceInStage,
  checkAbsenceWorkedDays,
  checkNoAbsenceClash,
  describeDay,
  validateAbsence,
  type AbsenceText,
} from '../../src/domain/absences';
import { publicHolidaySet } from '../../src/domain/holidays/publicHolidays';
import { MAX_REASON_LENGTH } from '../../src/domain/limits';

const form = (over: Partial<AbsenceText>): AbsenceText => ({
  start: '06/02/2023',
  end: '',
  halfDay: false,
  reason: 'Malade',
  ...over,
});

describe('validateAbsence', () => {
  it('takes an empty end as the start day', () => {
    expect(validateAbsence(form({ reason: ' Malade ' }))).toEqual({
      ok: true,
      value: { start: '2023-02-06', end: '2023-02-06', halfDay: false, reason: 'Malade' },
    });
  });

  it.each([
    [{ start: '31/02/2023' }, 'start'],
    [{ end: '01/02/2023' }, 'end'],
    [{ end: '07/02/2023', halfDay: true }, 'halfDay'],
    [{ reason: 'x'.repeat(MAX_REASON_LENGTH + 1) }, 'reason'],
  ])('refuses %o, naming the field', (over, field) => {
    const r = validateAbsence(form(over));
    expect(r.ok ? null : r.field).toBe(field);
  });

  it(`accepts a reason of ${MAX_REASON_LENGTH} characters`, () => {
    expect(validateAbsence(form({ reason: 'x'.repeat(MAX_REASON_LENGTH) })).ok).toBe(true);
  });

  it('requires a reason, saying what to write when none was given', () => {
    expect(validateAbsence(form({ reason: '   ' }))).toEqual({
      ok: false,
      error:
        "Le motif de l'absence est obligatoire : écrivez « non communiqué » si l'élève n'en a pas donné.",
      field: 'reason',
    });
  });

  it('says how long an over-long reason is', () => {
    expect(validateAbsence(form({ reason: 'x'.repeat(MAX_REASON_LENGTH + 12) }))).toEqual({
      ok: false,
      error: `Le motif de l'absence est trop long : ${MAX_REASON_LENGTH + 12} caractères pour ${MAX_REASON_LENGTH} au plus.`,
      field: 'reason',
    });
  });
});

describe('checkAbsenceWorkedDays', () => {
  const ctx = {
    defaultWeeklyHours: 35,
    publicHolidays: publicHolidaySet([2023], { alsaceMoselle: false }),
  };
  const weekdays = { schedule: null, weeklyHours: null, country: '' };
  const fourDays = {
    schedule: [7, 7, 7, 7, 0, 0, 0] as const,
    weeklyHours: 28,
    country: '',
  };
  const day = (iso: string) => ({ start: iso, end: iso });

  it('names the day in French', () => {
    expect(describeDay('2023-02-04')).toBe('samedi 04/02/2023');
  });

  it('accepts a worked day, with nothing left uncounted', () => {
    expect(checkAbsenceWorkedDays(day('2023-02-06'), weekdays, ctx)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('refuses a Saturday of a Monday–Friday stage', () => {
    expect(checkAbsenceWorkedDays(day('2023-02-04'), weekdays, ctx)).toEqual({
      ok: false,
      error:
        "Le samedi 04/02/2023 n'est pas travaillé dans ce stage (horaire : du lundi au vendredi) : une absence se saisit sur un jour travaillé.",
      field: 'start',
    });
  });

  it('refuses a day off of the stage’s own weekly schedule', () => {
    expect(checkAbsenceWorkedDays(day('2023-02-10'), fourDays, ctx)).toEqual({
      ok: false,
      error:
        "Le vendredi 10/02/2023 n'est pas travaillé dans ce stage (horaire semaine type : Lu 7 h ; Ma 7 h ; Me 7 h ; Je 7 h) : une absence se saisit sur un jour travaillé.",
      field: 'start',
    });
  });

  it('refuses a public holiday in France, not abroad', () => {
    expect(checkAbsenceWorkedDays(day('2023-04-10'), weekdays, ctx)).toEqual({
      ok: false,
      error: 'Le lundi 10/04/2023 est un jour férié : une absence se saisit sur un jour travaillé.',
      field: 'start',
    });
    expect(
      checkAbsenceWorkedDays(day('2023-04-10'), { ...weekdays, country: 'Belgique' }, ctx).ok,
    ).toBe(true);
  });

  it('refuses a span with no worked day', () => {
    expect(
      checkAbsenceWorkedDays({ start: '2023-02-10', end: '2023-02-12' }, fourDays, ctx),
    ).toEqual({
      ok: false,
      error:
        "Aucun jour du 10/02/2023 au 12/02/2023 n'est travaillé dans ce stage (horaire semaine type : Lu 7 h ; Ma 7 h ; Me 7 h ; Je 7 h, hors jours fériés) : une absence compte au moins un jour travaillé.",
      field: 'start',
    });
  });

  it('accepts a span over a weekend (a sick note), returning the days it does not count', () => {
    expect(
      checkAbsenceWorkedDays({ start: '2023-02-03', end: '2023-02-06' }, weekdays, ctx),
    ).toEqual({ ok: true, value: ['2023-02-04', '2023-02-05'] });
  });
});

describe('checkAbsenceInStage', () => {
  const stopped = { start: '2023-02-01', end: '2023-02-10', stoppedOn: '2023-02-10' };

  it('counts the stop day as a day of the stage, and no day after it', () => {
    expect(checkAbsenceInStage({ start: '2023-02-10', end: '2023-02-10' }, stopped).ok).toBe(true);
    expect(checkAbsenceInStage({ start: '2023-02-10', end: '2023-02-11' }, stopped)).toEqual({
      ok: false,
      error: "L'absence doit être comprise dans le stage, du 01/02/2023 au 10/02/2023.",
      field: 'end',
    });
  });

  it('blames the start when the absence begins before the stage', () => {
    const r = checkAbsenceInStage({ start: '2023-01-31', end: '2023-02-02' }, stopped);
    expect(r.ok ? null : r.field).toBe('start');
  });
});

describe('checkNoAbsenceClash', () => {
  it('refuses a day already recorded, and accepts the next one', () => {
    const others = [{ start: '2023-02-06', end: '2023-02-07' }];
    expect(checkNoAbsenceClash({ start: '2023-02-07', end: '2023-02-08' }, others)).toEqual({
      ok: false,
      error: 'Une absence est déjà saisie du 06/02/2023 au 07/02/2023.',
      field: 'start',
    });
    expect(checkNoAbsenceClash({ start: '2023-02-08', end: '2023-02-08' }, others).ok).toBe(true);
  });
});
