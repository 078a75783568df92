/**
 * "Paramètres" on the real bundle: the defaults, the validation of the form, and what the
 * settings change: Alsace-Moselle's extra public holidays in the presence and the calendar, the
 * default weekly hours, and the hourly gratification shown on the fiche.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, SessionView, SettingsView, StageSelection } from '../../src/api/contract';
import { type Harness, seededWorkbook } from './harness';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const DEFAULTS: SettingsView = {
  schoolName: '',
  schoolAddress: '',
  headOfSchool: '',
  academy: '',
  zone: 'B',
  alsaceMoselle: false,
  defaultWeeklyHours: 35,
  hourlyGratification: 4.5,
  conventionCopies: 3,
  googleAccount: 'workspace',
  chaseAfterDays: 10,
  chaseWithinDays: 15,
  followCap: 16,
};

describe('the settings form', () => {
  let h: Harness;
  beforeAll(() => {
    h = seededWorkbook();
  });

  it('starts from the defaults: zone B, 35 h a week, 4,50 € an hour, no Alsace-Moselle', () => {
    expect(h.call<SettingsView>('apiGetSettings')).toEqual(DEFAULTS);
  });

  const bad: [string, Partial<SettingsView> | Record<string, unknown>, string, RegExp][] = [
    ['no weekly hours', { defaultWeeklyHours: 0 }, 'defaultWeeklyHours', /entre 1 et 48 heures/],
    [
      'days to chase as words',
      { chaseAfterDays: 'dix' },
      'chaseAfterDays',
      /nombre entier de jours/,
    ],
    ['days before a stage over a year', { chaseWithinDays: 400 }, 'chaseWithinDays', /de 0 à 365/],
    ['too many weekly hours', { defaultWeeklyHours: 60 }, 'defaultWeeklyHours', /48/],
    [
      'weekly hours as words',
      { defaultWeeklyHours: 'trente-cinq' },
      'defaultWeeklyHours',
      /heures/,
    ],
    ['a zero rate', { hourlyGratification: 0 }, 'hourlyGratification', /4,50/],
    [
      'a rate that is not a number',
      { hourlyGratification: 'beaucoup' },
      'hourlyGratification',
      /euros/,
    ],
    ['an unknown zone', { zone: 'D' }, 'zone', /A, B ou C/],
    ['a school name too long', { schoolName: 'L'.repeat(201) }, 'schoolName', /trop long/],
    ['eleven copies', { conventionCopies: 11 }, 'conventionCopies', /de 1 à 10/],
    ['an unknown account', { googleAccount: 'gmail' }, 'googleAccount', /compte Google/],
  ];
  for (const [name, patch, field, message] of bad) {
    it(`refuses ${name} and changes nothing`, () => {
      const journal = h.display('Journal').length;
      const r = h.call<ApiResult<SettingsView>>('apiSaveSettings', { ...DEFAULTS, ...patch });
      expect(r).toMatchObject({ ok: false, field });
      if (!r.ok) expect(r.error).toMatch(message);
      expect(h.call<SettingsView>('apiGetSettings')).toEqual(DEFAULTS);
      expect(h.display('Journal')).toHaveLength(journal);
    });
  }

  it('saves what is typed, decimal comma included, and journals it', () => {
    const journal = h.display('Journal').length;
    const typed = {
      ...DEFAULTS,
      schoolName: '  Lycée Fénelon  ',
      academy: 'Lille',
      zone: 'A',
      defaultWeeklyHours: '32,5',
      hourlyGratification: '4,35',
      conventionCopies: '2',
      googleAccount: 'consumer',
    };
    const r = h.call<ApiResult<SettingsView>>('apiSaveSettings', typed);
    const saved = {
      ...DEFAULTS,
      schoolName: 'Lycée Fénelon',
      academy: 'Lille',
      zone: 'A',
      defaultWeeklyHours: 32.5,
      hourlyGratification: 4.35,
      conventionCopies: 2,
      googleAccount: 'consumer',
    };
    expect(ok(r)).toEqual(saved);
    // The default weekly hours changed: the ten stages' presence is counted again at once.
    if (r.ok) expect(r.message).toBe('Paramètres enregistrés ; 10 durées de présence recalculées.');
    expect(h.call<SettingsView>('apiGetSettings')).toEqual(saved);
    // One entry for the settings and the recount they caused: one action, done or not done.
    expect(h.display('Journal')).toHaveLength(journal + 1);
    const last = h.display('Journal').at(-1)!;
    expect(last[2]).toBe('Paramètres');
    expect(last[4]).toContain('Zone : B');
    expect(last[5]).toContain('Zone : A');
    expect(last[5]).toContain('Gratification horaire : 4,35');
    expect(last[5]).toContain('Lignes : 10');
  });
});

describe('Alsace-Moselle: Good Friday and 26 December are public holidays', () => {
  let h: Harness;
  let session: SessionView;

  /**
   * A fortnight from Monday 03/04/2023 to Friday 14/04/2023 at 35 h (7 h a day):
   *   10 working days, minus Easter Monday 10/04 → 9 days = 63 h → "9 jours";
   *   in Alsace-Moselle, minus Good Friday 07/04 too → 8 days = 56 h → "8 jours".
   */
  beforeEach(() => {
    h = seededWorkbook();
    session = ok(
      h.call<ApiResult<SessionView>>('apiSaveSession', {
        id: '',
        title: 'Stage de Pâques',
        type: 'Stage BTS',
        schoolYear: '2022-2023',
        diploma: 'BTS Informatique',
        editionLabel: '',
        objectives: '',
        periods: [{ start: '03/04/2023', end: '14/04/2023' }],
      }),
    );
  });

  const assign = (label: string) =>
    ok(
      h.call('apiAssignStudents', {
        sessionId: session.id,
        studentIds: [h.ids.students[label]],
      }),
    );
  const presence = (label: string) =>
    h.stageRows().find((r) => r['Session'] === 'Stage de Pâques' && r['Élève'] === label)![
      'Présence'
    ];
  const alsace = (on: boolean) =>
    ok(
      h.call('apiSaveSettings', {
        ...h.call<SettingsView>('apiGetSettings'),
        alsaceMoselle: on,
      }),
    );

  it('a stage assigned after the setting counts Good Friday off', () => {
    assign('BERNARD Hugo');
    expect(presence('BERNARD Hugo')).toBe('9 jours');
    alsace(true);
    assign('COLIN Sarah');
    expect(presence('COLIN Sarah')).toBe('8 jours');
  });

  it('saving Alsace-Moselle counts the stages already there again; "Recalculer" then has nothing to do', () => {
    assign('BERNARD Hugo');
    alsace(true);
    expect(presence('BERNARD Hugo')).toBe('8 jours');
    h.call('menuRecomputeDurations');
    expect(h.em.sheets.ui.toasts.at(-1)!.message).toBe(
      'Durées recalculées : aucune ligne mise à jour.',
    );
    // Back to the general law.
    alsace(false);
    h.call('menuRecomputeDurations');
    expect(presence('BERNARD Hugo')).toBe('9 jours');
    // The seed's February–March stages hold no such day: they did not move.
    expect(h.stageRows().find((r) => r['Élève'] === 'ACAR Laurie')!['Présence']).toBe(
      '1 mois 21 jours',
    );
  });

  it('the calendar marks 07/04/2023 and 26/12/2022 as public holidays', () => {
    assign('BERNARD Hugo');
    const id = h.stageRows().find((r) => r['Session'] === 'Stage de Pâques')!['ID']!;
    /** The texts of one month's column, from its header "Avr. 23" down. */
    const month = (header: string) => {
      const grid = h.display('Calendrier');
      const top = grid.findIndex((r) => r.includes(header));
      const col = grid[top]!.indexOf(header);
      return grid.slice(top + 1, top + 32).map((r) => r[col]);
    };
    ok(h.call('apiRenderCalendar', { stageId: id }));
    expect(month('Avr. 23')[6]).toBe('Ve. 07');
    expect(month('Déc. 22')[25]).toBe('Lu. 26  Sem 52');
    alsace(true);
    ok(h.call('apiRenderCalendar', { stageId: id }));
    expect(month('Avr. 23')[6]).toBe('Fé. 07');
    expect(month('Déc. 22')[25]).toBe('Fé. 26  Sem 52');
    // Easter Monday and Christmas were holidays already.
    expect(month('Avr. 23')[9]).toBe('Fé. 10  Sem 15');
    expect(month('Déc. 22')[24]).toBe('Fé. 25');
  });
});

describe('weekly hours and the hourly gratification', () => {
  let h: Harness;
  beforeEach(() => {
    h = seededWorkbook();
  });

  it('the default weekly hours apply to the stages assigned after the change', () => {
    ok(h.call('apiSaveSettings', { ...DEFAULTS, defaultWeeklyHours: 28 }));
    const session = ok(
      h.call<ApiResult<SessionView>>('apiSaveSession', {
        id: '',
        title: 'Stage de mai',
        type: 'Stage BTS',
        schoolYear: '2022-2023',
        diploma: '',
        editionLabel: '',
        objectives: '',
        // Monday 15/05 – Friday 26/05/2023: 10 weekdays, Ascension (Thursday 18/05) off → 9.
        periods: [{ start: '15/05/2023', end: '26/05/2023' }],
      }),
    );
    ok(
      h.call('apiAssignStudents', {
        sessionId: session.id,
        studentIds: [h.ids.students['BERNARD Hugo']],
      }),
    );
    // 28 h over Monday–Friday = 5.6 h a day; 9 days × 5.6 h = 50.4 h = 7 days (49 h) + 1.4 h.
    const row = h.stageRows().find((r) => r['Session'] === 'Stage de mai')!;
    expect(row['Présence']).toBe('7 jours 1,4 heure');
  });

  it('the fiche computes the monthly gratification from the hourly rate set', () => {
    // A second stage with the same host in the same school year: 301 h + 119 h > 308 h.
    const session = ok(
      h.call<ApiResult<SessionView>>('apiSaveSession', {
        id: '',
        title: 'BTS 1 info période 2',
        type: 'Stage BTS',
        schoolYear: '2022-2023',
        diploma: '',
        editionLabel: '',
        objectives: '',
        // 02/05–26/05/2023: 19 weekdays, minus 08/05 and Ascension 18/05 → 17 days = 119 h.
        periods: [{ start: '02/05/2023', end: '26/05/2023' }],
      }),
    );
    ok(
      h.call('apiAssignStudents', {
        sessionId: session.id,
        studentIds: [h.ids.students['ACAR Laurie']],
      }),
    );
    const second = h.stageRows().find((r) => r['Session'] === 'BTS 1 info période 2')!;
    expect(second['Présence']).toBe('17 jours');
    h.select(h.rowOf(second['ID']!));
    const sel = h.call<StageSelection>('apiGetSelection');
    ok(
      h.call('apiAffect', {
        stageIds: sel.selectedIds,
        fingerprints: sel.selectedFingerprints,
        companyId: h.ids.companies['CREDIT AGRICOLE DU NORD CAMBRAI'],
      }),
    );
    const first = h.ids.stages['ACAR Laurie']!;
    expect(h.stageRows().find((r) => r['ID'] === first)!['Gratification']).toBe(
      'Due (plus de 2 mois)',
    );
    const gratification = () => {
      h.select(h.rowOf(first));
      return h.call<StageSelection>('apiGetSelection').stage!.gratification;
    };
    // 4,50 € × 22 days × 7 h = 4,50 × 154 = 693,00 €.
    expect(gratification()).toBe('Due (plus de 2 mois) : au moins 693,00 € par mois complet');
    ok(h.call('apiSaveSettings', { ...DEFAULTS, hourlyGratification: 4.35 }));
    // 4,35 × 154 = 669,90 €.
    expect(gratification()).toBe('Due (plus de 2 mois) : au moins 669,90 € par mois complet');
  });
});
