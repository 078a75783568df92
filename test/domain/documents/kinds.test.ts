import { describe, expect, it } from 'vitest';
import {
  conventionTemplateFor,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  isPerSession,
  TEMPLATE_KINDS,
  TEMPLATE_NAMES,
  templateFor,
  type DocumentKind,
  type TemplateKind,
} from '../../../src/domain/documents/kinds';
import { SESSION_TYPES } from '../../../src/domain/sessions';

describe('templateFor', () => {
  const cases: [DocumentKind, string, TemplateKind][] = [
    ['convention', 'PFMP', 'conventionPfmp'],
    ['convention', 'pfmp', 'conventionPfmp'],
    ['convention', 'Stage de seconde', 'conventionPfmp'],
    ['convention', ' STAGE  DE SECONDE ', 'conventionPfmp'],
    ['convention', 'Stage BTS', 'conventionBts'],
    ['convention', "Stage d'observation", 'conventionBts'],
    ['convention', 'Autre', 'conventionBts'],
    ['convention', '', 'conventionBts'],
    ['vierge', 'PFMP', 'conventionPfmp'],
    ['vierge', 'Stage BTS', 'conventionBts'],
    ['avenant', 'PFMP', 'avenant'],
    ['attestation', 'PFMP', 'attestation'],
    ['accord', 'Stage BTS', 'accord'],
  ];
  it.each(cases)('%s of a « %s » session → %s', (kind, type, template) => {
    expect(templateFor(kind, type)).toBe(template);
  });

  it('gives every session type of the list a convention', () => {
    expect(SESSION_TYPES.map(conventionTemplateFor)).toEqual([
      'conventionPfmp',
      'conventionBts',
      'conventionBts',
      'conventionPfmp',
      'conventionBts',
    ]);
  });
});

describe('the kinds', () => {
  it('are named in French', () => {
    expect(DOCUMENT_KINDS.map((k) => DOCUMENT_KIND_LABELS[k])).toEqual([
      'Convention',
      'Avenant',
      'Attestation de stage',
      'Accord préalable',
      'Convention vierge',
      'Compte rendu de visite',
    ]);
    expect(TEMPLATE_KINDS.map((k) => TEMPLATE_NAMES[k])).toEqual([
      'Modèle – Convention de stage (BTS / enseignement supérieur)',
      'Modèle – Convention PFMP (bac professionnel)',
      'Modèle – Accord préalable de stage',
      'Modèle – Avenant à la convention',
      'Modèle – Attestation de stage',
      'Modèle – Compte rendu de visite',
    ]);
  });

  it('makes the accord préalable and the blank convention per session', () => {
    expect(DOCUMENT_KINDS.filter(isPerSession)).toEqual(['accord', 'vierge']);
  });
});
