import { describe, expect, it } from 'vitest';
import {
  COMPANY_FIELD_LABELS,
  isValidSiret,
  mapCompanyColumns,
  mappedColumns,
  planCompanyImport,
} from '../../../src/domain/import';
import type { Company } from '../../../src/domain/types';
import { ids } from '../../fixtures/domain';

describe('SIRET', () => {
  it.each([
    ['73282932000074', true],
    ['44306184100047', true],
    ['73282932000075', false],
    ['12345678901234', false],
    ['35600000049837', true], // La Poste: digits add up to a multiple of 5
    ['35600000000048', true], // La Poste's head office keeps its Luhn key
    ['7328293200007', false],
    ['7328293200007A', false],
  ])('%s → %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });
});

describe('mapCompanyColumns', () => {
  it('recognises the signatory of conventions and their function', () => {
    expect(mapCompanyColumns(['Raison sociale', 'Signataire', 'Fonction du signataire'])).toEqual({
      name: 0,
      signatory: 1,
      signatoryRole: 2,
    });
  });

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
      signatory: '',
      signatoryRole: '',
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
      signatory: '',
      signatoryRole: '',
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
