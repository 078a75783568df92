import { describe, expect, it } from 'vitest';
import {
  COMPANY_FIELD_LABELS,
  type ImportableStudent,
  isValidSiret,
  mapCompanyColumns,
  mappedColumns,
  mapStudentColumns,
  missingStudentColumns,
  parseDelimitedText,
  planCompanyImport,
  planStudentImport,
  splitFullName,
  STUDENT_FIELD_LABELS,
} from '../../../src/domain/import';
import type { Company } from '../../../src/domain/types';

function ids(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

describe('parseDelimitedText', () => {
  it('reads semicolons (PRONOTE), strips the BOM, skips empty lines', () => {
    const text = '\uFEFFNom;Prénom;Classe\r\nACAR;Laurie;BTS1\r\n\r\n;;\r\nACNA;Camille;BTS1\r\n';
    expect(parseDelimitedText(text)).toEqual({
      headers: ['Nom', 'Prénom', 'Classe'],
      rows: [
        ['ACAR', 'Laurie', 'BTS1'],
        ['ACNA', 'Camille', 'BTS1'],
      ],
    });
  });
  it('reads commas with quoted fields', () => {
    const text = 'Raison sociale,Ville\n"DUPONT, FILS & CIE",Lille\n"Le ""Bon"" Coin",Douai';
    expect(parseDelimitedText(text).rows).toEqual([
      ['DUPONT, FILS & CIE', 'Lille'],
      ['Le "Bon" Coin', 'Douai'],
    ]);
  });
  it('reads tabs (pasted from a sheet) and trims cells', () => {
    expect(parseDelimitedText('Nom\tPrénom\n ACAR \t Laurie \n')).toEqual({
      headers: ['Nom', 'Prénom'],
      rows: [['ACAR', 'Laurie']],
    });
  });
  it('prefers ";" when commas appear inside fields', () => {
    const text = 'Nom;Adresse\nX;1, rue de Paris\nY;2, rue de Lyon';
    expect(parseDelimitedText(text).rows).toEqual([
      ['X', '1, rue de Paris'],
      ['Y', '2, rue de Lyon'],
    ]);
  });
  it('returns nothing for empty text', () => {
    expect(parseDelimitedText('')).toEqual({ headers: [], rows: [] });
    expect(parseDelimitedText('\uFEFF\n \n')).toEqual({ headers: [], rows: [] });
  });
});

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

describe('SIRET', () => {
  it.each([
    ['73282932000074', true],
    ['44306184100047', true],
    ['73282932000075', false],
    ['12345678901234', false],
    ['35600000049837', true], // La Poste: digits add up to a multiple of 5
    ['35600000000048', false],
    ['7328293200007', false],
    ['7328293200007A', false],
  ])('%s → %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });
});

describe('mapCompanyColumns', () => {
  it('recognises the usual headers', () => {
    expect(
      mapCompanyColumns([
        'Raison sociale',
        'N° SIRET',
        'Adresse',
        'CP',
        'Commune',
        'Pays',
        'Tél.',
        'Courriel',
      ]),
    ).toEqual({
      name: 0,
      siret: 1,
      address: 2,
      postalCode: 3,
      city: 4,
      country: 5,
      phone: 6,
      email: 7,
    });
    expect(
      mapCompanyColumns(['Entreprise', 'Code postal', 'Ville', 'Téléphone', 'Email', 'SIRET']),
    ).toEqual({
      name: 0,
      postalCode: 1,
      city: 2,
      phone: 3,
      email: 4,
      siret: 5,
    });
    expect(mappedColumns(['Nom'], mapCompanyColumns(['Nom']), COMPANY_FIELD_LABELS)).toEqual([
      { header: 'Nom', field: 'Raison sociale' },
    ]);
  });
});

describe('planCompanyImport', () => {
  const headers = [
    'Raison sociale',
    'SIRET',
    'Adresse',
    'Code postal',
    'Ville',
    'Pays',
    'Téléphone',
    'Email',
  ];
  const mapping = mapCompanyColumns(headers);
  const known: Company[] = [
    {
      id: 'CA',
      name: 'CREDIT AGRICOLE DU NORD CAMBRAI',
      siret: '732 829 320 00074',
      address: '',
      postalCode: '59400',
      city: 'Cambrai',
      country: '',
      phone: '',
      email: '',
    },
    {
      id: 'BP',
      name: 'Banque Populaire du Nord Denain',
      siret: '',
      address: '',
      postalCode: '59220',
      city: 'Denain',
      country: '',
      phone: '',
      email: '',
    },
  ];

  it('matches on SIRET whatever the spacing, updating non-empty fields', () => {
    const { items } = planCompanyImport(
      [['Crédit Agricole Cambrai', '73282932000074', '1 rue X', '', '', '', '03 27 00 00 00', '']],
      mapping,
      known,
      ids('C'),
    );
    expect(items[0]).toEqual({
      company: {
        ...known[0]!,
        name: 'Crédit Agricole Cambrai',
        address: '1 rue X',
        phone: '03 27 00 00 00',
      },
      status: 'mis à jour',
      line: 2,
    });
  });

  it('matches on name and postal code when there is no SIRET', () => {
    const { items } = planCompanyImport(
      [
        ['Banque Populaire du Nord Denain', '', '', '59220', 'Denain', '', '', ''],
        ['Banque Populaire du Nord Denain', '', '', '59000', 'Lille', '', '', ''],
        ['BANQUE POPULAIRE DU NORD - DENAIN', '', '', '59220', '', '', '', ''],
      ],
      mapping,
      known,
      ids('C'),
    );
    expect(items.map((i) => [i.company.id || i.company.name, i.status])).toEqual([
      ['BP', 'inchangé'],
      ['C1', 'nouveau'],
      ['BANQUE POPULAIRE DU NORD - DENAIN', 'erreur'],
    ]);
    expect(items[2]!.error).toBe('Cette entreprise figure déjà ligne 2 du fichier.');
  });

  it('gives a SIRET to a company known by name, not to one with another SIRET', () => {
    const { items } = planCompanyImport(
      [['Banque populaire du nord Denain', '443 061 841 00047', '', '59220', '', '', '', '']],
      mapping,
      known,
      ids('C'),
    );
    expect(items[0]).toMatchObject({
      status: 'mis à jour',
      company: { id: 'BP', siret: '44306184100047' },
    });
    const other = planCompanyImport(
      [['CREDIT AGRICOLE DU NORD CAMBRAI', '44306184100047', '', '59400', '', '', '', '']],
      mapping,
      known,
      ids('C'),
    );
    expect(other.items[0]).toMatchObject({ status: 'nouveau', company: { id: 'C1' } });
  });

  it('restores the leading zero of French postal codes', () => {
    const { items } = planCompanyImport(
      [['Ain SARL', '', '', '1000', 'Bourg', '', '', '']],
      mapping,
      [],
      ids('C'),
    );
    expect(items[0]!.company.postalCode).toBe('01000');
    const abroad = planCompanyImport(
      [['Bruxelles SA', '', '', '1000', 'Bruxelles', 'Belgique', '', '']],
      mapping,
      [],
      ids('C'),
    );
    expect(abroad.items[0]!.company.postalCode).toBe('1000');
  });

  it('reports bad lines', () => {
    const { items } = planCompanyImport(
      [
        ['', '', '', '', '', '', '', ''],
        ['X', '123', '', '', '', '', '', ''],
        ['X', '12345678901234', '', '', '', '', '', ''],
        ['X', '', '', '', '', '', '', 'x@'],
        ['Y', '73282932000074', '', '', '', '', '', ''],
        ['Z', '73282932000074', '', '', '', '', '', ''],
      ],
      mapping,
      [],
      ids('C'),
    );
    expect(items.map((i) => [i.status, i.error])).toEqual([
      ['erreur', 'La raison sociale est vide.'],
      ['erreur', 'Le SIRET « 123 » doit compter 14 chiffres.'],
      ['erreur', 'Le SIRET 12345678901234 est invalide : sa clé de contrôle est fausse.'],
      ['erreur', "« x@ » n'est pas une adresse de courriel."],
      ['nouveau', undefined],
      ['erreur', 'Cette entreprise figure déjà ligne 6 du fichier.'],
    ]);
  });

  it('reports a file without a name column', () => {
    const m = mapCompanyColumns(['SIRET']);
    expect(planCompanyImport([['73282932000074']], m, [], ids('C')).items[0]).toMatchObject({
      status: 'erreur',
      error: 'Colonne introuvable dans le fichier : Raison sociale.',
    });
  });
});
