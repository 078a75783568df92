/**
 * A cell's style as the model stores it: only what differs from Sheets' defaults, so that an
 * untouched cell has no style object at all.
 */
import { normaliseColor } from './api';
import type { TextStyleData } from './text-styles';
import type { Cell, Style } from './model';

export const DEFAULTS = {
  background: '#ffffff',
  fontColor: '#000000',
  fontFamily: 'Arial',
  fontSize: 10,
  hAlign: 'general',
  vAlign: 'bottom',
};

export function colorOrNull(color: string | null | undefined, dflt: string): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const c = normaliseColor(String(color));
  return c === dflt ? undefined : c;
}

export function setStyle<K extends keyof Style>(
  cell: Cell,
  key: K,
  value: Style[K] | undefined,
): void {
  if (value === undefined) {
    if (!cell.style) return;
    delete cell.style[key];
    if (Object.keys(cell.style).length === 0) delete cell.style;
    return;
  }
  cell.style ??= {};
  cell.style[key] = value;
}

export function styleToText(s: Style | undefined): TextStyleData {
  return {
    bold: s?.fontWeight === 'bold',
    italic: s?.fontStyle === 'italic',
    underline: s?.fontLine === 'underline',
    strikethrough: s?.fontLine === 'line-through',
    fontFamily: s?.fontFamily ?? DEFAULTS.fontFamily,
    fontSize: s?.fontSize ?? DEFAULTS.fontSize,
    color: s?.fontColor ?? DEFAULTS.fontColor,
  };
}

export function applyTextStyle(cell: Cell, t: TextStyleData): void {
  if (t.bold !== undefined) setStyle(cell, 'fontWeight', t.bold ? 'bold' : undefined);
  if (t.italic !== undefined) setStyle(cell, 'fontStyle', t.italic ? 'italic' : undefined);
  if (t.underline !== undefined || t.strikethrough !== undefined) {
    setStyle(
      cell,
      'fontLine',
      t.underline ? 'underline' : t.strikethrough ? 'line-through' : undefined,
    );
  }
  if (t.fontFamily !== undefined) setStyle(cell, 'fontFamily', t.fontFamily);
  if (t.fontSize !== undefined)
    setStyle(cell, 'fontSize', t.fontSize === DEFAULTS.fontSize ? undefined : t.fontSize);
  if (t.color !== undefined) setStyle(cell, 'fontColor', colorOrNull(t.color, DEFAULTS.fontColor));
}
