/**
 * A stage's phase, computed in code (sidebar, filters) and, identically, by the per-row formula
 * of the `Stages` sheet (sheets/rowFormulas.ts), so that the sheet stays true every day without
 * any script running.
 */
import type { IsoDate, Phase } from './types';

export interface PhaseInput {
  start: IsoDate;
  end: IsoDate;
  stoppedOn: IsoDate | '';
}

/** A stop wins over the dates: a stopped stage reads "Arrêté" before, during and after. */
export function phaseOf(stage: PhaseInput, today: IsoDate): Phase {
  if (stage.stoppedOn !== '') return 'Arrêté';
  if (today < stage.start) return 'À venir';
  if (today > stage.end) return 'Effectué';
  return 'En cours';
}
