/**
 * Java SimpleDateFormat (what Utilities.formatDate / parseDate use) in any time zone, computed
 * with Intl so the host's own zone never leaks in. English names, as Apps Script prints them.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

const FIELD_LETTERS = new Set('GyYMLwWDdFEuaHkKhmsSzZX'.split(''));
const NUMERIC_LETTERS = new Set('yYMLwWDdFuHkKhmsS'.split(''));

export function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  const pushLiteral = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      if (pattern.charAt(i + 1) === "'") {
        pushLiteral("'");
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      while (j < pattern.length) {
        if (pattern.charAt(j) === "'") {
          if (pattern.charAt(j + 1) === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern.charAt(j);
        j++;
      }
      if (j >= pattern.length) throw new Error(`Unterminated quote in pattern: ${pattern}`);
      pushLiteral(text);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      if (!FIELD_LETTERS.has(c)) throw new Error(`Illegal pattern character '${c}'`);
      let j = i;
      while (pattern.charAt(j) === c) j++;
      tokens.push({ kind: 'field', letter: c, count: j - i });
      i = j;
      continue;
    }
    pushLiteral(c);
    i++;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Time zones

type Zone = { kind: 'fixed'; offsetMs: number; id: string } | { kind: 'iana'; id: string };

const zoneCache = new Map<string, Zone>();
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Java's TimeZone.getTimeZone: IANA ids, "GMT+hh:mm" custom ids, anything else is GMT. */
export function resolveZone(id: string): Zone {
  const cached = zoneCache.get(id);
  if (cached) return cached;
  let zone: Zone;
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (custom) {
    const sign = custom[1] === '-' ? -1 : 1;
    const ms = (Number(custom[2]) * 60 + Number(custom[3] ?? 0)) * 60_000;
    zone = { kind: 'fixed', offsetMs: sign * ms, id };
  } else if (id === 'GMT' || id === 'UTC' || id === 'Z') {
    zone = { kind: 'fixed', offsetMs: 0, id: id === 'Z' ? 'GMT' : id };
  } else {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: id });
      zone = { kind: 'iana', id };
    } catch {
      zone = { kind: 'fixed', offsetMs: 0, id: 'GMT' };
    }
  }
  zoneCache.set(id, zone);
  return zone;
}

function formatterFor(id: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(id, f);
  }
  return f;
}

/** Date.UTC without its 0-99 → 1900-1999 year mapping; out-of-range fields overflow. */
function utcWall(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

/** Offset (ms, east positive) of `zone` at instant `ms`. */
export function offsetAt(zone: Zone, ms: number): number {
  if (zone.kind === 'fixed') return zone.offsetMs;
  const whole = Math.floor(ms / 1000) * 1000;
  const parts = formatterFor(zone.id).formatToParts(new Date(whole));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const utc = utcWall(year, get('month'), get('day'), get('hour'), get('minute'), get('second'), 0);
  return utc - whole;
}

interface Fields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  dayOfYear: number;
  offsetMs: number;
}

function fieldsAt(ms: number, zone: Zone): Fields {
  const offsetMs = offsetAt(zone, ms);
  const d = new Date(ms + offsetMs);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  const startOfDay = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    dayOfYear: Math.round((startOfDay - startOfYear) / 86_400_000) + 1,
    offsetMs,
  };
}

/** The instant at which the wall clock of `zone` shows these fields (lenient: they overflow). */
export function instantOf(
  zone: Zone,
  f: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
    ms: number;
  },
): number {
  const wall = utcWall(f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms);
  const first = offsetAt(zone, wall);
  let guess = wall - first;
  const second = offsetAt(zone, guess);
  if (second !== first) guess = wall - second;
  return guess;
}

// ---------------------------------------------------------------------------------------------
// Formatting

const pad = (n: number, width: number) => {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
};

function offsetText(offsetMs: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  if (offsetMs === 0 && style !== 'Z') return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(Math.round(offsetMs / 60_000));
  const hh = pad(Math.floor(total / 60), 2);
  const mm = pad(total % 60, 2);
  if (style === 'X1') return `${sign}${hh}`;
  if (style === 'X3') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

function zoneName(zone: Zone, ms: number, long: boolean): string {
  if (zone.kind === 'fixed') {
    if (zone.offsetMs === 0)
      return zone.id === 'UTC'
        ? long
          ? 'Coordinated Universal Time'
          : 'UTC'
        : long
          ? 'Greenwich Mean Time'
          : 'GMT';
    return `GMT${offsetText(zone.offsetMs, 'X3')}`;
  }
  const name = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: zone.id, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value ?? zone.id;
  const us = name('en-US');
  // Java prints "CET" where en-US Intl prints "GMT+1"; en-GB knows the European abbreviations.
  if (!long && /^GMT[+-]/.test(us)) return name('en-GB');
  return us;
}

export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const zone = resolveZone(timeZone);
  const f = fieldsAt(ms, zone);
  let out = '';
  for (const token of tokenize(pattern)) {
    if (token.kind === 'literal') {
      out += token.text;
      continue;
    }
    const { letter, count } = token;
    switch (letter) {
      case 'G':
        out += f.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += count === 2 ? pad(((f.year % 100) + 100) % 100, 2) : pad(f.year, count);
        break;
      case 'M':
      case 'L':
        if (count >= 4) out += MONTHS[f.month - 1];
        else if (count === 3) out += MONTHS[f.month - 1]?.slice(0, 3);
        else out += pad(f.month, count);
        break;
      case 'w': {
        const jan1 = (f.weekday - ((f.dayOfYear - 1) % 7) + 7) % 7;
        out += pad(Math.floor((f.dayOfYear - 1 + jan1) / 7) + 1, count);
        break;
      }
      case 'W': {
        const first = (f.weekday - ((f.day - 1) % 7) + 7) % 7;
        out += pad(Math.floor((f.day - 1 + first) / 7) + 1, count);
        break;
      }
      case 'D':
        out += pad(f.dayOfYear, count);
        break;
      case 'd':
        out += pad(f.day, count);
        break;
      case 'F':
        out += pad(Math.floor((f.day - 1) / 7) + 1, count);
        break;
      case 'E':
        out += count >= 4 ? DAYS[f.weekday] : DAYS[f.weekday]?.slice(0, 3);
        break;
      case 'u':
        out += pad(f.weekday === 0 ? 7 : f.weekday, count);
        break;
      case 'a':
        out += f.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(f.hour, count);
        break;
      case 'k':
        out += pad(f.hour === 0 ? 24 : f.hour, count);
        break;
      case 'K':
        out += pad(f.hour % 12, count);
        break;
      case 'h':
        out += pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
        break;
      case 'm':
        out += pad(f.minute, count);
        break;
      case 's':
        out += pad(f.second, count);
        break;
      case 'S':
        out += pad(f.ms, count);
        break;
      case 'z':
        out += zoneName(zone, ms, count >= 4);
        break;
      case 'Z':
        out += offsetText(f.offsetMs, 'Z');
        break;
      case 'X':
        if (count > 3) throw new Error('invalid ISO 8601 format: length=' + count);
        out += offsetText(f.offsetMs, count === 1 ? 'X1' : count === 2 ? 'X2' : 'X3');
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing

export class UnparseableDateError extends Error {
  constructor(text: string) {
    super(`Unparseable date: "${text}"`);
  }
}

function matchName(text: string, pos: number, names: readonly string[]): [number, number] | null {
  // Longest match first, so "June" wins over "Jun".
  let best: [number, number] | null = null;
  names.forEach((name, index) => {
    for (const candidate of [name, name.slice(0, 3)]) {
      const slice = text.slice(pos, pos + candidate.length);
      if (
        slice.toLowerCase() === candidate.toLowerCase() &&
        (!best || candidate.length > best[1])
      ) {
        best = [index, candidate.length];
      }
    }
  });
  return best;
}

/**
 * Parse `text` with `pattern` as the wall time of `timeZone` (lenient, like Java's default:
 * month 13 rolls into the next year; text after the pattern is ignored). `nowMs` anchors
 * two-digit years (80 years back, 20 ahead).
 */
export function parseDate(text: string, timeZone: string, pattern: string, nowMs: number): number {
  const tokens = tokenize(pattern);
  const f = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 };
  let pm: boolean | null = null;
  let hour12: number | null = null;
  let explicitOffset: number | null = null;
  let pos = 0;
  const fail = (): never => {
    throw new UnparseableDateError(text);
  };

  tokens.forEach((token, index) => {
    if (token.kind === 'literal') {
      if (text.slice(pos, pos + token.text.length) !== token.text) fail();
      pos += token.text.length;
      return;
    }
    const { letter, count } = token;
    const next = tokens[index + 1];
    const abutting = next?.kind === 'field' && NUMERIC_LETTERS.has(next.letter);

    if ((letter === 'M' || letter === 'L') && count >= 3) {
      const m = matchName(text, pos, MONTHS) ?? fail();
      f.month = m[0] + 1;
      pos += m[1];
      return;
    }
    if (letter === 'E') {
      const m = matchName(text, pos, DAYS) ?? fail();
      pos += m[1];
      return;
    }
    if (letter === 'a') {
      const s = text.slice(pos, pos + 2).toUpperCase();
      if (s !== 'AM' && s !== 'PM') fail();
      pm = s === 'PM';
      pos += 2;
      return;
    }
    if (letter === 'G') {
      const s = text.slice(pos, pos + 2).toUpperCase();
      if (s !== 'AD' && s !== 'BC') fail();
      pos += 2;
      return;
    }
    if (letter === 'Z' || letter === 'X' || letter === 'z') {
      const rest = text.slice(pos);
      const m = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?/.exec(rest);
      if (m) {
        const sign = m[1] === '-' ? -1 : 1;
        explicitOffset = sign * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
        pos += m[0].length;
      } else if (/^(Z|GMT|UTC)/.test(rest)) {
        explicitOffset = 0;
        pos += rest.startsWith('Z') ? 1 : 3;
      } else fail();
      return;
    }
    // Numeric field: fixed width when another number follows directly, greedy otherwise.
    const re = abutting ? new RegExp(`^\\d{1,${count}}`) : /^\d+/;
    const sign = letter === 'y' || letter === 'Y' ? (/^[+-]/.exec(text.slice(pos))?.[0] ?? '') : '';
    const m = re.exec(text.slice(pos + sign.length)) ?? fail();
    const digits = m[0];
    let value = Number(digits) * (sign === '-' ? -1 : 1);
    pos += sign.length + digits.length;
    switch (letter) {
      case 'y':
      case 'Y':
        if (count <= 2 && digits.length === 2 && !sign) {
          const now = new Date(nowMs).getUTCFullYear();
          const start = now - 80;
          value += Math.floor(start / 100) * 100;
          if (value < start) value += 100;
        }
        f.year = value;
        break;
      case 'M':
      case 'L':
        f.month = value;
        break;
      case 'd':
        f.day = value;
        break;
      case 'D':
        f.month = 1;
        f.day = value;
        break;
      case 'H':
        f.hour = value;
        break;
      case 'k':
        f.hour = value === 24 ? 0 : value;
        break;
      case 'K':
        hour12 = value;
        break;
      case 'h':
        hour12 = value === 12 ? 0 : value;
        break;
      case 'm':
        f.minute = value;
        break;
      case 's':
        f.second = value;
        break;
      case 'S':
        f.ms = value;
        break;
      default:
        // w, W, F, u: parsed for position only.
        break;
    }
  });

  if (hour12 !== null) f.hour = hour12 + (pm ? 12 : 0);
  else if (pm === true && f.hour < 12) f.hour += 12;

  if (explicitOffset !== null) {
    const fixed: Zone = { kind: 'fixed', offsetMs: explicitOffset, id: 'GMT' };
    return instantOf(fixed, f);
  }
  return instantOf(resolveZone(timeZone), f);
}
