/** The steps the visit report's tests share: the session's switch typed, a visit recorded. */
import type { StageView, VisitView } from '../../../src/api/contract';
import { SESSIONS } from '../../../src/sheets/schema';
import type { Harness } from '../harness';
import { ok } from './documentsHarness';

/** Types « oui » or « non » in the session's « Compte rendu de visite » (by hand, as staff do). */
export function switchReports(h: Harness, on: boolean): void {
  const sheet = h.em.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SESSIONS.name)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  sheet.getRange(2, header.indexOf('Compte rendu de visite') + 1).setValue(on ? 'oui' : 'non');
  // What the onEdit trigger does for a sheet edited by hand: the reference lists are read again.
  h.call('menuInitWorkbook');
}

/** A visit on ACAR Laurie's stage, recorded from the fiche by M. BRUEL. */
export function laurieVisit(h: Harness, date = '14/02/2023'): VisitView {
  return ok<{ visit: VisitView; stage: StageView }>(
    h.call('apiAddVisit', {
      stageId: h.ids.stages['ACAR Laurie']!,
      date,
      staffId: h.ids.staff['M. BRUEL Patrick']!,
      comment: 'Bonne intégration.\nTuteur disponible {{eleve.nom}}',
      type: 'visio',
    }),
  ).visit;
}
