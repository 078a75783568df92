/** Text styles and rich text values, with their builders (immutable once built). */
import { ApiObject, normaliseColor, unwrap, wrap } from './api';
import type { Workbook } from './book';

export interface TextStyleData {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  fontFamily?: string;
  fontSize?: number;
  color?: string;
}

export class TextStyleApi extends ApiObject<GoogleAppsScript.Spreadsheet.TextStyle> {
  constructor(
    private readonly wb: Workbook,
    readonly data: TextStyleData,
  ) {
    super();
  }
  copy() {
    return makeTextStyleBuilder(this.wb, this.data);
  }
  getFontFamily() {
    return this.data.fontFamily ?? null;
  }
  getFontSize() {
    return this.data.fontSize ?? null;
  }
  getForegroundColor() {
    return this.data.color ?? null;
  }
  getForegroundColorObject() {
    return null;
  }
  isBold() {
    return this.data.bold ?? null;
  }
  isItalic() {
    return this.data.italic ?? null;
  }
  isStrikethrough() {
    return this.data.strikethrough ?? null;
  }
  isUnderline() {
    return this.data.underline ?? null;
  }
}

export function makeTextStyle(
  wb: Workbook,
  data: TextStyleData,
): GoogleAppsScript.Spreadsheet.TextStyle {
  return wrap(new TextStyleApi(wb, { ...data }), 'TextStyle', wb);
}

type TSB = GoogleAppsScript.Spreadsheet.TextStyleBuilder;

export class TextStyleBuilderApi extends ApiObject<TSB> {
  data: TextStyleData = {};
  constructor(private readonly wb: Workbook) {
    super();
  }
  build() {
    return makeTextStyle(this.wb, this.data);
  }
  private set<K extends keyof TextStyleData>(k: K, v: TextStyleData[K]): TSB {
    this.data[k] = v;
    return this.self;
  }
  setBold(b: boolean) {
    return this.set('bold', b);
  }
  setItalic(b: boolean) {
    return this.set('italic', b);
  }
  setUnderline(b: boolean) {
    return this.set('underline', b);
  }
  setStrikethrough(b: boolean) {
    return this.set('strikethrough', b);
  }
  setFontFamily(f: string) {
    return this.set('fontFamily', f);
  }
  setFontSize(n: number) {
    return this.set('fontSize', n);
  }
  setForegroundColor(c: string) {
    return this.set('color', normaliseColor(c));
  }
  setForegroundColorObject() {
    return this.self;
  }
}

export function makeTextStyleBuilder(wb: Workbook, from?: TextStyleData): TSB {
  const b = new TextStyleBuilderApi(wb);
  if (from) b.data = { ...from };
  return wrap(b, 'TextStyleBuilder', wb);
}

export interface RichTextData {
  text: string;
  link: string | null;
  style: TextStyleData;
}

export class RichTextValueApi extends ApiObject<GoogleAppsScript.Spreadsheet.RichTextValue> {
  constructor(
    private readonly wb: Workbook,
    readonly data: RichTextData,
  ) {
    super();
  }
  copy() {
    return makeRichTextBuilder(this.wb, this.data);
  }
  getEndIndex() {
    return this.data.text.length;
  }
  getStartIndex() {
    return 0;
  }
  getLinkUrl() {
    return this.data.link;
  }
  getRuns() {
    return [this.self];
  }
  getText() {
    return this.data.text;
  }
  getTextStyle() {
    return makeTextStyle(this.wb, this.data.style);
  }
}

export function makeRichText(
  wb: Workbook,
  data: RichTextData,
): GoogleAppsScript.Spreadsheet.RichTextValue {
  return wrap(new RichTextValueApi(wb, data), 'RichTextValue', wb);
}

type RTB = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;

export class RichTextValueBuilderApi extends ApiObject<RTB> {
  data: RichTextData = { text: '', link: null, style: {} };
  constructor(private readonly wb: Workbook) {
    super();
  }
  build() {
    return makeRichText(this.wb, JSON.parse(JSON.stringify(this.data)) as RichTextData);
  }
  setText(text: string) {
    this.data.text = String(text);
    return this.self;
  }
  /** setLinkUrl(url) or setLinkUrl(start, end, url): the emulator keeps one link per cell. */
  setLinkUrl(...args: unknown[]) {
    const url = args.length >= 3 ? args[2] : args[0];
    this.data.link = url === null || url === undefined ? null : String(url);
    return this.self;
  }
  setTextStyle(...args: unknown[]) {
    const style = args.length >= 3 ? args[2] : args[0];
    const api = unwrap(style, TextStyleApi);
    if (api && args.length < 3) this.data.style = { ...api.data };
    return this.self;
  }
}

export function makeRichTextBuilder(wb: Workbook, from?: RichTextData): RTB {
  const b = new RichTextValueBuilderApi(wb);
  if (from) b.data = JSON.parse(JSON.stringify(from)) as RichTextData;
  return wrap(b, 'RichTextValueBuilder', wb);
}
