import type { VocabularyKind } from './work-order.schemas.js';

/**
 * The restoration vocabularies as first shipped (restoration.md; GB/T 21712-2008 practice). The
 * migration seeds them into `restoration_term`; from then on they are data national admins edit.
 */
export const RESTORATION_VOCABULARY_SEED: Record<VocabularyKind, Array<[string, string]>> = {
  technique: [
    ['拆书', 'disbinding'],
    ['揭页', 'separating leaves'],
    ['去污', 'cleaning'],
    ['洗书', 'washing'],
    ['脱酸', 'deacidification'],
    ['补洞', 'filling holes'],
    ['补破', 'mending tears'],
    ['托裱', 'lining'],
    ['溜口', 'reinforcing folds'],
    ['镶衬', 'inlaying'],
    ['金镶玉', 'jin xiang yu inlaying'],
    ['加固', 'consolidation'],
    ['压平', 'pressing'],
    ['齐栏', 'trimming'],
    ['订线', 'resewing'],
    ['装订', 'rebinding'],
    ['做函套', 'making a case'],
  ],
  repair_paper: [
    ['竹纸', 'bamboo paper'],
    ['皮纸', 'bast-fibre paper'],
    ['构皮纸', 'paper-mulberry paper'],
    ['桑皮纸', 'mulberry paper'],
    ['宣纸', 'xuan paper'],
    ['连史纸', 'lianshi paper'],
    ['毛边纸', 'maobian paper'],
    ['开化纸', 'kaihua paper'],
  ],
  paste: [
    ['小麦淀粉浆糊', 'wheat starch paste'],
    ['面粉浆糊', 'wheat flour paste'],
    ['甲基纤维素', 'methyl cellulose'],
  ],
  thread: [
    ['丝线', 'silk thread'],
    ['棉线', 'cotton thread'],
    ['麻线', 'ramie thread'],
  ],
  dye: [
    ['国画颜料', 'Chinese painting pigments'],
    ['橡碗子', 'acorn-cup dye'],
    ['红茶', 'black tea'],
    ['植物染料', 'plant dyes'],
  ],
  deacidification_agent: [
    ['氢氧化钙溶液', 'calcium hydroxide solution'],
    ['碳酸氢镁溶液', 'magnesium bicarbonate solution'],
    ['氧化镁分散液', 'magnesium oxide dispersion'],
  ],
};
