/** The Docs adapter on the emulator's Docs v1 advanced service, and its back-off on 429. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from 'gas-emulator';
import { docsApi } from '../../src/gas/docsApi';
import { driveFiles } from '../../src/gas/driveFiles';
import { ApiFailure } from '../../src/gas/googleApiErrors';

let em: Emulator;
let uninstall: (() => void) | undefined;

function install(opts: Parameters<typeof createEmulator>[0] = {}) {
  uninstall?.();
  em = createEmulator(opts);
  uninstall = em.installGlobals(globalThis);
}

beforeEach(() => install());
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

const TEMPLATE =
  '<h1>Convention de stage</h1><p>Élève : <b>{{eleve.nom}}</b>, classe {{eleve.classe}}</p>' +
  '<table><tr><td>SIRET</td><td>{{entreprise.siret}}</td></tr></table><p>{{eleve.nom}}</p>';

function doc(): string {
  const drive = driveFiles();
  const folder = drive.createFolder('F');
  return drive.importHtmlAsDoc('Modèle', TEMPLATE, folder.id, {}).id;
}

describe('docsApi', () => {
  it('reads the whole text, tables included, to scan placeholders', () => {
    const id = doc();
    expect(docsApi().documentText(id)).toBe(
      'Convention de stage\nÉlève : {{eleve.nom}}, classe {{eleve.classe}}\nSIRET\n{{entreprise.siret}}\n{{eleve.nom}}',
    );
  });

  it('fills a document in one batchUpdate, counting the occurrences of each key', () => {
    const id = doc();
    em.log.reset();
    const counts = docsApi().replaceAll(id, {
      'eleve.nom': 'ACAR Laurie',
      'eleve.classe': 'BTS 1',
      'entreprise.siret': '123 456 789 00012',
      'tuteur.nom': '',
    });
    expect(counts).toEqual({
      'eleve.nom': 2,
      'eleve.classe': 1,
      'entreprise.siret': 1,
      'tuteur.nom': 0,
    });
    expect(em.log.snapshot()).toEqual({ 'Docs.Documents.batchUpdate': 1 });
    expect(em.drive.docText(id)).toBe(
      'Convention de stage\nÉlève : ACAR Laurie, classe BTS 1\nSIRET\n123 456 789 00012\nACAR Laurie',
    );
    // The template's formatting is kept: the name stays bold.
    expect(em.drive.docModel(id)[1]).toMatchObject({
      runs: [
        { text: 'Élève : ' },
        { text: 'ACAR Laurie', style: { bold: true } },
        { text: ', classe BTS 1' },
      ],
    });
    expect(docsApi().replaceAll(id, {})).toEqual({});
    expect(em.log.count('Docs.Documents.batchUpdate')).toBe(1);
  });

  it('is case sensitive: {{Eleve.nom}} is not {{eleve.nom}}', () => {
    const drive = driveFiles();
    const id = drive.importHtmlAsDoc(
      'M',
      '<p>{{Eleve.nom}} {{eleve.nom}}</p>',
      drive.createFolder('F').id,
      {},
    ).id;
    expect(docsApi().replaceAll(id, { 'eleve.nom': 'Léa' })).toEqual({ 'eleve.nom': 1 });
    expect(em.drive.docText(id)).toBe('{{Eleve.nom}} Léa');
  });

  it('backs off after a 429 and succeeds once the minute has passed', () => {
    install({ quotas: { docsWritesPerMinute: 1 } });
    const id = doc();
    const start = em.clock.nowMs();
    const api = docsApi({ deadlineMs: start + 300_000, now: () => em.clock.nowMs() });
    api.replaceAll(id, { 'eleve.nom': 'A' });
    em.log.reset();
    expect(api.replaceAll(id, { 'eleve.classe': 'B' })).toEqual({ 'eleve.classe': 1 });
    const waited = em.clock.nowMs() - start;
    expect(waited).toBeGreaterThanOrEqual(60_000);
    expect(waited).toBeLessThan(300_000);
    expect(em.log.count('Utilities.sleep')).toBeGreaterThan(1);
    expect(em.log.count('Docs.Documents.batchUpdate')).toBe(em.log.count('Utilities.sleep') + 1);
  });

  it('waits longer each time, with jitter, capped', () => {
    install({ quotas: { docsWritesPerMinute: 1 } });
    const id = doc();
    // The adapter reads the clock once before each wait: the gaps between reads are the waits.
    const reads: number[] = [];
    const now = () => {
      reads.push(em.clock.nowMs());
      return em.clock.nowMs();
    };
    const api = docsApi({
      deadlineMs: em.clock.nowMs() + 3_600_000,
      now,
      random: () => 0.5,
      maxDelayMs: 16_000,
    });
    api.replaceAll(id, { a: 'x' });
    api.replaceAll(id, { a: 'y' });
    const waits = reads.slice(1).map((t, i) => t - (reads[i] ?? 0));
    expect(waits).toEqual([1500, 2500, 4500, 8500, 16500, 16500]);
    expect(em.log.count('Utilities.sleep')).toBe(7);
  });

  it('gives up with a retryable rateLimit failure when the deadline comes first', () => {
    install({ quotas: { docsWritesPerMinute: 1 } });
    const id = doc();
    const start = em.clock.nowMs();
    const api = docsApi({ deadlineMs: start + 10_000, now: () => em.clock.nowMs() });
    api.replaceAll(id, { a: 'x' });
    let failure: unknown;
    try {
      api.replaceAll(id, { a: 'y' });
    } catch (e) {
      failure = e;
    }
    expect(failure).toMatchObject({ kind: 'rateLimit', retryable: true });
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(em.clock.nowMs()).toBeLessThanOrEqual(start + 10_000);
  });

  it('without a policy, a 429 is a rateLimit failure at once', () => {
    install({ quotas: { docsWritesPerMinute: 1 } });
    const id = doc();
    docsApi().replaceAll(id, { a: 'x' });
    expect(() => docsApi().replaceAll(id, { a: 'y' })).toThrow(ApiFailure);
    expect(em.log.count('Utilities.sleep')).toBe(0);
  });

  it('reports a document that is gone as notFound, and the time limit as timeLimit', () => {
    const api = docsApi();
    expect(() => api.documentText('nope')).toThrow(expect.objectContaining({ kind: 'notFound' }));
    const id = doc();
    em.execution.begin();
    em.clock.advance(361_000);
    expect(() => api.replaceAll(id, { a: 'x' })).toThrow(
      expect.objectContaining({ kind: 'timeLimit' }),
    );
    em.execution.end();
  });
});
