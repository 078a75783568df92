/**
 * « Compte rendu de visite »: what the teacher who followed a stage saw during a visit (or a call,
 * a video call), for the student's file and the pedagogical team, signed by the teacher. One per
 * visit, made from the Visites tab or « Mes stages » when the session asks for them.
 */
import { SCHOOL_HEADER, documentHtml, fieldTable, signatureTable } from './parts';

const BODY = `
${SCHOOL_HEADER}
<h1 style="text-align:center">Compte rendu de visite</h1>
<p style="text-align:center">{{session.intitule}} ({{session.annee_scolaire}})</p>

<h2>Le stage</h2>
${fieldTable([
  ['Élève', '{{eleve.civilite_nom}}'],
  ['Classe', '{{eleve.classe}}'],
  ['Formation', '{{formation.diplome}}'],
  ['Dates du stage', '{{stage.dates}}'],
  ['Référence du stage', '{{stage.reference}}'],
])}

<h2>L’organisme d’accueil</h2>
${fieldTable([
  ['Nom ou raison sociale', '{{entreprise.nom}}'],
  ['Adresse', '{{entreprise.adresse_complete}}'],
  ['Téléphone', '{{entreprise.telephone}}'],
  ['Tuteur', '{{tuteur.nom}}, {{tuteur.fonction}}'],
  ['Contact du tuteur', '{{tuteur.telephone}} {{tuteur.courriel}}'],
])}

<h2>La visite</h2>
${fieldTable([
  ['Date', '{{visite.date}}'],
  ['Type', '{{visite.type}}'],
  ['Enseignant', '{{visite.enseignant}}'],
  ['Enseignant référent', '{{referent.nom}}'],
])}

<h2>Observations</h2>
<p>{{visite.commentaire}}</p>

<p>Fait le {{document.date}}.</p>
${signatureTable([
  {
    title: 'L’enseignant qui a suivi le stage',
    lines: ['{{visite.enseignant}}'],
  },
])}`;

export const VISIT_REPORT_HTML = documentHtml('Compte rendu de visite', BODY);
