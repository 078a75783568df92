/**
 * "Personnel" in the Paramètres panel: the members of staff (referents, visiting teachers), and
 * the form adding one without typing in the Personnel sheet.
 */
import type { ReferenceData } from '../../api/contract';
import { h, replaceChildren, selectField, submit, textField } from '../dom';
import { actionForm } from '../form';
import { CIVILITIES } from '../new-tutor';
import { currentReference, onReference } from '../store';

export function staffForm(): HTMLFormElement {
  const list = h('div', {});
  const civility = selectField('Civilité', 'civility', CIVILITIES);
  const lastName = textField('Nom', 'lastName');
  const firstName = textField('Prénom', 'firstName');
  const email = textField('Courriel', 'email');
  email.control.type = 'email';
  const discipline = textField('Discipline', 'discipline');

  const fill = (ref: ReferenceData | null): void => {
    const staff = ref?.staff ?? [];
    replaceChildren(
      list,
      staff.length === 0
        ? h('p', { class: 'empty' }, 'Personne dans la feuille Personnel.')
        : h(
            'ul',
            { class: 'stage-list compact', 'aria-label': 'Membres du personnel' },
            ...staff.map((s) => h('li', {}, s.label)),
          ),
    );
  };
  fill(currentReference());
  onReference(fill);

  return actionForm(
    'Personnel',
    {
      action: 'apiSaveStaff',
      input: () => ({
        id: '',
        civility: civility.control.value,
        lastName: lastName.control.value.trim(),
        firstName: firstName.control.value.trim(),
        email: email.control.value.trim(),
        discipline: discipline.control.value.trim(),
      }),
      reset: [lastName, firstName, email, discipline, civility],
    },
    h('h3', {}, 'Personnel'),
    h(
      'p',
      { class: 'muted' },
      'Référents et enseignants qui visitent les stagiaires, proposés dans les listes du classeur et de la fiche.',
    ),
    list,
    civility.root,
    lastName.root,
    firstName.root,
    email.root,
    discipline.root,
    h('div', { class: 'buttons' }, submit('Ajouter au personnel')),
  );
}
