/**
 * Recognising the columns of an export by their header, whatever the software's spelling:
 * headers are compared without accents, case, spaces or punctuation ("Né(e) le" = "NE E LE").
 */
import { fold } from '../text';

/** Field → index of its column in the file. A field absent from the file is absent here. */
export type ColumnMapping<F extends string> = Partial<Record<F, number>>;

function headerKey(header: string): string {
  return fold(header).replace(/[^a-z0-9]/g, '');
}

/** The first column whose header is a known synonym wins for each field. */
export function mapColumns<F extends string>(
  headers: readonly string[],
  synonyms: Readonly<Record<F, readonly string[]>>,
): ColumnMapping<F> {
  const mapping: ColumnMapping<F> = {};
  const fields = Object.keys(synonyms) as F[];
  headers.forEach((header, index) => {
    const key = headerKey(header);
    const field = fields.find((f) => synonyms[f].includes(key));
    if (field !== undefined && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

/** The recognised columns, for the preview: header in the file → French field name. */
export function mappedColumns<F extends string>(
  headers: readonly string[],
  mapping: ColumnMapping<F>,
  labels: Readonly<Record<F, string>>,
): { header: string; field: string }[] {
  return (Object.keys(labels) as F[])
    .filter((f) => mapping[f] !== undefined)
    .map((f) => ({ index: mapping[f]!, field: labels[f] }))
    .sort((a, b) => a.index - b.index)
    .map(({ index, field }) => ({ header: headers[index] ?? '', field }));
}

/** The cell of a field in a row, trimmed; '' when the column or the cell is missing. */
export function cell<F extends string>(
  row: readonly string[],
  mapping: ColumnMapping<F>,
  field: F,
): string {
  const index = mapping[field];
  return index === undefined
    ? ''
    : String(row[index] ?? '')
        .replace(/[\s\u00a0]+/g, ' ')
        .trim();
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(s: string): boolean {
  return EMAIL_RE.test(s);
}

export type ImportStatus = 'nouveau' | 'mis à jour' | 'inchangé' | 'erreur';
