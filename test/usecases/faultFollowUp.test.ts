/**
 * A fault injected at every service call of each follow-up write (see faultProof.ts): « Répartir
 * le suivi » applied (a session, selected rows), a visit recorded, edited and deleted from « Mes stages ».
 */
import type { ApiResult, FollowUpPreview, MyVisitOutcome, StaffView } from '../../src/api/contract';
import type { Harness } from './harness';
import { type FaultCase, faultProof, hint, ok } from './faultProof';

/** The emulator's signed-in user becomes a teacher of Personnel. */
function teacher(h: Harness): string {
  return ok<StaffView>(
    h.call('apiSaveStaff', {
      id: '',
      civility: 'Mme',
      lastName: 'ROUX',
      firstName: 'Léa',
      email: 'prof@lycee.example',
      discipline: 'Économie',
    }),
  ).id;
}

function withVisit(h: Harness): Record<string, string> {
  teacher(h);
  const o = ok<MyVisitOutcome>(
    h.call('apiRecordMyVisit', {
      stageId: h.ids.stages['ACAR Laurie']!,
      date: '14/02/2023',
      type: 'visite',
      comment: 'Bonne intégration.',
    }),
  );
  return { visitId: o.visitId };
}

const CASES: FaultCase[] = [
  {
    name: 'Répartir le suivi (et retenir le plafond)',
    journal: 'Répartir le suivi',
    prepare: (h) => {
      const roux = teacher(h);
      const input = {
        sessionId: h.ids.sessionId,
        teacherIds: [roux, h.ids.staff['M. BRUEL Patrick']!],
        keepExisting: true,
        cap: '12',
      };
      const p = ok<FollowUpPreview>(h.call('apiPreviewFollowUp', input));
      return { input: JSON.stringify({ ...input, digest: p.digest }) };
    },
    run: (h, _s, p) =>
      h.call<ApiResult<unknown>>('apiApplyFollowUp', JSON.parse(p.input!) as unknown),
  },
  {
    name: 'Répartir le suivi des lignes sélectionnées',
    journal: 'Répartir le suivi',
    prepare: (h) => {
      const roux = teacher(h);
      const input = {
        sessionId: '',
        stageIds: [h.ids.stages['ACAR Laurie']!, h.ids.stages['ACNA Camille']!],
        teacherIds: [roux, h.ids.staff['M. BRUEL Patrick']!],
        keepExisting: true,
        cap: '',
      };
      const p = ok<FollowUpPreview>(h.call('apiPreviewFollowUp', input));
      return { input: JSON.stringify({ ...input, digest: p.digest }) };
    },
    run: (h, _s, p) =>
      h.call<ApiResult<unknown>>('apiApplyFollowUp', JSON.parse(p.input!) as unknown),
  },
  {
    name: 'Mes stages › enregistrer une visite',
    journal: 'Enregistrer une visite',
    prepare: (h) => {
      teacher(h);
      return {};
    },
    run: (h, s) =>
      h.call('apiRecordMyVisit', {
        stageId: s.id,
        ...hint(s),
        date: '',
        type: 'appel',
        comment: 'Point avec le tuteur.',
      }),
  },
  {
    name: 'Mes stages › modifier le commentaire',
    journal: 'Modifier une visite',
    prepare: withVisit,
    run: (h, _s, p) => h.call('apiEditMyVisit', { visitId: p.visitId, comment: 'Tout va bien.' }),
  },
  {
    name: 'Mes stages › supprimer sa visite',
    journal: 'Supprimer une visite',
    prepare: withVisit,
    run: (h, _s, p) => h.call('apiRemoveMyVisit', { visitId: p.visitId }),
  },
  {
    name: 'Mes stages › prévoir la visite',
    journal: 'Prévoir une visite',
    prepare: (h) => {
      const roux = teacher(h);
      const input = {
        sessionId: h.ids.sessionId,
        teacherIds: [roux],
        keepExisting: true,
        cap: '',
      };
      const p = ok<FollowUpPreview>(h.call('apiPreviewFollowUp', input));
      ok(h.call('apiApplyFollowUp', { ...input, digest: p.digest }));
      return {};
    },
    run: (h, s) => h.call('apiPlanMyVisit', { stageId: s.id, ...hint(s), date: '20/02/2023' }),
  },
];

faultProof(CASES, 'a fault at any service call of a follow-up write');
