import { describe, expect, it } from 'vitest';
import {
  BLANK_DATE,
  blankFields,
  blankLine,
  withDottedBlanks,
} from '../../../src/domain/documents/blank';
import { allKeys, PLACEHOLDER_KEYS } from '../../../src/domain/documents/placeholders';
import { input } from './input';

const { settings, session } = input();

describe('blankFields', () => {
  it('without a session: dotted lines everywhere but the school', () => {
    const f = blankFields({ settings, today: '2026-11-30' });
    expect(Object.keys(f)).toEqual([...PLACEHOLDER_KEYS]);
    expect(f).toMatchObject({
      'etablissement.nom': 'Lycée Fénelon',
      'etablissement.adresse': '1 rue de la Paix, 59000 Lille',
      'etablissement.academie': 'Lille',
      'etablissement.chef': 'Mme Claire DURAND',
      'eleve.date_naissance': BLANK_DATE,
      'stage.debut': BLANK_DATE,
      'document.exemplaire': '',
      'document.exemplaires': 'trois exemplaires originaux',
    });
    const kept = new Set([
      'etablissement.nom',
      'etablissement.adresse',
      'etablissement.academie',
      'etablissement.chef',
      'document.exemplaire',
      'document.exemplaires',
    ]);
    for (const k of PLACEHOLDER_KEYS.filter((k) => !kept.has(k))) {
      expect(f[k], k).toMatch(/^[. /]+$/);
    }
  });

  it('for a session: its fields too', () => {
    const f = blankFields({ settings, session, today: '2026-11-30' });
    expect(f).toMatchObject({
      'formation.diplome': 'BTS Informatique',
      'session.intitule': 'BTS 1 info période 1',
      'session.type': 'Stage BTS',
      'session.annee_scolaire': '2022-2023',
      'session.periodes': 'du 01/02/2023 au 31/03/2023',
      'session.objectifs': 'Découvrir, le métier',
      'eleve.nom': blankLine('eleve.nom'),
    });
  });

  it('a setting left empty stays a line to fill', () => {
    const f = blankFields({ settings: { ...settings, headOfSchool: '' }, today: '2026-11-30' });
    expect(f['etablissement.chef']).toBe(blankLine('etablissement.chef'));
  });

  it('sizes the line to the field', () => {
    const len = (k: Parameters<typeof blankLine>[0]) => blankLine(k).length;
    expect(len('eleve.mineur')).toBeLessThan(len('eleve.nom'));
    expect(len('eleve.nom')).toBeLessThan(len('entreprise.adresse_complete'));
    expect(blankLine('stage.fin')).toBe(BLANK_DATE);
  });

  it('no line can form a placeholder', () => {
    const f = blankFields({ settings, session, today: '2026-11-30' });
    for (const k of PLACEHOLDER_KEYS) expect(f[k]).not.toMatch(/\{\{|\}\}/);
  });
});

describe('withDottedBlanks', () => {
  it('gives every unknown value its dotted line, and leaves known ones and the copy mark', () => {
    const values = { ...allKeys(''), 'eleve.nom': 'ACAR' };
    const out = withDottedBlanks(values);
    expect(out['eleve.nom']).toBe('ACAR');
    expect(out['tuteur.telephone']).toBe(blankLine('tuteur.telephone'));
    expect(out['stage.debut']).toBe(BLANK_DATE);
    expect(out['document.exemplaire']).toBe('');
  });
});
