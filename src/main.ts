/**
 * Every Apps Script entry point: triggers, menu handlers, and the sidebar's API (ServerApi).
 * The build turns each export into a top-level function of dist/Code.js.
 */
import type { ApiResult, ServerApi, SettingsView, SidebarView } from './api/contract';
import { formatFr } from './domain/dates';
import { UserError } from './domain/errors';
import { Context, normaliseSettings } from './gas/context';
import { MissingSheetError } from './gas/sheetTable';
import { initialiseWorkbook } from './gas/setup';
import { alert, buildMenu, openSidebar, toast } from './gas/ui';
import { recomputeDurations, recomputeDurationsLocked } from './usecases/durations';
import { applyFilterToSheet, clearSheetFilter, filterStages } from './usecases/gestion';
import { applyImport, previewImport } from './usecases/imports';
import {
  addAbsence,
  importSchoolHolidays,
  listAbsences,
  removeAbsence,
  renderCalendar,
  renderOverview,
} from './usecases/planning';
import { saveStaff, saveTutor } from './usecases/people';
import { refreshEditedRows } from './usecases/editedRows';
import { repairStages } from './usecases/repairStages';
import { currentSelection } from './usecases/selection';
import { assignmentView, assignStudents, referenceData, saveSession } from './usecases/sessions';
import { affect, assignNewStage, reassign, split, stop, unstop } from './usecases/stageActions';
import { addVisit, listVisits, removeVisit } from './usecases/visits';

/** Runs a use case: a French message for what users got wrong, the error itself otherwise. */
function run<T>(
  fn: (ctx: Context) => T,
  message: (v: T) => string,
  /** The execution's context when the caller already made one (one per execution suffices). */
  ctx?: Context,
): ApiResult<T> {
  try {
    const value = fn(ctx ?? new Context());
    return { ok: true, value, message: message(value) };
  } catch (e) {
    if (e instanceof UserError) {
      return {
        ok: false,
        error: e.message,
        ...(e.field ? { field: e.field } : {}),
        ...(e.conflict ? { conflict: true } : {}),
      };
    }
    if (e instanceof MissingSheetError) return { ok: false, error: e.message };
    throw e;
  }
}

/** "1 stage créé", "3 stages créés", "aucun stage créé", "aucune ligne ajoutée". */
function count(n: number, singular: string, plural: string): string {
  if (n === 0) return `${FEMININE.test(singular) ? 'aucune' : 'aucun'} ${singular}`;
  return `${n} ${n === 1 ? singular : plural}`;
}

const FEMININE = /^(ligne|nouvelle|mise|durée|période)\b/;

function mapValue<A, B>(r: ApiResult<A>, f: (a: A) => B): ApiResult<B> {
  return r.ok ? { ok: true, value: f(r.value), message: r.message } : r;
}

// ——— Triggers ———

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * Simple trigger: dates, hours, schedule or country changed by hand in Stages → presence counted
 * again for those rows. A simple trigger must never bother the user: failures are only logged.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e?.range;
  if (!range) return;
  try {
    const ctx = new Context();
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(5_000)) return;
    try {
      refreshEditedRows(ctx, {
        sheetName: range.getSheet().getName(),
        row: range.getRow(),
        numRows: range.getNumRows(),
        column: range.getColumn(),
        numColumns: range.getNumColumns(),
      });
    } finally {
      lock.releaseLock();
    }
  } catch (err) {
    console.warn(`onEdit : ${err instanceof Error ? err.message : String(err)}`);
  }
}

// ——— Menu handlers ———

function open(view: SidebarView): void {
  openSidebar(view);
}

export const menuOpenFiche = (): void => open('fiche');
export const menuOpenGestion = (): void => open('gestion');
export const menuOpenSession = (): void => open('session');
export const menuOpenImport = (): void => open('import');
export const menuStopStage = (): void => open('stop');
export const menuRemoveStop = (): void => open('stop');
export const menuNewStage = (): void => open('newStage');
export const menuSplitStage = (): void => open('split');
export const menuReassign = (): void => open('reassign');
export const menuOpenAbsences = (): void => open('absences');
export const menuOpenSettings = (): void => open('settings');

export function menuInitWorkbook(): void {
  const ctx = new Context();
  const { report, stages } = ctx.withLock(() => {
    const report = initialiseWorkbook(ctx);
    return { report, stages: repairStages(ctx) };
  });
  const parts = [
    report.created.length > 0 ? `feuilles créées : ${report.created.join(', ')}` : '',
    report.repaired.length > 0 ? `colonnes ajoutées dans : ${report.repaired.join(', ')}` : '',
    report.completed > 0
      ? count(report.completed, 'ligne de référence complétée', 'lignes de référence complétées')
      : '',
    stages.repaired > 0
      ? count(stages.repaired, 'ligne de stage complétée', 'lignes de stage complétées')
      : '',
  ].filter((s) => s !== '');
  if (stages.problems.length > 0) {
    alert(`Lignes de stage à corriger à la main :\n${stages.problems.slice(0, 20).join('\n')}`);
  }
  toast(
    parts.length > 0 ? `Classeur prêt (${parts.join(' ; ')}).` : 'Classeur prêt : rien à réparer.',
  );
}

function renderFromSelection(kind: 'calendar' | 'overview'): void {
  const ctx = new Context();
  const sel = currentSelection(ctx);
  if (!sel.stage) {
    alert('Sélectionnez d’abord une ligne de la feuille Stages.');
    return;
  }
  const stage = sel.stage;
  const r =
    kind === 'calendar'
      ? run(
          (c) => renderCalendar(c, { stageId: stage.id }),
          () => '',
          ctx,
        )
      : run(
          (c) => renderOverview(c, { sessionId: stage.sessionId }),
          () => '',
          ctx,
        );
  if (!r.ok) alert(r.error);
}

export function menuRecomputeDurations(): void {
  const r = run(
    (ctx) => recomputeDurations(ctx),
    (v) => `Durées recalculées : ${count(v.updated, 'ligne mise à jour', 'lignes mises à jour')}.`,
  );
  if (r.ok) toast(r.message);
  else alert(r.error);
}

export const menuRenderCalendar = (): void => renderFromSelection('calendar');
export const menuRenderOverview = (): void => renderFromSelection('overview');

// ——— Sidebar API (see src/api/contract.ts) ———

export const apiGetSelection: ServerApi['apiGetSelection'] = () => currentSelection(new Context());
export const apiGetReferenceData: ServerApi['apiGetReferenceData'] = () =>
  referenceData(new Context());
export const apiGetSettings: ServerApi['apiGetSettings'] = () => new Context().settings();
export const apiSaveSettings: ServerApi['apiSaveSettings'] = (input) =>
  mapValue(
    run(
      (ctx) => {
        const s = validateSettings(input);
        return ctx.withLock(() => {
          const before = ctx.settings();
          ctx.saveSettings(s);
          ctx.journal({ action: 'Paramètres', target: '', before, after: s });
          // Presence depends on these two: keep the column true at once.
          const recount =
            before.alsaceMoselle !== s.alsaceMoselle ||
            before.defaultWeeklyHours !== s.defaultWeeklyHours;
          return { settings: s, recounted: recount ? recomputeDurationsLocked(ctx).updated : 0 };
        });
      },
      (r) =>
        r.recounted > 0
          ? `Paramètres enregistrés ; ${count(r.recounted, 'durée de présence recalculée', 'durées de présence recalculées')}.`
          : 'Paramètres enregistrés.',
    ),
    (r) => r.settings,
  );

function validateSettings(input: SettingsView): SettingsView {
  const hours = Number(String(input?.defaultWeeklyHours ?? '').replace(',', '.'));
  if (!Number.isFinite(hours) || hours <= 0 || hours > 48) {
    throw new UserError(
      'La durée hebdomadaire par défaut doit être comprise entre 1 et 48 heures.',
      'defaultWeeklyHours',
    );
  }
  const rate = Number(String(input?.hourlyGratification ?? '').replace(',', '.'));
  if (!Number.isFinite(rate) || rate <= 0 || rate > 100) {
    throw new UserError(
      'La gratification horaire doit être un montant en euros, par exemple 4,50.',
      'hourlyGratification',
    );
  }
  if (input?.zone !== 'A' && input?.zone !== 'B' && input?.zone !== 'C') {
    throw new UserError('Choisissez la zone de vacances scolaires : A, B ou C.', 'zone');
  }
  const text = (v: unknown, max: number, field: string, label: string) => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (s.length > max)
      throw new UserError(`${label} est trop long (${max} caractères au plus).`, field);
    return s;
  };
  return normaliseSettings({
    schoolName: text(input.schoolName, 200, 'schoolName', "Le nom de l'établissement"),
    schoolAddress: text(input.schoolAddress, 500, 'schoolAddress', "L'adresse"),
    headOfSchool: text(input.headOfSchool, 200, 'headOfSchool', "Le nom du chef d'établissement"),
    academy: text(input.academy, 100, 'academy', "L'académie"),
    zone: input.zone,
    alsaceMoselle: input.alsaceMoselle === true,
    defaultWeeklyHours: hours,
    hourlyGratification: rate,
  });
}

export const apiSaveSession: ServerApi['apiSaveSession'] = (input) =>
  run(
    (ctx) => saveSession(ctx, input),
    (s) => `Session « ${s.title} » enregistrée.`,
  );
export const apiGetAssignment: ServerApi['apiGetAssignment'] = (sessionId) =>
  assignmentView(new Context(), sessionId);
export const apiAssignStudents: ServerApi['apiAssignStudents'] = (input) =>
  run(
    (ctx) => assignStudents(ctx, input),
    (r) =>
      [
        count(r.created, 'stage créé', 'stages créés'),
        r.skipped > 0 ? count(r.skipped, 'élève déjà affecté', 'élèves déjà affectés') : '',
        r.overlapping.length > 0
          ? `non affecté${r.overlapping.length > 1 ? 's' : ''} car déjà en stage à ces dates : ${r.overlapping.join(', ')}`
          : '',
      ]
        .filter((x) => x !== '')
        .join(' ; ')
        .replace(/^./, (c) => c.toUpperCase()) + '.',
  );

export const apiPreviewImport: ServerApi['apiPreviewImport'] = (input) =>
  run(
    (ctx) => previewImport(ctx, input),
    (p) =>
      `Aperçu : ${count(p.created, 'nouvelle ligne', 'nouvelles lignes')}, ${count(p.updated, 'mise à jour', 'mises à jour')}, ${count(p.errors, 'ligne en erreur', 'lignes en erreur')}.`,
  );
export const apiApplyImport: ServerApi['apiApplyImport'] = (input) =>
  run(
    (ctx) => applyImport(ctx, input),
    (p) =>
      `Import terminé : ${count(p.created, 'ligne ajoutée', 'lignes ajoutées')}, ${count(p.updated, 'mise à jour', 'mises à jour')}` +
      (p.errors > 0
        ? ` ; ${count(p.errors, 'ligne non importée', 'lignes non importées')} (voir l'aperçu).`
        : '.'),
  );

export const apiFilterStages: ServerApi['apiFilterStages'] = (filter) =>
  run(
    (ctx) => filterStages(ctx, filter),
    (r) => `Filtre : ${r.count} ${r.count > 1 ? 'stages trouvés' : 'stage trouvé'} sur ${r.total}.`,
  );
export const apiApplyFilterToSheet: ServerApi['apiApplyFilterToSheet'] = (filter) =>
  run(
    (ctx) => applyFilterToSheet(ctx, filter),
    (r) =>
      `Filtre appliqué à la feuille : ${r.count} ${r.count > 1 ? 'stages' : 'stage'} sur ${r.total}.`,
  );
export const apiClearSheetFilter: ServerApi['apiClearSheetFilter'] = () =>
  run(
    (ctx) => clearSheetFilter(ctx),
    () => 'Filtre de la feuille retiré.',
  );
export const apiAffect: ServerApi['apiAffect'] = (input) =>
  run(
    (ctx) => affect(ctx, input),
    (v) => `${count(v.length, 'stage mis à jour', 'stages mis à jour')}.`,
  );

export const apiStopStage: ServerApi['apiStopStage'] = (input) =>
  run(
    (ctx) => stop(ctx, input),
    (v) => `Stage de ${v.student} arrêté le ${formatFr(v.stoppedOn)}.`,
  );
export const apiRemoveStop: ServerApi['apiRemoveStop'] = (input) =>
  run(
    (ctx) => unstop(ctx, input),
    (v) =>
      `Arrêt enlevé : le stage de ${v.student} va du ${formatFr(v.start)} au ${formatFr(v.end)}.`,
  );
export const apiNewStage: ServerApi['apiNewStage'] = (input) =>
  run(
    (ctx) => assignNewStage(ctx, input),
    (v) => `Nouveau stage de ${v.student} du ${formatFr(v.start)} au ${formatFr(v.end)}.`,
  );
export const apiSplitStage: ServerApi['apiSplitStage'] = (input) =>
  run(
    (ctx) => split(ctx, input),
    (v) =>
      `Stage de ${v[0]?.student ?? ''} scindé : ${v
        .map((p) => `du ${formatFr(p.start)} au ${formatFr(p.end)}`)
        .join(' puis ')}.`,
  );
export const apiReassignStage: ServerApi['apiReassignStage'] = (input) =>
  run(
    (ctx) => reassign(ctx, input),
    (v) =>
      v.needsAmendment
        ? `Stage de ${v.student} réaffecté : un avenant à la convention est à faire (colonne « Avenant »).`
        : `Stage de ${v.student} réaffecté.`,
  );

export const apiListAbsences: ServerApi['apiListAbsences'] = (stageId) =>
  listAbsences(new Context(), stageId);
export const apiAddAbsence: ServerApi['apiAddAbsence'] = (input) =>
  run(
    (ctx) => addAbsence(ctx, input),
    () => 'Absence enregistrée.',
  );
export const apiRemoveAbsence: ServerApi['apiRemoveAbsence'] = (input) =>
  run(
    (ctx) => removeAbsence(ctx, input),
    () => 'Absence supprimée.',
  );
export const apiRenderCalendar: ServerApi['apiRenderCalendar'] = (input) =>
  run(
    (ctx) => renderCalendar(ctx, input),
    (r) => `Calendrier affiché dans la feuille « ${r.sheetName} ».`,
  );
export const apiRenderOverview: ServerApi['apiRenderOverview'] = (input) =>
  run(
    (ctx) => renderOverview(ctx, input),
    (r) => `Vue d'ensemble affichée dans la feuille « ${r.sheetName} ».`,
  );
export const apiImportSchoolHolidays: ServerApi['apiImportSchoolHolidays'] = (input) =>
  run(
    (ctx) => importSchoolHolidays(ctx, input),
    (r) => `${count(r.added, 'période de vacances ajoutée', 'périodes de vacances ajoutées')}.`,
  );

export const apiListVisits: ServerApi['apiListVisits'] = (stageId) =>
  listVisits(new Context(), stageId);
export const apiAddVisit: ServerApi['apiAddVisit'] = (input) =>
  run(
    (ctx) => addVisit(ctx, input),
    (v) =>
      v.done
        ? `Visite du ${formatFr(v.date)} enregistrée.`
        : `Visite prévue le ${formatFr(v.date)} enregistrée : elle comptera à partir de ce jour.`,
  );
export const apiRemoveVisit: ServerApi['apiRemoveVisit'] = (input) =>
  run(
    (ctx) => removeVisit(ctx, input),
    () => 'Visite supprimée.',
  );
export const apiSaveTutor: ServerApi['apiSaveTutor'] = (input) =>
  run(
    (ctx) => saveTutor(ctx, input),
    (t) => `Tuteur « ${t.label} » enregistré (${t.company}).`,
  );
export const apiSaveStaff: ServerApi['apiSaveStaff'] = (input) =>
  run(
    (ctx) => saveStaff(ctx, input),
    (s) => `« ${s.label} » enregistré(e) dans le personnel.`,
  );
