/**
 * « Accord préalable de stage » (seed 004, step 1): one document per session, handed to every
 * student of the section, hence NON-NOMINATIVE: the student and the company fill it by hand; the
 * company signs to agree in principle. It carries the section's pedagogical annex (content,
 * modalities, evaluation, schedule of periods), the only part the add-on fills, from the session.
 * No student, company, tutor or stage placeholder may appear here.
 */
import { SCHOOL_HEADER, documentHtml, dots, fieldTable, pageBreak, signatureTable } from './parts';

const FORM = `
${SCHOOL_HEADER}
<h1 style="text-align:center">Accord préalable de stage</h1>
<p style="text-align:center"><strong>Fiche de recherche de stage – {{formation.diplome}}</strong><br>
{{session.intitule}} – année scolaire {{session.annee_scolaire}}</p>
<p>Ce document est remis par l’étudiant à l’organisme qu’il sollicite. Il ne vaut pas convention de stage : il permet au professeur référent de vérifier la conformité pédagogique du lieu de stage avant l’édition de la convention, qui sera signée par toutes les parties avant le début du stage. Il est accompagné de l’annexe pédagogique de la section (page suivante).</p>
<p><em>À compléter lisiblement par l’étudiant et l’organisme d’accueil, puis à remettre au professeur référent.</em></p>

<h2>L’étudiant</h2>
${fieldTable([
  ['Nom et prénom', dots()],
  ['Classe', dots()],
  ['Téléphone', dots()],
  ['Courriel', dots()],
])}

<h2>L’organisme d’accueil</h2>
${fieldTable([
  ['Nom ou raison sociale', dots()],
  ['Adresse', dots()],
  ['Code postal et ville', dots()],
  ['Pays', dots()],
  ['SIRET (14 chiffres)', dots()],
  ['Activité principale', dots()],
  ['Téléphone', dots()],
  ['Courriel', dots()],
  ['Signataire de la convention (nom et fonction)', dots()],
  ['Lieu du stage, s’il diffère de l’adresse ci-dessus', dots()],
])}

<h2>Le tuteur</h2>
${fieldTable([
  ['Nom et prénom', dots()],
  ['Fonction', dots()],
  ['Téléphone', dots()],
  ['Courriel', dots()],
])}

<h2>Le stage proposé</h2>
${fieldTable([
  ['Période(s) de stage de la section', '{{session.periodes}}'],
  ['Dates proposées', `du ${dots(15)} au ${dots(15)}`],
  ['Horaires et jours de présence envisagés', dots()],
  ['Présence la nuit, le dimanche ou un jour férié', `☐ non ☐ oui, préciser : ${dots(20)}`],
  ['Activités envisagées', `${dots(50)}<br>${dots(50)}<br>${dots(50)}`],
  ['Gratification envisagée (obligatoire au-delà de deux mois)', `☐ non ☐ oui : ${dots(20)}`],
])}

<h2>Accord de principe</h2>
<p>L’organisme d’accueil donne son accord de principe pour accueillir l’étudiant désigné ci-dessus en stage pendant la ou les périodes indiquées, sous réserve de la signature de la convention de stage par toutes les parties.</p>
${signatureTable([
  {
    title: 'Pour l’organisme d’accueil',
    lines: [`Nom et fonction : ${dots(25)}`, 'Cachet de l’organisme'],
  },
  { title: 'L’étudiant', lines: [`Nom : ${dots(25)}`] },
  {
    title: 'Cadre réservé à l’établissement – avis du professeur référent',
    lines: ['☐ lieu de stage conforme ☐ non conforme', `Nom : ${dots(25)}`],
  },
])}`;

const PEDAGOGICAL_ANNEX = `
${pageBreak('{{etablissement.nom}} – annexe pédagogique à l’accord préalable de stage')}
<h2 style="text-align:center">Annexe pédagogique – {{session.intitule}}</h2>
${fieldTable([
  ['Formation', '{{formation.diplome}}'],
  ['Type de période', '{{session.type}}'],
  ['Année scolaire', '{{session.annee_scolaire}}'],
  ['Période(s) de stage', '{{session.periodes}}'],
])}
<h3>1. Objectifs et compétences visées</h3>
<p>{{session.objectifs}}</p>
<h3>2. Contenu du stage</h3>
<p>Le stage place l’étudiant en situation professionnelle réelle. Les activités confiées correspondent au référentiel du diplôme ; elles sont précisées dans la convention de stage, en accord avec l’organisme d’accueil. Selon la section, l’étudiant peut effectuer des missions préparatoires au stage, puis une ou deux périodes de stage dans le même organisme.</p>
<p>Activités attendues dans la section : ${dots(50)}<br>
${dots(90)}</p>
<h3>3. Modalités</h3>
<ul>
<li>Le professeur référent contrôle la conformité pédagogique du lieu de stage à réception du présent accord, puis fait éditer la convention en {{document.exemplaires}}, signée par l’étudiant, l’organisme d’accueil et le chef d’établissement.</li>
<li>Aucun stage ne peut commencer avant la signature de la convention par toutes les parties.</li>
<li>Pendant le stage, l’étudiant est suivi par un professeur de l’équipe pédagogique, qui prend contact avec le tuteur au moins une fois.</li>
<li>La présence de l’étudiant est celle des salariés de l’organisme d’accueil ; toute absence est signalée le jour même au tuteur et à l’établissement.</li>
</ul>
<h3>4. Évaluation</h3>
<p>Le tuteur renseigne la fiche d’évaluation fournie par l’établissement. Le stage donne lieu à une restitution de l’étudiant (rapport, fiches d’activités ou soutenance selon le règlement d’examen du diplôme), évaluée par l’équipe pédagogique. À la fin du stage, l’organisme d’accueil remet à l’étudiant une attestation de stage.</p>
<h3>5. Établissement</h3>
${fieldTable([
  ['Établissement', '{{etablissement.nom}}, {{etablissement.adresse}}'],
  ['Académie', '{{etablissement.academie}}'],
  ['Chef d’établissement', '{{etablissement.chef}}'],
  ['Professeur référent de la section', dots()],
  ['Document édité le', '{{document.date}}'],
])}`;

export const ACCORD_HTML = documentHtml(
  'Accord préalable de stage',
  `${FORM}\n${PEDAGOGICAL_ANNEX}`,
);
