// Checks every era of the data table against a reference written separately from it.
//
// The reference is not a copy of the table: for each regime it gives the 元年 of the first
// era (anchored on a well-known event) and then only each era's length in years and whether
// it began at a new year or mid-year (改元 during the year), which is how reign chronologies
// are told. Start years are derived from that, so a wrong length or transition shows up as
// a wrong start for every later era. On top of that, dated events and editions pin single
// years (咸通九年 = 868, the dated 金刚经), with the 干支 of the year where it is famous.
import test from 'ava';
import { DYNASTY_SPANS, ERA_TABLE, type EraEntry } from '../../src/census/dates/era-table.data.js';
import { ganzhiOfYear } from '../../src/census/dates/chinese-numerals.rules.js';

interface Chain {
  dynasty: string;
  /** Gregorian year of the first era's 元年, and why. */
  first: number;
  anchor: string;
  /** `era<years>`; a leading ~ means the era began mid-year, in the last year of the previous one. */
  eras: string;
}

const CHAINS: readonly Chain[] = [
  {
    dynasty: '梁',
    first: 502,
    anchor: '萧衍 founded 梁 in 502',
    eras: '天监18 普通8 ~大通3 ~中大通6 大同12 ~中大同2 ~太清3 大宝2 承圣4 ~天成1 ~绍泰2 ~太平2',
  },
  { dynasty: '隋', first: 581, anchor: '杨坚 founded 隋 in 581', eras: '开皇20 仁寿4 大业14' },
  {
    dynasty: '唐',
    first: 618,
    anchor: '李渊 founded 唐 in 618',
    eras:
      '武德9 贞观23 永徽6 显庆6 ~龙朔3 麟德2 乾封3 ~总章3 ~咸亨5 ~上元3 ~仪凤4 ~调露2 ~永隆2 ~开耀2 ~永淳2 ~弘道1 ' +
      '嗣圣1 ~文明1 ~光宅1 垂拱4 永昌1 载初1 ~天授3 ~如意1 ~长寿3 ~延载1 证圣1 ~天册万岁2 ~万岁登封1 ~万岁通天2 ' +
      '~神功1 圣历3 ~久视2 ~大足1 ~长安4 神龙3 ~景龙4 ~唐隆1 ~景云2 太极1 ~延和1 ~先天2 ~开元29 天宝15 ~至德3 ' +
      '~乾元3 ~上元2 宝应2 ~广德2 永泰2 ~大历14 建中4 兴元1 贞元21 ~永贞1 元和15 长庆4 宝历3 ~大和9 开成5 会昌6 ' +
      '大中14 ~咸通15 ~乾符6 广明2 ~中和5 ~光启4 ~文德1 龙纪1 大顺2 景福2 乾宁5 ~光化4 ~天复4 ~天祐4',
  },
  { dynasty: '后梁', first: 907, anchor: '朱温 ended 唐 in 907', eras: '开平5 ~乾化5 ~贞明7 ~龙德3' },
  {
    dynasty: '后唐',
    first: 923,
    anchor: '李存勖 ended 后梁 in 923',
    eras: '同光4 ~天成5 ~长兴4 应顺1 ~清泰3',
  },
  { dynasty: '后晋', first: 936, anchor: '石敬瑭 enthroned with 契丹 help in 936', eras: '天福9 ~开运3' },
  { dynasty: '后汉', first: 948, anchor: '乾祐 from the first month of 948', eras: '乾祐3' },
  { dynasty: '后周', first: 951, anchor: '郭威 founded 后周 in 951', eras: '广顺3 显德7' },
  {
    dynasty: '前蜀',
    first: 908,
    anchor: '王建, emperor in late 907, took his own era in 908',
    eras: '武成3 永平5 通正1 天汉1 光天1 乾德6 咸康1',
  },
  { dynasty: '后蜀', first: 934, anchor: '孟知祥 proclaimed emperor in 934', eras: '明德4 广政28' },
  {
    dynasty: '南唐',
    first: 937,
    anchor: '李昪 proclaimed emperor in 937',
    eras: '升元7 ~保大15 中兴1 ~交泰1',
  },
  { dynasty: '吴越', first: 908, anchor: '钱镠 took his own era in 908', eras: '天宝16 宝大2 宝正6' },
  {
    dynasty: '北宋',
    first: 960,
    anchor: '陈桥兵变, 960',
    eras:
      '建隆4 ~乾德6 ~开宝9 ~太平兴国9 ~雍熙4 端拱2 淳化5 至道3 咸平6 景德4 大中祥符9 天禧5 乾兴1 天圣10 ~明道2 ' +
      '景祐5 ~宝元3 ~康定2 ~庆历8 皇祐6 ~至和3 ~嘉祐8 治平4 熙宁10 元丰8 元祐9 ~绍圣5 ~元符3 建中靖国1 崇宁5 ' +
      '大观4 政和8 ~重和2 ~宣和7 靖康2',
  },
  {
    dynasty: '南宋',
    first: 1127,
    anchor: '赵构 enthroned at 应天府 after 靖康之变, 1127',
    eras:
      '建炎4 绍兴32 隆兴2 乾道9 淳熙16 绍熙5 庆元6 嘉泰4 开禧3 嘉定17 宝庆3 绍定6 端平3 嘉熙4 淳祐12 宝祐6 开庆1 ' +
      '景定5 咸淳10 德祐2 ~景炎3 ~祥兴2',
  },
  {
    dynasty: '辽',
    first: 916,
    anchor: '耶律阿保机 proclaimed emperor in 916',
    eras:
      '神册7 ~天赞5 ~天显13 ~会同10 ~大同1 ~天禄5 ~应历19 ~保宁11 ~乾亨5 ~统和30 ~开泰10 ~太平11 ~景福2 ~重熙24 ' +
      '~清宁10 咸雍10 大康10 大安10 寿昌7 ~乾统10 天庆10 保大5',
  },
  {
    dynasty: '西夏',
    first: 1090,
    anchor: '天祐民安元年 = 1090 (the earlier 西夏 eras are disputed and not in the table)',
    eras: '天祐民安8 永安3 贞观13 雍宁5 元德9 ~正德8 大德5 大庆4 人庆5 天盛21 乾祐24 天庆13 ~应天4 皇建2 ~光定13 ~乾定4 ~宝义2',
  },
  {
    dynasty: '金',
    first: 1115,
    anchor: '完颜阿骨打 founded 金 in 1115',
    eras: '收国2 天辅7 ~天会15 天眷3 皇统9 ~天德5 ~贞元4 ~正隆6 ~大定29 明昌7 ~承安5 泰和8 大安3 崇庆2 ~至宁1 ~贞祐5 ~兴定6 ~元光2 正大8 开兴1 ~天兴3',
  },
  {
    dynasty: '元',
    first: 1260,
    anchor: '忽必烈 enthroned in 1260',
    eras: '中统5 ~至元31 元贞3 ~大德11 至大4 皇庆2 延祐7 至治3 泰定5 ~致和1 ~天历3 ~至顺4 ~元统3 ~后至元6 至正30',
  },
  {
    dynasty: '明',
    first: 1368,
    anchor: '朱元璋 founded 明 in 1368',
    eras: '洪武31 建文4 永乐22 洪熙1 宣德10 正统14 景泰8 ~天顺8 成化23 弘治18 正德16 嘉靖45 隆庆6 万历48 ~泰昌1 天启7 崇祯17',
  },
  {
    dynasty: '南明',
    first: 1645,
    anchor: '弘光元年 = 1645, the year after 甲申',
    eras: '弘光1 ~隆武2 ~绍武1 永历37',
  },
  { dynasty: '伪齐', first: 1130, anchor: '刘豫 enthroned by 金 in 建炎四年 (1130)', eras: '阜昌8' },
  {
    dynasty: '高昌',
    first: 531,
    anchor: '章和元年 = 531 (麴坚); 延寿十七年 = 640, when 唐 took 高昌',
    eras: '章和18 永平2 和平4 建昌6 延昌41 延和12 义和6 重光4 延寿17',
  },
  { dynasty: '北元', first: 1371, anchor: '爱猷识理答腊 succeeded 顺帝 (d. 1370)', eras: '宣光8 天元10' },
  { dynasty: '后金', first: 1616, anchor: '努尔哈赤 founded 后金 in 1616', eras: '天命11 天聪10' },
  {
    dynasty: '清',
    first: 1636,
    anchor: '皇太极 renamed the state 大清 in 1636',
    eras: '崇德8 顺治18 康熙61 雍正13 乾隆60 嘉庆25 道光30 咸丰11 同治13 光绪34 宣统3',
  },
  { dynasty: '太平天国', first: 1851, anchor: '金田起义, 辛开元年 = 1851', eras: '太平天国14' },
  { dynasty: '民国', first: 1912, anchor: '中华民国 founded 1 January 1912', eras: '民国38' },
];

/** Eras that ran beside the main line of their regime (rival courts, continued counts). */
const PARALLEL: readonly { dynasty: string; era: string; start: number; years: number; why: string }[] = [
  {
    dynasty: '隋',
    era: '义宁',
    start: 617,
    years: 2,
    why: "恭帝侑 in Chang'an while 炀帝 kept 大业 in Jiangdu",
  },
  { dynasty: '隋', era: '皇泰', start: 618, years: 2, why: '恭帝侗 in Luoyang after 炀帝 was killed' },
  { dynasty: '后梁', era: '凤历', start: 913, years: 1, why: "朱友珪's months in 913; 朱友贞 restored 乾化" },
  {
    dynasty: '后汉',
    era: '天福',
    start: 936,
    years: 12,
    why: "刘知远 continued 后晋's count as 天福十二年 (947)",
  },
  { dynasty: '元', era: '天顺', start: 1328, years: 1, why: "阿速吉八 at Shangdu against 文宗's 天历" },
];

/**
 * Regimes whose known eras do not chain: 大理 (eras of disputed span are left out of the table)
 * and the Mongol khans (a regnal count per ruler, with interregna: 拖雷 1228, 海迷失后 after 定宗).
 */
const GAPPED: readonly { dynasty: string; era: string; start: number; years: number; why: string }[] = [
  ...(
    [
      ['保安', 1045, 8],
      ['上德', 1076, 1],
      ['广安', 1077, 4],
      ['上明', 1081, 1],
      ['天授', 1096, 1],
      ['开明', 1097, 6],
      ['天正', 1103, 2],
      ['文安', 1105, 4],
      ['日新', 1109, 1],
      ['文治', 1110, 9],
      ['保天', 1129, 8],
      ['永贞', 1148, 1],
      ['大宝', 1149, 7],
      ['利贞', 1172, 4],
      ['盛德', 1176, 5],
      ['嘉会', 1181, 4],
      ['元亨', 1185, 11],
      ['天开', 1205, 21],
      ['天辅', 1226, 1],
      ['仁寿', 1227, 12],
      ['道隆', 1239, 13],
      ['天定', 1252, 3],
    ] as const
  ).map(([era, start, years]) => ({ dynasty: '大理', era, start, years, why: '段氏 大理国' })),
  { dynasty: '蒙古', era: '太祖', start: 1206, years: 22, why: '成吉思汗 proclaimed in 丙寅 1206, d. 1227' },
  { dynasty: '蒙古', era: '太宗', start: 1229, years: 13, why: '窝阔台 enthroned in 己丑 1229, d. 1241' },
  { dynasty: '蒙古', era: '乃马真后', start: 1242, years: 4, why: '乃马真后 regency from 壬寅 1242' },
  { dynasty: '蒙古', era: '定宗', start: 1246, years: 3, why: '贵由 enthroned in 丙午 1246, d. 1248' },
  { dynasty: '蒙古', era: '海迷失后', start: 1249, years: 2, why: '海迷失后 regency 1249–1250' },
  { dynasty: '蒙古', era: '宪宗', start: 1251, years: 9, why: '蒙哥 enthroned in 辛亥 1251, d. 1259' },
];
const gappedDynasties = new Set(GAPPED.map((g) => g.dynasty));

interface RefEra {
  dynasty: string;
  era: string;
  start: number;
  years: number;
}

function expand(chain: Chain): RefEra[] {
  const result: RefEra[] = [];
  let nextStart = chain.first;
  let previousEnd: number | null = null;
  for (const token of chain.eras.split(' ')) {
    const m = /^(~?)(\D+)(\d+)$/.exec(token);
    if (!m?.[2] || !m[3]) throw new Error(`bad reference token ${token}`);
    const start: number = m[1] === '~' && previousEnd !== null ? previousEnd : nextStart;
    const years = Number(m[3]);
    result.push({ dynasty: chain.dynasty, era: m[2], start, years });
    previousEnd = start + years - 1;
    nextStart = previousEnd + 1;
  }
  return result;
}

const REFERENCE: readonly RefEra[] = [...CHAINS.flatMap(expand), ...PARALLEL, ...GAPPED];
const key = (e: { dynasty: string; era: string }) => `${e.dynasty} ${e.era}`;

/** The n-th table entry (0-based) with this dynasty and era name; 唐 has two 上元. */
function occurrences<T extends { dynasty: string; era: string }>(list: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
const referenceByKey = occurrences([...REFERENCE].sort((a, b) => a.start - b.start));
const tableByKey = occurrences([...ERA_TABLE].sort((a, b) => a.start - b.start));

for (const [name, entries] of tableByKey) {
  entries.forEach((entry, index) => {
    const nth = entries.length > 1 ? ` (#${index + 1})` : '';
    test(`era ${name}${nth}: 元年 and length agree with the reference`, (t) => {
      const ref = referenceByKey.get(name)?.[index];
      if (!ref) return t.fail(`${name}${nth} is in the table but not in the reference`);
      t.is(entry.start, ref.start, 'start year (元年)');
      t.is(entry.end - entry.start + 1, ref.years, 'length in years');
    });
  });
}

test('every era of the reference is in the table', (t) => {
  for (const [name, refs] of referenceByKey) {
    t.is(tableByKey.get(name)?.length ?? 0, refs.length, name);
  }
});

test('the table has the expected number of eras', (t) => {
  t.is(ERA_TABLE.length, REFERENCE.length);
});

// Dated events and editions; 干支 given where the year is known by it.
const EVENTS: readonly [
  dynasty: string,
  era: string,
  eraYear: number,
  year: number,
  ganzhi: string | null,
  event: string,
][] = [
  ['梁', '大通', 2, 528, null, 'known value of dates.md'],
  ['梁', '太清', 2, 548, null, '侯景之乱 breaks out'],
  ['隋', '开皇', 9, 589, null, '隋 conquers 陈'],
  ['隋', '大业', 1, 605, null, "通济渠 begun in 炀帝's first era year"],
  ['唐', '武德', 1, 618, null, '唐 founded'],
  ['唐', '贞观', 23, 649, null, '太宗 dies'],
  ['唐', '天宝', 14, 755, null, '安史之乱 begins (天宝十四载)'],
  ['唐', '建中', 1, 780, null, '两税法'],
  ['唐', '元和', 10, 815, null, '白居易 demoted to 江州'],
  ['唐', '长庆', 4, 824, null, '元稹 prefaces 白氏长庆集'],
  ['唐', '会昌', 5, 845, null, '会昌毁佛'],
  ['唐', '咸通', 9, 868, '戊子', "王玠's 金刚经, the earliest dated printed book"],
  ['唐', '广明', 1, 880, null, '黄巢 takes 长安'],
  ['唐', '天祐', 4, 907, null, 'end of 唐'],
  ['后唐', '长兴', 3, 932, null, '冯道 proposes printing the Nine Classics'],
  ['后晋', '天福', 3, 938, null, '燕云十六州 ceded to 契丹'],
  ['后汉', '天福', 12, 947, null, '刘知远 proclaimed in 天福十二年'],
  ['后周', '广顺', 3, 953, null, 'the 国子监 Nine Classics completed'],
  ['后周', '显德', 7, 960, null, '陈桥兵变'],
  ['后蜀', '广政', 28, 965, null, '后蜀 surrenders to 宋'],
  ['北宋', '建隆', 1, 960, '庚申', '宋 founded'],
  ['北宋', '开宝', 4, 971, null, '开宝藏 carving begun at 益州'],
  ['北宋', '景德', 1, 1004, '甲辰', '澶渊之盟'],
  ['北宋', '庆历', 4, 1044, null, '岳阳楼记: 庆历四年春，滕子京谪守巴陵郡'],
  ['北宋', '熙宁', 2, 1069, null, "王安石's reforms begin"],
  ['北宋', '元丰', 5, 1082, '壬戌', '前赤壁赋: 壬戌之秋'],
  ['北宋', '靖康', 2, 1127, '丁未', '靖康之变'],
  ['南宋', '绍兴', 11, 1141, null, '绍兴和议'],
  ['南宋', '淳熙', 2, 1175, null, '鹅湖之会'],
  ['南宋', '开禧', 2, 1206, null, '开禧北伐'],
  ['南宋', '德祐', 2, 1276, null, '临安surrenders to 元'],
  ['南宋', '祥兴', 2, 1279, '己卯', '崖山'],
  ['辽', '会同', 1, 938, null, '燕云十六州 received'],
  ['辽', '统和', 22, 1004, '甲辰', '澶渊之盟'],
  ['辽', '清宁', 2, 1056, null, '应县木塔 built'],
  ['辽', '保大', 5, 1125, null, 'end of 辽'],
  ['金', '收国', 1, 1115, null, '金 founded'],
  ['金', '天会', 5, 1127, '丁未', '金 takes 汴京 (靖康之变)'],
  ['金', '天兴', 3, 1234, null, 'end of 金 at 蔡州'],
  ['西夏', '宝义', 2, 1227, null, 'end of 西夏'],
  ['元', '中统', 1, 1260, '庚申', '忽必烈 enthroned'],
  ['元', '至元', 8, 1271, null, 'the name 大元 adopted'],
  ['元', '至元', 16, 1279, null, '崖山, end of 南宋'],
  ['元', '延祐', 2, 1315, null, 'first metropolitan examination restored'],
  ['元', '至正', 28, 1368, '戊申', '明 troops take 大都'],
  ['明', '洪武', 1, 1368, '戊申', '明 founded'],
  ['明', '建文', 4, 1402, null, '靖难 ends'],
  ['明', '永乐', 3, 1405, null, "郑和's first voyage"],
  ['明', '永乐', 19, 1421, null, 'capital moved to 北京'],
  ['明', '正统', 14, 1449, '己巳', '土木之变'],
  ['明', '天顺', 1, 1457, null, '夺门之变'],
  ['明', '天顺', 4, 1460, null, 'known value of dates.md'],
  ['明', '嘉靖', 29, 1550, '庚戌', '庚戌之变'],
  ['明', '万历', 15, 1587, null, '“万历十五年”'],
  ['明', '万历', 20, 1592, '壬辰', '壬辰倭乱'],
  ['明', '万历', 33, 1605, null, 'known value of dates.md (王肯堂 edition)'],
  ['明', '崇祯', 17, 1644, '甲申', '甲申之变'],
  ['南明', '永历', 16, 1662, null, '永历帝 killed at 昆明'],
  ['南明', '永历', 37, 1683, null, '明郑 surrenders'],
  ['后金', '天命', 1, 1616, '丙辰', '后金 founded'],
  ['清', '崇德', 1, 1636, null, 'state renamed 大清'],
  ['清', '顺治', 1, 1644, '甲申', '清 enters 北京'],
  ['清', '康熙', 22, 1683, null, '台湾 taken'],
  ['清', '乾隆', 11, 1746, null, 'known value of dates.md'],
  ['清', '乾隆', 25, 1760, null, 'known value of dates.md (內府 edition)'],
  ['清', '乾隆', 38, 1773, null, '四库全书馆 opened'],
  ['清', '道光', 20, 1840, '庚子', 'First Opium War'],
  ['清', '咸丰', 10, 1860, '庚申', '圆明园 burnt'],
  ['清', '光绪', 20, 1894, '甲午', '甲午战争'],
  ['清', '光绪', 24, 1898, '戊戌', '戊戌变法'],
  ['清', '光绪', 26, 1900, '庚子', '庚子事变'],
  ['清', '宣统', 3, 1911, '辛亥', '辛亥革命'],
  ['太平天国', '太平天国', 3, 1853, '癸丑', '天京 taken (癸好三年)'],
  ['民国', '民国', 20, 1931, null, 'known value of dates.md (九一八)'],
  ['蒙古', '太祖', 1, 1206, '丙寅', '成吉思汗 proclaimed at the 斡难河'],
  ['蒙古', '太宗', 1, 1229, '己丑', '窝阔台 enthroned'],
  ['蒙古', '乃马真后', 1, 1242, '壬寅', '孔氏祖庭广记, 蒙古乃馬真后元年（1242）孔元措刻本'],
  ['蒙古', '定宗', 1, 1246, '丙午', '贵由 enthroned'],
  ['蒙古', '宪宗', 6, 1256, '丙辰', '蒙古憲宗六年（1256）刻本 of the precious list'],
  ['蒙古', '宪宗', 9, 1259, '己未', '蒙哥 dies at 钓鱼城'],
  ['伪齐', '阜昌', 1, 1130, '庚戌', '刘豫 enthroned by 金'],
  ['伪齐', '阜昌', 8, 1137, null, '金 abolishes 伪齐'],
  ['高昌', '延寿', 17, 640, '庚子', '唐 takes 高昌'],
  ['北元', '宣光', 1, 1371, '辛亥', 'the year after 顺帝 died at 应昌'],
  ['北元', '天元', 10, 1388, '戊辰', '捕鱼儿海之战'],
  ['大理', '盛德', 5, 1180, '庚子', '张胜温 梵像卷 (盛德五年)'],
  ['大理', '天定', 2, 1253, '癸丑', '蒙古 takes 大理'],
  ['民国', '民国', 26, 1937, '丁丑', '七七事变'],
];

for (const [dynasty, era, eraYear, year, ganzhi, event] of EVENTS) {
  test(`dated event: ${dynasty}${era} ${eraYear} = ${year} (${event})`, (t) => {
    const entries = ERA_TABLE.filter((e) => e.dynasty === dynasty && e.era === era);
    t.is(entries.length, 1);
    const entry = entries[0] as EraEntry;
    t.true(
      eraYear >= (entry.firstYear ?? 1) && eraYear <= entry.end - entry.start + 1,
      'year within the era',
    );
    t.is(entry.start + eraYear - 1, year);
    if (ganzhi) t.is(ganzhiOfYear(year), ganzhi);
  });
}

// Internal consistency of each regime's main line (parallel eras excluded).
const parallelKeys = new Set(PARALLEL.map((p) => `${key(p)} ${p.start}`));
const dynasties = [...new Set(ERA_TABLE.map((e) => e.dynasty))];

for (const dynasty of dynasties) {
  const line = ERA_TABLE.filter((e) => e.dynasty === dynasty && !parallelKeys.has(`${key(e)} ${e.start}`));

  test(`${dynasty}: eras are listed in order and do not overlap`, (t) => {
    t.true(line.length > 0);
    for (const [i, e] of line.entries()) {
      t.true(e.end >= e.start, `${e.era} ends before it starts`);
      const next = line[i + 1];
      // Sharing the changeover year is normal (mid-year 改元); sharing more is an overlap.
      if (next) t.true(next.start >= e.end, `${next.era} (${next.start}) overlaps ${e.era} (to ${e.end})`);
    }
  });

  test(`${dynasty}: consecutive eras chain without gaps`, (t) => {
    t.true(line.length > 0);
    if (gappedDynasties.has(dynasty)) return t.pass('known eras only; see GAPPED');
    for (const [i, e] of line.entries()) {
      const next = line[i + 1];
      if (next)
        t.true(next.start === e.end || next.start === e.end + 1, `gap between ${e.era} and ${next.era}`);
    }
  });

  test(`${dynasty}: has a dynasty span`, (t) => {
    t.truthy(DYNASTY_SPANS.find((s) => s.dynasty === dynasty));
  });
}

test('parallel eras overlap the span of their regime', (t) => {
  for (const p of PARALLEL) {
    const span = DYNASTY_SPANS.find((s) => s.dynasty === p.dynasty);
    t.true(span !== undefined && p.start <= span.end && p.start + p.years - 1 >= span.start, key(p));
  }
});

test("后汉 天福 is valid only from 天福十二年 (947), the year 后汉 continued 后晋's count", (t) => {
  const entry = ERA_TABLE.find((e) => e.dynasty === '后汉' && e.era === '天福');
  t.is(entry?.firstYear, 12);
  t.is(entry?.end, 947);
  t.true(ERA_TABLE.every((e) => e === entry || e.firstYear === undefined));
});

// Eras that began before the usual first year of their dynasty's span.
const BEFORE_SPAN = new Set(['元 中统', '清 崇德']);

test('every era falls within (or touches) its dynasty span', (t) => {
  for (const e of ERA_TABLE) {
    const span = DYNASTY_SPANS.find((s) => s.dynasty === e.dynasty);
    if (!span || BEFORE_SPAN.has(key(e))) continue;
    t.true(
      e.start <= span.end && e.end >= span.start,
      `${key(e)} ${e.start}–${e.end} vs ${span.start}–${span.end}`,
    );
  }
});

test('era names and aliases are unique within a dynasty, except the two 唐上元', (t) => {
  const seen = new Map<string, number>();
  for (const e of ERA_TABLE) {
    for (const name of [e.era, ...(e.aliases ?? [])]) {
      const k = `${e.dynasty} ${name}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
  }
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
  t.deepEqual(duplicates, ['唐 上元']);
});

test('dynasty spans: sane ranges, unique names, family members exist', (t) => {
  const names = new Set<string>();
  for (const s of DYNASTY_SPANS) {
    t.true(s.end >= s.start, s.dynasty);
    for (const n of [s.dynasty, ...(s.aliases ?? [])]) {
      t.false(names.has(n), `duplicate ${n}`);
      names.add(n);
    }
    for (const member of s.eraDynasties ?? []) {
      t.true(
        ERA_TABLE.some((e) => e.dynasty === member),
        `${s.dynasty} → ${member}`,
      );
    }
  }
});

// prettier-ignore
const SPANS: readonly [string, number, number][] = [
  ['唐', 618, 907], ['北宋', 960, 1127], ['南宋', 1127, 1279], ['宋', 960, 1279],
  ['元', 1271, 1368], ['明', 1368, 1644], ['清', 1644, 1911], ['民国', 1912, 1949],
];
for (const [dynasty, start, end] of SPANS) {
  test(`dynasty span ${dynasty} = ${start}–${end}`, (t) => {
    const span = DYNASTY_SPANS.find((s) => s.dynasty === dynasty);
    t.deepEqual([span?.start, span?.end], [start, end]);
  });
}
