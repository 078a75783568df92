import { describe, expect, it } from 'vitest';
import {
  contains,
  describePeriod,
  describePeriods,
  overlaps,
  periodContaining,
} from '../../src/domain/periods';

const feb = { start: '2023-02-01', end: '2023-02-27' };
const march = { start: '2023-02-28', end: '2023-03-31' };

describe('overlaps', () => {
  it('does not see touching ranges as overlapping', () => {
    expect(overlaps(feb, march)).toBe(false);
    expect(overlaps(march, feb)).toBe(false);
  });
  it('sees one shared day as an overlap', () => {
    const m = { start: '2023-02-27', end: '2023-03-31' };
    expect(overlaps(feb, m)).toBe(true);
    expect(overlaps(m, feb)).toBe(true);
  });
  it('handles inclusion, identity, one-day ranges and gaps', () => {
    const whole = { start: '2023-02-01', end: '2023-03-31' };
    expect(overlaps(whole, feb)).toBe(true);
    expect(overlaps(feb, whole)).toBe(true);
    expect(overlaps(feb, feb)).toBe(true);
    const day = { start: '2023-02-27', end: '2023-02-27' };
    expect(overlaps(day, feb)).toBe(true);
    expect(overlaps(day, march)).toBe(false);
    expect(overlaps(feb, { start: '2023-03-01', end: '2023-03-31' })).toBe(false);
  });
});

describe('contains', () => {
  const p = { start: '2023-02-01', end: '2023-03-31' };
  it('includes both bounds', () => {
    expect(contains(p, p)).toBe(true);
    expect(contains(p, feb)).toBe(true);
    expect(contains(p, { start: '2023-03-31', end: '2023-03-31' })).toBe(true);
  });
  it('refuses anything sticking out', () => {
    expect(contains(p, { start: '2023-01-31', end: '2023-02-10' })).toBe(false);
    expect(contains(p, { start: '2023-03-01', end: '2023-04-01' })).toBe(false);
    expect(contains(feb, p)).toBe(false);
  });
});

describe('periodContaining', () => {
  const periods = [
    { start: '2023-01-09', end: '2023-02-03' },
    { start: '2023-05-02', end: '2023-05-26' },
  ];
  it('finds the period holding the range', () => {
    expect(periodContaining(periods, { start: '2023-05-10', end: '2023-05-26' })).toBe(periods[1]);
    expect(periodContaining(periods, { start: '2023-01-09', end: '2023-01-09' })).toBe(periods[0]);
  });
  it('returns null across two periods or outside', () => {
    expect(periodContaining(periods, { start: '2023-01-30', end: '2023-05-05' })).toBeNull();
    expect(periodContaining(periods, { start: '2023-03-01', end: '2023-03-02' })).toBeNull();
    expect(periodContaining([], feb)).toBeNull();
  });
});

describe('describePeriod(s)', () => {
  it('reads as French', () => {
    expect(describePeriod(feb)).toBe('du 01/02/2023 au 27/02/2023');
    expect(describePeriods([feb, march])).toBe(
      'du 01/02/2023 au 27/02/2023 ou du 28/02/2023 au 31/03/2023',
    );
  });
});
