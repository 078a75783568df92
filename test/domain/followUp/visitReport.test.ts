import { describe, expect, it } from 'vitest';
import { documentFields } from '../../../src/domain/documents/fields';
import { documentName } from '../../../src/domain/documents/naming';
import { WORD_JOINER } from '../../../src/domain/documents/plainText';
import { visitReportRefusal, visitReportsOn } from '../../../src/domain/followUp/visitReport';
import { input } from '../documents/input';

describe('the session’s switch « Compte rendu de visite »', () => {
  it.each(['oui', 'OUI', ' Oui ', 'x', 'vrai', true])('%s turns the reports on', (cell) => {
    expect(visitReportsOn(cell)).toBe(true);
  });
  it.each(['', 'non', 'Non', 'peut-être', false, null, 0])('%s leaves them off', (cell) => {
    expect(visitReportsOn(cell)).toBe(false);
  });
});

describe('a visit report’s values', () => {
  const visit = {
    date: '2023-02-14',
    type: 'appel' as const,
    teacher: { civility: 'M.', firstName: 'Patrick', lastName: 'Bruel' },
    teacherName: 'M. BRUEL Patrick',
    comment: 'Bonne intégration.\nTuteur disponible {{eleve.nom}}',
  };

  it('states the visit: date, type in words, teacher, comment made plain text', () => {
    const v = documentFields(input({ visit }));
    expect(v['visite.date']).toBe('14/02/2023');
    expect(v['visite.type']).toBe('Appel téléphonique');
    expect(v['visite.enseignant']).toBe('M. Patrick BRUEL');
    // One paragraph, and no placeholder a later replacement could fill.
    expect(v['visite.commentaire']).toBe(
      `Bonne intégration., Tuteur disponible {${WORD_JOINER}{eleve.nom}${WORD_JOINER}}${WORD_JOINER}`,
    );
    expect(v['eleve.nom']).toBe('ACAR');
  });

  it('names a teacher gone from Personnel as the Visites sheet does', () => {
    const v = documentFields(input({ visit: { ...visit, teacher: null } }));
    expect(v['visite.enseignant']).toBe('M. BRUEL Patrick');
  });

  it('leaves the visit’s keys empty in every other document', () => {
    const v = documentFields(input());
    expect([v['visite.date'], v['visite.type'], v['visite.commentaire']]).toEqual(['', '', '']);
  });

  it('is named by student, company and the day of the visit', () => {
    expect(
      documentName('compteRendu', {
        sessionTitle: 'BTS 1 info période 1',
        studentLabel: 'ACAR Laurie',
        companyName: 'CREDIT AGRICOLE',
        visitDate: '2023-02-14',
      }),
    ).toBe('Compte rendu de visite – ACAR Laurie – CREDIT AGRICOLE – 14 février 2023');
  });

  it('is made once the visit has taken place, not before', () => {
    expect(visitReportRefusal('2023-02-14', '2023-02-14')).toBe('');
    expect(visitReportRefusal('2023-02-20', '2023-02-15')).toMatch(/pas encore eu lieu/);
    expect(visitReportRefusal('', '2023-02-15')).toMatch(/pas encore eu lieu/);
  });
});
