/**
 * Tutors ("Tuteurs") and members of staff ("Personnel") entered from the sidebar rather than typed
 * in their sheets: the checks, and the label the Stages sheet shows for them.
 */
import { fold, squish, typed } from './text';
import type { Result, Staff, Tutor } from './types';
import { fail, ok } from './types';
import { staffLabel, tutorLabel } from './labels';

const MAX_NAME_LENGTH = 100;
const MAX_ROLE_LENGTH = 150;
const MAX_EMAIL_LENGTH = 200;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits with the separators people write: "03 27 00 00 00", "+33 (0)6 12 34 56 78", "03.27…".
const PHONE_RE = /^\+?[\d\s.()/-]+$/;

/** "M.", "Mme" or '' from what people write ("Monsieur", "mme", "M"). */
export function parseCivility(raw: string): Result<string> {
  const key = fold(raw).replace(/\.$/, '');
  if (key === '') return ok('');
  if (key === 'm' || key === 'mr' || key === 'monsieur') return ok('M.');
  if (key === 'mme' || key === 'madame') return ok('Mme');
  return fail(`« ${squish(raw)} » n'est pas une civilité : choisissez M. ou Mme.`, 'civility');
}

function name(raw: unknown, field: string, what: string): Result<string> {
  const v = squish(typed(raw));
  if (v === '') return fail(`${what} est obligatoire.`, field);
  if (v.length > MAX_NAME_LENGTH)
    return fail(`${what} est trop long (${MAX_NAME_LENGTH} caractères au plus).`, field);
  return ok(v);
}

export function parseEmail(raw: unknown): Result<string> {
  const v = squish(typed(raw));
  if (v === '') return ok('');
  if (v.length > MAX_EMAIL_LENGTH || !EMAIL_RE.test(v))
    return fail(
      `« ${v} » n'est pas une adresse électronique (par exemple prenom.nom@exemple.fr).`,
      'email',
    );
  return ok(v);
}

export function parsePhone(raw: unknown): Result<string> {
  const v = squish(typed(raw));
  if (v === '') return ok('');
  const digits = v.replace(/\D/g, '').length;
  if (v.length > 40 || !PHONE_RE.test(v) || digits < 4)
    return fail(`« ${v} » n'est pas un numéro de téléphone (par exemple 03 27 00 00 00).`, 'phone');
  return ok(v);
}

function short(raw: unknown, field: string, what: string, max: number): Result<string> {
  const v = squish(typed(raw));
  if (v.length > max) return fail(`${what} est trop long (${max} caractères au plus).`, field);
  return ok(v);
}

type PersonFields = { civility: string; lastName: string; firstName: string; email: string };

function person(input: Partial<Record<keyof PersonFields, unknown>>): Result<PersonFields> {
  const civility = parseCivility(typed(input?.civility));
  if (!civility.ok) return civility;
  const lastName = name(input?.lastName, 'lastName', 'Le nom');
  if (!lastName.ok) return lastName;
  const firstName = name(input?.firstName, 'firstName', 'Le prénom');
  if (!firstName.ok) return firstName;
  const email = parseEmail(input?.email);
  if (!email.ok) return email;
  return ok({
    civility: civility.value,
    lastName: lastName.value,
    firstName: firstName.value,
    email: email.value,
  });
}

export type TutorText = Record<keyof Tutor, unknown>;
export type StaffText = Record<keyof Staff, unknown>;

/**
 * A tutor of an existing company. `others` are the tutors already in the sheet: a second tutor
 * of the same company with the same label would make the Stages cell ambiguous.
 */
export function validateTutor(
  input: Partial<TutorText>,
  companyIds: ReadonlySet<string>,
  others: readonly Tutor[],
): Result<Tutor> {
  const id = squish(typed(input?.id));
  const companyId = squish(typed(input?.companyId));
  if (companyId === '') return fail("Choisissez d'abord l'entreprise du tuteur.", 'companyId');
  if (!companyIds.has(companyId))
    return fail(
      'Cette entreprise ne figure plus dans la feuille Entreprises : rechargez la liste.',
      'companyId',
    );
  const p = person(input);
  if (!p.ok) return p;
  const role = short(input?.role, 'role', 'La fonction', MAX_ROLE_LENGTH);
  if (!role.ok) return role;
  const phone = parsePhone(input?.phone);
  if (!phone.ok) return phone;
  const tutor: Tutor = { id, companyId, ...p.value, role: role.value, phone: phone.value };
  const label = fold(tutorLabel(tutor));
  const twin = others.find(
    (t) => t.id !== id && t.companyId === companyId && fold(tutorLabel(t)) === label,
  );
  if (twin)
    return fail(`« ${tutorLabel(tutor)} » est déjà tuteur de cette entreprise.`, 'lastName');
  return ok(tutor);
}

/** A member of staff; two with the same label could not be told apart in the Stages sheet. */
export function validateStaff(input: Partial<StaffText>, others: readonly Staff[]): Result<Staff> {
  const id = squish(typed(input?.id));
  const p = person(input);
  if (!p.ok) return p;
  const discipline = short(input?.discipline, 'discipline', 'La discipline', MAX_ROLE_LENGTH);
  if (!discipline.ok) return discipline;
  const staff: Staff = { id, ...p.value, discipline: discipline.value };
  const label = fold(staffLabel(staff));
  const twin = others.find((s) => s.id !== id && fold(staffLabel(s)) === label);
  if (twin)
    return fail(`« ${staffLabel(staff)} » figure déjà dans la feuille Personnel.`, 'lastName');
  return ok(staff);
}
