/**
 * "Entreprises": create a company, or pick one from the list and correct it, without typing in
 * the Entreprises sheet nor preparing an import. The server checks everything again (SIRET key,
 * postal code, a SIRET already used); a renamed company's stages and tutors follow.
 */
import type { CompanyInput, CompanyView, ReferenceData } from '../../api/contract';
import { callServer } from '../api';
import {
  clearErrors,
  h,
  replaceChildren,
  selectField,
  setOptions,
  submit,
  textField,
} from '../dom';
import { actionForm } from '../form';
import { currentReference, onReference } from '../store';
import { showError } from '../ui';
import { type Panel, shell } from './panel';

const NEW = '';

type TextKey = Exclude<keyof CompanyInput, 'id' | 'fingerprint'>;

export function companiesPanel(): Panel {
  const { root, heading } = shell('companies', 'Entreprises');
  const picker = selectField('Entreprise', 'companyId');
  const fields: Record<TextKey, ReturnType<typeof textField>> = {
    name: textField('Raison sociale', 'name'),
    siret: textField('SIRET', 'siret', {
      hint: "14 chiffres, sur l'avis de situation Sirene (la clé de contrôle est vérifiée).",
    }),
    address: textField('Adresse', 'address'),
    postalCode: textField('Code postal', 'postalCode', { hint: '5 chiffres en France.' }),
    city: textField('Ville', 'city'),
    country: textField('Pays', 'country', { hint: 'Laissez vide pour la France.' }),
    phone: textField('Téléphone', 'phone'),
    email: textField('Courriel', 'email'),
    signatory: textField('Nom du signataire', 'signatory', {
      hint: 'La personne qui signe les conventions pour l’entreprise.',
    }),
    signatoryRole: textField('Fonction du signataire', 'signatoryRole', {
      placeholder: 'Gérant, directrice des ressources humaines…',
    }),
  };
  fields.siret.control.inputMode = 'numeric';
  fields.postalCode.control.inputMode = 'numeric';
  fields.phone.control.type = 'tel';
  fields.email.control.type = 'email';
  const mode = h('p', { class: 'muted', 'aria-live': 'polite' });
  const save = submit('Créer l’entreprise');

  /** Digest of the company as read, sent back so that a change made since is not overwritten. */
  let fingerprint = '';
  /** The company shown, or NEW; a late answer for another choice is dropped. */
  let shown = NEW;

  const describe = (): void => {
    const editing = shown !== NEW;
    replaceChildren(
      mode,
      editing
        ? 'Corrigez les champs puis enregistrez : le nouveau nom est reporté sur les stages et les tuteurs.'
        : 'Nouvelle entreprise : seule la raison sociale est obligatoire.',
    );
    save.textContent = editing ? 'Enregistrer les modifications' : 'Créer l’entreprise';
  };

  const fill = (c: CompanyView | null): void => {
    shown = c?.id ?? NEW;
    fingerprint = c?.fingerprint ?? '';
    for (const key of Object.keys(fields) as TextKey[]) {
      fields[key].control.value = c ? c[key] : '';
    }
    picker.control.value = shown;
    describe();
  };

  const options = (ref: ReferenceData | null): void => {
    setOptions(picker.control, [
      { value: NEW, label: '— Nouvelle entreprise —' },
      ...(ref?.companies ?? []).map((c) => ({ value: c.id, label: c.label })),
    ]);
    picker.control.value = shown;
  };
  options(currentReference());
  onReference(options);

  picker.control.addEventListener('change', () => {
    const id = picker.control.value;
    clearErrors(f);
    if (id === NEW) {
      fill(null);
      return;
    }
    shown = id;
    callServer('apiGetCompany', id).then(
      (c) => {
        if (shown !== id) return;
        if (c) {
          fill(c);
          return;
        }
        fill(null);
        showError(
          'Cette entreprise ne figure plus dans la feuille Entreprises : la ligne a peut-être été supprimée.',
        );
      },
      () => {
        if (shown === id) fill(null);
      },
    );
  });

  const f: HTMLFormElement = actionForm(
    'Entreprise',
    {
      action: 'apiSaveCompany',
      input: () => {
        const input: CompanyInput = {
          id: shown,
          fingerprint,
          name: '',
          siret: '',
          address: '',
          postalCode: '',
          city: '',
          country: '',
          phone: '',
          email: '',
          signatory: '',
          signatoryRole: '',
        };
        for (const key of Object.keys(fields) as TextKey[]) {
          input[key] = fields[key].control.value.trim();
        }
        return input;
      },
      // The company saved stays on screen, as the sheet now has it (SIRET without spaces…).
      done: (c) => fill(c),
    },
    picker.root,
    mode,
    fields.name.root,
    fields.siret.root,
    fields.address.root,
    fields.postalCode.root,
    fields.city.root,
    fields.country.root,
    fields.phone.root,
    fields.email.root,
    h(
      'fieldset',
      {},
      h('legend', {}, 'Signataire des conventions'),
      fields.signatory.root,
      fields.signatoryRole.root,
    ),
    h('div', { class: 'buttons' }, save),
  );
  describe();
  root.append(
    h(
      'p',
      { class: 'muted' },
      'Choisissez une entreprise pour la corriger, ou créez-en une. Pour en ajouter beaucoup, passez par Importer.',
    ),
    f,
  );
  return { root, heading };
}
