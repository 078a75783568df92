/**
 * « Conventions à relancer »: conventions sent and not back after N days (Paramètres, 10 by
 * default), and stages starting within M days (15 by default) without a complete convention.
 * The reminder itself is an e-mail the user sends from their own mail (a mailto: link).
 */
import { blankGrid, type CalendarGrid } from '../calendar/grid';
import { addDays, formatFr } from '../dates';
import type { IsoDate } from '../types';
import { awaitingReturnSince, type DocLife } from './signatures';

export interface ChaseStage {
  stageId: string;
  start: IsoDate | '';
  stoppedOn: IsoDate | '';
  /** The stage's live convention, or null. */
  convention: DocLife | null;
}

/** Why a stage's convention is to chase today, or '' when it is not. */
export function chaseReason(
  s: ChaseStage,
  today: IsoDate,
  afterDays: number,
  withinDays: number,
): string {
  if (s.stoppedOn !== '') return '';
  const life = s.convention;
  const since = life ? awaitingReturnSince(life) : '';
  if (since !== '' && addDays(since, afterDays) <= today)
    return `envoyée le ${formatFr(since)}, pas revenue signée`;
  if (life?.status === 'Complète') return '';
  if (s.start !== '' && s.start >= today && s.start <= addDays(today, withinDays)) {
    const what = life ? `convention : ${life.status.toLowerCase()}` : 'pas de convention';
    return `stage le ${formatFr(s.start)}, ${what}`;
  }
  return '';
}

export interface ReminderFacts {
  to: string;
  /** « M. BONNET Frédéric » or the student's name ('' when unknown). */
  toName: string;
  student: string;
  company: string;
  start: IsoDate | '';
  sentOn: IsoDate | '';
  sender: string;
  school: string;
}

/** An address a mailto: link can carry (no space, no second @, nothing that ends the address). */
export function isMailAddress(text: string): boolean {
  return /^[^\s@?&#]+@[^\s@?&#]+$/.test(text.trim());
}

export interface Person {
  /** « M. BONNET Frédéric », « ACAR Laurie ». */
  name: string;
  email: string;
}

export interface Addressee {
  to: string;
  /** Whom « Bonjour … » greets: the tutor by name, nobody for the student. */
  toName: string;
  /** What the link says: « le tuteur (M. BONNET Frédéric) », '' when nobody can be written to. */
  addressee: string;
}

/** The tutor when they have a usable address, else the student, else nobody. */
export function reminderAddressee(tutor: Person | null, student: Person | null): Addressee {
  if (tutor && isMailAddress(tutor.email))
    return { to: tutor.email.trim(), toName: tutor.name, addressee: `le tuteur (${tutor.name})` };
  if (student && isMailAddress(student.email))
    return { to: student.email.trim(), toName: '', addressee: `l’élève (${student.name})` };
  return { to: '', toName: '', addressee: '' };
}

const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));

/** The prepared e-mail: '' when the addressee has no usable address. */
export function reminderMailto(f: ReminderFacts): string {
  const to = f.to.trim();
  if (!isMailAddress(to)) return '';
  const subject = `Convention de stage de ${f.student} – relance`;
  const lines = [
    f.toName ? `Bonjour ${f.toName},` : 'Bonjour,',
    '',
    f.sentOn
      ? `La convention de stage de ${f.student}${f.company ? ` chez ${f.company}` : ''} vous a été envoyée le ${formatFr(f.sentOn)} et ne nous est pas encore revenue signée.`
      : `La convention de stage de ${f.student}${f.company ? ` chez ${f.company}` : ''} n’est pas encore signée.`,
    ...(f.start
      ? [`Le stage commence le ${formatFr(f.start)} : la convention doit être signée avant.`]
      : []),
    'Pourriez-vous nous la retourner signée dès que possible ?',
    '',
    'Cordialement,',
    f.sender,
    ...(f.school ? [f.school] : []),
  ];
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${enc(subject)}&body=${enc(lines.join('\n'))}`;
}

/** Dashboard: conventions by their furthest step. */
export const DASHBOARD_ROWS = ['Générées', 'Envoyées', 'Signées', 'Complètes'] as const;

/**
 * Each convention counts in every row it has reached: « Envoyées » counts those sent or beyond,
 * « Signées » those signed by the company or beyond.
 */
export function dashboardCounts(statuses: readonly string[]): { label: string; count: number }[] {
  const rank: Record<string, number> = {
    Générée: 0,
    Envoyée: 1,
    'Signée stagiaire': 1,
    'Signée entreprise': 2,
    'Signée établissement': 2,
    Complète: 3,
  };
  const counts = [0, 0, 0, 0];
  for (const s of statuses) {
    const r = rank[s || 'Générée'];
    if (r === undefined) continue;
    for (let i = 0; i <= r; i++) counts[i]! += 1;
  }
  return DASHBOARD_ROWS.map((label, i) => ({ label, count: counts[i]! }));
}

/** Cells of the printable bar: one per 5 % of the session's stages. */
const BAR_CELLS = 20;
const BAR_COLOUR = '#1a73e8';
const HEADER_COLOUR = '#e8f0fe';

/**
 * « Tableau de bord » as a sheet to print: a title, then one row per count with its figure, its
 * share of the session's stages and a bar of coloured cells (values and backgrounds computed
 * here, written in one write each).
 */
export function dashboardGrid(
  title: string,
  stages: number,
  counts: readonly { label: string; count: number }[],
  printedOn: IsoDate,
): CalendarGrid {
  const cols = 3 + BAR_CELLS;
  const rows = 3 + counts.length;
  const g = blankGrid(rows, cols);
  g.values[0]![0] = `Tableau de bord des conventions — ${title}`;
  g.values[1]![0] = `${stages} stage${stages > 1 ? 's' : ''} · au ${formatFr(printedOn)}`;
  g.values[2]!.splice(0, 3, 'Conventions', 'Nombre', 'Part des stages');
  g.fontWeights[0]![0] = 'bold';
  for (let c = 0; c < 3; c++) {
    g.backgrounds[2]![c] = HEADER_COLOUR;
    g.fontWeights[2]![c] = 'bold';
  }
  counts.forEach((k, i) => {
    const r = 3 + i;
    const share = stages > 0 ? k.count / stages : 0;
    g.values[r]![0] = k.label;
    g.values[r]![1] = String(k.count);
    g.values[r]![2] = `${Math.round(share * 100)} %`;
    const filled = Math.round(share * BAR_CELLS);
    for (let c = 0; c < filled; c++) g.backgrounds[r]![3 + c] = BAR_COLOUR;
  });
  return {
    ...g,
    legend: [],
    columnWidths: [160, 70, 110, ...Array.from({ length: BAR_CELLS }, () => 14)],
    rowHeight: 24,
    fontSize: 11,
    frozenRows: 0,
    frozenColumns: 0,
  };
}
