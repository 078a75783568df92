/**
 * « Conventions à relancer » on a fixed day: why a stage is to chase at the limits of N days
 * (sent, not back) and M days (starting soon), stopped stages and complete conventions left out;
 * the prepared e-mail's addressee (the tutor, else the student) and its mailto: encoding.
 */
import { describe, expect, it } from 'vitest';
import {
  type ChaseStage,
  chaseCause,
  chaseCountText,
  chaseReason,
  dashboardCounts,
  dashboardGrid,
  isMailAddress,
  type ReminderFacts,
  reminderAddressee,
  reminderMailto,
} from '../../../src/domain/documents/reminders';
import type { DocLife, DocStatus } from '../../../src/domain/documents/signatures';

const TODAY = '2026-11-30';
const N = 10;
const M = 15;

function life(status: DocStatus, sentOn = ''): DocLife {
  return {
    status,
    generatedOn: '2026-10-01',
    sentOn,
    studentOn: '',
    companyOn: '',
    schoolOn: '',
    companyCopyOn: '',
    studentCopyOn: '',
    referentCopyOn: '',
    cancelledOn: '',
  };
}

const stage = (more: Partial<ChaseStage> = {}): ChaseStage => ({
  stageId: 'STG-1',
  start: '2027-03-01',
  stoppedOn: '',
  convention: null,
  ...more,
});

const reason = (s: ChaseStage) => chaseReason(s, TODAY, N, M);

describe('chaseReason: sent and not back after N days', () => {
  it('is due on the Nth day after sending, not the day before', () => {
    expect(reason(stage({ convention: life('Envoyée', '2026-11-20') }))).toBe(
      'envoyée le 20/11/2026, pas revenue signée',
    );
    expect(reason(stage({ convention: life('Envoyée', '2026-11-21') }))).toBe('');
  });

  it('counts a convention signed by the student only as not back', () => {
    expect(reason(stage({ convention: life('Signée stagiaire', '2026-11-01') }))).toBe(
      'envoyée le 01/11/2026, pas revenue signée',
    );
  });

  it('is over once the company signed, or when the convention was never sent', () => {
    for (const status of ['Signée entreprise', 'Signée établissement', 'Complète'] as const)
      expect(reason(stage({ convention: life(status, '2026-11-01') }))).toBe('');
    expect(reason(stage({ convention: life('Générée') }))).toBe('');
  });

  it('follows the threshold given', () => {
    const s = stage({ convention: life('Envoyée', '2026-11-27') });
    expect(chaseReason(s, TODAY, 3, M)).toBe('envoyée le 27/11/2026, pas revenue signée');
    expect(chaseReason(s, TODAY, 4, M)).toBe('');
  });
});

describe('chaseReason: a stage starting within M days without a complete convention', () => {
  it('is due from today to the Mth day, not the day after nor a stage already begun', () => {
    expect(reason(stage({ start: TODAY }))).toBe('commence le 30/11/2026, aucune convention');
    expect(reason(stage({ start: '2026-12-15' }))).toBe(
      'commence le 15/12/2026, aucune convention',
    );
    expect(reason(stage({ start: '2026-12-16' }))).toBe('');
    expect(reason(stage({ start: '2026-11-29' }))).toBe('');
    expect(reason(stage({ start: '' }))).toBe('');
  });

  it('says how far the convention went, in words', () => {
    const at = (status: DocStatus, sentOn = '2026-11-25') =>
      reason(stage({ start: '2026-12-01', convention: life(status, sentOn) }));
    expect(at('Générée', '')).toBe('commence le 01/12/2026, convention générée seulement');
    expect(at('Envoyée')).toBe('commence le 01/12/2026, convention envoyée, pas revenue signée');
    expect(at('Signée stagiaire')).toBe(
      'commence le 01/12/2026, convention signée par l’élève seulement',
    );
    expect(at('Signée entreprise')).toBe(
      'commence le 01/12/2026, convention signée par l’entreprise, pas par l’établissement',
    );
    expect(at('Signée établissement')).toBe(
      'commence le 01/12/2026, convention signée, exemplaires à remettre',
    );
  });

  it('tells a stage starting soon from a convention sent and not back', () => {
    expect(chaseCause(stage({ start: '2026-12-01' }), TODAY, N, M)?.kind).toBe('starting');
    expect(
      chaseCause(
        stage({ start: '2026-12-01', convention: life('Envoyée', '2026-11-02') }),
        TODAY,
        N,
        M,
      )?.kind,
    ).toBe('overdue');
    expect(chaseCause(stage({ start: '2027-03-01' }), TODAY, N, M)).toBeNull();
  });

  it('leaves a complete convention alone', () => {
    expect(reason(stage({ start: '2026-12-01', convention: life('Complète', '2026-11-02') }))).toBe(
      '',
    );
  });

  it('gives the older reason first: sent and not back', () => {
    expect(reason(stage({ start: '2026-12-01', convention: life('Envoyée', '2026-11-02') }))).toBe(
      'envoyée le 02/11/2026, pas revenue signée',
    );
  });
});

describe('chaseReason: a stopped stage', () => {
  it('is never to chase', () => {
    expect(
      reason(stage({ stoppedOn: '2026-11-10', convention: life('Envoyée', '2026-10-01') })),
    ).toBe('');
    expect(reason(stage({ stoppedOn: '2026-11-10', start: '2026-12-01' }))).toBe('');
  });
});

describe('reminderAddressee', () => {
  const tutor = { name: 'M. BONNET Frédéric', email: 'f.bonnet@banque.example' };
  const student = { name: 'ACAR Laurie', email: 'laurie.acar@eleve.example', firstName: 'Laurie' };

  it('is the tutor, greeted by name, when they have an address', () => {
    expect(reminderAddressee(tutor, student)).toEqual({
      to: 'f.bonnet@banque.example',
      toName: 'M. BONNET Frédéric',
      toStudent: false,
      addressee: 'le tuteur (M. BONNET Frédéric)',
    });
  });

  it('falls back to the student, greeted by first name, when the tutor has no usable address', () => {
    const toStudent = {
      to: 'laurie.acar@eleve.example',
      toName: 'Laurie',
      toStudent: true,
      addressee: 'l’élève (ACAR Laurie)',
    };
    expect(reminderAddressee({ ...tutor, email: '' }, student)).toEqual(toStudent);
    expect(reminderAddressee({ ...tutor, email: 'pas d’adresse' }, student)).toEqual(toStudent);
    expect(reminderAddressee(null, student)).toEqual(toStudent);
  });

  it('is nobody when neither has an address', () => {
    expect(reminderAddressee({ ...tutor, email: '' }, { ...student, email: ' ' })).toEqual({
      to: '',
      toName: '',
      toStudent: false,
      addressee: '',
    });
    expect(reminderAddressee(null, null).to).toBe('');
  });
});

describe('isMailAddress', () => {
  it('takes one address, nothing that would end it in a link', () => {
    expect(isMailAddress(' a.b@c.fr ')).toBe(true);
    for (const bad of [
      '',
      'a@',
      '@c.fr',
      'a b@c.fr',
      'a@b@c.fr',
      'a@c.fr?cc=x',
      'a&b@c.fr',
      'a@c#',
    ])
      expect(isMailAddress(bad), bad).toBe(false);
  });
});

describe('reminderMailto', () => {
  const facts: ReminderFacts = {
    to: 'tuteur@example.fr',
    toName: 'M. BONNET Frédéric',
    toStudent: false,
    student: 'ÉLOI Zoé',
    company: 'Dupont & Fils? SARL',
    start: '2026-12-07',
    status: 'Envoyée',
    sentOn: '2026-11-16',
    sender: 'M. BRUEL Patrick',
    school: 'Lycée Fénelon',
  };
  const parts = (link: string) => {
    const m = /^mailto:([^?]*)\?subject=([^&]*)&body=([^&]*)$/.exec(link);
    if (!m) throw new Error(`pas un lien mailto: ${link}`);
    return { to: m[1]!, subject: m[2]!, body: m[3]! };
  };
  const body = (f: ReminderFacts) =>
    decodeURIComponent(parts(reminderMailto(f)).body).split('\r\n');
  const subject = (f: ReminderFacts) => decodeURIComponent(parts(reminderMailto(f)).subject);

  it('keeps the address readable and encodes subject and body as one query each', () => {
    const p = parts(reminderMailto(facts));
    expect(p.to).toBe('tuteur@example.fr');
    expect(p.subject).toBe(
      'Convention%20de%20stage%20d%E2%80%99%C3%89LOI%20Zo%C3%A9%20%E2%80%93%20relance',
    );
    expect(subject(facts)).toBe('Convention de stage d’ÉLOI Zoé – relance');
    // & and ? of the company's name cannot end the body or start another field.
    expect(p.body).toContain('Dupont%20%26%20Fils%3F%20SARL');
    expect(p.body).not.toMatch(/[&?\s]/);
    expect(p.body).toContain('%0D%0A');
  });

  it('to the tutor, a convention sent and not back: asks for it signed, with the dates', () => {
    expect(body(facts)).toEqual([
      'Bonjour M. BONNET Frédéric,',
      '',
      'La convention de stage d’ÉLOI Zoé chez Dupont & Fils? SARL vous a été envoyée le 16/11/2026 et ne nous est pas encore revenue signée.',
      'Le stage commence le 07/12/2026 : la convention doit être signée avant.',
      'Pourriez-vous nous la retourner signée dès que possible ?',
      '',
      'Cordialement,',
      'M. BRUEL Patrick',
      'Lycée Fénelon',
    ]);
  });

  it('elides before a vowel only', () => {
    expect(subject({ ...facts, student: 'ACNA Camille' })).toBe(
      'Convention de stage d’ACNA Camille – relance',
    );
    expect(subject({ ...facts, student: 'BENALI Sami' })).toBe(
      'Convention de stage de BENALI Sami – relance',
    );
  });

  it('to the student: speaks to them by first name, « vous », never of them', () => {
    const lines = body({
      ...facts,
      to: 'eleve@example.fr',
      toName: 'Zoé',
      toStudent: true,
      company: '',
      start: '',
      school: '',
    });
    expect(lines).toEqual([
      'Bonjour Zoé,',
      '',
      'Votre convention de stage a été envoyée le 16/11/2026 et ne nous est pas encore revenue signée.',
      'Pourriez-vous veiller à ce qu’elle nous soit retournée signée dès que possible ?',
      '',
      'Cordialement,',
      'M. BRUEL Patrick',
    ]);
    expect(lines.join(' ')).not.toContain('ÉLOI');
  });

  it('no convention yet: announced to the tutor, nothing to return, no start without it', () => {
    const none = { ...facts, status: '', sentOn: '' } as const;
    expect(subject(none)).toBe('Convention de stage d’ÉLOI Zoé – en préparation');
    const lines = body(none);
    expect(lines.slice(2, 4)).toEqual([
      'La convention de stage d’ÉLOI Zoé chez Dupont & Fils? SARL est en préparation : elle vous sera envoyée très prochainement pour signature.',
      'Le stage commence le 07/12/2026 : il ne peut pas commencer sans la convention signée.',
    ]);
    expect(lines.join(' ')).not.toMatch(/retourner|retournée/);
    expect(body({ ...none, status: 'Générée' })[2]).toBe(
      'La convention de stage d’ÉLOI Zoé chez Dupont & Fils? SARL est prête : elle vous sera envoyée très prochainement pour signature.',
    );
  });

  it('no convention yet, to the student: « Votre stage commence… », handed to them', () => {
    const lines = body({
      ...facts,
      to: 'eleve@example.fr',
      toName: 'Zoé',
      toStudent: true,
      status: '',
      sentOn: '',
    });
    expect(lines.slice(0, 4)).toEqual([
      'Bonjour Zoé,',
      '',
      'Votre convention de stage chez Dupont & Fils? SARL est en préparation : elle vous sera remise très prochainement pour signature.',
      'Votre stage commence le 07/12/2026 : il ne peut pas commencer sans la convention signée.',
    ]);
  });

  it('signed by the company: says what is left, asks nothing back', () => {
    const lines = body({ ...facts, status: 'Signée entreprise' });
    expect(lines.slice(2, 4)).toEqual([
      'La convention de stage d’ÉLOI Zoé chez Dupont & Fils? SARL, signée par l’entreprise, attend encore la signature de l’établissement.',
      'Votre exemplaire vous sera remis avant le début du stage, le 07/12/2026.',
    ]);
    expect(lines.join(' ')).not.toMatch(/retourner|retournée/);
  });

  it('encodes what an address may hold besides the @, and is empty without an address', () => {
    expect(parts(reminderMailto({ ...facts, to: ' jean+stage@ex.fr ' })).to).toBe(
      'jean%2Bstage@ex.fr',
    );
    expect(reminderMailto({ ...facts, to: '' })).toBe('');
    expect(reminderMailto({ ...facts, to: 'a@b.fr?bcc=x@y.fr' })).toBe('');
  });
});

describe('chaseCountText', () => {
  it('says conventions only when every stage to chase has one sent and not back', () => {
    expect(chaseCountText(0, 0)).toBe('aucune convention à relancer');
    expect(chaseCountText(1, 1)).toBe('1 convention à relancer');
    expect(chaseCountText(3, 3)).toBe('3 conventions à relancer');
  });

  it('says stages when some have no convention, or one not sent yet', () => {
    expect(chaseCountText(9, 1)).toBe(
      '9 stages à relancer (dont 1 convention envoyée non revenue)',
    );
    expect(chaseCountText(9, 2)).toBe(
      '9 stages à relancer (dont 2 conventions envoyées non revenues)',
    );
    expect(chaseCountText(9, 0)).toBe('9 stages à relancer');
    expect(chaseCountText(1, 0)).toBe('1 stage à relancer');
  });
});

describe('dashboardCounts', () => {
  it('accounts for every stage: the conventions by step, then the stages without one', () => {
    // A session of 10 stages with 2 conventions shows the 8 others.
    expect(dashboardCounts(['Envoyée', ''], 10)).toEqual([
      { label: 'Générées', count: 2 },
      { label: 'Envoyées', count: 1 },
      { label: 'Signées', count: 0 },
      { label: 'Complètes', count: 0 },
      { label: 'Sans convention', count: 8 },
    ]);
    expect(dashboardCounts(['Complète'], 1).at(-1)).toEqual({ label: 'Sans convention', count: 0 });
  });

  it('prints the row of stages without a convention with a bar of its own colour', () => {
    const counts = dashboardCounts(['Générée', 'Générée'], 4);
    const g = dashboardGrid('BTS', 4, counts, '2026-11-30');
    expect(g.values[7]!.slice(0, 3)).toEqual(['Sans convention', '2', '50 %']);
    const generated = g.backgrounds[3]![3];
    const missing = g.backgrounds[7]![3];
    expect(generated).toBeTruthy();
    expect(missing).toBeTruthy();
    expect(missing).not.toBe(generated);
  });
});
