/**
 * « Attestation de stage » (Code de l'éducation D124-9, model of the arrêté of 29 December 2014):
 * delivered and signed by the host at the end of the stage, it states the effective total duration
 * of presence (as the add-on counts it: D124-6, L124-18) and the total gratification paid, and
 * tells the student what it is for (retirement rights, Code de la sécurité sociale L351-17).
 */
import { SCHOOL_HEADER, documentHtml, fieldTable, signatureTable } from './parts';

const BODY = `
${SCHOOL_HEADER}
<h1 style="text-align:center">Attestation de stage</h1>
<p style="text-align:center"><em>À remettre au stagiaire à l’issue du stage (article D. 124-9 du code de l’éducation)</em></p>

<h2>L’organisme d’accueil</h2>
${fieldTable([
  ['Nom ou raison sociale', '{{entreprise.nom}}'],
  ['SIRET', '{{entreprise.siret}}'],
  ['Adresse', '{{entreprise.adresse_complete}}'],
  ['Téléphone', '{{entreprise.telephone}}'],
  ['Courriel', '{{entreprise.courriel}}'],
])}
<p>certifie que</p>

<h2>Le stagiaire</h2>
${fieldTable([
  ['Nom et prénom', '{{eleve.civilite_nom}}'],
  ['Date de naissance', '{{eleve.date_naissance}}'],
  ['Adresse', '{{eleve.adresse}}'],
  ['Courriel', '{{eleve.courriel}}'],
  ['Formation suivie', '{{formation.diplome}} ({{eleve.classe}})'],
  ['Établissement d’enseignement', '{{etablissement.nom}}, {{etablissement.adresse}}'],
])}
<p>a effectué un stage prévu dans le cadre de ses études (« {{session.intitule}} »).</p>

<h2>Durée du stage</h2>
<p>Dates de début et de fin du stage : du {{stage.debut}} au {{stage.fin}}.</p>
<p>Durée effective totale du stage : <strong>{{stage.presence_heures}}</strong> de présence effective, soit {{stage.presence_jours}} ({{stage.presence_mois}}).</p>
<p style="font-size:9pt"><em>La durée totale du stage est appréciée en tenant compte de la présence effective du stagiaire dans l’organisme, sous réserve des droits à congés et autorisations d’absence prévus à l’article L. 124-13 du code de l’éducation (article L. 124-18 du même code). Chaque période au moins égale à sept heures de présence, consécutives ou non, est considérée comme équivalente à un jour de stage, et chaque période au moins égale à vingt-deux jours de présence, consécutifs ou non, comme équivalente à un mois (article D. 124-6).</em></p>

<h2>Gratification</h2>
<p>Montant total de la gratification versée au stagiaire : <strong>{{gratification.montant_total}}</strong>.<br>
{{gratification.mention}}</p>

<h2>Prise en compte du stage pour la retraite</h2>
<p style="font-size:9pt">Cette attestation est indispensable pour demander la prise en compte du stage dans les droits à retraite. Les périodes de stage éligibles à la gratification peuvent être prises en compte par le régime général de sécurité sociale, dans la limite de deux trimestres et sous réserve du versement de cotisations (article L. 351-17 du code de la sécurité sociale). La demande est faite par l’intéressé auprès de sa caisse d’assurance retraite, avec la convention et la présente attestation, dans les conditions et délais prévus par les articles D. 351-16 et suivants du même code.</p>

<p>Fait à {{entreprise.ville}}, le {{document.date}}.</p>
${signatureTable([
  {
    title: 'Pour l’organisme d’accueil',
    lines: [
      '{{entreprise.signataire}}, {{entreprise.signataire_fonction}}',
      'Cachet de l’organisme',
    ],
  },
])}`;

export const ATTESTATION_HTML = documentHtml('Attestation de stage', BODY);
