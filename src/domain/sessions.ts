/**
 * Sessions de stage: validation of the "Nouvelle session" form, school years (1 September →
 * 31 August) and the one-cell text form of periods used by the `Sessions` sheet.
 */
import { formatFr, parseUserDate } from './dates';
import { MAX_EXPECTED_VISITS } from './limits';
import { describePeriod } from './periods';
import type { IsoDate, Period, Result, Session } from './types';
import { fail, ok } from './types';
import { fold } from './text';

const MAX_TITLE_LENGTH = 200;

/**
 * The kinds of session the form offers; the type will choose a session's convention template.
 * "Autre" is for any other kind. Free text typed before this list existed is still read and
 * shown as it is, but a session is saved only with one of these.
 */
export const SESSION_TYPES = [
  'PFMP',
  'Stage BTS',
  "Stage d'observation",
  'Stage de seconde',
  'Autre',
] as const;

export type SessionType = (typeof SESSION_TYPES)[number];

/** Compared without case, accents, apostrophe style or extra spaces. */
function typeKey(text: string): string {
  return fold(text).replace(/[’‘`´]/g, "'");
}

/** The session type as the list spells it; a blank or a type not in the list is refused. */
export function parseSessionType(text: string): Result<SessionType> {
  const raw = String(text ?? '').trim();
  const list = SESSION_TYPES.map((t) => `« ${t} »`).join(', ');
  if (raw === '') return fail(`Choisissez le type de session : ${list}.`, 'type');
  const found = SESSION_TYPES.find((t) => typeKey(t) === typeKey(raw));
  if (!found) {
    return fail(
      `« ${raw} » n'est pas un type de session de la liste : choisissez ${list} ` +
        '(« Autre » pour tout autre type).',
      'type',
    );
  }
  return ok(found);
}
const MAX_OBJECTIVES_LENGTH = 5000;

/** The "Nouvelle session" / "Modifier la session" form, as typed. */
export interface SessionInput {
  /** '' to create a session. */
  id: string;
  title: string;
  type: string;
  schoolYear: string;
  diploma: string;
  editionLabel: string;
  objectives: string;
  /** Dates as typed ("01/02/2023"). */
  periods: { start: string; end: string }[];
  /**
   * "Ajuster les stages aux nouvelles dates": new periods that would leave stages outside move
   * or clip them instead of being refused.
   */
  adjustStages?: boolean;
  /**
   * « Visites attendues » as typed ('' = one visit each). Absent (a form of an older sidebar):
   * the sheet's value stays as it is; likewise « Compte rendu de visite ».
   */
  expectedVisits?: string;
  /** « Compte rendu de visite »: each visit of the session's stages may have its report. */
  visitReports?: boolean;
}

/**
 * « Visites attendues » as typed: '' is null (one visit each, the sheet's empty cell), else a
 * whole number from 0 (no visit expected) to MAX_EXPECTED_VISITS.
 */
export function parseExpectedVisits(typedValue: unknown): Result<number | null> {
  const t = String(typedValue ?? '').trim();
  if (t === '') return ok(null);
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n > MAX_EXPECTED_VISITS) {
    return fail(
      `« Visites attendues » doit être un nombre entier de 0 à ${MAX_EXPECTED_VISITS} ` +
        `(laissé vide : une visite par stage) ; « ${t} » saisi.`,
      'expectedVisits',
    );
  }
  return ok(n);
}

const SCHOOL_YEAR_RE = /^(\d{4})\s*[-/–—]\s*(\d{4})$/;

/** "2022-2023", "2022/2023", "2022 – 2023" → "2022-2023"; consecutive years only. */
export function parseSchoolYear(text: string): Result<string> {
  const raw = String(text ?? '').trim();
  if (raw === '') return fail("L'année scolaire est obligatoire.", 'schoolYear');
  const m = SCHOOL_YEAR_RE.exec(raw);
  if (!m) {
    return fail(
      `« ${raw} » n'est pas une année scolaire : écrivez-la aaaa-aaaa (par exemple 2022-2023).`,
      'schoolYear',
    );
  }
  const first = Number(m[1]);
  const second = Number(m[2]);
  if (second !== first + 1) {
    return fail(
      `L'année scolaire doit enchaîner deux années qui se suivent, par exemple ${first}-${first + 1}.`,
      'schoolYear',
    );
  }
  return ok(`${first}-${second}`);
}

/** "2022-2023" → 01/09/2022 – 31/08/2023. Throws on a malformed year (validate it first). */
export function schoolYearBounds(schoolYear: string): Period {
  const r = parseSchoolYear(schoolYear);
  if (!r.ok) throw new Error(`Not a school year: "${schoolYear}"`);
  const first = Number(r.value.slice(0, 4));
  return { start: `${first}-09-01`, end: `${first + 1}-08-31` };
}

/** The school year a day belongs to: September to August. */
export function schoolYearOf(iso: IsoDate): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return month >= 9 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

/** "01/02/2023-31/03/2023; 02/05/2023-26/05/2023" (the `Périodes` cell). */
export function formatPeriods(periods: readonly Period[]): string {
  return periods.map((p) => `${formatFr(p.start)}-${formatFr(p.end)}`).join('; ');
}

const DATE_SRC = String.raw`(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})`;
const PERIOD_RE = new RegExp(
  String.raw`^(?:du\s+)?${DATE_SRC}\s*(?:-|–|—|au|à|a)\s*${DATE_SRC}$`,
  'i',
);

/**
 * The inverse of formatPeriods, tolerant of what people type in the cell: spaces, "du … au …",
 * dashes, periods separated by ';', ',' or line breaks. '' → no period.
 */
export function parsePeriods(text: string): Result<Period[]> {
  const parts = String(text ?? '')
    .split(/[;,\n\r]+/)
    .map((p) => p.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((p) => p !== '');
  const periods: Period[] = [];
  for (const part of parts) {
    const m = PERIOD_RE.exec(part);
    if (!m) {
      return fail(
        `« ${part} » n'est pas une période : écrivez-la jj/mm/aaaa-jj/mm/aaaa (par exemple 01/02/2023-31/03/2023).`,
        'periods',
      );
    }
    const start = parseUserDate(m[1]!, 'début');
    if (!start.ok) return fail(start.error, 'periods');
    const end = parseUserDate(m[2]!, 'fin');
    if (!end.ok) return fail(end.error, 'periods');
    if (end.value < start.value) {
      return fail(`La période « ${part} » finit avant de commencer.`, 'periods');
    }
    periods.push({ start: start.value, end: end.value });
  }
  return ok(periods);
}

function text(value: string, max: number, field: string, label: string): Result<string> {
  const v = String(value ?? '').trim();
  if (v.length > max) {
    return fail(`${label} est trop long : ${v.length} caractères pour ${max} au plus.`, field);
  }
  return ok(v);
}

/**
 * The "Nouvelle session" / "Modifier la session" form. Periods left entirely blank are ignored;
 * the others are checked one by one (field `periods.<index>.start|end`, index from 0 as in the
 * input, while messages count from 1 as the form shows) and returned sorted by date. An empty
 * "Libellé édition" takes the title, as PRONOTE does.
 */
export function validateSession(input: SessionInput): Result<Omit<Session, 'id'>> {
  const title = text(input.title, MAX_TITLE_LENGTH, 'title', "L'intitulé");
  if (!title.ok) return title;
  if (title.value === '') return fail("L'intitulé de la session est obligatoire.", 'title');
  const type = parseSessionType(input.type);
  if (!type.ok) return type;
  const schoolYear = parseSchoolYear(input.schoolYear);
  if (!schoolYear.ok) return schoolYear;
  const diploma = text(input.diploma, MAX_TITLE_LENGTH, 'diploma', 'Le diplôme préparé');
  if (!diploma.ok) return diploma;
  const editionLabel = text(
    input.editionLabel,
    MAX_TITLE_LENGTH,
    'editionLabel',
    "Le libellé d'édition",
  );
  if (!editionLabel.ok) return editionLabel;
  const objectives = text(
    input.objectives,
    MAX_OBJECTIVES_LENGTH,
    'objectives',
    'Le texte des objectifs pédagogiques',
  );
  if (!objectives.ok) return objectives;
  const expected =
    input.expectedVisits === undefined ? null : parseExpectedVisits(input.expectedVisits);
  if (expected && !expected.ok) return expected;

  const year = schoolYearBounds(schoolYear.value);
  const periods: { period: Period; index: number }[] = [];
  const rows = Array.isArray(input.periods) ? input.periods : [];
  for (const [index, row] of rows.entries()) {
    const startText = String(row?.start ?? '').trim();
    const endText = String(row?.end ?? '').trim();
    if (startText === '' && endText === '') continue;
    const n = index + 1;
    const start = parseUserDate(startText, `début de la période ${n}`);
    if (!start.ok) return fail(start.error, `periods.${index}.start`);
    const end = parseUserDate(endText, `fin de la période ${n}`);
    if (!end.ok) return fail(end.error, `periods.${index}.end`);
    if (end.value < start.value) {
      return fail(
        `La période ${n} finit (${formatFr(end.value)}) avant de commencer (${formatFr(start.value)}).`,
        `periods.${index}.end`,
      );
    }
    if (start.value < year.start || end.value > year.end) {
      return fail(
        `La période ${n} (${describePeriod({ start: start.value, end: end.value })}) sort de ` +
          `l'année scolaire ${schoolYear.value} (${describePeriod(year)}).`,
        `periods.${index}.${start.value < year.start ? 'start' : 'end'}`,
      );
    }
    periods.push({ period: { start: start.value, end: end.value }, index });
  }
  if (periods.length === 0) return fail('Ajoutez au moins une période.', 'periods');
  const sorted = [...periods].sort((a, b) =>
    a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : a.index - b.index,
  );
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.period.start <= prev.period.end) {
      const [a, b] = prev.index < cur.index ? [prev, cur] : [cur, prev];
      return fail(
        `Les périodes ${a.index + 1} et ${b.index + 1} se chevauchent : ` +
          `${describePeriod(a.period)} et ${describePeriod(b.period)}.`,
        `periods.${b.index}.start`,
      );
    }
  }
  return ok({
    title: title.value,
    type: type.value,
    schoolYear: schoolYear.value,
    diploma: diploma.value,
    editionLabel: editionLabel.value || title.value,
    objectives: objectives.value,
    periods: sorted.map((p) => p.period),
    ...(expected ? { expectedVisits: expected.value } : {}),
    ...(input.visitReports === undefined ? {} : { visitReports: input.visitReports === true }),
  });
}
