/**
 * A value made safe for Docs' `replaceAllText`, which inserts text as it is (no `$1`, no HTML, no
 * formula is ever interpreted there) but within ONE batchUpdate applies its requests in order: a
 * value that contained `{{eleve.nom}}` would be replaced by a later request. So no value may
 * form a placeholder, alone or with the template's text beside it: every `{{` and `}}` is broken
 * with a WORD JOINER (invisible, and it keeps the braces together on a line), and so is a brace
 * at either end of the value. Line breaks would break the template's paragraph (and its
 * formatting), so they become ", ".
 */

/** U+2060 WORD JOINER: invisible and non-breaking. */
export const WORD_JOINER = '\u2060';

/**
 * Longest value inserted: the longest text the add-on accepts (a session's objectives, 5,000
 * characters) fits; anything longer was pasted by mistake and would drown the document.
 */
export const MAX_VALUE_LENGTH = 5000;

const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
// C0 and C1 controls (tabs become spaces before), lone surrogates, and the byte-order mark.
const CONTROLS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any value as plain, single-line text that can never form a `{{placeholder}}`. */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  let s = text
    .split(LINE_BREAKS)
    .map((line) => line.replace(/\t/g, ' ').replace(CONTROLS, '').trim())
    .filter((line) => line !== '')
    .join(', ');
  if (s.length > MAX_VALUE_LENGTH) {
    let cut = MAX_VALUE_LENGTH - 1;
    // Never split a surrogate pair.
    if (/[\ud800-\udbff]/.test(s.charAt(cut - 1))) cut -= 1;
    s = `${s.slice(0, cut).trimEnd()}…`;
  }
  s = s.replace(/\{(?=\{)/g, `{${WORD_JOINER}`).replace(/\}(?=\})/g, `}${WORD_JOINER}`);
  if (/^[{}]/.test(s)) s = WORD_JOINER + s;
  if (/[{}]$/.test(s)) s += WORD_JOINER;
  return s;
}
