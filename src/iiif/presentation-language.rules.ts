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

/** A language map for a fixed interface label given in both languages (字段名). */
export function bilingual(zh: string, en: string): InternationalString {
  return { 'zh-Hans': [zh], en: [en] };
}
