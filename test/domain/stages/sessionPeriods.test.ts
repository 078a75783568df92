import { describe, expect, it } from 'vitest';
import {
  adjustToPeriods,
  describeAdjustment,
  impossibleMessage,
  keepInSession,
  outsideMessage,
  stagesOutside,
} from '../../../src/domain/stages/sessionPeriods';
import { error, SESSION, stage, TWO_PERIODS, value } from '../../fixtures/domain';

const named = (overrides: Parameters<typeof stage>[0], student = 'ACAR Laurie') => ({
  stage: stage(overrides),
  student,
});

const FEB_MAR = [{ start: '2023-02-01', end: '2023-03-31' }];
const TO_MID_MARCH = [{ start: '2023-02-01', end: '2023-03-15' }];

describe('a stage action keeps the stage inside its session', () => {
  it('accepts dates inside one period', () => {
    expect(value(keepInSession(stage({ end: '2023-03-15' }), SESSION, 'end'))).toBe(true);
  });

  it('refuses dates beyond the periods, naming the session and its periods', () => {
    const e = error(
      keepInSession(stage({ end: '2023-04-20', stoppedOn: '2023-04-20' }), SESSION, 'stoppedOn', {
        what: 'Le stage arrêté le 20/04/2023',
        advice: 'choisissez une date d’arrêt dans la session',
      }),
    );
    expect(e).toEqual({
      error:
        'Le stage arrêté le 20/04/2023 sortirait de la session « BTS 1 info période 1 » ' +
        '(du 01/02/2023 au 31/03/2023) : choisissez une date d’arrêt dans la session.',
      field: 'stoppedOn',
    });
  });

  it('refuses a stage across the gap between two periods', () => {
    const across = stage({ sessionId: 'SES2', start: '2023-01-09', end: '2023-05-26' });
    expect(error(keepInSession(across, TWO_PERIODS, 'end')).error).toMatch(/sortirait/);
  });

  it('cannot judge a session without periods, or dates not understood: they pass', () => {
    expect(value(keepInSession(stage(), { ...SESSION, periods: [] }, 'end'))).toBe(true);
    expect(value(keepInSession(stage({ end: 'fin mars' }), SESSION, 'end'))).toBe(true);
    expect(value(keepInSession(stage(), undefined, 'end'))).toBe(true);
  });
});

describe('new periods of a session', () => {
  it('lists the stages they leave outside, by student and dates', () => {
    const inside = named({ id: 'A', end: '2023-03-10' }, 'ACNA Camille');
    const outside = named({ id: 'B' });
    expect(stagesOutside([inside, outside], TO_MID_MARCH)).toEqual([outside]);
    expect(outsideMessage([outside])).toBe(
      'Ces périodes laisseraient un stage hors de la session : ACAR Laurie (du 01/02/2023 au ' +
        "31/03/2023). Rien n'a été enregistré. Cochez « Ajuster les stages aux nouvelles dates » " +
        'pour les y ramener, ou modifiez d’abord ce stage.',
    );
  });

  it('names ten stages at most, and counts the others', () => {
    const many = Array.from({ length: 13 }, (_, i) => named({ id: `S${i}` }, `Élève ${i}`));
    expect(outsideMessage(many)).toMatch(
      /13 stages hors de la session : .*Élève 9 \(.*\) et 3 autres\./,
    );
  });

  it('a stage that covered the whole period takes the new period; another is clipped', () => {
    const whole = named({ id: 'A' });
    const part = named({ id: 'B', studentId: 'ELV2', start: '2023-03-01' }, 'ACNA Camille');
    const plan = adjustToPeriods([whole, part], FEB_MAR, TO_MID_MARCH, []);
    expect(plan.impossible).toEqual([]);
    expect(plan.adjusted.map((a) => [a.after.start, a.after.end])).toEqual([
      ['2023-02-01', '2023-03-15'],
      ['2023-03-01', '2023-03-15'],
    ]);
    expect(describeAdjustment(plan.adjusted[1]!)).toBe(
      'ACNA Camille : du 01/03/2023 au 31/03/2023 → du 01/03/2023 au 15/03/2023',
    );
  });

  it('a period moved to other dates: the whole-period stage follows it', () => {
    const moved = [{ start: '2023-04-03', end: '2023-05-26' }];
    const plan = adjustToPeriods([named({ id: 'A' })], FEB_MAR, moved, []);
    expect(plan.adjusted.map((a) => [a.after.start, a.after.end])).toEqual([
      ['2023-04-03', '2023-05-26'],
    ]);
  });

  it('leaves a stopped stage, a stage no period covers, and an overlap to the user', () => {
    const stopped = named({ id: 'A', end: '2023-03-20', stoppedOn: '2023-03-20' });
    const away = named(
      { id: 'B', studentId: 'ELV2', start: '2023-03-20', end: '2023-03-31' },
      'ACNA Camille',
    );
    const clashing = named(
      { id: 'C', studentId: 'ELV3', start: '2023-03-01', end: '2023-03-31' },
      'BERNARD Hugo',
    );
    const other = stage({
      id: 'D',
      studentId: 'ELV3',
      sessionId: 'SES9',
      start: '2023-02-01',
      end: '2023-03-10',
    });
    const plan = adjustToPeriods([stopped, away, clashing], FEB_MAR, TO_MID_MARCH, [other]);
    expect(plan.adjusted).toEqual([]);
    expect(plan.impossible.map((i) => [i.stage.stage.id, i.reason])).toEqual([
      ['A', 'arrêté le 20/03/2023 : ses dates ne changent pas toutes seules'],
      ['B', 'aucune des nouvelles périodes ne recouvre ses dates'],
      [
        'C',
        'ses nouvelles dates (du 01/03/2023 au 15/03/2023) chevaucheraient son autre stage du 01/02/2023 au 10/03/2023',
      ],
    ]);
    expect(impossibleMessage(plan.impossible)).toMatch(
      /^3 stages ne peuvent pas suivre les nouvelles périodes : ACAR Laurie \(du 01\/02\/2023 au 20\/03\/2023\) — arrêté le 20\/03\/2023/,
    );
  });
});
