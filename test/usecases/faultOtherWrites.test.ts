/**
 * A fault injected at every service call of the other write paths (sessions, people, imports,
 * settings, holidays, the onEdit recount): each one is left as it was, or fully changed and
 * journalled (see faultProof.ts).
 */
import type { SessionView } from '../../src/api/contract';
import { SEED_SESSION } from '../fixtures/seed';
import { type FaultCase, faultProof, ok } from './faultProof';

const CASES: FaultCase[] = [
  {
    name: 'Modifier la session (nouvel intitulé, périodes raccourcies : ses stages suivent)',
    journal: 'Modifier la session',
    run: (h) =>
      h.call('apiSaveSession', {
        ...SEED_SESSION,
        id: h.ids.sessionId,
        title: 'BTS 1 période 1',
        periods: [{ start: '01/02/2023', end: '15/03/2023' }],
        adjustStages: true,
      }),
  },
  {
    name: 'Affecter les élèves à une nouvelle session',
    journal: 'Affecter les élèves',
    prepare: (h) => {
      const s = ok<SessionView>(
        h.call('apiSaveSession', {
          ...SEED_SESSION,
          title: 'BTS 1 période 2',
          periods: [{ start: '02/05/2023', end: '26/05/2023' }],
        }),
      );
      return { sessionId: s.id };
    },
    run: (h, _s, p) =>
      h.call('apiAssignStudents', {
        sessionId: p.sessionId,
        studentIds: [h.ids.students['ACAR Laurie']!, h.ids.students['COLIN Sarah']!],
      }),
  },
  {
    name: 'Modifier un tuteur (son nom suit sur les stages)',
    journal: 'Modifier un tuteur',
    run: (h) =>
      h.call('apiSaveTutor', {
        id: h.ids.tutors['M. ECUSSON Blase']!,
        companyId: h.ids.companies['CREDIT AGRICOLE DU NORD CAMBRAI']!,
        civility: 'M.',
        lastName: 'ECUSSON',
        firstName: 'Blaise',
        role: 'Responsable d’agence',
        phone: '',
        email: '',
      }),
  },
  {
    name: 'Modifier un membre du personnel (son nom suit sur les stages et les visites)',
    journal: 'Modifier une fiche du personnel',
    prepare: (h) => {
      ok(
        h.call('apiAddVisit', {
          stageId: h.ids.stages['ACAR Laurie']!,
          date: '14/02/2023',
          staffId: h.ids.staff['M. BRUEL Patrick']!,
          comment: '',
        }),
      );
      return {};
    },
    run: (h) =>
      h.call('apiSaveStaff', {
        id: h.ids.staff['M. BRUEL Patrick']!,
        civility: 'M.',
        lastName: 'BRUEL',
        firstName: 'Patrice',
        email: 'patrick.bruel@lycee.example',
        discipline: 'Informatique',
      }),
  },
  {
    name: 'Importer des élèves (un nouveau, un homonyme renommé)',
    journal: 'Importer des élèves',
    run: (h) =>
      h.call('apiApplyImport', {
        kind: 'students',
        text: ['Nom;Prénom;Classe;Né(e) le', 'ACAR;Laurie;BTS2;01/01/2005'].join('\n'),
      }),
  },
  {
    name: 'Importer des entreprises (une renommée, une nouvelle)',
    journal: 'Importer des entreprises',
    run: (h) =>
      h.call('apiApplyImport', {
        kind: 'companies',
        text: [
          'Raison sociale;SIRET;Adresse;Code postal;Ville;Téléphone',
          'LA POSTE DENAIN;;1 rue de la Poste;59220;DENAIN;',
        ].join('\n'),
      }),
  },
  {
    name: 'Modifier une entreprise (son nom suit sur les stages et les tuteurs)',
    journal: 'Modifier une entreprise',
    prepare: (h) => ({
      company: JSON.stringify(
        h.call('apiGetCompany', h.ids.companies['CREDIT AGRICOLE DU NORD CAMBRAI']!),
      ),
    }),
    run: (h, _s, p) =>
      h.call('apiSaveCompany', {
        ...(JSON.parse(p.company!) as object),
        name: 'CREDIT AGRICOLE NORD DE FRANCE',
      }),
  },
  {
    name: 'Paramètres (la présence est recomptée)',
    journal: 'Paramètres',
    prepare: (h) => ({ settings: JSON.stringify(h.call('apiGetSettings')) }),
    run: (h, _s, p) =>
      h.call('apiSaveSettings', {
        ...(JSON.parse(p.settings!) as object),
        defaultWeeklyHours: '32',
      }),
  },
  {
    name: 'Importer les vacances scolaires',
    journal: 'Importer les vacances scolaires',
    run: (h) =>
      h.call('apiImportSchoolHolidays', {
        text: [
          'Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire',
          'Vacances de la Toussaint;-;2030-10-18T22:00:00+00:00;2030-11-03T23:00:00+00:00;Lille;Zone B;2030-2031',
          'Vacances de Noël;-;2030-12-20T23:00:00+00:00;2031-01-05T23:00:00+00:00;Lille;Zone B;2030-2031',
        ].join('\n'),
      }),
  },
];

faultProof(CASES, 'a fault at any service call of the other write paths');
