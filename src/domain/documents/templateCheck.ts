/**
 * A template checked before use: the placeholders it holds, and those the add-on does not know,
 * reported by name with a suggestion for a near miss (« {{eleve.nom }} : voulez-vous dire
 * {{eleve.nom}} ? »). An unknown placeholder would stay in every generated document as it is,
 * so the check runs before anything is created.
 */
import { fold } from '../text';
import { isPlaceholderKey, PLACEHOLDER_KEYS, type PlaceholderKey } from './placeholders';

export interface TemplateProblem {
  /** The text as found in the template: "{{eleve.nom }}". */
  found: string;
  /** The known key it most likely means, when there is one. */
  suggestion?: PlaceholderKey;
  /** « {{eleve.nom }} : voulez-vous dire {{eleve.nom}} ? » or « {{x}} : champ inconnu ». */
  message: string;
}

export interface TemplateCheck {
  /** Known placeholders found, each once, in the order they first appear. */
  placeholders: PlaceholderKey[];
  problems: TemplateProblem[];
}

/** Longest text between braces considered a placeholder attempt (longer is ordinary text). */
const MAX_INNER = 60;

/**
 * Any run of braces around a short text without braces or line breaks: "{{eleve.nom}}",
 * "{eleve.nom}", "{{eleve.nom}", "{{ Élève.Nom }}".
 */
const BRACED = new RegExp(`(\\{+)([^{}\\n\\r]{1,${MAX_INNER}})(\\}+)`, 'g');

/** Levenshtein distance, stopped early past `max` (only near misses matter). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** The inner text as the catalog would spell it: no spaces, no accents, lower case. */
function normalisedKey(inner: string): string {
  return fold(inner).replace(/\s+/g, '').replace(/[’']/g, '_');
}

/** The known key a misspelt inner text means: exact after normalising, else the one nearest. */
export function suggestKey(inner: string): PlaceholderKey | undefined {
  const key = normalisedKey(inner);
  if (isPlaceholderKey(key)) return key;
  let best: PlaceholderKey | undefined;
  let bestDistance = 3;
  let tie = false;
  for (const k of PLACEHOLDER_KEYS) {
    const d = editDistance(key, k, 2);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  // Two keys as near as each other: no guess is better than a wrong one.
  return best !== undefined && !tie ? best : undefined;
}

/** True when a braced text looks like an attempt at a placeholder ("{x}" in prose is not). */
function looksLikePlaceholder(inner: string, braces: number): boolean {
  return braces >= 4 || suggestKey(inner) !== undefined;
}

/** The placeholders of a template's text, and the problems to fix before using it. */
export function checkTemplate(text: string): TemplateCheck {
  const placeholders: PlaceholderKey[] = [];
  const problems: TemplateProblem[] = [];
  const reported = new Set<string>();
  for (const m of String(text ?? '').matchAll(BRACED)) {
    const [found, open = '', inner = '', close = ''] = m;
    if (open.length === 2 && close.length === 2 && isPlaceholderKey(inner)) {
      if (!placeholders.includes(inner)) placeholders.push(inner);
      continue;
    }
    if (!looksLikePlaceholder(inner, open.length + close.length) || reported.has(found)) continue;
    reported.add(found);
    const suggestion = suggestKey(inner);
    problems.push(
      suggestion === undefined
        ? { found, message: `${found} : champ inconnu` }
        : { found, suggestion, message: `${found} : voulez-vous dire {{${suggestion}}} ?` },
    );
  }
  return { placeholders, problems };
}
