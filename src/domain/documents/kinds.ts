/**
 * The documents the add-on generates and the Google Docs templates they are made from.
 * A session's type chooses its convention: bac pro PFMP (and the seconde's stage, which follows
 * the lycée professionnel's rules) use the PFMP convention, every other type the BTS / higher
 * education one.
 */
import { fold } from '../text';

export type DocumentKind =
  'convention' | 'avenant' | 'attestation' | 'accord' | 'vierge' | 'compteRendu';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'convention',
  'avenant',
  'attestation',
  'accord',
  'vierge',
  'compteRendu',
];

export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  convention: 'Convention',
  avenant: 'Avenant',
  attestation: 'Attestation de stage',
  accord: 'Accord préalable',
  vierge: 'Convention vierge',
  compteRendu: 'Compte rendu de visite',
};

export type TemplateKind =
  'conventionBts' | 'conventionPfmp' | 'accord' | 'avenant' | 'attestation' | 'compteRendu';

export const TEMPLATE_KINDS: readonly TemplateKind[] = [
  'conventionBts',
  'conventionPfmp',
  'accord',
  'avenant',
  'attestation',
  'compteRendu',
];

/** The name of the Google Doc the add-on creates for each template. */
export const TEMPLATE_NAMES: Readonly<Record<TemplateKind, string>> = {
  conventionBts: 'Modèle – Convention de stage (BTS / enseignement supérieur)',
  conventionPfmp: 'Modèle – Convention PFMP (bac professionnel)',
  accord: 'Modèle – Accord préalable de stage',
  avenant: 'Modèle – Avenant à la convention',
  attestation: 'Modèle – Attestation de stage',
  compteRendu: 'Modèle – Compte rendu de visite',
};

/** Session types (folded) whose convention is the PFMP one. */
const PFMP_TYPES = new Set(['pfmp', fold('Stage de seconde')]);

/** True for the kinds made once per session rather than once per stage. */
export function isPerSession(kind: DocumentKind): boolean {
  return kind === 'accord' || kind === 'vierge';
}

/** The convention template of a session type, compared without case, accents or extra spaces. */
export function conventionTemplateFor(sessionType: string): 'conventionBts' | 'conventionPfmp' {
  return PFMP_TYPES.has(fold(sessionType)) ? 'conventionPfmp' : 'conventionBts';
}

/** The template a document of this kind is made from, for a session of this type. */
export function templateFor(kind: DocumentKind, sessionType: string): TemplateKind {
  switch (kind) {
    case 'convention':
    case 'vierge':
      return conventionTemplateFor(sessionType);
    case 'avenant':
    case 'attestation':
    case 'accord':
    case 'compteRendu':
      return kind;
  }
}
