import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FOLLOW_CAP,
  type Distribution,
  distributeFollowUp,
  type FollowStage,
  type FollowTeacher,
  loadsOf,
} from '../../../src/domain/followUp/distribution';

const stage = (id: string, patch: Partial<FollowStage> = {}): FollowStage => ({
  id,
  start: '2023-02-01',
  end: '2023-03-31',
  stoppedOn: '',
  companyId: `ENT-${id}`,
  city: `Ville ${id}`,
  className: 'BTS1',
  followerId: '',
  ...patch,
});
const teacher = (id: string, classes: string[] = []): FollowTeacher => ({ id, classes });
const opts = { cap: DEFAULT_FOLLOW_CAP, keepExisting: true };

function loads(d: Distribution, teachers: string[]): Record<string, number> {
  return Object.fromEntries(loadsOf(d, teachers).map((l) => [l.teacherId, l.stageIds.length]));
}
const teacherOf = (d: Distribution, stageId: string) =>
  d.assignments.find((a) => a.stageId === stageId)?.teacherId;

/** A deterministic pseudo-random generator, so the big cases are the same every run. */
function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function bigCase(n: number, teachers: number, seed = 7) {
  const r = rng(seed);
  const towns = ['CAMBRAI', 'DENAIN', 'Valenciennes', 'DOUAI', 'Lille', 'Arras'];
  const stages = Array.from({ length: n }, (_, i) => {
    const startDay = 1 + Math.floor(r() * 20);
    const company = Math.floor(r() * (n / 3));
    return stage(`STG-${String(i).padStart(4, '0')}`, {
      start: `2023-02-${String(startDay).padStart(2, '0')}`,
      end: `2023-03-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      companyId: `ENT-${company}`,
      city: towns[company % towns.length]!,
      className: `CL${Math.floor(r() * 6)}`,
    });
  });
  const staff = Array.from({ length: teachers }, (_, i) =>
    teacher(`PER-${String(i).padStart(3, '0')}`, i % 3 === 0 ? [`CL${i % 6}`] : []),
  );
  return { stages, staff };
}

/** The most stages of one teacher running on a same day. */
function peak(stages: FollowStage[], d: Distribution, teacherId: string): number {
  const mine = stages.filter((s) => teacherOf(d, s.id) === teacherId);
  let best = 0;
  for (const s of mine) {
    const n = mine.filter((o) => o.start <= s.start && s.start <= o.end).length;
    best = Math.max(best, n);
  }
  return best;
}

describe('distributeFollowUp: balance', () => {
  it('shares 10 stages among 3 teachers 4/3/3, every stage once', () => {
    const stages = Array.from({ length: 10 }, (_, i) => stage(`S${i}`));
    const d = distributeFollowUp(stages, [teacher('A'), teacher('B'), teacher('C')], opts);
    expect(d.unassigned).toEqual([]);
    expect(d.assignments).toHaveLength(10);
    expect(new Set(d.assignments.map((a) => a.stageId)).size).toBe(10);
    expect(Object.values(loads(d, ['A', 'B', 'C'])).sort()).toEqual([3, 3, 4]);
  });

  it('never lets loads differ by more than the slack plus one, however companies group', () => {
    const { stages, staff } = bigCase(200, 12, 3);
    const d = distributeFollowUp(stages, staff, { cap: 1000, keepExisting: true });
    const l = Object.values(
      loads(
        d,
        staff.map((t) => t.id),
      ),
    );
    expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(2);
  });
});

describe('distributeFollowUp: the cap of interns followed at once', () => {
  it('leaves the 17th overlapping stage of a lone teacher unassigned, with the reason', () => {
    const stages = Array.from({ length: 17 }, (_, i) => stage(`S${String(i).padStart(2, '0')}`));
    const d = distributeFollowUp(stages, [teacher('A')], opts);
    expect(d.assignments).toHaveLength(16);
    expect(d.unassigned).toEqual([
      {
        stageId: expect.any(String),
        reason:
          "L'enseignant choisi suit déjà 16 stagiaires en même temps sur ces dates (du 01/02/2023 au 31/03/2023).",
      },
    ]);
  });

  it('counts only stages that overlap: 32 stages in two months one after the other fit', () => {
    const feb = Array.from({ length: 16 }, (_, i) =>
      stage(`F${i}`, { start: '2023-02-01', end: '2023-02-28' }),
    );
    const mar = Array.from({ length: 16 }, (_, i) =>
      stage(`M${i}`, { start: '2023-03-01', end: '2023-03-31' }),
    );
    const d = distributeFollowUp([...feb, ...mar], [teacher('A')], opts);
    expect(d.unassigned).toEqual([]);
    expect(d.assignments).toHaveLength(32);
  });

  it('counts a day shared by the end of one stage and the start of another as at once', () => {
    const a = stage('A1', { start: '2023-02-01', end: '2023-02-15' });
    const b = stage('B1', { start: '2023-02-15', end: '2023-02-28' });
    const d = distributeFollowUp([a, b], [teacher('T')], { cap: 1, keepExisting: true });
    expect(d.assignments.map((x) => x.stageId)).toEqual(['A1']);
    expect(d.unassigned.map((x) => x.stageId)).toEqual(['B1']);
  });

  it('follows a stopped stage only until it stopped', () => {
    const a = stage('A1', { start: '2023-02-01', end: '2023-03-31', stoppedOn: '2023-02-10' });
    const b = stage('B1', { start: '2023-02-20', end: '2023-03-31' });
    const d = distributeFollowUp([a, b], [teacher('T')], { cap: 1, keepExisting: true });
    expect(d.unassigned).toEqual([]);
  });

  it('names the teachers when several are full', () => {
    const stages = Array.from({ length: 3 }, (_, i) => stage(`S${i}`));
    const d = distributeFollowUp(stages, [teacher('A'), teacher('B')], {
      cap: 1,
      keepExisting: true,
    });
    expect(d.unassigned[0]!.reason).toMatch(/^Les 2 enseignants choisis suivent déjà 1 stagiaires/);
  });

  it('keeps an existing assignment even beyond the cap, and counts it', () => {
    const stages = [
      stage('S1', { followerId: 'A' }),
      stage('S2', { followerId: 'A' }),
      stage('S3'),
    ];
    const d = distributeFollowUp(stages, [teacher('A'), teacher('B')], {
      cap: 1,
      keepExisting: true,
    });
    expect(d.assignments).toEqual([
      { stageId: 'S1', teacherId: 'A', kept: true },
      { stageId: 'S2', teacherId: 'A', kept: true },
      { stageId: 'S3', teacherId: 'B', kept: false },
    ]);
  });
});

describe('distributeFollowUp: existing assignments', () => {
  it('keeps them by default, also for a teacher not chosen this time', () => {
    const stages = [stage('S1', { followerId: 'Z' }), stage('S2')];
    const d = distributeFollowUp(stages, [teacher('A')], opts);
    expect(d.assignments).toEqual([
      { stageId: 'S1', teacherId: 'Z', kept: true },
      { stageId: 'S2', teacherId: 'A', kept: false },
    ]);
  });

  it('redoes them all when asked', () => {
    const stages = [stage('S1', { followerId: 'A' }), stage('S2', { followerId: 'A' })];
    const d = distributeFollowUp(stages, [teacher('A'), teacher('B')], {
      ...opts,
      keepExisting: false,
    });
    expect(d.assignments.every((a) => !a.kept)).toBe(true);
    expect(loads(d, ['A', 'B'])).toEqual({ A: 1, B: 1 });
  });

  it('does not keep a follower who left Personnel', () => {
    const stages = [stage('S1', { followerId: 'GONE' })];
    const d = distributeFollowUp(stages, [teacher('A')], {
      ...opts,
      staffIds: new Set(['A']),
    });
    expect(d.assignments).toEqual([{ stageId: 'S1', teacherId: 'A', kept: false }]);
  });
});

describe('distributeFollowUp: grouping and preference', () => {
  it('gives the stages at one company to one teacher when balance allows', () => {
    const stages = [
      stage('S1', { companyId: 'CA', city: 'CAMBRAI' }),
      stage('S2', { companyId: 'BP', city: 'DENAIN' }),
      stage('S3', { companyId: 'CA', city: 'CAMBRAI' }),
      stage('S4', { companyId: 'BP', city: 'DENAIN' }),
    ];
    const d = distributeFollowUp(stages, [teacher('A'), teacher('B')], opts);
    expect(teacherOf(d, 'S1')).toBe(teacherOf(d, 'S3'));
    expect(teacherOf(d, 'S2')).toBe(teacherOf(d, 'S4'));
    expect(teacherOf(d, 'S1')).not.toBe(teacherOf(d, 'S2'));
  });

  it('groups a town, whatever its case and accents', () => {
    const stages = [
      stage('S1', { companyId: 'X1', city: 'Valenciennes' }),
      stage('S2', { companyId: 'Y1', city: 'Lille' }),
      stage('S3', { companyId: 'X2', city: 'VALENCIENNES' }),
      stage('S4', { companyId: 'Y2', city: 'lille' }),
    ];
    const d = distributeFollowUp(stages, [teacher('A'), teacher('B')], opts);
    expect(teacherOf(d, 'S1')).toBe(teacherOf(d, 'S3'));
    expect(teacherOf(d, 'S2')).toBe(teacherOf(d, 'S4'));
  });

  it('splits a company when keeping it whole would unbalance the loads', () => {
    const stages = Array.from({ length: 6 }, (_, i) => stage(`S${i}`, { companyId: 'CA' }));
    const d = distributeFollowUp(stages, [teacher('A'), teacher('B')], opts);
    expect(loads(d, ['A', 'B'])).toEqual({ A: 3, B: 3 });
  });

  it("prefers a teacher of the student's class", () => {
    const stages = [stage('S1', { className: 'BTS2' })];
    const d = distributeFollowUp(stages, [teacher('A', ['BTS1']), teacher('B', ['bts2'])], opts);
    expect(teacherOf(d, 'S1')).toBe('B');
  });
});

describe('distributeFollowUp: what is left when the cap is reached', () => {
  it('places stages whose company is known before those still without one', () => {
    const stages = [
      stage('S1', { companyId: '', city: '' }),
      stage('S2', { companyId: 'CA', city: 'CAMBRAI' }),
      stage('S3', { companyId: '', city: '' }),
    ];
    const d = distributeFollowUp(stages, [teacher('A')], { cap: 1, keepExisting: true });
    expect(d.assignments.map((a) => a.stageId)).toEqual(['S2']);
  });
});

describe('distributeFollowUp: stable', () => {
  it('gives the same answer whatever order stages and teachers come in', () => {
    const { stages, staff } = bigCase(120, 8);
    const a = distributeFollowUp(stages, staff, opts);
    const b = distributeFollowUp([...stages].reverse(), [...staff].reverse(), opts);
    const sorted = (d: Distribution) =>
      [...d.assignments].sort((x, y) => (x.stageId < y.stageId ? -1 : 1));
    expect(sorted(b)).toEqual(sorted(a));
  });

  it('changes nothing when run again on its own result', () => {
    const { stages, staff } = bigCase(120, 8);
    const first = distributeFollowUp(stages, staff, opts);
    const applied = stages.map((s) => ({ ...s, followerId: teacherOf(first, s.id) ?? '' }));
    const again = distributeFollowUp(applied, staff, opts);
    expect(again.assignments.every((a) => a.kept)).toBe(true);
    expect(again.assignments.map((a) => [a.stageId, a.teacherId]).sort()).toEqual(
      first.assignments.map((a) => [a.stageId, a.teacherId]).sort(),
    );
  });

  it('leaves undated stages and an empty choice of teachers unassigned, with reasons', () => {
    const d = distributeFollowUp([stage('S1', { start: '' }), stage('S2')], [], opts);
    expect(d.unassigned).toEqual([
      { stageId: 'S1', reason: "Le stage n'a pas de dates valides." },
      { stageId: 'S2', reason: 'Aucun enseignant choisi.' },
    ]);
  });
});

describe('distributeFollowUp: 500 stages among 30 teachers', () => {
  const { stages, staff } = bigCase(500, 30);
  const d = distributeFollowUp(stages, staff, opts);
  const ids = staff.map((t) => t.id);

  it('gives out every stage exactly once, or says why not', () => {
    expect(d.assignments.length + d.unassigned.length).toBe(500);
    const seen = new Set([...d.assignments, ...d.unassigned].map((a) => a.stageId));
    expect(seen.size).toBe(500);
    for (const u of d.unassigned) expect(u.reason).toMatch(/suivent déjà 16 stagiaires/);
  });

  it('keeps every teacher within the cap at once, and the loads balanced', () => {
    for (const id of ids) expect(peak(stages, d, id)).toBeLessThanOrEqual(DEFAULT_FOLLOW_CAP);
    const l = Object.values(loads(d, ids));
    expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(2);
  });

  it('groups companies more than a blind share would', () => {
    const split = new Set<string>();
    const byCompany = new Map<string, Set<string>>();
    for (const s of stages) {
      const t = teacherOf(d, s.id);
      if (!t) continue;
      const set = byCompany.get(s.companyId) ?? new Set();
      set.add(t);
      byCompany.set(s.companyId, set);
    }
    for (const [c, set] of byCompany) if (set.size > 1) split.add(c);
    // A blind round robin splits almost every company of two stages or more.
    const multi = [...byCompany.keys()].filter(
      (c) => stages.filter((s) => s.companyId === c).length > 1,
    );
    expect(split.size).toBeLessThan(multi.length / 4);
  });

  it('leaves unassigned only what 30 teachers × 16 cannot take at once', () => {
    const crowded = distributeFollowUp(
      Array.from({ length: 500 }, (_, i) => stage(`S${String(i).padStart(3, '0')}`)),
      staff,
      opts,
    );
    expect(crowded.assignments).toHaveLength(480);
    expect(crowded.unassigned).toHaveLength(20);
  });
});

describe('distributeFollowUp: some rows only (the rest of the session as it is)', () => {
  it('gives out only the rows asked, never the others', () => {
    const rows = [stage('S1'), stage('S2')];
    const others = [stage('S3'), stage('S4', { followerId: 'A' })];
    const d = distributeFollowUp(rows, [teacher('A'), teacher('B')], { ...opts, others });
    expect(d.assignments.map((a) => a.stageId).sort()).toEqual(['S1', 'S2']);
    expect(d.unassigned).toEqual([]);
  });

  it('counts what the others already give a teacher, for the balance', () => {
    const others = [stage('S3', { followerId: 'A' }), stage('S4', { followerId: 'A' })];
    const d = distributeFollowUp([stage('S1'), stage('S2')], [teacher('A'), teacher('B')], {
      ...opts,
      others,
    });
    // A already follows two: B takes both new rows (2 / 2), not one each (3 / 1).
    expect(teacherOf(d, 'S1')).toBe('B');
    expect(teacherOf(d, 'S2')).toBe('B');
  });

  it('counts them for the cap of interns followed at once', () => {
    const others = Array.from({ length: 3 }, (_, i) => stage(`O${i}`, { followerId: 'A' }));
    const d = distributeFollowUp([stage('S1')], [teacher('A')], { ...opts, cap: 3, others });
    expect(d.assignments).toEqual([]);
    expect(d.unassigned[0]!.reason).toMatch(/^L'enseignant choisi suit déjà 3 stagiaires/);
  });

  it('a selection of every row of the session gives what the session gives', () => {
    const { stages, staff } = bigCase(60, 5);
    const whole = distributeFollowUp(stages, staff, opts);
    const asRows = distributeFollowUp(stages, staff, { ...opts, others: [] });
    expect(asRows).toEqual(whole);
  });
});
