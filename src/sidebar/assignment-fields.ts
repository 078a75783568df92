/**
 * The Entreprise / Tuteur entreprise / Référent établissement trio used by several forms.
 * The tutor list only offers the chosen company's tutors, as the server requires.
 */
import type { ReferenceData } from '../api/contract';
import { type Field, type SelectOption, selectField, setOptions } from './dom';
import { currentReference, onReference } from './store';

/** Option value meaning "leave as it is" (multi-row Affecter only). */
export const KEEP = '__keep__';

export interface AssignmentFields {
  company: Field<HTMLSelectElement>;
  tutor: Field<HTMLSelectElement>;
  referent: Field<HTMLSelectElement>;
  roots: HTMLDivElement[];
  set(companyId: string, tutorId: string, referentId: string): void;
}

export function assignmentFields(opts: { allowKeep?: boolean } = {}): AssignmentFields {
  const company = selectField('Entreprise', 'companyId');
  const tutor = selectField('Tuteur entreprise', 'tutorId');
  const referent = selectField('Référent établissement', 'referentId');

  const head = (none: string): SelectOption[] =>
    opts.allowKeep
      ? [
          { value: KEEP, label: '(inchangé)' },
          { value: '', label: none },
        ]
      : [{ value: '', label: none }];

  const fillTutors = (ref: ReferenceData | null): void => {
    const companyId = company.control.value;
    const tutors = (ref?.tutors ?? []).filter(
      (t) => companyId !== KEEP && companyId !== '' && t.companyId === companyId,
    );
    setOptions(tutor.control, [
      ...head('— Aucun tuteur —'),
      ...tutors.map((t) => ({ value: t.id, label: t.label })),
    ]);
  };

  const fill = (ref: ReferenceData | null): void => {
    setOptions(company.control, [
      ...head('— Aucune entreprise —'),
      ...(ref?.companies ?? []).map((c) => ({ value: c.id, label: c.label })),
    ]);
    setOptions(referent.control, [
      ...head('— Aucun référent —'),
      ...(ref?.staff ?? []).map((s) => ({ value: s.id, label: s.label })),
    ]);
    fillTutors(ref);
  };

  company.control.addEventListener('change', () => {
    const before = tutor.control.value;
    fillTutors(currentReference());
    // A tutor of another company is never kept: a new company starts with no tutor.
    if (tutor.control.value !== before || company.control.value !== KEEP) {
      if (![...tutor.control.options].some((o) => o.value === before) || before === KEEP) {
        tutor.control.value = '';
      }
    }
  });

  fill(currentReference());
  onReference(fill);

  return {
    company,
    tutor,
    referent,
    roots: [company.root, tutor.root, referent.root],
    set(companyId, tutorId, referentId) {
      company.control.value = companyId;
      fillTutors(currentReference());
      tutor.control.value = tutorId;
      referent.control.value = referentId;
      if (company.control.value !== companyId) company.control.value = '';
      if (tutor.control.value !== tutorId) tutor.control.value = '';
      if (referent.control.value !== referentId) referent.control.value = '';
    },
  };
}
