/**
 * The workbench page's script (bundled by esbuild when the server starts): draws the emulated
 * spreadsheet, the add-on menu and the sidebar frame, and forwards clicks and typed cells to the
 * server.
 * Cell text is always set with textContent: sheet content is never HTML here either.
 */
import { driveIdOf } from './drive-url';
import type {
  EditBody,
  EditResponse,
  GridView,
  MenuEntry,
  MenuView,
  MessageView,
  WorkbenchState,
} from './protocol';

type Attrs = Record<string, string | number | boolean | undefined>;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} absent`);
  return el;
}

export function columnLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

export function a1(r1: number, c1: number, r2 = r1, c2 = c1): string {
  const top = Math.min(r1, r2);
  const bottom = Math.max(r1, r2);
  const left = Math.min(c1, c2);
  const right = Math.max(c1, c2);
  const start = `${columnLetter(left)}${top}`;
  return top === bottom && left === right ? start : `${start}:${columnLetter(right)}${bottom}`;
}

/** "B3:D5" → [3, 2, 5, 4]; '' → null. */
export function parseA1(ref: string): [number, number, number, number] | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref.replace(/\$/g, '').toUpperCase());
  if (!m) return null;
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1] ?? 'A');
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return [Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)];
}

let state: WorkbenchState | null = null;
let lastMessageId = 0;
let sidebarId = -1;
let dialogId = -1;
let anchor: [number, number] | null = null;
let focusCell: [number, number] | null = null;
let dragging = false;

async function post(path: string, body: unknown): Promise<void> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string };
  if (!res.ok || json.ok === false)
    showMessages([
      { id: 0, kind: 'error', title: 'Erreur', text: json.error ?? `HTTP ${res.status}` },
    ]);
  await refresh();
}

let refreshing: Promise<void> | null = null;
let again = false;

/** Fetches /state (only when it changed) and redraws; overlapping calls are coalesced. */
function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      const since = state ? `?since=${state.version}` : '';
      const res = await fetch(`/state${since}`);
      if (res.status === 204) continue;
      const next = (await res.json()) as WorkbenchState;
      state = next;
      render(next);
    } while (again);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function render(s: WorkbenchState): void {
  $('today').textContent =
    `Date du jour émulée : ${s.today}` + (s.todayPinned ? ' (fixée par --today)' : '');
  renderMenus(s.menus);
  renderTabs(s);
  // Redrawing the grid would drop the cell being typed in: it waits for the editor to close.
  if (editor) gridStale = true;
  else renderGrid(s.grid, s.selection);
  renderSidebar(s);
  renderDialog(s);
  showMessages(s.messages.filter((m) => m.id > lastMessageId));
  for (const m of s.messages) lastMessageId = Math.max(lastMessageId, m.id);
}

// ---- Menu bar -------------------------------------------------------------------------------

let menuKey = '';

function closeMenus(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[role=menu]')) el.hidden = true;
  for (const el of document.querySelectorAll<HTMLElement>('[aria-expanded=true]'))
    el.setAttribute('aria-expanded', 'false');
}

function menuItems(entries: MenuEntry[], parentLabel: string): HTMLElement {
  const menu = h('ul', { role: 'menu', 'aria-label': parentLabel, class: 'menu' });
  menu.hidden = true;
  for (const e of entries) {
    if (e.kind === 'separator') {
      menu.append(h('li', { role: 'separator', class: 'sep' }));
    } else if (e.kind === 'item') {
      const b = h('button', { role: 'menuitem', type: 'button', tabindex: -1 }, e.caption);
      b.dataset.fn = e.functionName;
      b.addEventListener('click', () => {
        closeMenus();
        void post('/menu', { functionName: e.functionName });
      });
      menu.append(h('li', { role: 'none' }, b));
    } else {
      const li = h('li', { role: 'none', class: 'has-sub' });
      const b = h(
        'button',
        {
          role: 'menuitem',
          type: 'button',
          tabindex: -1,
          'aria-haspopup': 'menu',
          'aria-expanded': 'false',
        },
        `${e.caption} ›`,
      );
      const sub = menuItems(e.items, e.caption);
      sub.classList.add('submenu');
      const open = (): void => {
        for (const other of menu.querySelectorAll<HTMLElement>(':scope > li > .submenu'))
          if (other !== sub) other.hidden = true;
        sub.hidden = false;
        b.setAttribute('aria-expanded', 'true');
      };
      b.addEventListener('click', () => {
        open();
        sub.querySelector<HTMLElement>('[role=menuitem]')?.focus();
      });
      b.addEventListener('mouseenter', open);
      li.append(b, sub);
      menu.append(li);
    }
  }
  menu.addEventListener('keydown', (ev) => {
    const items = [...menu.querySelectorAll<HTMLElement>(':scope > li > [role=menuitem]')];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      ev.stopPropagation();
      const n = items.length;
      items[(i + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n]?.focus();
    } else if (ev.key === 'ArrowRight' && i >= 0 && items[i]?.getAttribute('aria-haspopup')) {
      ev.preventDefault();
      ev.stopPropagation();
      items[i]?.click();
    } else if (ev.key === 'ArrowLeft' && menu.classList.contains('submenu')) {
      ev.preventDefault();
      ev.stopPropagation();
      menu.hidden = true;
      const opener = menu.previousElementSibling as HTMLElement | null;
      opener?.setAttribute('aria-expanded', 'false');
      opener?.focus();
    }
  });
  return menu;
}

function renderMenus(menus: MenuView[]): void {
  const key = JSON.stringify(menus);
  if (key === menuKey) return;
  menuKey = key;
  const bar = $('menubar');
  bar.replaceChildren();
  const top = h(
    'button',
    {
      role: 'menuitem',
      type: 'button',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      id: 'menu-extensions',
    },
    'Extensions',
  );
  const entries: MenuEntry[] = menus.map((m) => ({
    kind: 'submenu',
    caption: m.title,
    items: m.items,
  }));
  if (entries.length === 0)
    entries.push({ kind: 'item', caption: '(aucun menu enregistré par onOpen)', functionName: '' });
  const dropdown = menuItems(entries, 'Extensions');
  top.addEventListener('click', () => {
    const open = dropdown.hidden;
    closeMenus();
    dropdown.hidden = !open;
    top.setAttribute('aria-expanded', String(open));
    if (open) dropdown.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  });
  top.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      top.click();
    }
  });
  bar.append(h('div', { class: 'menu-root' }, top, dropdown));
}

document.addEventListener('click', (ev) => {
  if (!(ev.target instanceof Node) || !$('menubar').contains(ev.target)) closeMenus();
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') {
    closeMenus();
    document.getElementById('menu-extensions')?.focus();
  }
});

// ---- Sheet tabs -----------------------------------------------------------------------------

function renderTabs(s: WorkbenchState): void {
  const bar = $('tabs');
  bar.replaceChildren(
    ...s.sheets.map((name) => {
      const b = h(
        'button',
        {
          role: 'tab',
          type: 'button',
          'aria-selected': String(name === s.active),
          tabindex: name === s.active ? 0 : -1,
        },
        name,
      );
      b.addEventListener('click', () => void post('/activate', { sheet: name }));
      b.addEventListener('keydown', (ev) => {
        const i = s.sheets.indexOf(name);
        const d = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
        if (!d) return;
        const next = s.sheets[(i + d + s.sheets.length) % s.sheets.length];
        if (next)
          void post('/activate', { sheet: next }).then(() =>
            bar.querySelector<HTMLElement>('[aria-selected=true]')?.focus(),
          );
      });
      return b;
    }),
  );
}

// ---- Grid -----------------------------------------------------------------------------------

let gridSheet = '';

function renderGrid(g: GridView | null, selection: string): void {
  const wrap = $('grid');
  if (!g) {
    wrap.replaceChildren(h('p', { class: 'empty' }, 'Aucune feuille.'));
    return;
  }
  const keepScroll = g.sheet === gridSheet;
  if (!keepScroll) {
    anchor = null;
    focusCell = null;
    lastDrag = null;
  }
  const { scrollTop, scrollLeft } = wrap;
  gridSheet = g.sheet;
  const hiddenRows = new Set(g.hiddenRows);
  const hiddenCols = new Set(g.hiddenCols);
  const cols: number[] = [];
  for (let c = 1; c <= g.cols; c++) if (!hiddenCols.has(c)) cols.push(c);

  const colgroup = h(
    'colgroup',
    {},
    h('col', { style: 'width:46px' }),
    ...cols.map((c) => h('col', { style: `width:${g.widths[c - 1] ?? 100}px` })),
  );
  const head = h(
    'tr',
    {},
    h('th', { class: 'corner' }),
    ...cols.map((c) => h('th', { scope: 'col', class: 'col-head' }, columnLetter(c))),
  );
  const body = h('tbody', {});
  for (let r = 1; r <= g.rows; r++) {
    if (hiddenRows.has(r)) continue;
    const tr = h(
      'tr',
      { class: r <= g.frozenRows ? 'frozen' : '' },
      h('th', { scope: 'row', class: 'row-head' }, String(r)),
    );
    tr.dataset.row = String(r);
    for (const c of cols) {
      const shown = g.values[r - 1]?.[c - 1] ?? '';
      const link = g.links[`${r}:${c}`];
      const td = h('td', {}, link && shown ? cellLink(link, shown) : shown);
      td.dataset.r = String(r);
      td.dataset.c = String(c);
      const bg = g.backgrounds[r - 1]?.[c - 1];
      const fg = g.fontColors[r - 1]?.[c - 1];
      if (bg) td.style.background = bg;
      if (fg) td.style.color = fg;
      if (g.bold[r - 1]?.[c - 1]) td.style.fontWeight = 'bold';
      const size = g.fontSizes[r - 1]?.[c - 1];
      if (size) td.style.fontSize = `${size}pt`;
      // As in Sheets, left-aligned text runs over the empty cell to its right.
      const text = g.values[r - 1]?.[c - 1] ?? '';
      const nextEmpty = (g.values[r - 1]?.[c] ?? '') === '';
      if (text && nextEmpty && (g.aligns[r - 1]?.[c - 1] ?? 'left') === 'left')
        td.classList.add('spill');
      const align = g.aligns[r - 1]?.[c - 1];
      if (align && align !== 'left') td.style.textAlign = align;
      tr.append(td);
    }
    body.append(tr);
  }
  const table = h(
    'table',
    { class: 'sheet', 'aria-label': `Feuille ${g.sheet}` },
    colgroup,
    h('thead', {}, head),
    body,
  );
  // A fixed layout needs the table's width: columns then keep the sheet's widths and long
  // texts are clipped as in Sheets instead of widening their column.
  table.style.width = `${46 + cols.reduce((sum, c) => sum + (g.widths[c - 1] ?? 100), 0)}px`;
  wrap.replaceChildren(table);
  // Frozen rows stick under the column letters, each below the previous one.
  let top = head.getBoundingClientRect().height;
  for (const tr of body.querySelectorAll<HTMLTableRowElement>('tr.frozen')) {
    for (const cell of tr.children) (cell as HTMLElement).style.top = `${top}px`;
    top += tr.getBoundingClientRect().height;
  }
  if (keepScroll) {
    wrap.scrollTop = scrollTop;
    wrap.scrollLeft = scrollLeft;
  }
  drawSelection(parseA1(selection));
}

let drawnSel: [number, number, number, number] | null = null;

function drawSelection(sel: [number, number, number, number] | null): void {
  drawnSel = sel;
  for (const el of document.querySelectorAll('#grid td.selected, #grid td.active'))
    el.classList.remove('selected', 'active');
  $('namebox').textContent = sel ? a1(sel[0], sel[1], sel[2], sel[3]) : '';
  if (!sel) {
    $('cellvalue').textContent = '';
    return;
  }
  const [r1, c1, r2, c2] = sel;
  for (const td of document.querySelectorAll<HTMLTableCellElement>('#grid td')) {
    const r = Number(td.dataset.r);
    const c = Number(td.dataset.c);
    if (r >= r1 && r <= r2 && c >= c1 && c <= c2) td.classList.add('selected');
  }
  // The active cell is the one clicked first, while it lies in the selection (the server may
  // also move the selection, e.g. to a freshly drawn calendar).
  const inside =
    focusCell &&
    focusCell[0] >= r1 &&
    focusCell[0] <= r2 &&
    focusCell[1] >= c1 &&
    focusCell[1] <= c2;
  const [fr, fc] = inside && focusCell ? focusCell : [r1, c1];
  const active = document.querySelector<HTMLElement>(`#grid td[data-r="${fr}"][data-c="${fc}"]`);
  active?.classList.add('active');
  // As in Sheets, the formula bar shows a formula rather than its result.
  $('cellvalue').textContent = state?.grid?.formulas[`${fr}:${fc}`] ?? active?.textContent ?? '';
}

function cellOf(target: EventTarget | null): [number, number] | null {
  const td = target instanceof Element ? target.closest<HTMLElement>('#grid td') : null;
  return td ? [Number(td.dataset.r), Number(td.dataset.c)] : null;
}

function selectRange(from: [number, number], to: [number, number], send: boolean): void {
  const sel: [number, number, number, number] = [
    Math.min(from[0], to[0]),
    Math.min(from[1], to[1]),
    Math.max(from[0], to[0]),
    Math.max(from[1], to[1]),
  ];
  drawSelection(sel);
  if (send && state) void post('/select', { sheet: state.active, range: a1(...sel) });
}

function setupGrid(): void {
  const wrap = $('grid');
  wrap.addEventListener('mousedown', (ev) => {
    const cell = cellOf(ev.target);
    if (!cell || ev.button !== 0 || ev.target === editor?.input) return;
    ev.preventDefault();
    wrap.focus();
    if (ev.shiftKey && anchor) {
      focusCell = anchor;
      selectRange(anchor, cell, false);
    } else {
      anchor = cell;
      focusCell = cell;
      selectRange(cell, cell, false);
    }
    // A double-click edits the cell. Its second press, not a dblclick event: the grid may have
    // been redrawn between the two presses (the first one posts the selection).
    if (ev.detail === 2 && !ev.shiftKey) {
      openEditor(cell, null);
      return;
    }
    dragging = true;
    lastDrag = cell;
  });
  wrap.addEventListener('mouseover', (ev) => {
    if (!dragging || !anchor) return;
    const cell = cellOf(ev.target);
    if (!cell) return;
    lastDrag = cell;
    selectRange(anchor, cell, false);
  });
  window.addEventListener('mouseup', () => {
    if (!dragging || !anchor) return;
    dragging = false;
    selectRange(anchor, lastDrag ?? anchor, true);
  });
  wrap.addEventListener('keydown', (ev) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const d = moves[ev.key];
    if (!d) {
      editingKeys(ev);
      return;
    }
    if (!state?.grid) return;
    ev.preventDefault();
    const g = state.grid;
    const from = ev.shiftKey ? (lastDrag ?? anchor ?? [1, 1]) : (anchor ?? [1, 1]);
    const next: [number, number] = [
      Math.min(Math.max(from[0] + d[0], 1), g.rows),
      Math.min(Math.max(from[1] + d[1], 1), g.cols),
    ];
    if (ev.shiftKey && anchor) {
      lastDrag = next;
      selectRange(anchor, next, true);
      document
        .querySelector(`#grid td[data-r="${next[0]}"][data-c="${next[1]}"]`)
        ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else {
      moveTo(next);
    }
  });
}

/** Selects one cell (and tells the server), as arrows and Enter after an edit do. */
function moveTo(cell: [number, number]): void {
  anchor = cell;
  focusCell = cell;
  lastDrag = cell;
  selectRange(cell, cell, true);
  document
    .querySelector(`#grid td[data-r="${cell[0]}"][data-c="${cell[1]}"]`)
    ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

// ---- Cell editing (a user's edit, then the add-on's onEdit on the server) -------------------

interface Editor {
  input: HTMLInputElement;
  cell: [number, number];
  sheet: string;
  initial: string;
  closed: boolean;
}

let editor: Editor | null = null;
let gridStale = false;

function activeCell(): [number, number] | null {
  if (!drawnSel) return null;
  const [r1, c1, r2, c2] = drawnSel;
  const f = focusCell;
  return f && f[0] >= r1 && f[0] <= r2 && f[1] >= c1 && f[1] <= c2 ? f : [r1, c1];
}

/** Enter or F2 edits the active cell, a printable key replaces it, Delete clears the selection. */
function editingKeys(ev: KeyboardEvent): void {
  const cell = activeCell();
  if (!cell || !state || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (ev.key === 'Enter' || ev.key === 'F2') {
    ev.preventDefault();
    openEditor(cell, null);
  } else if (ev.key === 'Delete' || ev.key === 'Backspace') {
    ev.preventDefault();
    if (drawnSel) void sendEdit({ sheet: state.active, range: a1(...drawnSel), value: null });
  } else if (ev.key.length === 1) {
    ev.preventDefault();
    openEditor(cell, ev.key);
  }
}

/** What Sheets puts in the editor: the formula, or the value as displayed. */
function editText(g: GridView, [r, c]: [number, number]): string {
  return g.formulas[`${r}:${c}`] ?? g.values[r - 1]?.[c - 1] ?? '';
}

/** `typed` replaces the content (typing on a selected cell); null edits it (double-click, Enter). */
function openEditor(cell: [number, number], typed: string | null): void {
  const g = state?.grid;
  const td = document.querySelector<HTMLElement>(
    `#grid td[data-r="${cell[0]}"][data-c="${cell[1]}"]`,
  );
  if (!g || !state || !td || editor) return;
  const initial = editText(g, cell);
  // Checkboxes are ticked, not typed.
  if (initial === '☑' || initial === '☐') return;
  if (!focusCell || focusCell[0] !== cell[0] || focusCell[1] !== cell[1]) moveTo(cell);
  const input = h('input', {
    type: 'text',
    class: 'cell-editor',
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-label': `Modifier la cellule ${a1(cell[0], cell[1])}`,
  });
  input.value = typed ?? initial;
  const fit = () => (input.style.width = `max(100%, ${input.value.length + 2}ch)`);
  fit();
  const ed: Editor = { input, cell, sheet: state.active, initial, closed: false };
  editor = ed;
  td.classList.add('editing');
  td.append(input);
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
  input.addEventListener('input', fit);
  input.addEventListener('keydown', (ev) => {
    // The grid's and the page's keys (arrows, Escape for menus) stay out of the editor.
    ev.stopPropagation();
    if (ev.key === 'Escape') {
      ev.preventDefault();
      closeEditor(ed);
    } else if (ev.key === 'Enter' || ev.key === 'Tab') {
      ev.preventDefault();
      const down = ev.key === 'Enter';
      void commitEdit(ed, [cell[0] + (down ? 1 : 0), cell[1] + (down ? 0 : 1)]);
    }
  });
  // Clicking elsewhere keeps what was typed, as in Sheets.
  input.addEventListener('blur', () => void commitEdit(ed, null));
}

function closeEditor(ed: Editor, refocus = true): void {
  if (ed.closed) return;
  ed.closed = true;
  editor = null;
  ed.input.closest('td')?.classList.remove('editing');
  ed.input.remove();
  if (gridStale && state) {
    gridStale = false;
    renderGrid(state.grid, state.selection);
  }
  if (refocus) $('grid').focus();
}

async function commitEdit(ed: Editor, next: [number, number] | null): Promise<void> {
  if (ed.closed) return;
  const value = ed.input.value;
  closeEditor(ed, next !== null);
  if (value !== ed.initial)
    await sendEdit({ sheet: ed.sheet, range: a1(ed.cell[0], ed.cell[1]), value });
  const g = state?.grid;
  if (next && g && state?.active === ed.sheet)
    moveTo([Math.min(next[0], g.rows), Math.min(next[1], g.cols)]);
}

async function sendEdit(body: EditBody): Promise<void> {
  const res = await fetch('/edit', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as EditResponse;
  if (json.confirm && !body.confirmed) {
    if (await confirmDialog(json.confirm)) return sendEdit({ ...body, confirmed: true });
  } else if (!res.ok || !json.ok) {
    showMessages([
      { id: 0, kind: 'error', title: 'Saisie refusée', text: json.error ?? `HTTP ${res.status}` },
    ]);
  }
  await refresh();
}

/** Sheets' "Attention" box for a warning-only protection: Annuler or OK. */
function confirmDialog(text: string): Promise<boolean> {
  const dlg = $('confirm') as HTMLDialogElement;
  $('confirm-text').textContent = text;
  dlg.returnValue = '';
  dlg.showModal();
  ($('confirm-cancel') as HTMLButtonElement).focus();
  return new Promise((resolve) => {
    dlg.addEventListener(
      'close',
      () => {
        $('grid').focus();
        resolve(dlg.returnValue === 'ok');
      },
      { once: true },
    );
  });
}
let lastDrag: [number, number] | null = null;

// ---- Drive: documents the add-on made, as staff would open them ------------------------------

/** A cell's address as a link: a Drive file opens in the document view, anything else in a tab. */
function cellLink(url: string, text: string): HTMLAnchorElement {
  const a = h('a', { href: url, class: 'cell-link', target: '_blank', rel: 'noopener' }, text);
  a.addEventListener('click', (ev) => {
    const id = driveIdOf(url);
    if (!id) return;
    ev.preventDefault();
    openDriveFile(id);
  });
  return a;
}

/** Shows an emulated Drive file (a Google Doc drawn from the emulator's model). */
function openDriveFile(id: string): void {
  const dlg = $('docview') as HTMLDialogElement;
  const frame = $('docview-frame') as HTMLIFrameElement;
  const src = `/drive/file?id=${encodeURIComponent(id)}`;
  $('docview-title').textContent = 'Document';
  ($('docview-tab') as HTMLAnchorElement).href = src;
  frame.addEventListener(
    'load',
    () => {
      const title = frame.contentDocument?.title;
      if (title) {
        $('docview-title').textContent = title;
        frame.title = `Document : ${title}`;
      }
    },
    { once: true },
  );
  frame.src = src;
  if (!dlg.open) dlg.showModal();
}

interface DriveNode {
  id: string;
  name: string;
  folder: boolean;
  children: DriveNode[];
}

function driveList(nodes: DriveNode[]): HTMLElement {
  return h(
    'ul',
    {},
    ...nodes.map((n) => {
      if (n.folder)
        return h(
          'li',
          {},
          h('span', { class: 'folder' }, `📁 ${n.name}`),
          n.children.length ? driveList(n.children) : h('span', { class: 'empty' }, ' (vide)'),
        );
      const b = h('button', { type: 'button' }, n.name);
      b.addEventListener('click', () => openDriveFile(n.id));
      return h('li', {}, b);
    }),
  );
}

async function openDrive(): Promise<void> {
  const dlg = $('drive') as HTMLDialogElement;
  const tree = $('drive-tree');
  tree.replaceChildren(h('p', { class: 'empty' }, 'Lecture du Drive…'));
  if (!dlg.open) dlg.showModal();
  const res = await fetch('/drive/tree');
  const nodes = res.ok ? ((await res.json()) as DriveNode[]) : [];
  tree.replaceChildren(
    nodes.length ? driveList(nodes) : h('p', { class: 'empty' }, 'Le Drive est vide.'),
  );
}

// ---- Sidebar, dialog, messages ----------------------------------------------------------------

function renderSidebar(s: WorkbenchState): void {
  const aside = $('sidebar');
  if (!s.sidebar) {
    aside.hidden = true;
    return;
  }
  if (s.sidebar.id === sidebarId) return;
  sidebarId = s.sidebar.id;
  aside.hidden = false;
  $('sidebar-title').textContent = s.sidebar.title;
  ($('sidebar-frame') as HTMLIFrameElement).src = `/sidebar?id=${s.sidebar.id}`;
}

function renderDialog(s: WorkbenchState): void {
  if (!s.dialog || s.dialog.id === dialogId) return;
  dialogId = s.dialog.id;
  const dlg = $('dialog') as HTMLDialogElement;
  $('dialog-title').textContent = s.dialog.title;
  ($('dialog-frame') as HTMLIFrameElement).src = `/dialog?id=${s.dialog.id}`;
  if (!dlg.open) dlg.showModal();
}

function showMessages(messages: MessageView[]): void {
  const bar = $('messages');
  for (const m of messages) {
    const close = h(
      'button',
      { type: 'button', class: 'close', 'aria-label': 'Fermer le message' },
      '×',
    );
    const item = h(
      'div',
      { class: `message ${m.kind}` },
      m.title ? h('strong', {}, `${m.title} : `) : null,
      m.text,
      close,
    );
    close.addEventListener('click', () => item.remove());
    bar.append(item);
    while (bar.children.length > 4) bar.firstElementChild?.remove();
  }
}

window.addEventListener('message', (ev) => {
  if (ev.origin !== location.origin) return;
  const data = ev.data as { type?: string; action?: string; height?: number } | null;
  if (!data) return;
  if (data.type === 'workbench-api-done') void refresh();
  if (data.type === 'workbench-open-drive') {
    const url = (data as { url?: unknown }).url;
    const id = typeof url === 'string' ? driveIdOf(url) : null;
    if (id) openDriveFile(id);
  }
  if (data.type === 'gas-host' && data.action === 'close') {
    const fromDialog = ev.source === ($('dialog-frame') as HTMLIFrameElement).contentWindow;
    if (fromDialog) ($('dialog') as HTMLDialogElement).close();
    else $('sidebar').hidden = true;
  }
});

function setup(): void {
  setupGrid();
  // Two steps instead of confirm(): a reset loses every change made in the workbench.
  const reset = $('reset') as HTMLButtonElement;
  let armed: ReturnType<typeof setTimeout> | null = null;
  reset.addEventListener('click', () => {
    if (!armed) {
      reset.textContent = 'Confirmer la réinitialisation';
      armed = setTimeout(() => {
        armed = null;
        reset.textContent = "Réinitialiser l'exemple";
      }, 5000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    reset.textContent = "Réinitialiser l'exemple";
    sidebarId = -1;
    void post('/reset', {});
  });
  $('sidebar-close').addEventListener('click', () => ($('sidebar').hidden = true));
  $('dialog-close').addEventListener('click', () => ($('dialog') as HTMLDialogElement).close());
  $('docview-close').addEventListener('click', () => ($('docview') as HTMLDialogElement).close());
  $('drive-close').addEventListener('click', () => ($('drive') as HTMLDialogElement).close());
  $('drive-open').addEventListener('click', () => void openDrive());
  void refresh();
  setInterval(() => void refresh(), 2000);
}

setup();
