/**
 * The life of a document as a state machine: every step from every status, allowed or refused,
 * and the dates a step may bear.
 */
import { describe, expect, it } from 'vitest';
import {
  applyStep,
  awaitingReturnSince,
  copiesLeft,
  type DocLife,
  type DocStatus,
  generatedDay,
  isFrozen,
  nextStep,
  type Step,
  STEPS,
  stageStatusText,
} from '../../../src/domain/documents/signatures';

const TODAY = '2026-11-30';
const blank: DocLife = {
  status: 'Générée',
  generatedOn: '2026-11-02',
  sentOn: '',
  studentOn: '',
  companyOn: '',
  schoolOn: '',
  companyCopyOn: '',
  studentCopyOn: '',
  referentCopyOn: '',
  cancelledOn: '',
};

/** A document taken to `status` through the ordinary steps, each a day after the other. */
function at(status: DocStatus): DocLife {
  if (status === 'Annulée') return { ...blank, status, cancelledOn: '2026-11-03' };
  if (status === 'Remplacée') return { ...blank, status };
  const path: Step[] = ['sent', 'student', 'company', 'school', 'copies'];
  let life = blank;
  for (const [i, step] of path.entries()) {
    if (life.status === status) break;
    const r = applyStep(life, step, `2026-11-1${i}`, TODAY);
    if (!r.ok) throw new Error(r.error);
    life = r.value;
  }
  expect(life.status).toBe(status);
  return life;
}

type Expect = DocStatus | RegExp;
/** From each status, what each step leads to (a status) or the message refusing it. */
const TABLE: Record<DocStatus, Record<Step, Expect>> = {
  Générée: {
    sent: 'Envoyée',
    student: /d’abord l’envoi/,
    company: /d’abord l’envoi/,
    school: /d’abord l’envoi/,
    companyCopy: /signé par l’établissement : enregistrez d’abord l’envoi/,
    studentCopy: /signé par l’établissement/,
    referentCopy: /signé par l’établissement/,
    copies: /signé par l’établissement/,
    cancel: 'Annulée',
  },
  Envoyée: {
    sent: /déjà enregistrée/,
    student: 'Signée stagiaire',
    company: /d’abord la signature du stagiaire/,
    school: /d’abord la signature du stagiaire/,
    companyCopy: /signé par l’établissement/,
    studentCopy: /signé par l’établissement/,
    referentCopy: /signé par l’établissement/,
    copies: /signé par l’établissement/,
    cancel: 'Annulée',
  },
  'Signée stagiaire': {
    sent: /déjà enregistrée/,
    student: /déjà enregistrée/,
    company: 'Signée entreprise',
    school: /d’abord la signature de l’entreprise/,
    companyCopy: /signé par l’établissement/,
    studentCopy: /signé par l’établissement/,
    referentCopy: /signé par l’établissement/,
    copies: /signé par l’établissement/,
    cancel: 'Annulée',
  },
  'Signée entreprise': {
    sent: /déjà enregistrée/,
    student: /déjà enregistrée/,
    company: /déjà enregistrée/,
    school: 'Signée établissement',
    companyCopy: /d’abord la signature de l’établissement/,
    studentCopy: /signé par l’établissement/,
    referentCopy: /signé par l’établissement/,
    copies: /signé par l’établissement/,
    cancel: 'Annulée',
  },
  'Signée établissement': {
    sent: /déjà enregistrée/,
    student: /déjà enregistrée/,
    company: /déjà enregistrée/,
    school: /déjà enregistrée/,
    companyCopy: 'Signée établissement',
    studentCopy: 'Signée établissement',
    referentCopy: 'Signée établissement',
    copies: 'Complète',
    cancel: 'Annulée',
  },
  Complète: {
    sent: /déjà complet/,
    student: /déjà complet/,
    company: /déjà complet/,
    school: /déjà complet/,
    companyCopy: /déjà complet/,
    studentCopy: /déjà complet/,
    referentCopy: /déjà complet/,
    copies: /déjà complet/,
    cancel: /avenant/,
  },
  Annulée: Object.fromEntries(STEPS.map((s) => [s, /annulé/])) as Record<Step, Expect>,
  Remplacée: Object.fromEntries(STEPS.map((s) => [s, /remplacé/])) as Record<Step, Expect>,
};

describe('every step from every status', () => {
  const cases = Object.entries(TABLE).flatMap(([from, steps]) =>
    Object.entries(steps).map(([step, want]) => ({
      from: from as DocStatus,
      step: step as Step,
      want,
    })),
  );
  it.each(cases)('$from + $step', ({ from, step, want }) => {
    const r = applyStep(at(from), step, '2026-11-20', TODAY);
    if (typeof want === 'string') {
      expect(r.ok, r.ok ? '' : r.error).toBe(true);
      if (r.ok) expect(r.value.status).toBe(want);
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(want);
    }
  });
});

describe('the dates a step may bear', () => {
  it('refuses a day before the generation, in the future, or before the last step', () => {
    const before = applyStep(blank, 'sent', '2026-11-01', TODAY);
    expect(before.ok || before.error).toMatch(/avant la génération du document \(02\/11\/2026\)/);
    const future = applyStep(blank, 'sent', '2026-12-01', TODAY);
    expect(future.ok || future.error).toMatch(/01\/12\/2026 est dans le futur/);
    const sent = at('Envoyée');
    const early = applyStep(sent, 'student', '2026-11-09', TODAY);
    expect(early.ok || early.error).toMatch(/avant la dernière étape enregistrée \(10\/11\/2026\)/);
  });

  it('accepts the generation day itself and today', () => {
    expect(applyStep(blank, 'sent', '2026-11-02', TODAY).ok).toBe(true);
    expect(applyStep(blank, 'sent', TODAY, TODAY).ok).toBe(true);
  });

  it('a cancellation is dated like any step but may come after a later one', () => {
    const r = applyStep(at('Signée entreprise'), 'cancel', '2026-11-12', TODAY);
    expect(r.ok && r.value.cancelledOn).toBe('2026-11-12');
  });
});

describe('copies', () => {
  it('one by one: complete with the last copy only; a copy handed twice is refused', () => {
    let life = at('Signée établissement');
    expect(copiesLeft(life)).toHaveLength(3);
    for (const c of ['companyCopy', 'studentCopy'] as const) {
      const r = applyStep(life, c, '2026-11-20', TODAY);
      if (!r.ok) throw new Error(r.error);
      life = r.value;
      expect(life.status).toBe('Signée établissement');
    }
    const twice = applyStep(life, 'studentCopy', '2026-11-21', TODAY);
    expect(twice.ok || twice.error).toMatch(/déjà noté comme remis/);
    expect(nextStep(life)).toBe('copies');
    const last = applyStep(life, 'copies', '2026-11-21', TODAY);
    expect(last.ok && last.value).toMatchObject({
      status: 'Complète',
      referentCopyOn: '2026-11-21',
    });
  });
});

describe('what the sheet and the sidebar show', () => {
  it('the next step of each status', () => {
    expect(nextStep(at('Générée'))).toBe('sent');
    expect(nextStep(at('Signée stagiaire'))).toBe('company');
    expect(nextStep(at('Complète'))).toBe('');
    expect(nextStep(at('Annulée'))).toBe('');
  });

  it('the short status of the Stages sheet', () => {
    expect(stageStatusText('Convention', 'Signée entreprise')).toBe(
      'Convention : signée entreprise',
    );
  });

  it('frozen from « Envoyée » on, not when cancelled or replaced', () => {
    expect(isFrozen('Générée')).toBe(false);
    expect(['Envoyée', 'Signée stagiaire', 'Complète'].every(isFrozen)).toBe(true);
    expect(isFrozen('Annulée') || isFrozen('Remplacée') || isFrozen('')).toBe(false);
  });

  it('awaits its return while sent and not signed by the company', () => {
    expect(awaitingReturnSince(at('Signée stagiaire'))).toBe('2026-11-10');
    expect(awaitingReturnSince(at('Signée entreprise'))).toBe('');
  });

  it('reads the day of « Généré le »', () => {
    expect(generatedDay('02/11/2026 10:12:00')).toBe('2026-11-02');
    expect(generatedDay('')).toBe('');
  });
});
