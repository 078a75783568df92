/**
 * Every French message telling the user what an action did, built from its result. The entry
 * points (src/main.ts) pair each use case with its message; the wording lives here only, so it
 * reads as one voice and the plural rules are written once.
 */
import type {
  AssignmentResult,
  DeletionPreview,
  DeletionResult,
  CompanyView,
  FilterResult,
  HolidayCoverageView,
  ImportPreview,
  SettingsView,
  SessionView,
  StaffView,
  StageView,
  TutorView,
  VisitView,
  FollowUpPreview,
  MyStagesView,
  MyVisitOutcome,
} from '../api/contract';
import { describeDay } from '../domain/absences';
import { formatFr } from '../domain/dates';
import { DOCUMENT_KIND_LABELS } from '../domain/documents/kinds';
import { chaseCountText } from '../domain/documents/reminders';
import { coverageNote } from '../domain/holidays/coverage';
import { deOrD } from '../domain/text';
import type { PreparedWorkbook } from './prepareWorkbook';

const FEMININE = /^(ligne|nouvelle|mise|durée|période)\b/;

/** "1 stage créé", "3 stages créés", "aucun stage créé", "aucune ligne ajoutée". */
export function count(n: number, singular: string, plural: string): string {
  if (n === 0) return `${FEMININE.test(singular) ? 'aucune' : 'aucun'} ${singular}`;
  return `${n} ${n === 1 ? singular : plural}`;
}

function capitalised(text: string): string {
  return text.replace(/^./, (c) => c.toUpperCase());
}

// ——— Menus ———

export function workbookReady({ report, stages }: PreparedWorkbook): string {
  const parts = [
    report.created.length > 0 ? `feuilles créées : ${report.created.join(', ')}` : '',
    report.repaired.length > 0 ? `colonnes ajoutées dans : ${report.repaired.join(', ')}` : '',
    report.restored.length > 0
      ? `${report.restored.length === 1 ? 'titre rétabli' : 'titres rétablis'} : ${report.restored.join(', ')}`
      : '',
    report.completed > 0
      ? count(report.completed, 'ligne de référence complétée', 'lignes de référence complétées')
      : '',
    stages.repaired > 0
      ? count(stages.repaired, 'ligne de stage complétée', 'lignes de stage complétées')
      : '',
    report.reidentified + stages.reidentified > 0
      ? count(
          report.reidentified + stages.reidentified,
          'identifiant en double remplacé',
          'identifiants en double remplacés',
        )
      : '',
  ].filter((s) => s !== '');
  return parts.length > 0
    ? `Classeur prêt (${parts.join(' ; ')}).`
    : 'Classeur prêt : rien à réparer.';
}

/** The first rows "Initialiser le classeur" could not understand, or null when there is none. */
export function stageRowsToFix({ stages }: PreparedWorkbook): string | null {
  if (stages.problems.length === 0) return null;
  return `Lignes de stage à corriger à la main :\n${stages.problems.slice(0, 20).join('\n')}`;
}

export function durationsRecomputed(v: { updated: number }): string {
  return `Durées recalculées : ${count(v.updated, 'ligne mise à jour', 'lignes mises à jour')}.`;
}

// ——— Settings, sessions, imports ———

export function settingsSaved(r: { settings: SettingsView; recounted: number }): string {
  return r.recounted > 0
    ? `Paramètres enregistrés ; ${count(r.recounted, 'durée de présence recalculée', 'durées de présence recalculées')}.`
    : 'Paramètres enregistrés.';
}

export function sessionSaved(s: SessionView & { adjustedStages?: number }): string {
  const n = s.adjustedStages ?? 0;
  return n > 0
    ? `Session « ${s.title} » enregistrée ; ${count(n, 'stage ajusté', 'stages ajustés')} aux nouvelles dates.`
    : `Session « ${s.title} » enregistrée.`;
}

export function studentsAssigned(r: AssignmentResult): string {
  const parts = [
    count(r.created, 'stage créé', 'stages créés'),
    r.skipped > 0 ? count(r.skipped, 'élève déjà affecté', 'élèves déjà affectés') : '',
    r.overlapping.length > 0
      ? `non affecté${r.overlapping.length > 1 ? 's' : ''} car déjà en stage à ces dates : ${r.overlapping.join(', ')}`
      : '',
  ];
  return capitalised(parts.filter((x) => x !== '').join(' ; ')) + '.';
}

export function importPreviewed(p: ImportPreview): string {
  return `Aperçu : ${count(p.created, 'nouvelle ligne', 'nouvelles lignes')}, ${count(p.updated, 'mise à jour', 'mises à jour')}, ${count(p.errors, 'ligne en erreur', 'lignes en erreur')}.`;
}

export function importApplied(p: ImportPreview): string {
  return (
    `Import terminé : ${count(p.created, 'ligne ajoutée', 'lignes ajoutées')}, ${count(p.updated, 'mise à jour', 'mises à jour')}` +
    (p.errors > 0
      ? ` ; ${count(p.errors, 'ligne non importée', 'lignes non importées')} (voir l'aperçu).`
      : '.')
  );
}

// ——— Gestion des stages ———

export function stagesFiltered(r: FilterResult): string {
  return `Filtre : ${r.count} ${r.count > 1 ? 'stages trouvés' : 'stage trouvé'} sur ${r.total}.`;
}

export function sheetFiltered(r: FilterResult): string {
  return `Filtre appliqué à la feuille : ${r.count} ${r.count > 1 ? 'stages' : 'stage'} sur ${r.total}.`;
}

export const SHEET_FILTER_REMOVED = 'Filtre de la feuille retiré.';

export function stagesAffected(v: StageView[]): string {
  return `${count(v.length, 'stage mis à jour', 'stages mis à jour')}.`;
}

// ——— Stage actions ———

export function stageStopped(v: StageView): string {
  // As after a reassignment: its convention said otherwise, so the user learns it now.
  const amend = v.needsAmendment
    ? ' Un avenant à la convention est à faire (colonne « Avenant »).'
    : '';
  return `Stage ${deOrD(v.student)} arrêté le ${formatFr(v.stoppedOn)}.${amend}`;
}

/** "3 stages arrêtés le 27/02/2023 : ACAR Laurie, ACNA Camille, BENALI Yanis." */
export function stagesStopped(v: StageView[]): string {
  if (v.length === 1) return stageStopped(v[0]!);
  const names = v.map((s) => s.student);
  const shown = names.slice(0, 10).join(', ');
  const more = names.length > 10 ? ` et ${names.length - 10} autres` : '';
  return `${count(v.length, 'stage arrêté', 'stages arrêtés')} le ${formatFr(v[0]?.stoppedOn ?? '')} : ${shown}${more}.`;
}

export function stopRemoved(v: StageView): string {
  return `Arrêt enlevé : le stage ${deOrD(v.student)} va du ${formatFr(v.start)} au ${formatFr(v.end)}.`;
}

/** The teacher a new stage kept from the one it continues (nothing when none). */
function stillFollowed(v: StageView | undefined): string {
  return v?.follower ? ` Suivi : ${v.follower}.` : '';
}

export function stageCreated(v: StageView): string {
  return `Nouveau stage ${deOrD(v.student)} du ${formatFr(v.start)} au ${formatFr(v.end)}.${stillFollowed(v)}`;
}

export function stageSplit(v: StageView[]): string {
  return `Stage ${deOrD(v[0]?.student ?? '')} scindé : ${v
    .map((p) => `du ${formatFr(p.start)} au ${formatFr(p.end)}`)
    .join(' puis ')}.${stillFollowed(v[1])}`;
}

export function stageReassigned(v: StageView): string {
  return v.needsAmendment
    ? `Stage ${deOrD(v.student)} réaffecté : un avenant à la convention est à faire (colonne « Avenant »).`
    : `Stage ${deOrD(v.student)} réaffecté.`;
}

export function deletionPreviewed(p: DeletionPreview): string {
  if (p.blocked) return 'Suppression impossible : la raison est indiquée sous la liste.';
  return `${capitalised(count(p.stages.length, 'stage serait supprimé', 'stages seraient supprimés'))} : vérifiez la liste, puis confirmez.`;
}

export function stagesDeleted(r: DeletionResult): string {
  const absences =
    r.absences > 0 ? ` ; ${count(r.absences, 'absence supprimée', 'absences supprimées')}` : '';
  if (r.scope === 'stage') {
    const s = r.stages[0];
    const dates = s ? ` du ${formatFr(s.start)} au ${formatFr(s.end)}` : '';
    return `Stage ${deOrD(r.student)}${dates} supprimé${absences} (tout est noté au Journal).`;
  }
  return (
    `${r.student} n'est plus dans la session « ${r.session} » : ` +
    `${count(r.stages.length, 'stage supprimé', 'stages supprimés')}${absences} (tout est noté au Journal).`
  );
}

/** The warning of a date typed by hand that takes a stage out of its session, or null. */
export function datesOutsideSession(outside: string[]): string | null {
  if (outside.length === 0) return null;
  const shown = outside.slice(0, 3).join(' ; ');
  const more = outside.length > 3 ? ` (et ${outside.length - 3} de plus)` : '';
  return (
    `Attention, dates hors de la session : ${shown}${more}. ` +
    'Corrigez ces dates, ou modifiez la session (menu Nouvelle session…).'
  );
}

// ——— Planning ———

export const ABSENCE_ADDED = 'Absence enregistrée.';

/** Days of the absence the stage does not work are said, never counted silently. */
export function absenceAdded(r: { notWorked?: string[] }): string {
  const off = r.notWorked ?? [];
  if (off.length === 0) return ABSENCE_ADDED;
  if (off.length <= 3) {
    const days = off.map(describeDay);
    const list =
      days.length === 1 ? days[0]! : `${days.slice(0, -1).join(', ')} et ${days[days.length - 1]!}`;
    return off.length === 1
      ? `Absence enregistrée ; le ${list} n'est pas travaillé dans ce stage : il n'est pas compté.`
      : `Absence enregistrée ; les ${list} ne sont pas travaillés dans ce stage : ils ne sont pas comptés.`;
  }
  return `Absence enregistrée ; ${off.length} de ses jours ne sont pas travaillés dans ce stage (repos, week-end ou jour férié) : ils ne sont pas comptés.`;
}
export const ABSENCE_REMOVED = 'Absence supprimée.';

export function calendarShown(r: { sheetName: string }): string {
  return `Calendrier affiché dans la feuille « ${r.sheetName} ».`;
}

export function overviewShown(r: { sheetName: string }): string {
  return `Vue d'ensemble affichée dans la feuille « ${r.sheetName} ».`;
}

export function holidaysImported(r: { added: number; coverage?: HolidayCoverageView }): string {
  const added = `${count(r.added, 'période de vacances ajoutée', 'périodes de vacances ajoutées')}.`;
  return r.coverage
    ? `${added} ${coverageNote(r.coverage.zone, r.coverage.byZone[r.coverage.zone])}`
    : added;
}

// ——— Visits and people ———

export function visitAdded(v: VisitView): string {
  return v.done
    ? `Visite du ${formatFr(v.date)} enregistrée.`
    : `Visite prévue le ${formatFr(v.date)} enregistrée : elle comptera à partir de ce jour.`;
}

export const VISIT_REMOVED = 'Visite supprimée.';

export function visitRemoved(r: { reportBinned?: boolean }): string {
  return r.reportBinned
    ? 'Visite supprimée ; son compte rendu est à la corbeille (« Annulée » dans la feuille Documents).'
    : VISIT_REMOVED;
}

export function tutorSaved(t: TutorView): string {
  return `Tuteur « ${t.label} » enregistré (${t.company}).`;
}

export function staffSaved(s: StaffView): string {
  return `« ${s.label} » enregistré(e) dans le personnel.`;
}

export function companySaved(c: CompanyView): string {
  const moved = c.relabelled
    ? [
        c.relabelled.stages > 0 ? count(c.relabelled.stages, 'stage', 'stages') : '',
        c.relabelled.tutors > 0 ? count(c.relabelled.tutors, 'tuteur', 'tuteurs') : '',
      ].filter(Boolean)
    : [];
  return moved.length > 0
    ? `Entreprise « ${c.name} » enregistrée ; nouveau nom reporté sur ${moved.join(' et ')}.`
    : `Entreprise « ${c.name} » enregistrée.`;
}

// ——— Documents ———

export function templatesCreated(r: { created: number }): string {
  if (r.created === 0)
    return 'Les modèles existent déjà : ouvrez-les pour les adapter (logo, formulations).';
  return `${r.created} modèle${r.created > 1 ? 's' : ''} créé${r.created > 1 ? 's' : ''} dans le dossier « Suivi des stages – Documents » de votre Drive : adaptez-les librement.`;
}

export function templateChecked(v: { unknown: unknown[]; label: string }): string {
  return v.unknown.length === 0
    ? `Modèle vérifié : ${v.label}.`
    : `Modèle vérifié : ${v.label} (${v.unknown.length} balise${v.unknown.length > 1 ? 's' : ''} à corriger).`;
}

/** The report itself is drawn by the panel; the status line only says it is there. */
export function documentsPlanned(): string {
  return 'Vérification faite : voyez le compte rendu ci-dessous.';
}

export function documentsProgress(v: { progress: string; state: string }): string {
  switch (v.state) {
    case 'done':
      return `Terminé : ${v.progress}.`;
    case 'cancelled':
      return `Génération annulée : ${v.progress}.`;
    case 'quota':
      return `Quota quotidien de Google atteint (${v.progress}) : reprenez demain.`;
    default:
      return v.progress;
  }
}

/** « Annuler »: said plainly when the batch had finished before the click reached it. */
export function documentsCancelled(v: { progress: string; state: string }): string {
  if (v.state === 'done')
    return 'Trop tard pour annuler : le lot était déjà terminé, ses documents sont faits.';
  return documentsProgress(v);
}

/** « Accord préalable créé », « Convention vierge créée » (`feminine`). */
export function fileMade(what: string, feminine = false): (v: { name: string }) => string {
  return (v) => `${what} ${feminine ? 'créée' : 'créé'} : « ${v.name} ».`;
}

export function printFileMade(v: { count?: number; copies?: number }): string {
  const n = v.count ?? 0;
  const c = v.copies ?? 1;
  return `Fichier à imprimer créé : ${n} document${n > 1 ? 's' : ''}${c > 1 ? ` × ${c} exemplaires` : ''}.`;
}

// ——— The follow-up ———

export function followUpPreviewed(p: FollowUpPreview): string {
  const left = p.unassigned.length;
  return (
    `${p.changes === 0 ? 'Aucun changement' : count(p.changes, 'stage à attribuer', 'stages à attribuer')}` +
    `${left > 0 ? ` ; ${count(left, 'stage reste', 'stages restent')} sans enseignant` : ''}. ` +
    'Rien n’est encore écrit : vérifiez puis appliquez.'
  );
}

export function followUpApplied(p: FollowUpPreview): string {
  return p.changes === 0
    ? 'Suivi déjà réparti : rien à changer.'
    : `Suivi réparti : ${count(p.changes, 'stage attribué', 'stages attribués')}.`;
}

export function myStagesShown(v: MyStagesView): string {
  return v.stages.length === 0
    ? 'Aucun stage ne vous est attribué pour le suivi.'
    : `${count(v.stages.length, 'stage suivi', 'stages suivis')}.`;
}

export function myVisitRecorded(o: MyVisitOutcome): string {
  const v = o.followed.visits.find((x) => x.id === o.visitId);
  return v ? visitAdded(v) : 'Visite enregistrée.';
}

export const MY_VISIT_EDITED = 'Commentaire modifié.';

export function visitPlanned(o: MyVisitOutcome): string {
  const d = o.followed.stage.plannedVisit;
  return d ? `Visite prévue le ${formatFr(d)}.` : 'Date de visite prévue effacée.';
}

// ——— A document's life (issue 11) ———

/**
 * The register's statuses agree with « convention »; said of an avenant they agree with it:
 * « Avenant : signé entreprise », « complet ».
 */
export function agreedStatus(kind: string, status: string): string {
  if (kind !== DOCUMENT_KIND_LABELS.avenant) return status;
  return status === 'Complète' ? 'Complet' : status.replace(/ée(?=\s|$)/, 'é');
}

export function documentStepRecorded(o: { document: { kind: string; status: string } }): string {
  return `${o.document.kind} : ${agreedStatus(o.document.kind, o.document.status).toLowerCase()}.`;
}

/** « Copie signée jointe à la convention », « … à l’avenant ». */
export function signedCopyAttached(o: { document: { kind: string } }): string {
  const what = o.document.kind.toLowerCase();
  return `Copie signée jointe ${/^[aeiouéè]/.test(what) ? `à l’${what}` : `à la ${what}`}.`;
}

export function blankRegularised(o: { stageStatus: string }): string {
  return `Convention vierge régularisée${o.stageStatus ? ` (${o.stageStatus})` : ''}.`;
}

export function reminderRecorded(o: { document: { remindedOn: string } }): string {
  return `Relance notée le ${formatFr(o.document.remindedOn)}.`;
}

export function stageDocumentsShown(v: { documents: unknown[] }): string {
  return v.documents.length === 0
    ? 'Aucun document pour ce stage.'
    : `${count(v.documents.length, 'document', 'documents')}.`;
}

export function chaseListed(v: { items: { kind: string }[]; blanks: unknown[] }): string {
  const overdue = v.items.filter((i) => i.kind === 'overdue').length;
  const blanks = v.blanks.length
    ? ` ; ${count(v.blanks.length, 'convention vierge à régulariser', 'conventions vierges à régulariser')}`
    : '';
  return `${capitalised(chaseCountText(v.items.length, overdue))}${blanks}.`;
}

export function dashboardShown(v: { session: string; sheetUrl: string }): string {
  return v.sheetUrl
    ? `Tableau de bord de « ${v.session} » écrit dans la feuille « ${v.sheetUrl} » : imprimez-la.`
    : `Tableau de bord de « ${v.session} ».`;
}

export function visitReportGiven(v: { name: string; created: boolean }): string {
  return v.created
    ? `Compte rendu créé : « ${v.name} ».`
    : `Le compte rendu existe déjà : « ${v.name} » (ouvert, pas refait).`;
}
