import { describe, expect, it } from 'vitest';
import {
  type ImportableStudent,
  mappedColumns,
  mapStudentColumns,
  missingStudentColumns,
  parseDelimitedText,
  planStudentImport,
  splitFullName,
  STUDENT_FIELD_LABELS,
} from '../../../src/domain/import';
import { ids } from '../../fixtures/domain';

describe('mapStudentColumns', () => {
  it('recognises PRONOTE headers', () => {
    expect(mapStudentColumns(['Nom', 'Prénom', 'Né(e) le', 'Classe', 'Adresse e-mail'])).toEqual({
      lastName: 0,
      firstName: 1,
      birthDate: 2,
      className: 3,
      email: 4,
    });
  });
  it('recognises SIECLE headers', () => {
    expect(
      mapStudentColumns([
        'INE',
        'NOM',
        'Nom de famille',
        'PRENOM',
        'Prénom 2',
        'DATE NAISS',
        'DIVISION',
        'Courriel',
      ]),
    ).toEqual({
      ine: 0,
      lastName: 1,
      firstName: 3,
      birthDate: 5,
      className: 6,
      email: 7,
    });
    expect(
      mapStudentColumns([
        'Nom de famille',
        'Prénom 1',
        'Date de naissance',
        'Division',
        'ID national',
        'Email',
      ]),
    ).toEqual({
      lastName: 0,
      firstName: 1,
      birthDate: 2,
      className: 3,
      ine: 4,
      email: 5,
    });
  });
  it('recognises a single "Élève" column', () => {
    expect(mapStudentColumns(['Élève', 'Classe'])).toEqual({ fullName: 0, className: 1 });
  });
  it('lists missing required columns', () => {
    expect(missingStudentColumns(mapStudentColumns(['Nom', 'Prénom', 'Classe']))).toEqual([]);
    expect(missingStudentColumns(mapStudentColumns(['Élève', 'Classe']))).toEqual([]);
    expect(missingStudentColumns(mapStudentColumns(['Nom']))).toEqual(['Prénom', 'Classe']);
  });
  it('describes the recognised columns for the preview', () => {
    const headers = ['Classe', 'Nom', 'Inconnu', 'Prénom'];
    expect(mappedColumns(headers, mapStudentColumns(headers), STUDENT_FIELD_LABELS)).toEqual([
      { header: 'Classe', field: 'Classe' },
      { header: 'Nom', field: 'Nom' },
      { header: 'Prénom', field: 'Prénom' },
    ]);
  });
});

describe('splitFullName', () => {
  it.each([
    ['ACAR Laurie', 'ACAR', 'Laurie'],
    ['DE LA FONTAINE Jean Pierre', 'DE LA FONTAINE', 'Jean Pierre'],
    ['Acar Laurie', 'Acar', 'Laurie'],
    ['ACAR LAURIE', 'ACAR', 'LAURIE'],
    ["N'DIAYE Aïssa", "N'DIAYE", 'Aïssa'],
    ['ACAR', 'ACAR', ''],
  ])('%s', (full, lastName, firstName) => {
    expect(splitFullName(full)).toEqual({ lastName, firstName });
  });
});

describe('planStudentImport', () => {
  const headers = ['Nom', 'Prénom', 'Classe', 'Né(e) le', 'Courriel'];
  const mapping = mapStudentColumns(headers);
  const known: ImportableStudent[] = [
    {
      id: 'E1',
      lastName: 'ACAR',
      firstName: 'Laurie',
      className: 'BTS1',
      birthDate: '2004-05-12',
      email: 'laurie@example.fr',
    },
    {
      id: 'E2',
      lastName: 'ACNA',
      firstName: 'Camille',
      className: 'BTS1',
      birthDate: '',
      email: '',
    },
  ];

  it('creates new students with fresh IDs and parsed dates', () => {
    const { items } = planStudentImport(
      [['Martin', 'Léa', 'BTS2', '3/1/2005', '']],
      mapping,
      known,
      ids('N'),
    );
    expect(items).toEqual([
      {
        student: {
          id: 'N1',
          lastName: 'Martin',
          firstName: 'Léa',
          className: 'BTS2',
          birthDate: '2005-01-03',
          email: '',
        },
        status: 'nouveau',
        line: 2,
      },
    ]);
  });

  it('recognises known students instead of duplicating them', () => {
    const { items } = planStudentImport(
      [
        ['ACAR', 'Laurie', 'BTS1', '12/05/2004', 'laurie@example.fr'],
        ['Acna', 'Camille', 'BTS1', '', 'camille@example.fr'],
      ],
      mapping,
      known,
      ids('N'),
    );
    expect(items.map((i) => [i.student.id, i.status])).toEqual([
      ['E1', 'inchangé'],
      ['E2', 'mis à jour'],
    ]);
    expect(items[1]!.student).toEqual({
      id: 'E2',
      lastName: 'Acna',
      firstName: 'Camille',
      className: 'BTS1',
      birthDate: '',
      email: 'camille@example.fr',
    });
  });

  it('follows a student changing class through the birth date', () => {
    const { items } = planStudentImport(
      [['ACAR', 'Laurie', 'BTS2', '12/05/2004', '']],
      mapping,
      known,
      ids('N'),
    );
    expect(items[0]).toMatchObject({
      status: 'mis à jour',
      student: { id: 'E1', className: 'BTS2', email: 'laurie@example.fr' },
    });
  });

  it('treats a homonym with another birth date as another student', () => {
    const { items } = planStudentImport(
      [['ACAR', 'Laurie', 'BTS1', '01/01/2006', '']],
      mapping,
      known,
      ids('N'),
    );
    expect(items[0]).toMatchObject({ status: 'nouveau', student: { id: 'N1' } });
  });

  it('matches on the INE first, and never across two INEs', () => {
    const withIne: ImportableStudent[] = [{ ...known[0]!, ine: '123456789AB' }];
    const m = mapStudentColumns(['INE', 'Nom', 'Prénom', 'Classe']);
    const { items } = planStudentImport(
      [
        ['123456789ab', 'ACAR-DUPONT', 'Laurie', 'BTS2'],
        ['999999999ZZ', 'ACAR', 'Laurie', 'BTS1'],
      ],
      m,
      withIne,
      ids('N'),
    );
    expect(items.map((i) => [i.student.id, i.status, i.student.lastName])).toEqual([
      ['E1', 'mis à jour', 'ACAR-DUPONT'],
      ['N1', 'nouveau', 'ACAR'],
    ]);
    expect(items[0]!.student.ine).toBe('123456789AB');
  });

  it('reports a line that repeats an earlier one', () => {
    const { items } = planStudentImport(
      [
        ['Martin', 'Léa', 'BTS2', '', ''],
        ['MARTIN', 'Léa', 'BTS2', '', ''],
        ['ACAR', 'Laurie', 'BTS1', '', ''],
        ['Acar', 'Laurie', 'BTS1', '', ''],
      ],
      mapping,
      known,
      ids('N'),
    );
    expect(items.map((i) => [i.status, i.error])).toEqual([
      ['nouveau', undefined],
      ['erreur', 'Cet élève figure déjà ligne 2 du fichier.'],
      ['inchangé', undefined],
      ['erreur', 'Cet élève figure déjà ligne 4 du fichier.'],
    ]);
  });

  it('reports ambiguous matches', () => {
    const twins: ImportableStudent[] = [
      {
        id: 'T1',
        lastName: 'Martin',
        firstName: 'Léa',
        className: 'BTS1',
        birthDate: '',
        email: '',
      },
      {
        id: 'T2',
        lastName: 'Martin',
        firstName: 'Léa',
        className: 'BTS1',
        birthDate: '',
        email: '',
      },
    ];
    const { items } = planStudentImport(
      [['Martin', 'Léa', 'BTS1', '', '']],
      mapping,
      twins,
      ids('N'),
    );
    expect(items[0]).toMatchObject({
      status: 'erreur',
      error:
        "Plusieurs élèves connus portent ce nom dans cette classe : ajoutez la date de naissance ou l'INE.",
    });
  });

  it('reports missing names, classes and bad dates or emails, line by line', () => {
    const { items } = planStudentImport(
      [
        ['', 'Léa', 'BTS2', '', ''],
        ['Martin', '', 'BTS2', '', ''],
        ['Martin', 'Léa', '', '', ''],
        ['Martin', 'Léa', 'BTS2', '31/02/2005', ''],
        ['Martin', 'Léa', 'BTS2', 'hier', ''],
        ['Martin', 'Léa', 'BTS2', '', 'pas-un-mail'],
      ],
      mapping,
      [],
      ids('N'),
    );
    expect(items.map((i) => [i.line, i.status, i.error])).toEqual([
      [2, 'erreur', 'Le nom est vide.'],
      [3, 'erreur', 'Le prénom est vide.'],
      [4, 'erreur', 'La classe est vide.'],
      [5, 'erreur', "Le 31/02/2005 n'existe pas."],
      [
        6,
        'erreur',
        "« hier » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 27/02/2023).",
      ],
      [7, 'erreur', "« pas-un-mail » n'est pas une adresse de courriel."],
    ]);
  });

  it('reports missing columns on every line', () => {
    const { items } = planStudentImport([['Martin']], mapStudentColumns(['Nom']), [], ids('N'));
    expect(items[0]).toMatchObject({
      status: 'erreur',
      error: 'Colonnes introuvables dans le fichier : Prénom, Classe.',
    });
  });

  it('splits a full-name column', () => {
    const { items } = planStudentImport(
      [['DE LA FONTAINE Jean', 'BTS1']],
      mapStudentColumns(['Élève', 'Classe']),
      [],
      ids('N'),
    );
    expect(items[0]!.student).toMatchObject({
      lastName: 'DE LA FONTAINE',
      firstName: 'Jean',
      className: 'BTS1',
    });
  });

  it('runs end to end from text', () => {
    const text =
      'NOM;PRENOM;DATE NAISS;DIVISION\nACAR;Laurie;12/05/2004;BTS1\nMARTIN;Léa;03/01/2005;BTS2\n';
    const { headers, rows } = parseDelimitedText(text);
    const { items } = planStudentImport(rows, mapStudentColumns(headers), known, ids('N'));
    expect(items.map((i) => i.status)).toEqual(['inchangé', 'nouveau']);
  });
});
