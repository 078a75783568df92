/**
 * A stage's phase, computed in code (sidebar, filters) and, identically, by the header formula of
 * the `Stages` sheet, so that the sheet stays true every day without any script running.
 */
import type { IsoDate, Phase } from './types';

export interface PhaseInput {
  start: IsoDate;
  end: IsoDate;
  stoppedOn: IsoDate | '';
}

/** A stop wins over the dates: a stopped stage reads "Arrêté" before, during and after. */
export function phaseOf(stage: PhaseInput, today: IsoDate): Phase {
  if (stage.stoppedOn !== '') return 'Arrêté';
  if (today < stage.start) return 'À venir';
  if (today > stage.end) return 'Effectué';
  return 'En cours';
}

const COLUMN_RE = /^[A-Z]{1,3}$/;

function column(letter: string): string {
  if (!COLUMN_RE.test(letter)) throw new Error(`Not a column letter: "${letter}"`);
  return letter;
}

/** `C` → `C2:C`: the whole column below the header. */
function below(letter: string): string {
  const c = column(letter);
  return `${c}2:${c}`;
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

/**
 * The `Phase` header cell: the same rule as phaseOf, for every row at once. Written with
 * `setFormula`, which always takes en_US syntax (commas between arguments) whatever the locale.
 */
export function phaseHeaderFormula(cols: {
  id: string;
  start: string;
  end: string;
  stoppedOn: string;
}): string {
  const id = below(cols.id);
  return (
    `={"Phase";ARRAYFORMULA(IF(${id}="","",` +
    `IF(${below(cols.stoppedOn)}<>"","Arrêté",` +
    `IF(TODAY()<${below(cols.start)},"À venir",` +
    `IF(TODAY()>${below(cols.end)},"Effectué","En cours")))))}`
  );
}

/**
 * The `Visites` header cell: visits of each stage dated today or earlier (a planned visit is not
 * yet "effectuée").
 */
export function visitsHeaderFormula(
  cols: { id: string },
  visits: { sheet: string; stageIdCol: string; dateCol: string },
): string {
  const sheet = sheetRef(visits.sheet);
  return (
    `={"Visites";ARRAYFORMULA(IF(${below(cols.id)}="","",` +
    `COUNTIFS(${sheet}!${below(visits.stageIdCol)},${below(cols.id)},` +
    `${sheet}!${below(visits.dateCol)},"<="&TODAY())))}`
  );
}
