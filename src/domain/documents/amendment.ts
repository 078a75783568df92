/**
 * An avenant's values: what changed between the convention as it was generated (its fields,
 * kept by the register) and the stage today. Compared on the documents' own values, so a change
 * the convention does not show (a renamed label, an ID) is no change, and "sans changement" is
 * written where nothing moved.
 */
import type { PlaceholderValues } from './placeholders';

export const UNCHANGED = 'sans changement';
export const NOT_APPLICABLE = 'sans objet';

type AvenantKey =
  | 'avenant.objet'
  | 'avenant.dates'
  | 'avenant.entreprise'
  | 'avenant.tuteur'
  | 'avenant.referent'
  | 'avenant.arret';

export interface Amendment {
  values: Record<AvenantKey, string>;
  /** True when anything the convention shows changed (dates, host, tutor, referent, a stop). */
  changed: boolean;
}

type Snapshot = Readonly<Partial<Record<string, string>>>;

const at = (s: Snapshot, key: string): string => s[key] ?? '';

/** The end the stage was agreed to have: its initial end when stopped since (the stop is apart). */
function agreedEnd(f: Snapshot): string {
  return at(f, 'arret.date') !== '' && at(f, 'stage.fin_initiale') !== ''
    ? at(f, 'stage.fin_initiale')
    : at(f, 'stage.fin');
}

function differs(before: Snapshot, now: Snapshot, keys: readonly string[]): boolean {
  return keys.some((k) => at(before, k) !== at(now, k));
}

function withDetail(main: string, detail: string): string {
  return detail === '' ? main : `${main} (${detail})`;
}

/** The avenant.* values from the convention's fields and today's. */
export function amendmentFields(convention: Snapshot, current: PlaceholderValues): Amendment {
  const now: Snapshot = current;
  const datesChanged =
    at(convention, 'stage.debut') !== at(now, 'stage.debut') ||
    agreedEnd(convention) !== agreedEnd(now);
  const companyChanged = differs(convention, now, ['entreprise.nom', 'entreprise.siret']);
  const tutorChanged = differs(convention, now, ['tuteur.nom']);
  const referentChanged = differs(convention, now, ['referent.nom']);
  const stopped =
    at(now, 'arret.date') !== '' && at(now, 'arret.date') !== at(convention, 'arret.date');

  const startAndAgreedEnd = (): string => {
    const start = at(now, 'stage.debut');
    const end = agreedEnd(now);
    return start !== '' && end !== '' ? `du ${start} au ${end}` : at(now, 'stage.dates');
  };
  const stopText = (): string =>
    withDetail(
      `arrêté le ${at(now, 'arret.date')}`,
      at(now, 'arret.motif') && `motif : ${at(now, 'arret.motif')}`,
    );

  const subjects: string[] = [];
  if (stopped) subjects.push(`arrêt du stage le ${at(now, 'arret.date')}`);
  if (datesChanged) subjects.push('nouvelles dates');
  if (companyChanged) subjects.push("changement d'entreprise");
  if (tutorChanged) subjects.push('changement de tuteur');
  if (referentChanged) subjects.push('changement de référent');
  const objet = subjects.join(' ; ');

  return {
    changed: subjects.length > 0,
    values: {
      'avenant.objet':
        objet === '' ? 'Aucune modification' : objet.charAt(0).toUpperCase() + objet.slice(1),
      'avenant.dates': datesChanged ? startAndAgreedEnd() : UNCHANGED,
      'avenant.entreprise': companyChanged
        ? withDetail(at(now, 'entreprise.nom'), at(now, 'entreprise.adresse_complete'))
        : UNCHANGED,
      'avenant.tuteur': tutorChanged
        ? withDetail(at(now, 'tuteur.nom'), at(now, 'tuteur.fonction'))
        : UNCHANGED,
      'avenant.referent': referentChanged ? at(now, 'referent.nom') : UNCHANGED,
      'avenant.arret': stopped ? stopText() : NOT_APPLICABLE,
    },
  };
}
