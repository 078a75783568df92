/**
 * The one way the sidebar sends an action to the server, for its forms and its action buttons:
 * no second send while one runs, old errors cleared, then the server's answer shown (the success
 * message in the status line, a refusal next to its field and in the banner, a conflict with its
 * "Recharger"), and the sidebar brought up to date through `applyOutcome`.
 */
import type { ApiResult, ServerApi, StageView } from '../api/contract';
import { type ActionName, type ActionValue, callServer } from './api';
import { type Child, clearErrors, form, showFieldError } from './dom';
import { EMPTY_STAGE } from './panels/panel';
import { applyOutcome, currentSelection } from './store';
import { announce, clearBanner, CONFLICT_MESSAGE, showConflict, showError } from './ui';

/** What an action is sent with (every action the forms send takes one argument). */
export type ActionInput<K extends ActionName> = Parameters<ServerApi[K]>[0];

/** The actions whose input is an object (a form's fields), not a bare ID. */
export type ObjectAction = {
  [K in ActionName]: ActionInput<K> extends object ? K : never;
}[ActionName];

/** Forms and groups waiting for the server: a second click must not send an action twice. */
const busy = new WeakSet<HTMLElement>();

function setBusy(root: HTMLElement, on: boolean): void {
  if (on) busy.add(root);
  else busy.delete(root);
  root.setAttribute('aria-busy', on ? 'true' : 'false');
  root.querySelectorAll<HTMLButtonElement>('button').forEach((b) => {
    if (on) {
      b.dataset.wasDisabled = b.disabled ? '1' : '';
      b.disabled = true;
    } else {
      b.disabled = b.dataset.wasDisabled === '1';
      delete b.dataset.wasDisabled;
    }
  });
}

/**
 * Sends `action` on behalf of `root` (the form or group whose buttons wait meanwhile, and where
 * a refused field is shown). Resolves to the value, or null when it was refused, failed (the
 * failure already has its banner) or `root` was still waiting for an earlier action.
 */
export async function runAction<K extends ActionName>(
  root: HTMLElement,
  action: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ActionValue<K> | null> {
  if (busy.has(root)) return null;
  clearErrors(root);
  clearBanner();
  announce('');
  setBusy(root, true);
  let result: ApiResult<ActionValue<K>>;
  try {
    // An action's return type is an ApiResult by the definition of ActionName.
    result = (await callServer(action, ...args)) as ApiResult<ActionValue<K>>;
  } catch {
    return null;
  } finally {
    setBusy(root, false);
  }
  if (result.ok) {
    announce(result.message);
    await applyOutcome(action, result.value, result.refsVersion);
    return result.value;
  }
  if (result.conflict) {
    showConflict();
    announce(CONFLICT_MESSAGE);
    return null;
  }
  if (result.field) showFieldError(root, result.field, result.error);
  showError(result.error);
  return null;
}

/** A control a form empties once its action is done. */
type Resettable = { control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement };

export interface ActionSpec<K extends ActionName> {
  action: K;
  /** The input to send, or null when it must not be sent (the user has been told why). */
  input(): ActionInput<K> | null | Promise<ActionInput<K> | null>;
  /** Emptied (unchecked) once the action is done. */
  reset?: Resettable[];
  /** After the action was done and the sidebar brought up to date. */
  done?(value: ActionValue<K>, input: ActionInput<K>): void | Promise<void>;
  /** Whenever `done` does not run. */
  otherwise?(): void;
}

/** A form (Enter or its submit button) that sends one action. */
export function actionForm<K extends ActionName>(
  label: string,
  spec: ActionSpec<K>,
  ...children: Child[]
): HTMLFormElement {
  const f: HTMLFormElement = form(
    label,
    async () => {
      const input = await spec.input();
      if (input === null) return void spec.otherwise?.();
      const value = await runAction(f, spec.action, ...([input] as Parameters<ServerApi[K]>));
      if (value === null) return void spec.otherwise?.();
      for (const { control } of spec.reset ?? []) {
        if (control instanceof HTMLInputElement && control.type === 'checkbox')
          control.checked = false;
        else control.value = '';
        // What follows the value (a length counter, a dependent field) sees it emptied.
        control.dispatchEvent(new Event('input', { bubbles: true }));
      }
      await spec.done?.(value, input);
    },
    ...children,
  );
  return f;
}

/** A form acting on the stage under the sheet's cursor: not sent when there is none. */
export function stageForm<K extends ObjectAction>(
  label: string,
  spec: Omit<ActionSpec<K>, 'input'> & { input(stage: StageView): ActionInput<K> },
  ...children: Child[]
): HTMLFormElement {
  return actionForm(
    label,
    {
      ...spec,
      input: () => {
        const stage = currentSelection().stage;
        if (!stage) {
          showError(EMPTY_STAGE);
          return null;
        }
        // Where the sidebar saw the stage: the server finds it with fewer reads (it checks the
        // ID there first). Extra fields are harmless to actions that do not use them.
        return {
          ...(spec.input(stage) as object),
          row: stage.row,
          studentId: stage.studentId,
        } as ActionInput<K>;
      },
    },
    ...children,
  );
}
