import { describe, expect, it } from 'vitest';
import {
  personLabel,
  resolveReference,
  staffLabel,
  studentLabels,
  tutorLabel,
} from '../../src/domain/labels';
import type { Company, Student } from '../../src/domain/types';

function student(
  id: string,
  lastName: string,
  firstName: string,
  className: string,
  birthDate = '',
): Student {
  return { id, lastName, firstName, className, birthDate, email: '' };
}

describe('personLabel / tutorLabel', () => {
  it('capitalises the last name', () => {
    expect(personLabel('Acar', 'Laurie')).toBe('ACAR Laurie');
    expect(personLabel('  de la  Fontaine ', ' Jean ')).toBe('DE LA FONTAINE Jean');
    expect(personLabel('Éloi', 'Zoé')).toBe('ÉLOI Zoé');
    expect(personLabel('', 'Zoé')).toBe('Zoé');
  });
  it('adds the civility when present', () => {
    expect(tutorLabel({ civility: 'M.', lastName: 'Ecusson', firstName: 'Blase' })).toBe(
      'M. ECUSSON Blase',
    );
    expect(tutorLabel({ civility: '', lastName: 'Bruel', firstName: 'Patrick' })).toBe(
      'BRUEL Patrick',
    );
    expect(staffLabel({ civility: 'Mme', lastName: 'Durand', firstName: 'Anne' })).toBe(
      'Mme DURAND Anne',
    );
  });
});

describe('studentLabels', () => {
  it('leaves unique names alone', () => {
    const labels = studentLabels([
      student('1', 'Acar', 'Laurie', 'BTS1'),
      student('2', 'Acna', 'Camille', 'BTS1'),
    ]);
    expect([...labels.entries()]).toEqual([
      ['1', 'ACAR Laurie'],
      ['2', 'ACNA Camille'],
    ]);
  });

  it('adds the class to homonyms', () => {
    const labels = studentLabels([
      student('1', 'Martin', 'Léa', 'BTS1'),
      student('2', 'MARTIN', 'Léa', 'BTS2'),
    ]);
    expect(labels.get('1')).toBe('MARTIN Léa (BTS1)');
    expect(labels.get('2')).toBe('MARTIN Léa (BTS2)');
  });

  it('adds the birth date to homonyms of the same class, the ID as a last resort', () => {
    const labels = studentLabels([
      student('1', 'Martin', 'Léa', 'BTS1', '2006-05-12'),
      student('2', 'Martin', 'Léa', 'BTS1', '2005-11-03'),
      student('3', 'Martin', 'Léa', 'BTS2'),
      student('4', 'Martin', 'Léa', 'Term', '2006-01-01'),
      student('5', 'Martin', 'Léa', 'Term', '2006-01-01'),
      student('6', 'Martin', 'Léa', ''),
    ]);
    expect(labels.get('1')).toBe('MARTIN Léa (BTS1, 12/05/2006)');
    expect(labels.get('2')).toBe('MARTIN Léa (BTS1, 03/11/2005)');
    expect(labels.get('3')).toBe('MARTIN Léa (BTS2)');
    expect(labels.get('4')).toBe('MARTIN Léa (Term, 4)');
    expect(labels.get('5')).toBe('MARTIN Léa (Term, 5)');
    expect(labels.get('6')).toBe('MARTIN Léa (sans classe)');
    expect(new Set(labels.values()).size).toBe(6);
  });
});

describe('resolveReference', () => {
  const companies: Pick<Company, 'id' | 'name'>[] = [
    { id: 'CA', name: 'CREDIT AGRICOLE DU NORD CAMBRAI' },
    { id: 'BP', name: 'BANQUE POPULAIRE DU NORD DENAIN' },
    { id: 'D1', name: 'DOUBLON' },
    { id: 'D2', name: 'Doublon' },
  ];
  const name = (c: Pick<Company, 'id' | 'name'>) => c.name;

  it('clears on an empty label', () => {
    expect(resolveReference('  ', 'CA', companies, name)).toEqual({ id: '' });
  });
  it('keeps the ID when its label is the cell’s', () => {
    expect(resolveReference('CREDIT AGRICOLE DU NORD CAMBRAI', 'CA', companies, name)).toEqual({
      id: 'CA',
    });
    expect(resolveReference('Doublon', 'D2', companies, name)).toEqual({ id: 'D2' });
    expect(resolveReference('doublon', 'D1', companies, name)).toEqual({ id: 'D1' });
  });
  it('follows a label changed by hand to another entity', () => {
    expect(resolveReference('BANQUE POPULAIRE DU NORD DENAIN', 'CA', companies, name)).toEqual({
      id: 'BP',
    });
    expect(resolveReference(' banque populaire du nord  denain ', '', companies, name)).toEqual({
      id: 'BP',
    });
  });
  it('keeps the ID when the entity was renamed (the label names nothing)', () => {
    expect(resolveReference('CREDIT AGRICOLE CAMBRAI', 'CA', companies, name)).toEqual({
      id: 'CA',
    });
  });
  it('reports an unknown label', () => {
    expect(resolveReference('Inconnue', '', companies, name, 'la feuille Entreprises')).toEqual({
      error: '« Inconnue » ne figure pas dans la feuille Entreprises.',
    });
    expect(resolveReference('Inconnue', 'GONE', companies, name)).toEqual({
      error: '« Inconnue » ne figure pas dans la liste.',
    });
  });
  it('reports an ambiguous label', () => {
    expect(resolveReference('DOUBLON', 'CA', companies, name, 'la feuille Entreprises')).toEqual({
      error:
        '« DOUBLON » désigne 2 fiches de la feuille Entreprises : choisissez la bonne dans la liste déroulante.',
    });
  });
  it('resolves homonym students through their disambiguated labels', () => {
    const students = [student('1', 'Martin', 'Léa', 'BTS1'), student('2', 'Martin', 'Léa', 'BTS2')];
    const labels = studentLabels(students);
    const labelOf = (s: Student) => labels.get(s.id)!;
    expect(resolveReference('MARTIN Léa (BTS2)', '1', students, labelOf)).toEqual({ id: '2' });
    expect(resolveReference('MARTIN Léa (BTS1)', '1', students, labelOf)).toEqual({ id: '1' });
  });
});
