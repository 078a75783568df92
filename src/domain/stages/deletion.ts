/**
 * "Supprimer le stage" (a row created by mistake) and "Retirer l'élève de la session" (every
 * stage of the student in that session). The absences of a deleted stage only describe its days:
 * they go with it, kept in the journal. Its visits are a record of the follow-up (a teacher went
 * there, perhaps claimed the trip): a stage that has any is not deleted; they are removed first,
 * one by one, or the stage is stopped rather than deleted.
 */
import type { Result } from '../types';
import { fail, ok } from '../types';

export type DeletionScope = 'stage' | 'session';

/** Why the deletion cannot be done, or '' when it can. */
export function deletionBlocker(scope: DeletionScope, visits: number): string {
  if (visits === 0) return '';
  const what = scope === 'stage' ? 'Ce stage a' : 'Les stages de cet élève dans cette session ont';
  return (
    `${what} ${visits === 1 ? 'une visite enregistrée' : `${visits} visites enregistrées`} : ` +
    'une visite est une trace du suivi, elle n’est jamais effacée avec un stage. Supprimez ' +
    'd’abord les visites (onglet Visites de la fiche) si elles sont une erreur ; sinon, arrêtez ' +
    'le stage plutôt que de le supprimer.'
  );
}

/**
 * The stages to delete must be those the confirmation showed, unchanged: a stage added, gone or
 * edited since means the user confirmed something else.
 */
export function checkConfirmed(
  now: readonly { id: string; fingerprint: string }[],
  shown: readonly { id: string; fingerprint: string }[],
): Result<true> {
  const key = (list: readonly { id: string; fingerprint: string }[]) =>
    list
      .map((s) => `${s.id}:${s.fingerprint}`)
      .sort()
      .join('|');
  if (shown.length === 0 || key(now) !== key(shown)) {
    return fail(
      'Ce qui serait supprimé a changé depuis la confirmation affichée : rien n’a été supprimé. ' +
        'Relisez la liste, puis confirmez à nouveau.',
    );
  }
  return ok(true);
}
