/**
 * Seed 000 end to end, on the domain rules alone: "BTS 1 info période 1" (01/02/2023–31/03/2023),
 * ACAR Laurie at CREDIT AGRICOLE DU NORD CAMBRAI, stopped on 27/02/2023, a new stage 01/03–31/03
 * at BANQUE POPULAIRE DU NORD DENAIN, then the stop removed; and the same with "Scinder".
 */
import { describe, expect, it } from 'vitest';
import { formatFr } from '../../../src/domain/dates';
import { phaseOf } from '../../../src/domain/phase';
import { validateSession } from '../../../src/domain/sessions';
import { planAssignment } from '../../../src/domain/assignment';
import {
  canRestoreOriginalEnd,
  newStage,
  reassignStage,
  removeStop,
  splitStage,
  stopStage,
} from '../../../src/domain/stages/transitions';
import type { Session, Stage } from '../../../src/domain/types';
import { error, stage, TUTORS, value } from '../../fixtures/domain';

function row(s: Stage): string {
  return `${formatFr(s.start)} - ${formatFr(s.end)} ${s.companyId}`;
}

function seedSession(): Session {
  const fields = value(
    validateSession({
      id: '',
      title: 'BTS 1 info période 1',
      type: 'Stage BTS',
      schoolYear: '2022-2023',
      diploma: 'BTS Informatique',
      editionLabel: 'BTS 1 info période 1',
      objectives: '',
      periods: [{ start: '01/02/2023', end: '31/03/2023' }],
    }),
  );
  return { id: 'SES1', ...fields };
}

function assignedStage(session: Session): Stage {
  const plan = planAssignment(session, ['ELV1'], []);
  expect(plan.toCreate).toEqual([
    { studentId: 'ELV1', period: { start: '2023-02-01', end: '2023-03-31' } },
  ]);
  const created = stage({
    companyId: '',
    tutorId: '',
    referentId: '',
    start: plan.toCreate[0]!.period.start,
    end: plan.toCreate[0]!.period.end,
  });
  return value(
    reassignStage(created, { companyId: 'CA', tutorId: 'TUT1', referentId: 'PER1' }, TUTORS),
  );
}

describe('seed 000: two stages in one session', () => {
  it('stop, new stage, remove the stop → the seed’s final two rows', () => {
    const session = seedSession();
    const first = assignedStage(session);
    expect(row(first)).toBe('01/02/2023 - 31/03/2023 CA');

    // A new stage cannot be assigned while the first one covers the whole period.
    expect(
      error(
        newStage(
          first,
          session,
          [first],
          {
            start: '01/03/2023',
            end: '31/03/2023',
            companyId: '',
            tutorId: '',
            referentId: '',
            weeklyHours: '',
          },
          { newId: 'STG2', tutors: TUTORS },
        ),
      ).field,
    ).toBe('start');

    const stopped = value(
      stopStage(first, {
        stoppedOn: '27/02/2023',
        reason: 'Second stage dans une autre entreprise',
      }),
    );
    expect(row(stopped)).toBe('01/02/2023 - 27/02/2023 CA');
    expect(phaseOf(stopped, '2023-02-15')).toBe('Arrêté');
    expect(stopped.originalEnd).toBe('2023-03-31');

    const second = value(
      newStage(
        stopped,
        session,
        [stopped],
        {
          start: '01/03/2023',
          end: '31/03/2023',
          companyId: '',
          tutorId: '',
          referentId: '',
          weeklyHours: '',
        },
        { newId: 'STG2', tutors: TUTORS },
      ),
    );
    const secondWithCompany = value(
      reassignStage(second, { companyId: 'BP', tutorId: '', referentId: '' }, TUTORS),
    );

    // The original end cannot come back: the second stage now uses those days.
    expect(canRestoreOriginalEnd(stopped, [stopped, secondWithCompany])).toBe(false);
    const unstopped = value(
      removeStop(stopped, { restoreOriginalEnd: false }, [stopped, secondWithCompany]),
    );

    expect([row(unstopped), row(secondWithCompany)]).toEqual([
      '01/02/2023 - 27/02/2023 CA',
      '01/03/2023 - 31/03/2023 BP',
    ]);
    expect([unstopped.stoppedOn, unstopped.stopReason]).toEqual(['', '']);
    expect(phaseOf(unstopped, '2023-02-15')).toBe('En cours');
    expect(phaseOf(unstopped, '2023-03-15')).toBe('Effectué');
    expect(phaseOf(secondWithCompany, '2023-02-15')).toBe('À venir');

    // Re-running the assignment creates nothing: both stages belong to the session's period.
    expect(planAssignment(session, ['ELV1'], [unstopped, secondWithCompany])).toEqual({
      toCreate: [],
      alreadyAssigned: ['ELV1'],
      overlapping: [],
    });
  });

  it('"Scinder" gives the same rows in one action, kept as a real stop or not', () => {
    const session = seedSession();
    const first = assignedStage(session);
    for (const mode of ['cut', 'stop'] as const) {
      const [a, b] = value(
        splitStage(
          first,
          session,
          [first],
          {
            splitDate: '01/03/2023',
            firstPartEnd: '27/02/2023',
            mode,
            reason: mode === 'stop' ? 'Second stage' : '',
            keepAssignment: false,
            companyId: 'BP',
            tutorId: '',
            referentId: '',
          },
          { newId: 'STG2', tutors: TUTORS },
        ),
      );
      expect([row(a), row(b)]).toEqual([
        '01/02/2023 - 27/02/2023 CA',
        '01/03/2023 - 31/03/2023 BP',
      ]);
      expect(a.stoppedOn).toBe(mode === 'stop' ? '2023-02-27' : '');
      expect(b.studentId).toBe(a.studentId);
      expect(b.sessionId).toBe(a.sessionId);
    }
  });

  it('the manual route and "Scinder" give the very same first row, "Fin initiale" included', () => {
    const session = seedSession();
    const first = assignedStage(session);
    const split = (mode: 'stop' | 'cut') =>
      value(
        splitStage(
          first,
          session,
          [first],
          {
            splitDate: '01/03/2023',
            firstPartEnd: '27/02/2023',
            mode,
            reason: mode === 'stop' ? 'Rupture' : '',
            keepAssignment: true,
            companyId: '',
            tutorId: '',
            referentId: '',
          },
          { newId: 'STG2', tutors: TUTORS },
        ),
      )[0];
    const stopped = value(stopStage(first, { stoppedOn: '27/02/2023', reason: 'Rupture' }));
    // Stop → new stage: a real stop, its planned end kept in "Fin initiale".
    expect(stopped).toEqual(split('stop'));
    expect(stopped.originalEnd).toBe('2023-03-31');
    // … → remove the stop: the stop leaves no trace, "Fin initiale" included, as a plain cut.
    const unstopped = value(removeStop(stopped, { restoreOriginalEnd: false }, []));
    expect(unstopped).toEqual(split('cut'));
    expect(unstopped.originalEnd).toBe('');
  });

  it('the remark’s other case: the stop is real and kept', () => {
    const session = seedSession();
    const first = assignedStage(session);
    const stopped = value(stopStage(first, { stoppedOn: '27/02/2023', reason: 'Rupture' }));
    const second = value(
      newStage(
        stopped,
        session,
        [stopped],
        {
          start: '06/03/2023',
          end: '31/03/2023',
          companyId: 'BP',
          tutorId: 'TUT2',
          referentId: 'PER1',
          weeklyHours: '35',
        },
        { newId: 'STG2', tutors: TUTORS },
      ),
    );
    expect(phaseOf(stopped, '2023-03-10')).toBe('Arrêté');
    expect(phaseOf(second, '2023-03-10')).toBe('En cours');
    expect(second.weeklyHours).toBe(35);
  });
});
