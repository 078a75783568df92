/**
 * Every Apps Script entry point: triggers, menu handlers, and the sidebar's API (ServerApi).
 * The build turns each export into a top-level function of dist/Code.js. Each one only pairs a
 * use case (src/usecases/) with its message (src/usecases/messages.ts).
 */
import type { ServerApi, SidebarBoot, SidebarView } from './api/contract';
import { Context, describeError } from './gas/context';
import { attempt, mapValue, readOnly, run } from './gas/run';
import { alert, buildMenu, openSidebar, type SidebarSection, toast } from './gas/ui';
import { recomputeDurations } from './usecases/durations';
import { refreshEditedRows } from './usecases/editedRows';
import { applyFilterToSheet, clearSheetFilter, filterStages } from './usecases/gestion';
import { getCompany, saveCompany } from './usecases/companies';
import { applyImport, previewImport } from './usecases/imports';
import * as say from './usecases/messages';
import { saveStaff, saveTutor } from './usecases/people';
import { addAbsence, listAbsences, removeAbsence } from './usecases/planning/absences';
import { renderCalendar, renderCalendarOfSelection } from './usecases/planning/calendar';
import { importSchoolHolidays } from './usecases/planning/importSchoolHolidays';
import { holidayCoverage } from './usecases/planning/shared';
import { renderOverview, renderOverviewOfSelection } from './usecases/planning/overview';
import { prepareWorkbook } from './usecases/prepareWorkbook';
import { currentSelection, pollSelection } from './usecases/selection';
import { assignmentView, assignStudents, referenceData, saveSession } from './usecases/sessions';
import { saveSettings } from './usecases/settings';
import { affect } from './usecases/stage/affect';
import { deleteStages, previewDeletion } from './usecases/stage/deleteStages';
import { assignNewStage } from './usecases/stage/newStage';
import { reassign } from './usecases/stage/reassign';
import { unstop } from './usecases/stage/removeStop';
import { split } from './usecases/stage/split';
import { stop } from './usecases/stage/stop';
import { stopMany } from './usecases/stage/stopMany';
import { addVisit, listVisits, removeVisit } from './usecases/visits';
import { attachSignedCopy } from './usecases/documents/attachSigned';
import { blankConvention } from './usecases/documents/blankConvention';
import { cancelDocument } from './usecases/documents/cancelDocument';
import { conventionsToChase } from './usecases/documents/chase';
import { chaseDays } from './usecases/documents/chaseSettings';
import { cachedChaseCount } from './gas/chaseCountCache';
import { documentsDashboard } from './usecases/documents/dashboard';
import { recordReminder } from './usecases/documents/recordReminder';
import { recordDocumentStep } from './usecases/documents/recordStep';
import { regulariseBlank } from './usecases/documents/regulariseBlank';
import { stageDocuments } from './usecases/documents/stageDocuments';
import { cancelDocuments } from './usecases/documents/cancelDocuments';
import { checkTemplate } from './usecases/documents/checkTemplate';
import { generateAccord } from './usecases/documents/generateAccord';
import { planDocuments } from './usecases/documents/planDocuments';
import { printDocuments } from './usecases/documents/printDocuments';
import { runDocumentsChunk } from './usecases/documents/runDocumentsChunk';
import { sessionTemplate } from './usecases/documents/sessionTemplate';
import { startDocuments } from './usecases/documents/startDocuments';
import { createTemplates, documentsOverview } from './usecases/documents/templates';
import { applyFollowUp, previewFollowUp } from './usecases/followUp/distribute';
import { editMyVisit } from './usecases/followUp/editVisit';
import { myStages } from './usecases/followUp/myStages';
import { planMyVisit } from './usecases/followUp/planVisit';
import { recordMyVisit } from './usecases/followUp/recordVisit';
import { removeMyVisit } from './usecases/followUp/removeVisit';
import { visitReport } from './usecases/followUp/visitReport';

// ——— Triggers ———

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * Simple trigger: dates, hours, schedule or country changed by hand in Stages → presence counted
 * again for those rows. A simple trigger must never bother the user: a busy lock skips the
 * recount, and failures are only logged.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e?.range;
  if (!range) return;
  try {
    const ctx = new Context();
    const outcome = ctx.tryWithLock(5_000, () =>
      refreshEditedRows(ctx, {
        sheetName: range.getSheet().getName(),
        row: range.getRow(),
        numRows: range.getNumRows(),
        column: range.getColumn(),
        numColumns: range.getNumColumns(),
      }),
    );
    const warning = outcome ? say.datesOutsideSession(outcome.outside) : null;
    if (warning) toast(warning);
  } catch (err) {
    // The recount was put back (tryWithLock): "Recalculer les durées" will do it later.
    console.warn(`onEdit : ${describeError(err)}`);
  }
}

// ——— Menu handlers ———

/**
 * Opens the sidebar with its first screen's data in the page: the selection and the lists. When
 * they cannot be read (a damaged workbook), the sidebar opens all the same and asks itself.
 */
function open(view: SidebarView, section?: SidebarSection): void {
  let boot: SidebarBoot | undefined;
  try {
    const ctx = new Context();
    boot = {
      selection: currentSelection(ctx),
      reference: referenceData(ctx),
      coverage: holidayCoverage(ctx),
    };
    try {
      const { afterDays, withinDays } = chaseDays(ctx);
      boot.chase = cachedChaseCount(ctx, `${afterDays}/${withinDays}`, () => {
        const chase = conventionsToChase(ctx, '');
        return {
          items: chase.items.length,
          overdue: chase.items.filter((i) => i.kind === 'overdue').length,
          blanks: chase.blanks.length,
        };
      });
    } catch (err) {
      console.warn(`Conventions à relancer : ${describeError(err)}`);
    }
  } catch (err) {
    console.warn(`Ouverture du panneau : ${describeError(err)}`);
  }
  const failed = attempt(() => openSidebar(view, boot, section));
  if (failed) alert(failed);
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
export const menuOpenCompanies = (): void => open('companies');
export const menuDeleteStage = (): void => open('deleteStage');
export const menuRemoveStudent = (): void => open('removeStudent');
export const menuOpenDocuments = (): void => open('documents');
export const menuGenerateConventions = (): void => open('documents', 'generate');
export const menuDistributeFollowUp = (): void => open('distribute');
export const menuMyStages = (): void => open('myStages');

export function menuInitWorkbook(): void {
  let ctx: Context | undefined;
  const r = run((c) => prepareWorkbook((ctx = c)), say.workbookReady);
  // The alert waits for the user: let the others write meanwhile (Apps Script releases the lock
  // at the end of the execution anyway, should this fail).
  attempt(() => ctx?.releaseLock());
  if (!r.ok) return alert(r.error);
  const toFix = say.stageRowsToFix(r.value);
  if (toFix) alert(toFix);
  toast(r.message);
}

export function menuRenderCalendar(): void {
  const r = run(renderCalendarOfSelection, () => '');
  if (!r.ok) alert(r.error);
}

export function menuRenderOverview(): void {
  const r = run(renderOverviewOfSelection, () => '');
  if (!r.ok) alert(r.error);
}

export function menuRecomputeDurations(): void {
  const r = run(recomputeDurations, say.durationsRecomputed);
  if (r.ok) toast(r.message);
  else alert(r.error);
}

// ——— Sidebar API (see src/api/contract.ts) ———

export const apiGetSelection: ServerApi['apiGetSelection'] = () =>
  readOnly(() => currentSelection(new Context()));
export const apiPollSelection: ServerApi['apiPollSelection'] = (probe) =>
  readOnly(() => pollSelection(new Context(), probe));
export const apiGetReferenceData: ServerApi['apiGetReferenceData'] = () =>
  readOnly(() => referenceData(new Context()));
export const apiGetSettings: ServerApi['apiGetSettings'] = () =>
  readOnly(() => new Context().settings());
export const apiSaveSettings: ServerApi['apiSaveSettings'] = (input) =>
  mapValue(
    run((ctx) => saveSettings(ctx, input), say.settingsSaved),
    (r) => r.settings,
  );

export const apiSaveSession: ServerApi['apiSaveSession'] = (input) =>
  run((ctx) => saveSession(ctx, input), say.sessionSaved);
export const apiGetAssignment: ServerApi['apiGetAssignment'] = (sessionId) =>
  readOnly(() => assignmentView(new Context(), sessionId));
export const apiAssignStudents: ServerApi['apiAssignStudents'] = (input) =>
  run((ctx) => assignStudents(ctx, input), say.studentsAssigned);

export const apiPreviewImport: ServerApi['apiPreviewImport'] = (input) =>
  run((ctx) => previewImport(ctx, input), say.importPreviewed);
export const apiApplyImport: ServerApi['apiApplyImport'] = (input) =>
  run((ctx) => applyImport(ctx, input), say.importApplied);

export const apiFilterStages: ServerApi['apiFilterStages'] = (filter) =>
  run((ctx) => filterStages(ctx, filter), say.stagesFiltered);
export const apiApplyFilterToSheet: ServerApi['apiApplyFilterToSheet'] = (filter) =>
  run((ctx) => applyFilterToSheet(ctx, filter), say.sheetFiltered);
export const apiClearSheetFilter: ServerApi['apiClearSheetFilter'] = () =>
  run(clearSheetFilter, () => say.SHEET_FILTER_REMOVED);
export const apiAffect: ServerApi['apiAffect'] = (input) =>
  run((ctx) => affect(ctx, input), say.stagesAffected);

export const apiStopStage: ServerApi['apiStopStage'] = (input) =>
  run((ctx) => stop(ctx, input), say.stageStopped);
export const apiStopStages: ServerApi['apiStopStages'] = (input) =>
  run((ctx) => stopMany(ctx, input), say.stagesStopped);
export const apiRemoveStop: ServerApi['apiRemoveStop'] = (input) =>
  run((ctx) => unstop(ctx, input), say.stopRemoved);
export const apiNewStage: ServerApi['apiNewStage'] = (input) =>
  run((ctx) => assignNewStage(ctx, input), say.stageCreated);
export const apiSplitStage: ServerApi['apiSplitStage'] = (input) =>
  run((ctx) => split(ctx, input), say.stageSplit);
export const apiReassignStage: ServerApi['apiReassignStage'] = (input) =>
  run((ctx) => reassign(ctx, input), say.stageReassigned);

export const apiListAbsences: ServerApi['apiListAbsences'] = (stageId) =>
  readOnly(() => listAbsences(new Context(), stageId));
export const apiAddAbsence: ServerApi['apiAddAbsence'] = (input) =>
  run((ctx) => addAbsence(ctx, input), say.absenceAdded);
export const apiRemoveAbsence: ServerApi['apiRemoveAbsence'] = (input) =>
  run(
    (ctx) => removeAbsence(ctx, input),
    () => say.ABSENCE_REMOVED,
  );
export const apiRenderCalendar: ServerApi['apiRenderCalendar'] = (input) =>
  run((ctx) => renderCalendar(ctx, input), say.calendarShown);
export const apiRenderOverview: ServerApi['apiRenderOverview'] = (input) =>
  run((ctx) => renderOverview(ctx, input), say.overviewShown);
export const apiImportSchoolHolidays: ServerApi['apiImportSchoolHolidays'] = (input) =>
  run((ctx) => importSchoolHolidays(ctx, input), say.holidaysImported);

export const apiListVisits: ServerApi['apiListVisits'] = (stageId) =>
  readOnly(() => listVisits(new Context(), stageId));
export const apiAddVisit: ServerApi['apiAddVisit'] = (input) =>
  run(
    (ctx) => addVisit(ctx, input),
    (r) => say.visitAdded(r.visit),
  );
export const apiRemoveVisit: ServerApi['apiRemoveVisit'] = (input) =>
  run((ctx) => removeVisit(ctx, input), say.visitRemoved);
export const apiSaveTutor: ServerApi['apiSaveTutor'] = (input) =>
  run((ctx) => saveTutor(ctx, input), say.tutorSaved);
export const apiSaveStaff: ServerApi['apiSaveStaff'] = (input) =>
  run((ctx) => saveStaff(ctx, input), say.staffSaved);
export const apiGetCompany: ServerApi['apiGetCompany'] = (companyId) =>
  readOnly(() => getCompany(new Context(), companyId));
export const apiSaveCompany: ServerApi['apiSaveCompany'] = (input) =>
  run((ctx) => saveCompany(ctx, input), say.companySaved);
export const apiGetHolidayCoverage: ServerApi['apiGetHolidayCoverage'] = () =>
  readOnly(() => holidayCoverage(new Context()));

export const apiPreviewDeletion: ServerApi['apiPreviewDeletion'] = (input) =>
  run((ctx) => previewDeletion(ctx, input), say.deletionPreviewed);
export const apiDeleteStages: ServerApi['apiDeleteStages'] = (input) =>
  run((ctx) => deleteStages(ctx, input), say.stagesDeleted);

// ——— Documents ———

export const apiDocumentsOverview: ServerApi['apiDocumentsOverview'] = () =>
  readOnly(() => documentsOverview(new Context()));
export const apiCreateTemplates: ServerApi['apiCreateTemplates'] = () =>
  mapValue(
    run((ctx) => createTemplates(ctx), say.templatesCreated),
    (r) => r.overview,
  );
export const apiCheckTemplate: ServerApi['apiCheckTemplate'] = (kind) =>
  run((ctx) => checkTemplate(ctx, kind), say.templateChecked);
export const apiPlanDocuments: ServerApi['apiPlanDocuments'] = (request) =>
  run((ctx) => planDocuments(ctx, request), say.documentsPlanned);
export const apiStartDocuments: ServerApi['apiStartDocuments'] = (request) =>
  run((ctx) => startDocuments(ctx, request), say.documentsProgress);
export const apiRunDocumentsChunk: ServerApi['apiRunDocumentsChunk'] = (jobId) =>
  run((ctx) => runDocumentsChunk(ctx, jobId), say.documentsProgress);
export const apiCancelDocuments: ServerApi['apiCancelDocuments'] = (jobId) =>
  run((ctx) => cancelDocuments(ctx, jobId), say.documentsCancelled);
export const apiGenerateAccord: ServerApi['apiGenerateAccord'] = (sessionId) =>
  run((ctx) => generateAccord(ctx, sessionId), say.fileMade('Accord préalable'));
export const apiBlankConvention: ServerApi['apiBlankConvention'] = (sessionId) =>
  run((ctx) => blankConvention(ctx, sessionId), say.fileMade('Convention vierge', true));
export const apiPrintDocuments: ServerApi['apiPrintDocuments'] = (input) =>
  run((ctx) => printDocuments(ctx, input), say.printFileMade);
export const apiSessionTemplate: ServerApi['apiSessionTemplate'] = (sessionId) =>
  run((ctx) => sessionTemplate(ctx, sessionId), say.fileMade('Modèle de la session'));
export const apiStageDocuments: ServerApi['apiStageDocuments'] = (stageId, stageRow) =>
  run((ctx) => stageDocuments(ctx, stageId, stageRow), say.stageDocumentsShown);
export const apiRecordDocumentStep: ServerApi['apiRecordDocumentStep'] = (input) =>
  run((ctx) => recordDocumentStep(ctx, input), say.documentStepRecorded);
export const apiCancelDocument: ServerApi['apiCancelDocument'] = (input) =>
  run((ctx) => cancelDocument(ctx, input), say.documentStepRecorded);
export const apiAttachSignedCopy: ServerApi['apiAttachSignedCopy'] = (input) =>
  run((ctx) => attachSignedCopy(ctx, input), say.signedCopyAttached);
export const apiRegulariseBlank: ServerApi['apiRegulariseBlank'] = (input) =>
  run((ctx) => regulariseBlank(ctx, input), say.blankRegularised);
export const apiRecordReminder: ServerApi['apiRecordReminder'] = (input) =>
  run((ctx) => recordReminder(ctx, input), say.reminderRecorded);
export const apiConventionsToChase: ServerApi['apiConventionsToChase'] = (sessionId) =>
  run((ctx) => conventionsToChase(ctx, sessionId), say.chaseListed);
export const apiDocumentsDashboard: ServerApi['apiDocumentsDashboard'] = (input) =>
  run((ctx) => documentsDashboard(ctx, input), say.dashboardShown);
export const apiPreviewFollowUp: ServerApi['apiPreviewFollowUp'] = (input) =>
  run((ctx) => previewFollowUp(ctx, input), say.followUpPreviewed);
export const apiApplyFollowUp: ServerApi['apiApplyFollowUp'] = (input) =>
  run((ctx) => applyFollowUp(ctx, input), say.followUpApplied);
export const apiMyStages: ServerApi['apiMyStages'] = () => run(myStages, say.myStagesShown);
export const apiRecordMyVisit: ServerApi['apiRecordMyVisit'] = (input) =>
  run((ctx) => recordMyVisit(ctx, input), say.myVisitRecorded);
export const apiEditMyVisit: ServerApi['apiEditMyVisit'] = (input) =>
  run(
    (ctx) => editMyVisit(ctx, input),
    () => say.MY_VISIT_EDITED,
  );
export const apiRemoveMyVisit: ServerApi['apiRemoveMyVisit'] = (input) =>
  run((ctx) => removeMyVisit(ctx, input), say.visitRemoved);
export const apiPlanMyVisit: ServerApi['apiPlanMyVisit'] = (input) =>
  run((ctx) => planMyVisit(ctx, input), say.visitPlanned);
export const apiVisitReport: ServerApi['apiVisitReport'] = (input) =>
  run((ctx) => visitReport(ctx, input), say.visitReportGiven);
