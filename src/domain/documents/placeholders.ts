/**
 * The placeholders a template may hold, written `{{key}}`: their French label, group and an
 * example value. The keys are a contract with the schools' templates (once a school edited its
 * template, a renamed key would silently stay unreplaced): add keys, never rename one.
 */

export const PLACEHOLDER_GROUPS = [
  'Élève',
  'Représentant légal',
  'Formation',
  'Stage',
  'Gratification',
  'Entreprise',
  'Tuteur',
  'Référent',
  'Établissement',
  'Arrêt et avenant',
  'Visite',
  'Document',
] as const;

export type PlaceholderGroup = (typeof PLACEHOLDER_GROUPS)[number];

export interface Placeholder<K extends string = string> {
  key: K;
  label: string;
  group: PlaceholderGroup;
  example: string;
}

function p<K extends string>(
  group: PlaceholderGroup,
  key: K,
  label: string,
  example: string,
): Placeholder<K> {
  return { key, label, group, example };
}

/** In the order the sidebar lists them (by group, then as a document reads). */
export const PLACEHOLDERS = [
  p('Élève', 'eleve.nom', 'Nom', 'ACAR'),
  p('Élève', 'eleve.prenom', 'Prénom', 'Laurie'),
  p('Élève', 'eleve.nom_complet', 'Nom et prénom', 'ACAR Laurie'),
  p('Élève', 'eleve.civilite_nom', 'Prénom et nom', 'Laurie ACAR'),
  p('Élève', 'eleve.date_naissance', 'Date de naissance', '04/03/2005'),
  p('Élève', 'eleve.age', 'Âge au début du stage', '17 ans'),
  p('Élève', 'eleve.mineur', 'Mineur au début du stage (oui / non)', 'oui'),
  p('Élève', 'eleve.classe', 'Classe', 'BTS1'),
  p('Élève', 'eleve.ine', 'INE', '123456789AB'),
  p('Élève', 'eleve.courriel', 'Courriel', 'laurie.acar@example.fr'),
  p('Élève', 'eleve.adresse', 'Adresse', '3 rue des Lilas, 59000 Lille'),
  p('Élève', 'eleve.telephone', 'Téléphone', '06 12 34 56 78'),
  p('Représentant légal', 'representant.nom', 'Nom', 'ACAR Paul'),
  p('Représentant légal', 'representant.adresse', 'Adresse', '3 rue des Lilas, 59000 Lille'),
  p('Représentant légal', 'representant.telephone', 'Téléphone', '06 98 76 54 32'),
  p('Représentant légal', 'representant.courriel', 'Courriel', 'paul.acar@example.fr'),
  p(
    'Formation',
    'formation.diplome',
    'Diplôme préparé',
    'BTS Services informatiques aux organisations',
  ),
  p('Formation', 'session.intitule', 'Intitulé de la session', 'BTS 1 info période 1'),
  p('Formation', 'session.type', 'Type de session', 'Stage BTS'),
  p('Formation', 'session.annee_scolaire', 'Année scolaire', '2022-2023'),
  p('Formation', 'session.libelle_edition', 'Libellé édition', 'BTS SIO 1re année'),
  p('Formation', 'session.objectifs', 'Objectifs pédagogiques', 'Découvrir le métier…'),
  p('Formation', 'session.periodes', 'Périodes', 'du 01/02/2023 au 31/03/2023'),
  p('Stage', 'stage.debut', 'Début', '06/02/2023'),
  p('Stage', 'stage.fin', 'Fin', '10/03/2023'),
  p('Stage', 'stage.dates', 'Dates', 'du 06/02/2023 au 10/03/2023'),
  p('Stage', 'stage.duree_hebdomadaire', 'Durée hebdomadaire', '35 h'),
  p(
    'Stage',
    'stage.horaires',
    'Horaires de la semaine',
    'lundi 7 h, mardi 7 h, mercredi 7 h, jeudi 7 h, vendredi 7 h',
  ),
  p('Stage', 'stage.jours_travailles', 'Jours travaillés', 'du lundi au vendredi'),
  p('Stage', 'stage.pays', 'Pays', 'France'),
  p('Stage', 'stage.a_l_etranger', "À l'étranger (oui / non)", 'non'),
  p('Stage', 'stage.presence_heures', 'Présence en heures', '175 h'),
  p('Stage', 'stage.presence_jours', 'Présence en jours', '25 jours'),
  p('Stage', 'stage.presence_mois', 'Présence en mois et jours', '1 mois et 3 jours'),
  p('Stage', 'stage.fin_initiale', 'Fin initiale (avant arrêt)', '31/03/2023'),
  p('Stage', 'stage.reference', 'Référence du stage', 'STG-0001'),
  p('Gratification', 'gratification.due', 'Due (oui / non)', 'non'),
  p('Gratification', 'gratification.taux_horaire', 'Taux horaire minimal', '4,50 €'),
  p(
    'Gratification',
    'gratification.montant_mensuel_minimum',
    'Montant mensuel minimal',
    '693,00 €',
  ),
  p('Gratification', 'gratification.montant_total', 'Montant total minimal', 'sans objet'),
  p('Gratification', 'gratification.mention', 'Mention', "Aucune gratification n'est due : …"),
  p('Entreprise', 'entreprise.nom', 'Raison sociale', 'CREDIT AGRICOLE'),
  p('Entreprise', 'entreprise.siret', 'SIRET', '123 456 789 00012'),
  p('Entreprise', 'entreprise.adresse', 'Adresse (rue)', '10 avenue Foch'),
  p('Entreprise', 'entreprise.code_postal', 'Code postal', '59000'),
  p('Entreprise', 'entreprise.ville', 'Ville', 'LILLE'),
  p('Entreprise', 'entreprise.adresse_complete', 'Adresse complète', '10 avenue Foch, 59000 LILLE'),
  p('Entreprise', 'entreprise.pays', 'Pays', 'France'),
  p('Entreprise', 'entreprise.telephone', 'Téléphone', '03 20 00 00 00'),
  p('Entreprise', 'entreprise.courriel', 'Courriel', 'contact@example.fr'),
  p('Entreprise', 'entreprise.signataire', 'Signataire', 'Mme Anne MARTIN'),
  p('Entreprise', 'entreprise.signataire_fonction', 'Fonction du signataire', 'Directrice'),
  p('Tuteur', 'tuteur.nom', 'Nom', 'M. Blase ECUSSON'),
  p('Tuteur', 'tuteur.fonction', 'Fonction', 'Responsable informatique'),
  p('Tuteur', 'tuteur.telephone', 'Téléphone', '06 11 22 33 44'),
  p('Tuteur', 'tuteur.courriel', 'Courriel', 'blase.ecusson@example.fr'),
  p('Référent', 'referent.nom', 'Nom', 'M. Patrick BRUEL'),
  p('Référent', 'referent.discipline', 'Discipline', 'Informatique'),
  p('Référent', 'referent.courriel', 'Courriel', 'patrick.bruel@example.fr'),
  p('Établissement', 'etablissement.nom', 'Nom', 'Lycée Fénelon'),
  p('Établissement', 'etablissement.adresse', 'Adresse', '1 rue de la Paix, 59000 Lille'),
  p('Établissement', 'etablissement.academie', 'Académie', 'Lille'),
  p('Établissement', 'etablissement.chef', "Chef d'établissement", 'Mme Claire DURAND'),
  p('Arrêt et avenant', 'arret.date', "Date d'arrêt", '15/03/2023'),
  p('Arrêt et avenant', 'arret.motif', "Motif d'arrêt", 'Démission'),
  p('Arrêt et avenant', 'avenant.objet', "Objet de l'avenant", 'Arrêt du stage le 15/03/2023'),
  p('Arrêt et avenant', 'avenant.dates', 'Nouvelles dates', 'sans changement'),
  p('Arrêt et avenant', 'avenant.entreprise', 'Nouvelle entreprise', 'sans changement'),
  p('Arrêt et avenant', 'avenant.tuteur', 'Nouveau tuteur', 'sans changement'),
  p('Arrêt et avenant', 'avenant.referent', 'Nouveau référent', 'sans changement'),
  p('Arrêt et avenant', 'avenant.arret', 'Arrêt', 'arrêté le 15/03/2023 (motif : Démission)'),
  p(
    'Arrêt et avenant',
    'convention.reference',
    'Convention modifiée',
    'Convention – BTS 1 info période 1 – ACAR Laurie – CREDIT AGRICOLE',
  ),
  p('Arrêt et avenant', 'convention.date', 'Date de la convention', '30/01/2023'),
  p('Visite', 'visite.date', 'Date de la visite', '14/02/2023'),
  p('Visite', 'visite.type', 'Type de visite', 'Visite en entreprise'),
  p('Visite', 'visite.enseignant', "Enseignant qui l'a faite", 'M. Patrick BRUEL'),
  p('Visite', 'visite.commentaire', 'Commentaire', 'Bonne intégration, tuteur disponible.'),
  p('Document', 'document.date', 'Date du jour', '30 novembre 2026'),
  p('Document', 'document.exemplaire', 'Exemplaire (impression)', 'Exemplaire entreprise'),
  p(
    'Document',
    'document.exemplaires',
    'Nombre d’exemplaires (Paramètres), en toutes lettres',
    'trois exemplaires originaux',
  ),
] as const;

export type PlaceholderKey = (typeof PLACEHOLDERS)[number]['key'];

/** Every key, in catalog order. */
export const PLACEHOLDER_KEYS: readonly PlaceholderKey[] = PLACEHOLDERS.map((x) => x.key);

const KEY_SET: ReadonlySet<string> = new Set(PLACEHOLDER_KEYS);

export function isPlaceholderKey(key: string): key is PlaceholderKey {
  return KEY_SET.has(key);
}

/** How a template writes a placeholder: `{{eleve.nom}}`. */
export function placeholderText(key: PlaceholderKey): string {
  return `{{${key}}}`;
}

/** The catalog by group, groups in their order: what the sidebar lists with a copy button each. */
export function placeholdersByGroup(): {
  group: PlaceholderGroup;
  items: Placeholder<PlaceholderKey>[];
}[] {
  return PLACEHOLDER_GROUPS.map((group) => ({
    group,
    items: PLACEHOLDERS.filter((x) => x.group === group),
  }));
}

/** Every key with one value: a record the type checker proves complete. */
export type PlaceholderValues = Record<PlaceholderKey, string>;

/** Every key with the same value (a start that later fills in). */
export function allKeys(value: string): PlaceholderValues {
  return Object.fromEntries(PLACEHOLDER_KEYS.map((k) => [k, value])) as PlaceholderValues;
}
