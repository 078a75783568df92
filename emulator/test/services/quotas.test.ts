/**
 * Quotas in virtual time. Figures: Docs API "Usage limits" (60 write / 300 read requests per
 * minute per user), Apps Script quotas ("Documents created": 250 / day consumer, 1,500 / day
 * Google Workspace). The 429 text is the one Google APIs give for a per-minute quota ("Quota
 * exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of
 * service '…' for consumer 'project_number:…'"), as reported for the Sheets API and wrapped the
 * way Apps Script wraps advanced-service errors; not confirmed for the Docs API itself.
 */
import { describe, expect, it } from 'vitest';
import { DAILY_DOCS_CREATE } from '../../src/services/quotas';
import { makeServices } from './testing';

const DOC = 'application/vnd.google-apps.document';

function withDoc(opts: Parameters<typeof makeServices>[0] = {}) {
  const s = makeServices(opts);
  const blob = s.Utilities.newBlob('<p>{{a}}</p>', 'text/html', 'm.html');
  const id =
    s.Drive.Files.create({ name: 'Modèle', mimeType: DOC }, blob, { fields: 'id' }).id ?? '';
  const write = () => s.Docs.Documents.batchUpdate({ requests: [] }, id);
  return { ...s, id, write };
}

describe('Docs API per-minute quotas', () => {
  it('refuses the 61st write request of a minute with the 429 text, then accepts once the minute has passed', () => {
    const { write, clock, log } = withDoc();
    for (let i = 0; i < 60; i++) write();
    expect(write).toThrow(
      "API call to docs.documents.batchUpdate failed with error: Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'docs.googleapis.com' for consumer 'project_number:",
    );
    // The refused call counts as a call made, not as quota used.
    expect(log.count('Docs.Documents.batchUpdate')).toBe(61);
    clock.advance(59_999);
    expect(write).toThrow('Quota exceeded');
    clock.advance(1);
    expect(write).not.toThrow();
  });

  it('is a sliding window: calls spread over the minute free up one by one', () => {
    const { write, clock } = withDoc();
    for (let i = 0; i < 60; i++) {
      write();
      clock.advance(1000);
    }
    // The first call was 60 s ago: one slot is free, the second is not.
    expect(write).not.toThrow();
    expect(write).toThrow('Quota exceeded');
  });

  it('counts reads apart, 300 a minute', () => {
    const { Docs, id, write } = withDoc();
    for (let i = 0; i < 300; i++) Docs.Documents.get(id);
    expect(() => Docs.Documents.get(id)).toThrow(
      "API call to docs.documents.get failed with error: Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'",
    );
    expect(write).not.toThrow();
  });

  it('can be tuned or switched off', () => {
    const tight = withDoc({ quotas: { docsWritesPerMinute: 2 } });
    tight.write();
    tight.write();
    expect(tight.write).toThrow('Quota exceeded');
    const off = withDoc({ quotas: false });
    for (let i = 0; i < 100; i++) off.write();
  });
});

describe('documents created per day', () => {
  function copies(account: 'consumer' | 'workspace') {
    const s = withDoc({ account });
    const copy = () => s.Drive.Files.copy({ name: 'c' }, s.id, { fields: 'id' });
    return { ...s, copy };
  }

  it('caps a consumer account at 250 (the template import counts too), then resets 24 h after the first', () => {
    const { copy, services, clock } = copies('consumer');
    for (let i = 0; i < 249; i++) copy();
    const files = services.drive.all().length;
    expect(copy).toThrow(DAILY_DOCS_CREATE);
    expect(DAILY_DOCS_CREATE).toBe('Service invoked too many times for one day: docs create.');
    expect(services.drive.all()).toHaveLength(files);
    expect(services.quotas.docsCreatedToday()).toBe(250);
    clock.advance(24 * 3600_000);
    expect(copy).not.toThrow();
  });

  it('allows 1,500 on a Workspace account; DocumentApp and Docs create count as well', () => {
    const { copy, DocumentApp, Docs, services } = copies('workspace');
    for (let i = 0; i < 1497; i++) copy();
    DocumentApp.create('a');
    Docs.Documents.create({ title: 'b' });
    expect(services.quotas.docsCreatedToday()).toBe(1500);
    expect(copy).toThrow(DAILY_DOCS_CREATE);
    expect(() => Docs.Documents.create({ title: 'c' })).toThrow(DAILY_DOCS_CREATE);
  });

  it('is kept by snapshots', () => {
    const { copy, services } = copies('consumer');
    for (let i = 0; i < 9; i++) copy();
    const saved = JSON.parse(JSON.stringify(services.snapshot())) as ReturnType<
      typeof services.snapshot
    >;
    copy();
    services.restore(saved);
    expect(services.quotas.docsCreatedToday()).toBe(10);
  });
});

describe('latency', () => {
  it('is off by default: calls leave the clock still', () => {
    const { write, clock } = withDoc();
    const t = clock.nowMs();
    write();
    expect(clock.nowMs()).toBe(t);
  });

  it('charges each call its cost when on; Utilities.sleep still moves the clock', () => {
    const { write, clock, Drive, id, Utilities } = withDoc({ latency: true });
    const at = (f: () => unknown) => {
      const t = clock.nowMs();
      f();
      return clock.nowMs() - t;
    };
    expect(at(() => Drive.Files.copy({ name: 'c' }, id, { fields: 'id' }))).toBe(1800);
    expect(at(write)).toBe(1000);
    expect(
      at(() =>
        (Drive.Files.export as (a: string, b: string, c: object) => unknown)(
          id,
          'application/pdf',
          { alt: 'media' },
        ),
      ),
    ).toBe(2000);
    expect(at(() => Utilities.sleep(5000))).toBe(5001);
  });

  it('takes overrides per call key', () => {
    const { write, clock } = withDoc({
      latency: { overrides: { 'Docs.Documents.batchUpdate': 250 } },
    });
    const t = clock.nowMs();
    write();
    expect(clock.nowMs() - t).toBe(250);
  });
});
