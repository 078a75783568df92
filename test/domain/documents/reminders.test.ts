/**
 * « Conventions à relancer » on a fixed day: why a stage is to chase at the limits of N days
 * (sent, not back) and M days (starting soon), stopped stages and complete conventions left out;
 * the prepared e-mail's addressee (the tutor, else the student) and its mailto: encoding.
 */
import { describe, expect, it } from 'vitest';
import {
  type ChaseStage,
  chaseReason,
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
    expect(reason(stage({ start: TODAY }))).toBe('stage le 30/11/2026, pas de convention');
    expect(reason(stage({ start: '2026-12-15' }))).toBe('stage le 15/12/2026, pas de convention');
    expect(reason(stage({ start: '2026-12-16' }))).toBe('');
    expect(reason(stage({ start: '2026-11-29' }))).toBe('');
    expect(reason(stage({ start: '' }))).toBe('');
  });

  it('says how far the convention went', () => {
    expect(reason(stage({ start: '2026-12-01', convention: life('Générée') }))).toBe(
      'stage le 01/12/2026, convention : générée',
    );
    expect(
      reason(stage({ start: '2026-12-01', convention: life('Signée entreprise', '2026-11-25') })),
    ).toBe('stage le 01/12/2026, convention : signée entreprise');
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
  const student = { name: 'ACAR Laurie', email: 'laurie.acar@eleve.example' };

  it('is the tutor, greeted by name, when they have an address', () => {
    expect(reminderAddressee(tutor, student)).toEqual({
      to: 'f.bonnet@banque.example',
      toName: 'M. BONNET Frédéric',
      addressee: 'le tuteur (M. BONNET Frédéric)',
    });
  });

  it('falls back to the student when the tutor has no usable address', () => {
    const toStudent = {
      to: 'laurie.acar@eleve.example',
      toName: '',
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
    student: 'ÉLOI Zoé',
    company: 'Dupont & Fils? SARL',
    start: '2026-12-07',
    sentOn: '2026-11-16',
    sender: 'M. BRUEL Patrick',
    school: 'Lycée Fénelon',
  };
  const parts = (link: string) => {
    const m = /^mailto:([^?]*)\?subject=([^&]*)&body=([^&]*)$/.exec(link);
    if (!m) throw new Error(`pas un lien mailto: ${link}`);
    return { to: m[1]!, subject: m[2]!, body: m[3]! };
  };

  it('keeps the address readable and encodes subject and body as one query each', () => {
    const p = parts(reminderMailto(facts));
    expect(p.to).toBe('tuteur@example.fr');
    expect(p.subject).toBe(
      'Convention%20de%20stage%20de%20%C3%89LOI%20Zo%C3%A9%20%E2%80%93%20relance',
    );
    expect(decodeURIComponent(p.subject)).toBe('Convention de stage de ÉLOI Zoé – relance');
    // & and ? of the company's name cannot end the body or start another field.
    expect(p.body).toContain('Dupont%20%26%20Fils%3F%20SARL');
    expect(p.body).not.toMatch(/[&?\s]/);
  });

  it('writes the lines with CRLF, greeting, dates and signature', () => {
    const body = decodeURIComponent(parts(reminderMailto(facts)).body);
    expect(body.split('\r\n')).toEqual([
      'Bonjour M. BONNET Frédéric,',
      '',
      'La convention de stage de ÉLOI Zoé chez Dupont & Fils? SARL vous a été envoyée le 16/11/2026 et ne nous est pas encore revenue signée.',
      'Le stage commence le 07/12/2026 : la convention doit être signée avant.',
      'Pourriez-vous nous la retourner signée dès que possible ?',
      '',
      'Cordialement,',
      'M. BRUEL Patrick',
      'Lycée Fénelon',
    ]);
    expect(parts(reminderMailto(facts)).body).toContain('%0D%0A');
  });

  it('to the student: « Bonjour, », a convention not sent, no start, no school', () => {
    const body = decodeURIComponent(
      parts(
        reminderMailto({
          ...facts,
          to: 'eleve@example.fr',
          toName: '',
          company: '',
          sentOn: '',
          start: '',
          school: '',
        }),
      ).body,
    );
    expect(body.split('\r\n')).toEqual([
      'Bonjour,',
      '',
      'La convention de stage de ÉLOI Zoé n’est pas encore signée.',
      'Pourriez-vous nous la retourner signée dès que possible ?',
      '',
      'Cordialement,',
      'M. BRUEL Patrick',
    ]);
  });

  it('encodes what an address may hold besides the @, and is empty without an address', () => {
    expect(parts(reminderMailto({ ...facts, to: ' jean+stage@ex.fr ' })).to).toBe(
      'jean%2Bstage@ex.fr',
    );
    expect(reminderMailto({ ...facts, to: '' })).toBe('');
    expect(reminderMailto({ ...facts, to: 'a@b.fr?bcc=x@y.fr' })).toBe('');
  });
});
