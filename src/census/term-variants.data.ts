// Variant characters that catalogues use interchangeably and that traditional → simplified
// conversion (OpenCC) leaves apart. Applied after conversion, so the traditional entries below are
// there to keep the documented equivalences true whatever the OpenCC dictionaries do; the others
// (槀 → 稿, 鈔 → 抄 …) are variants OpenCC does not fold at all. Keep the list short: every entry
// makes two spellings the same value everywhere (code lists, search).

/** [variant, standard] pairs; each variant folds onto its standard character. */
export const TERM_VARIANTS: ReadonlyArray<readonly [variant: string, standard: string]> = [
  ['綫', '线'], // 綫裝 / 線裝 / 线装
  ['線', '线'],
  ['裝', '装'],
  ['峯', '峰'],
  ['敎', '教'],
  ['於', '于'],
  ['槀', '稿'], // 槀本 / 藁本 = 稿本 (draft)
  ['藁', '稿'],
  ['敍', '叙'],
  ['竝', '并'],
  ['刋', '刊'],
  ['挍', '校'], // 挍本 = 校本
  ['讐', '雠'],
  ['鈔', '抄'], // 鈔本 / 钞本 = 抄本 (manuscript copy), the spelling of the edition_type list
  ['钞', '抄'],
];
