import { describe, expect, it } from 'vitest';
import {
  affectStages,
  canRestoreOriginalEnd,
  newStage,
  parseWeeklyHours,
  reassignStage,
  removeStop,
  splitStage,
  type SplitStageInput,
  stopStage,
  stopStages,
} from '../../../src/domain/stages/transitions';
import type { Session, Stage, Tutor } from '../../../src/domain/types';
import { error, SESSION, stage, TUTORS, TWO_PERIODS, value } from '../../fixtures/domain';

const ctx = { newId: 'STG2', tutors: TUTORS };
const noAssignment = { companyId: '', tutorId: '', referentId: '' };

/** A refused transition, as `error()` gives it: the French message and the field at fault. */
type Refusal = { error: string; field?: string };

/**
 * One row of a table: what the case shows, what goes in, what must come out. A transition that
 * succeeds is compared with the whole stage (or stages) it must return, a refused one with the
 * whole refusal.
 */
interface Case<Input, Expected> {
  name: string;
  input: Input;
  expected: Expected;
}

/** One test per row, named after it. */
function eachCase<Input, Expected>(
  cases: Case<Input, Expected>[],
  check: (input: Input, expected: Expected) => void,
): void {
  for (const { name, input, expected } of cases) it(name, () => check(input, expected));
}

function newInput(start: string, end: string, extra: Partial<Record<string, string>> = {}) {
  return { start, end, ...noAssignment, weeklyHours: '', ...extra };
}

describe('stopStage', () => {
  type StopInput = { stage?: Stage; stoppedOn: string; reason: string };
  const stop = ({ stage: s = stage(), ...input }: StopInput) => stopStage(s, input);
  const oneDay = stage({ start: '2023-03-01', end: '2023-03-01' });
  const inTheStage = (stoppedOn: string) =>
    `La date d'arrêt (${stoppedOn}) doit tomber pendant le stage, du 01/02/2023 au 31/03/2023.`;

  const stops: Case<StopInput, Stage>[] = [
    {
      name: 'ends the stage on the stop date and keeps the original end',
      input: { stoppedOn: '27/02/2023', reason: '  Changement d’entreprise ' },
      expected: stage({
        end: '2023-02-27',
        originalEnd: '2023-03-31',
        stoppedOn: '2023-02-27',
        stopReason: 'Changement d’entreprise',
      }),
    },
    {
      name: 'asks for an avenant when the stage had its convention',
      input: {
        stage: stage({ conventionUrl: 'https://docs.example/c' }),
        stoppedOn: '27/02/2023',
        reason: 'Rupture',
      },
      expected: stage({
        conventionUrl: 'https://docs.example/c',
        end: '2023-02-27',
        originalEnd: '2023-03-31',
        stoppedOn: '2023-02-27',
        stopReason: 'Rupture',
        needsAmendment: true,
      }),
    },
    {
      name: 'accepts a stop on the first day',
      input: { stoppedOn: '01/02/2023', reason: 'Abandon' },
      expected: stage({
        end: '2023-02-01',
        originalEnd: '2023-03-31',
        stoppedOn: '2023-02-01',
        stopReason: 'Abandon',
      }),
    },
    {
      name: 'accepts a stop on the last day',
      input: { stoppedOn: '2023-03-31', reason: 'Fin anticipée' },
      expected: stage({
        originalEnd: '2023-03-31',
        stoppedOn: '2023-03-31',
        stopReason: 'Fin anticipée',
      }),
    },
    {
      name: 'stops a one-day stage on its day',
      input: { stage: oneDay, stoppedOn: '01/03/2023', reason: 'Malade' },
      expected: {
        ...oneDay,
        originalEnd: '2023-03-01',
        stoppedOn: '2023-03-01',
        stopReason: 'Malade',
      },
    },
    {
      name: 'accepts a reason of 500 characters',
      input: { stoppedOn: '27/02/2023', reason: 'x'.repeat(500) },
      expected: stage({
        end: '2023-02-27',
        originalEnd: '2023-03-31',
        stoppedOn: '2023-02-27',
        stopReason: 'x'.repeat(500),
      }),
    },
  ];

  eachCase(stops, (input, expected) => {
    expect(value(stop(input))).toEqual(expected);
  });

  const refusals: Case<StopInput, Refusal>[] = [
    {
      name: 'refuses a one-day stage stopped on another day',
      input: { stage: oneDay, stoppedOn: '02/03/2023', reason: 'Malade' },
      expected: {
        error:
          "La date d'arrêt (02/03/2023) doit tomber pendant le stage, du 01/03/2023 au 01/03/2023.",
        field: 'stoppedOn',
      },
    },
    {
      name: 'refuses a stop before the start',
      input: { stoppedOn: '31/01/2023', reason: 'x' },
      expected: { error: inTheStage('31/01/2023'), field: 'stoppedOn' },
    },
    {
      name: 'refuses a stop after the end',
      input: { stoppedOn: '01/04/2023', reason: 'x' },
      expected: { error: inTheStage('01/04/2023'), field: 'stoppedOn' },
    },
    {
      name: 'refuses a missing date',
      input: { stoppedOn: '', reason: 'x' },
      expected: { error: "La date d'arrêt est obligatoire.", field: 'stoppedOn' },
    },
    {
      name: 'refuses a textual date',
      input: { stoppedOn: 'vendredi', reason: 'x' },
      expected: {
        error: "« vendredi » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).",
        field: 'stoppedOn',
      },
    },
    {
      name: 'refuses an impossible date',
      input: { stoppedOn: '30/02/2023', reason: 'x' },
      expected: { error: "Le 30/02/2023 n'existe pas.", field: 'stoppedOn' },
    },
    {
      name: 'requires a reason',
      input: { stoppedOn: '27/02/2023', reason: '   ' },
      expected: { error: "Le motif de l'arrêt est obligatoire.", field: 'reason' },
    },
    {
      name: 'refuses a reason over 500 characters',
      input: { stoppedOn: '27/02/2023', reason: 'x'.repeat(501) },
      expected: {
        error: "Le motif de l'arrêt est trop long : 501 caractères pour 500 au plus.",
        field: 'reason',
      },
    },
    {
      name: 'refuses to stop a stage already stopped',
      input: {
        stage: stage({
          end: '2023-02-27',
          stoppedOn: '2023-02-27',
          stopReason: 'x',
          originalEnd: '2023-03-31',
        }),
        stoppedOn: '20/02/2023',
        reason: 'y',
      },
      expected: {
        error: "Ce stage est déjà arrêté depuis le 27/02/2023 : enlevez d'abord l'arrêt.",
      },
    },
  ];

  eachCase(refusals, (input, expected) => {
    expect(error(stop(input))).toEqual(expected);
  });

  it('keeps, on a second stop, the end the stage had then (the first stop left no trace)', () => {
    const first = value(stopStage(stage(), { stoppedOn: '10/03/2023', reason: 'a' }));
    const unstopped = value(removeStop(first, { restoreOriginalEnd: false }, []));
    const second = value(stopStage(unstopped, { stoppedOn: '01/03/2023', reason: 'b' }));
    expect(second.originalEnd).toBe('2023-03-10');
    expect(second.end).toBe('2023-03-01');
  });

  it('takes the end the stage has as "Fin initiale", even over a stale one typed by hand', () => {
    const stale = stage({ end: '2023-03-10', originalEnd: '2023-03-31' });
    expect(value(stopStage(stale, { stoppedOn: '01/03/2023', reason: 'b' })).originalEnd).toBe(
      '2023-03-10',
    );
  });

  it('does not mutate its input', () => {
    const s = stage();
    const copy = structuredClone(s);
    stopStage(s, { stoppedOn: '27/02/2023', reason: 'x' });
    expect(s).toEqual(copy);
  });
});

describe('stopStages (several rows selected)', () => {
  const laurie = { stage: stage(), name: 'ACAR Laurie (ligne 2)' };
  const camille = {
    stage: stage({ id: 'STG3', studentId: 'ELV2', start: '2023-02-06', end: '2023-03-24' }),
    name: 'ACNA Camille (ligne 3)',
  };
  const early = {
    stage: stage({ id: 'STG4', studentId: 'ELV3', start: '2023-01-09', end: '2023-02-03' }),
    name: 'BENALI Yanis (ligne 4)',
  };
  const stoppedOne = {
    stage: stage({
      id: 'STG5',
      studentId: 'ELV4',
      end: '2023-02-20',
      stoppedOn: '2023-02-20',
      stopReason: 'x',
      originalEnd: '2023-03-31',
    }),
    name: 'CARPENTIER Manon (ligne 5)',
  };
  const input = { stoppedOn: '27/02/2023', reason: ' Fermeture de l’entreprise ' };

  it('stops every row on the same day for the same reason, each keeping its own end', () => {
    expect(value(stopStages([laurie, camille], input))).toEqual([
      stage({
        end: '2023-02-27',
        stoppedOn: '2023-02-27',
        stopReason: 'Fermeture de l’entreprise',
        originalEnd: '2023-03-31',
      }),
      {
        ...camille.stage,
        end: '2023-02-27',
        stoppedOn: '2023-02-27',
        stopReason: 'Fermeture de l’entreprise',
        originalEnd: '2023-03-24',
      },
    ]);
  });

  it('checks every row and stops none when one cannot be, naming each at fault', () => {
    expect(error(stopStages([laurie, early, stoppedOne], input))).toEqual({
      error:
        "Aucun stage arrêté : 2 des 3 stages sélectionnés ne peuvent pas l'être le 27/02/2023. " +
        "BENALI Yanis (ligne 4) : La date d'arrêt (27/02/2023) doit tomber pendant le stage, du 09/01/2023 au 03/02/2023. " +
        "CARPENTIER Manon (ligne 5) : Ce stage est déjà arrêté depuis le 20/02/2023 : enlevez d'abord l'arrêt.",
    });
    expect(error(stopStages([laurie, early], input))).toEqual({
      error:
        "Aucun stage arrêté : un des 2 stages sélectionnés ne peut pas l'être le 27/02/2023. " +
        "BENALI Yanis (ligne 4) : La date d'arrêt (27/02/2023) doit tomber pendant le stage, du 09/01/2023 au 03/02/2023.",
      field: 'stoppedOn',
    });
  });

  it('says once, on its field, what is wrong whatever the row', () => {
    expect(error(stopStages([laurie, camille], { ...input, reason: ' ' }))).toEqual({
      error: "Le motif de l'arrêt est obligatoire.",
      field: 'reason',
    });
    expect(error(stopStages([laurie, camille], { ...input, stoppedOn: 'lundi' }))).toEqual({
      error: "« lundi » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).",
      field: 'stoppedOn',
    });
    expect(error(stopStages([laurie, camille], { ...input, reason: 'x'.repeat(501) }))).toEqual({
      error: "Le motif de l'arrêt est trop long : 501 caractères pour 500 au plus.",
      field: 'reason',
    });
  });

  it('is the single stop for one row, and refuses none', () => {
    expect(value(stopStages([laurie], input))).toEqual([value(stopStage(laurie.stage, input))]);
    expect(error(stopStages([], input))).toEqual({
      error: 'Sélectionnez au moins une ligne de stage.',
    });
  });
});

describe('removeStop', () => {
  const stopped = stage({
    end: '2023-02-27',
    stoppedOn: '2023-02-27',
    stopReason: 'Changement',
    originalEnd: '2023-03-31',
  });
  const second = stage({
    id: 'STG2',
    start: '2023-03-01',
    end: '2023-03-31',
    companyId: 'BP',
    tutorId: '',
  });
  const otherStudent = stage({
    id: 'X',
    studentId: 'ELV2',
    start: '2023-03-01',
    end: '2023-03-31',
  });
  const touching = stage({ id: 'Y', sessionId: 'SES9', start: '2023-04-01', end: '2023-04-30' });
  const elsewhere = stage({ id: 'Z', sessionId: 'SES9', start: '2023-03-20', end: '2023-04-10' });
  const handMade = stage({ end: '2023-02-27', stoppedOn: '2023-02-27', stopReason: 'x' });

  type RemoveInput = { stage: Stage; restoreOriginalEnd: boolean; others: Stage[] };
  const remove = ({ stage: s, restoreOriginalEnd, others }: RemoveInput) =>
    removeStop(s, { restoreOriginalEnd }, others);

  const removals: Case<RemoveInput, Stage>[] = [
    {
      name: 'clears date, reason and "Fin initiale", keeps the dates (the seed’s "arrêt fictif")',
      input: { stage: stopped, restoreOriginalEnd: false, others: [] },
      expected: stage({ end: '2023-02-27' }),
    },
    {
      name: 'restores the original end when asked and nothing overlaps',
      input: { stage: stopped, restoreOriginalEnd: true, others: [stopped] },
      expected: stage(),
    },
    {
      name: 'restores over other students and stages merely touching the restored range',
      input: { stage: stopped, restoreOriginalEnd: true, others: [otherStudent, touching] },
      expected: stage(),
    },
    {
      name: 'clears a stop typed by hand, which has no original end',
      input: { stage: handMade, restoreOriginalEnd: false, others: [] },
      expected: stage({ end: '2023-02-27' }),
    },
    {
      name: 'restores a stop made on the last day to the same range',
      input: {
        stage: value(stopStage(stage(), { stoppedOn: '31/03/2023', reason: 'x' })),
        restoreOriginalEnd: true,
        others: [],
      },
      expected: stage(),
    },
  ];

  eachCase(removals, (input, expected) => {
    expect(value(remove(input))).toEqual(expected);
  });

  const refusals: Case<RemoveInput, Refusal>[] = [
    {
      name: 'refuses a stage that is not stopped',
      input: { stage: stage(), restoreOriginalEnd: false, others: [] },
      expected: { error: "Ce stage n'est pas arrêté." },
    },
    {
      name: 'refuses a stage that is not stopped, even to restore its end',
      input: { stage: stage(), restoreOriginalEnd: true, others: [] },
      expected: { error: "Ce stage n'est pas arrêté." },
    },
    {
      name: 'refuses to restore over another stage of the student, naming its dates',
      input: { stage: stopped, restoreOriginalEnd: true, others: [stopped, second] },
      expected: {
        error:
          "Impossible de rétablir la fin initiale (31/03/2023) : le stage chevaucherait l'autre stage de l'élève du 01/03/2023 au 31/03/2023.",
        field: 'restoreOriginalEnd',
      },
    },
    {
      name: 'has nothing to restore without an original end',
      input: { stage: handMade, restoreOriginalEnd: true, others: [] },
      expected: {
        error: "Ce stage n'a pas de fin initiale à rétablir.",
        field: 'restoreOriginalEnd',
      },
    },
  ];

  eachCase(refusals, (input, expected) => {
    expect(error(remove(input))).toEqual(expected);
  });

  describe('canRestoreOriginalEnd', () => {
    const cases: Case<{ stage: Stage; others: Stage[] }, boolean>[] = [
      {
        name: 'offers to restore when nothing overlaps',
        input: { stage: stopped, others: [stopped] },
        expected: true,
      },
      {
        name: 'does not offer to restore over another stage of the student',
        input: { stage: stopped, others: [stopped, second] },
        expected: false,
      },
      {
        name: 'ignores other students and stages merely touching the restored range',
        input: { stage: stopped, others: [otherStudent, touching] },
        expected: true,
      },
      {
        name: 'checks stages of other sessions too',
        input: { stage: stopped, others: [elsewhere] },
        expected: false,
      },
      {
        name: 'has nothing to restore without an original end',
        input: { stage: handMade, others: [] },
        expected: false,
      },
    ];

    eachCase(cases, (input, expected) => {
      expect(canRestoreOriginalEnd(input.stage, input.others)).toBe(expected);
    });
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
  const firstPeriod = stage({ sessionId: 'SES2', start: '2023-01-09', end: '2023-02-03' });
  const otherSession = stage({
    id: 'OLD',
    sessionId: 'SES0',
    start: '2023-03-27',
    end: '2023-04-07',
  });

  type NewInput = {
    from?: Stage;
    session?: Session;
    others?: Stage[];
    start: string;
    end: string;
    extra?: Partial<Record<string, string>>;
    sessions?: { id: string; title: string }[];
  };
  const create = ({
    from = first,
    session = SESSION,
    others,
    start,
    end,
    extra,
    sessions,
  }: NewInput) =>
    newStage(
      from,
      session,
      others ?? [from],
      newInput(start, end, extra),
      sessions ? { ...ctx, sessions } : ctx,
    );
  /** The stage newStage makes after `from`: a new ID, no assignment, no stop, no convention. */
  const made = (from: Stage, overrides: Partial<Stage>): Stage => ({
    ...from,
    id: 'STG2',
    ...noAssignment,
    stoppedOn: '',
    stopReason: '',
    originalEnd: '',
    weeklyHours: null,
    conventionUrl: '',
    needsAmendment: false,
    ...overrides,
  });
  const overlap = (dates: string, session: string) =>
    `Ces dates chevauchent un autre stage de l'élève : ${dates} (${session}). Choisissez d'autres dates, ou arrêtez ou scindez d'abord ce stage.`;
  const notADate = (text: string) =>
    `« ${text} » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).`;

  const creations: Case<NewInput, Stage>[] = [
    {
      name: 'creates the second stage of the seed, touching the first one',
      input: { start: '01/03/2023', end: '31/03/2023' },
      expected: {
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
      },
    },
    {
      name: 'accepts a stage starting the day after the previous one ends',
      input: { start: '28/02/2023', end: '31/03/2023' },
      expected: made(first, { start: '2023-02-28', end: '2023-03-31' }),
    },
    {
      name: 'ignores the stages of other students',
      input: {
        others: [
          first,
          stage({ id: 'M', studentId: 'ELV2', start: '2023-03-01', end: '2023-03-31' }),
        ],
        start: '01/03/2023',
        end: '31/03/2023',
      },
      expected: made(first, { start: '2023-03-01', end: '2023-03-31' }),
    },
    {
      name: 'accepts a one-day stage',
      input: { start: '31/03/2023', end: '31/03/2023' },
      expected: made(first, { start: '2023-03-31', end: '2023-03-31' }),
    },
    {
      name: 'accepts a stage inside the other period of a two-period session',
      input: { from: firstPeriod, session: TWO_PERIODS, start: '02/05/2023', end: '26/05/2023' },
      expected: made(firstPeriod, { start: '2023-05-02', end: '2023-05-26' }),
    },
    {
      name: 'takes company, tutor, referent and weekly hours',
      input: {
        start: '01/03/2023',
        end: '31/03/2023',
        extra: { companyId: 'BP', tutorId: 'TUT2', referentId: 'PER1', weeklyHours: '35,5' },
      },
      expected: made(first, {
        start: '2023-03-01',
        end: '2023-03-31',
        companyId: 'BP',
        tutorId: 'TUT2',
        referentId: 'PER1',
        weeklyHours: 35.5,
      }),
    },
  ];

  eachCase(creations, (input, expected) => {
    expect(value(create(input))).toEqual(expected);
  });

  const refusals: Case<NewInput, Refusal>[] = [
    {
      name: 'refuses a stage sharing one day with the previous one',
      input: { start: '27/02/2023', end: '31/03/2023' },
      expected: {
        error: overlap('du 01/02/2023 au 27/02/2023', 'session « BTS 1 info période 1 »'),
        field: 'start',
      },
    },
    {
      name: 'refuses overlapping the stage it comes from when it was not stopped',
      input: { from: stage(), start: '01/03/2023', end: '31/03/2023' },
      expected: {
        error: overlap('du 01/02/2023 au 31/03/2023', 'session « BTS 1 info période 1 »'),
        field: 'start',
      },
    },
    {
      name: 'refuses overlapping a stage of another session, naming it',
      input: {
        others: [first, otherSession],
        start: '01/03/2023',
        end: '31/03/2023',
        sessions: [{ id: 'SES0', title: 'Stage découverte' }],
      },
      expected: {
        error: overlap('du 27/03/2023 au 07/04/2023', 'session « Stage découverte »'),
        field: 'start',
      },
    },
    {
      name: 'refuses overlapping a stage of a session it does not know',
      input: { others: [first, otherSession], start: '01/03/2023', end: '31/03/2023' },
      expected: { error: overlap('du 27/03/2023 au 07/04/2023', 'autre session'), field: 'start' },
    },
    {
      name: 'refuses an end before the start',
      input: { start: '31/03/2023', end: '01/03/2023' },
      expected: { error: 'La fin (01/03/2023) est avant le début (31/03/2023).', field: 'end' },
    },
    {
      name: 'refuses an end after the period, blaming the end',
      input: { start: '01/03/2023', end: '01/04/2023' },
      expected: {
        error:
          'Les dates du stage doivent tenir dans la période de la session : du 01/02/2023 au 31/03/2023.',
        field: 'end',
      },
    },
    {
      name: 'refuses a start before the period, blaming the start',
      input: { start: '31/01/2023', end: '10/02/2023' },
      expected: {
        error:
          'Les dates du stage doivent tenir dans la période de la session : du 01/02/2023 au 31/03/2023.',
        field: 'start',
      },
    },
    {
      name: 'refuses dates across the two periods of a session',
      input: { from: firstPeriod, session: TWO_PERIODS, start: '01/02/2023', end: '10/05/2023' },
      expected: {
        error:
          'Les dates du stage doivent tenir dans une seule période de la session : du 09/01/2023 au 03/02/2023 ou du 02/05/2023 au 26/05/2023.',
        field: 'end',
      },
    },
    {
      name: 'refuses dates between the two periods of a session',
      input: { from: firstPeriod, session: TWO_PERIODS, start: '01/03/2023', end: '10/03/2023' },
      expected: {
        error:
          'Les dates du stage doivent tenir dans une seule période de la session : du 09/01/2023 au 03/02/2023 ou du 02/05/2023 au 26/05/2023.',
        field: 'start',
      },
    },
    {
      name: 'refuses a session without period',
      input: { session: { ...SESSION, periods: [] }, start: '01/03/2023', end: '31/03/2023' },
      expected: {
        error: "La session « BTS 1 info période 1 » n'a aucune période.",
        field: 'start',
      },
    },
    {
      name: 'refuses a stage of another session',
      input: { session: TWO_PERIODS, start: '02/05/2023', end: '26/05/2023' },
      expected: {
        error: "Le stage d'origine n'appartient pas à la session « Bac pro 2 périodes ».",
      },
    },
    {
      name: 'reports a missing start on its field',
      input: { start: '', end: '31/03/2023' },
      expected: { error: 'La date de début est obligatoire.', field: 'start' },
    },
    {
      name: 'reports a textual end on its field',
      input: { start: '01/03/2023', end: 'fin mars' },
      expected: { error: notADate('fin mars'), field: 'end' },
    },
    {
      name: 'refuses a tutor of another company',
      input: {
        start: '01/03/2023',
        end: '31/03/2023',
        extra: { companyId: 'BP', tutorId: 'TUT1' },
      },
      expected: {
        error: "M. ECUSSON Blase n'est pas tuteur dans l'entreprise choisie.",
        field: 'tutorId',
      },
    },
    {
      name: 'refuses an unknown tutor',
      input: {
        start: '01/03/2023',
        end: '31/03/2023',
        extra: { companyId: 'BP', tutorId: 'NOPE' },
      },
      expected: {
        error: "Ce tuteur n'existe pas (ou plus) dans la feuille Tuteurs.",
        field: 'tutorId',
      },
    },
    {
      name: 'refuses a tutor without company',
      input: { start: '01/03/2023', end: '31/03/2023', extra: { tutorId: 'TUT2' } },
      expected: { error: "Choisissez l'entreprise avant son tuteur.", field: 'tutorId' },
    },
    {
      name: 'refuses bad weekly hours',
      input: { start: '01/03/2023', end: '31/03/2023', extra: { weeklyHours: '49' } },
      expected: {
        error: 'La durée hebdomadaire doit être comprise entre 0 et 48 heures (0 exclu).',
        field: 'weeklyHours',
      },
    },
  ];

  eachCase(refusals, (input, expected) => {
    expect(error(create(input))).toEqual(expected);
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
  const base: SplitStageInput = {
    splitDate: '01/03/2023',
    firstPartEnd: '',
    mode: 'cut',
    reason: '',
    keepAssignment: true,
    ...noAssignment,
  };
  const stopped = stage({
    end: '2023-02-27',
    stoppedOn: '2023-02-27',
    stopReason: 'x',
    originalEnd: '2023-03-31',
  });
  const withConvention = stage({ conventionUrl: 'https://docs.example/c1' });
  const withHours: Partial<Stage> = {
    weeklyHours: 28,
    schedule: [7, 7, 7, 7, 0, 0, 0],
    country: 'Belgique',
  };

  type SplitInput = { stage?: Stage; others?: Stage[]; change?: Partial<SplitStageInput> };
  const split = ({ stage: s = stage(), others = [], change = {} }: SplitInput) =>
    splitStage(s, SESSION, others, { ...base, ...change }, ctx);
  /** The second part from 01/03/2023, as the default split of `stage()` makes it. */
  const fromMarch = (overrides: Partial<Stage> = {}) =>
    stage({ id: 'STG2', start: '2023-03-01', ...overrides });
  const emptyPart = {
    error:
      'La seconde partie doit commencer entre le 02/02/2023 et le 31/03/2023, pour que chaque partie dure au moins un jour.',
    field: 'splitDate',
  };
  const firstPartEnd = {
    error:
      'La fin de la première partie doit être comprise entre le 01/02/2023 et le 28/02/2023 (veille de la seconde partie).',
    field: 'firstPartEnd',
  };
  const notADate = (text: string) =>
    `« ${text} » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).`;
  const chooseMode = 'Choisissez la nature de la coupure : « Arrêt réel » ou « Simple découpage ».';

  const splits: Case<SplitInput, [Stage, Stage]>[] = [
    {
      name: 'splits the seed’s stage: 01/02–27/02 and 01/03–31/03 (cut)',
      input: { others: [stage()], change: { firstPartEnd: '27/02/2023' } },
      expected: [stage({ end: '2023-02-27' }), fromMarch()],
    },
    {
      name: 'ends the first part the day before by default',
      input: {},
      expected: [stage({ end: '2023-02-28' }), fromMarch()],
    },
    {
      name: 'a plain cut leaves no "Fin initiale", not even one left by an old stop',
      input: { stage: stage({ originalEnd: '2023-04-30' }) },
      expected: [stage({ end: '2023-02-28' }), fromMarch()],
    },
    {
      name: 'makes a real stop in "stop" mode',
      input: { change: { firstPartEnd: '27/02/2023', mode: 'stop', reason: ' Autre entreprise ' } },
      expected: [
        stage({
          end: '2023-02-27',
          stoppedOn: '2023-02-27',
          stopReason: 'Autre entreprise',
          originalEnd: '2023-03-31',
        }),
        fromMarch(),
      ],
    },
    {
      name: 'ignores the reason in "cut" mode',
      input: { change: { reason: 'ignored' } },
      expected: [stage({ end: '2023-02-28' }), fromMarch()],
    },
    {
      name: 'gives the second part a new assignment when asked',
      input: {
        change: { keepAssignment: false, companyId: 'BP', tutorId: 'TUT3', referentId: 'PER2' },
      },
      expected: [
        stage({ end: '2023-02-28' }),
        fromMarch({ companyId: 'BP', tutorId: 'TUT3', referentId: 'PER2' }),
      ],
    },
    {
      name: 'gives the second part no assignment when none is given',
      input: { change: { keepAssignment: false } },
      expected: [stage({ end: '2023-02-28' }), fromMarch(noAssignment)],
    },
    {
      name: 'ignores the typed assignment when keeping it',
      input: { change: { companyId: 'BP', tutorId: 'TUT1' } },
      expected: [stage({ end: '2023-02-28' }), fromMarch()],
    },
    {
      name: 'accepts the second day as split date',
      input: { change: { splitDate: '02/02/2023' } },
      expected: [stage({ end: '2023-02-01' }), stage({ id: 'STG2', start: '2023-02-02' })],
    },
    {
      name: 'accepts the last day as split date',
      input: { change: { splitDate: '31/03/2023' } },
      expected: [stage({ end: '2023-03-30' }), stage({ id: 'STG2', start: '2023-03-31' })],
    },
    {
      name: 'splits a two-day stage into two one-day stages',
      input: {
        stage: stage({ start: '2023-03-30', end: '2023-03-31' }),
        change: { splitDate: '31/03/2023' },
      },
      expected: [
        stage({ start: '2023-03-30', end: '2023-03-30' }),
        stage({ id: 'STG2', start: '2023-03-31', end: '2023-03-31' }),
      ],
    },
    {
      name: 'accepts the first day as last day of the first part',
      input: { change: { firstPartEnd: '01/02/2023' } },
      expected: [stage({ end: '2023-02-01' }), fromMarch()],
    },
    {
      name: 'marks a stage with a convention for an amendment when cut',
      input: { stage: withConvention },
      expected: [{ ...withConvention, end: '2023-02-28', needsAmendment: true }, fromMarch()],
    },
    {
      name: 'does not mark a stage with a convention for an amendment when stopped',
      input: { stage: withConvention, change: { mode: 'stop', reason: 'x' } },
      expected: [
        {
          ...withConvention,
          end: '2023-02-28',
          stoppedOn: '2023-02-28',
          stopReason: 'x',
          originalEnd: '2023-03-31',
        },
        fromMarch(),
      ],
    },
    {
      name: 'copies hours, schedule and country to the second part',
      input: { stage: stage(withHours) },
      expected: [stage({ ...withHours, end: '2023-02-28' }), fromMarch(withHours)],
    },
  ];

  eachCase(splits, (input, expected) => {
    expect(value(split(input))).toEqual(expected);
  });

  const refusals: Case<SplitInput, Refusal>[] = [
    {
      name: 'requires a reason in "stop" mode',
      input: { change: { mode: 'stop' } },
      expected: { error: "Le motif de l'arrêt est obligatoire.", field: 'reason' },
    },
    {
      name: 'refuses a new tutor of another company',
      input: { change: { keepAssignment: false, companyId: 'BP', tutorId: 'TUT1' } },
      expected: {
        error: "M. ECUSSON Blase n'est pas tuteur dans l'entreprise choisie.",
        field: 'tutorId',
      },
    },
    {
      name: 'refuses the first day as split date, leaving an empty first part',
      input: { change: { splitDate: '01/02/2023' } },
      expected: emptyPart,
    },
    {
      name: 'refuses a split date after the end',
      input: { change: { splitDate: '01/04/2023' } },
      expected: emptyPart,
    },
    {
      name: 'refuses a split date before the start',
      input: { change: { splitDate: '15/01/2023' } },
      expected: emptyPart,
    },
    {
      name: 'refuses to split a one-day stage',
      input: {
        stage: stage({ start: '2023-03-01', end: '2023-03-01' }),
        change: { splitDate: '01/03/2023' },
      },
      expected: { error: "Un stage d'un seul jour ne peut pas être scindé.", field: 'splitDate' },
    },
    {
      name: 'refuses a first part ending on the split date',
      input: { change: { firstPartEnd: '01/03/2023' } },
      expected: firstPartEnd,
    },
    {
      name: 'refuses a first part ending before the stage',
      input: { change: { firstPartEnd: '31/01/2023' } },
      expected: firstPartEnd,
    },
    {
      name: 'refuses a textual end of the first part',
      input: { change: { firstPartEnd: 'hier' } },
      expected: { error: notADate('hier'), field: 'firstPartEnd' },
    },
    {
      name: 'reports a missing split date',
      input: { change: { splitDate: '' } },
      expected: {
        error: 'La date de début de la seconde partie est obligatoire.',
        field: 'splitDate',
      },
    },
    {
      name: 'reports a textual split date',
      input: { change: { splitDate: 'mars' } },
      expected: { error: notADate('mars'), field: 'splitDate' },
    },
    {
      name: 'refuses a stopped stage',
      input: { stage: stopped, change: { splitDate: '10/02/2023' } },
      expected: {
        error:
          "Ce stage est arrêté depuis le 27/02/2023 : enlevez d'abord l'arrêt pour le scinder.",
      },
    },
    {
      name: 'refuses an unknown mode',
      input: { change: { mode: 'other' } },
      expected: { error: chooseMode, field: 'mode' },
    },
    {
      name: 'refuses a split whose nature was not chosen, never taking it for a plain cut',
      input: { change: { mode: '' } },
      expected: { error: chooseMode, field: 'mode' },
    },
    {
      name: 'refuses when the second part would overlap another stage (inconsistent data)',
      input: { others: [stage(), stage({ id: 'OTHER', start: '2023-03-15', end: '2023-03-20' })] },
      expected: {
        error:
          "Ces dates chevauchent un autre stage de l'élève : du 15/03/2023 au 20/03/2023 (session « BTS 1 info période 1 »). Choisissez d'autres dates, ou arrêtez ou scindez d'abord ce stage.",
        field: 'splitDate',
      },
    },
  ];

  eachCase(refusals, (input, expected) => {
    expect(error(split(input))).toEqual(expected);
  });
});

describe('reassignStage', () => {
  type Assignment = Parameters<typeof reassignStage>[1];
  type ReassignInput = { stage?: Stage; change: Assignment; tutors?: Tutor[] };
  const reassign = ({ stage: s = stage(), change, tutors = TUTORS }: ReassignInput) =>
    reassignStage(s, change, tutors);
  const conventioned = stage({ conventionUrl: 'https://docs.example/c' });
  const due = stage({ conventionUrl: 'u', needsAmendment: true });

  const reassignments: Case<ReassignInput, Stage>[] = [
    {
      name: 'changes company, tutor and referent',
      input: { change: { companyId: 'BP', tutorId: 'TUT2', referentId: 'PER2' } },
      expected: stage({ companyId: 'BP', tutorId: 'TUT2', referentId: 'PER2' }),
    },
    {
      name: 'allows clearing the tutor',
      input: { change: { companyId: 'CA', tutorId: '', referentId: 'PER1' } },
      expected: stage({ tutorId: '' }),
    },
    {
      name: 'allows clearing everything',
      input: { change: noAssignment },
      expected: stage(noAssignment),
    },
    {
      name: 'asks for an amendment when the company of a conventioned stage changes',
      input: { stage: conventioned, change: { companyId: 'BP', tutorId: '', referentId: 'PER1' } },
      expected: { ...conventioned, companyId: 'BP', tutorId: '', needsAmendment: true },
    },
    {
      name: 'asks for an amendment when the tutor of a conventioned stage changes',
      input: { stage: conventioned, change: { companyId: 'CA', tutorId: '', referentId: 'PER1' } },
      expected: { ...conventioned, tutorId: '', needsAmendment: true },
    },
    {
      // The convention names the referent (D124-4, 2°): a new one is an avenant too.
      name: 'asks for an amendment when only the referent changes',
      input: {
        stage: conventioned,
        change: { companyId: 'CA', tutorId: 'TUT1', referentId: 'PER9' },
      },
      expected: { ...conventioned, referentId: 'PER9', needsAmendment: true },
    },
    {
      name: 'asks for no amendment without a convention',
      input: { change: { companyId: 'BP', tutorId: '', referentId: '' } },
      expected: stage({ companyId: 'BP', tutorId: '', referentId: '' }),
    },
    {
      name: 'keeps an amendment already due',
      input: { stage: due, change: { companyId: 'CA', tutorId: 'TUT1', referentId: 'PER9' } },
      expected: { ...due, referentId: 'PER9' },
    },
  ];

  eachCase(reassignments, (input, expected) => {
    expect(value(reassign(input))).toEqual(expected);
  });

  const refusals: Case<ReassignInput, Refusal>[] = [
    {
      name: 'refuses a tutor of another company',
      input: { change: { companyId: 'CA', tutorId: 'TUT2', referentId: '' } },
      expected: {
        error: "M. BONNET Frédéric n'est pas tuteur dans l'entreprise choisie.",
        field: 'tutorId',
      },
    },
    {
      name: 'refuses an unknown tutor',
      input: { change: { companyId: 'BP', tutorId: 'TUT3', referentId: '' }, tutors: [] },
      expected: {
        error: "Ce tuteur n'existe pas (ou plus) dans la feuille Tuteurs.",
        field: 'tutorId',
      },
    },
    {
      name: 'says when nothing changes',
      input: { change: { companyId: 'CA', tutorId: 'TUT1', referentId: ' PER1 ' } },
      expected: { error: 'Aucun changement à enregistrer.' },
    },
  ];

  eachCase(refusals, (input, expected) => {
    expect(error(reassign(input))).toEqual(expected);
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
  const b2 = stage({ id: 'B2', companyId: 'CA', tutorId: '' });
  const conventioned = stage({ id: 'D', companyId: 'CA', tutorId: 'TUT1', conventionUrl: 'u' });

  type AffectInput = { stages: Stage[]; change: Parameters<typeof affectStages>[1] };
  const affect = ({ stages, change }: AffectInput) => affectStages(stages, change, TUTORS);

  const affectations: Case<AffectInput, Stage[]>[] = [
    {
      name: 'sets the given fields on every stage and leaves the others',
      input: { stages: [a, b], change: { referentId: 'PER7' } },
      expected: [
        { ...a, referentId: 'PER7' },
        { ...b, referentId: 'PER7' },
      ],
    },
    {
      name: 'sets company and tutor together',
      input: { stages: [a, b, c], change: { companyId: 'BP', tutorId: 'TUT3' } },
      expected: [
        { ...a, companyId: 'BP', tutorId: 'TUT3' },
        { ...b, companyId: 'BP', tutorId: 'TUT3' },
        { ...c, companyId: 'BP', tutorId: 'TUT3' },
      ],
    },
    {
      name: 'drops a tutor who does not work in the new company, keeps one who does',
      input: { stages: [b, c], change: { companyId: 'BP' } },
      expected: [{ ...b, companyId: 'BP', tutorId: '' }, c],
    },
    {
      name: 'clears the tutor with the company',
      input: { stages: [b], change: { companyId: '' } },
      expected: [{ ...b, companyId: '', tutorId: '' }],
    },
    {
      name: 'checks a tutor alone against the stage’s own company',
      input: { stages: [c], change: { tutorId: 'TUT3' } },
      expected: [{ ...c, tutorId: 'TUT3' }],
    },
    {
      name: 'marks an amendment when the company of a conventioned stage changes',
      input: { stages: [c, conventioned], change: { companyId: 'BP' } },
      expected: [c, { ...conventioned, companyId: 'BP', tutorId: '', needsAmendment: true }],
    },
    {
      name: 'marks an amendment when only the referent changes',
      input: { stages: [conventioned], change: { referentId: 'PER9' } },
      expected: [{ ...conventioned, referentId: 'PER9', needsAmendment: true }],
    },
  ];

  eachCase(affectations, (input, expected) => {
    expect(value(affect(input))).toEqual(expected);
  });

  const refusals: Case<AffectInput, Refusal>[] = [
    {
      name: 'refuses a tutor alone who works for none of one stage’s company',
      input: { stages: [b, c], change: { tutorId: 'TUT3' } },
      expected: {
        error: "DURAND Anne n'est pas tuteur dans l'entreprise d'un des stages sélectionnés.",
        field: 'tutorId',
      },
    },
    {
      name: 'refuses a tutor alone for a stage without company',
      input: { stages: [a, b, c], change: { tutorId: 'TUT1' } },
      expected: { error: "Choisissez l'entreprise avant son tuteur.", field: 'tutorId' },
    },
    {
      name: 'counts the stages whose company the tutor alone does not work for',
      input: { stages: [b, b2, c, { ...c, id: 'C2' }], change: { tutorId: 'TUT1' } },
      expected: {
        error: "M. ECUSSON Blase n'est pas tuteur dans l'entreprise de 2 des stages sélectionnés.",
        field: 'tutorId',
      },
    },
    {
      name: 'names the company of a single stage as the one chosen',
      input: { stages: [c], change: { tutorId: 'TUT1' } },
      expected: {
        error: "M. ECUSSON Blase n'est pas tuteur dans l'entreprise choisie.",
        field: 'tutorId',
      },
    },
    {
      name: 'refuses a tutor of another company than the one chosen',
      input: { stages: [a, b], change: { companyId: 'CA', tutorId: 'TUT2' } },
      expected: {
        error: "M. BONNET Frédéric n'est pas tuteur dans l'entreprise choisie.",
        field: 'tutorId',
      },
    },
    {
      name: 'refuses an empty selection',
      input: { stages: [], change: { referentId: 'X' } },
      expected: { error: 'Sélectionnez au moins un stage.' },
    },
    {
      name: 'refuses an empty change',
      input: { stages: [a], change: {} },
      expected: { error: "Choisissez l'entreprise, le tuteur ou le référent à affecter." },
    },
    {
      name: 'refuses a change that changes nothing',
      input: { stages: [b], change: { companyId: 'CA', tutorId: 'TUT1' } },
      expected: { error: 'Aucun changement à enregistrer.' },
    },
  ];

  eachCase(refusals, (input, expected) => {
    expect(error(affect(input))).toEqual(expected);
  });

  it('returns unchanged stages as they were (same object)', () => {
    const r = value(affectStages([c, conventioned], { companyId: 'BP' }, TUTORS));
    expect(r[0]).toBe(c);
  });

  it('does not mutate its inputs', () => {
    const stages: Stage[] = [structuredClone(b), structuredClone(c)];
    const before = structuredClone(stages);
    affectStages(stages, { companyId: 'BP' }, TUTORS);
    expect(stages).toEqual(before);
  });
});
