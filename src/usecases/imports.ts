/**
 * Students and companies enter the workbook by import (a PRONOTE or SIECLE export, or text
 * pasted from a sheet): a preview first, then an import that updates known rows rather than
 * duplicating them.
 */
import type { ImportPreview } from '../api/contract';
import {
  COMPANY_FIELD_LABELS,
  STUDENT_FIELD_LABELS,
  mapCompanyColumns,
  mapStudentColumns,
  mappedColumns,
  missingCompanyColumns,
  missingStudentColumns,
  parseDelimitedText,
  planCompanyImport,
  planStudentImport,
  type ImportableStudent,
} from '../domain/import';
import { studentLabels } from '../domain/labels';
import type { Company } from '../domain/types';
import { UserError } from '../domain/errors';
import type { Context } from '../gas/context';
import { COMPANIES, STUDENTS } from '../sheets/schema';
import { propagateCompanyNames } from './companies';
import { readCompanies, readStudents } from './references';
import { relabelStages } from './stageStore';
import { appendUndoable, writeRowsUndoable } from './undoable';

type Kind = 'students' | 'companies';

const MAX_TEXT = 2_000_000;

function checkInput(input: { kind: Kind; text: string }): { kind: Kind; text: string } {
  const kind =
    input?.kind === 'companies' ? 'companies' : input?.kind === 'students' ? 'students' : null;
  if (!kind)
    throw new UserError('Choisissez ce que vous importez : élèves ou entreprises.', 'kind');
  const text = typeof input.text === 'string' ? input.text : '';
  if (text.trim() === '')
    throw new UserError('Collez le texte exporté ou choisissez un fichier.', 'text');
  if (text.length > MAX_TEXT)
    throw new UserError('Le fichier est trop gros (2 millions de caractères au plus).', 'text');
  return { kind, text };
}

/** Refuses a file without the columns an import needs, naming them. */
function requireColumns(missing: string[], examples: string): void {
  if (missing.length > 0) {
    throw new UserError(
      `Colonnes introuvables dans le fichier : ${missing.join(', ')}. ` +
        `La première ligne doit porter les titres (${examples}…).`,
      'text',
    );
  }
}

/** The preview shown before importing: recognised columns, then each line and its fate. */
function previewOf(
  kind: ImportPreview['kind'],
  columns: ImportPreview['columns'],
  items: {
    values: Record<string, string>;
    status: ImportPreview['rows'][number]['status'];
    error?: string;
  }[],
): ImportPreview {
  return {
    kind,
    columns,
    rows: items.map((it) => ({
      values: it.values,
      status: it.status,
      ...(it.error ? { error: it.error } : {}),
    })),
    created: items.filter((i) => i.status === 'nouveau').length,
    updated: items.filter((i) => i.status === 'mis à jour').length,
    errors: items.filter((i) => i.status === 'erreur').length,
  };
}

interface Plan {
  preview: ImportPreview;
  apply: () => void;
}

function studentPlan(ctx: Context, text: string): Plan {
  const { headers, rows } = parseDelimitedText(text);
  const mapping = mapStudentColumns(headers);
  requireColumns(missingStudentColumns(mapping), 'Nom, Prénom, Classe');
  const existing = readStudents(ctx);
  const { items } = planStudentImport(rows, mapping, existing, () => ctx.newId('ELV'));
  const preview = previewOf(
    'students',
    mappedColumns(headers, mapping, STUDENT_FIELD_LABELS),
    items.map((it) => ({
      values: {
        Nom: it.student.lastName,
        Prénom: it.student.firstName,
        Classe: it.student.className,
        'Né(e) le': it.student.birthDate,
      },
      status: it.status,
      ...(it.error ? { error: it.error } : {}),
    })),
  );
  const apply = () => {
    const t = ctx.table(STUDENTS);
    const all = new Map<string, ImportableStudent>(existing.map((s) => [s.id, s]));
    const toAppend: ImportableStudent[] = [];
    for (const it of items) {
      if (it.status === 'nouveau') toAppend.push(it.student);
      if (it.status === 'nouveau' || it.status === 'mis à jour') all.set(it.student.id, it.student);
    }
    const labels = studentLabels([...all.values()]);
    const labelOf = studentLabels(existing);
    const record = (s: ImportableStudent) => ({
      id: s.id,
      lastName: s.lastName,
      firstName: s.firstName,
      className: s.className,
      birthDate: s.birthDate,
      email: s.email,
      ine: s.ine ?? '',
      label: labels.get(s.id) ?? '',
    });
    // Known students change when updated, and their labels when a homonym arrives. Their rows
    // were read just above (readStudents): the write needs no second read.
    const patches = new Map<number, ReturnType<typeof record>>();
    for (const s of existing) {
      const next = record(all.get(s.id)!);
      const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => s[k] !== next[k]);
      if (changed) patches.set(s.row, next);
    }
    const byRow = new Map(existing.map((s) => [s.row, s]));
    // The rows as read: the way back rewrites only the keys the patches change.
    writeRowsUndoable(ctx, t, patches, (row) => byRow.get(row) ?? {});
    appendUndoable(ctx, t, toAppend.map(record));
    // A new homonym renames the existing student ("MARTIN Léa (BTS1)"), a class change too.
    const changed = new Map<string, string>();
    for (const s of existing) {
      const now = all.get(s.id)!;
      if (labels.get(s.id) !== labelOf.get(s.id) || now.className !== s.className)
        changed.set(s.id, labels.get(s.id) ?? '');
    }
    relabelStages(ctx, 'student', changed, (id) => ({ className: all.get(id)?.className ?? '' }));
  };
  return { preview, apply };
}

function companyPlan(ctx: Context, text: string): Plan {
  const { headers, rows } = parseDelimitedText(text);
  const mapping = mapCompanyColumns(headers);
  requireColumns(missingCompanyColumns(mapping), 'Raison sociale, SIRET, Adresse');
  const existing = readCompanies(ctx);
  const { items } = planCompanyImport(rows, mapping, existing, () => ctx.newId('ENT'));
  const preview = previewOf(
    'companies',
    mappedColumns(headers, mapping, COMPANY_FIELD_LABELS),
    items.map((it) => ({
      values: {
        'Raison sociale': it.company.name,
        SIRET: it.company.siret,
        'Code postal': it.company.postalCode,
        Ville: it.company.city,
      },
      status: it.status,
      ...(it.error ? { error: it.error } : {}),
    })),
  );
  const apply = () => {
    const t = ctx.table(COMPANIES);
    const record = (c: Company) => ({
      id: c.id,
      name: c.name,
      siret: c.siret,
      address: c.address,
      postalCode: c.postalCode,
      city: c.city,
      country: c.country,
      phone: c.phone,
      email: c.email,
      signatory: c.signatory,
      signatoryRole: c.signatoryRole,
    });
    const fresh = items.filter((i) => i.status === 'nouveau').map((i) => record(i.company));
    const updated = items.filter((i) => i.status === 'mis à jour').map((i) => i.company);
    const renamed = new Map<string, string>();
    // The rows were read by readCompanies above: the write needs no second read.
    const byId = new Map(existing.map((c) => [c.id, c]));
    const patches = new Map<number, ReturnType<typeof record>>();
    for (const c of updated) {
      const known = byId.get(c.id);
      if (!known) continue;
      if (known.name !== c.name) renamed.set(c.id, c.name);
      patches.set(known.row, record(c));
    }
    const byRow = new Map(existing.map((c) => [c.row, record(c)]));
    writeRowsUndoable(ctx, t, patches, (row) => byRow.get(row) ?? {});
    appendUndoable(ctx, t, fresh);
    if (renamed.size > 0) propagateCompanyNames(ctx, renamed);
  };
  return { preview, apply };
}

function plan(ctx: Context, kind: Kind, text: string): Plan {
  return kind === 'students' ? studentPlan(ctx, text) : companyPlan(ctx, text);
}

export function previewImport(ctx: Context, input: { kind: Kind; text: string }): ImportPreview {
  const { kind, text } = checkInput(input);
  return plan(ctx, kind, text).preview;
}

export function applyImport(ctx: Context, input: { kind: Kind; text: string }): ImportPreview {
  const { kind, text } = checkInput(input);
  return ctx.withLock(() => {
    const p = plan(ctx, kind, text);
    if (p.preview.created + p.preview.updated === 0) {
      throw new UserError(
        p.preview.errors > 0
          ? `Rien à importer : ${p.preview.errors} ligne(s) en erreur (voir l'aperçu).`
          : 'Rien à importer : tout est déjà à jour.',
        'text',
      );
    }
    p.apply();
    ctx.journal({
      action: kind === 'students' ? 'Importer des élèves' : 'Importer des entreprises',
      target: '',
      before: null,
      after: {
        nouveaux: p.preview.created,
        misÀJour: p.preview.updated,
        erreurs: p.preview.errors,
      },
    });
    return p.preview;
  });
}
