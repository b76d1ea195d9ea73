// IIIF language maps for Chinese catalogue text. Catalogues keep traditional characters as
// written (朱子大全一百卷目錄二卷); viewers pick a label by the reader's language, so every label
// carries the text as catalogued under its real tag (zh-Hant when it is traditional), a
// simplified form under zh-Hans, and an English entry (titles are proper names: English readers
// get the catalogued text unless an English rendering is given).

import * as OpenCC from 'opencc-js/t2cn';
import type { InternationalString } from '@iiif/presentation-3';

// Built on first use: loading the dictionaries takes tens of milliseconds.
let converter: ((text: string) => string) | undefined;

/** The simplified form of a Chinese text (OpenCC traditional → mainland simplified). */
export function toSimplified(text: string): string {
  const convert = (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

/** Whether a text is written in traditional characters (it changes when simplified). */
export function isTraditional(text: string): boolean {
  return text !== '' && toSimplified(text) !== text;
}

/**
 * A language map for catalogued Chinese text: `zh-Hant` (as written) when traditional, always
 * `zh-Hans`, and `en` (the given English text, or the catalogued text itself).
 */
export function chineseText(text: string, english?: string): InternationalString {
  const simplified = toSimplified(text);
  const map: InternationalString = {};
  if (simplified !== text) map['zh-Hant'] = [text];
  map['zh-Hans'] = [simplified];
  map.en = [english ?? text];
  return map;
}

/**
 * A property value (metadata value, summary, required statement) that every viewer shows as the
 * catalogued text itself, never as markup. Presentation 3.0 §4.4 lets values carry HTML (a value
 * that starts with `<` and ends with `>`), and common viewers (Mirador among them) pass every value
 * through their HTML sanitiser: a title typed as `<img src=x onerror=…>` would reach the reader as an
 * element. Catalogue text is plain text, so when it holds any of `<`, `>` or `&` it is sent as the
 * allowed `<span>` with those characters escaped: displayed exactly as written, nothing of it
 * interpreted. Other text goes unchanged. Labels are never HTML in the spec and stay plain text.
 */
export function plainTextValue(text: string): string {
  if (!/[<>&]/.test(text)) return text;
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<span>${escaped}</span>`;
}

/** chineseText for a property value: each entry as plainTextValue. */
export function chineseValue(text: string, english?: string): InternationalString {
  const map = chineseText(text, english);
  return Object.fromEntries(
    Object.entries(map).map(([language, values]) => [language, values!.map(plainTextValue)]),
  ) as InternationalString;
}

/** A language map for a fixed interface label given in both languages (字段名). */
export function bilingual(zh: string, en: string): InternationalString {
  return { 'zh-Hans': [zh], en: [en] };
}
