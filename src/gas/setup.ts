/**
 * "Initialiser le classeur": creates the add-on's sheets or repairs them without losing data.
 * Missing columns are appended after the user's own; existing rows are never touched.
 */
import { BUILT_IN_SCHOOL_HOLIDAYS } from '../domain/holidays/schoolHolidays';
import { MAX_WEEKLY_HOURS } from '../domain/limits';
import { schoolYearOf } from '../domain/sessions';
import { fold } from '../domain/text';
import { staffLabel, studentLabels } from '../domain/labels';
import { type Rec, str } from '../sheets/records';
import {
  ABSENCES,
  ALL_SHEETS,
  COMPANIES,
  DATE_CELL_FORMAT,
  HOLIDAYS,
  SESSIONS,
  STAFF,
  STAGES,
  STUDENTS,
  TUTORS,
  VISITS,
  type ColumnSpec,
  type SheetSpec,
} from '../sheets/schema';
import { type Context, noteFormulaColumns } from './context';
import { readColumnTags, tagColumn } from './columnTags';
import { columnLetter } from './sheetTable';
import { journalRenewedIds, renewDuplicateIds } from './uniqueIds';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = '#e8f0fe';
const STOPPED_FONT_COLOR = '#d93025';

export interface SetupReport {
  created: string[];
  repaired: string[];
  /** Headers renamed by hand whose add-on title was put back ("Stages « Fin »"). */
  restored: string[];
  /** Reference rows typed by hand that received an ID or a label. */
  completed: number;
  /** Rows of the reference, Absences and Visites sheets that held a copied ID: given a new one. */
  reidentified: number;
}

/**
 * Header positions after making sure every column of `spec` exists, is tagged (columnTags.ts)
 * and bears its title. A tagged column is the add-on's whatever its title says (renamed or moved
 * by hand): its title is put back. A column without a tag (a workbook initialised before tags
 * existed) is recognised by its title, and tagged. Only a column found neither way is added, at
 * the end: never an empty twin of a column that is still there.
 */
function ensureHeaders(
  sheet: Sheet,
  spec: SheetSpec,
): { positions: Map<string, number>; added: number; restored: string[] } {
  const lastCol = sheet.getLastColumn();
  const existing =
    lastCol > 0 ? ((sheet.getRange(1, 1, 1, lastCol).getValues()[0] ?? []) as unknown[]) : [];
  const titleAt = (col: number) => String(existing[col - 1] ?? '').trim();
  const tags = readColumnTags(sheet);
  const positions = new Map<string, number>();
  const taken = new Set<number>();
  const place = (key: string, col: number) => {
    positions.set(key, col);
    taken.add(col);
  };
  for (const c of spec.columns) {
    const mine = tags.filter((t) => t.key === c.key).sort((a, b) => a.column - b.column);
    const free = mine.filter((t) => !taken.has(t.column));
    const keep = free.find((t) => titleAt(t.column) === c.header) ?? free[0];
    // One tag per column key: a second one (a column duplicated with its tag) goes.
    for (const t of mine) if (t !== keep) t.remove();
    if (keep) place(c.key, keep.column);
  }
  const untagged: ColumnSpec[] = [];
  for (const c of spec.columns) {
    if (positions.has(c.key)) continue;
    const col = existing.findIndex((_h, i) => !taken.has(i + 1) && titleAt(i + 1) === c.header);
    if (col < 0) continue;
    place(c.key, col + 1);
    untagged.push(c);
  }
  const missing = spec.columns.filter((c) => !positions.has(c.key));
  if (missing.length > 0) {
    const first = lastCol + 1;
    const needed = first + missing.length - 1;
    const max = sheet.getMaxColumns();
    if (needed > max) sheet.insertColumnsAfter(max, needed - max);
    sheet.getRange(1, first, 1, missing.length).setValues([missing.map((c) => c.header)]);
    missing.forEach((c, i) => place(c.key, first + i));
    untagged.push(...missing);
  }
  const restored: string[] = [];
  for (const c of spec.columns) {
    const col = positions.get(c.key)!;
    if (col > lastCol || titleAt(col) === c.header) continue;
    sheet.getRange(1, col).setValue(c.header);
    restored.push(`${spec.name} « ${c.header} »`);
  }
  for (const c of untagged) tagColumn(sheet, columnLetter(positions.get(c.key)!), c.key);
  return { positions, added: missing.length, restored };
}

function format(sheet: Sheet, spec: SheetSpec, positions: Map<string, number>): void {
  const width = Math.max(...positions.values());
  sheet.setFrozenRows(1);
  sheet
    .getRange(1, 1, 1, width)
    .setFontWeight('bold')
    .setBackground(HEADER_BACKGROUND)
    .setWrap(true)
    .setVerticalAlignment('middle');
  const rows = sheet.getMaxRows() - 1;
  for (const c of spec.columns) {
    const pos = positions.get(c.key)!;
    sheet.setColumnWidth(pos, c.width);
    const body = sheet.getRange(2, pos, rows, 1);
    // Text columns keep the automatic format: the add-on writes text with a leading apostrophe
    // when needed (cells.ts), which Sheets takes literally only outside plain-text cells.
    if (c.kind === 'date') body.setNumberFormat(DATE_CELL_FORMAT);
    else if (c.kind === 'number') body.setNumberFormat('0.##');
    if (c.hidden) sheet.hideColumns(pos);
  }
}

function listRule(source: GoogleAppsScript.Spreadsheet.Range, help: string) {
  return SpreadsheetApp.newDataValidation()
    .requireValueInRange(source, true)
    .setAllowInvalid(false)
    .setHelpText(help)
    .build();
}

function columnRange(sheet: Sheet, pos: number): GoogleAppsScript.Spreadsheet.Range {
  const l = columnLetter(pos);
  return sheet.getRange(`${l}2:${l}`);
}

function validations(sheets: Map<string, { sheet: Sheet; positions: Map<string, number> }>): void {
  const get = (spec: SheetSpec) => sheets.get(spec.name)!;
  const stages = get(STAGES);
  const src = (spec: SheetSpec, key: string) => {
    const s = get(spec);
    return columnRange(s.sheet, s.positions.get(key)!);
  };
  const at = (key: string) => columnRange(stages.sheet, stages.positions.get(key)!);
  at('session').setDataValidation(
    listRule(src(SESSIONS, 'title'), 'Choisissez une session de la feuille Sessions.'),
  );
  at('student').setDataValidation(
    listRule(src(STUDENTS, 'label'), 'Choisissez un élève de la feuille Élèves.'),
  );
  at('company').setDataValidation(
    listRule(src(COMPANIES, 'name'), 'Choisissez une entreprise de la feuille Entreprises.'),
  );
  at('tutor').setDataValidation(
    listRule(src(TUTORS, 'label'), 'Choisissez un tuteur de la feuille Tuteurs.'),
  );
  at('referent').setDataValidation(
    listRule(src(STAFF, 'label'), 'Choisissez un membre du personnel.'),
  );
  at('follower').setDataValidation(
    listRule(src(STAFF, 'label'), "Choisissez l'enseignant qui suit le stage (feuille Personnel)."),
  );
  const dateRule = SpreadsheetApp.newDataValidation()
    .requireDate()
    .setAllowInvalid(false)
    .setHelpText('Une date jj/mm/aaaa.')
    .build();
  const checkboxRule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  for (const spec of ALL_SHEETS) {
    const s = get(spec);
    for (const c of spec.columns as readonly ColumnSpec[]) {
      const pos = s.positions.get(c.key)!;
      if (c.kind === 'date') columnRange(s.sheet, pos).setDataValidation(dateRule);
      // A checkbox rule without values: insertCheckboxes would fill the column with FALSE and
      // push getLastRow (so every append) to the bottom of the grid.
      if (c.kind === 'boolean') columnRange(s.sheet, pos).setDataValidation(checkboxRule);
    }
  }
  const sessions = get(SESSIONS);
  columnRange(sessions.sheet, sessions.positions.get('visitReport')!).setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList(['oui', 'non'], true)
      .setAllowInvalid(false)
      .setHelpText('oui : chaque visite de la session peut avoir son compte rendu.')
      .build(),
  );
  at('weeklyHours').setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireNumberBetween(0.5, MAX_WEEKLY_HOURS)
      .setAllowInvalid(false)
      .setHelpText(`Heures par semaine, entre 0,5 et ${MAX_WEEKLY_HOURS}.`)
      .build(),
  );
}

function stagesFormulas(
  stages: { sheet: Sheet; positions: Map<string, number> },
  ctx: Context,
): void {
  const L = (k: string) => columnLetter(stages.positions.get(k)!);
  // Computed cells are per-row formulas (see sheets/rowFormulas.ts): rewrite them for the rows
  // already there, which also repairs a formula someone overwrote by hand.
  const last = stages.sheet.getLastRow();
  if (last >= 2) {
    const t = ctx.table(STAGES);
    const rows = t.readAll();
    if (rows.length > 0) {
      const patches = new Map(rows.map((r) => [r.row, { id: r.values.id }]));
      t.writeRows(patches);
    }
  }
  const phaseLetter = L('phase');
  const width = Math.max(...stages.positions.values());
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(`=$${phaseLetter}2="Arrêté"`)
    .setFontColor(STOPPED_FONT_COLOR)
    .setBackground('#fce8e6')
    .setRanges([stages.sheet.getRange(2, 1, stages.sheet.getMaxRows() - 1, width)])
    .build();
  stages.sheet.setConditionalFormatRules([rule]);
  // Computed and ID columns: a warning, not a wall (staff may still fix a broken row by hand).
  for (const c of STAGES.columns as readonly ColumnSpec[]) {
    if (c.kind !== 'computed' && c.kind !== 'id') continue;
    const existing = stages.sheet
      .getProtections(SpreadsheetApp.ProtectionType.RANGE)
      .some((p) => p.getDescription() === `Suivi des stages : ${c.header}`);
    if (existing) continue;
    columnRange(stages.sheet, stages.positions.get(c.key)!)
      .protect()
      .setDescription(`Suivi des stages : ${c.header}`)
      .setWarningOnly(true);
  }
}

function fillHolidays(sheet: Sheet, ctx: Context): number {
  if (sheet.getLastRow() > 1) return 0;
  const t = ctx.table(HOLIDAYS);
  const rows = BUILT_IN_SCHOOL_HOLIDAYS.map((h) => ({
    zone: h.zone,
    name: h.name,
    start: h.start,
    end: h.end,
    schoolYear: schoolYearOf(h.start),
  }));
  t.appendRows(rows);
  return rows.length;
}

/**
 * Rows typed by hand in the reference sheets have no ID yet: give them one, compute their label
 * (the text the Stages drop-downs offer) and link a tutor to its company by name.
 */
function completeReferenceRows(ctx: Context): { completed: number; reidentified: number } {
  let fixed = 0;
  let reidentified = 0;
  /**
   * One read of the sheet (or the rows already read), one write of the rows that changed; a
   * row holding an ID already on an earlier row is a copy and gets a new ID (journalled).
   */
  const fixTable = <K extends string>(
    spec: SheetSpec<K>,
    prefix: string,
    named: (r: Rec<K>) => boolean,
    patchOf: (r: Rec<K>, id: string, row: number) => Partial<Record<K, string>>,
    rows = ctx.table(spec).readAll(),
  ) => {
    const idOf = (r: Rec<K>) => str(r['id' as K]);
    const renewed = renewDuplicateIds(
      rows.map(({ row, values }) => ({ row, id: idOf(values) })),
      () => ctx.newId(prefix),
    );
    const renewedAt = new Map(renewed.map((r) => [r.row, r.to]));
    const patches = new Map<number, Partial<Record<K, string>>>();
    for (const { row, values } of rows) {
      const fresh = renewedAt.get(row);
      if (!named(values)) {
        if (fresh) patches.set(row, { ['id' as K]: fresh } as Partial<Record<K, string>>);
        continue;
      }
      const id = fresh ?? (idOf(values) || ctx.newId(prefix));
      const patch = { ...patchOf(values, id, row), ['id' as K]: id };
      const changed = (Object.keys(patch) as K[]).some((k) => String(values[k] ?? '') !== patch[k]);
      if (changed) patches.set(row, patch);
    }
    // readAll keeps the rows it read: the write needs no second read.
    const t = ctx.table(spec);
    t.writeRows(patches);
    journalRenewedIds(ctx, spec.name, renewed, (back) =>
      t.writeRows(
        new Map(back.map((r) => [r.row, { ['id' as K]: r.from } as Partial<Record<K, string>>])),
      ),
    );
    fixed += patches.size - renewed.length;
    reidentified += renewed.length;
  };
  const companies = ctx.table(COMPANIES).readAll();
  const companyByName = new Map<string, string[]>();
  for (const c of companies) {
    const key = fold(str(c.values.name));
    if (key) companyByName.set(key, [...(companyByName.get(key) ?? []), str(c.values.id)]);
  }
  fixTable(
    COMPANIES,
    'ENT',
    (r) => str(r.name) !== '',
    (_r, id) => ({ id }),
    companies,
  );
  // A student's label depends on the others (homonyms): computed over the whole sheet first.
  const students = ctx.table(STUDENTS).readAll();
  const labels = studentLabels(
    students.map(({ row, values: r }) => ({
      id: String(row),
      lastName: str(r.lastName),
      firstName: str(r.firstName),
      className: str(r.className),
      birthDate: str(r.birthDate),
    })),
  );
  fixTable(
    STUDENTS,
    'ELV',
    (r) => str(r.lastName) !== '',
    (_r, id, row) => ({ id, label: labels.get(String(row)) ?? '' }),
    students,
  );
  const personLabelOf = (r: Rec<'civility' | 'lastName' | 'firstName'>) =>
    staffLabel({
      civility: str(r.civility),
      lastName: str(r.lastName),
      firstName: str(r.firstName),
    });
  fixTable(
    TUTORS,
    'TUT',
    (r) => str(r.lastName) !== '',
    (r, id) => {
      const ids = companyByName.get(fold(str(r.company))) ?? [];
      const companyId = str(r.companyId) || (ids.length === 1 ? ids[0]! : '');
      return { id, label: personLabelOf(r), companyId };
    },
  );
  fixTable(
    STAFF,
    'PER',
    (r) => str(r.lastName) !== '',
    (r, id) => ({ id, label: personLabelOf(r) }),
  );
  // Sessions, absences and visits are made by the add-on: nothing to complete but copied IDs.
  fixTable(
    SESSIONS,
    'SES',
    () => false,
    (_r, id) => ({ id }),
  );
  fixTable(
    ABSENCES,
    'ABS',
    () => false,
    (_r, id) => ({ id }),
  );
  fixTable(
    VISITS,
    'VIS',
    () => false,
    (_r, id) => ({ id }),
  );
  return { completed: fixed, reidentified };
}

/** A new spreadsheet's empty "Feuille 1" is noise once the add-on's sheets exist. */
function removeBlankDefaultSheet(ctx: Context): void {
  for (const name of ['Feuille 1', 'Sheet1']) {
    const sheet = ctx.ss.getSheetByName(name);
    if (
      sheet &&
      sheet.getLastRow() === 0 &&
      sheet.getLastColumn() === 0 &&
      ctx.ss.getSheets().length > 1
    ) {
      ctx.ss.deleteSheet(sheet);
    }
  }
}

export function initialiseWorkbook(ctx: Context): SetupReport {
  const report: SetupReport = {
    created: [],
    repaired: [],
    restored: [],
    completed: 0,
    reidentified: 0,
  };
  // Headers and rows may be repaired: lists cached before are not trusted any more.
  ctx.referencesChanged();
  const sheets = new Map<string, { sheet: Sheet; positions: Map<string, number> }>();
  ALL_SHEETS.forEach((spec, index) => {
    let sheet = ctx.ss.getSheetByName(spec.name);
    if (!sheet) {
      sheet = ctx.ss.insertSheet(spec.name, index);
      report.created.push(spec.name);
    }
    const { positions, added, restored } = ensureHeaders(sheet, spec);
    if (added > 0 && !report.created.includes(spec.name)) report.repaired.push(spec.name);
    report.restored.push(...restored);
    format(sheet, spec, positions);
    sheets.set(spec.name, { sheet, positions });
  });
  validations(sheets);
  removeBlankDefaultSheet(ctx);
  const visits = sheets.get(VISITS.name)!.positions;
  const absences = sheets.get(ABSENCES.name)!.positions;
  noteFormulaColumns(ctx, {
    visits: {
      stageId: columnLetter(visits.get('stageId')!),
      date: columnLetter(visits.get('date')!),
    },
    absences: { stageId: columnLetter(absences.get('stageId')!) },
  });
  stagesFormulas(sheets.get(STAGES.name)!, ctx);
  const holidays = sheets.get(HOLIDAYS.name)!;
  fillHolidays(holidays.sheet, ctx);
  Object.assign(report, completeReferenceRows(ctx));
  ctx.journal({ action: 'Initialiser le classeur', target: '', before: null, after: report });
  return report;
}
