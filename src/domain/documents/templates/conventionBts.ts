/**
 * « Convention de stage » for students of the sections de techniciens supérieurs, under the rules
 * of higher education: the mandatory mentions of Code de l'éducation D124-4 (numbered 1° to 15°
 * in the comments of each article), organised like the national model of higher education
 * (arrêté of 29 December 2014). What the add-on does not know (the training's yearly hours, the
 * activities, any presence at night) is left as dotted lines the school fills once in its copy of
 * the template or by hand.
 */
import {
  SCHOOL_HEADER,
  conventionParties,
  conventionSignatories,
  documentHtml,
  dots,
  signatureTable,
} from './parts';

const ARTICLES = `
<h2>Article 1 – Objet de la convention</h2>
<p>La présente convention règle les rapports entre l’organisme d’accueil, l’établissement d’enseignement et le stagiaire pour le stage « {{session.intitule}} » prévu par la formation du stagiaire, en application des articles L. 124-1 à L. 124-20 et D. 124-1 et suivants du code de l’éducation.</p>
<p>Le stage correspond à une période temporaire de mise en situation en milieu professionnel au cours de laquelle le stagiaire acquiert des compétences professionnelles et met en œuvre les acquis de sa formation en vue de l’obtention de son diplôme. Il ne peut avoir pour objet l’exécution d’une tâche régulière correspondant à un poste de travail permanent, le remplacement d’un salarié absent, un accroissement temporaire de l’activité ou un emploi saisonnier (article L. 124-7 du code de l’éducation).</p>

<h2>Article 2 – Formation suivie et compétences à acquérir</h2>
<p>Le stagiaire est inscrit en {{eleve.classe}} et prépare le {{formation.diplome}} au titre de l’année scolaire {{session.annee_scolaire}}.</p>
<p>Intitulé complet de la formation : {{formation.diplome}}.<br>
Volume horaire de la formation en établissement : ${dots(12)} heures par année d’enseignement.</p>
<p>Les compétences à acquérir ou à développer au cours du stage sont les suivantes :</p>
<p>{{session.objectifs}}</p>

<h2>Article 3 – Activités confiées au stagiaire</h2>
<p>Les activités confiées au stagiaire, définies en fonction des objectifs de formation et des compétences à acquérir mentionnés à l’article 2, et validées par l’organisme d’accueil, sont les suivantes :</p>
<p>${dots(90)}<br>
${dots(90)}<br>
${dots(90)}</p>

<h2>Article 4 – Dates, durée et présence du stagiaire</h2>
<p>Le stage se déroule du {{stage.debut}} au {{stage.fin}}.</p>
<p>La durée totale prévue du stage, calculée en fonction du temps de présence effective du stagiaire dans l’organisme d’accueil (articles L. 124-18 et D. 124-6 du code de l’éducation), est de {{stage.presence_heures}}, soit {{stage.presence_jours}} ({{stage.presence_mois}}). Chaque période d’au moins sept heures de présence, consécutives ou non, compte pour un jour, et chaque période d’au moins vingt-deux jours de présence, consécutifs ou non, compte pour un mois.</p>
<p>Durée hebdomadaire de présence effective : {{stage.duree_hebdomadaire}}, {{stage.jours_travailles}}.<br>
Répartition : {{stage.horaires}}.</p>
<p>Présence du stagiaire, le cas échéant, la nuit, le dimanche ou un jour férié (article L. 124-14 du code de l’éducation) : ☐ non ☐ oui, préciser : ${dots(50)}</p>
<p>La présence du stagiaire suit les règles applicables aux salariés de l’organisme d’accueil pour les durées maximales quotidienne et hebdomadaire de présence, la présence de nuit, le repos quotidien, le repos hebdomadaire et les jours fériés. L’organisme d’accueil établit, par tout moyen, un décompte des durées de présence du stagiaire.</p>
<p>Stage à l’étranger : {{stage.a_l_etranger}} (pays : {{stage.pays}}). Pour un stage à l’étranger, une fiche d’information présentant la réglementation du pays d’accueil sur les droits et devoirs du stagiaire est annexée à la présente convention.</p>

<h2>Article 5 – Encadrement et suivi du stagiaire</h2>
<p>L’enseignant référent désigné par l’établissement est {{referent.nom}} ({{referent.discipline}}, {{referent.courriel}}).<br>
Le tuteur désigné par l’organisme d’accueil est {{tuteur.nom}}, {{tuteur.fonction}} (téléphone : {{tuteur.telephone}}, courriel : {{tuteur.courriel}}).</p>
<p>Le tuteur est chargé de l’accueil et de l’accompagnement du stagiaire ; il veille au respect des stipulations pédagogiques de la présente convention (article L. 124-9 du code de l’éducation). L’enseignant référent s’assure auprès du tuteur, à plusieurs reprises durant le stage, de son bon déroulement et propose, le cas échéant, une redéfinition des activités confiées (articles L. 124-1 et L. 124-2 du même code).</p>
<p>Modalités du suivi : l’enseignant référent, ou un membre de l’équipe pédagogique, prend contact avec le tuteur et le stagiaire au moins une fois pendant le stage, par une visite sur le lieu du stage ou à défaut par téléphone ou visioconférence. Toute difficulté est signalée sans délai par le tuteur à l’enseignant référent, et par l’enseignant référent au chef d’établissement.</p>

<h2>Article 6 – Gratification</h2>
<p>Lorsque la durée du stage au sein d’un même organisme d’accueil est supérieure à deux mois consécutifs ou, au cours d’une même année scolaire, à deux mois consécutifs ou non, le stage fait obligatoirement l’objet d’une gratification (article L. 124-6 du code de l’éducation), due à compter du premier jour du premier mois du stage.</p>
<p>Gratification due : {{gratification.due}}. {{gratification.mention}}</p>
<p>Montant de la gratification, lorsqu’elle est due : {{gratification.taux_horaire}} par heure de présence effective, soit {{gratification.montant_mensuel_minimum}} pour un mois complet de présence ; montant total prévu : {{gratification.montant_total}}. L’organisme d’accueil peut verser une gratification d’un montant supérieur, ou une gratification lorsqu’elle n’est pas obligatoire : ${dots(30)}</p>
<p>Modalités de versement : la gratification est versée mensuellement par l’organisme d’accueil, par virement sur le compte du stagiaire. En cas de suspension ou de résiliation de la convention, elle est due au prorata de la durée de présence effective.</p>

<h2>Article 7 – Avantages offerts au stagiaire</h2>
<p>Le stagiaire a accès au restaurant d’entreprise ou aux titres-restaurant prévus à l’article L. 3262-1 du code du travail, dans les mêmes conditions que les salariés de l’organisme d’accueil. Il bénéficie de la prise en charge des frais de transport prévue à l’article L. 3261-2 du même code (article L. 124-13 du code de l’éducation), ainsi que, le cas échéant, des activités sociales et culturelles du comité social et économique.</p>
<p>Autres avantages accordés (hébergement, frais de déplacement…) : ${dots(50)}</p>

<h2>Article 8 – Protection sociale et accidents du travail</h2>
<p>Pendant la durée du stage, le stagiaire conserve son régime de protection sociale antérieur. Il bénéficie de la législation sur les accidents du travail en application de l’article L. 412-8 (2°) du code de la sécurité sociale, pour les accidents survenus au cours du stage, sur le trajet entre son domicile et le lieu du stage, ou lors de déplacements effectués pour le stage.</p>
<p>Lorsque la gratification ne dépasse pas le seuil de franchise de cotisations (15 % du plafond horaire de la sécurité sociale), l’organisme d’accueil informe l’établissement de tout accident dans les plus brefs délais, et au plus tard dans les 24 heures, et lui adresse les éléments nécessaires ; l’établissement effectue la déclaration auprès de la caisse primaire d’assurance maladie. Lorsque la gratification dépasse ce seuil, l’organisme d’accueil effectue lui-même la déclaration et acquitte les cotisations dues.</p>
<p>Pour un stage à l’étranger, le stagiaire s’assure, avant son départ, de sa couverture maladie dans le pays d’accueil ; la protection en cas d’accident du travail est maintenue dans les conditions prévues par le code de la sécurité sociale.</p>

<h2>Article 9 – Responsabilité civile et assurances</h2>
<p>L’organisme d’accueil déclare être garanti au titre de la responsabilité civile pour les dommages que pourrait causer ou subir le stagiaire dans le cadre de ses activités. Le stagiaire justifie, avant le début du stage, d’une assurance couvrant sa responsabilité civile pendant le stage.</p>

<h2>Article 10 – Discipline et règlement intérieur</h2>
<p>Le stagiaire est soumis à la discipline et aux clauses du règlement intérieur de l’organisme d’accueil qui lui sont applicables, notamment en matière d’horaires, d’hygiène et de sécurité, qui sont portées à sa connaissance avant le début du stage. Clauses particulières applicables : ${dots(40)}</p>
<p>Le stagiaire bénéficie des protections et droits reconnus aux salariés en matière de libertés individuelles, de harcèlement moral et de harcèlement sexuel (articles L. 1121-1, L. 1152-1 et L. 1153-1 du code du travail).</p>
<p>En cas de manquement, l’organisme d’accueil en informe l’enseignant référent et le chef d’établissement, seuls habilités à prendre une sanction disciplinaire, après avoir recueilli les éléments utiles.</p>

<h2>Article 11 – Congés et autorisations d’absence</h2>
<p>En cas de grossesse, de paternité ou d’adoption, le stagiaire bénéficie de congés et d’autorisations d’absence d’une durée équivalente à celle prévue pour les salariés (article L. 124-13 du code de l’éducation). Pour un stage de plus de deux mois, le stagiaire peut bénéficier de congés et autorisations d’absence : ${dots(40)} jour(s), pris en accord avec le tuteur.</p>
<p>Le stagiaire est autorisé à s’absenter pour les obligations attestées par l’établissement d’enseignement (examens, convocations, regroupements pédagogiques) et pour les absences justifiées par un certificat médical. Toute absence est signalée le jour même au tuteur et à l’établissement. Les absences ne comptent pas dans la durée de présence effective.</p>

<h2>Article 12 – Suspension, résiliation et validation du stage en cas d’interruption</h2>
<p>Le stage peut être suspendu, notamment pour maladie, accident, grossesse, paternité ou adoption ; sa fin peut alors être reportée, en tout ou partie, par un avenant signé de toutes les parties.</p>
<p>La convention peut être résiliée par l’une des parties pour un motif sérieux (manquement grave à la discipline, non-respect des stipulations pédagogiques, abandon du stage), après information écrite des autres parties et concertation entre le tuteur et l’enseignant référent. La résiliation prend effet à la date fixée par écrit ; elle est constatée par un avenant.</p>
<p>Lorsque le stagiaire interrompt son stage pour un motif lié à la maladie, à un accident, à la grossesse, à la paternité, à l’adoption ou, en accord avec l’établissement, en cas de non-respect des stipulations pédagogiques de la convention ou de rupture de la convention à l’initiative de l’organisme d’accueil, l’établissement valide le stage même s’il n’a pas atteint la durée prévue dans le cursus, ou propose au stagiaire une modalité alternative de validation de sa formation (article L. 124-15 du code de l’éducation).</p>

<h2>Article 13 – Devoir de réserve et confidentialité</h2>
<p>Le stagiaire s’engage à ne divulguer aucune information confidentielle recueillie pendant le stage et à n’utiliser les documents de l’organisme d’accueil, notamment pour son rapport, qu’avec l’accord de celui-ci.</p>

<h2>Article 14 – Fin du stage : attestation et évaluation</h2>
<p>À l’issue du stage, l’organisme d’accueil délivre au stagiaire une attestation de stage mentionnant la durée effective totale du stage et, le cas échéant, le montant total de la gratification versée (article D. 124-9 du code de l’éducation).</p>
<p>Le tuteur renseigne la fiche d’évaluation transmise par l’établissement. Le stage fait l’objet d’une restitution par le stagiaire, évaluée par l’équipe pédagogique selon le règlement d’examen du diplôme préparé.</p>

<h2>Article 15 – Avenants et droit applicable</h2>
<p>Toute modification de la présente convention (dates, organisme d’accueil, tuteur, enseignant référent, interruption) fait l’objet d’un avenant signé de toutes les parties. La présente convention est régie par le droit français.</p>`;

const BODY = `
${SCHOOL_HEADER}
<h1 style="text-align:center">Convention de stage</h1>
<p style="text-align:center"><strong>Étudiants des sections de techniciens supérieurs – enseignement supérieur</strong><br>
{{session.intitule}} – année scolaire {{session.annee_scolaire}}<br>
Référence du stage : {{stage.reference}}</p>
<p style="font-size:9pt"><em>Vu le code de l’éducation, notamment ses articles L. 124-1 à L. 124-20 et D. 124-1 et suivants ; vu le code du travail et le code de la sécurité sociale.</em></p>
${conventionParties('Le stagiaire')}
<h2>Il a été convenu ce qui suit</h2>
${ARTICLES}
<h2>Signatures</h2>
<p>Convention établie le {{document.date}}, en {{document.exemplaires}}, dont un pour l’organisme d’accueil, un pour le stagiaire et un pour l’établissement.</p>
${signatureTable(conventionSignatories('Le stagiaire', 'L’enseignant référent'))}`;

export const CONVENTION_BTS_HTML = documentHtml('Convention de stage', BODY);
