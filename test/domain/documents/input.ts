/** A complete document input (ACAR Laurie at CREDIT AGRICOLE), each test overriding a part. */
import type { DocumentInput } from '../../../src/domain/documents/fields';
import type { Company, Staff, Student, Tutor } from '../../../src/domain/types';
import { DEFAULT_SETTINGS } from '../../../src/domain/types';
import { SESSION, stage } from '../../fixtures/domain';

export const STUDENT: Student = {
  id: 'ELV1',
  lastName: 'Acar',
  firstName: 'Laurie',
  className: 'BTS1',
  birthDate: '2004-03-04',
  email: 'laurie.acar@example.fr',
  ine: '123456789AB',
  address: '3 rue des Lilas\n59000 Lille',
  phone: '06 12 34 56 78',
  guardianName: '',
  guardianAddress: '',
  guardianPhone: '',
  guardianEmail: '',
};

export const COMPANY: Company = {
  id: 'CA',
  name: 'CREDIT AGRICOLE',
  siret: '12345678900012',
  address: '10 avenue Foch',
  postalCode: '59000',
  city: 'LILLE',
  country: '',
  phone: '03 20 00 00 00',
  email: 'contact@example.fr',
  signatory: 'Mme Anne MARTIN',
  signatoryRole: 'Directrice',
};

export const TUTOR: Tutor = {
  id: 'TUT1',
  companyId: 'CA',
  civility: 'M.',
  lastName: 'Ecusson',
  firstName: 'Blase',
  role: 'Responsable informatique',
  phone: '06 11 22 33 44',
  email: 'blase.ecusson@example.fr',
};

export const REFERENT: Staff = {
  id: 'PER1',
  civility: 'M.',
  lastName: 'Bruel',
  firstName: 'Patrick',
  email: 'patrick.bruel@example.fr',
  discipline: 'Informatique',
};

export function input(over: Partial<DocumentInput> = {}): DocumentInput {
  return {
    stage: stage({ start: '2023-02-06', end: '2023-03-10' }),
    session: { ...SESSION, type: 'Stage BTS', objectives: 'Découvrir\nle métier' },
    student: STUDENT,
    company: COMPANY,
    tutor: TUTOR,
    referent: REFERENT,
    settings: {
      ...DEFAULT_SETTINGS,
      schoolName: 'Lycée Fénelon',
      schoolAddress: '1 rue de la Paix, 59000 Lille',
      academy: 'Lille',
      headOfSchool: 'Mme Claire DURAND',
    },
    presenceHours: 175,
    hostYearHours: 175,
    today: '2026-11-30',
    ...over,
  };
}
