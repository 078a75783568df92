/**
 * The example the workbench opens on, taken from seed 000 (PRONOTE, "plusieurs stages sur une
 * même session"): built THROUGH THE REAL BUNDLE, with the calls a user would make, so the
 * example is exactly what the add-on itself writes.
 */
import { EMPTY_FILTER } from '../../src/domain/stages/filter';
import type {
  AffectInput,
  ApiResult,
  AssignmentView,
  FilterResult,
  ImportPreview,
  ReferenceData,
  SessionView,
  StageFilter,
} from '../../src/api/contract';
import { STAFF, TUTORS } from '../../src/sheets/schema';
import type { BundleContext } from 'gas-emulator/bundle';
import type { Emulator } from 'gas-emulator';

/**
 * - `empty`: the initialised workbook only;
 * - `references`: plus the ten students, two companies, their tutors and the referent;
 * - `full`: plus the session, the ten stages and the two assignments of the seed's table.
 */
export type SeedLevel = 'empty' | 'references' | 'full';

export const SEED_LEVELS: readonly SeedLevel[] = ['empty', 'references', 'full'];

export const EXAMPLE_STUDENTS_CSV = [
  'Nom;Prénom;Classe;Né(e) le',
  'ACAR;Laurie;BTS1;14/03/2004',
  'ACNA;Camille;BTS1;02/09/2004',
  'BENALI;Yanis;BTS1;21/06/2004',
  'CARPENTIER;Manon;BTS1;09/01/2005',
  'DELATTRE;Hugo;BTS1;30/11/2004',
  'DUPONT;Léa;BTS1;17/05/2004',
  'FONTAINE;Théo;BTS1;05/02/2005',
  'LEFEBVRE;Chloé;BTS1;28/08/2004',
  'MARTIN;Nathan;BTS1;11/10/2004',
  'PETIT;Sarah;BTS1;23/04/2004',
].join('\n');

export const EXAMPLE_COMPANIES_CSV = [
  'Raison sociale;Adresse;Code postal;Ville;Téléphone',
  'CREDIT AGRICOLE DU NORD CAMBRAI;12 rue de Noyon;59400;Cambrai;03 27 00 00 01',
  'BANQUE POPULAIRE DU NORD DENAIN;4 place Wilson;59220;Denain;03 27 00 00 02',
].join('\n');

export const EXAMPLE_SESSION = {
  id: '',
  title: 'BTS 1 info période 1',
  type: 'Stage BTS',
  schoolYear: '2022-2023',
  diploma: 'BTS Informatique',
  editionLabel: 'BTS 1 info période 1',
  objectives: '',
  periods: [{ start: '01/02/2023', end: '31/03/2023' }],
};

const TUTOR_ROWS = [
  {
    company: 'CREDIT AGRICOLE DU NORD CAMBRAI',
    civility: 'M.',
    lastName: 'ECUSSON',
    firstName: 'Blase',
  },
  {
    company: 'BANQUE POPULAIRE DU NORD DENAIN',
    civility: 'M.',
    lastName: 'BONNET',
    firstName: 'Frédéric',
  },
];

const STAFF_ROWS = [
  // The workbench's signed-in user (the emulator's default address): « Mes stages » is his.
  {
    civility: 'M.',
    lastName: 'BRUEL',
    firstName: 'Patrick',
    email: 'prof@lycee.example',
    discipline: 'Informatique',
  },
];

/** As in the seed's "Gestion des stages" table. */
const AFFECTATIONS = [
  {
    student: 'ACAR Laurie',
    company: 'CREDIT AGRICOLE DU NORD CAMBRAI',
    tutor: 'ECUSSON',
    referent: 'BRUEL',
  },
  {
    student: 'ACNA Camille',
    company: 'BANQUE POPULAIRE DU NORD DENAIN',
    tutor: 'BONNET',
    referent: 'BRUEL',
  },
];

/** No criterion: every stage (the domain's empty filter). */
export const NO_FILTER: StageFilter = EMPTY_FILTER;

class SeedError extends Error {}

function ok<T>(what: string, r: unknown): T {
  const res = r as ApiResult<T> | undefined;
  if (!res || res.ok !== true) {
    const msg = res && res.ok === false ? res.error : JSON.stringify(r);
    throw new SeedError(`Exemple : « ${what} » a échoué : ${msg}`);
  }
  return res.value;
}

/** Appends rows typed "by hand" under the headers the sheet really has (columns may move). */
function typeRows(
  emulator: Emulator,
  sheetName: string,
  rows: Record<string, string>[],
  headerOf: (key: string) => string,
): void {
  const ss = emulator.sheets.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet)
    throw new SeedError(`Exemple : la feuille ${sheetName} est absente après l'initialisation.`);
  const width = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0]?.map(String) ?? [];
  const block = rows.map((r) => {
    const line: string[] = headers.map(() => '');
    for (const [key, value] of Object.entries(r)) {
      const i = headers.indexOf(headerOf(key));
      if (i < 0)
        throw new SeedError(`Exemple : colonne « ${headerOf(key)} » absente de ${sheetName}.`);
      line[i] = value;
    }
    return line;
  });
  sheet.getRange(sheet.getLastRow() + 1, 1, block.length, width).setValues(block);
}

function header(spec: { columns: readonly { key: string; header: string }[] }) {
  return (key: string): string => spec.columns.find((c) => c.key === key)?.header ?? key;
}

export function seedExample(bundle: BundleContext, emulator: Emulator, level: SeedLevel): void {
  bundle.call('menuInitWorkbook');
  if (level === 'empty') return;

  ok<ImportPreview>(
    'import des élèves',
    bundle.call('apiApplyImport', { kind: 'students', text: EXAMPLE_STUDENTS_CSV }),
  );
  ok<ImportPreview>(
    'import des entreprises',
    bundle.call('apiApplyImport', { kind: 'companies', text: EXAMPLE_COMPANIES_CSV }),
  );

  // Tutors and staff have no form in the add-on: staff type them in their sheets, and
  // "Initialiser le classeur" gives the typed rows their ID, label and company link.
  typeRows(emulator, TUTORS.name, TUTOR_ROWS, header(TUTORS));
  typeRows(emulator, STAFF.name, STAFF_ROWS, header(STAFF));
  bundle.call('menuInitWorkbook');
  if (level === 'references') return;

  const session = ok<SessionView>(
    'création de la session',
    bundle.call('apiSaveSession', EXAMPLE_SESSION),
  );
  const assignment = bundle.call('apiGetAssignment', session.id) as AssignmentView;
  const studentIds = assignment.students.filter((s) => s.className === 'BTS1').map((s) => s.id);
  ok(
    'affectation des élèves',
    bundle.call('apiAssignStudents', { sessionId: session.id, studentIds }),
  );

  const ref = bundle.call('apiGetReferenceData') as ReferenceData;
  const find = (list: { id: string; label: string }[], text: string, what: string): string => {
    const hit = list.find((x) => x.label.toUpperCase().includes(text.toUpperCase()));
    if (!hit) throw new SeedError(`Exemple : ${what} « ${text} » introuvable.`);
    return hit.id;
  };
  for (const a of AFFECTATIONS) {
    const found = ok<FilterResult>(
      `recherche de ${a.student}`,
      bundle.call('apiFilterStages', { ...NO_FILTER, sessionId: session.id, student: a.student }),
    );
    const stage = found.stages[0];
    if (!stage) throw new SeedError(`Exemple : aucun stage pour ${a.student}.`);
    const input: AffectInput = {
      stageIds: [stage.id],
      fingerprints: [stage.fingerprint],
      companyId: find(ref.companies, a.company, "l'entreprise"),
      tutorId: find(ref.tutors, a.tutor, 'le tuteur'),
      referentId: find(ref.staff, a.referent, 'le référent'),
    };
    ok(`affectation de ${a.student}`, bundle.call('apiAffect', input));
  }
}
