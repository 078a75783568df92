/**
 * The developer metadata store and how it follows structural changes. Apart from the API objects
 * (metadata.ts) so that the structure code needs nothing but the model.
 */
import type { BookModel, MetadataData } from './model';

export function metadataList(wb: { model: BookModel }): MetadataData[] {
  wb.model.metadata ??= [];
  return wb.model.metadata;
}

/**
 * Row or column metadata of `sheetId` after its rows or columns changed: `span` gives a span's
 * new bounds, or null when all of it was deleted (then the metadata goes too).
 */
export function followMetadata(
  wb: { model: BookModel },
  sheetId: number,
  type: 'ROW' | 'COLUMN',
  span: (start: number, end: number) => [number, number] | null,
): void {
  if (!wb.model.metadata) return;
  wb.model.metadata = wb.model.metadata.filter((m) => {
    const loc = m.location;
    if (loc.type !== type || loc.sheetId !== sheetId) return true;
    const s = span(loc.start, loc.start + loc.count - 1);
    if (!s) return false;
    loc.start = s[0];
    loc.count = s[1] - s[0] + 1;
    return true;
  });
}

/** The metadata of a deleted sheet goes with it. */
export function dropSheetMetadata(wb: { model: BookModel }, sheetId: number): void {
  if (!wb.model.metadata) return;
  wb.model.metadata = wb.model.metadata.filter(
    (m) => m.location.type === 'SPREADSHEET' || m.location.sheetId !== sheetId,
  );
}
