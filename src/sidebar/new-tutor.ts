/**
 * « + Nouveau tuteur »: a disclosure under the tutor drop-down of an assignment form, creating a
 * tutor of the chosen company without leaving the form (nor typing in the Tuteurs sheet), then
 * selecting it. It lives inside the enclosing form, so its own button is not a submit and Enter
 * in its fields creates the tutor instead of submitting the enclosing form.
 */
import type { AssignmentFields } from './assignment-fields';
import { KEEP } from './assignment-fields';
import { button, h, replaceChildren, selectField, textField } from './dom';
import { runAction } from './form';
import { showError } from './ui';

export const CIVILITIES = [
  { value: '', label: '—' },
  { value: 'M.', label: 'M.' },
  { value: 'Mme', label: 'Mme' },
];

/** The fields of `who`, with the disclosure placed right under the tutor drop-down. */
export function withNewTutor(who: AssignmentFields): HTMLElement[] {
  return [who.company.root, who.tutor.root, newTutorDisclosure(who), who.referent.root];
}

export function newTutorDisclosure(who: AssignmentFields): HTMLDetailsElement {
  const civility = selectField('Civilité', 'civility', CIVILITIES);
  const lastName = textField('Nom', 'lastName');
  const firstName = textField('Prénom', 'firstName');
  const role = textField('Fonction', 'role');
  const phone = textField('Téléphone', 'phone');
  const email = textField('Courriel', 'email');
  phone.control.type = 'tel';
  email.control.type = 'email';
  const inputs = [lastName, firstName, role, phone, email];
  const forCompany = h('p', { class: 'muted' });

  const companyLabel = (): string => {
    const c = who.company.control;
    return c.value === '' || c.value === KEEP ? '' : (c.selectedOptions[0]?.textContent ?? '');
  };
  const describeCompany = (): void => {
    const name = companyLabel();
    replaceChildren(
      forCompany,
      name ? `Tuteur de l'entreprise ${name}.` : "Choisissez d'abord l'entreprise ci-dessus.",
    );
  };
  who.company.control.addEventListener('change', describeCompany);

  let busy = false;
  const create = async (): Promise<void> => {
    if (busy) return;
    const companyId = who.company.control.value;
    if (companyId === '' || companyId === KEEP) {
      showError("Choisissez d'abord l'entreprise du nouveau tuteur.");
      who.company.control.focus();
      return;
    }
    // Reloading the lists afterwards may reset the enclosing form: keep what was chosen.
    const referentId = who.referent.control.value;
    busy = true;
    try {
      const formRoot = details.closest('form') ?? details;
      const created = await runAction(formRoot, 'apiSaveTutor', {
        id: '',
        companyId,
        civility: civility.control.value,
        lastName: lastName.control.value.trim(),
        firstName: firstName.control.value.trim(),
        role: role.control.value.trim(),
        phone: phone.control.value.trim(),
        email: email.control.value.trim(),
      });
      if (!created) return;
      who.set(created.companyId, created.id, referentId);
      for (const i of inputs) i.control.value = '';
      civility.control.value = '';
      details.open = false;
      who.tutor.control.focus();
    } finally {
      busy = false;
    }
  };

  for (const i of [civility, ...inputs]) {
    i.control.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key !== 'Enter') return;
      ev.preventDefault();
      void create();
    });
  }

  const details = h(
    'details',
    { class: 'disclosure' },
    h('summary', {}, '+ Nouveau tuteur'),
    forCompany,
    civility.root,
    lastName.root,
    firstName.root,
    role.root,
    phone.root,
    email.root,
    h(
      'div',
      { class: 'buttons' },
      button('Créer le tuteur', () => void create(), 'secondary'),
    ),
  );
  details.addEventListener('toggle', describeCompany);
  describeCompany();
  return details;
}
