/** How the documents panel words a batch (src/sidebar/documents-words.ts). */
import { describe, expect, it } from 'vitest';
import {
  dailyNote,
  duration,
  endMessage,
  generateLabel,
  planHeadline,
} from '../../src/sidebar/documents-words';
import type { DocumentJobView } from '../../src/api/contract';

describe('planHeadline', () => {
  it('counts what will be created and what exists, agreeing in number and gender', () => {
    expect(planHeadline({ kind: 'convention', toCreate: 12, existing: 3 })).toBe(
      '12 conventions à créer, 3 déjà faites',
    );
    expect(planHeadline({ kind: 'convention', toCreate: 1, existing: 1 })).toBe(
      '1 convention à créer, 1 déjà faite',
    );
    expect(planHeadline({ kind: 'avenant', toCreate: 2, existing: 2 })).toBe(
      '2 avenants à créer, 2 déjà faits',
    );
    expect(planHeadline({ kind: 'avenant', toCreate: 0, existing: 0 })).toBe(
      'Aucun avenant à créer',
    );
    expect(planHeadline({ kind: 'attestation', toCreate: 0, existing: 4 })).toBe(
      'Aucune attestation à créer, 4 déjà faites',
    );
  });

  it('names the button after what it creates', () => {
    expect(generateLabel('convention', 12)).toBe('Générer 12 conventions');
    expect(generateLabel('attestation', 1)).toBe('Générer 1 attestation');
  });
});

describe('duration and the daily cap', () => {
  it('words the estimate', () => {
    expect(duration(0.3)).toBe("moins d'une minute");
    expect(duration(8.3)).toBe('environ 8 min');
    expect(duration(125)).toBe('environ 2 h 05');
    expect(duration(120)).toBe('environ 2 h');
  });

  it('warns only when the batch is larger than what Google still allows today', () => {
    expect(dailyNote('convention', 12, 1500)).toBe('');
    expect(dailyNote('convention', 300, 250)).toMatch(/plus que 250 .* après 250 conventions/);
    expect(dailyNote('convention', 3, 0)).toMatch(/Quota quotidien de Google atteint/);
  });
});

describe('endMessage', () => {
  const job = (over: Partial<DocumentJobView>): DocumentJobView => ({
    id: 'j',
    kind: 'convention',
    progress: '37 / 120 conventions',
    total: 120,
    done: 37,
    failed: [],
    state: 'done',
    by: '',
    startedAt: '',
    updated: [],
    ...over,
  });

  it('says how the batch ended, with its failures', () => {
    expect(endMessage(job({}))).toBe('Terminé : 37 / 120 conventions.');
    expect(
      endMessage(job({ failed: [{ stageId: 's', label: 'ACAR Laurie', reason: 'Pas de SIRET' }] })),
    ).toBe('Terminé : 37 / 120 conventions. 1 en échec (voir la liste).');
    expect(endMessage(job({ state: 'cancelled' }))).toBe('Lot annulé : 37 / 120 conventions.');
    expect(endMessage(job({ state: 'quota' }))).toBe(
      'Quota quotidien de Google atteint : reprenez demain. (37 / 120 conventions)',
    );
  });
});
