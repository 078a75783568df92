/**
 * Tiny DOM builders. Every piece of text goes through `textContent` (never innerHTML), so what
 * people typed in the sheet can never be interpreted as HTML in the sidebar.
 */

type Attrs = Record<string, string | number | boolean | undefined>;
export type Child = Node | string | null | undefined | false;

let idCounter = 0;

/** A document-unique id, for label/input pairs. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') el.className = String(value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function replaceChildren(el: Node, ...children: Child[]): void {
  clear(el);
  append(el, ...children);
}

export interface Field<E extends HTMLElement> {
  /** The wrapper (label, control, error line) to append to a form. */
  root: HTMLDivElement;
  control: E;
  error: HTMLDivElement;
}

/**
 * A labelled control with its own error line; `name` is the API field it feeds, so a server
 * error naming that field lands next to it.
 */
function field<E extends HTMLElement>(
  label: string,
  name: string,
  control: E,
  hint?: string,
): Field<E> {
  const id = uid(`f-${name}`);
  control.id = id;
  control.setAttribute('name', name);
  control.dataset.field = name;
  const error = h('div', { class: 'field-error', id: `${id}-err` });
  const describedBy = [`${id}-err`];
  let hintEl: HTMLDivElement | null = null;
  if (hint) {
    hintEl = h('div', { class: 'hint', id: `${id}-hint` }, hint);
    describedBy.unshift(`${id}-hint`);
  }
  control.setAttribute('aria-describedby', describedBy.join(' '));
  const root = h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl, error);
  return { root, control, error };
}

export function textField(
  label: string,
  name: string,
  opts: { placeholder?: string; hint?: string } = {},
): Field<HTMLInputElement> {
  const input = h('input', { type: 'text', autocomplete: 'off', placeholder: opts.placeholder });
  return field(label, name, input, opts.hint);
}

/** Dates are typed the French way and judged by the server. */
export function dateField(label: string, name: string, hint?: string): Field<HTMLInputElement> {
  return textField(label, name, { placeholder: 'jj/mm/aaaa', hint });
}

export function textAreaField(label: string, name: string, rows = 3): Field<HTMLTextAreaElement> {
  return field(label, name, h('textarea', { rows }));
}

export interface SelectOption {
  value: string;
  label: string;
}

export function selectField(
  label: string,
  name: string,
  options: SelectOption[] = [],
): Field<HTMLSelectElement> {
  const select = h('select', {});
  setOptions(select, options);
  return field(label, name, select);
}

/** Replaces a select's options, keeping the current value when it is still offered. */
export function setOptions(select: HTMLSelectElement, options: SelectOption[]): void {
  const previous = select.value;
  clear(select);
  for (const o of options) select.appendChild(h('option', { value: o.value }, o.label));
  if (options.some((o) => o.value === previous)) select.value = previous;
}

export function checkbox(
  label: string,
  name: string,
): { root: HTMLDivElement; control: HTMLInputElement } {
  const id = uid(`c-${name}`);
  const control = h('input', { type: 'checkbox', id, name });
  control.dataset.field = name;
  const root = h('div', { class: 'check' }, control, h('label', { for: id }, label));
  return { root, control };
}

export interface RadioGroup<V extends string> {
  root: HTMLFieldSetElement;
  value(): V;
  set(value: V): void;
  inputs: HTMLInputElement[];
}

/**
 * A fieldset of radio buttons with a legend: the accessible way to name a choice. `initial` is
 * also what a form reset comes back to; with `null` nothing is chosen at first (nor after a
 * reset), and `value()` is '' until the user chooses: a required choice is never guessed.
 */
export function radioGroup<V extends string>(
  legend: string,
  name: string,
  choices: { value: V; label: string }[],
  initial: V,
): RadioGroup<V>;
export function radioGroup<V extends string>(
  legend: string,
  name: string,
  choices: { value: V; label: string }[],
  initial: null,
): RadioGroup<V | ''>;
export function radioGroup<V extends string>(
  legend: string,
  name: string,
  choices: { value: V; label: string }[],
  initial: V | null,
): RadioGroup<V | ''> {
  const groupName = uid(`r-${name}`);
  const inputs: HTMLInputElement[] = [];
  const root = fieldsetWithError(legend, name, 'radios');
  const error = root.lastElementChild;
  for (const c of choices) {
    const id = uid(`${groupName}-${c.value}`);
    const input = h('input', {
      type: 'radio',
      name: groupName,
      id,
      value: c.value,
      required: initial === null,
    });
    // The default too: a form reset must come back to it, not to an empty choice.
    input.defaultChecked = c.value === initial;
    input.checked = c.value === initial;
    inputs.push(input);
    root.insertBefore(
      h('span', { class: 'radio' }, input, h('label', { for: id }, c.label)),
      error,
    );
  }
  return {
    root,
    inputs,
    value: () => (inputs.find((i) => i.checked)?.value ?? initial ?? '') as V,
    set: (value: V | '') => {
      for (const i of inputs) i.checked = i.value === value;
    },
  };
}

/** A fieldset named by its legend, fed by API field `name`, ending with its error line. */
export function fieldsetWithError(
  legend: string,
  name: string,
  className = '',
): HTMLFieldSetElement {
  // Ends with "-err", as showFieldError looks for it (a group's message lands under its legend).
  const errId = `${uid(`e-${name}`)}-err`;
  const root = h(
    'fieldset',
    { class: className, 'aria-describedby': errId },
    h('legend', {}, legend),
    h('div', { class: 'field-error', id: errId }),
  );
  root.dataset.field = name;
  return root;
}

export function button(
  label: string,
  onClick: () => void,
  kind: 'primary' | 'secondary' | 'link' = 'secondary',
): HTMLButtonElement {
  const cls = kind === 'primary' ? 'action' : kind === 'link' ? 'link' : 'secondary';
  const b = h('button', { type: 'button', class: cls }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** The button that submits its form (Enter in any field does the same). */
export function submit(label: string): HTMLButtonElement {
  return h('button', { type: 'submit', class: 'action' }, label);
}

/**
 * A form whose Enter key and submit button both run `onSubmit`, once at a time: a second
 * submit while the call runs is ignored, so a double click cannot send twice.
 */
export function form(
  label: string,
  onSubmit: (form: HTMLFormElement) => Promise<void> | void,
  ...children: Child[]
): HTMLFormElement {
  const f = h('form', { 'aria-label': label, novalidate: true }, ...children);
  let busy = false;
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (busy) return;
    busy = true;
    f.setAttribute('aria-busy', 'true');
    Promise.resolve()
      .then(() => onSubmit(f))
      .catch(() => undefined)
      .finally(() => {
        busy = false;
        f.removeAttribute('aria-busy');
      });
  });
  return f;
}

/** Clears the error lines and invalid marks of a form. */
export function clearErrors(root: HTMLElement): void {
  for (const e of root.querySelectorAll<HTMLElement>('.field-error')) e.textContent = '';
  for (const e of root.querySelectorAll<HTMLElement>('[aria-invalid]'))
    e.removeAttribute('aria-invalid');
}

/**
 * Shows a server message next to the control fed by `fieldName` and moves the focus there.
 * Returns false when the form has no such field.
 */
export function showFieldError(root: HTMLElement, fieldName: string, message: string): boolean {
  // The server may name a nested field "periods[0].start" or "periods.0.start"; fall back on
  // the enclosing field ("periods") when the exact control is not found.
  const normalized = fieldName.replace(/\[(\d+)\]/g, '.$1');
  const candidates = [fieldName, normalized, normalized.split('.')[0] ?? normalized];
  let control: HTMLElement | null = null;
  for (const c of candidates) {
    control = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(c)}"]`);
    if (control) break;
  }
  if (!control) return false;
  control.setAttribute('aria-invalid', 'true');
  const errId = control
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((x) => x.endsWith('-err'));
  const err = errId ? document.getElementById(errId) : null;
  if (err) err.textContent = message;
  if (
    control instanceof HTMLInputElement ||
    control instanceof HTMLSelectElement ||
    control instanceof HTMLTextAreaElement
  ) {
    control.focus();
  } else {
    control.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }
  return true;
}
