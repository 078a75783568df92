import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  editDistance,
  suggestKey,
} from '../../../src/domain/documents/templateCheck';
import { PLACEHOLDER_KEYS } from '../../../src/domain/documents/placeholders';

describe('checkTemplate', () => {
  it('finds the known placeholders, each once, in order', () => {
    const r = checkTemplate(
      'Entre {{entreprise.nom}} et {{eleve.nom}} {{eleve.prenom}}, né le {{eleve.date_naissance}}.\n' +
        'Signé : {{eleve.nom}}',
    );
    expect(r).toEqual({
      placeholders: ['entreprise.nom', 'eleve.nom', 'eleve.prenom', 'eleve.date_naissance'],
      problems: [],
    });
  });

  it('knows every key of the catalog', () => {
    const r = checkTemplate(PLACEHOLDER_KEYS.map((k) => `{{${k}}}`).join(' '));
    expect(r.placeholders).toEqual([...PLACEHOLDER_KEYS]);
    expect(r.problems).toEqual([]);
  });

  it.each([
    ['{{eleve.nom }}', 'eleve.nom'],
    ['{{ eleve.nom}}', 'eleve.nom'],
    ['{{élève.nom}}', 'eleve.nom'],
    ['{{Eleve.Nom}}', 'eleve.nom'],
    ['{{ELEVE.NOM}}', 'eleve.nom'],
    ['{eleve.nom}', 'eleve.nom'],
    ['{{eleve.nom}', 'eleve.nom'],
    ['{eleve.nom}}', 'eleve.nom'],
    ['{{{eleve.nom}}}', 'eleve.nom'],
    ['{{eleve.nmo}}', 'eleve.nom'],
    ['{{entreprise.sirett}}', 'entreprise.siret'],
    ['{{entrprise.siet}}', 'entreprise.siret'],
    ['{{eleve nom}}', 'eleve.nom'],
    ['{{stage.a l etranger}}', 'stage.a_l_etranger'],
    ['{{referent.discipline}', 'referent.discipline'],
  ])('%s : voulez-vous dire {{%s}} ?', (found, key) => {
    const r = checkTemplate(`Texte ${found} texte`);
    expect(r.placeholders).toEqual([]);
    expect(r.problems).toEqual([
      { found, suggestion: key, message: `${found} : voulez-vous dire {{${key}}} ?` },
    ]);
  });

  it('reports an unknown placeholder by name, without a far-fetched guess', () => {
    expect(checkTemplate('{{eleve.pointure}} {{xyz}}').problems).toEqual([
      { found: '{{eleve.pointure}}', message: '{{eleve.pointure}} : champ inconnu' },
      { found: '{{xyz}}', message: '{{xyz}} : champ inconnu' },
    ]);
  });

  it('reports each problem once', () => {
    expect(checkTemplate('{{eleve.nmo}} et {{eleve.nmo}}').problems).toHaveLength(1);
  });

  it('leaves ordinary braces of the text alone', () => {
    expect(checkTemplate('Un ensemble {a, b} et {x} ; du code { return 1; }')).toEqual({
      placeholders: [],
      problems: [],
    });
  });

  it('does not guess between two keys as near as each other', () => {
    // "eleve.ane" is one edit from both "eleve.age" and "eleve.ine".
    expect(suggestKey('eleve.ane')).toBeUndefined();
    expect(checkTemplate('{{eleve.ane}}').problems).toEqual([
      { found: '{{eleve.ane}}', message: '{{eleve.ane}} : champ inconnu' },
    ]);
    expect(suggestKey('referent.courrie')).toBe('referent.courriel');
    expect(suggestKey('eleve.adresse')).toBe('eleve.adresse');
    expect(suggestKey('tuteur.courriel_')).toBe('tuteur.courriel');
    expect(suggestKey('ab')).toBeUndefined();
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'abd', 1],
    ['abc', 'ab', 1],
    ['abc', 'acb', 2],
    ['kitten', 'sitting', 3],
  ])('%j → %j: %d (stopped past 2)', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
