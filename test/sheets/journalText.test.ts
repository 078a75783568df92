import { describe, expect, it } from 'vitest';
import { journalText, stageSubject, stagesSubject } from '../../src/sheets/journalText';

describe('journalText', () => {
  it('writes a stage change with the sheet’s headers and French dates, without technical keys', () => {
    expect(
      journalText({
        end: '2023-02-27',
        stoppedOn: '2023-02-27',
        stopReason: 'Rupture',
        labelsCheck: 'a.b.c.d.e',
        hours: 133,
      }),
    ).toBe("Fin : 27/02/2023 ; Date d'arrêt : 27/02/2023 ; Motif d'arrêt : Rupture");
  });
  it('shows emptied cells as a dash, booleans in French, lists joined', () => {
    expect(journalText({ stoppedOn: '', alsaceMoselle: true })).toBe(
      "Date d'arrêt : — ; Alsace-Moselle : oui",
    );
    expect(journalText([{ company: 'A' }, { company: 'B' }])).toBe(
      'Entreprise : A | Entreprise : B',
    );
    expect(journalText(null)).toBe('');
    expect(journalText(4.5)).toBe('4,5');
  });
});

describe('the Journal’s « Objet » for a stage', () => {
  const laurie = { id: 'STG-1', student: 'ACAR Laurie', session: 'BTS 1 info période 1' };
  const camille = { id: 'STG-2', student: 'ACNA Camille', session: 'BTS 1 info période 1' };

  it('names the student and the session, not the ID', () => {
    expect(stageSubject(laurie)).toBe('ACAR Laurie – BTS 1 info période 1');
  });

  it('falls back on the ID only for a row naming no student', () => {
    expect(stageSubject({ id: 'STG-9', student: '', session: 'BTS 1' })).toBe(
      'Stage STG-9 – BTS 1',
    );
    expect(stageSubject({ student: 'ACAR Laurie' })).toBe('ACAR Laurie');
  });

  it('names several stages of one session once, then their students', () => {
    expect(stagesSubject([laurie, camille])).toBe(
      '2 stages – BTS 1 info période 1 : ACAR Laurie, ACNA Camille',
    );
    expect(stagesSubject([laurie])).toBe('ACAR Laurie – BTS 1 info période 1');
  });

  it('names each stage with its session when they differ, and counts past ten', () => {
    expect(stagesSubject([laurie, { ...camille, session: 'Bac pro' }])).toBe(
      '2 stages : ACAR Laurie – BTS 1 info période 1, ACNA Camille – Bac pro',
    );
    const many = Array.from({ length: 12 }, (_, i) => ({ ...laurie, student: `É${i + 1}` }));
    expect(stagesSubject(many)).toBe(
      '12 stages – BTS 1 info période 1 : É1, É2, É3, É4, É5, É6, É7, É8, É9, É10 et 2 autres',
    );
  });
});
