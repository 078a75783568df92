/**
 * A text field's length limit, shown rather than enforced: a visible counter ("123 / 500") that
 * turns red past the limit, and nothing typed or pasted is ever cut (no `maxLength`): the server
 * refuses over-long text with a French message, and the user decides what to remove.
 *
 * For screen readers the counter is part of the field's description (read with the field), and
 * a polite live region speaks only when the text crosses a threshold (the last tenth, the limit),
 * never at each keystroke.
 */
import { type Field, h } from './dom';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** The state a count is in; the live region speaks only when it changes. */
type Zone = 'room' | 'near' | 'full' | 'over';

function zoneOf(length: number, max: number): Zone {
  if (length > max) return 'over';
  if (length === max) return 'full';
  return length >= max - Math.max(1, Math.floor(max / 10)) ? 'near' : 'room';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

export interface Limit {
  /** Counts again (after the value was set by code). */
  update(): void;
}

/** Shows `max` and the live count under `field`; see the module comment. */
export function showLimit(field: Field<TextControl>, max: number): Limit {
  const { control } = field;
  control.removeAttribute('maxlength');
  const id = `${control.id}-count`;
  const visible = h('span', { 'aria-hidden': 'true' });
  const spoken = h('span', { class: 'sr-only' });
  const counter = h('div', { class: 'counter', id }, visible, spoken);
  const live = h('div', { class: 'sr-only', 'aria-live': 'polite' });
  // The counter comes right after the control, before its hint and error lines.
  control.after(counter, live);
  const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  control.setAttribute('aria-describedby', [id, ...described].join(' '));

  let zone: Zone = 'room';
  const update = (value = control.value, quiet = false): void => {
    const n = value.length;
    visible.textContent = `${n} / ${max}`;
    spoken.textContent = `${plural(n, 'caractère', 'caractères')} sur ${max} au plus.`;
    const next = zoneOf(n, max);
    counter.classList.toggle('over', next === 'over');
    counter.classList.toggle('near', next === 'near' || next === 'full');
    if (next === zone) return;
    const wasOver = zone === 'over';
    zone = next;
    if (quiet) {
      live.textContent = '';
      return;
    }
    live.textContent =
      next === 'over'
        ? `${plural(n - max, 'caractère', 'caractères')} de trop : ${max} au plus, le texte sera refusé tel quel.`
        : next === 'full'
          ? `Limite de ${max} caractères atteinte.`
          : next === 'near'
            ? `Plus que ${plural(max - n, 'caractère', 'caractères')} possibles.`
            : wasOver
              ? 'Longueur de nouveau acceptée.'
              : '';
  };
  control.addEventListener('input', () => update());
  // The form is built around the field after this call. A reset gives the control its default
  // value only after the 'reset' event: that value is counted at once, and silently (the user
  // did not type it).
  queueMicrotask(() =>
    control.form?.addEventListener('reset', () => update(control.defaultValue, true)),
  );
  update();
  return { update: () => update() };
}
