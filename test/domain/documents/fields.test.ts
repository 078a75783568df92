import { describe, expect, it } from 'vitest';
import {
  ageOn,
  copiesInWords,
  documentFields,
  hoursText,
  isMinor,
  longDateFr,
  presenceMonthsText,
  sessionDocumentFields,
  workedDaysText,
} from '../../../src/domain/documents/fields';
import { PLACEHOLDER_KEYS } from '../../../src/domain/documents/placeholders';
import { WORD_JOINER } from '../../../src/domain/documents/plainText';
import type { WeeklySchedule } from '../../../src/domain/types';
import { stage } from '../../fixtures/domain';
import { COMPANY, input, STUDENT, TUTOR } from './input';

describe('documentFields', () => {
  it('gives every catalog key a string, never "undefined" nor "null"', () => {
    for (const f of [
      documentFields(input()),
      documentFields(input({ company: null, tutor: null, referent: null })),
      documentFields(
        input({
          student: { ...STUDENT, birthDate: '', ine: undefined, address: undefined },
          stage: stage({ start: '', end: '', weeklyHours: null }),
        }),
      ),
    ]) {
      expect(Object.keys(f)).toEqual([...PLACEHOLDER_KEYS]);
      for (const k of PLACEHOLDER_KEYS) {
        expect(typeof f[k], k).toBe('string');
        expect(f[k], k).not.toMatch(/undefined|null|NaN/);
      }
    }
  });

  it('writes the student, the stage, the company, the people and the school the French way', () => {
    expect(documentFields(input())).toMatchObject({
      'eleve.nom': 'ACAR',
      'eleve.prenom': 'Laurie',
      'eleve.nom_complet': 'ACAR Laurie',
      'eleve.civilite_nom': 'Laurie ACAR',
      'eleve.date_naissance': '04/03/2004',
      'eleve.age': '18 ans',
      'eleve.mineur': 'non',
      'eleve.ine': '123456789AB',
      'eleve.adresse': '3 rue des Lilas, 59000 Lille',
      'session.objectifs': 'Découvrir, le métier',
      'session.periodes': 'du 01/02/2023 au 31/03/2023',
      'stage.debut': '06/02/2023',
      'stage.fin': '10/03/2023',
      'stage.dates': 'du 06/02/2023 au 10/03/2023',
      'stage.duree_hebdomadaire': '35 h',
      'stage.horaires': 'lundi 7 h, mardi 7 h, mercredi 7 h, jeudi 7 h, vendredi 7 h',
      'stage.jours_travailles': 'du lundi au vendredi',
      'stage.pays': 'France',
      'stage.a_l_etranger': 'non',
      'stage.presence_heures': '175 h',
      'stage.presence_jours': '25 jours',
      'stage.presence_mois': '1 mois et 3 jours',
      'stage.fin_initiale': '',
      'stage.reference': 'STG1',
      'entreprise.siret': '123 456 789 00012',
      'entreprise.adresse_complete': '10 avenue Foch, 59000 LILLE',
      'entreprise.pays': 'France',
      'entreprise.signataire': 'Mme Anne MARTIN',
      'tuteur.nom': 'M. Blase ECUSSON',
      'referent.nom': 'M. Patrick BRUEL',
      'etablissement.chef': 'Mme Claire DURAND',
      'arret.date': '',
      'arret.motif': '',
      'document.date': '30 novembre 2026',
      'document.exemplaire': '',
    });
  });

  it('writes the print holder when given', () => {
    expect(
      documentFields(input({ copyHolder: 'Exemplaire entreprise' }))['document.exemplaire'],
    ).toBe('Exemplaire entreprise');
  });

  describe('a minor', () => {
    const minor = { ...STUDENT, birthDate: '2005-02-07', guardianName: 'ACAR Paul' };
    it.each([
      ['2005-02-05', '18 ans', 'non'],
      ['2005-02-06', '18 ans', 'non'],
      ['2005-02-07', '17 ans', 'oui'],
      ['2010-01-01', '13 ans', 'oui'],
    ])('born on %s, at a stage from 06/02/2023: %s, mineur %s', (birthDate, age, mineur) => {
      const f = documentFields(input({ student: { ...minor, birthDate } }));
      expect([f['eleve.age'], f['eleve.mineur']]).toEqual([age, mineur]);
    });

    it('names the legal representative', () => {
      const f = documentFields(
        input({
          student: {
            ...minor,
            birthDate: '2008-01-01',
            guardianAddress: '3 rue des Lilas',
            guardianPhone: '06 98 76 54 32',
            guardianEmail: 'paul.acar@example.fr',
          },
        }),
      );
      expect(f).toMatchObject({
        'eleve.mineur': 'oui',
        'representant.nom': 'ACAR Paul',
        'representant.adresse': '3 rue des Lilas',
        'representant.telephone': '06 98 76 54 32',
        'representant.courriel': 'paul.acar@example.fr',
      });
    });

    it('leaves age and minority blank without a birth date', () => {
      const f = documentFields(input({ student: { ...STUDENT, birthDate: '' } }));
      expect([f['eleve.date_naissance'], f['eleve.age'], f['eleve.mineur']]).toEqual(['', '', '']);
    });
  });

  it('a stage abroad: its country, "oui", the company’s address with its country, no SIRET format', () => {
    const f = documentFields(
      input({
        stage: stage({ start: '2023-02-06', end: '2023-03-10', country: 'Belgique' }),
        company: {
          ...COMPANY,
          siret: '',
          postalCode: '1000',
          city: 'Bruxelles',
          country: 'Belgique',
        },
      }),
    );
    expect(f).toMatchObject({
      'stage.pays': 'Belgique',
      'stage.a_l_etranger': 'oui',
      'entreprise.pays': 'Belgique',
      'entreprise.siret': '',
      'entreprise.adresse_complete': '10 avenue Foch, 1000 Bruxelles, Belgique',
    });
  });

  it.each(['', 'France', ' france '])('country %j is France', (country) => {
    const f = documentFields(input({ stage: stage({ country }) }));
    expect([f['stage.pays'], f['stage.a_l_etranger']]).toEqual(['France', 'non']);
  });

  it('a stopped stage: its stop date and reason, its initial end', () => {
    const f = documentFields(
      input({
        stage: stage({
          start: '2023-02-06',
          end: '2023-02-20',
          stoppedOn: '2023-02-20',
          stopReason: 'Démission\nde l’élève',
          originalEnd: '2023-03-10',
        }),
        presenceHours: 77,
      }),
    );
    expect(f).toMatchObject({
      'stage.fin': '20/02/2023',
      'stage.fin_initiale': '10/03/2023',
      'arret.date': '20/02/2023',
      'arret.motif': 'Démission, de l’élève',
      'stage.presence_heures': '77 h',
      'stage.presence_jours': '11 jours',
      'stage.presence_mois': "moins d'un mois",
    });
  });

  it('a stop reason without a stop date is not shown', () => {
    expect(documentFields(input({ stage: stage({ stopReason: 'x' }) }))['arret.motif']).toBe('');
  });

  describe('the gratification', () => {
    it('is not due up to 2 months with the host this school year', () => {
      const f = documentFields(input({ presenceHours: 175, hostYearHours: 308 }));
      expect(f).toMatchObject({
        'gratification.due': 'non',
        'gratification.taux_horaire': '4,50 €',
        'gratification.montant_mensuel_minimum': '693,00 €',
        'gratification.montant_total': 'sans objet',
      });
      expect(f['gratification.mention']).toMatch(/^Aucune gratification n'est due/);
    });

    it('is due beyond, counted with the other stages at the same host', () => {
      const f = documentFields(input({ presenceHours: 175, hostYearHours: 350 }));
      expect(f).toMatchObject({
        'gratification.due': 'oui',
        'gratification.montant_total': '787,50 €',
      });
      expect(f['gratification.mention']).toMatch(/^Une gratification est due .*4,50 €/);
    });

    it('follows the settings’ hourly rate and the stage’s weekly hours', () => {
      const base = input();
      const f = documentFields(
        input({
          settings: { ...base.settings, hourlyGratification: 4.35 },
          stage: stage({ weeklyHours: 28 }),
        }),
      );
      // 4,35 € × 22 days × 28 / 5 h = 535,92 €.
      expect(f['gratification.taux_horaire']).toBe('4,35 €');
      expect(f['gratification.montant_mensuel_minimum']).toBe('535,92 €');
      expect(f['stage.duree_hebdomadaire']).toBe('28 h');
    });
  });

  it('a stage of its own schedule: its hours and days', () => {
    const schedule: WeeklySchedule = [8, 8, 0, 8, 7.5, 0, 0];
    const f = documentFields(input({ stage: stage({ schedule, weeklyHours: 31.5 }) }));
    expect(f).toMatchObject({
      'stage.duree_hebdomadaire': '31 h 30',
      'stage.horaires': 'lundi 8 h, mardi 8 h, jeudi 8 h, vendredi 7 h 30',
      'stage.jours_travailles': 'lundi, mardi, jeudi et vendredi',
    });
  });

  it('without weekly hours, the setting’s default', () => {
    const base = input();
    const f = documentFields(
      input({
        stage: stage({ weeklyHours: null }),
        settings: { ...base.settings, defaultWeeklyHours: 30 },
      }),
    );
    expect(f['stage.duree_hebdomadaire']).toBe('30 h');
  });

  it('missing people and company: every one of their fields is ""', () => {
    const f = documentFields(input({ company: null, tutor: null, referent: null }));
    for (const k of PLACEHOLDER_KEYS.filter((k) => /^(entreprise|tuteur|referent)\./.test(k))) {
      expect(f[k], k).toBe('');
    }
  });

  it('a damaged date cell reads as "" rather than failing', () => {
    const f = documentFields(input({ stage: stage({ start: '2023-02-31', end: 'x' }) }));
    expect([f['stage.debut'], f['stage.fin'], f['stage.dates']]).toEqual(['', '', '']);
  });

  describe('values that look like code are inserted as plain text', () => {
    const J = WORD_JOINER;
    it.each([
      ['{{eleve.nom}}', `${J}{${J}{eleve.nom}${J}}${J}`],
      ['$1', '$1'],
      ['=SUM(A1)', '=SUM(A1)'],
      ['<b>x</b>', '<b>x</b>'],
      ['a\nb', 'a, b'],
    ])('%j', (value, expected) => {
      const f = documentFields(
        input({
          student: { ...STUDENT, lastName: value, address: value },
          company: { ...COMPANY, name: value, signatory: value },
          tutor: { ...TUTOR, role: value },
        }),
      );
      expect(f['entreprise.nom']).toBe(expected);
      expect(f['entreprise.signataire']).toBe(expected);
      expect(f['tuteur.fonction']).toBe(expected);
      expect(f['eleve.adresse']).toBe(expected);
    });

    it('no value of any field can form a placeholder', () => {
      const evil = '{{eleve.nom}}\n}}{{';
      const f = documentFields(
        input({
          student: { ...STUDENT, firstName: evil, ine: evil, guardianName: evil },
          company: { ...COMPANY, address: evil, city: evil },
          stage: stage({ stopReason: evil, stoppedOn: '2023-03-01', id: evil }),
          session: { ...input().session, title: evil, objectives: evil },
        }),
      );
      for (const k of PLACEHOLDER_KEYS) expect(f[k], k).not.toMatch(/\{\{|\}\}/);
    });
  });
});

describe('sessionDocumentFields (accord préalable)', () => {
  it('fills the session, the school and today; every stage field is ""', () => {
    const base = input();
    const f = sessionDocumentFields({
      session: base.session,
      settings: base.settings,
      today: '2026-11-01',
    });
    expect(Object.keys(f)).toEqual([...PLACEHOLDER_KEYS]);
    expect(f).toMatchObject({
      'session.intitule': 'BTS 1 info période 1',
      'session.periodes': 'du 01/02/2023 au 31/03/2023',
      'etablissement.nom': 'Lycée Fénelon',
      'document.date': '1er novembre 2026',
      'eleve.nom': '',
      'stage.dates': '',
      'gratification.due': '',
    });
  });

  it('lists several periods', () => {
    const f = sessionDocumentFields({
      session: {
        ...input().session,
        periods: [
          { start: '2023-01-09', end: '2023-02-03' },
          { start: '2023-05-02', end: '2023-05-26' },
        ],
      },
      settings: input().settings,
      today: '2026-11-30',
    });
    expect(f['session.periodes']).toBe('du 09/01/2023 au 03/02/2023 ; du 02/05/2023 au 26/05/2023');
  });
});

describe('French formats', () => {
  it.each([
    ['2026-11-30', '30 novembre 2026'],
    ['2026-11-01', '1er novembre 2026'],
    ['2023-02-28', '28 février 2023'],
    ['2023-08-15', '15 août 2023'],
    ['', ''],
    ['2023-02-30', ''],
  ])('longDateFr(%j) = %j', (iso, text) => {
    expect(longDateFr(iso)).toBe(text);
  });

  it.each([
    ['2005-03-04', '2023-03-03', 17],
    ['2005-03-04', '2023-03-04', 18],
    ['2004-02-29', '2022-02-28', 17],
    ['2004-02-29', '2022-03-01', 18],
    ['', '2023-03-04', null],
    ['2024-01-01', '2023-01-01', null],
  ])('ageOn(%j, %j) = %o', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('isMinor is unknown without dates', () => {
    expect(isMinor('', '2023-01-01')).toBeNull();
    expect(isMinor('2010-01-01', '')).toBeNull();
    expect(isMinor('2010-01-01', '2023-01-01')).toBe(true);
  });

  it.each([
    [[7, 7, 7, 7, 7, 0, 0], 'du lundi au vendredi'],
    [[0, 7, 7, 7, 7, 7, 0], 'du mardi au samedi'],
    [[7, 7, 0, 0, 0, 0, 0], 'lundi et mardi'],
    [[7, 0, 7, 0, 7, 0, 0], 'lundi, mercredi et vendredi'],
    [[0, 0, 0, 0, 0, 7, 0], 'le samedi'],
    [[0, 0, 0, 0, 0, 0, 0], ''],
  ] as [WeeklySchedule, string][])('workedDaysText(%o) = %j', (s, text) => {
    expect(workedDaysText(s)).toBe(text);
  });

  it('hoursText leaves days off out', () => {
    expect(hoursText([3.5, 0, 0, 0, 0, 0, 4])).toBe('lundi 3 h 30, dimanche 4 h');
  });

  it.each([
    [0, "moins d'un mois"],
    [7, "moins d'un mois"],
    [3.5, "moins d'un mois"],
    [175, '1 mois et 3 jours'],
    [154, '1 mois'],
    [311, '2 mois et 3 h'],
    [80, "moins d'un mois"],
  ])('presenceMonthsText(%d) = %j', (hours, text) => {
    expect(presenceMonthsText(hours)).toBe(text);
  });
});

describe('the number of originals, from Paramètres', () => {
  it('is written in words, singular for one', () => {
    expect(copiesInWords(1)).toBe('un exemplaire original');
    expect(copiesInWords(3)).toBe('trois exemplaires originaux');
    expect(copiesInWords(10)).toBe('dix exemplaires originaux');
  });

  it('fills every document with the school’s figure', () => {
    const base = input();
    const four = documentFields({ ...base, settings: { ...base.settings, conventionCopies: 4 } });
    expect(four['document.exemplaires']).toBe('quatre exemplaires originaux');
  });
});
