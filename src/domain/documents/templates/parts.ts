/**
 * Pieces shared by the templates. The HTML is imported once by Drive as a Google Doc that the
 * school then edits, so it stays within what the import keeps faithfully: headings, paragraphs,
 * bold / italic / underline, lists, bordered tables, text-align, font-size and page breaks. No
 * images, scripts or style sheets; every tag closed so the result is well-formed.
 */

/** A line the reader fills by hand (a printed blank convention, a search form). */
export function dots(length = 40): string {
  return '.'.repeat(length);
}

/** The whole document: the charset matters, Drive would otherwise guess it and mangle accents. */
export function documentHtml(title: string, body: string): string {
  return [
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    '</head>',
    '<body>',
    body.trim(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The school's block and the copy marker. `{{document.exemplaire}}` is empty except when the add-on
 * prints several copies (« Exemplaire entreprise »…); it sits alone on its line, right-aligned.
 */
export const SCHOOL_HEADER = `
<p style="text-align:right"><em>{{document.exemplaire}}</em></p>
<p><strong>{{etablissement.nom}}</strong><br>
{{etablissement.adresse}}<br>
Académie : {{etablissement.academie}}</p>`;

/**
 * Starts a new page (annexes). The break sits on a paragraph that has text, the annex's reference,
 * because an empty paragraph may be dropped by the import, and its break with it.
 */
export function pageBreak(caption: string): string {
  return `<p style="page-break-before:always;font-size:9pt"><em>${caption}</em></p>`;
}

export interface Signatory {
  /** Who signs, e.g. « Pour l’organisme d’accueil ». */
  title: string;
  /** Name, function, notes: one line each, placeholders allowed. */
  lines: string[];
}

const TABLE_OPEN =
  '<table border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse;width:100%">';

/** Room to sign under « Date et signature » (empty lines keep their height in a Doc). */
const SIGNING_SPACE = '<br><br><br><br>';

function signatureCell(signatory: Signatory | undefined): string {
  if (!signatory) return '<td style="width:50%"></td>';
  const lines = signatory.lines.map((line) => `${line}<br>`).join('');
  return `<td style="width:50%;vertical-align:top"><strong>${signatory.title}</strong><br>${lines}<em>Date et signature :</em>${SIGNING_SPACE}</td>`;
}

/** Signature blocks two by two, each with its « Date et signature ». */
export function signatureTable(signatories: readonly Signatory[]): string {
  const rows: string[] = [];
  for (let i = 0; i < signatories.length; i += 2) {
    rows.push(`<tr>${signatureCell(signatories[i])}${signatureCell(signatories[i + 1])}</tr>`);
  }
  return `${TABLE_OPEN}\n${rows.join('\n')}\n</table>`;
}

/** A two-column table of labels and values (identification of the parties, annexes). */
export function fieldTable(rows: ReadonlyArray<readonly [string, string]>): string {
  const body = rows
    .map(([label, value]) => `<tr><td style="width:38%">${label}</td><td>${value}</td></tr>`)
    .join('\n');
  return `${TABLE_OPEN}\n${body}\n</table>`;
}

/**
 * The parties to a convention (and to its amendments): the school, the host, the trainee and the
 * trainee's legal representative. `trainee` names the trainee: « Le stagiaire », « L’élève ».
 */
export function conventionParties(trainee: string): string {
  const lower = trainee.charAt(0).toLowerCase() + trainee.slice(1);
  return `
<h2>Entre les soussignés</h2>
<h3>L’établissement d’enseignement</h3>
${fieldTable([
  ['Nom', '{{etablissement.nom}}'],
  ['Adresse', '{{etablissement.adresse}}'],
  ['Académie', '{{etablissement.academie}}'],
  ['Représenté par', '{{etablissement.chef}}, chef d’établissement'],
])}
<h3>L’organisme d’accueil</h3>
${fieldTable([
  ['Nom ou raison sociale', '{{entreprise.nom}}'],
  ['SIRET', '{{entreprise.siret}}'],
  ['Adresse', '{{entreprise.adresse_complete}}'],
  ['Pays', '{{entreprise.pays}}'],
  ['Téléphone', '{{entreprise.telephone}}'],
  ['Courriel', '{{entreprise.courriel}}'],
  ['Représenté par', '{{entreprise.signataire}}, {{entreprise.signataire_fonction}}'],
  ['Lieu du stage, s’il diffère de l’adresse ci-dessus', dots()],
])}
<h3>${trainee}</h3>
${fieldTable([
  ['Nom', '{{eleve.nom}}'],
  ['Prénom', '{{eleve.prenom}}'],
  ['Date de naissance', '{{eleve.date_naissance}}'],
  ['Âge', '{{eleve.age}}'],
  ['Mineur', '{{eleve.mineur}}'],
  ['INE', '{{eleve.ine}}'],
  ['Adresse', '{{eleve.adresse}}'],
  ['Téléphone', '{{eleve.telephone}}'],
  ['Courriel', '{{eleve.courriel}}'],
  ['Classe', '{{eleve.classe}}'],
])}
<h3>Le représentant légal (si ${lower} est mineur)</h3>
${fieldTable([
  ['Nom', '{{representant.nom}}'],
  ['Adresse', '{{representant.adresse}}'],
  ['Téléphone', '{{representant.telephone}}'],
  ['Courriel', '{{representant.courriel}}'],
])}`;
}

/**
 * The signatories of a convention and of its amendments (Code de l'éducation L124-1, D124-4):
 * `trainee` as in conventionParties, `referent` « L’enseignant référent » or « Le professeur
 * référent ».
 */
export function conventionSignatories(trainee: string, referent: string): Signatory[] {
  const lower = trainee.charAt(0).toLowerCase() + trainee.slice(1);
  return [
    {
      title: trainee,
      lines: ['{{eleve.civilite_nom}}', 'Précédé de la mention « Lu et approuvé »'],
    },
    {
      title: `Le représentant légal (si ${lower} est mineur)`,
      lines: ['Mineur : {{eleve.mineur}}', '{{representant.nom}}'],
    },
    {
      title: 'Pour l’organisme d’accueil',
      lines: [
        '{{entreprise.signataire}}, {{entreprise.signataire_fonction}}',
        'Cachet de l’organisme',
      ],
    },
    {
      title: 'Pour l’établissement d’enseignement',
      lines: ['{{etablissement.chef}}, chef d’établissement', 'Cachet de l’établissement'],
    },
    { title: referent, lines: ['{{referent.nom}}'] },
    { title: 'Le tuteur', lines: ['{{tuteur.nom}}, {{tuteur.fonction}}'] },
  ];
}
