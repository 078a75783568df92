import { describe, expect, it } from 'vitest';
import {
  isPlaceholderKey,
  PLACEHOLDER_GROUPS,
  PLACEHOLDER_KEYS,
  PLACEHOLDERS,
  placeholdersByGroup,
  placeholderText,
} from '../../../src/domain/documents/placeholders';

/** The catalog of /work/notes/docs-plan.md, a contract with the schools' templates. */
const PLAN: Record<string, string[]> = {
  Élève: [
    'eleve.nom',
    'eleve.prenom',
    'eleve.nom_complet',
    'eleve.civilite_nom',
    'eleve.date_naissance',
    'eleve.age',
    'eleve.mineur',
    'eleve.classe',
    'eleve.ine',
    'eleve.courriel',
    'eleve.adresse',
    'eleve.telephone',
  ],
  'Représentant légal': [
    'representant.nom',
    'representant.adresse',
    'representant.telephone',
    'representant.courriel',
  ],
  Formation: [
    'formation.diplome',
    'session.intitule',
    'session.type',
    'session.annee_scolaire',
    'session.libelle_edition',
    'session.objectifs',
    'session.periodes',
  ],
  Stage: [
    'stage.debut',
    'stage.fin',
    'stage.dates',
    'stage.duree_hebdomadaire',
    'stage.horaires',
    'stage.jours_travailles',
    'stage.pays',
    'stage.a_l_etranger',
    'stage.presence_heures',
    'stage.presence_jours',
    'stage.presence_mois',
    'stage.fin_initiale',
    'stage.reference',
  ],
  Gratification: [
    'gratification.due',
    'gratification.taux_horaire',
    'gratification.montant_mensuel_minimum',
    'gratification.montant_total',
    'gratification.mention',
  ],
  Entreprise: [
    'entreprise.nom',
    'entreprise.siret',
    'entreprise.adresse',
    'entreprise.code_postal',
    'entreprise.ville',
    'entreprise.adresse_complete',
    'entreprise.pays',
    'entreprise.telephone',
    'entreprise.courriel',
    'entreprise.signataire',
    'entreprise.signataire_fonction',
  ],
  Tuteur: ['tuteur.nom', 'tuteur.fonction', 'tuteur.telephone', 'tuteur.courriel'],
  Référent: ['referent.nom', 'referent.discipline', 'referent.courriel'],
  Établissement: [
    'etablissement.nom',
    'etablissement.adresse',
    'etablissement.academie',
    'etablissement.chef',
  ],
  'Arrêt et avenant': [
    'arret.date',
    'arret.motif',
    'avenant.objet',
    'avenant.dates',
    'avenant.entreprise',
    'avenant.tuteur',
    'avenant.referent',
    'avenant.arret',
    'convention.reference',
    'convention.date',
  ],
  Visite: ['visite.date', 'visite.type', 'visite.enseignant', 'visite.commentaire'],
  Document: ['document.date', 'document.exemplaire', 'document.exemplaires'],
};

describe('the placeholder catalog', () => {
  it('holds exactly the plan’s keys, in its groups and order', () => {
    expect(placeholdersByGroup().map((g) => [g.group, g.items.map((x) => x.key)])).toEqual(
      Object.entries(PLAN),
    );
    expect(PLACEHOLDER_GROUPS).toEqual(Object.keys(PLAN));
    expect(PLACEHOLDER_KEYS).toEqual(Object.values(PLAN).flat());
  });

  it('has unique keys, written lower case without accents', () => {
    expect(new Set(PLACEHOLDER_KEYS).size).toBe(PLACEHOLDER_KEYS.length);
    for (const k of PLACEHOLDER_KEYS) expect(k).toMatch(/^[a-z]+\.[a-z_]+$/);
  });

  it('gives every key a French label and an example', () => {
    for (const p of PLACEHOLDERS) {
      expect(p.label.trim(), p.key).not.toBe('');
      expect(p.example.trim(), p.key).not.toBe('');
    }
  });

  it('writes a placeholder between double braces', () => {
    expect(placeholderText('eleve.nom')).toBe('{{eleve.nom}}');
  });

  it.each([
    ['eleve.nom', true],
    ['Eleve.nom', false],
    ['eleve.nom ', false],
    ['élève.nom', false],
    ['toString', false],
    ['', false],
  ])('isPlaceholderKey(%o) is %s', (key, known) => {
    expect(isPlaceholderKey(key)).toBe(known);
  });
});
