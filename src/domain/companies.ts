/**
 * Companies ("Entreprises") entered or corrected from the sidebar rather than typed in their
 * sheet or imported: the SIRET check and the rules a company's fields follow.
 */
import { fold, squish, typed } from './text';
import type { Company, Result } from './types';
import { fail, ok } from './types';
import { parseEmail, parsePhone } from './people';

/** La Poste's SIREN: its establishments' SIRETs do not follow the Luhn rule. */
export const LA_POSTE_SIREN = '356000000';
/** La Poste's head office, the one SIRET of its SIREN that does pass the Luhn rule. */
const LA_POSTE_HEAD_OFFICE = '35600000000048';

const MAX_NAME_LENGTH = 150;
const MAX_ADDRESS_LENGTH = 200;
const MAX_CITY_LENGTH = 100;
const MAX_COUNTRY_LENGTH = 60;
const MAX_PERSON_LENGTH = 100;
const MAX_ROLE_LENGTH = 150;
const MAX_FOREIGN_POSTCODE_LENGTH = 12;

/** "123 456 789 00012" → "12345678900012": spaces, dots and dashes are layout, not digits. */
export function normaliseSiret(text: string): string {
  return String(text ?? '').replace(/[\s\u00a0\u202f.-]/g, '');
}

/** "12345678900012" → "123 456 789 00012", as the Sirene register prints it. */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret)
    ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    : siret;
}

/** The Luhn key: from the right, every second digit doubled (minus 9 past 9), sum ≡ 0 mod 10. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isLaPosteSiret(siret: string): boolean {
  return siret.startsWith(LA_POSTE_SIREN);
}

/**
 * A SIRET is 14 digits passing the Luhn check. La Poste's establishments (SIREN 356 000 000)
 * are too many for the NIC's Luhn key: INSEE gives them SIRETs whose 14 digits add up to a
 * multiple of 5 instead; only the head office (356 000 000 00048) keeps a Luhn key.
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (isLaPosteSiret(siret) && siret !== LA_POSTE_HEAD_OFFICE) {
    return [...siret].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  }
  return passesLuhn(siret);
}

/** '' or "France" (any case or accent) means France. */
export function isFrance(country: string): boolean {
  const c = fold(country);
  return c === '' || c === 'france';
}

/** The SIRET as typed, checked: '' when none, else its 14 digits. */
export function parseSiret(raw: unknown): Result<string> {
  const typedText = squish(typed(raw));
  const siret = normaliseSiret(typedText);
  if (siret === '') return ok('');
  if (!/^\d+$/.test(siret))
    return fail(`Le SIRET ne s'écrit qu'avec des chiffres : « ${typedText} ».`, 'siret');
  if (siret.length !== 14)
    return fail(
      `Le SIRET compte 14 chiffres (9 pour le SIREN, 5 pour l'établissement) : « ${typedText} » en compte ${siret.length}.`,
      'siret',
    );
  if (!isValidSiret(siret))
    return fail(
      isLaPosteSiret(siret)
        ? `Le SIRET ${formatSiret(siret)} n'est pas un SIRET de La Poste valide : la somme de ses chiffres doit être un multiple de 5. Vérifiez-le sur l'avis de situation Sirene.`
        : `Le SIRET ${formatSiret(siret)} est invalide : sa clé de contrôle ne correspond pas. Vérifiez-le sur l'avis de situation Sirene.`,
      'siret',
    );
  return ok(siret);
}

/** A French postal code has five digits ("59 400" is read as 59400); abroad, a short code. */
export function parsePostalCode(raw: unknown, country: string): Result<string> {
  const v = squish(typed(raw));
  if (v === '') return ok('');
  if (isFrance(country)) {
    const digits = v.replace(/\s/g, '');
    if (!/^\d{5}$/.test(digits))
      return fail(
        `« ${v} » n'est pas un code postal français : il compte 5 chiffres (par exemple 59400).`,
        'postalCode',
      );
    return ok(digits);
  }
  if (v.length > MAX_FOREIGN_POSTCODE_LENGTH || !/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u.test(v))
    return fail(`« ${v} » n'est pas un code postal.`, 'postalCode');
  return ok(v);
}

function text(raw: unknown, field: string, what: string, max: number): Result<string> {
  const v = squish(typed(raw));
  if (v.length > max) return fail(`${what} est trop long (${max} caractères au plus).`, field);
  return ok(v);
}

/** Name and postal code as the import matches companies (legal-form punctuation aside). */
function nameKey(name: string): string {
  return fold(name).replace(/[^a-z0-9]/g, '');
}

/** "CREDIT AGRICOLE (Cambrai)": a company named for a message. */
export function companyTitle(c: Pick<Company, 'name' | 'city'>): string {
  return c.city ? `« ${c.name} » (${c.city})` : `« ${c.name} »`;
}

export type CompanyText = Record<keyof Company, unknown>;

/**
 * A company as the form sends it ('' as id to create one). `others` are the companies already
 * in the sheet: a SIRET names one establishment, so two companies cannot share it; and a second
 * company of the same name and postal code that no SIRET tells apart would be the same one twice
 * (an import would no longer know which to update).
 */
export function validateCompany(
  input: Partial<CompanyText>,
  others: readonly Company[],
): Result<Company> {
  const id = squish(typed(input?.id));
  const name = squish(typed(input?.name));
  if (name === '') return fail('La raison sociale est obligatoire.', 'name');
  if (name.length > MAX_NAME_LENGTH)
    return fail(
      `La raison sociale est trop longue (${MAX_NAME_LENGTH} caractères au plus).`,
      'name',
    );
  const siret = parseSiret(input?.siret);
  if (!siret.ok) return siret;
  const address = text(input?.address, 'address', "L'adresse", MAX_ADDRESS_LENGTH);
  if (!address.ok) return address;
  const country = text(input?.country, 'country', 'Le pays', MAX_COUNTRY_LENGTH);
  if (!country.ok) return country;
  const postalCode = parsePostalCode(input?.postalCode, country.value);
  if (!postalCode.ok) return postalCode;
  const city = text(input?.city, 'city', 'Le nom de la ville', MAX_CITY_LENGTH);
  if (!city.ok) return city;
  const phone = parsePhone(input?.phone);
  if (!phone.ok) return phone;
  const email = parseEmail(input?.email);
  if (!email.ok) return email;
  const signatory = text(input?.signatory, 'signatory', 'Le nom du signataire', MAX_PERSON_LENGTH);
  if (!signatory.ok) return signatory;
  const signatoryRole = text(
    input?.signatoryRole,
    'signatoryRole',
    'La fonction du signataire',
    MAX_ROLE_LENGTH,
  );
  if (!signatoryRole.ok) return signatoryRole;

  const company: Company = {
    id,
    name,
    siret: siret.value,
    address: address.value,
    postalCode: postalCode.value,
    city: city.value,
    country: country.value,
    phone: phone.value,
    email: email.value,
    signatory: signatory.value,
    signatoryRole: signatoryRole.value,
  };
  const rest = others.filter((c) => c.id !== id);
  if (company.siret !== '') {
    const sameSiret = rest.find((c) => normaliseSiret(c.siret) === company.siret);
    if (sameSiret)
      return fail(
        `Le SIRET ${formatSiret(company.siret)} est déjà celui de l'entreprise ${companyTitle(sameSiret)} : choisissez-la dans la liste pour la modifier.`,
        'siret',
      );
  }
  const key = nameKey(name);
  const twin = rest.find(
    (c) =>
      nameKey(c.name) === key &&
      squish(c.postalCode).replace(/\s/g, '') === company.postalCode &&
      (company.siret === '' || normaliseSiret(c.siret) === ''),
  );
  if (twin)
    return fail(
      `L'entreprise ${companyTitle(twin)} porte déjà ce nom avec ce code postal : choisissez-la dans la liste pour la modifier, ou indiquez le SIRET de chacune pour les distinguer.`,
      'name',
    );
  return ok(company);
}
