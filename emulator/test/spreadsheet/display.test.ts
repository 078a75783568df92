import { describe, expect, it } from 'vitest';
import {
  AUTOMATIC_FORMAT,
  formatGeneral,
  formatValue,
  isDateTimeFormat,
} from '../../src/spreadsheet/display';
import { setup } from './fixture';
import { serialOf } from '../../src/spreadsheet/values';

const SEP_2 = serialOf(2024, 9, 2); // a Monday

describe('number formats', () => {
  it('shows automatic numbers with up to 10 significant digits and the locale decimal mark', () => {
    expect(formatGeneral(1.5, 'fr_FR')).toBe('1,5');
    expect(formatGeneral(1.5, 'en_US')).toBe('1.5');
    expect(formatGeneral(1 / 3, 'fr_FR')).toBe('0,3333333333');
    expect(formatGeneral(12345678901234, 'fr_FR')).toBe('12345678901234');
    expect(formatGeneral(-42, 'fr_FR')).toBe('-42');
    expect(formatGeneral(0.1 + 0.2, 'en_US')).toBe('0.3');
  });

  it('renders fixed decimals, grouping, percentages and literals', () => {
    expect(formatValue(3.14159, '0.00', 'fr_FR')).toBe('3,14');
    expect(formatValue(3, '0', 'fr_FR')).toBe('3');
    expect(formatValue(2.5, '0', 'en_US')).toBe('3');
    expect(formatValue(1234567.891, '#,##0.00', 'en_US')).toBe('1,234,567.89');
    expect(formatValue(1234567.891, '#,##0.00', 'fr_FR')).toBe('1\u202f234\u202f567,89');
    expect(formatValue(0.256, '0%', 'fr_FR')).toBe('26%');
    expect(formatValue(0.256, '0.0%', 'en_US')).toBe('25.6%');
    expect(formatValue(4.5, '0.00" €"', 'fr_FR')).toBe('4,50 €');
    expect(formatValue(-4.5, '0.00', 'fr_FR')).toBe('-4,50');
    expect(formatValue(-4.5, '0.00;(0.00)', 'en_US')).toBe('(4.50)');
    expect(formatValue(7, '0 "h"', 'fr_FR')).toBe('7 h');
  });

  it('renders date and time patterns with localised names', () => {
    expect(formatValue(SEP_2, 'dd/MM/yyyy', 'fr_FR')).toBe('02/09/2024');
    expect(formatValue(SEP_2, 'yyyy-MM-dd', 'fr_FR')).toBe('2024-09-02');
    expect(formatValue(SEP_2, 'd MMM yyyy', 'fr_FR')).toBe('2 sept. 2024');
    expect(formatValue(SEP_2, 'dddd d MMMM', 'fr_FR')).toBe('lundi 2 septembre');
    expect(formatValue(SEP_2, 'ddd', 'en_US')).toBe('Mon');
    expect(formatValue(SEP_2 + 0.5 + 5 / 1440, 'HH:mm', 'fr_FR')).toBe('12:05');
    expect(formatValue(SEP_2 + 0.75, 'h:mm am/pm', 'en_US')).toBe('6:00 pm');
    expect(formatValue(SEP_2, 'M/d/yyyy', 'en_US')).toBe('9/2/2024');
    expect(formatValue(SEP_2 + 1 / 24 + 2 / 1440 + 3 / 86400, 'dd/mm/yyyy hh:mm:ss', 'fr_FR')).toBe(
      '02/09/2024 01:02:03',
    );
  });

  it('tells date/time formats from number formats', () => {
    expect(isDateTimeFormat('dd/MM/yyyy')).toBe(true);
    expect(isDateTimeFormat('HH:mm')).toBe(true);
    expect(isDateTimeFormat('0.00')).toBe(false);
    expect(isDateTimeFormat('#,##0 "jours"')).toBe(false);
    expect(isDateTimeFormat('@')).toBe(false);
    expect(isDateTimeFormat(undefined)).toBe(false);
  });

  // fr_FR shows booleans as VRAI/FAUX (the emulator's spreadsheet locale default is fr_FR).
  it('displays booleans in the locale, text as is, empty as empty', () => {
    expect(formatValue(true, undefined, 'fr_FR')).toBe('VRAI');
    expect(formatValue(false, '0.00', 'fr_FR')).toBe('FAUX');
    expect(formatValue(true, undefined, 'en_US')).toBe('TRUE');
    expect(formatValue('Arrêté', '0.00', 'fr_FR')).toBe('Arrêté');
    expect(formatValue(null, 'dd/MM/yyyy', 'fr_FR')).toBe('');
  });
});

describe('getDisplayValues / getNumberFormats', () => {
  it('applies each cell number format', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:D1');
    r.setValues([[1.5, 0.5, 1234.5, true]]);
    sheet.getRange('B1').setNumberFormat('0%');
    sheet.getRange('C1').setNumberFormat('#,##0.00');
    expect(r.getDisplayValues()).toEqual([['1,5', '50%', '1\u202f234,50', 'VRAI']]);
    expect(r.getNumberFormats()).toEqual([[AUTOMATIC_FORMAT, '0%', '#,##0.00', AUTOMATIC_FORMAT]]);
  });

  it('resets to the automatic format with an empty or automatic pattern', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    r.setNumberFormat('0.00').setValue(2);
    expect(r.getDisplayValue()).toBe('2,00');
    r.setNumberFormat('');
    expect(r.getNumberFormat()).toBe(AUTOMATIC_FORMAT);
    expect(r.getDisplayValue()).toBe('2');
  });
});
