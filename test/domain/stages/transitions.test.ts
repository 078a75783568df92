import { describe, expect, it } from 'vitest';
import {
  affectStages,
  canRestoreOriginalEnd,
  newStage,
  parseWeeklyHours,
  reassignStage,
  removeStop,
  splitStage,
  stopStage,
} from '../../../src/domain/stages/transitions';
import type { Stage } from '../../../src/domain/types';
import { error, SESSION, stage, TUTORS, TWO_PERIODS, value } from '../../fixtures/domain';

const ctx = { newId: 'STG2', tutors: TUTORS };
const noAssignment = { companyId: '', tutorId: '', referentId: '' };

function newInput(start: string, end: string, extra: Partial<Record<string, string>> = {}) {
  return { start, end, ...noAssignment, weeklyHours: '', ...extra };
}

describe('stopStage', () => {
  it('ends the stage on the stop date and keeps the original end', () => {
    const stopped = value(
      stopStage(stage(), { stoppedOn: '27/02/2023', reason: '  Changement d’entreprise ' }),
    );
    expect(stopped).toEqual(
      stage({
        end: '2023-02-27',
        originalEnd: '2023-03-31',
        stoppedOn: '2023-02-27',
        stopReason: 'Changement d’entreprise',
      }),
    );
  });

  it('accepts a stop on the first day', () => {
    const stopped = value(stopStage(stage(), { stoppedOn: '01/02/2023', reason: 'Abandon' }));
    expect([stopped.start, stopped.end, stopped.stoppedOn]).toEqual([
      '2023-02-01',
      '2023-02-01',
      '2023-02-01',
    ]);
  });

  it('accepts a stop on the last day', () => {
    const stopped = value(stopStage(stage(), { stoppedOn: '2023-03-31', reason: 'Fin anticipée' }));
    expect(stopped.end).toBe('2023-03-31');
    expect(stopped.originalEnd).toBe('2023-03-31');
    expect(stopped.stoppedOn).toBe('2023-03-31');
  });

  it('stops a one-day stage on its day', () => {
    const day = stage({ start: '2023-03-01', end: '2023-03-01' });
    expect(value(stopStage(day, { stoppedOn: '01/03/2023', reason: 'Malade' })).stoppedOn).toBe(
      '2023-03-01',
    );
    expect(error(stopStage(day, { stoppedOn: '02/03/2023', reason: 'Malade' })).error).toBe(
      "La date d'arrêt (02/03/2023) doit tomber pendant le stage, du 01/03/2023 au 01/03/2023.",
    );
  });

  it('refuses a stop before the start or after the end', () => {
    expect(error(stopStage(stage(), { stoppedOn: '31/01/2023', reason: 'x' }))).toEqual({
      error:
        "La date d'arrêt (31/01/2023) doit tomber pendant le stage, du 01/02/2023 au 31/03/2023.",
      field: 'stoppedOn',
    });
    expect(error(stopStage(stage(), { stoppedOn: '01/04/2023', reason: 'x' })).field).toBe(
      'stoppedOn',
    );
  });

  it('refuses a missing, textual or impossible date', () => {
    expect(error(stopStage(stage(), { stoppedOn: '', reason: 'x' }))).toEqual({
      error: "La date d'arrêt est obligatoire.",
      field: 'stoppedOn',
    });
    expect(error(stopStage(stage(), { stoppedOn: 'vendredi', reason: 'x' }))).toEqual({
      error: "« vendredi » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).",
      field: 'stoppedOn',
    });
    expect(error(stopStage(stage(), { stoppedOn: '30/02/2023', reason: 'x' }))).toEqual({
      error: "Le 30/02/2023 n'existe pas.",
      field: 'stoppedOn',
    });
  });

  it('requires a reason of at most 500 characters', () => {
    expect(error(stopStage(stage(), { stoppedOn: '27/02/2023', reason: '   ' }))).toEqual({
      error: "Le motif de l'arrêt est obligatoire.",
      field: 'reason',
    });
    expect(
      value(stopStage(stage(), { stoppedOn: '27/02/2023', reason: 'x'.repeat(500) })).stopReason,
    ).toHaveLength(500);
    expect(error(stopStage(stage(), { stoppedOn: '27/02/2023', reason: 'x'.repeat(501) }))).toEqual(
      {
        error: "Le motif de l'arrêt est trop long : 501 caractères pour 500 au plus.",
        field: 'reason',
      },
    );
  });

  it('refuses to stop a stage already stopped', () => {
    const stopped = stage({
      end: '2023-02-27',
      stoppedOn: '2023-02-27',
      stopReason: 'x',
      originalEnd: '2023-03-31',
    });
    expect(error(stopStage(stopped, { stoppedOn: '20/02/2023', reason: 'y' }))).toEqual({
      error: "Ce stage est déjà arrêté depuis le 27/02/2023 : enlevez d'abord l'arrêt.",
    });
  });

  it('keeps the first original end through a second stop', () => {
    const first = value(stopStage(stage(), { stoppedOn: '10/03/2023', reason: 'a' }));
    const unstopped = value(removeStop(first, { restoreOriginalEnd: false }, []));
    const second = value(stopStage(unstopped, { stoppedOn: '01/03/2023', reason: 'b' }));
    expect(second.originalEnd).toBe('2023-03-31');
    expect(second.end).toBe('2023-03-01');
  });

  it('does not mutate its input', () => {
    const s = stage();
    const copy = structuredClone(s);
    stopStage(s, { stoppedOn: '27/02/2023', reason: 'x' });
    expect(s).toEqual(copy);
  });
});

describe('removeStop', () => {
  const stopped = stage({
    end: '2023-02-27',
    stoppedOn: '2023-02-27',
    stopReason: 'Changement',
    originalEnd: '2023-03-31',
  });

  it('refuses a stage that is not stopped', () => {
    expect(error(removeStop(stage(), { restoreOriginalEnd: false }, []))).toEqual({
      error: "Ce stage n'est pas arrêté.",
    });
    expect(error(removeStop(stage(), { restoreOriginalEnd: true }, [])).error).toBe(
      "Ce stage n'est pas arrêté.",
    );
  });

  it('clears date and reason, keeps the dates (the seed’s "arrêt fictif")', () => {
    const r = value(removeStop(stopped, { restoreOriginalEnd: false }, []));
    expect(r).toEqual(stage({ end: '2023-02-27', originalEnd: '2023-03-31' }));
  });

  it('restores the original end when asked and nothing overlaps', () => {
    const r = value(removeStop(stopped, { restoreOriginalEnd: true }, [stopped]));
    expect(r).toEqual(stage());
    expect(canRestoreOriginalEnd(stopped, [stopped])).toBe(true);
  });

  it('refuses to restore over another stage of the student, naming its dates', () => {
    const second = stage({
      id: 'STG2',
      start: '2023-03-01',
      end: '2023-03-31',
      companyId: 'BP',
      tutorId: '',
    });
    expect(canRestoreOriginalEnd(stopped, [stopped, second])).toBe(false);
    expect(error(removeStop(stopped, { restoreOriginalEnd: true }, [stopped, second]))).toEqual({
      error:
        "Impossible de rétablir la fin initiale (31/03/2023) : le stage chevaucherait l'autre stage de l'élève du 01/03/2023 au 31/03/2023.",
      field: 'restoreOriginalEnd',
    });
  });

  it('ignores other students and stages merely touching the restored range', () => {
    const otherStudent = stage({
      id: 'X',
      studentId: 'ELV2',
      start: '2023-03-01',
      end: '2023-03-31',
    });
    const touching = stage({ id: 'Y', sessionId: 'SES9', start: '2023-04-01', end: '2023-04-30' });
    expect(canRestoreOriginalEnd(stopped, [otherStudent, touching])).toBe(true);
    expect(
      value(removeStop(stopped, { restoreOriginalEnd: true }, [otherStudent, touching])).end,
    ).toBe('2023-03-31');
  });

  it('checks stages of other sessions too', () => {
    const elsewhere = stage({ id: 'Z', sessionId: 'SES9', start: '2023-03-20', end: '2023-04-10' });
    expect(canRestoreOriginalEnd(stopped, [elsewhere])).toBe(false);
  });

  it('has nothing to restore without an original end', () => {
    const handMade = stage({ end: '2023-02-27', stoppedOn: '2023-02-27', stopReason: 'x' });
    expect(canRestoreOriginalEnd(handMade, [])).toBe(false);
    expect(error(removeStop(handMade, { restoreOriginalEnd: true }, []))).toEqual({
      error: "Ce stage n'a pas de fin initiale à rétablir.",
      field: 'restoreOriginalEnd',
    });
    expect(value(removeStop(handMade, { restoreOriginalEnd: false }, [])).stoppedOn).toBe('');
  });

  it('restores a stop made on the last day to the same range', () => {
    const s = value(stopStage(stage(), { stoppedOn: '31/03/2023', reason: 'x' }));
    expect(value(removeStop(s, { restoreOriginalEnd: true }, [])).end).toBe('2023-03-31');
    expect(value(removeStop(s, { restoreOriginalEnd: true }, [])).originalEnd).toBe('');
  });
});

describe('newStage', () => {
  const first = stage({
    end: '2023-02-27',
    stoppedOn: '2023-02-27',
    stopReason: 'x',
    originalEnd: '2023-03-31',
    schedule: [7, 7, 7, 7, 7, 0, 0],
    country: 'France',
  });

  it('creates the second stage of the seed, touching the first one', () => {
    const created = value(
      newStage(first, SESSION, [first], newInput('01/03/2023', '31/03/2023'), ctx),
    );
    expect(created).toEqual({
      id: 'STG2',
      sessionId: 'SES1',
      studentId: 'ELV1',
      companyId: '',
      tutorId: '',
      referentId: '',
      start: '2023-03-01',
      end: '2023-03-31',
      stoppedOn: '',
      stopReason: '',
      originalEnd: '',
      weeklyHours: null,
      schedule: [7, 7, 7, 7, 7, 0, 0],
      country: 'France',
      conventionUrl: '',
      needsAmendment: false,
    });
  });

  it('accepts a stage starting the day after the previous one ends', () => {
    expect(
      value(newStage(first, SESSION, [first], newInput('28/02/2023', '31/03/2023'), ctx)).start,
    ).toBe('2023-02-28');
  });

  it('refuses a stage sharing one day with the previous one', () => {
    expect(
      error(newStage(first, SESSION, [first], newInput('27/02/2023', '31/03/2023'), ctx)),
    ).toEqual({
      error:
        "Ces dates chevauchent un autre stage de l'élève : du 01/02/2023 au 27/02/2023 (session « BTS 1 info période 1 »). Choisissez d'autres dates, ou arrêtez ou scindez d'abord ce stage.",
      field: 'start',
    });
  });

  it('refuses overlapping the stage it comes from when it was not stopped', () => {
    const whole = stage();
    expect(
      error(newStage(whole, SESSION, [whole], newInput('01/03/2023', '31/03/2023'), ctx)).error,
    ).toContain('du 01/02/2023 au 31/03/2023');
  });

  it('refuses overlapping a stage of another session, naming it', () => {
    const other = stage({ id: 'OLD', sessionId: 'SES0', start: '2023-03-27', end: '2023-04-07' });
    const sessions = [{ id: 'SES0', title: 'Stage découverte' }];
    expect(
      error(
        newStage(first, SESSION, [first, other], newInput('01/03/2023', '31/03/2023'), {
          ...ctx,
          sessions,
        }),
      ).error,
    ).toBe(
      "Ces dates chevauchent un autre stage de l'élève : du 27/03/2023 au 07/04/2023 (session « Stage découverte »). Choisissez d'autres dates, ou arrêtez ou scindez d'abord ce stage.",
    );
    expect(
      error(newStage(first, SESSION, [first, other], newInput('01/03/2023', '31/03/2023'), ctx))
        .error,
    ).toContain('(autre session)');
  });

  it('ignores the stages of other students', () => {
    const mate = stage({ id: 'M', studentId: 'ELV2', start: '2023-03-01', end: '2023-03-31' });
    expect(
      newStage(first, SESSION, [first, mate], newInput('01/03/2023', '31/03/2023'), ctx).ok,
    ).toBe(true);
  });

  it('accepts a one-day stage', () => {
    const s = value(newStage(first, SESSION, [first], newInput('31/03/2023', '31/03/2023'), ctx));
    expect([s.start, s.end]).toEqual(['2023-03-31', '2023-03-31']);
  });

  it('refuses an end before the start', () => {
    expect(
      error(newStage(first, SESSION, [first], newInput('31/03/2023', '01/03/2023'), ctx)),
    ).toEqual({
      error: 'La fin (01/03/2023) est avant le début (31/03/2023).',
      field: 'end',
    });
  });

  it('refuses dates outside the period, blaming the bound at fault', () => {
    expect(
      error(newStage(first, SESSION, [first], newInput('01/03/2023', '01/04/2023'), ctx)),
    ).toEqual({
      error:
        'Les dates du stage doivent tenir dans la période de la session : du 01/02/2023 au 31/03/2023.',
      field: 'end',
    });
    expect(
      error(newStage(first, SESSION, [first], newInput('31/01/2023', '10/02/2023'), ctx)).field,
    ).toBe('start');
  });

  it('works with a session of two periods: inside either, never across', () => {
    const p1 = stage({ sessionId: 'SES2', start: '2023-01-09', end: '2023-02-03' });
    const s = value(newStage(p1, TWO_PERIODS, [p1], newInput('02/05/2023', '26/05/2023'), ctx));
    expect([s.start, s.end]).toEqual(['2023-05-02', '2023-05-26']);
    expect(
      error(newStage(p1, TWO_PERIODS, [p1], newInput('01/02/2023', '10/05/2023'), ctx)).error,
    ).toBe(
      'Les dates du stage doivent tenir dans une seule période de la session : du 09/01/2023 au 03/02/2023 ou du 02/05/2023 au 26/05/2023.',
    );
    expect(
      error(newStage(p1, TWO_PERIODS, [p1], newInput('01/03/2023', '10/03/2023'), ctx)).field,
    ).toBe('start');
  });

  it('refuses a session without period and a stage of another session', () => {
    expect(
      error(
        newStage(
          first,
          { ...SESSION, periods: [] },
          [first],
          newInput('01/03/2023', '31/03/2023'),
          ctx,
        ),
      ).error,
    ).toBe("La session « BTS 1 info période 1 » n'a aucune période.");
    expect(
      error(newStage(first, TWO_PERIODS, [first], newInput('02/05/2023', '26/05/2023'), ctx)).error,
    ).toBe("Le stage d'origine n'appartient pas à la session « Bac pro 2 périodes ».");
  });

  it('reports bad dates on their field', () => {
    expect(error(newStage(first, SESSION, [first], newInput('', '31/03/2023'), ctx))).toEqual({
      error: 'La date de début est obligatoire.',
      field: 'start',
    });
    expect(
      error(newStage(first, SESSION, [first], newInput('01/03/2023', 'fin mars'), ctx)),
    ).toEqual({
      error: "« fin mars » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).",
      field: 'end',
    });
  });

  it('takes company, tutor, referent and weekly hours', () => {
    const s = value(
      newStage(
        first,
        SESSION,
        [first],
        newInput('01/03/2023', '31/03/2023', {
          companyId: 'BP',
          tutorId: 'TUT2',
          referentId: 'PER1',
          weeklyHours: '35,5',
        }),
        ctx,
      ),
    );
    expect([s.companyId, s.tutorId, s.referentId, s.weeklyHours]).toEqual([
      'BP',
      'TUT2',
      'PER1',
      35.5,
    ]);
  });

  it('refuses a tutor of another company, an unknown tutor, a tutor without company', () => {
    expect(
      error(
        newStage(
          first,
          SESSION,
          [first],
          newInput('01/03/2023', '31/03/2023', { companyId: 'BP', tutorId: 'TUT1' }),
          ctx,
        ),
      ),
    ).toEqual({
      error: "M. ECUSSON Blase n'est pas tuteur dans l'entreprise choisie.",
      field: 'tutorId',
    });
    expect(
      error(
        newStage(
          first,
          SESSION,
          [first],
          newInput('01/03/2023', '31/03/2023', { companyId: 'BP', tutorId: 'NOPE' }),
          ctx,
        ),
      ),
    ).toEqual({
      error: "Ce tuteur n'existe pas (ou plus) dans la feuille Tuteurs.",
      field: 'tutorId',
    });
    expect(
      error(
        newStage(
          first,
          SESSION,
          [first],
          newInput('01/03/2023', '31/03/2023', { tutorId: 'TUT2' }),
          ctx,
        ),
      ),
    ).toEqual({ error: "Choisissez l'entreprise avant son tuteur.", field: 'tutorId' });
  });

  it('refuses bad weekly hours', () => {
    expect(
      error(
        newStage(
          first,
          SESSION,
          [first],
          newInput('01/03/2023', '31/03/2023', { weeklyHours: '49' }),
          ctx,
        ),
      ),
    ).toEqual({
      error: 'La durée hebdomadaire doit être comprise entre 0 et 48 heures (0 exclu).',
      field: 'weeklyHours',
    });
  });
});

describe('parseWeeklyHours', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['35', 35],
    ['35,5', 35.5],
    ['17.5', 17.5],
    ['48', 48],
    ['0,5', 0.5],
    ['35h', 35],
    ['35 h', 35],
    ['35H00', 35],
    ['17h30', 17.5],
    ['28 heures', 28],
  ])('%j → %s', (text, hours) => {
    expect(value(parseWeeklyHours(text))).toBe(hours);
  });

  it.each(['0', '0,0', '48,5', '100'])('refuses %j as out of range', (text) => {
    expect(error(parseWeeklyHours(text))).toEqual({
      error: 'La durée hebdomadaire doit être comprise entre 0 et 48 heures (0 exclu).',
      field: 'weeklyHours',
    });
  });

  it.each(['abc', '-5', '35,5,5', '1e2', '35h75'])('refuses %j as not a number', (text) => {
    expect(error(parseWeeklyHours(text))).toEqual({
      error: `« ${text} » n'est pas une durée hebdomadaire : écrivez un nombre d'heures, par exemple 35 ou 17,5.`,
      field: 'weeklyHours',
    });
  });
});

describe('splitStage', () => {
  const base = {
    splitDate: '01/03/2023',
    firstPartEnd: '',
    mode: 'cut' as const,
    reason: '',
    keepAssignment: true,
    ...noAssignment,
  };

  it('splits the seed’s stage: 01/02–27/02 and 01/03–31/03 (cut)', () => {
    const [a, b] = value(
      splitStage(stage(), SESSION, [stage()], { ...base, firstPartEnd: '27/02/2023' }, ctx),
    );
    expect(a).toEqual(stage({ end: '2023-02-27' }));
    expect(b).toEqual(stage({ id: 'STG2', start: '2023-03-01', end: '2023-03-31' }));
  });

  it('ends the first part the day before by default', () => {
    const [a, b] = value(splitStage(stage(), SESSION, [], base, ctx));
    expect(a.end).toBe('2023-02-28');
    expect(b.start).toBe('2023-03-01');
  });

  it('makes a real stop in "stop" mode', () => {
    const [a, b] = value(
      splitStage(
        stage(),
        SESSION,
        [],
        { ...base, firstPartEnd: '27/02/2023', mode: 'stop', reason: ' Autre entreprise ' },
        ctx,
      ),
    );
    expect(a).toEqual(
      stage({
        end: '2023-02-27',
        stoppedOn: '2023-02-27',
        stopReason: 'Autre entreprise',
        originalEnd: '2023-03-31',
      }),
    );
    expect(b.stoppedOn).toBe('');
    expect(b.originalEnd).toBe('');
    expect([b.start, b.end]).toEqual(['2023-03-01', '2023-03-31']);
  });

  it('requires a reason in "stop" mode only', () => {
    expect(error(splitStage(stage(), SESSION, [], { ...base, mode: 'stop' }, ctx))).toEqual({
      error: "Le motif de l'arrêt est obligatoire.",
      field: 'reason',
    });
    const [a] = value(splitStage(stage(), SESSION, [], { ...base, reason: 'ignored' }, ctx));
    expect(a.stopReason).toBe('');
  });

  it('gives the second part a new assignment when asked', () => {
    const [a, b] = value(
      splitStage(
        stage(),
        SESSION,
        [],
        { ...base, keepAssignment: false, companyId: 'BP', tutorId: 'TUT3', referentId: 'PER2' },
        ctx,
      ),
    );
    expect([a.companyId, a.tutorId, a.referentId]).toEqual(['CA', 'TUT1', 'PER1']);
    expect([b.companyId, b.tutorId, b.referentId]).toEqual(['BP', 'TUT3', 'PER2']);
    const [, empty] = value(
      splitStage(stage(), SESSION, [], { ...base, keepAssignment: false }, ctx),
    );
    expect([empty.companyId, empty.tutorId, empty.referentId]).toEqual(['', '', '']);
    expect(
      error(
        splitStage(
          stage(),
          SESSION,
          [],
          { ...base, keepAssignment: false, companyId: 'BP', tutorId: 'TUT1' },
          ctx,
        ),
      ),
    ).toEqual({
      error: "M. ECUSSON Blase n'est pas tuteur dans l'entreprise choisie.",
      field: 'tutorId',
    });
  });

  it('ignores the typed assignment when keeping it', () => {
    const [, b] = value(
      splitStage(stage(), SESSION, [], { ...base, companyId: 'BP', tutorId: 'TUT1' }, ctx),
    );
    expect([b.companyId, b.tutorId]).toEqual(['CA', 'TUT1']);
  });

  it('accepts the second day and the last day as split dates', () => {
    const [a1, b1] = value(
      splitStage(stage(), SESSION, [], { ...base, splitDate: '02/02/2023' }, ctx),
    );
    expect([a1.start, a1.end, b1.start]).toEqual(['2023-02-01', '2023-02-01', '2023-02-02']);
    const [a2, b2] = value(
      splitStage(stage(), SESSION, [], { ...base, splitDate: '31/03/2023' }, ctx),
    );
    expect([a2.end, b2.start, b2.end]).toEqual(['2023-03-30', '2023-03-31', '2023-03-31']);
  });

  it('splits a two-day stage into two one-day stages', () => {
    const short = stage({ start: '2023-03-30', end: '2023-03-31' });
    const [a, b] = value(splitStage(short, SESSION, [], { ...base, splitDate: '31/03/2023' }, ctx));
    expect([a.start, a.end, b.start, b.end]).toEqual([
      '2023-03-30',
      '2023-03-30',
      '2023-03-31',
      '2023-03-31',
    ]);
  });

  it('refuses split dates leaving an empty part', () => {
    const message = {
      error:
        'La seconde partie doit commencer entre le 02/02/2023 et le 31/03/2023, pour que chaque partie dure au moins un jour.',
      field: 'splitDate',
    };
    expect(
      error(splitStage(stage(), SESSION, [], { ...base, splitDate: '01/02/2023' }, ctx)),
    ).toEqual(message);
    expect(
      error(splitStage(stage(), SESSION, [], { ...base, splitDate: '01/04/2023' }, ctx)),
    ).toEqual(message);
    expect(
      error(splitStage(stage(), SESSION, [], { ...base, splitDate: '15/01/2023' }, ctx)),
    ).toEqual(message);
  });

  it('refuses to split a one-day stage', () => {
    const day = stage({ start: '2023-03-01', end: '2023-03-01' });
    expect(error(splitStage(day, SESSION, [], { ...base, splitDate: '01/03/2023' }, ctx))).toEqual({
      error: "Un stage d'un seul jour ne peut pas être scindé.",
      field: 'splitDate',
    });
  });

  it('checks the chosen last day of the first part', () => {
    const message = {
      error:
        'La fin de la première partie doit être comprise entre le 01/02/2023 et le 28/02/2023 (veille de la seconde partie).',
      field: 'firstPartEnd',
    };
    expect(
      error(splitStage(stage(), SESSION, [], { ...base, firstPartEnd: '01/03/2023' }, ctx)),
    ).toEqual(message);
    expect(
      error(splitStage(stage(), SESSION, [], { ...base, firstPartEnd: '31/01/2023' }, ctx)),
    ).toEqual(message);
    const [a] = value(
      splitStage(stage(), SESSION, [], { ...base, firstPartEnd: '01/02/2023' }, ctx),
    );
    expect(a.end).toBe('2023-02-01');
    expect(error(splitStage(stage(), SESSION, [], { ...base, firstPartEnd: 'hier' }, ctx))).toEqual(
      {
        error: "« hier » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).",
        field: 'firstPartEnd',
      },
    );
  });

  it('reports a missing or textual split date', () => {
    expect(error(splitStage(stage(), SESSION, [], { ...base, splitDate: '' }, ctx))).toEqual({
      error: 'La date de début de la seconde partie est obligatoire.',
      field: 'splitDate',
    });
    expect(error(splitStage(stage(), SESSION, [], { ...base, splitDate: 'mars' }, ctx)).field).toBe(
      'splitDate',
    );
  });

  it('refuses a stopped stage', () => {
    const stopped = stage({
      end: '2023-02-27',
      stoppedOn: '2023-02-27',
      stopReason: 'x',
      originalEnd: '2023-03-31',
    });
    expect(
      error(splitStage(stopped, SESSION, [], { ...base, splitDate: '10/02/2023' }, ctx)),
    ).toEqual({
      error: "Ce stage est arrêté depuis le 27/02/2023 : enlevez d'abord l'arrêt pour le scinder.",
    });
  });

  it('refuses an unknown mode', () => {
    const r = splitStage(stage(), SESSION, [], { ...base, mode: 'other' as 'cut' }, ctx);
    expect(error(r).field).toBe('mode');
  });

  it('refuses when the second part would overlap another stage (inconsistent data)', () => {
    const clash = stage({ id: 'OTHER', start: '2023-03-15', end: '2023-03-20' });
    expect(error(splitStage(stage(), SESSION, [stage(), clash], base, ctx)).error).toContain(
      'du 15/03/2023 au 20/03/2023',
    );
  });

  it('marks a stage with a convention for an amendment when cut, not when stopped', () => {
    const withConvention = stage({ conventionUrl: 'https://docs.example/c1' });
    const [cut] = value(splitStage(withConvention, SESSION, [], base, ctx));
    expect(cut.needsAmendment).toBe(true);
    const [stopped, second] = value(
      splitStage(withConvention, SESSION, [], { ...base, mode: 'stop', reason: 'x' }, ctx),
    );
    expect(stopped.needsAmendment).toBe(false);
    expect(second.conventionUrl).toBe('');
    expect(second.needsAmendment).toBe(false);
  });

  it('copies hours, schedule and country to the second part', () => {
    const s = stage({ weeklyHours: 28, schedule: [7, 7, 7, 7, 0, 0, 0], country: 'Belgique' });
    const [, b] = value(splitStage(s, SESSION, [], base, ctx));
    expect([b.weeklyHours, b.schedule, b.country]).toEqual([28, [7, 7, 7, 7, 0, 0, 0], 'Belgique']);
  });
});

describe('reassignStage', () => {
  it('changes company, tutor and referent', () => {
    const r = value(
      reassignStage(stage(), { companyId: 'BP', tutorId: 'TUT2', referentId: 'PER2' }, TUTORS),
    );
    expect([r.companyId, r.tutorId, r.referentId, r.needsAmendment]).toEqual([
      'BP',
      'TUT2',
      'PER2',
      false,
    ]);
  });

  it('allows clearing the tutor or everything', () => {
    expect(
      value(reassignStage(stage(), { companyId: 'CA', tutorId: '', referentId: 'PER1' }, TUTORS))
        .tutorId,
    ).toBe('');
    expect(value(reassignStage(stage(), noAssignment, TUTORS)).companyId).toBe('');
  });

  it('refuses a tutor of another company', () => {
    expect(
      error(reassignStage(stage(), { companyId: 'CA', tutorId: 'TUT2', referentId: '' }, TUTORS)),
    ).toEqual({
      error: "M. BONNET Frédéric n'est pas tuteur dans l'entreprise choisie.",
      field: 'tutorId',
    });
    expect(
      error(reassignStage(stage(), { companyId: 'BP', tutorId: 'TUT3', referentId: '' }, [])).error,
    ).toBe("Ce tuteur n'existe pas (ou plus) dans la feuille Tuteurs.");
  });

  it('says when nothing changes', () => {
    expect(
      error(
        reassignStage(stage(), { companyId: 'CA', tutorId: 'TUT1', referentId: ' PER1 ' }, TUTORS),
      ),
    ).toEqual({
      error: 'Aucun changement à enregistrer.',
    });
  });

  it('asks for an amendment when the company or tutor of a conventioned stage changes', () => {
    const c = stage({ conventionUrl: 'https://docs.example/c' });
    expect(
      value(reassignStage(c, { companyId: 'BP', tutorId: '', referentId: 'PER1' }, TUTORS))
        .needsAmendment,
    ).toBe(true);
    expect(
      value(reassignStage(c, { companyId: 'CA', tutorId: '', referentId: 'PER1' }, TUTORS))
        .needsAmendment,
    ).toBe(true);
    expect(
      value(reassignStage(c, { companyId: 'CA', tutorId: 'TUT1', referentId: 'PER9' }, TUTORS))
        .needsAmendment,
    ).toBe(false);
    expect(
      value(reassignStage(stage(), { companyId: 'BP', tutorId: '', referentId: '' }, TUTORS))
        .needsAmendment,
    ).toBe(false);
  });

  it('keeps an amendment already due', () => {
    const due = stage({ conventionUrl: 'u', needsAmendment: true });
    expect(
      value(reassignStage(due, { companyId: 'CA', tutorId: 'TUT1', referentId: 'PER9' }, TUTORS))
        .needsAmendment,
    ).toBe(true);
  });
});

describe('affectStages', () => {
  const a = stage({ id: 'A', companyId: '', tutorId: '', referentId: '' });
  const b = stage({ id: 'B', studentId: 'ELV2', companyId: 'CA', tutorId: 'TUT1', referentId: '' });
  const c = stage({
    id: 'C',
    studentId: 'ELV3',
    companyId: 'BP',
    tutorId: 'TUT2',
    referentId: 'PER1',
  });

  it('sets the given fields on every stage and leaves the others', () => {
    const r = value(affectStages([a, b], { referentId: 'PER7' }, TUTORS));
    expect(r.map((s) => [s.id, s.companyId, s.tutorId, s.referentId])).toEqual([
      ['A', '', '', 'PER7'],
      ['B', 'CA', 'TUT1', 'PER7'],
    ]);
  });

  it('sets company and tutor together', () => {
    const r = value(affectStages([a, b, c], { companyId: 'BP', tutorId: 'TUT3' }, TUTORS));
    expect(r.map((s) => [s.companyId, s.tutorId, s.referentId])).toEqual([
      ['BP', 'TUT3', ''],
      ['BP', 'TUT3', ''],
      ['BP', 'TUT3', 'PER1'],
    ]);
  });

  it('drops a tutor who does not work in the new company, keeps one who does', () => {
    const r = value(affectStages([b, c], { companyId: 'BP' }, TUTORS));
    expect(r.map((s) => s.tutorId)).toEqual(['', 'TUT2']);
  });

  it('clears the tutor with the company', () => {
    const r = value(affectStages([b], { companyId: '' }, TUTORS));
    expect([r[0]!.companyId, r[0]!.tutorId]).toEqual(['', '']);
  });

  it('checks a tutor alone against each stage’s own company', () => {
    expect(value(affectStages([c], { tutorId: 'TUT3' }, TUTORS))[0]!.tutorId).toBe('TUT3');
    expect(error(affectStages([b, c], { tutorId: 'TUT3' }, TUTORS))).toEqual({
      error: "DURAND Anne n'est pas tuteur dans l'entreprise d'un des stages sélectionnés.",
      field: 'tutorId',
    });
    expect(error(affectStages([a, b, c], { tutorId: 'TUT1' }, TUTORS))).toEqual({
      error: "Choisissez l'entreprise avant son tuteur.",
      field: 'tutorId',
    });
    const b2 = stage({ id: 'B2', companyId: 'CA', tutorId: '' });
    expect(
      error(affectStages([b, b2, c, { ...c, id: 'C2' }], { tutorId: 'TUT1' }, TUTORS)).error,
    ).toBe("M. ECUSSON Blase n'est pas tuteur dans l'entreprise de 2 des stages sélectionnés.");
    expect(error(affectStages([c], { tutorId: 'TUT1' }, TUTORS)).error).toBe(
      "M. ECUSSON Blase n'est pas tuteur dans l'entreprise choisie.",
    );
  });

  it('refuses a tutor of another company than the one chosen', () => {
    expect(error(affectStages([a, b], { companyId: 'CA', tutorId: 'TUT2' }, TUTORS))).toEqual({
      error: "M. BONNET Frédéric n'est pas tuteur dans l'entreprise choisie.",
      field: 'tutorId',
    });
  });

  it('refuses an empty selection, an empty change, a change that changes nothing', () => {
    expect(error(affectStages([], { referentId: 'X' }, TUTORS)).error).toBe(
      'Sélectionnez au moins un stage.',
    );
    expect(error(affectStages([a], {}, TUTORS)).error).toBe(
      "Choisissez l'entreprise, le tuteur ou le référent à affecter.",
    );
    expect(error(affectStages([b], { companyId: 'CA', tutorId: 'TUT1' }, TUTORS)).error).toBe(
      'Aucun changement à enregistrer.',
    );
  });

  it('returns unchanged stages as they were (same object) and marks amendments', () => {
    const conventioned = stage({ id: 'D', companyId: 'CA', tutorId: 'TUT1', conventionUrl: 'u' });
    const r = value(affectStages([c, conventioned], { companyId: 'BP' }, TUTORS));
    expect(r[0]).toBe(c);
    expect(r[1]!.needsAmendment).toBe(true);
    expect(r[1]!.tutorId).toBe('');
    const ref = value(affectStages([conventioned], { referentId: 'PER9' }, TUTORS));
    expect(ref[0]!.needsAmendment).toBe(false);
  });

  it('does not mutate its inputs', () => {
    const stages: Stage[] = [structuredClone(b), structuredClone(c)];
    const before = structuredClone(stages);
    affectStages(stages, { companyId: 'BP' }, TUTORS);
    expect(stages).toEqual(before);
  });
});
