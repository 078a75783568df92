/**
 * « Conventions à relancer »: conventions sent and not back after N days (Paramètres, 10 by
 * default), and stages starting within M days (15 by default) without a complete convention.
 * The reminder itself is an e-mail the user sends from their own mail (a mailto: link).
 */
import { blankGrid, type CalendarGrid } from '../calendar/grid';
import { addDays, formatFr } from '../dates';
import { deOrD } from '../text';
import type { IsoDate } from '../types';
import { awaitingReturnSince, type DocLife } from './signatures';

export interface ChaseStage {
  stageId: string;
  start: IsoDate | '';
  stoppedOn: IsoDate | '';
  /** The stage's live convention, or null. */
  convention: DocLife | null;
}

/**
 * Why a stage is to chase: its convention was sent and is not back (`overdue`, a real reminder),
 * or the stage starts soon and its convention is missing or not complete (`starting`).
 */
export type ChaseKind = 'overdue' | 'starting';

export interface ChaseCause {
  kind: ChaseKind;
  /** « envoyée le 02/11/2026, pas revenue signée », « commence le 01/12/2026, aucune convention ». */
  reason: string;
}

/** How far a convention went, as the list of stages to chase says it after « convention ». */
const HOW_FAR: Record<string, string> = {
  Générée: 'générée seulement',
  Envoyée: 'envoyée, pas revenue signée',
  'Signée stagiaire': 'signée par l’élève seulement',
  'Signée entreprise': 'signée par l’entreprise, pas par l’établissement',
  'Signée établissement': 'signée, exemplaires à remettre',
};

/** Why a stage is to chase today, or null when it is not. */
export function chaseCause(
  s: ChaseStage,
  today: IsoDate,
  afterDays: number,
  withinDays: number,
): ChaseCause | null {
  if (s.stoppedOn !== '') return null;
  const life = s.convention;
  const since = life ? awaitingReturnSince(life) : '';
  if (since !== '' && addDays(since, afterDays) <= today)
    return { kind: 'overdue', reason: `envoyée le ${formatFr(since)}, pas revenue signée` };
  if (life?.status === 'Complète') return null;
  if (s.start !== '' && s.start >= today && s.start <= addDays(today, withinDays)) {
    const what = life
      ? `convention ${HOW_FAR[life.status] ?? life.status.toLowerCase()}`
      : 'aucune convention';
    return { kind: 'starting', reason: `commence le ${formatFr(s.start)}, ${what}` };
  }
  return null;
}

/** Why a stage's convention is to chase today, or '' when it is not. */
export function chaseReason(
  s: ChaseStage,
  today: IsoDate,
  afterDays: number,
  withinDays: number,
): string {
  return chaseCause(s, today, afterDays, withinDays)?.reason ?? '';
}

const many = (n: number, one: string, more: string) => `${n} ${n > 1 ? more : one}`;

/**
 * How many stages are to chase, said truthfully: « conventions à relancer » only when every one
 * is a convention sent and not back; else stages (some have no convention, or one not sent yet),
 * with how many of them are such conventions. The sidebar's home and the list's message say it
 * alike.
 */
export function chaseCountText(items: number, overdue: number): string {
  if (items === 0) return 'aucune convention à relancer';
  if (overdue >= items) return many(items, 'convention à relancer', 'conventions à relancer');
  const among = overdue
    ? ` (dont ${many(overdue, 'convention envoyée non revenue', 'conventions envoyées non revenues')})`
    : '';
  return `${many(items, 'stage à relancer', 'stages à relancer')}${among}`;
}

export interface ReminderFacts {
  to: string;
  /** « M. BONNET Frédéric », or the student's first name when the e-mail goes to the student. */
  toName: string;
  /** The e-mail goes to the student (the tutor has no address): it speaks to them. */
  toStudent: boolean;
  student: string;
  company: string;
  start: IsoDate | '';
  /** The live convention's status, '' when the stage has none. */
  status: string;
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
  /** « Laurie »: how the e-mail greets a student. */
  firstName?: string;
}

export interface Addressee {
  to: string;
  /** Whom « Bonjour … » greets: the tutor by name, the student by first name. */
  toName: string;
  toStudent: boolean;
  /** What the link says: « le tuteur (M. BONNET Frédéric) », '' when nobody can be written to. */
  addressee: string;
}

/** The tutor when they have a usable address, else the student, else nobody. */
export function reminderAddressee(tutor: Person | null, student: Person | null): Addressee {
  if (tutor && isMailAddress(tutor.email))
    return {
      to: tutor.email.trim(),
      toName: tutor.name,
      toStudent: false,
      addressee: `le tuteur (${tutor.name})`,
    };
  if (student && isMailAddress(student.email))
    return {
      to: student.email.trim(),
      toName: (student.firstName ?? '').trim(),
      toStudent: true,
      addressee: `l’élève (${student.name})`,
    };
  return { to: '', toName: '', toStudent: false, addressee: '' };
}

/**
 * The reminder's subject and lines. A convention sent and not back is asked for, signed; one
 * not sent yet (or none at all) is announced: the addressee has nothing to return, but must know
 * the stage cannot start without it; one the company signed waits for the school. To the
 * student, the e-mail speaks to them (« Votre convention »), never about them.
 */
export function reminderText(f: ReminderFacts): { subject: string; lines: string[] } {
  const at = f.company ? ` chez ${f.company}` : '';
  const conv = f.toStudent
    ? `Votre convention de stage${at}`
    : `La convention de stage ${deOrD(f.student)}${at}`;
  const theStage = f.toStudent ? 'Votre stage' : 'Le stage';
  const sent = f.status === 'Envoyée' || f.status === 'Signée stagiaire';
  const signedByCompany = f.status === 'Signée entreprise' || f.status === 'Signée établissement';
  const lines: string[] = [];
  let subject = `Convention de stage ${deOrD(f.student)} – relance`;
  if (sent) {
    const when = f.sentOn ? ` le ${formatFr(f.sentOn)}` : '';
    lines.push(
      f.toStudent
        ? `${conv} a été envoyée${when} et ne nous est pas encore revenue signée.`
        : `${conv} vous a été envoyée${when} et ne nous est pas encore revenue signée.`,
    );
    if (f.start)
      lines.push(
        `${theStage} commence le ${formatFr(f.start)} : la convention doit être signée avant.`,
      );
    lines.push(
      f.toStudent
        ? 'Pourriez-vous veiller à ce qu’elle nous soit retournée signée dès que possible ?'
        : 'Pourriez-vous nous la retourner signée dès que possible ?',
    );
  } else if (signedByCompany) {
    subject = `Convention de stage ${deOrD(f.student)}`;
    lines.push(
      f.status === 'Signée entreprise'
        ? `${conv}, signée par l’entreprise, attend encore la signature de l’établissement.`
        : `${conv} est signée par toutes les parties.`,
      `Votre exemplaire vous sera remis${f.start ? ` avant le début du stage, le ${formatFr(f.start)}` : ' très prochainement'}.`,
    );
  } else {
    subject = `Convention de stage ${deOrD(f.student)} – en préparation`;
    const verb = f.toStudent ? 'remise' : 'envoyée';
    lines.push(
      f.status === 'Générée'
        ? `${conv} est prête : elle vous sera ${verb} très prochainement pour signature.`
        : `${conv} est en préparation : elle vous sera ${verb} très prochainement pour signature.`,
    );
    if (f.start)
      lines.push(
        `${theStage} commence le ${formatFr(f.start)} : il ne peut pas commencer sans la convention signée.`,
      );
  }
  return {
    subject,
    lines: [
      f.toName ? `Bonjour ${f.toName},` : 'Bonjour,',
      '',
      ...lines,
      '',
      'Cordialement,',
      f.sender,
      ...(f.school ? [f.school] : []),
    ],
  };
}

const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));

/** The prepared e-mail: '' when the addressee has no usable address. */
export function reminderMailto(f: ReminderFacts): string {
  const to = f.to.trim();
  if (!isMailAddress(to)) return '';
  const { subject, lines } = reminderText(f);
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${enc(subject)}&body=${enc(lines.join('\n'))}`;
}

/** Dashboard: conventions by their furthest step, then the stages that have none. */
export const DASHBOARD_ROWS = [
  'Générées',
  'Envoyées',
  'Signées',
  'Complètes',
  'Sans convention',
] as const;

/** The row of the stages without a live convention: its bar stands out. */
export const NO_CONVENTION_ROW = 'Sans convention';

/**
 * Each convention counts in every row it has reached: « Envoyées » counts those sent or beyond,
 * « Signées » those signed by the company or beyond. `statuses`: the live convention of each
 * stage that has one; the session's other stages (of `stages`) are « Sans convention », so the
 * table accounts for every stage, not only the conventions made.
 */
export function dashboardCounts(
  statuses: readonly string[],
  stages: number,
): { label: string; count: number }[] {
  const rank: Record<string, number> = {
    Générée: 0,
    Envoyée: 1,
    'Signée stagiaire': 1,
    'Signée entreprise': 2,
    'Signée établissement': 2,
    Complète: 3,
  };
  const counts = [0, 0, 0, 0, Math.max(0, stages - statuses.length)];
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
const MISSING_COLOUR = '#e37400';
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
    const colour = k.label === NO_CONVENTION_ROW ? MISSING_COLOUR : BAR_COLOUR;
    for (let c = 0; c < filled; c++) g.backgrounds[r]![3 + c] = colour;
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
