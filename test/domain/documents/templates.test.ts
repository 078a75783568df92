import { describe, expect, it } from 'vitest';
import type { TemplateKind } from '../../../src/domain/documents/kinds';
import { PLACEHOLDER_KEYS } from '../../../src/domain/documents/placeholders';
import { TEMPLATE_HTML } from '../../../src/domain/documents/templates';

/** The placeholders the add-on fills: a template may use these and no other. */
const CATALOG: readonly string[] = PLACEHOLDER_KEYS;

const KINDS = Object.keys(TEMPLATE_HTML) as TemplateKind[];

// ——— A strict checker of the HTML subset the Drive import keeps faithfully ———

const VOID = new Set(['br', 'meta']);
const CONTAINERS = new Set(['html', 'head', 'title', 'body', 'table', 'tr', 'td', 'ul', 'li']);
const BLOCKS = new Set(['h1', 'h2', 'h3', 'p', 'ul', 'table']);
const INLINE = new Set(['strong', 'em', 'u']);
const ALLOWED_TAGS = new Set([...VOID, ...CONTAINERS, ...BLOCKS, ...INLINE]);
const ALLOWED_ATTRIBUTES = new Set(['style', 'border', 'cellpadding', 'cellspacing', 'charset']);
const ALLOWED_STYLES = new Set([
  'text-align',
  'font-size',
  'page-break-before',
  'border-collapse',
  'width',
  'vertical-align',
]);
/** Where each element may sit (its parent). */
const PARENTS: Record<string, string[]> = {
  head: ['html'],
  body: ['html'],
  meta: ['head'],
  title: ['head'],
  tr: ['table'],
  td: ['tr'],
  li: ['ul'],
};
for (const block of BLOCKS) PARENTS[block] ??= ['body', 'td', 'li'];
PARENTS.p = ['body', 'td', 'li'];
PARENTS.ul = ['body', 'td'];

/** What is wrong with `html` as a document of the subset (empty: nothing). */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const text = html.slice(i, lt < 0 ? html.length : lt);
    if (text.includes('>')) problems.push(`a bare « > » in ${JSON.stringify(text.slice(0, 40))}`);
    for (const amp of text.matchAll(/&[^;\s]*;?/g)) {
      if (!/^&(amp|lt|gt|quot|nbsp|#\d+);$/.test(amp[0])) problems.push(`bad entity ${amp[0]}`);
    }
    if (
      text.trim() !== '' &&
      !['title', 'p', 'h1', 'h2', 'h3', 'td', 'li'].includes(stack[0] ?? '')
    ) {
      if (!INLINE.has(stack[0] ?? '')) problems.push(`text outside a paragraph: ${text.trim()}`);
    }
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(html);
    if (!m) {
      problems.push(`not a tag at ${JSON.stringify(html.slice(lt, lt + 30))}`);
      i = lt + 1;
      continue;
    }
    i = tag.lastIndex;
    const [, closing, rawName = '', attributes = '', selfClosing] = m;
    const name = rawName.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) problems.push(`tag <${name}> is outside the subset`);
    if (closing) {
      if (VOID.has(name)) problems.push(`</${name}> closes a void element`);
      else if (stack[0] === name) stack.shift();
      else problems.push(`</${name}> closes <${stack[0] ?? 'nothing'}>`);
      continue;
    }
    for (const attribute of attributes.matchAll(/([a-z-]+)="([^"]*)"/g)) {
      const [, key = '', value = ''] = attribute;
      if (!ALLOWED_ATTRIBUTES.has(key)) problems.push(`attribute ${key} on <${name}>`);
      if (key === 'style') {
        for (const declaration of value.split(';').filter((d) => d.trim() !== '')) {
          const property = declaration.split(':')[0]?.trim() ?? '';
          if (!ALLOWED_STYLES.has(property)) problems.push(`style ${property} on <${name}>`);
        }
      }
    }
    const parents = PARENTS[name];
    const parent = stack.find((open) => !INLINE.has(open)) ?? '';
    if (parents && !parents.includes(parent)) problems.push(`<${name}> inside <${parent}>`);
    if (
      INLINE.has(name) &&
      !['p', 'h1', 'h2', 'h3', 'td', 'li', ...INLINE].includes(stack[0] ?? '')
    )
      problems.push(`<${name}> inside <${stack[0] ?? 'nothing'}>`);
    if (!VOID.has(name) && !selfClosing) stack.unshift(name);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

/** Placeholders `{{key}}` of `html`, and what is wrong with them (unknown keys, stray braces). */
function placeholderProblems(html: string, catalog: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [, key = ''] of html.matchAll(/\{\{(.*?)\}\}/g)) {
    if (!catalog.includes(key)) problems.push(`unknown placeholder {{${key}}}`);
  }
  const rest = html.replace(/\{\{[a-z_]+\.[a-z_]+\}\}/g, '');
  for (const brace of rest.matchAll(/[{}]/g)) {
    const at = brace.index ?? 0;
    problems.push(`stray brace near ${JSON.stringify(rest.slice(at - 15, at + 15))}`);
  }
  return problems;
}

function placeholders(html: string): Set<string> {
  return new Set([...html.matchAll(/\{\{([a-z_]+\.[a-z_]+)\}\}/g)].map((m) => m[1] ?? ''));
}

/** The text as a reader sees it, folded for phrase checks (case, apostrophes, spaces). */
function readable(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .toLowerCase();
}

/** Contents of the table cells, each one as readable text. */
function cells(html: string): string[] {
  return [...html.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((m) => readable(m[1] ?? ''));
}

// ——— The checker bites ———

describe('the template checker', () => {
  it('accepts the subset and refuses what the import would mangle', () => {
    expect(htmlProblems('<html><body><p><strong>a</strong><br>b</p></body></html>')).toEqual([]);
    expect(htmlProblems('<p><strong>a</p></strong>')).not.toEqual([]);
    expect(htmlProblems('<body><p>a</body>')).not.toEqual([]);
    expect(htmlProblems('<body><img src="x"></body>')).not.toEqual([]);
    expect(htmlProblems('<body><p>a<table><tr><td>b</td></tr></table></p></body>')).not.toEqual([]);
    expect(htmlProblems('<body><p style="color:red">a</p></body>')).not.toEqual([]);
    expect(htmlProblems('<body><p>R&D</p></body>')).not.toEqual([]);
    expect(htmlProblems('<body>loose text</body>')).not.toEqual([]);
  });
  it('finds unknown keys and stray braces', () => {
    expect(placeholderProblems('<p>{{eleve.nom}}</p>', CATALOG)).toEqual([]);
    expect(placeholderProblems('<p>{{eleve.surnom}}</p>', CATALOG)).not.toEqual([]);
    expect(placeholderProblems('<p>{eleve.nom}</p>', CATALOG)).not.toEqual([]);
    expect(placeholderProblems('<p>{{eleve.nom}</p>', CATALOG)).not.toEqual([]);
    expect(placeholderProblems('<p>{{<em>eleve.nom</em>}}</p>', CATALOG)).not.toEqual([]);
  });
});

// ——— Every template ———

describe.each(KINDS)('template %s', (kind) => {
  const html = TEMPLATE_HTML[kind];

  it('is a well-formed document of the subset, with its charset', () => {
    expect(htmlProblems(html)).toEqual([]);
    expect(html.startsWith('<html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/undefined|NaN|\[object|\$\{/);
  });

  it('uses only catalog placeholders, written {{key}}', () => {
    expect(placeholderProblems(html, CATALOG)).toEqual([]);
  });

  it('opens with the school header and the copy marker, once', () => {
    const keys = placeholders(html);
    for (const key of ['etablissement.nom', 'etablissement.adresse', 'etablissement.academie'])
      expect(keys).toContain(key);
    expect(html.split('{{document.exemplaire}}')).toHaveLength(2);
    expect(html.indexOf('{{document.exemplaire}}')).toBeLessThan(html.indexOf('<h1'));
    expect(keys).toContain('document.date');
  });

  it('has one title', () => {
    expect(html.match(/<h1\b/g)).toHaveLength(1);
  });
});

// ——— Conventions: the mandatory mentions of Code de l'éducation D124-4 ———

/** D124-4, 1° to 15°: phrases that must appear, checked case-insensitively. */
const D124_4: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['1° formation and its hours', ['{{formation.diplome}}', 'volume horaire']],
  ['2° referent and tutor', ['{{referent.nom}}', '{{tuteur.nom}}']],
  ['3° skills', ['compétences à acquérir', '{{session.objectifs}}']],
  ['4° activities', ['activités confiées']],
  [
    '5° dates and duration in hours of presence',
    ['{{stage.debut}}', '{{stage.fin}}', 'présence effective', '{{stage.presence_heures}}'],
  ],
  [
    '6° weekly hours, night, Sunday, public holiday',
    ['{{stage.duree_hebdomadaire}}', 'la nuit', 'le dimanche', 'jour férié', 'l. 124-14'],
  ],
  ['7° supervision and follow-up', ['encadrement', 'suivi', 'l. 124-9']],
  [
    '8° gratification amount and payment',
    ['{{gratification.taux_horaire}}', '{{gratification.montant_total}}', 'versée mensuellement'],
  ],
  [
    '9° social protection, work accidents, civil liability',
    ['protection sociale', 'accidents du travail', 'l. 412-8', 'responsabilité civile'],
  ],
  ['10° authorised absences and leave', ["autorisations d'absence", 'l. 124-13']],
  ['11° suspension and termination', ['suspendu', 'résiliée']],
  ['12° validation if interrupted', ['valide', 'modalité alternative de validation', 'l. 124-15']],
  ['13° benefits', ['restaurant', 'titres-restaurant', 'frais de transport', 'l. 3261-2']],
  ['14° internal rules', ['règlement intérieur']],
  ['15° attestation', ['attestation de stage', 'd. 124-9']],
];

const CONVENTIONS: readonly TemplateKind[] = ['conventionBts', 'conventionPfmp'];

describe.each(CONVENTIONS)('convention %s', (kind) => {
  const text = readable(TEMPLATE_HTML[kind]);

  it.each(D124_4)('covers D124-4 %s', (_mention, phrases) => {
    for (const phrase of phrases) expect(text).toContain(readable(phrase));
  });

  it('names every party', () => {
    const keys = placeholders(TEMPLATE_HTML[kind]);
    for (const key of [
      'eleve.nom',
      'eleve.prenom',
      'eleve.date_naissance',
      'eleve.mineur',
      'representant.nom',
      'entreprise.nom',
      'entreprise.siret',
      'entreprise.adresse_complete',
      'entreprise.signataire',
      'entreprise.signataire_fonction',
      'etablissement.chef',
      'stage.horaires',
      'gratification.mention',
    ])
      expect(keys).toContain(key);
  });
});

// ——— Signature blocks ———

/** Per template: phrases that must share one table cell with « Date et signature ». */
const SIGNATURES: Record<TemplateKind, ReadonlyArray<readonly string[]>> = {
  conventionBts: [
    ['le stagiaire', '{{eleve.civilite_nom}}'],
    ['représentant légal', '{{eleve.mineur}}', '{{representant.nom}}'],
    ["organisme d'accueil", '{{entreprise.signataire}}', '{{entreprise.signataire_fonction}}'],
    ['établissement', '{{etablissement.chef}}'],
    ['enseignant référent', '{{referent.nom}}'],
    ['tuteur', '{{tuteur.nom}}'],
  ],
  conventionPfmp: [
    ["l'élève", '{{eleve.civilite_nom}}'],
    ['représentant légal', '{{eleve.mineur}}', '{{representant.nom}}'],
    ["organisme d'accueil", '{{entreprise.signataire}}', '{{entreprise.signataire_fonction}}'],
    ['établissement', '{{etablissement.chef}}'],
    ['professeur référent', '{{referent.nom}}'],
    ['tuteur', '{{tuteur.nom}}'],
  ],
  accord: [
    ["pour l'organisme d'accueil", 'cachet'],
    ["l'étudiant"],
    ['professeur référent', 'conforme'],
  ],
  avenant: [
    ['le stagiaire', '{{eleve.civilite_nom}}'],
    ['représentant légal', '{{representant.nom}}'],
    ["organisme d'accueil", '{{entreprise.signataire}}'],
    ['établissement', '{{etablissement.chef}}'],
    ['enseignant référent', '{{referent.nom}}'],
    ['tuteur', '{{tuteur.nom}}'],
  ],
  attestation: [["pour l'organisme d'accueil", '{{entreprise.signataire}}', 'cachet']],
  compteRendu: [["l'enseignant qui a suivi le stage", '{{visite.enseignant}}']],
};

describe.each(KINDS)('signature blocks of %s', (kind) => {
  const signing = cells(TEMPLATE_HTML[kind]).filter((cell) => cell.includes('date et signature'));
  it.each(SIGNATURES[kind].map((phrases) => [phrases[0], phrases] as const))(
    'has a block for %s',
    (_who, phrases) => {
      const block = signing.find((cell) => phrases.every((p) => cell.includes(readable(p))));
      expect(block, `no signature cell with ${phrases.join(' + ')}`).toBeDefined();
    },
  );
});

// ——— What each document must say ———

function sectionAfterBreak(html: string, heading: string): string {
  const at = html.lastIndexOf('<h', html.indexOf(heading));
  const pageBreak = html.lastIndexOf('page-break-before:always', at);
  expect(at).toBeGreaterThan(0);
  expect(pageBreak).toBeGreaterThan(0);
  // The heading opens the new page: nothing but the page's reference line in between.
  expect(html.slice(pageBreak, at).match(/<h[123]\b|<table\b/g)).toBeNull();
  return html.slice(at);
}

describe('convention PFMP', () => {
  const html = TEMPLATE_HTML.conventionPfmp;
  const text = readable(html);

  it('spells out the rules protecting minors', () => {
    for (const phrase of [
      '8 heures par jour',
      '35 heures par semaine',
      '30 minutes',
      'entre 22 heures et 6 heures',
      'entre 20 heures et 6 heures',
      'deux jours consécutifs',
      'travaux réglementés',
      'statut scolaire',
      'l. 124-6',
    ])
      expect(text).toContain(phrase);
  });

  it('has its pedagogical then financial annex, each on a new page', () => {
    const pedagogical = readable(sectionAfterBreak(html, 'Annexe pédagogique</h2>'));
    for (const phrase of [
      '{{session.periodes}}',
      '{{session.objectifs}}',
      'activités',
      'évaluation',
    ])
      expect(pedagogical).toContain(readable(phrase));
    const financial = readable(sectionAfterBreak(html, 'Annexe financière</h2>'));
    for (const phrase of ['transport', 'restauration', 'hébergement', 'assurance', 'gratification'])
      expect(financial).toContain(phrase);
    expect(html.indexOf('Annexe pédagogique</h2>')).toBeLessThan(
      html.indexOf('Annexe financière</h2>'),
    );
  });
});

describe('accord préalable', () => {
  const html = TEMPLATE_HTML.accord;

  it('is generic: no placeholder about a student, a company or a stage', () => {
    for (const key of placeholders(html))
      expect(key).toMatch(/^(etablissement|formation|session|document)\./);
  });

  it('is a search form the student and the company fill by hand', () => {
    const text = readable(html);
    for (const phrase of ['siret', 'tuteur', 'adresse', 'courriel', 'dates proposées', 'activités'])
      expect(text).toContain(phrase);
    expect(text).toContain('accord de principe');
    expect(html).toMatch(/\.{20,}/);
  });

  it('carries the section’s pedagogical annex on its own page', () => {
    const annex = sectionAfterBreak(html, 'Annexe pédagogique');
    const keys = placeholders(annex);
    for (const key of [
      'session.intitule',
      'formation.diplome',
      'session.periodes',
      'session.objectifs',
    ])
      expect(keys).toContain(key);
    for (const phrase of ['contenu', 'modalités', 'évaluation'])
      expect(readable(annex)).toContain(phrase);
  });
});

describe('avenant', () => {
  const html = TEMPLATE_HTML.avenant;

  it('refers to the original convention and lists every possible change', () => {
    const keys = placeholders(html);
    for (const key of [
      'convention.reference',
      'convention.date',
      'avenant.objet',
      'avenant.dates',
      'avenant.entreprise',
      'avenant.tuteur',
      'avenant.referent',
      'avenant.arret',
    ])
      expect(keys).toContain(key);
    expect(readable(html)).toContain(
      'les autres dispositions de la convention demeurent inchangées',
    );
  });
});

describe('attestation de stage', () => {
  const html = TEMPLATE_HTML.attestation;

  it('states the effective presence and the gratification paid (D124-9)', () => {
    const keys = placeholders(html);
    for (const key of [
      'stage.presence_heures',
      'stage.presence_jours',
      'stage.presence_mois',
      'stage.debut',
      'stage.fin',
      'gratification.montant_total',
      'gratification.mention',
      'eleve.civilite_nom',
      'formation.diplome',
    ])
      expect(keys).toContain(key);
    const text = readable(html);
    for (const phrase of ['d. 124-9', 'durée effective totale', 'présence effective'])
      expect(text).toContain(phrase);
  });

  it('tells the student it counts for retirement when the stage was gratified', () => {
    const text = readable(html);
    for (const phrase of ['retraite', 'l. 351-17', 'deux trimestres', 'gratification'])
      expect(text).toContain(phrase);
  });
});
