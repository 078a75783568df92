/**
 * The one typed API between the sidebar (browser) and the server (Apps Script).
 *
 * Everything crossing it is plain JSON: google.script.run rejects Date arguments and turns a
 * returned Date into null, so dates travel as ISO `YYYY-MM-DD` strings, and dates typed by a
 * user travel as the raw text typed ("27/02/2023") for the server to parse and judge.
 * Every input is validated again on the server: the sidebar is never trusted.
 */
import type { SessionInput } from '../domain/sessions';
import type { StageFilter } from '../domain/stages/filter';
import type { Company, IsoDate, Phase, Settings, Staff, Tutor, Zone } from '../domain/types';
import type { VisitType } from '../domain/followUp/myStages';

/** Limits the forms apply as the server does (the server checks again). */
export {
  MAX_EXPECTED_VISITS,
  MAX_REASON_LENGTH,
  MAX_VISIT_COMMENT_LENGTH,
  MAX_WEEKLY_HOURS,
} from '../domain/limits';
export {
  GOOGLE_ACCOUNT_LABELS,
  MAX_CONVENTION_COPIES,
  MIN_CONVENTION_COPIES,
} from '../domain/settings';

/** What every mutating call returns: the new state, or a French message that wrote nothing. */
export type ApiResult<T> =
  | {
      ok: true;
      value: T;
      message: string;
      /** The reference lists' version after the action (see ReferenceData.version). */
      refsVersion?: string;
    }
  | { ok: false; error: string; field?: string; conflict?: boolean };

export interface StageView {
  id: string;
  /** Row number when read; informative only, never used to write. */
  row: number;
  sessionId: string;
  session: string;
  start: IsoDate;
  end: IsoDate;
  studentId: string;
  student: string;
  className: string;
  companyId: string;
  company: string;
  tutorId: string;
  tutor: string;
  referentId: string;
  referent: string;
  visits: number;
  phase: Phase | '';
  stoppedOn: IsoDate | '';
  stopReason: string;
  originalEnd: IsoDate | '';
  weeklyHours: number | null;
  convention: string;
  needsAmendment: boolean;
  country: string;
  schedule: string;
  presence: string;
  gratification: string;
  /** Digest of the row as read; sent back with a change to detect concurrent edits. */
  fingerprint: string;
  /** The follow-up: the visiting teacher (« Enseignant suivi »), as read. */
  followerId?: string;
  follower?: string;
  /** « Visites prévues » as the row holds it (null = the session's figure). */
  expectedVisits?: number | null;
  /** « Date de visite prévue » ('' = none). */
  plannedVisit?: IsoDate | '';
}

export interface StageSelection {
  /** The stage under the active cell, or null (header row, empty row, other sheet). */
  stage: StageView | null;
  /** Every stage of that student in that session, in date order (the stage itself included). */
  siblings: StageView[];
  /** IDs of every stage row in the current selection (multi-row "Affecter"). */
  selectedIds: string[];
  /** Fingerprints of those rows, same order. */
  selectedFingerprints: string[];
  /** Sent back by the sidebar's next poll, so an unchanged selection costs one cell read. */
  probe: SelectionProbe;
  /**
   * The selected stage rows in sheet order, each named (same order as `selectedIds`): the
   * sidebar says which rows an action acts on.
   */
  selected?: SelectedStage[];
}

/** A selected stage row, as the sidebar names it ("ACAR Laurie, ligne 5, 01/02 – 31/03"). */
export interface SelectedStage {
  id: string;
  row: number;
  student: string;
  start: IsoDate;
  end: IsoDate;
  stoppedOn: IsoDate | '';
}

/**
 * What the sidebar last saw of the sheet's selection. The server compares it with the sheet:
 * same selected rows, same active row, and the same cells in that row (one read) mean nothing
 * changed, and nothing else is read.
 */
export interface SelectionProbe {
  /** The active sheet's name when read ('' when not the Stages sheet). */
  sheet: string;
  /** Selected rows as runs ("2-5,9"). */
  rows: string;
  /** Row of the active cell (0 when none). */
  currentRow: number;
  /** Digest of that row's cells as read, and how many cells were digested. */
  rowDigest: string;
  width: number;
}

/**
 * What the sidebar needs to draw its first screen, written into its page by the menu item that
 * opens it: opening the sidebar costs that one execution, not two more calls from the page.
 */
export interface SidebarBoot {
  selection: StageSelection;
  reference: ReferenceData;
  coverage: HolidayCoverageView;
  /**
   * « Conventions à relancer » for the fiche's home: the stages to chase (`items`), among them the
   * conventions sent and not back (`overdue`), and the blank conventions to regularise.
   */
  chase?: { items: number; overdue: number; blanks: number };
}

/** The answer to a poll: "nothing changed", or the new selection. */
export type SelectionPoll =
  | { changed: false; refsVersion: string }
  | { changed: true; selection: StageSelection; refsVersion: string };

export interface Option {
  id: string;
  label: string;
}

export interface TutorOption extends Option {
  companyId: string;
}

export interface SessionView {
  id: string;
  title: string;
  type: string;
  schoolYear: string;
  diploma: string;
  editionLabel: string;
  objectives: string;
  periods: { start: IsoDate; end: IsoDate }[];
  /** Its visits may have a report (« Compte rendu de visite » is « oui »). */
  visitReports?: boolean;
  /** « Visites attendues » of each stage (absent or null: the empty cell, one visit). */
  expectedVisits?: number | null;
}

export interface ReferenceData {
  /** Changes whenever a reference sheet changes (by the add-on or by hand). */
  version: string;
  sessions: SessionView[];
  classes: string[];
  students: (Option & { className: string })[];
  companies: Option[];
  tutors: TutorOption[];
  staff: Option[];
}

export type { SessionInput } from '../domain/sessions';

/** The session types the form offers (the server refuses any other). */
export { SESSION_TYPES, type SessionType } from '../domain/sessions';
export { chaseCountText } from '../domain/documents/reminders';

export interface AssignmentResult {
  created: number;
  /** Students whose every period was already covered by a stage of this session. */
  skipped: number;
  /** Students left out of some period: they have another stage on those days (their names). */
  overlapping: string[];
}

export interface AssignmentView {
  sessionId: string;
  classes: { className: string; count: number }[];
  students: { id: string; label: string; className: string; assigned: boolean }[];
}

export type { PhaseFilter, StageFilter, TriState, VisitState } from '../domain/stages/filter';

export interface FilterResult {
  count: number;
  total: number;
  /** The first matching stages (at most 200), for the list in the sidebar. */
  stages: StageView[];
}

export interface AffectInput {
  stageIds: string[];
  fingerprints: string[];
  /** undefined = leave unchanged; '' = clear. */
  companyId?: string;
  tutorId?: string;
  referentId?: string;
}

/**
 * What the sidebar saw of the stage it acts on: its row and its student. The server uses them
 * only to find the row with fewer reads, after checking the ID there; never to write.
 */
export interface StageHintInput {
  row?: number;
  studentId?: string;
}

export interface StopInput extends StageHintInput {
  stageId: string;
  fingerprint: string;
  stoppedOn: string;
  reason: string;
}

/** "Arrêter les stages…": several selected rows stopped on one date for one reason. */
export interface StopStagesInput {
  stageIds: string[];
  /** Fingerprints of those rows as the sidebar saw them, same order. */
  fingerprints: string[];
  stoppedOn: string;
  reason: string;
}

export interface RemoveStopInput extends StageHintInput {
  stageId: string;
  fingerprint: string;
  restoreOriginalEnd: boolean;
}

export interface NewStageInput extends StageHintInput {
  /** The stage the new one is assigned from (same student, same session). */
  fromStageId: string;
  start: string;
  end: string;
  companyId: string;
  tutorId: string;
  referentId: string;
  /** As typed; '' = default. */
  weeklyHours: string;
  /** "Horaire semaine type" as typed ("Lu 7 ; Ma 7 ; Me 7 ; Je 7"); '' or absent = Monday–Friday. */
  schedule?: string;
}

export interface SplitInput extends StageHintInput {
  stageId: string;
  fingerprint: string;
  /** First day of the second part. */
  splitDate: string;
  /** Last day of the first part; '' = the day before splitDate. */
  firstPartEnd: string;
  /**
   * "arrêt réel": the first part is stopped with a reason; "simple découpage": it just ends.
   * '' = not chosen: refused (the nature of a split is never guessed).
   */
  mode: 'stop' | 'cut' | '';
  reason: string;
  /** Second part: keep the first part's company/tutor/referent, or use these. */
  keepAssignment: boolean;
  companyId: string;
  tutorId: string;
  referentId: string;
}

export interface ReassignInput extends StageHintInput {
  stageId: string;
  fingerprint: string;
  companyId: string;
  tutorId: string;
  referentId: string;
}

export interface ImportPreview {
  kind: 'students' | 'companies';
  /** Recognised columns: header in the file → field understood. */
  columns: { header: string; field: string }[];
  rows: {
    values: Record<string, string>;
    status: 'nouveau' | 'mis à jour' | 'inchangé' | 'erreur';
    error?: string;
  }[];
  created: number;
  updated: number;
  errors: number;
}

export interface AbsenceInput extends StageHintInput {
  stageId: string;
  start: string;
  end: string;
  halfDay: boolean;
  reason: string;
  justified: boolean;
  countsAsPresence: boolean;
}

export interface AbsenceView {
  id: string;
  stageId: string;
  start: IsoDate;
  end: IsoDate;
  halfDay: boolean;
  reason: string;
  justified: boolean;
  countsAsPresence: boolean;
}

export interface VisitInput extends StageHintInput {
  stageId: string;
  /** As typed ("14/03/2023"). */
  date: string;
  staffId: string;
  comment: string;
  /** visite / appel / visio (absent = visite). */
  type?: VisitType;
}

export interface VisitView {
  id: string;
  stageId: string;
  date: IsoDate;
  staffId: string;
  /** The teacher as the Personnel sheet names them ("M. BRUEL Patrick"). */
  staff: string;
  comment: string;
  /** Its day has come: counted in the stage's "Visites" cell (a later one is planned). */
  done: boolean;
  type?: VisitType;
  /** The link of its report (« Compte rendu »), once made ('' or absent: none). */
  report?: string;
  /**
   * What the signed-in user may do with it (domain/visits.ts visitRights): edit its comment
   * (its author), delete it (its author or the stage's follower). Absent: neither.
   */
  mayEdit?: boolean;
  mayRemove?: boolean;
}

/**
 * Delete a visit: `withReport` is the user's consent to bin its report, when it has one (the
 * sidebar asks first); without it such a visit is refused.
 */
export interface VisitRemoval {
  visitId: string;
  withReport?: boolean;
}

/** A tutor as the form sends it ('' as id to create one). */
export type TutorInput = Tutor;

export interface TutorView extends TutorInput {
  /** As the Stages sheet shows it ("M. ECUSSON Blase"). */
  label: string;
  company: string;
}

/** A member of staff as the form sends it ('' as id to create one). */
export type StaffInput = Staff;

export interface StaffView extends StaffInput {
  label: string;
}

export type SettingsView = Settings;
export type { Zone };
export type { GoogleAccount } from '../domain/types';

/**
 * Every panel the sidebar can open on, the one list of them: the server checks the view a menu
 * item asks for against it, and the sidebar's registry (`src/sidebar/views.ts`) must give each
 * one a panel. The order is the order the sidebar builds its panels in.
 */
export const SIDEBAR_VIEWS = [
  'fiche',
  'stop',
  'newStage',
  'split',
  'reassign',
  'gestion',
  'session',
  'import',
  'absences',
  'settings',
  'companies',
  'deleteStage',
  'removeStudent',
  'documents',
  'distribute',
  'myStages',
] as const;

/** Which panel the sidebar opens on (set by the menu item that opened it). */
export type SidebarView = (typeof SIDEBAR_VIEWS)[number];

export function isSidebarView(v: unknown): v is SidebarView {
  return typeof v === 'string' && (SIDEBAR_VIEWS as readonly string[]).includes(v);
}

/**
 * A part of the documents panel the sidebar opens on: « Générer » (menu « Générer les
 * conventions… »), « Suivi des conventions » (the fiche's « Voir le suivi des conventions »).
 */
export type SidebarSection = 'generate' | 'chase';

/**
 * Server functions callable from the sidebar, by their global name in Apps Script.
 * `src/main.ts` exports exactly these (plus the menu handlers); the build turns each export into
 * a top-level function declaration.
 */
export interface ServerApi extends DocumentsApi, DocumentLifeApi {
  apiGetSelection(): StageSelection;
  apiPollSelection(probe: SelectionProbe): SelectionPoll;
  apiGetReferenceData(): ReferenceData;
  apiGetSettings(): SettingsView;
  apiSaveSettings(input: SettingsView): ApiResult<SettingsView>;

  apiSaveSession(input: SessionInput): ApiResult<SessionView>;
  apiGetAssignment(sessionId: string): AssignmentView;
  apiAssignStudents(input: {
    sessionId: string;
    studentIds: string[];
  }): ApiResult<AssignmentResult>;

  apiPreviewImport(input: {
    kind: 'students' | 'companies';
    text: string;
  }): ApiResult<ImportPreview>;
  apiApplyImport(input: { kind: 'students' | 'companies'; text: string }): ApiResult<ImportPreview>;

  apiFilterStages(filter: StageFilter): ApiResult<FilterResult>;
  apiApplyFilterToSheet(filter: StageFilter): ApiResult<FilterResult>;
  apiClearSheetFilter(): ApiResult<null>;
  apiAffect(input: AffectInput): ApiResult<StageView[]>;

  apiStopStage(input: StopInput): ApiResult<StageView>;
  apiRemoveStop(input: RemoveStopInput): ApiResult<StageView>;
  apiNewStage(input: NewStageInput): ApiResult<StageView>;
  apiSplitStage(input: SplitInput): ApiResult<StageView[]>;
  apiReassignStage(input: ReassignInput): ApiResult<StageView>;

  apiListAbsences(stageId: string): AbsenceView[];
  apiAddAbsence(input: AbsenceInput): ApiResult<{
    absence: AbsenceView;
    stage: StageView;
    /** Days of the absence the stage does not work (weekend, day off, holiday): not counted. */
    notWorked?: IsoDate[];
  }>;
  apiRemoveAbsence(input: { absenceId: string }): ApiResult<{ stage: StageView }>;
  apiRenderCalendar(input: { stageId: string }): ApiResult<{ sheetName: string }>;
  apiRenderOverview(input: { sessionId: string }): ApiResult<{ sheetName: string }>;
  apiImportSchoolHolidays(input: {
    text: string;
  }): ApiResult<{ added: number; coverage?: HolidayCoverageView }>;

  apiListVisits(stageId: string): VisitView[];
  apiAddVisit(input: VisitInput): ApiResult<{ visit: VisitView; stage: StageView }>;
  /** `counted`: the stage's "Visites" cell counted it, and now counts one less. */
  apiRemoveVisit(
    input: VisitRemoval,
  ): ApiResult<{ stageId: string; counted: boolean; reportBinned?: boolean }>;
  apiSaveTutor(input: TutorInput): ApiResult<TutorView>;
  apiSaveStaff(input: StaffInput): ApiResult<StaffView>;
  /** A company as its row reads now (for the form that corrects it), or null when gone. */
  apiGetCompany(companyId: string): CompanyView | null;
  apiSaveCompany(input: CompanyInput): ApiResult<CompanyView>;
  apiGetHolidayCoverage(): HolidayCoverageView;

  /** Every stage of a multi-row selection stopped at once, all or none, one journal line. */
  apiStopStages(input: StopStagesInput): ApiResult<StageView[]>;
  /** What "Supprimer le stage" / "Retirer l'élève de la session" would delete (writes nothing). */
  apiPreviewDeletion(input: DeletionInput): ApiResult<DeletionPreview>;
  apiDeleteStages(input: DeletionConfirmInput): ApiResult<DeletionResult>;

  /** « Répartir le suivi… »: what would be written (nothing is), then the write itself. */
  apiPreviewFollowUp(input: FollowUpInput): ApiResult<FollowUpPreview>;
  apiApplyFollowUp(input: FollowUpApplyInput): ApiResult<FollowUpPreview>;
  /** « Mes stages »: the stages the signed-in teacher follows. */
  apiMyStages(): ApiResult<MyStagesView>;
  apiRecordMyVisit(input: MyVisitInput): ApiResult<MyVisitOutcome>;
  apiEditMyVisit(input: { visitId: string; comment: string }): ApiResult<MyVisitOutcome>;
  apiRemoveMyVisit(input: VisitRemoval): ApiResult<MyVisitOutcome>;
  apiPlanMyVisit(input: PlanVisitInput): ApiResult<MyVisitOutcome>;
  /** « Compte rendu »: the visit's report, made once from its template, then the same one. */
  apiVisitReport(input: { visitId: string }): ApiResult<VisitReportView>;
}

export type ServerApiName = keyof ServerApi;

/**
 * A company as the form sends it ('' as id to create one). `fingerprint` is the digest of the
 * row as the form read it (apiGetCompany): a correction of a row changed since is refused.
 */
export interface CompanyInput extends Company {
  fingerprint?: string;
}

export interface CompanyView extends Company {
  /** Digest of the row as read or written, to send back with a correction. */
  fingerprint: string;
  /** After a rename: how many stages and tutors now show the new name. */
  relabelled?: { stages: number; tutors: number };
}

/** Which school years' holidays the Vacances sheet holds, by zone ("2025-2026", oldest first). */
export interface HolidayCoverageView {
  /** The school's zone (Paramètres). */
  zone: Zone;
  byZone: Record<Zone, string[]>;
}

/** How the sidebar words the coverage and finds a stage's unknown years, as the server does. */
export {
  coverageNote,
  uncoveredSchoolYears,
  uncoveredWarning,
  HOLIDAY_IMPORT_PLACE,
} from '../domain/holidays/coverage';

/**
 * "Supprimer le stage" (a row created by mistake) and "Retirer l'élève de la session" (every
 * stage of the student in that session).
 */
export type { DeletionScope } from '../domain/stages/deletion';
import type { DeletionScope } from '../domain/stages/deletion';

export interface DeletionInput extends StageHintInput {
  /** The stage under the cursor. */
  stageId: string;
  scope: DeletionScope;
}

/** What a deletion would take away, shown for the user to confirm. */
export interface DeletionPreview {
  scope: DeletionScope;
  student: string;
  session: string;
  /** The stages that would go. */
  stages: StageView[];
  /** Their absences, deleted with them (and kept in the journal). */
  absences: number;
  /** Their visits, planned or done: while there are any, nothing is deleted. */
  visits: number;
  /** Why the deletion cannot be done ('' when it can). */
  blocked: string;
}

export interface DeletionConfirmInput extends DeletionInput {
  /** The stages the confirmation showed, as shown: if any changed since, nothing is deleted. */
  expected: { id: string; fingerprint: string }[];
}

export interface DeletionResult {
  scope: DeletionScope;
  student: string;
  session: string;
  /** The stages deleted, as they were. */
  stages: { id: string; start: IsoDate; end: IsoDate }[];
  absences: number;
}

// ——— Documents (conventions, avenants, attestations, accord préalable) ———

/** What "Générer…" produces, one document per stage. */
export const BATCH_KINDS = ['convention', 'avenant', 'attestation'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

export function isBatchKind(v: unknown): v is BatchKind {
  return typeof v === 'string' && (BATCH_KINDS as readonly string[]).includes(v);
}

/** One of the templates the add-on created, as the documents panel lists it. */
export interface TemplateView {
  kind: string;
  /** « Convention de stage (BTS / enseignement supérieur) »… */
  label: string;
  /** The Google Doc to open and edit, or null when not created yet (or gone). */
  url: string | null;
}

export interface PlaceholderGroupView {
  group: string;
  items: { key: string; label: string; example: string }[];
}

export interface DocumentsOverview {
  /** The add-on's Drive folder, or null before the templates exist. */
  folderUrl: string | null;
  templates: TemplateView[];
  placeholders: PlaceholderGroupView[];
  /** The batch under way in this workbook (any user), or null. */
  job: DocumentJobView | null;
  /** Google Docs this user created today through the add-on, and the daily cap. */
  createdToday: number;
  dailyCap: number;
  /** « Exemplaires de convention » (Paramètres). */
  copies: number;
}

/** Which stages a batch is for: a whole session, or the rows selected in the sheet. */
export interface DocumentScope {
  sessionId?: string;
  stageIds?: string[];
}

export interface DocumentRequest {
  kind: BatchKind;
  scope: DocumentScope;
  /** Replace the documents already made (the old files go to the bin). */
  regenerate: boolean;
  /** Also save a PDF beside each Google Doc. */
  pdf: boolean;
}

/** What a batch would do, shown before anything is created. */
export interface DocumentPlan {
  kind: BatchKind;
  /** Stages in the scope. */
  total: number;
  /** Documents the batch would create. */
  toCreate: number;
  /** Stages skipped because their document exists (and « Régénérer » is not chosen). */
  existing: number;
  /** Stages skipped because something is missing, each with what it lacks. */
  incomplete: { stageId: string; label: string; missing: string[] }[];
  /** Stages the kind does not apply to (no avenant to make, stage not over…), with why. */
  notApplicable: { stageId: string; label: string; reason: string }[];
  /** Documents this user may still create today. */
  dailyLeft: number;
  /** Rough minutes the batch takes at Google's pace. */
  estimatedMinutes: number;
  /** A reason nothing can start (templates missing…), or ''. */
  blocked: string;
  /**
   * Placeholders the templates to be used hold that the add-on does not know (they would stay
   * as typed in every document), each with a suggestion: « {{eleve.nomm}} : voulez-vous dire… ».
   */
  templateProblems: string[];
}

export type DocumentJobState = 'running' | 'done' | 'cancelled' | 'quota';

export interface DocumentJobView {
  id: string;
  kind: BatchKind;
  /** « 37 / 120 conventions ». */
  progress: string;
  total: number;
  done: number;
  failed: { stageId: string; label: string; reason: string }[];
  state: DocumentJobState;
  /** Who started it, and when (« 30/11/2026 10:12 »). */
  by: string;
  startedAt: string;
  /** Stages whose document link changed in this call (the sidebar redraws them). */
  updated: StageView[];
}

export interface UnknownPlaceholderView {
  text: string;
  suggestion: string;
}

export interface TemplateCheckView {
  kind: string;
  label: string;
  /** Known placeholders found. */
  known: number;
  unknown: UnknownPlaceholderView[];
}

/** A single file made by the add-on (accord préalable, blank convention, print file). */
export interface MadeFileView {
  name: string;
  url: string;
  /** For a print file: documents included and copies of each. */
  count?: number;
  copies?: number;
}

// ——— A document's life: signatures, copies, reminders (issue 11) ———

export {
  STEP_LABELS,
  STEPS,
  isStep,
  type DocStatus,
  type Step,
} from '../domain/documents/signatures';

/** One document of the register, as the fiche's « Documents » tab shows it. */
export interface RegisterDocumentView {
  id: string;
  /** Its row in « Documents » (a hint: the server finds the document by ID). */
  row: number;
  stageId: string;
  /** « Convention », « Avenant »… */
  kind: string;
  name: string;
  link: string;
  status: string;
  /** The day it was generated (ISO), '' when unreadable. */
  generatedOn: IsoDate | '';
  /** Each step recorded, in order: « Envoyée à l’entreprise le » 02/12/2026. */
  steps: { step: string; label: string; on: IsoDate }[];
  /** The step the sidebar offers next ('' when none). */
  next: string;
  nextLabel: string;
  signedCopy: string;
  remindedOn: IsoDate | '';
  regularisedOn: IsoDate | '';
  /** Digest of the register row as read: a step sent back with another one is a conflict. */
  fingerprint: string;
}

export interface StageDocumentsView {
  stageId: string;
  documents: RegisterDocumentView[];
  /** The short line of the Stages sheet (« Convention : signée entreprise »). */
  stageStatus: string;
  /**
   * Blank conventions this stage can take (« Rattacher une convention vierge »): only for a
   * stage without a convention, when blanks of its session (or of none) wait to be regularised.
   */
  blanks: RegisterDocumentView[];
}

/** Which document, as the sidebar read it. */
export interface DocumentRef {
  documentId: string;
  row?: number;
  fingerprint: string;
}

export interface DocumentStepInput extends DocumentRef {
  step: string;
  /** As typed (« 02/12/2026 »); '' = today. */
  date: string;
}

export interface DocumentStepOutcome {
  document: RegisterDocumentView;
  stageStatus: string;
  /** The stage as it now is, when its row changed (a regularised blank: its « Convention »). */
  stage?: StageView;
}

export interface AttachSignedInput extends DocumentRef {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64 (at most 10 Mo once decoded). */
  base64: string;
}

export interface RegulariseInput extends DocumentRef {
  stageId: string;
}

/** A stage a blank convention can be linked to, as the picker « Stage à rattacher » shows it. */
export interface StageChoice {
  stageId: string;
  /** « ACAR Laurie – BANQUE POPULAIRE DU NORD DENAIN – du 01/03 au 31/03 ». */
  label: string;
}

/** A convention to chase (« Conventions à relancer »). */
export interface ChaseItem {
  stageId: string;
  student: string;
  session: string;
  company: string;
  start: IsoDate | '';
  /** Why: « envoyée le 02/11/2026, pas revenue signée », « commence le 05/12/2026, aucune convention ». */
  reason: string;
  /** `overdue`: a convention sent and not back; `starting`: a stage starting without a complete one. */
  kind: 'overdue' | 'starting';
  /** The convention, when there is one. */
  document: RegisterDocumentView | null;
  /** A prepared e-mail (mailto:), '' when nobody has an address. */
  mailto: string;
  /** To whom: « le tuteur (M. BONNET Frédéric) ». */
  addressee: string;
}

export interface ChaseList {
  items: ChaseItem[];
  /** The thresholds used (Paramètres). */
  afterDays: number;
  withinDays: number;
  /** Blank conventions not yet regularised. */
  blanks: RegisterDocumentView[];
  /** Every stage some blank can take, once, by student then start. */
  stageChoices: StageChoice[];
  /**
   * For each blank (by its document ID), the stages that can take it, as positions in
   * `stageChoices`: blanks of one session share their stages without sending them twice.
   */
  candidates: Record<string, number[]>;
}

export interface DashboardView {
  sessionId: string;
  session: string;
  stages: number;
  /**
   * Conventions by their furthest step: generated, sent, signed (by the company or beyond),
   * complete; then « Sans convention », the session's stages without a live one.
   */
  counts: { label: string; count: number }[];
  /** The printable sheet « Tableau de bord », when written. */
  sheetUrl: string;
}

export interface DocumentLifeApi {
  /** `stageRow`: the row the sidebar read the stage on (a hint, checked by ID). */
  apiStageDocuments(stageId: string, stageRow?: number): ApiResult<StageDocumentsView>;
  apiRecordDocumentStep(input: DocumentStepInput): ApiResult<DocumentStepOutcome>;
  apiCancelDocument(input: DocumentStepInput): ApiResult<DocumentStepOutcome>;
  apiAttachSignedCopy(input: AttachSignedInput): ApiResult<DocumentStepOutcome>;
  apiRegulariseBlank(input: RegulariseInput): ApiResult<DocumentStepOutcome>;
  apiRecordReminder(input: DocumentStepInput): ApiResult<DocumentStepOutcome>;
  apiConventionsToChase(sessionId: string): ApiResult<ChaseList>;
  apiDocumentsDashboard(input: { sessionId: string; print: boolean }): ApiResult<DashboardView>;
}

export interface DocumentsApi {
  apiDocumentsOverview(): DocumentsOverview;
  apiCreateTemplates(): ApiResult<DocumentsOverview>;
  apiCheckTemplate(kind: string): ApiResult<TemplateCheckView>;
  apiPlanDocuments(request: DocumentRequest): ApiResult<DocumentPlan>;
  apiStartDocuments(request: DocumentRequest): ApiResult<DocumentJobView>;
  /** One time-budgeted chunk of the batch; the sidebar calls again until it is done. */
  apiRunDocumentsChunk(jobId: string): ApiResult<DocumentJobView>;
  apiCancelDocuments(jobId: string): ApiResult<DocumentJobView>;
  apiGenerateAccord(sessionId: string): ApiResult<MadeFileView>;
  apiBlankConvention(sessionId: string): ApiResult<MadeFileView>;
  apiPrintDocuments(input: { kind: BatchKind; scope: DocumentScope }): ApiResult<MadeFileView>;
  /** The session's own convention template (a copy of the general one), made once. */
  apiSessionTemplate(sessionId: string): ApiResult<MadeFileView>;
}

// ——— The follow-up (« Répartir le suivi… », « Mes stages ») ———

export { VISIT_TYPES, type VisitType } from '../domain/followUp/myStages';
export { DEFAULT_FOLLOW_CAP, MAX_FOLLOW_CAP } from '../domain/followUp/distribution';

export interface FollowUpInput {
  /** The session whose stages are shared out (ignored when `stageIds` is given). */
  sessionId: string;
  /**
   * The rows selected in the Stages sheet, given out instead of a whole session: the rest of
   * their sessions counts for the cap and the balance, and is left as it is.
   */
  stageIds?: string[];
  /** The teachers chosen (IDs from Personnel). */
  teacherIds: string[];
  /** false: every stage of the session is given out again. */
  keepExisting: boolean;
  /** Interns followed at once per teacher, as typed ('' = the saved figure). */
  cap: string;
}

export interface FollowUpApplyInput extends FollowUpInput {
  /** The preview's digest: when the proposal would differ now, nothing is written. */
  digest: string;
}

export interface FollowUpPreview {
  /** The session given out ('' for selected rows). */
  sessionId: string;
  /** The selected rows given out, when that was the scope. */
  stageIds?: string[];
  cap: number;
  /** Per teacher (chosen ones first, then those kept from before), the stages they follow. */
  teachers: {
    teacherId: string;
    teacher: string;
    stages: { id: string; student: string; company: string; city: string; kept: boolean }[];
  }[];
  unassigned: { id: string; student: string; reason: string }[];
  /** Stages whose follower would change. */
  changes: number;
  digest: string;
}

export interface FollowedStageView {
  stage: StageView;
  /** Visits the stage expects (its own figure, else its session's, else one). */
  expected: number;
  status: 'en_retard' | 'a_faire' | 'fait';
  companyAddress: string;
  tutor: { name: string; phone: string; email: string };
  /** « Préparer un e-mail au tuteur » ('' when the tutor has no address). */
  mailto: string;
  /** The session asks for visit reports: each visit that took place may have one. */
  visitReports?: boolean;
  visits: (VisitView & { mine: boolean })[];
}

export interface MyStagesView {
  /** The signed-in teacher as Personnel names them ('' when not found). */
  teacher: string;
  teacherId: string;
  today: IsoDate;
  stages: FollowedStageView[];
}

export interface MyVisitInput extends StageHintInput {
  stageId: string;
  /** As typed; '' = today. */
  date: string;
  type: string;
  comment: string;
}

/** « Prévoir la visite »: the day planned, as typed ('' clears it). */
export interface PlanVisitInput extends StageHintInput {
  stageId: string;
  date: string;
}

/** What the list redraws from: the stage as it now reads in « Mes stages ». */
export interface MyVisitOutcome {
  followed: FollowedStageView;
  visitId: string;
  /** A deleted visit's report went with it (binned, « Annulée » in Documents). */
  reportBinned?: boolean;
}

/** A visit's report: made now (`created`), or the one made before. */
export interface VisitReportView {
  stageId: string;
  visitId: string;
  name: string;
  url: string;
  created: boolean;
}
