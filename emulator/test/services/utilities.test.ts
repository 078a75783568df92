import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { makeServices, PARIS_NINE_AM } from './testing';

describe('Utilities.formatDate', () => {
  const winter = new Date('2023-02-15T08:05:09.007Z');
  const summer = new Date('2023-07-01T22:30:00Z');

  it('formats in the given zone, whatever the host zone', () => {
    const { Utilities } = makeServices();
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        expect(Utilities.formatDate(winter, 'Europe/Paris', 'yyyy-MM-dd HH:mm:ss')).toBe(
          '2023-02-15 09:05:09',
        );
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('applies daylight saving time and other zones', () => {
    const { Utilities } = makeServices();
    expect(Utilities.formatDate(summer, 'Europe/Paris', 'yyyy-MM-dd HH:mm XXX')).toBe(
      '2023-07-02 00:30 +02:00',
    );
    expect(Utilities.formatDate(summer, 'America/New_York', 'yyyy-MM-dd HH:mm Z')).toBe(
      '2023-07-01 18:30 -0400',
    );
    expect(Utilities.formatDate(summer, 'Asia/Kolkata', 'HH:mm XXX')).toBe('04:00 +05:30');
    expect(Utilities.formatDate(summer, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2023-07-01T22:30:00Z',
    );
  });

  it('supports the SimpleDateFormat letters', () => {
    const { Utilities } = makeServices();
    const f = (p: string) => Utilities.formatDate(winter, 'Europe/Paris', p);
    expect(f('yy/M/d H:m:s')).toBe('23/2/15 9:5:9');
    expect(f('SSS')).toBe('007');
    expect(f('EEE EEEE MMM MMMM')).toBe('Wed Wednesday Feb February');
    expect(f('hh:mm a')).toBe('09:05 AM');
    expect(Utilities.formatDate(summer, 'UTC', 'h a')).toBe('10 PM');
    expect(f('Z X XX XXX')).toBe('+0100 +01 +0100 +01:00');
    expect(f('z')).toBe('CET');
    expect(f('D u')).toBe('46 3');
    expect(f("'Le' dd 'à' HH'h'mm, 'l''heure'")).toBe("Le 15 à 09h05, l'heure");
  });

  it('rejects unknown pattern letters and non-dates', () => {
    const { Utilities } = makeServices();
    expect(() => Utilities.formatDate(winter, 'UTC', 'yyyy-qq')).toThrow(
      "Illegal pattern character 'q'",
    );
    expect(() => Utilities.formatDate('2023' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });

  it('treats an unknown zone as GMT, as Java does', () => {
    const { Utilities } = makeServices();
    expect(Utilities.formatDate(winter, 'Nowhere/Town', 'HH:mm')).toBe('08:05');
    expect(Utilities.formatDate(winter, 'GMT+2', 'HH:mm XXX')).toBe('10:05 +02:00');
  });

  it('accepts a Date from another realm', () => {
    const { Utilities } = makeServices();
    const ForeignDate = vm.runInNewContext('Date') as DateConstructor;
    const foreign = new ForeignDate(winter.getTime());
    expect(foreign instanceof Date).toBe(false);
    expect(Utilities.formatDate(foreign, 'UTC', 'HH:mm')).toBe('08:05');
  });
});

describe('Utilities.parseDate', () => {
  it('returns the instant of that wall time in that zone', () => {
    const { Utilities } = makeServices();
    const p = (s: string, f: string, tz = 'Europe/Paris') =>
      Utilities.parseDate(s, tz, f).toISOString();
    expect(p('2023-02-15 09:00', 'yyyy-MM-dd HH:mm')).toBe('2023-02-15T08:00:00.000Z');
    expect(p('2023-07-15', 'yyyy-MM-dd')).toBe('2023-07-14T22:00:00.000Z');
    expect(p('15/02/2023', 'dd/MM/yyyy')).toBe('2023-02-14T23:00:00.000Z');
    expect(p('20230215', 'yyyyMMdd', 'UTC')).toBe('2023-02-15T00:00:00.000Z');
    expect(p('15 Feb 2023 9:30 PM', 'dd MMM yyyy h:mm a', 'UTC')).toBe('2023-02-15T21:30:00.000Z');
    expect(p('2023-02-15T09:00:00+05:30', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2023-02-15T03:30:00.000Z',
    );
  });

  it('is lenient like Java: out-of-range fields roll over, trailing text is ignored', () => {
    const { Utilities } = makeServices();
    expect(Utilities.parseDate('2023-02-30', 'UTC', 'yyyy-MM-dd').toISOString()).toBe(
      '2023-03-02T00:00:00.000Z',
    );
    expect(Utilities.parseDate('2023-02-15 extra', 'UTC', 'yyyy-MM-dd').toISOString()).toBe(
      '2023-02-15T00:00:00.000Z',
    );
  });

  it('resolves two-digit years within 80 years back and 20 ahead of the emulator clock', () => {
    const { Utilities } = makeServices();
    expect(Utilities.parseDate('15/02/23', 'UTC', 'dd/MM/yy').getUTCFullYear()).toBe(2023);
    expect(Utilities.parseDate('15/02/50', 'UTC', 'dd/MM/yy').getUTCFullYear()).toBe(1950);
  });

  it('throws on unparsable text', () => {
    const { Utilities } = makeServices();
    expect(() => Utilities.parseDate('demain', 'Europe/Paris', 'yyyy-MM-dd')).toThrow(
      'Unparseable date: "demain"',
    );
    expect(() => Utilities.parseDate('2023/02/15', 'UTC', 'yyyy-MM-dd')).toThrow(
      'Unparseable date: "2023/02/15"',
    );
  });

  it('round-trips with formatDate across a DST change', () => {
    const { Utilities } = makeServices();
    for (const s of ['2023-03-26 01:30', '2023-03-26 03:30', '2023-10-29 12:00']) {
      const d = Utilities.parseDate(s, 'Europe/Paris', 'yyyy-MM-dd HH:mm');
      expect(Utilities.formatDate(d, 'Europe/Paris', 'yyyy-MM-dd HH:mm')).toBe(s);
    }
  });
});

describe('Utilities: other methods', () => {
  // Reference: getUuid() is "equivalent to using the java.util.UUID.randomUUID() method", whose
  // text is lowercase hex in 8-4-4-4-12 groups with the version-4 and variant bits set.
  it('makes v4 UUIDs, unique, reproducible from one emulator to the next', () => {
    const a = makeServices().Utilities;
    const b = makeServices().Utilities;
    const ids = [a.getUuid(), a.getUuid(), a.getUuid()];
    expect(new Set(ids).size).toBe(3);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.getUuid()).toBe(ids[0]);
  });

  it('computes digests as signed Java bytes', () => {
    const { Utilities } = makeServices();
    const sha = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(sha).toHaveLength(32);
    // ba7816bf… → 0xba = 186 → -70
    expect(sha.slice(0, 4)).toEqual([-70, 120, 22, -65]);
    const md5 = Utilities.computeDigest(
      Utilities.DigestAlgorithm.MD5,
      'é',
      Utilities.Charset.UTF_8,
    );
    const hex = md5.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('66ddcd97cfdeabb2f6fb8a999b4bc76f');
    expect(String(Utilities.DigestAlgorithm.SHA_256)).toBe('SHA_256');
  });

  it('encodes and decodes base64', () => {
    const { Utilities } = makeServices();
    expect(Utilities.base64Encode('héllo')).toBe('aMOpbGxv');
    expect(Utilities.base64Decode('aMOpbGxv')).toEqual([104, -61, -87, 108, 108, 111]);
    expect(Utilities.base64Encode([-1, -2, -3])).toBe('//79');
    expect(Utilities.base64EncodeWebSafe([-1, -2, -3, -4])).toBe('__79_A==');
    expect(Utilities.base64DecodeWebSafe('__79_A==')).toEqual([-1, -2, -3, -4]);
  });

  it('makes blobs', () => {
    const { Utilities, log } = makeServices();
    const blob = Utilities.newBlob('Bonjour é', 'text/plain', 'a.txt');
    expect(blob.getDataAsString()).toBe('Bonjour é');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('a.txt');
    expect(blob.setName('b.txt').getName()).toBe('b.txt');
    expect(blob.getBytes().slice(-2)).toEqual([-61, -87]);
    expect(Utilities.newBlob([72, 105]).getDataAsString()).toBe('Hi');
    expect(log.count('Blob.getName')).toBe(2);
    expect(log.count('Blob.setName')).toBe(1);
  });

  it('sleeps by advancing the emulator clock, without waiting', () => {
    const { Utilities, clock } = makeServices();
    Utilities.sleep(120_000);
    expect(clock.now().toISOString()).toBe(
      new Date(PARIS_NINE_AM.getTime() + 120_000).toISOString(),
    );
  });

  it('formats strings like Java and parses CSV', () => {
    const { Utilities } = makeServices();
    expect(Utilities.formatString('%s a %d ans, %.2f €, 100%%', 'Léa', 17.9, 4.5)).toBe(
      'Léa a 17 ans, 4.50 €, 100%',
    );
    expect(Utilities.parseCsv('a,"b,c"\n"d ""e""",f')).toEqual([
      ['a', 'b,c'],
      ['d "e"', 'f'],
    ]);
  });

  it('counts calls and injects faults', () => {
    const { Utilities, log } = makeServices();
    Utilities.getUuid();
    log.failOn('Utilities.getUuid', 1, new Error('Service error'));
    expect(() => Utilities.getUuid()).toThrow('Service error');
    expect(log.count('Utilities.getUuid')).toBe(2);
  });
});
