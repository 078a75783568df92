/**
 * The computed cells of a stage row (Visites, Phase, Gratification) are formulas of their own
 * row, written together with the row: a stage action is then ONE contiguous write, all or
 * nothing, and the cells stay true every day without a script (TODAY() recalculates). Sorting
 * keeps them right, since Sheets moves a formula with its row and its same-row references.
 * Sheet names are quoted; the syntax is the en_US one that setFormula/setValues always take.
 */
import { GRATIFICATION_THRESHOLD_HOURS, MAXIMUM_HOURS_PER_HOST } from '../domain/presence';
import { ABSENCES, VISITS } from './schema';

export const DUE_LABEL = 'Due (plus de 2 mois)';
/**
 * The Phase of a row whose ID is on another row too (a row copied by hand): an action reading
 * the row by ID sees it in the row itself, without reading the whole ID column.
 */
export const DUPLICATE_ID_LABEL = 'ID en double';
const NOT_DUE_LABEL = 'Non due';
const FORBIDDEN_LABEL = 'Interdit : plus de 6 mois';

/** Letter of a Stages column, `$`-anchored (e.g. "$C"), and of a Visites or Absences column. */
export interface FormulaColumns {
  stage(
    key: 'id' | 'start' | 'end' | 'stoppedOn' | 'studentId' | 'companyId' | 'hours' | 'schoolYear',
  ): string;
  visits(key: 'stageId' | 'date'): string;
  absences(key: 'stageId'): string;
}

export function stageRowFormula(key: string, row: number, c: FormulaColumns): string | null {
  const at = (k: Parameters<FormulaColumns['stage']>[0]) => `$${c.stage(k)}${row}`;
  const whole = (k: Parameters<FormulaColumns['stage']>[0]) => `$${c.stage(k)}:$${c.stage(k)}`;
  switch (key) {
    case 'phase':
      return (
        `=IF(${at('id')}="","",IF(COUNTIF(${whole('id')},${at('id')})>1,"${DUPLICATE_ID_LABEL}",` +
        `IF(${at('stoppedOn')}<>"","Arrêté",` +
        `IF(TODAY()<${at('start')},"À venir",IF(TODAY()>${at('end')},"Effectué","En cours")))))`
      );
    case 'visits': {
      const v = sheetRef(VISITS.name);
      const id = c.visits('stageId');
      const date = c.visits('date');
      return `=IF(${at('id')}="","",COUNTIFS(${v}!$${id}:$${id},${at('id')},${v}!$${date}:$${date},"<="&TODAY()))`;
    }
    case 'absences': {
      const a = sheetRef(ABSENCES.name);
      const id = c.absences('stageId');
      return `=IF(${at('id')}="","",COUNTIFS(${a}!$${id}:$${id},${at('id')}))`;
    }
    case 'gratification': {
      const total =
        `SUMIFS(${whole('hours')},${whole('studentId')},${at('studentId')},` +
        `${whole('companyId')},${at('companyId')},${whole('schoolYear')},${at('schoolYear')})`;
      return (
        `=IF(${at('companyId')}="","",IF(${total}>${MAXIMUM_HOURS_PER_HOST},"${FORBIDDEN_LABEL}",` +
        `IF(${total}>${GRATIFICATION_THRESHOLD_HOURS},"${DUE_LABEL}","${NOT_DUE_LABEL}")))`
      );
    }
    default:
      return null;
  }
}

/**
 * A sheet name as a formula reference: bare when it is a plain ASCII identifier that cannot be
 * read as a cell (`Visites`), quoted otherwise (`'Élèves'`, `'Mes stages'`, `'A1'`), with
 * quotes doubled inside.
 */
export function sheetRef(name: string): string {
  const bare =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}
