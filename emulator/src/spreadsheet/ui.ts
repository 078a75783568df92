/**
 * SpreadsheetApp.getUi(): menus, sidebars, dialogs, alerts and prompts, all recorded in a
 * UiRecorder that tests and the workbench read (uncounted). Alert/prompt answers come from a
 * FIFO queue of scripted responses.
 */
import { ApiObject, wrap } from './api';
import type { Workbook } from './book';
import { Button, ButtonSet, type ButtonName, type ButtonSetName } from './enums';

export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { submenu: string; items: MenuEntry[] };

export interface RecordedMenu {
  name: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface UiRecorder {
  menus: RecordedMenu[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: { title: string; prompt: string; buttons: string }[];
  prompts: {
    title: string;
    prompt: string;
    buttons: string;
    response: { button: ButtonName; text: string };
  }[];
  toasts: { message: string; title: string }[];
  /** Responses the next ui.alert / ui.prompt calls will return (FIFO); default: OK / empty text + OK. */
  queueResponse(r: { button: ButtonName; text?: string }): void;
}

/** The add-on's name, used by createAddonMenu() as the menu title. */
export const ADDON_NAME = 'Suivi des stages';

export class UiRecorderImpl implements UiRecorder {
  menus: RecordedMenu[] = [];
  sidebars: { title: string; html: string }[] = [];
  dialogs: { title: string; html: string; modal: boolean }[] = [];
  alerts: { title: string; prompt: string; buttons: string }[] = [];
  prompts: {
    title: string;
    prompt: string;
    buttons: string;
    response: { button: ButtonName; text: string };
  }[] = [];
  toasts: { message: string; title: string }[] = [];
  private queue: { button: ButtonName; text?: string }[] = [];

  queueResponse(r: { button: ButtonName; text?: string }): void {
    this.queue.push(r);
  }

  /** Next scripted response, or the default for the button set (its first button). */
  nextResponse(buttons: ButtonSetName): { button: ButtonName; text: string } {
    const r = this.queue.shift();
    if (r) return { button: r.button, text: r.text ?? '' };
    return { button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
  }
}

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
}

function htmlOf(out: unknown): HtmlLike {
  const o = out as Partial<HtmlLike> | null;
  if (!o || typeof o.getContent !== 'function' || typeof o.getTitle !== 'function') {
    throw new Error('Invalid argument: userInterface');
  }
  return o as HtmlLike;
}

type GasMenu = GoogleAppsScript.Base.Menu;

export class MenuApi extends ApiObject<GasMenu> {
  readonly items: MenuEntry[] = [];
  constructor(
    private readonly recorder: UiRecorderImpl,
    readonly name: string,
    private readonly addon: boolean,
  ) {
    super();
  }
  addItem(caption: string, functionName: string): GasMenu {
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this.self;
  }
  addSeparator(): GasMenu {
    this.items.push({ separator: true });
    return this.self;
  }
  addSubMenu(menu: GasMenu): GasMenu {
    const sub = menu as unknown as MenuApi;
    this.items.push({
      submenu: sub.name,
      items: JSON.parse(JSON.stringify(sub.items)) as MenuEntry[],
    });
    return this.self;
  }
  addToUi(): void {
    const entry: RecordedMenu = {
      name: this.name,
      addon: this.addon,
      items: JSON.parse(JSON.stringify(this.items)) as MenuEntry[],
    };
    const idx = this.recorder.menus.findIndex(
      (m) => m.name === this.name && m.addon === this.addon,
    );
    if (idx >= 0) this.recorder.menus[idx] = entry;
    else this.recorder.menus.push(entry);
  }
}

class PromptResponseApi extends ApiObject<GoogleAppsScript.Base.PromptResponse> {
  constructor(private readonly r: { button: ButtonName; text: string }) {
    super();
  }
  getResponseText(): string {
    return this.r.text;
  }
  getSelectedButton() {
    return this.r.button as unknown as GoogleAppsScript.Base.Button;
  }
}

type GasUi = GoogleAppsScript.Base.Ui;

export class UiApi extends ApiObject<GasUi> {
  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly wb: Workbook,
    private readonly recorder: UiRecorderImpl,
  ) {
    super();
  }

  createAddonMenu(): GasMenu {
    return wrap(new MenuApi(this.recorder, ADDON_NAME, true), 'Menu', this.wb);
  }
  createMenu(caption: string): GasMenu {
    return wrap(new MenuApi(this.recorder, String(caption), false), 'Menu', this.wb);
  }
  showSidebar(userInterface: unknown): void {
    const h = htmlOf(userInterface);
    this.recorder.sidebars.push({ title: h.getTitle(), html: h.getContent() });
  }
  showModalDialog(userInterface: unknown, title: string): void {
    const h = htmlOf(userInterface);
    this.recorder.dialogs.push({
      title: String(title ?? h.getTitle()),
      html: h.getContent(),
      modal: true,
    });
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    const h = htmlOf(userInterface);
    this.recorder.dialogs.push({
      title: String(title ?? h.getTitle()),
      html: h.getContent(),
      modal: false,
    });
  }
  showDialog(userInterface: unknown): void {
    const h = htmlOf(userInterface);
    this.recorder.dialogs.push({ title: h.getTitle(), html: h.getContent(), modal: true });
  }
  private parse(args: unknown[]): { title: string; prompt: string; buttons: ButtonSetName } {
    if (args.length >= 3)
      return {
        title: String(args[0]),
        prompt: String(args[1]),
        buttons: String(args[2]) as ButtonSetName,
      };
    if (args.length === 2)
      return { title: '', prompt: String(args[0]), buttons: String(args[1]) as ButtonSetName };
    return { title: '', prompt: String(args[0]), buttons: 'OK' };
  }
  alert(...args: unknown[]) {
    const a = this.parse(args);
    this.recorder.alerts.push({ title: a.title, prompt: a.prompt, buttons: a.buttons });
    return this.recorder.nextResponse(a.buttons).button as unknown as GoogleAppsScript.Base.Button;
  }
  prompt(...args: unknown[]) {
    const a = this.parse(args);
    const response = this.recorder.nextResponse(a.buttons);
    this.recorder.prompts.push({ title: a.title, prompt: a.prompt, buttons: a.buttons, response });
    return wrap(new PromptResponseApi(response), 'PromptResponse', this.wb);
  }
}

export function makeUi(wb: Workbook, recorder: UiRecorderImpl): GasUi {
  return wrap(new UiApi(wb, recorder), 'Ui', wb);
}
