import { describe, expect, it } from 'vitest';
import { count, studentsAssigned } from '../../src/usecases/messages';

describe('count', () => {
  it.each([
    [0, 'stage créé', 'stages créés', 'aucun stage créé'],
    [0, 'ligne ajoutée', 'lignes ajoutées', 'aucune ligne ajoutée'],
    [1, 'stage créé', 'stages créés', '1 stage créé'],
    [3, 'stage créé', 'stages créés', '3 stages créés'],
  ])('%i %s → %s', (n, one, many, text) => {
    expect(count(n, one, many)).toBe(text);
  });
});

describe('studentsAssigned', () => {
  it('starts with a capital and leaves out what did not happen', () => {
    expect(studentsAssigned({ created: 0, skipped: 2, overlapping: ['ACAR Laurie'] })).toBe(
      'Aucun stage créé ; 2 élèves déjà affectés ; non affecté car déjà en stage à ces dates : ACAR Laurie.',
    );
  });
});

describe('ofName', () => {
  it('elides "de" before a vowel, as French writes it', async () => {
    const { ofName } = await import('../../src/usecases/messages');
    expect(ofName('ACAR Laurie')).toBe("d'ACAR Laurie");
    expect(ofName('ÉMILE Zola')).toBe("d'ÉMILE Zola");
    expect(ofName('BENALI Sami')).toBe('de BENALI Sami');
    expect(ofName('HUGO Victor')).toBe('de HUGO Victor');
  });
});
