/**
 * How people and companies read in the sheet, and how a label typed or picked in a cell is turned
 * back into an ID. Cells show labels (what users read and pick from drop-downs) while hidden
 * columns keep IDs (what survives homonyms and renamings); resolveReference arbitrates when they
 * disagree.
 */
import { formatFr } from './dates';
import { squish } from './text';
import type { Student } from './types';

/** "ACAR Laurie": last name in capitals, first name as written. */
export function personLabel(lastName: string, firstName: string): string {
  return squish(`${squish(lastName).toLocaleUpperCase('fr-FR')} ${squish(firstName)}`);
}

/** "M. ECUSSON Blase"; without civility "ECUSSON Blase". For tutors and staff alike. */
export function tutorLabel(t: { civility: string; lastName: string; firstName: string }): string {
  return squish(`${squish(t.civility)} ${personLabel(t.lastName, t.firstName)}`);
}

/** Staff read like tutors ("M. BRUEL Patrick"). */
export const staffLabel = tutorLabel;

/** Equality of labels as users see them: case and spacing do not count, accents do. */
function labelKey(label: string): string {
  return squish(label).normalize('NFC').toLocaleLowerCase('fr-FR');
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * One unique label per student: "MARTIN Léa", or for homonyms "MARTIN Léa (BTS1)", or for
 * homonyms of the same class "MARTIN Léa (BTS1, 12/05/2006)"; as a last resort the ID is added.
 */
export function studentLabels(
  students: readonly Pick<Student, 'id' | 'lastName' | 'firstName' | 'className' | 'birthDate'>[],
): Map<string, string> {
  const labels = new Map<string, string>();
  const byName = groupBy(students, (s) => labelKey(personLabel(s.lastName, s.firstName)));
  for (const homonyms of byName.values()) {
    if (homonyms.length === 1) {
      const s = homonyms[0]!;
      labels.set(s.id, personLabel(s.lastName, s.firstName));
      continue;
    }
    const byClass = groupBy(homonyms, (s) => labelKey(s.className));
    for (const sameClass of byClass.values()) {
      const withDate = groupBy(sameClass, (s) => s.birthDate);
      for (const s of sameClass) {
        const base = personLabel(s.lastName, s.firstName);
        const cls = squish(s.className) || 'sans classe';
        if (sameClass.length === 1) {
          labels.set(s.id, `${base} (${cls})`);
        } else if (s.birthDate !== '' && withDate.get(s.birthDate)!.length === 1) {
          labels.set(s.id, `${base} (${cls}, ${formatFr(s.birthDate)})`);
        } else {
          labels.set(s.id, `${base} (${cls}, ${s.id})`);
        }
      }
    }
  }
  return labels;
}

/**
 * Which entity a cell means, given its visible label and the ID kept beside it:
 * - empty label: the reference was cleared → `{ id: '' }`;
 * - the ID exists and its entity's label is the cell's: that ID;
 * - the label names exactly one entity (the user picked or typed another one, or the ID column
 *   is empty): that entity;
 * - the label names no entity but the ID exists (the entity was renamed since): the ID;
 * - otherwise a French error (unknown or ambiguous label).
 * `listName` completes the messages: « … ne figure pas dans <listName>. »
 */
export function resolveReference<T extends { id: string }>(
  label: string,
  id: string,
  entities: readonly T[],
  labelOf: (t: T) => string,
  listName = 'la liste',
): { id: string } | { error: string } {
  const key = labelKey(label);
  if (key === '') return { id: '' };
  const byId = id === '' ? undefined : entities.find((e) => e.id === id);
  if (byId && labelKey(labelOf(byId)) === key) return { id: byId.id };
  const matches = entities.filter((e) => labelKey(labelOf(e)) === key);
  if (matches.length === 1) return { id: matches[0]!.id };
  if (matches.length === 0) {
    if (byId) return { id: byId.id };
    return { error: `« ${squish(label)} » ne figure pas dans ${listName}.` };
  }
  return {
    error: `« ${squish(label)} » désigne ${matches.length} fiches de ${listName} : choisissez la bonne dans la liste déroulante.`,
  };
}
