/**
 * Companies from a spreadsheet or directory export. A re-import updates the companies it
 * recognises: same SIRET; else same name (case, accents and legal-form punctuation aside) and
 * postal code.
 */
import { isFrance, isValidSiret, normaliseSiret } from '../companies';
import { fold, squish } from '../text';
import type { Company } from '../types';
import type { ColumnMapping, ImportStatus } from './columns';
import { cell, isEmail, mapColumns } from './columns';

export type CompanyField =
  | 'name'
  | 'siret'
  | 'address'
  | 'postalCode'
  | 'city'
  | 'country'
  | 'phone'
  | 'email'
  | 'signatory'
  | 'signatoryRole';

/** The SIRET check lives with the companies' other rules; imports used to export it. */
export { isValidSiret } from '../companies';

export const COMPANY_FIELD_LABELS: Readonly<Record<CompanyField, string>> = {
  name: 'Raison sociale',
  siret: 'SIRET',
  address: 'Adresse',
  postalCode: 'Code postal',
  city: 'Ville',
  country: 'Pays',
  phone: 'Téléphone',
  email: 'Courriel',
  signatory: 'Signataire',
  signatoryRole: 'Fonction du signataire',
};

const COMPANY_SYNONYMS: Readonly<Record<CompanyField, readonly string[]>> = {
  name: [
    'raisonsociale',
    'nom',
    'entreprise',
    'nomentreprise',
    'nomdelentreprise',
    'denomination',
    'societe',
  ],
  siret: ['siret', 'numerosiret', 'nsiret', 'nodesiret', 'ndesiret', 'siretentreprise'],
  address: ['adresse', 'adresse1', 'adressepostale', 'rue', 'voie', 'adresseligne1'],
  postalCode: ['codepostal', 'cp'],
  city: ['ville', 'commune', 'localite'],
  country: ['pays'],
  phone: ['telephone', 'tel', 'telephonefixe', 'numerodetelephone', 'telephonestandard'],
  email: [
    'email',
    'mail',
    'courriel',
    'adresseemail',
    'adressemail',
    'adressecourriel',
    'adresseelectronique',
  ],
  signatory: ['signataire', 'nomdusignataire', 'signatairedelaconvention'],
  signatoryRole: ['fonctiondusignataire', 'qualitedusignataire'],
};

export function mapCompanyColumns(headers: readonly string[]): ColumnMapping<CompanyField> {
  return mapColumns(headers, COMPANY_SYNONYMS);
}

export function missingCompanyColumns(mapping: ColumnMapping<CompanyField>): string[] {
  return mapping.name === undefined ? ['Raison sociale'] : [];
}

function nameKey(name: string): string {
  return fold(name).replace(/[^a-z0-9]/g, '');
}

export interface CompanyImportItem {
  company: Company;
  status: ImportStatus;
  error?: string;
  /** Line in the file, the header being line 1 (empty lines not counted). */
  line: number;
}

const FIELDS: readonly CompanyField[] = [
  'name',
  'siret',
  'address',
  'postalCode',
  'city',
  'country',
  'phone',
  'email',
  'signatory',
  'signatoryRole',
];

type Match = { company: Company } | { ambiguous: true } | null;

function findCompany(row: Company, pool: readonly Company[]): Match {
  if (row.siret !== '') {
    const bySiret = pool.find((c) => normaliseSiret(c.siret) === row.siret);
    if (bySiret) return { company: bySiret };
  }
  const key = nameKey(row.name);
  const same = pool.filter(
    (c) =>
      nameKey(c.name) === key &&
      squish(c.postalCode) === row.postalCode &&
      // Two SIRETs are two establishments, even with the same name and postal code.
      (row.siret === '' || normaliseSiret(c.siret) === '' || normaliseSiret(c.siret) === row.siret),
  );
  if (same.length === 1) return { company: same[0]! };
  if (same.length > 1) return { ambiguous: true };
  return null;
}

/** The preview of a company import, line by line; empty cells keep the known values. */
export function planCompanyImport(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping<CompanyField>,
  existing: readonly Company[],
  newId: () => string,
): { items: CompanyImportItem[] } {
  const pool: Company[] = [...existing];
  const claimedBy = new Map<string, number>();
  const missing = missingCompanyColumns(mapping);
  const items = rows.map((row, i): CompanyImportItem => {
    const line = i + 2;
    const draft: Company = {
      id: '',
      name: cell(row, mapping, 'name'),
      siret: normaliseSiret(cell(row, mapping, 'siret')),
      address: cell(row, mapping, 'address'),
      postalCode: cell(row, mapping, 'postalCode').replace(/\s/g, ''),
      city: cell(row, mapping, 'city'),
      country: cell(row, mapping, 'country'),
      phone: cell(row, mapping, 'phone'),
      email: cell(row, mapping, 'email'),
      signatory: cell(row, mapping, 'signatory'),
      signatoryRole: cell(row, mapping, 'signatoryRole'),
    };
    // A spreadsheet turns "01000" into 1000: a French postal code has five digits.
    if (/^\d{4}$/.test(draft.postalCode) && isFrance(draft.country)) {
      draft.postalCode = `0${draft.postalCode}`;
    }
    const error = (message: string): CompanyImportItem => ({
      company: draft,
      status: 'erreur',
      error: message,
      line,
    });
    if (missing.length > 0) {
      return error(`Colonne introuvable dans le fichier : ${missing.join(', ')}.`);
    }
    if (draft.name === '') return error('La raison sociale est vide.');
    if (draft.siret !== '' && !/^\d{14}$/.test(draft.siret)) {
      return error(`Le SIRET « ${draft.siret} » doit compter 14 chiffres.`);
    }
    if (draft.siret !== '' && !isValidSiret(draft.siret)) {
      return error(`Le SIRET ${draft.siret} est invalide : sa clé de contrôle est fausse.`);
    }
    if (draft.email !== '' && !isEmail(draft.email)) {
      return error(`« ${draft.email} » n'est pas une adresse de courriel.`);
    }
    const match = findCompany(draft, pool);
    if (match && 'ambiguous' in match) {
      return error(
        'Plusieurs entreprises connues portent ce nom avec ce code postal : ajoutez le SIRET.',
      );
    }
    if (match) {
      const known = match.company;
      const earlier = claimedBy.get(known.id);
      if (earlier !== undefined) {
        return error(`Cette entreprise figure déjà ligne ${earlier} du fichier.`);
      }
      claimedBy.set(known.id, line);
      const updated: Company = { ...known };
      for (const f of FIELDS) if (draft[f] !== '') updated[f] = draft[f];
      // The same SIRET written with spaces is no change.
      if (normaliseSiret(known.siret) === draft.siret) updated.siret = known.siret;
      const unchanged = FIELDS.every((f) => updated[f] === known[f]);
      return { company: updated, status: unchanged ? 'inchangé' : 'mis à jour', line };
    }
    const created: Company = { ...draft, id: newId() };
    pool.push(created);
    claimedBy.set(created.id, line);
    return { company: created, status: 'nouveau', line };
  });
  return { items };
}
