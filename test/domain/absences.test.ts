import { describe, expect, it } from 'vitest';
import {
  checkAbsenceInStage,
  checkNoAbsenceClash,
  validateAbsence,
  type AbsenceText,
} from '../../src/domain/absences';
import { MAX_REASON_LENGTH } from '../../src/domain/limits';

const form = (over: Partial<AbsenceText>): AbsenceText => ({
  start: '06/02/2023',
  end: '',
  halfDay: false,
  reason: '',
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
