/**
 * A fault injected at every service call of every stage action (see faultProof.ts): each one is
 * left as it was, or fully changed and journalled.
 */
import type {
  AbsenceView,
  DeletionPreview,
  StageSelection,
  VisitView,
} from '../../src/api/contract';
import type { Harness } from './harness';
import { type FaultCase, faultProof, hint, ok, select } from './faultProof';

const absence = (stageId: string, day: string) => ({
  stageId,
  start: day,
  end: day,
  halfDay: false,
  reason: 'Malade',
  justified: true,
  countsAsPresence: false,
});

/** What the confirmation of a deletion of ACAR Laurie's stage(s) shows. */
const confirmed = (h: Harness, scope: 'stage' | 'session') => {
  const s = select(h, 'ACAR Laurie');
  const p = ok<DeletionPreview>(h.call('apiPreviewDeletion', { stageId: s.id, scope, ...hint(s) }));
  return {
    expected: JSON.stringify(p.stages.map((x) => ({ id: x.id, fingerprint: x.fingerprint }))),
  };
};

const stopLaurie = (h: Harness) => {
  const s = select(h, 'ACAR Laurie');
  ok(
    h.call('apiStopStage', {
      stageId: s.id,
      fingerprint: s.fingerprint,
      stoppedOn: '27/02/2023',
      reason: 'Rupture',
    }),
  );
  return {};
};

const STAGE_CASES: FaultCase[] = [
  {
    name: 'Arrêter le stage',
    journal: 'Arrêter le stage',
    run: (h, s) =>
      h.call('apiStopStage', {
        stageId: s.id,
        ...hint(s),
        fingerprint: s.fingerprint,
        stoppedOn: '27/02/2023',
        reason: 'Rupture',
      }),
  },
  {
    name: "Enlever l'arrêt (fin initiale rétablie)",
    journal: "Enlever l'arrêt",
    prepare: stopLaurie,
    run: (h, s) =>
      h.call('apiRemoveStop', {
        stageId: s.id,
        ...hint(s),
        fingerprint: s.fingerprint,
        restoreOriginalEnd: true,
      }),
  },
  {
    name: 'Assigner un nouveau stage',
    journal: 'Assigner un nouveau stage',
    prepare: stopLaurie,
    run: (h, s) =>
      h.call('apiNewStage', {
        fromStageId: s.id,
        ...hint(s),
        start: '01/03/2023',
        end: '31/03/2023',
        companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN']!,
        tutorId: '',
        referentId: '',
        weeklyHours: '',
      }),
  },
  {
    name: 'Scinder (une absence suit la seconde partie)',
    journal: 'Scinder le stage',
    prepare: (h) => {
      ok(h.call('apiAddAbsence', absence(h.ids.stages['ACAR Laurie']!, '06/03/2023')));
      return {};
    },
    run: (h, s) =>
      h.call('apiSplitStage', {
        stageId: s.id,
        ...hint(s),
        fingerprint: s.fingerprint,
        splitDate: '01/03/2023',
        firstPartEnd: '27/02/2023',
        mode: 'stop',
        reason: 'Rupture',
        keepAssignment: true,
        companyId: '',
        tutorId: '',
        referentId: '',
      }),
  },
  {
    name: 'Réaffecter',
    journal: 'Réaffecter le stage',
    run: (h, s) =>
      h.call('apiReassignStage', {
        stageId: s.id,
        ...hint(s),
        fingerprint: s.fingerprint,
        companyId: h.ids.companies['BANQUE POPULAIRE DU NORD DENAIN']!,
        tutorId: h.ids.tutors['M. BONNET Frédéric']!,
        referentId: '',
      }),
  },
  {
    name: 'Affecter (deux lignes)',
    journal: 'Affecter',
    prepare: (h) => {
      const ids = [h.ids.stages['BERNARD Hugo']!, h.ids.stages['DUBOIS Mehdi']!];
      const rows = ids.map((id) => h.rowOf(id));
      h.em.sheets.setActiveRange('Stages', `A${Math.min(...rows)}:A${Math.max(...rows)}`);
      const sel = h.call<StageSelection>('apiGetSelection');
      const prints = ids.map((id) => sel.selectedFingerprints[sel.selectedIds.indexOf(id)]!);
      return { ids: JSON.stringify(ids), prints: JSON.stringify(prints) };
    },
    run: (h, _s, p) =>
      h.call('apiAffect', {
        stageIds: JSON.parse(p.ids!) as string[],
        fingerprints: JSON.parse(p.prints!) as string[],
        referentId: h.ids.staff['M. BRUEL Patrick']!,
      }),
  },
  {
    name: 'Ajouter une absence',
    journal: 'Ajouter une absence',
    run: (h, s) => h.call('apiAddAbsence', { ...absence(s.id, '08/02/2023'), ...hint(s) }),
  },
  {
    name: 'Supprimer une absence',
    journal: 'Supprimer une absence',
    prepare: (h) => {
      const id = h.ids.stages['ACAR Laurie']!;
      ok(h.call('apiAddAbsence', absence(id, '07/02/2023')));
      const a = ok<{ absence: AbsenceView }>(h.call('apiAddAbsence', absence(id, '08/02/2023')));
      return { absenceId: a.absence.id };
    },
    run: (h, _s, p) => h.call('apiRemoveAbsence', { absenceId: p.absenceId }),
  },
  {
    name: 'Enregistrer une visite',
    journal: 'Enregistrer une visite',
    run: (h, s) =>
      h.call('apiAddVisit', {
        stageId: s.id,
        ...hint(s),
        date: '14/02/2023',
        staffId: h.ids.staff['M. BRUEL Patrick']!,
        comment: 'Bonne intégration.',
      }),
  },
  {
    name: 'Supprimer une visite',
    journal: 'Supprimer une visite',
    prepare: (h) => {
      // The teacher signed in (the emulator's user) records the visit: its author may delete it.
      const me = ok<{ id: string }>(
        h.call('apiSaveStaff', {
          id: '',
          civility: 'Mme',
          lastName: 'ROUX',
          firstName: 'Léa',
          email: 'prof@lycee.example',
          discipline: '',
        }),
      );
      const v = ok<{ visit: VisitView }>(
        h.call('apiAddVisit', {
          stageId: h.ids.stages['ACAR Laurie']!,
          date: '14/02/2023',
          staffId: me.id,
          comment: '',
        }),
      );
      return { visitId: v.visit.id };
    },
    run: (h, _s, p) => h.call('apiRemoveVisit', { visitId: p.visitId }),
  },
  {
    name: 'Supprimer le stage (première ligne, avec deux absences)',
    journal: 'Supprimer le stage',
    prepare: (h) => {
      const id = h.ids.stages['ACAR Laurie']!;
      ok(h.call('apiAddAbsence', absence(id, '07/02/2023')));
      ok(h.call('apiAddAbsence', absence(id, '09/02/2023')));
      return confirmed(h, 'stage');
    },
    run: (h, s, p) =>
      h.call('apiDeleteStages', {
        stageId: s.id,
        scope: 'stage',
        ...hint(s),
        expected: JSON.parse(p.expected!) as unknown[],
      }),
  },
  {
    name: "Retirer l'élève de la session (deux stages séparés dans la feuille, une absence)",
    journal: 'Retirer l’élève de la session',
    prepare: (h) => {
      const s = select(h, 'ACAR Laurie');
      ok(
        h.call('apiSplitStage', {
          stageId: s.id,
          fingerprint: s.fingerprint,
          splitDate: '01/03/2023',
          firstPartEnd: '',
          mode: 'cut',
          reason: '',
          keepAssignment: true,
          companyId: '',
          tutorId: '',
          referentId: '',
        }),
      );
      ok(h.call('apiAddAbsence', absence(s.id, '08/02/2023')));
      // Sorted by start date, the second part goes to the bottom of the sheet.
      const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Stages')!;
      sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort(3);
      return confirmed(h, 'session');
    },
    run: (h, s, p) =>
      h.call('apiDeleteStages', {
        stageId: s.id,
        scope: 'session',
        ...hint(s),
        expected: JSON.parse(p.expected!) as unknown[],
      }),
  },
];

faultProof(STAGE_CASES, 'a fault at any service call of a stage action');
