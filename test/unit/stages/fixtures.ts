import type { Result, Session, Stage, Tutor } from '../../../src/domain/types';

export const SESSION: Session = {
  id: 'SES1',
  title: 'BTS 1 info période 1',
  type: '',
  schoolYear: '2022-2023',
  diploma: 'BTS Informatique',
  editionLabel: 'BTS 1 info période 1',
  objectives: '',
  periods: [{ start: '2023-02-01', end: '2023-03-31' }],
};

export const TWO_PERIODS: Session = {
  ...SESSION,
  id: 'SES2',
  title: 'Bac pro 2 périodes',
  periods: [
    { start: '2023-01-09', end: '2023-02-03' },
    { start: '2023-05-02', end: '2023-05-26' },
  ],
};

export const TUTORS: Tutor[] = [
  {
    id: 'TUT1',
    companyId: 'CA',
    civility: 'M.',
    lastName: 'Ecusson',
    firstName: 'Blase',
    role: '',
    phone: '',
    email: '',
  },
  {
    id: 'TUT2',
    companyId: 'BP',
    civility: 'M.',
    lastName: 'BONNET',
    firstName: 'Frédéric',
    role: '',
    phone: '',
    email: '',
  },
  {
    id: 'TUT3',
    companyId: 'BP',
    civility: '',
    lastName: 'Durand',
    firstName: 'Anne',
    role: '',
    phone: '',
    email: '',
  },
];

export function stage(overrides: Partial<Stage> = {}): Stage {
  return {
    id: 'STG1',
    sessionId: 'SES1',
    studentId: 'ELV1',
    companyId: 'CA',
    tutorId: 'TUT1',
    referentId: 'PER1',
    start: '2023-02-01',
    end: '2023-03-31',
    stoppedOn: '',
    stopReason: '',
    originalEnd: '',
    weeklyHours: 35,
    schedule: null,
    country: '',
    conventionUrl: '',
    needsAmendment: false,
    ...overrides,
  };
}

/** The value of an ok Result, or a test failure naming the error. */
export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error} (${r.field ?? 'no field'})`);
  return r.value;
}

/** The error of a failed Result, or a test failure. */
export function error<T>(r: Result<T>): { error: string; field?: string } {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.field === undefined ? { error: r.error } : { error: r.error, field: r.field };
}
