import { describe, expect, it } from 'vitest';
import { amendmentFields } from '../../../src/domain/documents/amendment';
import { documentFields } from '../../../src/domain/documents/fields';
import { stage } from '../../fixtures/domain';
import { COMPANY, input, REFERENT, TUTOR } from './input';

/** The convention's fields as generated, then the stage as it is now. */
const convention = documentFields(input());

function now(over: Parameters<typeof input>[0]) {
  return documentFields(input(over));
}

describe('amendmentFields', () => {
  it('nothing changed: "sans changement", "sans objet", no amendment', () => {
    expect(amendmentFields(convention, now({}))).toEqual({
      changed: false,
      values: {
        'avenant.objet': 'Aucune modification',
        'avenant.dates': 'sans changement',
        'avenant.entreprise': 'sans changement',
        'avenant.tuteur': 'sans changement',
        'avenant.referent': 'sans changement',
        'avenant.arret': 'sans objet',
      },
    });
  });

  it('a stop: its date and reason; the dates agreed stay', () => {
    const a = amendmentFields(
      convention,
      now({
        stage: stage({
          start: '2023-02-06',
          end: '2023-02-20',
          stoppedOn: '2023-02-20',
          stopReason: 'Démission',
          originalEnd: '2023-03-10',
        }),
      }),
    );
    expect(a).toEqual({
      changed: true,
      values: {
        'avenant.objet': 'Arrêt du stage le 20/02/2023',
        'avenant.dates': 'sans changement',
        'avenant.entreprise': 'sans changement',
        'avenant.tuteur': 'sans changement',
        'avenant.referent': 'sans changement',
        'avenant.arret': 'arrêté le 20/02/2023 (motif : Démission)',
      },
    });
  });

  it('a stop without a reason', () => {
    const a = amendmentFields(
      convention,
      now({
        stage: stage({
          start: '2023-02-06',
          end: '2023-02-20',
          stoppedOn: '2023-02-20',
          originalEnd: '2023-03-10',
        }),
      }),
    );
    expect(a.values['avenant.arret']).toBe('arrêté le 20/02/2023');
  });

  it('new dates', () => {
    const a = amendmentFields(
      convention,
      now({ stage: stage({ start: '2023-02-13', end: '2023-03-17' }) }),
    );
    expect(a.changed).toBe(true);
    expect(a.values['avenant.objet']).toBe('Nouvelles dates');
    expect(a.values['avenant.dates']).toBe('du 13/02/2023 au 17/03/2023');
  });

  it('a new company and tutor', () => {
    const a = amendmentFields(
      convention,
      now({
        company: { ...COMPANY, id: 'BP', name: 'BNP', siret: '98765432100019', address: '1 rue X' },
        tutor: { ...TUTOR, lastName: 'Bonnet', firstName: 'Frédéric', role: 'Chef de projet' },
      }),
    );
    expect(a).toEqual({
      changed: true,
      values: {
        'avenant.objet': "Changement d'entreprise ; changement de tuteur",
        'avenant.dates': 'sans changement',
        'avenant.entreprise': 'BNP (1 rue X, 59000 LILLE)',
        'avenant.tuteur': 'M. Frédéric BONNET (Chef de projet)',
        'avenant.referent': 'sans changement',
        'avenant.arret': 'sans objet',
      },
    });
  });

  it('a new referent', () => {
    const a = amendmentFields(convention, now({ referent: { ...REFERENT, lastName: 'Martin' } }));
    expect(a.values['avenant.referent']).toBe('M. Patrick MARTIN');
    expect(a.values['avenant.objet']).toBe('Changement de référent');
  });

  it('what the convention does not show is no change (a phone number, the presence)', () => {
    const a = amendmentFields(
      convention,
      now({ tutor: { ...TUTOR, phone: '07' }, presenceHours: 140 }),
    );
    expect(a.changed).toBe(false);
  });

  it('a stop already in the convention is no new change', () => {
    const stopped = stage({
      start: '2023-02-06',
      end: '2023-02-20',
      stoppedOn: '2023-02-20',
      originalEnd: '2023-03-10',
    });
    const a = amendmentFields(now({ stage: stopped }), now({ stage: stopped }));
    expect(a.changed).toBe(false);
  });

  it('an avenant’s fields from documentFields name the convention it amends', () => {
    const f = documentFields(
      input({
        referent: { ...REFERENT, lastName: 'Martin' },
        convention: {
          fields: convention,
          name: 'Convention – BTS 1 info période 1 – ACAR Laurie – CREDIT AGRICOLE',
          generatedOn: '2023-01-30',
        },
      }),
    );
    expect(f).toMatchObject({
      'avenant.objet': 'Changement de référent',
      'avenant.referent': 'M. Patrick MARTIN',
      'convention.reference': 'Convention – BTS 1 info période 1 – ACAR Laurie – CREDIT AGRICOLE',
      'convention.date': '30/01/2023',
    });
  });

  it('a snapshot missing keys (an older register) compares as empty', () => {
    const a = amendmentFields({}, now({}));
    expect(a.changed).toBe(true);
  });
});
