/**
 * Basic number-format patterns for TEXT(): dates and times (d dd ddd dddd m mm mmm mmmm yy
 * yyyy h hh mm ss AM/PM) and numbers (0 # , . %), with quoted and escaped literals and up to
 * three ';' sections. Month and day names follow the spreadsheet locale.
 */
import { formatNumber } from '../coerce';
import { dateFromSerial, utcDateOf } from '../serial';
import type { FormulaLocale } from '../types';
import { roundHalfAway } from './math';

type Part =
  | { kind: 'literal'; text: string }
  | { kind: 'date'; letter: 'y' | 'm' | 'd' | 'h' | 's'; count: number }
  | { kind: 'ampm' }
  | { kind: 'digit'; char: '0' | '#' | '?' | '.' | ',' }
  | { kind: 'percent' };

function splitSections(pattern: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (pattern[++i] ?? '');
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function parse(section: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i] as string;
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      parts.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      parts.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 2;
    } else if (section.slice(i, i + 5).toUpperCase() === 'AM/PM') {
      parts.push({ kind: 'ampm' });
      i += 5;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end + 1; // colours and conditions are not rendered
    } else if ('ymdhs'.includes(lower)) {
      let j = i;
      while (j < section.length && (section[j] as string).toLowerCase() === lower) j++;
      parts.push({ kind: 'date', letter: lower as 'y' | 'm' | 'd' | 'h' | 's', count: j - i });
      i = j;
    } else if ('0#?.,'.includes(ch)) {
      parts.push({ kind: 'digit', char: ch as '0' | '#' | '?' | '.' | ',' });
      i++;
    } else if (ch === '%') {
      parts.push({ kind: 'percent' });
      i++;
    } else {
      parts.push({ kind: 'literal', text: ch });
      i++;
    }
  }
  return parts;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function intlName(
  serial: number,
  locale: FormulaLocale,
  options: Intl.DateTimeFormatOptions,
): string {
  const tag = locale === 'fr_FR' ? 'fr-FR' : 'en-US';
  return new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(utcDateOf(serial));
}

function formatDate(value: number, parts: Part[], locale: FormulaLocale): string {
  const date = dateFromSerial(value);
  const seconds = Math.round((value - Math.floor(value)) * 86_400) % 86_400;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const twelveHour = parts.some((p) => p.kind === 'ampm');
  const dateParts = parts.filter((p) => p.kind === 'date');
  let out = '';
  for (const p of parts) {
    if (p.kind === 'literal') out += p.text;
    else if (p.kind === 'digit') out += p.char;
    else if (p.kind === 'percent') out += '%';
    else if (p.kind === 'ampm') out += hours < 12 ? 'AM' : 'PM';
    else {
      const k = dateParts.indexOf(p);
      const prev = dateParts[k - 1];
      const next = dateParts[k + 1];
      switch (p.letter) {
        case 'y':
          out += p.count <= 2 ? pad2(date.year % 100) : String(date.year);
          break;
        case 'm':
          if (p.count <= 2 && (prev?.letter === 'h' || next?.letter === 's')) {
            out += p.count === 2 ? pad2(minutes) : String(minutes);
          } else if (p.count === 1) out += String(date.month);
          else if (p.count === 2) out += pad2(date.month);
          else if (p.count === 3) out += intlName(value, locale, { month: 'short' });
          else out += intlName(value, locale, { month: 'long' });
          break;
        case 'd':
          if (p.count === 1) out += String(date.day);
          else if (p.count === 2) out += pad2(date.day);
          else if (p.count === 3) out += intlName(value, locale, { weekday: 'short' });
          else out += intlName(value, locale, { weekday: 'long' });
          break;
        case 'h': {
          const h = twelveHour ? hours % 12 || 12 : hours;
          out += p.count >= 2 ? pad2(h) : String(h);
          break;
        }
        case 's':
          out += p.count >= 2 ? pad2(secs) : String(secs);
          break;
      }
    }
  }
  return out;
}

function groupSeparator(locale: FormulaLocale): string {
  const tag = locale === 'fr_FR' ? 'fr-FR' : 'en-US';
  const group = new Intl.NumberFormat(tag).formatToParts(1000).find((p) => p.type === 'group');
  return group?.value ?? ',';
}

function formatDigits(value: number, parts: Part[], locale: FormulaLocale): string {
  const digits = parts.flatMap((p) => (p.kind === 'digit' ? [p.char] : [])).join('');
  const percents = parts.filter((p) => p.kind === 'percent').length;
  const dot = digits.indexOf('.');
  const intPattern = dot < 0 ? digits : digits.slice(0, dot);
  const fracPattern = dot < 0 ? '' : digits.slice(dot + 1).replace(/,/g, '');
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = fracPattern.length;
  const scaled = Math.abs(value) * 100 ** percents;
  const [intRaw = '0', fracRaw = ''] = roundHalfAway(scaled, maxFrac).toFixed(maxFrac).split('.');
  let frac = fracRaw;
  while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  let int = intRaw === '0' && minInt === 0 ? '' : intRaw.padStart(minInt, '0');
  if (intPattern.includes(',')) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator(locale));
  const decimal = locale === 'fr_FR' ? ',' : '.';
  const number = frac ? `${int}${decimal}${frac}` : int;
  let out = '';
  let placed = false;
  for (const p of parts) {
    if (p.kind === 'literal') out += p.text;
    else if (p.kind === 'percent') out += '%';
    else if (p.kind === 'digit' && !placed) {
      out += number;
      placed = true;
    } else if (p.kind === 'date') out += p.letter.repeat(p.count);
  }
  return out;
}

export function formatWithPattern(value: number, pattern: string, locale: FormulaLocale): string {
  if (pattern === '' || pattern.toLowerCase() === 'general') return formatNumber(value, locale);
  const sections = splitSections(pattern);
  let section = sections[0] ?? '';
  let sign = value < 0 ? '-' : '';
  if (value < 0 && sections.length > 1) {
    section = sections[1] ?? '';
    sign = '';
  } else if (value === 0 && sections.length > 2) section = sections[2] ?? '';
  const parts = parse(section);
  const isDate = parts.some((p) => p.kind === 'date' || p.kind === 'ampm');
  // '.' and ',' also separate date parts (dd.mm.yyyy): only 0 # ? make a number pattern.
  const hasDigits = parts.some((p) => p.kind === 'digit' && '0#?'.includes(p.char));
  if (isDate && !hasDigits) return formatDate(value, parts, locale);
  return sign + formatDigits(value, parts, locale);
}
