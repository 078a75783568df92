/**
 * « Répartir le suivi… »: which teacher follows (visits) which stage. Pure and deterministic: the
 * same stages and teachers always give the same answer, whatever order they come in, so a
 * preview and the apply that follows it agree, and running it again changes nothing.
 *
 * Rules, in the order they weigh:
 * 1. a teacher never follows more than `cap` interns at once (stages whose dates overlap);
 * 2. an existing assignment stays, unless the caller asks to redo them all;
 * 3. the load (stages followed) stays balanced: nobody goes beyond the fair share (the stages
 *    to follow divided by the teachers, rounded up) while someone else is below it;
 * 4. the stages at one company go to one teacher, whole when that fits in the fair share; a
 *    company goes preferably to a teacher already visiting its town, else to the least loaded
 *    teacher, preferably one who teaches the student's class.
 */
import { formatFr } from '../dates';
import { fold } from '../text';
import type { IsoDate } from '../types';

import { DEFAULT_FOLLOW_CAP, MAX_FOLLOW_CAP } from '../limits';

export { DEFAULT_FOLLOW_CAP, MAX_FOLLOW_CAP };

export interface FollowStage {
  id: string;
  start: IsoDate;
  end: IsoDate;
  /** A stopped stage is followed until it stopped. */
  stoppedOn: IsoDate | '';
  companyId: string;
  /** The company's town, as typed (compared case- and accent-insensitively). */
  city: string;
  className: string;
  /** The teacher following it now ('' = nobody). */
  followerId: string;
}

export interface FollowTeacher {
  id: string;
  /** The classes the teacher teaches (from Personnel « Classes »), when known. */
  classes: readonly string[];
}

export interface DistributionOptions {
  cap: number;
  /** false: every stage is given out again ("existing assignments kept unless asked"). */
  keepExisting: boolean;
  /**
   * Every member of staff: an existing follower no longer in Personnel is not kept. When
   * absent, any existing follower is.
   */
  staffIds?: ReadonlySet<string>;
  /**
   * Stages outside what is given out (the rest of the session when only some rows are): never
   * assigned nor reported, but what their followers already carry counts for the cap and the
   * balance, as it would had the whole session been given out.
   */
  others?: readonly FollowStage[];
}

export interface Assignment {
  stageId: string;
  teacherId: string;
  /** Already followed by that teacher before (nothing to write). */
  kept: boolean;
}

export interface Unassigned {
  stageId: string;
  /** Why, in French, for the preview. */
  reason: string;
}

export interface Distribution {
  /** One per stage given a teacher (kept or new), in the order of the stages given. */
  assignments: Assignment[];
  unassigned: Unassigned[];
}

interface Span {
  start: IsoDate;
  end: IsoDate;
}

function spanOf(s: FollowStage): Span | null {
  if (s.start === '' || s.end === '' || s.end < s.start) return null;
  const end = s.stoppedOn !== '' && s.stoppedOn < s.end ? s.stoppedOn : s.end;
  return { start: s.start, end: end < s.start ? s.start : end };
}

/**
 * The most of `spans` running on one same day within `within`. Spans overlapping it are few (a
 * teacher has about `cap` of them at once), so a sort of their starts is cheap.
 */
function peakWithin(spans: readonly Span[], within: Span): number {
  const events: [IsoDate, number][] = [];
  for (const s of spans) {
    if (s.start > within.end || s.end < within.start) continue;
    events.push([s.start < within.start ? within.start : s.start, 1]);
    events.push([s.end > within.end ? within.end : s.end, -1]);
  }
  if (events.length === 0) return 0;
  // A span ending on the day another starts shares that day: starts count before ends.
  events.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : b[1] - a[1]));
  let now = 0;
  let peak = 0;
  for (const [, d] of events) {
    now += d;
    if (now > peak) peak = now;
  }
  return peak;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface TeacherState {
  id: string;
  order: number;
  classes: Set<string>;
  spans: Span[];
  load: number;
  companies: Set<string>;
  towns: Set<string>;
}

export function distributeFollowUp(
  stages: readonly FollowStage[],
  teachers: readonly FollowTeacher[],
  options: DistributionOptions,
): Distribution {
  const cap = Math.max(1, Math.floor(options.cap));
  const chosen: TeacherState[] = [...new Map(teachers.map((t) => [t.id, t])).values()]
    .filter((t) => t.id !== '')
    .sort(byId)
    .map((t, order) => ({
      id: t.id,
      order,
      classes: new Set(t.classes.map(fold).filter((c) => c !== '')),
      spans: [],
      load: 0,
      companies: new Set(),
      towns: new Set(),
    }));
  const state = new Map(chosen.map((t) => [t.id, t]));
  const take = (t: TeacherState, s: FollowStage, span: Span) => {
    t.spans.push(span);
    t.load++;
    if (s.companyId !== '') t.companies.add(s.companyId);
    const town = fold(s.city);
    if (town !== '') t.towns.add(town);
  };

  for (const s of [...(options.others ?? [])].sort(byId)) {
    const t = state.get(s.followerId);
    const span = spanOf(s);
    if (t && span) take(t, s, span);
  }

  const assignments: Assignment[] = [];
  const unassigned: Unassigned[] = [];
  const todo: { stage: FollowStage; span: Span; town: string }[] = [];
  for (const s of [...stages].sort(byId)) {
    const span = spanOf(s);
    const keep =
      options.keepExisting &&
      s.followerId !== '' &&
      (!options.staffIds || options.staffIds.has(s.followerId));
    if (keep) {
      // Kept even beyond the cap: nobody is taken off a stage they already follow.
      const t = state.get(s.followerId);
      if (t && span) take(t, s, span);
      assignments.push({ stageId: s.id, teacherId: s.followerId, kept: true });
    } else if (!span) {
      unassigned.push({ stageId: s.id, reason: "Le stage n'a pas de dates valides." });
    } else {
      todo.push({ stage: s, span, town: fold(s.city) });
    }
  }
  const target = Math.ceil(
    (chosen.reduce((n, t) => n + t.load, 0) + todo.length) / (chosen.length || 1),
  );
  // One group per company (a stage without one is a group of its own), biggest first: whole
  // groups are placed while loads are low, single stages even the loads out at the end.
  const groups = new Map<string, typeof todo>();
  for (const item of todo) {
    const key = item.stage.companyId !== '' ? `c:${item.stage.companyId}` : `s:${item.stage.id}`;
    const g = groups.get(key);
    if (g) g.push(item);
    else groups.set(key, [item]);
  }
  const ordered = [...groups.entries()]
    .map(([key, items]) => ({
      key,
      town: items[0]!.town,
      items: items.sort((a, b) => cmp(a.span.start, b.span.start) || cmp(a.stage.id, b.stage.id)),
    }))
    // Biggest groups first; among equals, stages whose company is known (a visit can be
    // arranged) before those still without one.
    .sort(
      (a, b) =>
        b.items.length - a.items.length ||
        Number(a.key.startsWith('s:')) - Number(b.key.startsWith('s:')) ||
        cmp(a.town, b.town) ||
        cmp(a.key, b.key),
    );
  const lighter = (a: TeacherState, b: TeacherState) => a.load - b.load || a.order - b.order;
  const fits = (t: TeacherState, span: Span) => peakWithin(t.spans, span) < cap;

  for (const group of ordered) {
    let rest = group.items;
    while (rest.length > 0) {
      const first = rest[0]!;
      if (chosen.length === 0) {
        for (const { stage } of rest) {
          unassigned.push({ stageId: stage.id, reason: 'Aucun enseignant choisi.' });
        }
        break;
      }
      const able = chosen.filter((t) => fits(t, first.span));
      if (able.length === 0) {
        const n = chosen.length;
        unassigned.push({
          stageId: first.stage.id,
          reason:
            `${n === 1 ? "L'enseignant choisi suit" : `Les ${n} enseignants choisis suivent`} ` +
            `déjà ${cap} stagiaires en même temps sur ces dates ` +
            `(du ${formatFr(first.span.start)} au ${formatFr(first.span.end)}).`,
        });
        rest = rest.slice(1);
        continue;
      }
      // Below the fair share when anyone is; beyond it only when the cap leaves no one else.
      const room = able.filter((t) => t.load < target);
      const pool = (room.length > 0 ? room : able).sort(lighter);
      const least = pool[0]!.load;
      const className = fold(first.stage.className);
      const teacher =
        (first.town !== ''
          ? pool.find((t) => t.towns.has(first.town) && t.load + rest.length <= target)
          : undefined) ??
        (className !== ''
          ? pool.find((t) => t.load === least && t.classes.has(className))
          : undefined) ??
        pool[0]!;
      const left: typeof rest = [];
      let given = 0;
      for (const item of rest) {
        const over = room.length > 0 ? teacher.load >= target : given > 0;
        if (over || !fits(teacher, item.span)) {
          left.push(item);
          continue;
        }
        take(teacher, item.stage, item.span);
        assignments.push({ stageId: item.stage.id, teacherId: teacher.id, kept: false });
        given++;
      }
      rest = left;
    }
  }
  return { assignments, unassigned };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Per teacher, the stages they would follow: the preview's table. Teachers in input order. */
export function loadsOf(
  d: Distribution,
  teacherIds: readonly string[],
): { teacherId: string; stageIds: string[] }[] {
  const by = new Map<string, string[]>(teacherIds.map((id) => [id, []]));
  for (const a of d.assignments) {
    const list = by.get(a.teacherId);
    if (list) list.push(a.stageId);
    else by.set(a.teacherId, [a.stageId]);
  }
  return [...by.entries()].map(([teacherId, stageIds]) => ({ teacherId, stageIds }));
}
