/**
 * The one rule of a blank convention's regularisation: which register row is a blank to
 * regularise, which stage can take it (its session's, without a convention), and how a stage is
 * shown in the picker « Stage à rattacher ».
 */
import { describe, expect, it } from 'vitest';
import {
  blankRefusal,
  byStudentThenStart,
  isLiveConvention,
  stageChoiceLabel,
  stageRefusal,
} from '../../../src/domain/documents/regularisation';

const NOT_BLANK = 'Ce document n’est pas une convention vierge à régulariser.';
const CANCELLED = 'Cette convention vierge est annulée : il n’y a rien à régulariser.';
const HAS_ONE =
  'Ce stage a déjà une convention : annulez-la d’abord, ou choisissez un autre stage.';

describe('blankRefusal', () => {
  it('accepts a blank convention not yet linked, whatever its live status', () => {
    for (const status of ['', 'Générée', 'Envoyée', 'Signée entreprise'])
      expect(blankRefusal({ kind: 'Convention vierge', stageId: '', status }), status).toBe('');
  });

  it('refuses another kind, or a blank already linked', () => {
    expect(blankRefusal({ kind: 'Convention', stageId: '', status: '' })).toBe(NOT_BLANK);
    expect(blankRefusal({ kind: 'Convention vierge', stageId: 'STG-1', status: '' })).toBe(
      NOT_BLANK,
    );
  });

  it('refuses a cancelled or replaced blank', () => {
    for (const status of ['Annulée', 'Remplacée'])
      expect(blankRefusal({ kind: 'Convention vierge', stageId: '', status })).toBe(CANCELLED);
  });
});

describe('isLiveConvention', () => {
  it('is a convention neither cancelled nor replaced', () => {
    expect(isLiveConvention({ kind: 'Convention', stageId: 'S', status: '' })).toBe(true);
    expect(isLiveConvention({ kind: 'Convention', stageId: 'S', status: 'Complète' })).toBe(true);
    expect(isLiveConvention({ kind: 'Convention', stageId: 'S', status: 'Annulée' })).toBe(false);
    expect(isLiveConvention({ kind: 'Convention', stageId: 'S', status: 'Remplacée' })).toBe(false);
    expect(isLiveConvention({ kind: 'Avenant', stageId: 'S', status: '' })).toBe(false);
    expect(isLiveConvention({ kind: 'Convention vierge', stageId: 'S', status: '' })).toBe(false);
  });
});

describe('stageRefusal', () => {
  const blank = { sessionId: 'SES-1', session: 'BTS 1 info période 1' };
  const free = { sessionId: 'SES-1', convention: '', hasLiveConvention: false };

  it('takes a stage of the blank’s session without a convention', () => {
    expect(stageRefusal(blank, free)).toBe('');
  });

  it('refuses a stage of another session, naming the blank’s', () => {
    expect(stageRefusal(blank, { ...free, sessionId: 'SES-2' })).toBe(
      'Cette convention vierge est celle de la session « BTS 1 info période 1 » : choisissez un stage de cette session.',
    );
  });

  it('lets a blank of no session go to any session’s stage', () => {
    expect(stageRefusal({ sessionId: '', session: '' }, { ...free, sessionId: 'SES-2' })).toBe('');
  });

  it('refuses a stage with a live convention in the register or in its « Convention » cell', () => {
    expect(stageRefusal(blank, { ...free, hasLiveConvention: true })).toBe(HAS_ONE);
    expect(stageRefusal(blank, { ...free, convention: 'https://docs.google.com/d/x' })).toBe(
      HAS_ONE,
    );
  });
});

describe('the picker’s choices', () => {
  it('show student, company and days', () => {
    expect(
      stageChoiceLabel({
        student: 'ACAR Laurie',
        company: 'BANQUE POPULAIRE DU NORD DENAIN',
        start: '2023-03-01',
        end: '2023-03-31',
      }),
    ).toBe('ACAR Laurie – BANQUE POPULAIRE DU NORD DENAIN – du 01/03 au 31/03');
    expect(stageChoiceLabel({ student: 'ACNA Camille', company: '', start: '', end: '' })).toBe(
      'ACNA Camille – sans entreprise – du … au …',
    );
  });

  it('come by student (French order), then by start', () => {
    const s = (student: string, start: string) => ({ student, company: '', start, end: '' });
    const sorted = [
      s('ÉMERY Léa', '2023-02-01'),
      s('ACAR Laurie', '2023-03-01'),
      s('EDOUARD Paul', '2023-02-01'),
      s('ACAR Laurie', '2023-02-01'),
    ].sort(byStudentThenStart);
    expect(sorted.map((x) => `${x.student} ${x.start}`)).toEqual([
      'ACAR Laurie 2023-02-01',
      'ACAR Laurie 2023-03-01',
      'EDOUARD Paul 2023-02-01',
      'ÉMERY Léa 2023-02-01',
    ]);
  });
});
