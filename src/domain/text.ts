/** Text helpers shared by labels, filters, imports and form validation. */

/** A form field as the sidebar sent it, never trusted: anything but a string reads as ''. */
export function typed(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Trims and collapses inner whitespace (non-breaking spaces included). */
export function squish(s: string): string {
  return String(s ?? '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/**
 * Case- and accent-insensitive form: "Élève  MARTIN" → "eleve martin". Ligatures found in French
 * names are expanded (œ → oe, æ → ae) so that "Cœur" matches "coeur".
 */
export function fold(s: string): string {
  return squish(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/** True when every word of `query` appears in `text` (folded), in any order: "laurie acar". */
export function matchesWords(text: string, query: string): boolean {
  const haystack = fold(text);
  return fold(query)
    .split(' ')
    .filter((w) => w !== '')
    .every((w) => haystack.includes(w));
}

/**
 * « de » before a person's name, elided as French writes it: « d’ACNA Camille », « d’Yves »,
 * « de BENALI Sami », « de YILMAZ Ece » (a y before a vowel sounds as a consonant). An h is left
 * alone: whether it is mute (« d’Hélène ») or aspirated (« de Henri ») cannot be told from the
 * name, and « de » is never wrong enough to shock.
 */
export function deOrD(name: string): string {
  const n = name.trim();
  const elided = /^[aeiouàâäéèêëîïôöùûüœæ]/i.test(n) || /^y(?![aeiouàâäéèêëîïôöùûü])/i.test(n);
  return elided ? `d’${n}` : `de ${n}`;
}
