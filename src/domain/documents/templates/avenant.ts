/**
 * « Avenant à la convention de stage »: what changed after the convention was signed (a stop, new
 * dates, a new company, tutor or referent), with the original convention's reference. Every line
 * of the table is always present; the add-on writes « sans changement » / « sans objet » where
 * nothing changed, so the signatories see at a glance what they agree to.
 */
import {
  SCHOOL_HEADER,
  conventionSignatories,
  documentHtml,
  fieldTable,
  signatureTable,
} from './parts';

const BODY = `
${SCHOOL_HEADER}
<h1 style="text-align:center">Avenant à la convention de stage</h1>
<p style="text-align:center"><strong>{{session.intitule}} – {{formation.diplome}} – année scolaire {{session.annee_scolaire}}</strong><br>
Convention de référence : {{convention.reference}}, établie le {{convention.date}}</p>

<h2>Entre les soussignés</h2>
${fieldTable([
  [
    'L’établissement d’enseignement',
    '{{etablissement.nom}}, représenté par {{etablissement.chef}}, chef d’établissement',
  ],
  [
    'L’organisme d’accueil',
    '{{entreprise.nom}} (SIRET {{entreprise.siret}}), {{entreprise.adresse_complete}}, représenté par {{entreprise.signataire}}, {{entreprise.signataire_fonction}}',
  ],
  ['Le stagiaire', '{{eleve.civilite_nom}}, né(e) le {{eleve.date_naissance}}, {{eleve.classe}}'],
  ['Le représentant légal (si le stagiaire est mineur)', '{{representant.nom}}'],
])}

<h2>Article 1 – Objet de l’avenant</h2>
<p>Le présent avenant modifie la convention de stage désignée ci-dessus : {{avenant.objet}}.</p>

<h2>Article 2 – Modifications</h2>
${fieldTable([
  ['Dates du stage', '{{avenant.dates}}'],
  ['Organisme d’accueil', '{{avenant.entreprise}}'],
  ['Tuteur', '{{avenant.tuteur}}'],
  ['Enseignant référent', '{{avenant.referent}}'],
  ['Arrêt du stage', '{{avenant.arret}}'],
])}
<p>Après modification, la durée de présence effective prévue est de {{stage.presence_heures}}, soit {{stage.presence_jours}} ({{stage.presence_mois}}). {{gratification.mention}}</p>
<p>En cas d’interruption du stage, les modalités de validation prévues par la convention s’appliquent (article L. 124-15 du code de l’éducation).</p>

<h2>Article 3 – Autres dispositions</h2>
<p>Les autres dispositions de la convention demeurent inchangées. Le présent avenant fait partie intégrante de la convention.</p>

<h2>Signatures</h2>
<p>Avenant établi le {{document.date}}, en {{document.exemplaires}}.</p>
${signatureTable(conventionSignatories('Le stagiaire', 'L’enseignant référent'))}`;

export const AVENANT_HTML = documentHtml('Avenant à la convention de stage', BODY);
