/**
 * Number formats → display strings, as getDisplayValues() and the workbench show them.
 * Supports the patterns add-ons use: automatic, '@', '0', '0.00', '#,##0.00', '0%', date and
 * time patterns (dd/MM/yyyy, yyyy-MM-dd, d MMM yyyy, dddd, HH:mm…), quoted literals, sections.
 */
import { localeInfo, localeNames } from './locale';
import { serialParts } from './values';

/** What Apps Script's getNumberFormat() returns for a cell with the automatic format. */
export const AUTOMATIC_FORMAT = '0.###############';

/** Normalise a format given to setNumberFormat: automatic formats are stored as undefined. */
export function normaliseFormat(fmt: string | null | undefined): string | undefined {
  if (fmt === null || fmt === undefined) return undefined;
  if (fmt === '' || fmt === AUTOMATIC_FORMAT || fmt.toLowerCase() === 'general') return undefined;
  return fmt;
}

const sectionCache = new Map<string, string[]>();

function splitSections(fmt: string): string[] {
  const hit = sectionCache.get(fmt);
  if (hit) return hit;
  const out = splitSectionsUncached(fmt);
  sectionCache.set(fmt, out);
  return out;
}

function splitSectionsUncached(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format with quoted literals, escapes and [..] blocks removed (for classifying it). */
function stripLiterals(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

const dateCache = new Map<string, boolean>();

/** Whether a number format shows a date or a time (then getValues returns a Date). */
export function isDateTimeFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const hit = dateCache.get(fmt);
  if (hit !== undefined) return hit;
  const first = stripLiterals(splitSections(fmt)[0] ?? '');
  const res = /[dDyYhHsS]|[mM]|am\/pm|a\/p/i.test(first) && !/^[#0.,%\s]*$/.test(first);
  dateCache.set(fmt, res);
  return res;
}

export interface DisplayContext {
  locale: string;
}

export function formatBoolean(b: boolean, locale: string): string {
  const info = localeInfo(locale);
  return b ? info.trueWord : info.falseWord;
}

/** Sheets' automatic format for a number: up to 10 significant digits, no grouping. */
export function formatGeneral(n: number, locale: string): string {
  const dec = localeInfo(locale).decimal;
  if (!Number.isFinite(n)) return '#NUM!';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  let s: string;
  if (abs >= 1e15 || abs < 1e-9) {
    const [mant = '0', exp = '0'] = n.toExponential(5).split('e');
    const m = mant.replace(/\.?0+$/, '');
    const e = Number(exp);
    s = `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  } else if (Number.isInteger(n)) {
    s = String(n);
  } else {
    const p = Number(n.toPrecision(10));
    s = String(p);
    if (s.includes('e')) s = p.toFixed(10).replace(/\.?0+$/, '');
  }
  return s.replace('.', dec);
}

/** Display string of a stored/computed value under a number format. */
export function formatValue(
  value: number | string | boolean | null,
  fmt: string | undefined,
  locale: string,
): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return formatBoolean(value, locale);
  if (typeof value === 'string') {
    if (!fmt) return value;
    const sections = splitSections(fmt);
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes('@'));
    if (textSection === undefined) return value;
    return renderLiteralPattern(textSection, value);
  }
  if (!fmt || fmt === '@') return formatGeneral(value, locale);
  const sections = splitSections(fmt);
  let section = sections[0] ?? '';
  let v = value;
  let autoMinus = true;
  if (value < 0 && sections.length >= 2) {
    section = sections[1] ?? '';
    v = -value;
    autoMinus = false;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2] ?? '';
  }
  if (isDateTimeFormat(section)) return formatDate(v, section, locale);
  const body = stripLiterals(section);
  if (!/[0#?]/.test(body)) {
    // No digit placeholder (e.g. a pure literal or '@'): general number with literals.
    if (body.includes('@') || body.trim() === '') return formatGeneral(value, locale);
    return renderLiteralPattern(section, '');
  }
  return formatNumber(v, section, locale, autoMinus);
}

/** Replace '@' in a pattern by the text, keeping quoted literals. */
function renderLiteralPattern(pattern: string, text: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end;
    } else if (ch === '\\') {
      out += pattern[i + 1] ?? '';
      i++;
    } else if (ch === '@') {
      out += text;
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i);
      const inner = pattern.slice(i + 1, end < 0 ? undefined : end);
      if (inner.startsWith('$')) out += inner.slice(1).split('-')[0] ?? '';
      i = end < 0 ? pattern.length : end;
    } else if (ch !== '_' && ch !== '*') {
      out += ch;
    }
  }
  return out;
}

interface NumToken {
  kind: 'lit' | 'num';
  text: string;
}

function tokenizeNumber(section: string): NumToken[] {
  const tokens: NumToken[] = [];
  const lit = (t: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'lit') last.text += t;
    else tokens.push({ kind: 'lit', text: t });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      lit(section[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      if (inner.startsWith('$')) lit(inner.slice(1).split('-')[0] ?? '');
      i = end < 0 ? section.length : end;
    } else if (ch === '_') {
      lit(' ');
      i++;
    } else if (ch === '*') {
      i++;
    } else if ('0#?.,'.includes(ch)) {
      const last = tokens[tokens.length - 1];
      if (last?.kind === 'num') last.text += ch;
      else tokens.push({ kind: 'num', text: ch });
    } else {
      lit(ch);
    }
  }
  return tokens;
}

function formatNumber(value: number, section: string, locale: string, autoMinus: boolean): string {
  const info = localeInfo(locale);
  const tokens = tokenizeNumber(section);
  const percent = tokens.some((t) => t.kind === 'lit' && t.text.includes('%'));
  const numIdx = tokens.findIndex((t) => t.kind === 'num' && /[0#?]/.test(t.text));
  const core = tokens[numIdx]?.text ?? '0';
  const [intPat = '', decPat = ''] = core.split('.');
  const grouping = intPat.includes(',');
  // Trailing commas scale by thousands.
  const scaleCommas = /,+$/.exec(intPat)?.[0].length ?? 0;
  const minInt = (intPat.match(/0/g) ?? []).length;
  const minDec = (decPat.match(/0/g) ?? []).length;
  const maxDec = (decPat.match(/[0#?]/g) ?? []).length;
  let v = (Math.abs(value) * (percent ? 100 : 1)) / 1000 ** scaleCommas;
  v = Number(v.toFixed(maxDec));
  let [intStr = '0', decStr = ''] = v.toFixed(maxDec).split('.');
  decStr = decStr.replace(/0+$/, '');
  while (decStr.length < minDec) decStr += '0';
  intStr = intStr.replace(/^0+/, '');
  while (intStr.length < minInt) intStr = '0' + intStr;
  if (grouping) intStr = intStr.replace(/\B(?=(\d{3})+(?!\d))/g, info.group);
  let num = intStr + (decStr ? info.decimal + decStr : '');
  if (!num) num = '0';
  const negative = autoMinus && value < 0 && Number(v) !== 0;
  let out = '';
  tokens.forEach((t, i) => {
    if (t.kind === 'lit') out += t.text;
    else if (i === numIdx) out += num;
  });
  return (negative ? '-' : '') + out;
}

type DateToken =
  | { kind: 'lit'; text: string }
  | { kind: 'field'; text: string; letter: string }
  | { kind: 'ampm'; text: string };

const dateTokens = new Map<string, DateToken[]>();

function tokenizeDate(section: string): DateToken[] {
  const hit = dateTokens.get(section);
  if (hit) return hit;
  const tokens = tokenizeDateUncached(section);
  dateTokens.set(section, tokens);
  return tokens;
}

function tokenizeDateUncached(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ kind: 'lit', text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ kind: 'lit', text: section[i + 1] ?? '' });
      i++;
      continue;
    }
    if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
      continue;
    }
    const rest = section.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      tokens.push({ kind: 'ampm', text: ampm[0] });
      i += ampm[0].length - 1;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('dmyhs'.includes(lower)) {
      let j = i;
      while (j < section.length && (section[j] as string).toLowerCase() === lower) j++;
      tokens.push({ kind: 'field', text: section.slice(i, j), letter: lower });
      i = j - 1;
      continue;
    }
    if (
      ch === '.' &&
      /^\.0+/.test(rest) &&
      tokens.some((t) => t.kind === 'field' && t.letter === 's')
    ) {
      const m = /^\.0+/.exec(rest)?.[0] ?? '.0';
      tokens.push({ kind: 'field', text: m, letter: 'f' });
      i += m.length - 1;
      continue;
    }
    tokens.push({ kind: 'lit', text: ch });
  }
  // 'm' means minutes right after an hour field or right before a seconds field.
  const fields = tokens.filter(
    (t): t is Extract<DateToken, { kind: 'field' }> => t.kind === 'field',
  );
  fields.forEach((t, idx) => {
    if (t.letter !== 'm' || t.text.length > 2) return;
    const prev = fields[idx - 1];
    const next = fields[idx + 1];
    if (prev?.letter === 'h' || next?.letter === 's') t.letter = 'n';
  });
  return tokens;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(serial: number, section: string, locale: string): string {
  const p = serialParts(serial);
  const names = localeNames(locale);
  const tokens = tokenizeDate(section);
  const twelve = tokens.some((t) => t.kind === 'ampm');
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'lit') {
      out += t.text;
      continue;
    }
    if (t.kind === 'ampm') {
      const pm = p.hour >= 12;
      const upper = t.text[0] === 'A' || t.text[0] === 'P';
      const word = t.text.length <= 3 ? (pm ? 'p' : 'a') : pm ? 'pm' : 'am';
      out += upper ? word.toUpperCase() : word;
      continue;
    }
    const n = t.text.length;
    switch (t.letter) {
      case 'd':
        if (n === 1) out += String(p.day);
        else if (n === 2) out += pad(p.day, 2);
        else if (n === 3) out += names.daysShort[p.weekday] ?? '';
        else out += names.days[p.weekday] ?? '';
        break;
      case 'm':
        if (n === 1) out += String(p.month);
        else if (n === 2) out += pad(p.month, 2);
        else if (n === 3) out += names.monthsShort[p.month - 1] ?? '';
        else if (n === 4) out += names.months[p.month - 1] ?? '';
        else out += (names.months[p.month - 1] ?? '').charAt(0);
        break;
      case 'y':
        out += n <= 2 ? pad(p.year % 100, 2) : String(p.year);
        break;
      case 'h': {
        const h = twelve ? ((p.hour + 11) % 12) + 1 : p.hour;
        out += n >= 2 ? pad(h, 2) : String(h);
        break;
      }
      case 'n':
        out += n >= 2 ? pad(p.minute, 2) : String(p.minute);
        break;
      case 's':
        out += n >= 2 ? pad(p.second, 2) : String(p.second);
        break;
      case 'f':
        out += localeInfo(locale).decimal + pad(p.ms, 3).slice(0, n - 1);
        break;
    }
  }
  return out;
}
