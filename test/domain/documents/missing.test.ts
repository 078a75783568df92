import { describe, expect, it } from 'vitest';
import { MISSING, missingFor, type MissingInput } from '../../../src/domain/documents/missing';
import type { DocumentKind } from '../../../src/domain/documents/kinds';
import { stage } from '../../fixtures/domain';
import { COMPANY, input, REFERENT, STUDENT, TUTOR } from './input';

/** Everything a convention needs, from the complete document input. */
function full(over: Partial<MissingInput> = {}): MissingInput {
  const i = input();
  return {
    settings: i.settings,
    today: '2023-04-01',
    session: i.session,
    stage: { ...i.stage, conventionUrl: 'https://docs/conv', needsAmendment: true },
    student: STUDENT,
    company: COMPANY,
    tutor: TUTOR,
    referent: REFERENT,
    ...over,
  };
}

const ALL_KINDS: DocumentKind[] = ['convention', 'avenant', 'attestation', 'accord', 'vierge'];

describe('missingFor', () => {
  it.each(ALL_KINDS)('a complete %s lacks nothing', (kind) => {
    expect(missingFor(kind, full())).toEqual([]);
  });

  const settings = full().settings;
  const cases: [string, Partial<MissingInput>, Record<DocumentKind, string[]>][] = [
    [
      'no company',
      { company: null },
      {
        convention: [MISSING.company],
        avenant: [MISSING.company],
        attestation: [MISSING.company],
        accord: [],
        vierge: [],
        compteRendu: [],
      },
    ],
    [
      'a company without SIRET nor signatory',
      { company: { ...COMPANY, siret: ' ', signatory: '' } },
      {
        convention: [MISSING.siret, MISSING.signatory],
        avenant: [MISSING.siret, MISSING.signatory],
        attestation: [],
        accord: [],
        vierge: [],
        compteRendu: [],
      },
    ],
    [
      'no tutor, no referent',
      { tutor: null, referent: null },
      {
        convention: [MISSING.tutor, MISSING.referent],
        avenant: [MISSING.tutor, MISSING.referent],
        attestation: [],
        accord: [],
        vierge: [],
        compteRendu: [],
      },
    ],
    [
      'no dates',
      { stage: stage({ start: '', end: '', conventionUrl: 'u', needsAmendment: true }) },
      {
        convention: [MISSING.dates],
        avenant: [MISSING.dates],
        attestation: [MISSING.dates],
        accord: [],
        vierge: [],
        compteRendu: [MISSING.dates],
      },
    ],
    [
      'no head of school nor school name',
      { settings: { ...settings, headOfSchool: '', schoolName: ' ' } },
      {
        convention: [MISSING.schoolName, MISSING.headOfSchool],
        avenant: [MISSING.schoolName, MISSING.headOfSchool],
        attestation: [MISSING.schoolName],
        accord: [MISSING.schoolName, MISSING.headOfSchool],
        vierge: [],
        compteRendu: [],
      },
    ],
    [
      'no school address',
      { settings: { ...settings, schoolAddress: '' } },
      {
        convention: [MISSING.schoolAddress],
        avenant: [MISSING.schoolAddress],
        attestation: [],
        accord: [],
        vierge: [],
        compteRendu: [],
      },
    ],
    [
      'no birth date',
      { student: { ...STUDENT, birthDate: '' } },
      {
        convention: [MISSING.birthDate],
        avenant: [MISSING.birthDate],
        attestation: [],
        accord: [],
        vierge: [],
        compteRendu: [],
      },
    ],
    [
      'a minor without legal representative',
      { student: { ...STUDENT, birthDate: '2008-01-01', guardianName: '' } },
      {
        convention: [MISSING.guardian],
        avenant: [MISSING.guardian],
        attestation: [],
        accord: [],
        vierge: [],
        compteRendu: [],
      },
    ],
    [
      'no session',
      { session: null },
      {
        convention: [],
        avenant: [],
        attestation: [],
        accord: [MISSING.session],
        vierge: [],
        compteRendu: [],
      },
    ],
  ];
  for (const [what, over, expected] of cases) {
    it.each(ALL_KINDS)(`${what}: %s`, (kind) => {
      expect(missingFor(kind, full(over))).toEqual(expected[kind]);
    });
  }

  it('a minor with a legal representative lacks nothing', () => {
    const student = { ...STUDENT, birthDate: '2008-01-01', guardianName: 'ACAR Paul' };
    expect(missingFor('convention', full({ student }))).toEqual([]);
  });

  it('a student who turns 18 before the stage needs no representative', () => {
    // Stage from 06/02/2023: born 06/02/2005, 18 on its first day.
    const student = { ...STUDENT, birthDate: '2005-02-06', guardianName: '' };
    expect(missingFor('convention', full({ student }))).toEqual([]);
    const younger = { ...student, birthDate: '2005-02-07' };
    expect(missingFor('convention', full({ student: younger }))).toEqual([MISSING.guardian]);
  });

  it('a company abroad has no SIRET to give', () => {
    const company = { ...COMPANY, siret: '', country: 'Belgique' };
    expect(missingFor('convention', full({ company }))).toEqual([]);
    const abroadStage = { ...full().stage!, country: 'Espagne' };
    expect(
      missingFor('convention', full({ company: { ...COMPANY, siret: '' }, stage: abroadStage })),
    ).toEqual([]);
  });

  it('dates the wrong way round are no dates', () => {
    const s = stage({ start: '2023-03-10', end: '2023-02-06' });
    expect(missingFor('convention', full({ stage: s }))).toEqual([MISSING.dates]);
  });

  it('a convention may be made for a stopped stage', () => {
    const s = stage({
      start: '2023-02-06',
      end: '2023-02-20',
      stoppedOn: '2023-02-20',
      stopReason: 'x',
    });
    expect(missingFor('convention', full({ stage: s }))).toEqual([]);
  });

  describe('an avenant', () => {
    it('needs a convention to amend', () => {
      const s = stage({ start: '2023-02-06', end: '2023-03-10', conventionUrl: '' });
      expect(missingFor('avenant', full({ stage: s }))).toEqual([MISSING.noConvention]);
      expect(missingFor('avenant', full({ hasConvention: false }))).toEqual([MISSING.noConvention]);
    });

    it('needs a change since the convention', () => {
      const s = stage({ start: '2023-02-06', end: '2023-03-10', conventionUrl: 'u' });
      expect(missingFor('avenant', full({ stage: s }))).toEqual([MISSING.noChange]);
      expect(missingFor('avenant', full({ changedSinceConvention: false }))).toEqual([
        MISSING.noChange,
      ]);
      expect(missingFor('avenant', full({ stage: s, changedSinceConvention: true }))).toEqual([]);
    });

    it('a stop is a change', () => {
      const s = stage({
        start: '2023-02-06',
        end: '2023-02-20',
        stoppedOn: '2023-02-20',
        conventionUrl: 'u',
      });
      expect(missingFor('avenant', full({ stage: s }))).toEqual([]);
    });
  });

  describe('an attestation', () => {
    const s = stage({ start: '2023-02-06', end: '2023-03-10' });
    it.each([
      ['2023-03-09', [MISSING.notOver]],
      ['2023-03-10', []],
      ['2023-03-11', []],
    ])('on %s: %o', (today, expected) => {
      expect(missingFor('attestation', full({ stage: s, today }))).toEqual(expected);
    });

    it('of a stopped stage, from its stop day', () => {
      const stopped = { ...s, end: '2023-02-20', stoppedOn: '2023-02-20' };
      expect(missingFor('attestation', full({ stage: stopped, today: '2023-02-20' }))).toEqual([]);
      expect(missingFor('attestation', full({ stage: stopped, today: '2023-02-19' }))).toEqual([
        MISSING.notOver,
      ]);
    });
  });

  it('lists everything a bare stage lacks, in the report’s order', () => {
    expect(
      missingFor(
        'convention',
        full({
          company: null,
          tutor: null,
          referent: null,
          stage: stage({ start: '', end: '' }),
          student: { ...STUDENT, birthDate: '' },
          settings: { ...settings, schoolName: '', headOfSchool: '' },
        }),
      ),
    ).toEqual([
      "pas d'entreprise",
      'pas de tuteur',
      'pas de référent',
      'dates du stage manquantes',
      "nom de l'établissement manquant (Paramètres)",
      "nom du chef d'établissement manquant (Paramètres)",
      "date de naissance de l'élève manquante",
    ]);
  });
});
