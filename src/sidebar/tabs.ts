/**
 * An ARIA tablist (WAI-ARIA Authoring Practices, automatic activation): one tab stop, arrow
 * keys move between tabs, Home/End jump to the ends.
 */
import { h, uid } from './dom';

export interface Tabs {
  root: HTMLDivElement;
  panels: HTMLDivElement[];
  select(index: number, focus?: boolean): void;
}

export function tabs(label: string, names: string[]): Tabs {
  const base = uid('tab');
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'tablist' });
  const buttons: HTMLButtonElement[] = [];
  const panels: HTMLDivElement[] = [];
  names.forEach((name, i) => {
    const tabId = `${base}-t${i}`;
    const panelId = `${base}-p${i}`;
    const b = h(
      'button',
      { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, class: 'tab' },
      name,
    );
    buttons.push(b);
    list.appendChild(b);
    panels.push(
      h('div', {
        role: 'tabpanel',
        id: panelId,
        'aria-labelledby': tabId,
        tabindex: 0,
        class: 'tabpanel',
      }),
    );
  });

  const select = (index: number, focus = false): void => {
    buttons.forEach((b, i) => {
      const on = i === index;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      const panel = panels[i];
      if (panel) panel.hidden = !on;
    });
    if (focus) buttons[index]?.focus();
  };

  buttons.forEach((b, i) => {
    b.addEventListener('click', () => select(i));
    b.addEventListener('keydown', (ev) => {
      const n = buttons.length;
      let next: number | null = null;
      if (ev.key === 'ArrowRight') next = (i + 1) % n;
      else if (ev.key === 'ArrowLeft') next = (i - 1 + n) % n;
      else if (ev.key === 'Home') next = 0;
      else if (ev.key === 'End') next = n - 1;
      if (next === null) return;
      ev.preventDefault();
      select(next, true);
    });
  });
  select(0);
  const root = h('div', { class: 'tabs' }, list, ...panels);
  return { root, panels, select };
}
