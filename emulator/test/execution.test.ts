/**
 * The 6-minute limit per execution (Apps Script quotas page: "Script runtime 6 min /
 * execution") with Apps Script's message "Exceeded maximum execution time", and executions run
 * in parallel lanes of virtual time.
 */
import { describe, expect, it } from 'vitest';
import { loadBundle, runLanes } from '../src/bundle';
import { createEmulator } from '../src/index';

const SCRIPT = String.raw`
function slowLoop(minutes) {
  var done = 0;
  try {
    for (var i = 0; i < minutes; i++) {
      Utilities.sleep(60000);
      PropertiesService.getScriptProperties().setProperty('done', String(++done));
    }
  } catch (e) {
    return 'caught: ' + e.message;
  }
  return done;
}
function write(id) {
  Docs.Documents.batchUpdate({ requests: [] }, id);
  return Date.now();
}
function nap(ms) {
  Utilities.sleep(ms);
  return Date.now();
}
`;

describe('the 6-minute limit', () => {
  it('throws from the first service call after 6 minutes and ends the execution, even if caught', () => {
    const em = createEmulator();
    const bundle = loadBundle(SCRIPT, em, { processTimeZone: false });
    expect(() => bundle.call('slowLoop', 10)).toThrow('Exceeded maximum execution time');
    // The call at 6 min is within the limit, the one at 7 min is not.
    expect(em.properties.snapshot().script.done).toBe('6');
    expect(em.execution.running).toBe(false);
    // A new execution starts afresh.
    expect(bundle.call('slowLoop', 2)).toBe(2);
  });

  it('counts virtual time from the execution start: latency and sleeps alike', () => {
    const em = createEmulator({ latency: true, executionLimitMs: 30_000 });
    const bundle = loadBundle(SCRIPT, em, { processTimeZone: false });
    const t = em.clock.nowMs();
    expect(bundle.call('nap', 1000) as number).toBe(t + 700 + 1000 + 1);
    expect(() => bundle.call('slowLoop', 1)).toThrow('Exceeded maximum execution time');
  });

  it('does not limit code run outside an execution (direct service use in tests)', () => {
    const em = createEmulator();
    em.globals.Utilities.sleep(3_600_000);
    expect(() => em.globals.PropertiesService.getScriptProperties().getProperty('x')).not.toThrow();
  });
});

describe('parallel lanes', () => {
  it('runs the earliest lane next, each from its own start time, and ends at the latest lane', () => {
    const em = createEmulator();
    const bundle = loadBundle(SCRIPT, em, { processTimeZone: false });
    const t0 = em.clock.nowMs();
    const runs = runLanes(bundle, 3, (_lane, previous) =>
      previous && previous.endMs - t0 >= 300_000 ? null : { name: 'nap', args: [100_000] },
    );
    expect(runs).toHaveLength(9);
    expect(runs.map((r) => [r.lane, r.startMs - t0])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 100_000],
      [1, 100_000],
      [2, 100_000],
      [0, 200_000],
      [1, 200_000],
      [2, 200_000],
    ]);
    expect(em.clock.nowMs() - t0).toBe(300_000);
  });

  it('shares the per-minute quota between lanes', () => {
    const em = createEmulator({ quotas: { docsWritesPerMinute: 4 } });
    const bundle = loadBundle(SCRIPT, em, { processTimeZone: false });
    const id = em.globals.Docs.Documents.create({ title: 'd' }).documentId;
    em.setNow(new Date(em.clock.nowMs() + 60_000));
    let n = 0;
    const runs = runLanes(bundle, 2, () => (n++ < 6 ? { name: 'write', args: [id] } : null));
    expect(runs.filter((r) => r.error).map((r) => String(r.error))).toEqual([
      expect.stringContaining('Quota exceeded'),
      expect.stringContaining('Quota exceeded'),
    ]);
  });
});

describe('advanced services in a bundle', () => {
  it('gives the script Drive and Docs, counted and timed like the others', () => {
    const em = createEmulator();
    const bundle = loadBundle(
      `function make() {
        var f = Drive.Files.create({ name: 'F', mimeType: 'application/vnd.google-apps.folder' }, null, { fields: 'id' });
        var d = Docs.Documents.create({ title: 'D' });
        var root = Drive.Files.get(d.documentId, { fields: 'parents' }).parents[0];
        try {
          Drive.Files.update({}, d.documentId, null, { addParents: f.id });
        } catch (e) {
          Drive.Files.update({}, d.documentId, null, { addParents: f.id, removeParents: root });
          return [typeof Drive, typeof Docs, e.message, Drive.Files.get(d.documentId, { fields: 'parents' }).parents[0] === f.id];
        }
        return [typeof Drive, typeof Docs, f.id === undefined, d.title];
      }`,
      em,
      { processTimeZone: false },
    );
    em.log.reset();
    expect(bundle.call('make')).toEqual([
      'object',
      'object',
      'API call to drive.files.update failed with error: Increasing the number of parents is not allowed.',
      true,
    ]);
    expect(em.log.snapshot()).toEqual({
      'Docs.Documents.create': 1,
      'Drive.Files.create': 1,
      'Drive.Files.get': 2,
      'Drive.Files.update': 2,
    });
  });
});
