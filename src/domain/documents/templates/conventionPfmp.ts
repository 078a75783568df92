/**
 * « Convention relative à la formation en milieu professionnel » for students of the lycée
 * professionnel, after the national convention type (circulaire n° 2016-053 of 29 March 2016,
 * annex): general provisions, then an « Annexe pédagogique » and an « Annexe financière », each on
 * its own page. The mandatory mentions of D124-4 apply to PFMP as well; the rules protecting minors
 * (Code du travail, book I of part 3, title VI) are spelt out because most students are minors.
 */
import {
  SCHOOL_HEADER,
  conventionParties,
  conventionSignatories,
  documentHtml,
  dots,
  fieldTable,
  pageBreak,
  signatureTable,
} from './parts';

const VISAS = `
<p style="font-size:9pt"><em>Vu le code de l’éducation, notamment ses articles L. 124-1 à L. 124-20, L. 331-4 et D. 124-1 et suivants ;<br>
vu le code du travail, notamment ses articles L. 4153-1 à L. 4153-9, L. 3161-1 et suivants, D. 4153-15 et suivants et R. 4153-38 et suivants ;<br>
vu le code de la sécurité sociale, notamment son article L. 412-8 ;<br>
vu la circulaire n° 2016-053 du 29 mars 2016 relative à l’organisation et à l’accompagnement des périodes de formation en milieu professionnel ;<br>
vu la délibération du conseil d’administration du ${dots(20)} approuvant la convention type et autorisant le chef d’établissement à conclure, au nom de l’établissement, toute convention relative aux périodes de formation en milieu professionnel conforme à celle-ci.</em></p>`;

const GENERAL_PROVISIONS = `
<h2>Titre I – Dispositions générales</h2>

<h3>Article 1 – Objet</h3>
<p>La présente convention a pour objet la mise en œuvre, au bénéfice de l’élève désigné ci-dessus, d’une période de formation en milieu professionnel (PFMP) réalisée dans le cadre de l’enseignement professionnel préparant au {{formation.diplome}} (classe : {{eleve.classe}}, année scolaire {{session.annee_scolaire}}).<br>
Volume horaire de la formation en établissement : ${dots(12)} heures par année d’enseignement.</p>

<h3>Article 2 – Finalités et contenu de la formation</h3>
<p>La PFMP est une période temporaire de mise en situation en milieu professionnel au cours de laquelle l’élève acquiert des compétences professionnelles et met en œuvre les acquis de sa formation en vue de l’obtention de son diplôme (article L. 124-1 du code de l’éducation). Les compétences à acquérir ou à développer, les activités confiées à l’élève et les modalités de suivi et d’évaluation figurent dans l’annexe pédagogique ; les modalités financières figurent dans l’annexe financière. Les annexes font partie intégrante de la convention.</p>

<h3>Article 3 – Signature et information</h3>
<p>La convention est signée par le chef d’établissement, le représentant de l’organisme d’accueil, l’élève ou, s’il est mineur, son représentant légal, le professeur référent et le tuteur. Elle est portée à la connaissance de l’élève et, s’il est mineur, de son représentant légal, avant le début de la période.</p>

<h3>Article 4 – Statut de l’élève</h3>
<p>L’élève demeure, durant la PFMP, sous statut scolaire. Il reste sous l’autorité et la responsabilité du chef d’établissement. Il ne peut prétendre à aucune rémunération de l’organisme d’accueil, sous réserve de la gratification prévue à l’article 10.</p>
<p>L’élève ne peut se voir confier une tâche régulière correspondant à un poste de travail permanent, le remplacement d’un salarié absent, un accroissement temporaire de l’activité ou un emploi saisonnier (article L. 124-7 du code de l’éducation).</p>

<h3>Article 5 – Obligations de l’élève</h3>
<p>L’élève est associé aux activités de l’organisme d’accueil concourant directement à l’action pédagogique. Il est soumis aux règles générales en vigueur dans l’organisme d’accueil, notamment en matière de santé, de sécurité, d’horaires et de discipline, ainsi qu’aux clauses du règlement intérieur qui lui sont applicables, portées à sa connaissance avant le début de la période. Il est tenu au secret professionnel.</p>

<h3>Article 6 – Dates, durée et horaires</h3>
<p>La période se déroule du {{stage.debut}} au {{stage.fin}}. Durée totale prévue, calculée en fonction du temps de présence effective de l’élève dans l’organisme d’accueil (articles L. 124-18 et D. 124-6 du code de l’éducation) : {{stage.presence_heures}}, soit {{stage.presence_jours}} ({{stage.presence_mois}}).</p>
<p>Durée hebdomadaire de présence effective : {{stage.duree_hebdomadaire}}, {{stage.jours_travailles}}. Répartition : {{stage.horaires}}.</p>
<p>Présence, le cas échéant, la nuit, le dimanche ou un jour férié (élève majeur seulement) : ☐ non ☐ oui, préciser : ${dots(50)}</p>
<p><strong>Élève majeur.</strong> La présence de l’élève suit les règles applicables aux salariés de l’organisme d’accueil pour les durées maximales quotidienne et hebdomadaire de présence, la présence de nuit, le repos quotidien, le repos hebdomadaire et les jours fériés (article L. 124-14 du code de l’éducation).</p>
<p><strong>Élève mineur</strong> (élève mineur : {{eleve.mineur}}). En application des articles L. 3161-1 et suivants du code du travail :</p>
<ul>
<li>la durée de présence ne peut excéder 8 heures par jour ni 35 heures par semaine ;</li>
<li>au-delà de 4 heures et demie de présence quotidienne, l’élève bénéficie d’une pause d’au moins 30 minutes consécutives ;</li>
<li>le repos quotidien est d’au moins 12 heures consécutives, et de 14 heures consécutives pour l’élève de moins de 16 ans ;</li>
<li>le repos hebdomadaire est d’au moins deux jours consécutifs, comprenant en principe le dimanche ;</li>
<li>le travail de nuit est interdit : entre 22 heures et 6 heures pour l’élève de 16 à 18 ans, entre 20 heures et 6 heures pour l’élève de moins de 16 ans ;</li>
<li>l’élève mineur ne travaille pas les jours fériés, sauf dérogation prévue par le code du travail.</li>
</ul>
<p>L’organisme d’accueil établit, par tout moyen, un décompte des durées de présence de l’élève.</p>
<p>Période à l’étranger : {{stage.a_l_etranger}} (pays : {{stage.pays}}). Pour une période à l’étranger, une fiche d’information présentant la réglementation du pays d’accueil sur les droits et devoirs du stagiaire est annexée à la présente convention.</p>

<h3>Article 7 – Travaux réglementés</h3>
<p>L’élève mineur ne peut être affecté aux travaux interdits aux jeunes de moins de 18 ans (articles D. 4153-15 et suivants du code du travail). Il ne peut être affecté aux travaux réglementés que dans les conditions de dérogation prévues aux articles R. 4153-38 et suivants du même code, après déclaration de dérogation à l’inspection du travail, information préalable et formation à la sécurité, et sous l’encadrement d’une personne compétente. Travaux réglementés envisagés : ☐ aucun ☐ oui, préciser : ${dots(40)}</p>

<h3>Article 8 – Encadrement et suivi</h3>
<p>Le tuteur désigné par l’organisme d’accueil est {{tuteur.nom}}, {{tuteur.fonction}} (téléphone : {{tuteur.telephone}}, courriel : {{tuteur.courriel}}). Le professeur référent désigné par l’établissement est {{referent.nom}} ({{referent.discipline}}, {{referent.courriel}}).</p>
<p>Le tuteur accueille et accompagne l’élève et veille au respect des stipulations pédagogiques de la convention (article L. 124-9 du code de l’éducation). Le professeur référent s’assure auprès du tuteur, à plusieurs reprises durant la période, de son bon déroulement (articles L. 124-1 et L. 124-2 du même code). Les conditions de cet encadrement et de ce suivi, notamment les visites, sont précisées dans l’annexe pédagogique.</p>

<h3>Article 9 – Protection sociale et accidents du travail</h3>
<p>L’élève bénéficie de la législation sur les accidents du travail (article L. 412-8, 2°, du code de la sécurité sociale), pour les accidents survenus pendant la période, sur le trajet entre son domicile ou l’établissement et le lieu de la période, ou lors de déplacements effectués pour la période.</p>
<p>En cas d’accident, le responsable de l’organisme d’accueil en informe le chef d’établissement le jour même ou au plus tard dans les 24 heures et lui transmet les éléments nécessaires ; le chef d’établissement adresse la déclaration à la caisse primaire d’assurance maladie dans les 48 heures. Lorsque la gratification dépasse le seuil de franchise de cotisations (15 % du plafond horaire de la sécurité sociale), la déclaration incombe à l’organisme d’accueil.</p>

<h3>Article 10 – Gratification et allocation</h3>
<p>Lorsque la durée de la PFMP au sein d’un même organisme d’accueil est supérieure à deux mois consécutifs ou, au cours d’une même année scolaire, à deux mois consécutifs ou non, elle fait obligatoirement l’objet d’une gratification, versée mensuellement à compter du premier jour du premier mois (article L. 124-6 du code de l’éducation).</p>
<p>Gratification due : {{gratification.due}}. {{gratification.mention}} Montant, lorsqu’elle est due : {{gratification.taux_horaire}} par heure de présence effective, soit {{gratification.montant_mensuel_minimum}} pour un mois complet ; montant total prévu : {{gratification.montant_total}}. Modalités de versement : mensuellement, par virement, selon l’annexe financière.</p>
<p>L’allocation versée par l’État aux lycéens de la voie professionnelle au titre des jours de PFMP effectivement réalisés (décret n° 2023-765 du 11 août 2023) est cumulable avec la gratification.</p>

<h3>Article 11 – Avantages</h3>
<p>L’élève a accès au restaurant d’entreprise ou aux titres-restaurant dans les mêmes conditions que les salariés de l’organisme d’accueil, et bénéficie de la prise en charge des frais de transport prévue à l’article L. 3261-2 du code du travail (article L. 124-13 du code de l’éducation). Les autres frais (hébergement, restauration, transport) sont précisés dans l’annexe financière.</p>

<h3>Article 12 – Responsabilité civile et assurances</h3>
<p>Le représentant de l’organisme d’accueil prend les dispositions nécessaires pour garantir sa responsabilité civile chaque fois qu’elle sera engagée. Le chef d’établissement contracte une assurance couvrant la responsabilité civile de l’élève pour les dommages qu’il pourrait causer pendant la période ou à l’occasion de celle-ci, ou s’assure que l’élève en dispose.</p>

<h3>Article 13 – Absences et congés</h3>
<p>Toute absence est signalée le jour même par l’organisme d’accueil au professeur référent ou au conseiller principal d’éducation, et justifiée par l’élève. L’élève est autorisé à s’absenter pour les obligations attestées par l’établissement (examens, convocations). En cas de grossesse, de paternité ou d’adoption, il bénéficie de congés et d’autorisations d’absence d’une durée équivalente à celle prévue pour les salariés ; pour une période de plus de deux mois, des congés et autorisations d’absence peuvent être accordés (article L. 124-13 du code de l’éducation) : ${dots(30)}</p>

<h3>Article 14 – Discipline</h3>
<p>Le chef d’établissement et le représentant de l’organisme d’accueil se tiennent mutuellement informés des difficultés qui pourraient naître de l’application de la convention, notamment des absences et des manquements à la discipline, et prennent d’un commun accord, avec le professeur référent et le tuteur, les dispositions propres à les résoudre. Seul le chef d’établissement peut prendre une sanction disciplinaire, selon le règlement intérieur du lycée.</p>

<h3>Article 15 – Suspension, résiliation et validation en cas d’interruption</h3>
<p>La période peut être suspendue, notamment pour maladie, accident, grossesse, paternité ou adoption, ou résiliée par l’une des parties pour un motif sérieux (manquement grave, non-respect des stipulations pédagogiques, mise en danger de l’élève), après information écrite des autres parties. Toute suspension, résiliation ou report fait l’objet d’un avenant.</p>
<p>Lorsque l’élève interrompt sa période pour un motif lié à la maladie, à un accident, à la grossesse, à la paternité, à l’adoption ou, en accord avec l’établissement, en cas de non-respect des stipulations pédagogiques de la convention ou de rupture de la convention à l’initiative de l’organisme d’accueil, l’autorité académique valide la période même si elle n’a pas atteint la durée prévue, ou propose à l’élève une modalité alternative de validation de sa formation ; un report de la fin de la période est également possible en accord avec les parties (article L. 124-15 du code de l’éducation).</p>

<h3>Article 16 – Attestation</h3>
<p>À l’issue de la période, l’organisme d’accueil délivre à l’élève une attestation de stage mentionnant la durée effective totale de la période et, le cas échéant, le montant total de la gratification versée (article D. 124-9 du code de l’éducation). Elle sert au contrôle de la durée de formation exigée pour le diplôme et au calcul de l’allocation.</p>

<h3>Article 17 – Avenants</h3>
<p>Toute modification de la convention (dates, organisme d’accueil, tuteur, professeur référent, interruption) fait l’objet d’un avenant signé de toutes les parties.</p>`;

const PEDAGOGICAL_ANNEX = `
${pageBreak('{{etablissement.nom}} – annexe pédagogique à la convention {{stage.reference}}')}
<h2 style="text-align:center">Annexe pédagogique</h2>
<p style="text-align:center">{{session.intitule}} – {{formation.diplome}} – année scolaire {{session.annee_scolaire}}</p>
${fieldTable([
  ['Élève', '{{eleve.civilite_nom}}, {{eleve.classe}}'],
  ['Organisme d’accueil', '{{entreprise.nom}}, {{entreprise.adresse_complete}}'],
  ['Tuteur', '{{tuteur.nom}}, {{tuteur.fonction}}'],
  ['Professeur référent', '{{referent.nom}} ({{referent.discipline}})'],
  ['Dates de la période', '{{stage.dates}}'],
  ['Horaires', '{{stage.horaires}}'],
  ['Périodes de formation de la classe', '{{session.periodes}}'],
])}
<h3>1. Compétences à acquérir ou à développer</h3>
<p>{{session.objectifs}}</p>
<h3>2. Activités confiées à l’élève</h3>
<p>Activités prévues en fonction des objectifs de formation et des compétences à acquérir, validées par l’organisme d’accueil :</p>
<p>${dots(90)}<br>
${dots(90)}<br>
${dots(90)}</p>
<h3>3. Modalités de suivi</h3>
<p>Le professeur référent, ou un membre de l’équipe pédagogique, se rend sur le lieu de la période ou prend contact avec le tuteur au moins une fois pendant la période. Le tuteur signale sans délai toute difficulté au professeur référent.</p>
<h3>4. Modalités d’évaluation</h3>
<p>Les compétences mises en œuvre sont évaluées conjointement par le tuteur et le professeur référent, à l’aide du document d’évaluation fourni par l’établissement, selon le règlement d’examen du diplôme préparé. Modalités particulières : ${dots(40)}</p>
${signatureTable([
  { title: 'L’élève', lines: ['{{eleve.civilite_nom}}'] },
  { title: 'Le tuteur', lines: ['{{tuteur.nom}}'] },
  { title: 'Le professeur référent', lines: ['{{referent.nom}}'] },
])}`;

const FINANCIAL_ANNEX = `
${pageBreak('{{etablissement.nom}} – annexe financière à la convention {{stage.reference}}')}
<h2 style="text-align:center">Annexe financière</h2>
<p style="text-align:center">{{eleve.civilite_nom}} – {{entreprise.nom}} – {{stage.dates}}</p>
${fieldTable([
  [
    'Hébergement',
    `Pris en charge par : ☐ l’organisme d’accueil ☐ la famille ☐ autre : ${dots(20)}`,
  ],
  [
    'Restauration',
    `☐ restaurant d’entreprise ☐ titres-restaurant ☐ à la charge de la famille ; montant éventuel : ${dots(12)}`,
  ],
  [
    'Transport',
    `Moyen de transport : ${dots(20)} ; prise en charge : ☐ organisme d’accueil ☐ famille ☐ collectivité`,
  ],
  [
    'Assurance',
    `Organisme d’accueil : ${dots(25)} ; établissement ou élève (responsabilité civile) : ${dots(25)}`,
  ],
  [
    'Gratification',
    '{{gratification.mention}} Taux : {{gratification.taux_horaire}} ; total prévu : {{gratification.montant_total}}',
  ],
  [
    'Allocation de l’État',
    'Versée par l’Agence de services et de paiement selon les jours réalisés',
  ],
])}
${signatureTable([
  {
    title: 'Pour l’organisme d’accueil',
    lines: ['{{entreprise.signataire}}, {{entreprise.signataire_fonction}}'],
  },
  { title: 'Pour l’établissement', lines: ['{{etablissement.chef}}, chef d’établissement'] },
  {
    title: 'L’élève ou son représentant légal',
    lines: ['{{eleve.civilite_nom}}', '{{representant.nom}}'],
  },
])}`;

const BODY = `
${SCHOOL_HEADER}
<h1 style="text-align:center">Convention relative à la formation en milieu professionnel</h1>
<p style="text-align:center"><strong>Élèves de lycée professionnel – {{formation.diplome}}</strong><br>
{{session.intitule}} – année scolaire {{session.annee_scolaire}}<br>
Référence : {{stage.reference}}</p>
${VISAS}
${conventionParties('L’élève')}
<h2>Il a été convenu ce qui suit</h2>
${GENERAL_PROVISIONS}
<h2>Signatures</h2>
<p>Convention établie le {{document.date}}, en {{document.exemplaires}}, dont un pour l’organisme d’accueil, un pour l’élève et un pour l’établissement.</p>
${signatureTable(conventionSignatories('L’élève', 'Le professeur référent'))}
${PEDAGOGICAL_ANNEX}
${FINANCIAL_ANNEX}`;

export const CONVENTION_PFMP_HTML = documentHtml(
  'Convention relative à la formation en milieu professionnel',
  BODY,
);
