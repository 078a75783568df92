/**
 * What a spreadsheet locale changes for the emulator: how typed numbers, dates and booleans are
 * recognised, how numbers are displayed, and the default date formats Sheets applies.
 */

export interface LocaleInfo {
  /** BCP 47 tag for Intl ("fr-FR"). */
  tag: string;
  decimal: string;
  /** Thousands separator used for display. */
  group: string;
  /** Separators accepted as thousands separators when parsing typed input. */
  groupInput: string[];
  monthFirst: boolean;
  dateFormat: string;
  dateTimeFormat: string;
  timeFormat: string;
  trueWord: string;
  falseWord: string;
  /** Localised boolean words accepted on input, besides TRUE/FALSE. */
  boolInput: Record<string, boolean>;
}

const COMMA_DECIMAL = new Set([
  'fr',
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'ru',
  'pl',
  'sv',
  'da',
  'fi',
  'nb',
  'cs',
  'tr',
]);

const cache = new Map<string, LocaleInfo>();

export function localeInfo(locale: string): LocaleInfo {
  const hit = cache.get(locale);
  if (hit) return hit;
  const [lang = 'en', region = ''] = locale.split(/[_-]/);
  const tag = region ? `${lang}-${region}` : lang;
  const comma = COMMA_DECIMAL.has(lang);
  let info: LocaleInfo;
  if (lang === 'fr') {
    info = {
      tag,
      decimal: ',',
      // CLDR's French grouping separator, a narrow no-break space.
      group: '\u202f',
      groupInput: [' ', '\u00a0', '\u202f'],
      monthFirst: false,
      dateFormat: 'dd/MM/yyyy',
      dateTimeFormat: 'dd/MM/yyyy HH:mm:ss',
      timeFormat: 'HH:mm:ss',
      trueWord: 'VRAI',
      falseWord: 'FAUX',
      boolInput: { vrai: true, faux: false },
    };
  } else if (locale === 'en_US' || locale === 'en') {
    info = {
      tag,
      decimal: '.',
      group: ',',
      groupInput: [','],
      monthFirst: true,
      dateFormat: 'M/d/yyyy',
      dateTimeFormat: 'M/d/yyyy H:mm:ss',
      timeFormat: 'h:mm:ss am/pm',
      trueWord: 'TRUE',
      falseWord: 'FALSE',
      boolInput: {},
    };
  } else {
    info = {
      tag,
      decimal: comma ? ',' : '.',
      group: comma ? '.' : ',',
      groupInput: comma ? ['.'] : [','],
      monthFirst: false,
      dateFormat: lang === 'de' ? 'dd.MM.yyyy' : 'dd/MM/yyyy',
      dateTimeFormat: lang === 'de' ? 'dd.MM.yyyy HH:mm:ss' : 'dd/MM/yyyy HH:mm:ss',
      timeFormat: 'HH:mm:ss',
      trueWord: 'TRUE',
      falseWord: 'FALSE',
      boolInput: {},
    };
  }
  cache.set(locale, info);
  return info;
}

interface Names {
  months: string[];
  monthsShort: string[];
  days: string[];
  daysShort: string[];
}

const names = new Map<string, Names>();

/** Month and day names in the locale, from Intl (Sheets uses the same CLDR data). */
export function localeNames(locale: string): Names {
  const hit = names.get(locale);
  if (hit) return hit;
  const tag = localeInfo(locale).tag;
  const fmt = (opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(tag, { ...opts, timeZone: 'UTC' });
  const long = fmt({ month: 'long' });
  const short = fmt({ month: 'short' });
  const wLong = fmt({ weekday: 'long' });
  const wShort = fmt({ weekday: 'short' });
  const n: Names = { months: [], monthsShort: [], days: [], daysShort: [] };
  for (let m = 0; m < 12; m++) {
    const d = new Date(Date.UTC(2021, m, 15));
    n.months.push(long.format(d));
    n.monthsShort.push(short.format(d));
  }
  // 2021-08-01 is a Sunday: index 0 = Sunday as in Date.getUTCDay().
  for (let i = 0; i < 7; i++) {
    const d = new Date(Date.UTC(2021, 7, 1 + i));
    n.days.push(wLong.format(d));
    n.daysShort.push(wShort.format(d));
  }
  names.set(locale, n);
  return n;
}
