import { describe, expect, it } from 'vitest';
import { assignedStudentIds, classCounts, planAssignment } from '../../src/domain/assignment';
import { SESSION, TWO_PERIODS } from '../fixtures/domain';

const P1 = { start: '2023-01-09', end: '2023-02-03' };
const P2 = { start: '2023-05-02', end: '2023-05-26' };

describe('planAssignment', () => {
  it('creates one stage per student and period', () => {
    expect(planAssignment(TWO_PERIODS, ['A', 'B'], [])).toEqual({
      toCreate: [
        { studentId: 'A', period: P1 },
        { studentId: 'A', period: P2 },
        { studentId: 'B', period: P1 },
        { studentId: 'B', period: P2 },
      ],
      alreadyAssigned: [],
      overlapping: [],
    });
  });

  it('creates nothing the second time', () => {
    const first = planAssignment(SESSION, ['A', 'B'], []);
    const existing = first.toCreate.map((c) => ({
      sessionId: SESSION.id,
      studentId: c.studentId,
      ...c.period,
    }));
    expect(planAssignment(SESSION, ['A', 'B', 'C'], existing)).toEqual({
      toCreate: [{ studentId: 'C', period: SESSION.periods[0] }],
      alreadyAssigned: ['A', 'B'],
      overlapping: [],
    });
  });

  it('counts a split or shortened stage as assigned', () => {
    const existing = [
      { sessionId: 'SES1', studentId: 'A', start: '2023-03-01', end: '2023-03-31' },
      { sessionId: 'SES1', studentId: 'B', start: '2023-02-01', end: '2023-02-01' },
    ];
    expect(planAssignment(SESSION, ['A', 'B'], existing)).toEqual({
      toCreate: [],
      alreadyAssigned: ['A', 'B'],
      overlapping: [],
    });
  });

  it('completes a student assigned to one period of two', () => {
    const existing = [
      { sessionId: 'SES2', studentId: 'A', start: '2023-05-02', end: '2023-05-26' },
    ];
    expect(planAssignment(TWO_PERIODS, ['A'], existing)).toEqual({
      toCreate: [{ studentId: 'A', period: P1 }],
      alreadyAssigned: [],
      overlapping: [],
    });
  });

  it('never gives a student two stages at once: a stage of another session on those days blocks the period', () => {
    const existing = [
      { sessionId: 'OTHER', studentId: 'A', start: '2023-03-15', end: '2023-04-30' },
      { sessionId: 'SES1', studentId: 'Z', start: '2023-02-01', end: '2023-03-31' },
    ];
    const plan = planAssignment(SESSION, ['A', 'B'], existing);
    expect(plan.toCreate.map((c) => c.studentId)).toEqual(['B']);
    expect(plan.overlapping.map((c) => c.studentId)).toEqual(['A']);
  });

  it('ignores stages of other sessions on other days', () => {
    const existing = [
      { sessionId: 'OTHER', studentId: 'A', start: '2023-05-01', end: '2023-05-31' },
    ];
    expect(planAssignment(SESSION, ['A'], existing).toCreate).toHaveLength(1);
  });

  it('ignores duplicates and blanks in the selection, keeps its order', () => {
    expect(
      planAssignment(SESSION, ['B', '', 'A', 'B', ' A '], []).toCreate.map((c) => c.studentId),
    ).toEqual(['B', 'A']);
  });

  it('creates nothing for a session without periods', () => {
    expect(planAssignment({ ...SESSION, periods: [] }, ['A'], [])).toEqual({
      toCreate: [],
      alreadyAssigned: [],
      overlapping: [],
    });
  });

  it('returns periods in date order, as copies', () => {
    const session = { ...TWO_PERIODS, periods: [P2, P1] };
    const plan = planAssignment(session, ['A'], []);
    expect(plan.toCreate.map((c) => c.period)).toEqual([P1, P2]);
    expect(plan.toCreate[0]!.period).not.toBe(P1);
  });
});

describe('assignedStudentIds', () => {
  it('lists the students having a stage in the session', () => {
    const ids = assignedStudentIds('SES1', [
      { sessionId: 'SES1', studentId: 'A' },
      { sessionId: 'SES1', studentId: 'A' },
      { sessionId: 'SES2', studentId: 'B' },
    ]);
    expect([...ids]).toEqual(['A']);
  });
});

describe('classCounts', () => {
  it('counts students per class, sorted, with the total (seed: BTS1 10)', () => {
    const students = [...Array.from({ length: 10 }, () => ({ className: 'BTS 1 1ère Année' }))];
    expect(classCounts(students)).toEqual({
      classes: [{ className: 'BTS 1 1ère Année', count: 10 }],
      total: 10,
    });
  });

  it('sorts naturally and puts students without class last', () => {
    const students = ['BTS10', 'BTS2', '', 'bts1', 'BTS2', 'Bac Pro', ' BTS2 '].map(
      (className) => ({ className }),
    );
    expect(classCounts(students)).toEqual({
      classes: [
        { className: 'Bac Pro', count: 1 },
        { className: 'bts1', count: 1 },
        { className: 'BTS2', count: 3 },
        { className: 'BTS10', count: 1 },
        { className: '', count: 1 },
      ],
      total: 7,
    });
  });

  it('handles no student', () => {
    expect(classCounts([])).toEqual({ classes: [], total: 0 });
  });
});
