import { describe, expect, it } from 'vitest';
import { phaseOf } from '../../src/domain/phase';

const s = { start: '2023-02-01', end: '2023-02-27', stoppedOn: '' };

describe('phaseOf', () => {
  it('is "À venir" before the first day', () => {
    expect(phaseOf(s, '2023-01-31')).toBe('À venir');
  });
  it('is "En cours" from the first to the last day, both included', () => {
    expect(phaseOf(s, '2023-02-01')).toBe('En cours');
    expect(phaseOf(s, '2023-02-14')).toBe('En cours');
    expect(phaseOf(s, '2023-02-27')).toBe('En cours');
  });
  it('is "Effectué" after the last day', () => {
    expect(phaseOf(s, '2023-02-28')).toBe('Effectué');
  });
  it('is "Arrêté" whatever the date once stopped', () => {
    const stopped = { ...s, stoppedOn: '2023-02-10' };
    for (const today of ['2023-01-01', '2023-02-05', '2023-02-10', '2023-02-27', '2024-01-01']) {
      expect(phaseOf(stopped, today)).toBe('Arrêté');
    }
  });
  it('handles a one-day stage', () => {
    const day = { start: '2023-03-01', end: '2023-03-01', stoppedOn: '' };
    expect(phaseOf(day, '2023-02-28')).toBe('À venir');
    expect(phaseOf(day, '2023-03-01')).toBe('En cours');
    expect(phaseOf(day, '2023-03-02')).toBe('Effectué');
  });
});
