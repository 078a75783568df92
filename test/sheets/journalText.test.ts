import { describe, expect, it } from 'vitest';
import { journalText } from '../../src/sheets/journalText';

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
