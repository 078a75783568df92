/**
 * Companies created or corrected from the sidebar, so nobody has to type in the Entreprises
 * sheet nor prepare an import for one company. A renamed company's name follows on the Stages
 * rows and the Tuteurs rows that show it.
 */
import type { CompanyInput, CompanyView } from '../api/contract';
import { validateCompany } from '../domain/companies';
import { UserError } from '../domain/errors';
import { fingerprint } from '../domain/fingerprint';
import { typed } from '../domain/text';
import type { Company } from '../domain/types';
import type { Context } from '../gas/context';
import { type Rec, str } from '../sheets/records';
import { COMPANIES, type CompanyKey, TUTORS } from '../sheets/schema';
import { readCompanies } from './references';
import { relabelStages, unwrap } from './stageStore';
import { appendUndoable, writeRowsUndoable, writeRowUndoable } from './undoable';

/** The company's fields in a fixed order: what its fingerprint digests. */
const FIELDS = [
  'id',
  'name',
  'siret',
  'address',
  'postalCode',
  'city',
  'country',
  'phone',
  'email',
  'signatory',
  'signatoryRole',
] as const satisfies readonly (keyof Company & CompanyKey)[];

function companyOf(r: Rec<CompanyKey>): Company {
  const c = {} as Company;
  for (const k of FIELDS) c[k] = str(r[k]);
  return c;
}

function companyFingerprint(c: Company): string {
  return fingerprint(FIELDS.map((k) => c[k]));
}

function view(c: Company): CompanyView {
  return { ...c, fingerprint: companyFingerprint(c) };
}

const gone = () =>
  new UserError(
    'Cette entreprise ne figure plus dans la feuille Entreprises : la ligne a peut-être été supprimée. Choisissez-la à nouveau dans la liste.',
    'companyId',
  );

/** The company as its row reads now, or null. Two reads: the ID column, then the row. */
export function getCompany(ctx: Context, companyId: unknown): CompanyView | null {
  const id = typed(companyId).trim();
  if (id === '') return null;
  const t = ctx.table(COMPANIES);
  const row = t.findRow(id);
  return row === 0 ? null : view(companyOf(t.readRow(row)));
}

/**
 * A renamed company keeps its ID: show the new name on its stages and tutors. Returns how many
 * rows now show it.
 */
export function propagateCompanyNames(
  ctx: Context,
  renamed: ReadonlyMap<string, string>,
): { stages: number; tutors: number } {
  if (renamed.size === 0) return { stages: 0, tutors: 0 };
  const stages = relabelStages(ctx, 'company', new Map(renamed));
  const t = ctx.table(TUTORS);
  const patches = new Map<number, Partial<Rec<'company'>>>();
  const rows = t.readRowsWhere('companyId', (id) => renamed.has(id));
  for (const { row, values } of rows) {
    const name = renamed.get(str(values.companyId)) ?? '';
    if (str(values.company) !== name) patches.set(row, { company: name });
  }
  const read = new Map(rows.map((r) => [r.row, r.values]));
  writeRowsUndoable(ctx, t, patches, (row) => read.get(row) ?? {});
  return { stages, tutors: patches.size };
}

/**
 * Creates a company (`id` '') or corrects one, under the lock, journalled. The whole sheet is
 * read once: the SIRET and the name are checked against every other company as it is now (not
 * as a cached list), and the row to correct is found by its ID.
 */
export function saveCompany(ctx: Context, input: CompanyInput): CompanyView {
  return ctx.withLock(() => {
    const all = readCompanies(ctx);
    const id = typed(input?.id).trim();
    // A correction of a row gone is said so, rather than judged against the others.
    if (id !== '' && !all.some((c) => c.id === id)) throw gone();
    const company = unwrap(validateCompany(input, all));
    const t = ctx.table(COMPANIES);
    if (company.id === '') {
      const created: Company = { ...company, id: ctx.newId('ENT') };
      appendUndoable(ctx, t, [{ ...created }]);
      ctx.journal({
        action: 'Créer une entreprise',
        target: created.name,
        before: null,
        after: created,
      });
      return view(created);
    }

    const row = t.findRow(company.id);
    const known = all.find((c) => c.row === row);
    if (row === 0 || !known) throw gone();
    const { row: _row, ...before } = known;
    // The form shows the row as it was read: a change made since (by hand, or by someone else's
    // form) must not be overwritten unseen.
    const sent = typed(input?.fingerprint);
    if (sent !== '' && sent !== companyFingerprint(before)) {
      throw new UserError(
        `L'entreprise « ${before.name} » a été modifiée depuis que vous l'avez ouverte : choisissez-la à nouveau dans la liste pour voir ses valeurs actuelles, puis refaites vos corrections.`,
        'companyId',
      );
    }
    const keys = FIELDS.filter((k) => k !== 'id' && before[k] !== company[k]);
    if (keys.length === 0) return view(before);
    const patch: Partial<Rec<CompanyKey>> = {};
    const back: Partial<Rec<CompanyKey>> = {};
    for (const k of keys) {
      patch[k] = company[k];
      back[k] = before[k];
    }
    const renamed = before.name !== company.name;
    let relabelled = { stages: 0, tutors: 0 };
    // Three sheets and the journal, and no transaction: each write registers its way back, and
    // a failure before the journal line puts back what was written (src/gas/ledger.ts).
    writeRowUndoable(ctx, t, row, patch, back);
    if (renamed) relabelled = propagateCompanyNames(ctx, new Map([[company.id, company.name]]));
    ctx.journal({
      action: 'Modifier une entreprise',
      target: company.name,
      before: back,
      after: patch,
    });
    return renamed ? { ...view(company), relabelled } : view(company);
  });
}
