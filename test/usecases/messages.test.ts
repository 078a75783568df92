import { describe, expect, it } from 'vitest';
import {
  absenceAdded,
  chaseListed,
  count,
  documentStepRecorded,
  signedCopyAttached,
  stageStopped,
  studentsAssigned,
} from '../../src/usecases/messages';

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

describe('absenceAdded', () => {
  it('says which days of the absence are not counted, by name up to three', () => {
    expect(absenceAdded({ notWorked: [] })).toBe('Absence enregistrée.');
    expect(absenceAdded({ notWorked: ['2023-02-04'] })).toBe(
      "Absence enregistrée ; le samedi 04/02/2023 n'est pas travaillé dans ce stage : il n'est pas compté.",
    );
    expect(absenceAdded({ notWorked: ['2023-02-04', '2023-02-05', '2023-02-11'] })).toBe(
      'Absence enregistrée ; les samedi 04/02/2023, dimanche 05/02/2023 et samedi 11/02/2023 ne sont pas travaillés dans ce stage : ils ne sont pas comptés.',
    );
    expect(
      absenceAdded({ notWorked: ['2023-02-04', '2023-02-05', '2023-02-11', '2023-02-12'] }),
    ).toBe(
      'Absence enregistrée ; 4 de ses jours ne sont pas travaillés dans ce stage (repos, week-end ou jour férié) : ils ne sont pas comptés.',
    );
  });
});

describe('stageStopped', () => {
  it('says an avenant is due when the stage had a convention', () => {
    const stage = { student: 'ACAR Laurie', stoppedOn: '2023-02-15', needsAmendment: false };
    const say = (s: typeof stage) => stageStopped(s as Parameters<typeof stageStopped>[0]);
    expect(say(stage)).toBe('Stage d’ACAR Laurie arrêté le 15/02/2023.');
    expect(say({ ...stage, needsAmendment: true })).toBe(
      'Stage d’ACAR Laurie arrêté le 15/02/2023. Un avenant à la convention est à faire (colonne « Avenant »).',
    );
  });
});

describe('a document’s life', () => {
  it('agrees with « avenant » (masculine) and elides « la » before a vowel', () => {
    const step = (kind: string, status: string) =>
      documentStepRecorded({ document: { kind, status } });
    expect(step('Convention', 'Signée entreprise')).toBe('Convention : signée entreprise.');
    expect(step('Avenant', 'Signée entreprise')).toBe('Avenant : signé entreprise.');
    expect(step('Avenant', 'Générée')).toBe('Avenant : généré.');
    expect(step('Avenant', 'Complète')).toBe('Avenant : complet.');
    expect(signedCopyAttached({ document: { kind: 'Convention' } })).toBe(
      'Copie signée jointe à la convention.',
    );
    expect(signedCopyAttached({ document: { kind: 'Avenant' } })).toBe(
      'Copie signée jointe à l’avenant.',
    );
  });
});

describe('chaseListed', () => {
  it('counts stages when some have no convention sent, conventions when all do', () => {
    const overdue = { kind: 'overdue' };
    const starting = { kind: 'starting' };
    expect(chaseListed({ items: [], blanks: [] })).toBe('Aucune convention à relancer.');
    expect(chaseListed({ items: [overdue, overdue], blanks: [] })).toBe(
      '2 conventions à relancer.',
    );
    expect(chaseListed({ items: [overdue, starting, starting], blanks: [{}] })).toBe(
      '3 stages à relancer (dont 1 convention envoyée non revenue) ; 1 convention vierge à régulariser.',
    );
  });
});
