/**
 * A user typing in a cell of the workbench, handled as Sheets handles it, so the add-on's
 * hand-edit features can be tried without a Google account:
 * 1. protections: a warning-only one asks for confirmation, any other refuses users who are not
 *    its editors (the workbench user owns the example, so in practice only warnings show);
 * 2. the text is written as typed input: `range.setValue(text)`, which the emulator parses as
 *    Sheets parses what a user types in the spreadsheet's locale (fr_FR: "10/02/2023" a date,
 *    "3,5" a number, a leading apostrophe keeps text, a leading "=" makes a formula);
 * 3. a strict data validation rule (`setAllowInvalid(false)`) refuses the value, leaving the
 *    cell as it was;
 * 4. the add-on's simple `onEdit(e)` trigger runs with the event Sheets passes.
 * The formula engine speaks en_US syntax (commas, English names), as `setFormula` does; the
 * French syntax Sheets accepts from a fr_FR user (semicolons, French names) is not translated.
 */
import type { BundleContext } from 'gas-emulator/bundle';
import type { Emulator } from 'gas-emulator';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export interface EditRequest {
  sheet: string;
  /** A1 notation: one cell for a typed value, any range for a clear. */
  range: string;
  /** What the user typed, or null to clear the range (Delete key). */
  value: string | null;
  /** The user already confirmed a warning-only protection. */
  confirmed?: boolean;
}

export type EditOutcome =
  | { kind: 'done' }
  | { kind: 'refused'; message: string }
  /** A warning-only protection: ask the user, then send the edit again confirmed. */
  | { kind: 'confirm'; message: string };

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** A date as a Sheets serial number, read on the wall clock of the spreadsheet's zone. */
export function serialInZone(d: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(d)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return (wall - SERIAL_EPOCH) / 86_400_000;
}

/**
 * A cell value as the event's `value`/`oldValue` string: text as is, numbers in plain digits,
 * dates as their serial number and booleans as TRUE/FALSE, the forms Sheets is known to pass
 * (not checked against a real spreadsheet here).
 */
export function eventValue(v: unknown, timeZone: string): string {
  if (v instanceof Date) return String(serialInZone(v, timeZone));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function overlaps(a: Range, b: Range): boolean {
  return (
    a.getRow() <= b.getLastRow() &&
    b.getRow() <= a.getLastRow() &&
    a.getColumn() <= b.getLastColumn() &&
    b.getColumn() <= a.getLastColumn()
  );
}

function inside(inner: Range, outer: Range): boolean {
  return (
    inner.getRow() >= outer.getRow() &&
    inner.getLastRow() <= outer.getLastRow() &&
    inner.getColumn() >= outer.getColumn() &&
    inner.getLastColumn() <= outer.getLastColumn()
  );
}

function guards(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: Range,
  em: Emulator,
): Protection[] {
  const type = em.sheets.SpreadsheetApp.ProtectionType;
  const ranges = sheet.getProtections(type.RANGE).filter((p) => overlaps(p.getRange(), range));
  const whole = sheet
    .getProtections(type.SHEET)
    .filter((p) => !p.getUnprotectedRanges().some((u) => inside(range, u)));
  return [...whole, ...ranges];
}

function protectionName(p: Protection): string {
  return p.getDescription() || p.getRange().getA1Notation();
}

export function applyUserEdit(
  em: Emulator,
  bundle: BundleContext,
  req: EditRequest,
  warn: (line: string) => void,
): EditOutcome {
  const ss = em.sheets.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(req.sheet);
  if (!sheet) return { kind: 'refused', message: `Feuille inconnue : ${req.sheet}` };
  let range: Range;
  try {
    range = sheet.getRange(req.range);
  } catch {
    return { kind: 'refused', message: `Plage invalide : ${req.range}` };
  }
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  if (req.value !== null && !single)
    return { kind: 'refused', message: 'Une saisie se fait dans une seule cellule.' };

  const hits = guards(sheet, range, em);
  const walls = hits.filter(
    (p) => !p.isWarningOnly() && !p.getEditors().some((u) => u.getEmail() === em.userEmail),
  );
  if (walls.length > 0)
    return {
      kind: 'refused',
      message:
        'Vous essayez de modifier une cellule ou un objet protégés. Contactez le propriétaire ' +
        'du classeur pour faire retirer la protection si vous devez modifier ces données.',
    };
  const warnings = hits.filter((p) => p.isWarningOnly());
  if (warnings.length > 0 && !req.confirmed)
    return {
      kind: 'confirm',
      message:
        `Attention : cette partie de la feuille (${warnings.map(protectionName).join(', ')}) ` +
        'ne devrait pas être modifiée par inadvertance. La modifier quand même ?',
    };

  const oldValue = single ? range.getValue() : '';
  const rule = req.value === null ? null : range.getDataValidation();
  const strict = rule !== null && !rule.getAllowInvalid();
  // Only a strict rule may have to take the write back; a snapshot costs the whole workbook.
  const before = strict ? em.sheets.snapshot() : null;
  if (req.value === null) range.clearContent();
  else range.setValue(req.value);
  if (rule && before && !em.sheets.isValid(req.sheet, range.getRow(), range.getColumn())) {
    em.sheets.restore(before);
    const help = rule.getHelpText();
    return {
      kind: 'refused',
      message:
        `Les données saisies dans la cellule ${range.getA1Notation()} ne respectent pas ` +
        `la règle de validation de cette cellule.${help ? ` ${help}` : ''}`,
    };
  }
  // During onEdit the edited cell is the active one, as after a user's edit in Sheets.
  em.sheets.setActiveRange(req.sheet, range.getA1Notation());

  if (!bundle.has('onEdit')) return { kind: 'done' };
  const event: Record<string, unknown> = {
    authMode: em.globals.ScriptApp.AuthMode.LIMITED,
    range,
    source: ss,
    user: em.globals.Session.getActiveUser(),
  };
  // Sheets gives value and oldValue for a single cell only, and leaves out an empty one.
  if (single) {
    const value = range.getValue();
    if (value !== '') event.value = eventValue(value, em.timeZone);
    if (oldValue !== '') event.oldValue = eventValue(oldValue, em.timeZone);
  }
  try {
    bundle.call('onEdit', event);
  } catch (e) {
    // A failing simple trigger never bothers the user in Sheets: it only shows in the logs.
    warn(`onEdit : ${e instanceof Error ? e.message : String(e)}`);
  }
  return { kind: 'done' };
}
