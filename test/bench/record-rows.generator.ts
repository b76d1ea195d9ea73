// Generated import-template rows for benchmarks and large-file tests: realistic catalogue content in
// traditional characters (as institutions' inventories are written), deterministic for a seed, with
// an optional share of rows that the importer must reject.

import { createWriteStream } from 'node:fs';
import {
  TEMPLATE_COLUMNS,
  TEMPLATE_HEADER,
  type TemplateHeader,
} from '../../src/census/spreadsheet/template.js';
import { writeCsv } from '../../src/census/spreadsheet/writers.js';

/** One template row keyed by the Chinese headers. */
export type GeneratedRow = Record<TemplateHeader, string>;

/** Why a generated row is invalid (null for a valid row). */
export type InvalidReason = 'volumes' | 'binding' | 'era_year' | 'republican_date' | 'empty_title';

/** Options of the generator. */
export interface GenerateOptions {
  /** Share of rows (0–1) made invalid, spread evenly over the reasons. Default 0. */
  invalidShare?: number;
  /** PRNG seed; the same seed gives the same rows. Default 1. */
  seed?: number;
}

/** mulberry32: small, fast and good enough to vary test data reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** An era year in words: 1 → 元, 33 → 三十三. */
function eraYearText(n: number): string {
  if (n === 1) return '元';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`}${DIGITS[ones]}`;
}

// Works with their usual responsibility statements and class (經史子集叢).
const WORKS: ReadonlyArray<{ title: string; authors: string; cls: string }> = [
  { title: '朱子大全一百卷目錄二卷', authors: '（宋）朱熹撰', cls: '集' },
  { title: '陸宣公奏議二十二卷', authors: '（唐）陸贄撰\u3000（宋）郎曄注', cls: '史' },
  { title: '史記一百三十卷', authors: '（漢）司馬遷撰\u3000（南朝宋）裴駰集解', cls: '史' },
  { title: '漢書一百卷', authors: '（漢）班固撰\u3000（唐）顏師古注', cls: '史' },
  { title: '資治通鑑二百九十四卷', authors: '（宋）司馬光撰\u3000（元）胡三省音注', cls: '史' },
  { title: '杜工部集二十卷', authors: '（唐）杜甫撰', cls: '集' },
  { title: '昌黎先生集四十卷外集十卷', authors: '（唐）韓愈撰', cls: '集' },
  { title: '說文解字十五卷', authors: '（漢）許慎撰', cls: '經' },
  { title: '周易本義四卷', authors: '（宋）朱熹撰', cls: '經' },
  { title: '文選六十卷', authors: '（南朝梁）蕭統輯\u3000（唐）李善注', cls: '集' },
  { title: '世說新語三卷', authors: '（南朝宋）劉義慶撰\u3000（南朝梁）劉孝標注', cls: '子' },
  { title: '本草綱目五十二卷', authors: '（明）李時珍撰', cls: '子' },
  { title: '太平廣記五百卷', authors: '（宋）李昉等輯', cls: '子' },
  { title: '水經注四十卷', authors: '（北魏）酈道元撰', cls: '史' },
  { title: '容齋隨筆十六卷', authors: '（宋）洪邁撰', cls: '子' },
  { title: '夢溪筆談二十六卷', authors: '（宋）沈括撰', cls: '子' },
  { title: '楚辭章句十七卷', authors: '（漢）王逸撰', cls: '集' },
  { title: '日知錄三十二卷', authors: '（清）顧炎武撰', cls: '子' },
  { title: '古文辭類纂七十四卷', authors: '（清）姚鼐輯', cls: '集' },
  { title: '四書章句集注十九卷', authors: '（宋）朱熹撰', cls: '經' },
  { title: '唐詩品彙九十卷', authors: '（明）高棅輯', cls: '集' },
  { title: '白氏長慶集七十一卷', authors: '（唐）白居易撰', cls: '集' },
  { title: '南華真經十卷', authors: '（周）莊周撰\u3000（晉）郭象注', cls: '子' },
  { title: '天工開物三卷', authors: '（明）宋應星撰', cls: '子' },
  { title: '農政全書六十卷', authors: '（明）徐光啓撰；（明）陳子龍輯', cls: '子' },
  { title: '十三經注疏四百十六卷', authors: '（清）阮元校', cls: '經' },
  { title: '津逮秘書一百四十四種', authors: '（明）毛晉輯', cls: '叢' },
  { title: '漢魏叢書九十六種', authors: '（明）程榮輯', cls: '叢' },
  { title: '知不足齋叢書不分卷', authors: '（清）鮑廷博輯', cls: '叢' },
  { title: '東坡先生全集七十五卷', authors: '（宋）蘇軾撰', cls: '集' },
  { title: '欽定四庫全書總目二百卷', authors: '（清）紀昀等撰', cls: '史' },
  { title: '邵子全書二十四卷', authors: '（宋）邵雍撰\u3000（明）徐必達輯', cls: '子' },
];

// Reign eras with the Gregorian year of 元年 and their number of years.
const ERAS: ReadonlyArray<{ dynasty: string; era: string; start: number; years: number }> = [
  { dynasty: '宋', era: '紹興', start: 1131, years: 32 },
  { dynasty: '宋', era: '淳熙', start: 1174, years: 16 },
  { dynasty: '宋', era: '嘉定', start: 1208, years: 17 },
  { dynasty: '元', era: '大德', start: 1297, years: 11 },
  { dynasty: '元', era: '至正', start: 1341, years: 28 },
  { dynasty: '明', era: '洪武', start: 1368, years: 31 },
  { dynasty: '明', era: '正統', start: 1436, years: 14 },
  { dynasty: '明', era: '成化', start: 1465, years: 23 },
  { dynasty: '明', era: '弘治', start: 1488, years: 18 },
  { dynasty: '明', era: '嘉靖', start: 1522, years: 45 },
  { dynasty: '明', era: '萬曆', start: 1573, years: 48 },
  { dynasty: '明', era: '崇禎', start: 1628, years: 17 },
  { dynasty: '清', era: '順治', start: 1644, years: 18 },
  { dynasty: '清', era: '康熙', start: 1662, years: 61 },
  { dynasty: '清', era: '雍正', start: 1723, years: 13 },
  { dynasty: '清', era: '乾隆', start: 1736, years: 60 },
  { dynasty: '清', era: '嘉慶', start: 1796, years: 25 },
  { dynasty: '清', era: '道光', start: 1821, years: 30 },
  { dynasty: '清', era: '同治', start: 1862, years: 13 },
  { dynasty: '清', era: '光緒', start: 1875, years: 34 },
];

const PRINTERS = [
  '王肯堂',
  '內府',
  '毛氏汲古閣',
  '武英殿',
  '金陵書局',
  '崇文書局',
  '吳勉學',
  '閔齊伋',
  '掃葉山房',
  '鮑氏知不足齋',
  '黃氏士禮居',
  '楊氏海源閣',
];
// Edition kinds with the edition type a cataloguer would give them.
const KINDS: ReadonlyArray<{ kind: string; type: string }> = [
  { kind: '刻本', type: '刻本' },
  { kind: '刻本', type: '刻本' },
  { kind: '刻遞修本', type: '遞修本' },
  { kind: '木活字印本', type: '木活字本' },
  { kind: '銅活字印本', type: '銅活字本' },
  { kind: '朱墨套印本', type: '套印本' },
];
const UNDATED = [
  { edition: '明嘉靖刻本', type: '刻本' },
  { edition: '清乾隆刻本', type: '刻本' },
  { edition: '清抄本', type: '抄本' },
  { edition: '明抄本', type: '抄本' },
  { edition: '稿本', type: '稿本' },
  { edition: '元刻明修本', type: '遞修本' },
  { edition: '宋刻本', type: '刻本' },
  { edition: '清武英殿聚珍版印本', type: '聚珍版' },
];
const BINDINGS = ['綫裝', '綫裝', '綫裝', '線裝', '包背裝', '蝴蝶裝', '經折裝', '金鑲玉', '毛裝'];
const SEALS = [
  '黃丕烈印（黃丕烈）',
  '士禮居藏（黃丕烈）',
  '汪士鐘印（汪士鐘）',
  '鐵琴銅劍樓（瞿鏞）',
  '楊氏海源閣藏（楊以增）',
  '季振宜藏書（季振宜）',
  '毛晉私印（毛晉）',
  '乾隆御覽之寶',
  '天祿琳琅',
  '北京圖書館藏',
  '雲間朱氏（印主不詳）',
  '古香樓（印主不詳）',
];
const ANNOTATIONS = [
  '清黃丕烈跋',
  '（清）顧廣圻校',
  '清何焯批校',
  '（清）錢大昕題識',
  '傅增湘跋：民國十年記',
  '（清）翁方綱批點',
];
const GRADES = [
  '一级甲等',
  '一级乙等',
  '二级甲等',
  '二级乙等',
  '二级丙等',
  '三级甲等',
  '三级乙等',
  '三级丙等',
  '三级丙等',
  '四级',
  '四级',
  '四级',
  '未定级',
];
const DAMAGE = ['完好', '完好', '一级', '二级', '三级', '三级', '四级', '四级', '五级', '未评估'];
const NOTES = ['卷三至五配清抄本', '書衣有題簽', '有蟲蛀', '鈐印多方', '版心下鐫刻工姓名'];
const REASONS: readonly InvalidReason[] = [
  'volumes',
  'binding',
  'era_year',
  'republican_date',
  'empty_title',
];

function editionOf(rng: Rng): { edition: string; type: string } {
  if (rng() < 0.3) return pick(rng, UNDATED);
  const era = pick(rng, ERAS);
  const year = between(rng, 1, era.years);
  const kind = pick(rng, KINDS);
  const printer = rng() < 0.7 ? pick(rng, PRINTERS) : '';
  return {
    edition: `${era.dynasty}${era.era}${eraYearText(year)}年（${era.start + year - 1}）${printer}${kind.kind}`,
    type: kind.type,
  };
}

/** 存缺卷 text for the first `n` juan: 存三卷（一至三）. */
function extantText(n: number): string {
  return `存${eraYearText(n)}卷（一至${eraYearText(n)}）`;
}

function someOf(rng: Rng, list: readonly string[], max: number): string[] {
  const n = between(rng, 0, max);
  const chosen = new Set<string>();
  while (chosen.size < n) chosen.add(pick(rng, list));
  return [...chosen];
}

function validRow(rng: Rng, index: number): GeneratedRow {
  const work = pick(rng, WORKS);
  const { edition, type } = editionOf(rng);
  const prefix = pick(rng, ['善', '普', '綫普', 'T']);
  return {
    索书号: `${prefix}${String(index + 1).padStart(6, '0')}`,
    题名卷数: work.title,
    著者: work.authors,
    版本: edition,
    版本类型: type,
    册数: String(between(rng, 1, rng() < 0.9 ? 24 : 120)),
    存缺卷数: rng() < 0.15 ? extantText(between(rng, 2, 9)) : '',
    装帧形式: pick(rng, BINDINGS),
    分类: work.cls,
    批校题跋: someOf(rng, ANNOTATIONS, rng() < 0.8 ? 0 : 2).join('；'),
    钤印: someOf(rng, SEALS, 4).join('；'),
    古籍级别: pick(rng, GRADES),
    破损级别: pick(rng, DAMAGE),
    文献类型: rng() < 0.5 ? '汉文古籍' : '',
    文种: rng() < 0.5 ? '汉文' : '',
    附注: rng() < 0.2 ? pick(rng, NOTES) : '',
    // A 名录 number names one item: distinct per row (7919 is coprime to the 13,026 entries listed).
    名录号: rng() < 0.01 ? String(1 + ((index * 7919) % 13026)).padStart(5, '0') : '',
    // The rest of the full template: physical description and the other 古籍 fields.
    ...physical(rng),
    版次: '',
    印次: '',
    页数: '',
    馆藏卷期: '',
    纸张: '',
    脆化程度: '',
    酸度: '',
    典藏史: '',
    记录类型: rng() < 0.5 ? '古籍' : '',
  };
}

/** 开本, 版框, 行款版式, 总卷数 … of the full template, as catalogues write them. */
function physical(rng: Rng) {
  const total = between(rng, 1, 120);
  const cm = (low: number, high: number) => (between(rng, low * 10, high * 10) / 10).toString();
  return {
    其他题名: rng() < 0.1 ? '陸宣公集' : '',
    题名来源: rng() < 0.5 ? '卷端' : '',
    出版者: rng() < 0.3 ? pick(rng, ['汲古閣', '毛氏汲古閣', '武英殿', '掃葉山房']) : '',
    出版地: rng() < 0.3 ? pick(rng, ['常熟', '北京', '蘇州', '杭州']) : '',
    配补: rng() < 0.05 ? '卷三至五配清抄本' : '',
    印刷状态: rng() < 0.2 ? pick(rng, ['初印', '後印', '遞修']) : '',
    函数: rng() < 0.6 ? String(between(rng, 1, 8)) : '',
    总卷数: String(total),
    存卷数: String(rng() < 0.85 ? total : between(rng, 0, total)),
    开本: `${cm(20, 32)}×${cm(12, 20)}`,
    版框: `${cm(15, 24)}×${cm(10, 16)}`,
    行款版式: `${between(rng, 8, 12)}行${between(rng, 18, 24)}字，${pick(rng, ['白口', '黑口'])}，${pick(rng, ['四周單邊', '左右雙邊', '四周雙邊'])}，${pick(rng, ['單', '雙'])}魚尾`,
    小类: rng() < 0.5 ? pick(rng, ['別集類', '總集類', '詔令奏議類']) : '',
    提要: rng() < 0.05 ? '是書前有序，後有跋。' : '',
  };
}

function spoil(rng: Rng, row: GeneratedRow, reason: InvalidReason): GeneratedRow {
  switch (reason) {
    case 'volumes':
      return { ...row, 册数: pick(rng, ['0', '三冊', '2.5', '-1', '十']) };
    case 'binding':
      return { ...row, 装帧形式: pick(rng, ['竹簡裝', '騎馬釘', '膠裝']) };
    case 'era_year': {
      // Twenty years past the era's end (乾隆八十年, 雍正三十三年 …), beyond the default margin of 10.
      const era = pick(
        rng,
        ERAS.filter((e) => e.dynasty === '清' || e.dynasty === '明'),
      );
      const year = era.years + 20;
      return {
        ...row,
        版本: `${era.dynasty}${era.era}${eraYearText(year)}年（${era.start + year - 1}）刻本`,
      };
    }
    case 'republican_date':
      return {
        ...row,
        版本: pick(rng, ['民國十年（1921）上海商務印書館石印本', '民國十二年（1923）中華書局鉛印本']),
        记录类型: '古籍',
      };
    case 'empty_title':
      return { ...row, 题名卷数: '' };
  }
}

/** Rows with the reason each invalid one was spoiled for (null for valid rows). */
export async function* generateRecordRowCases(
  count: number,
  options: GenerateOptions = {},
): AsyncGenerator<{ row: GeneratedRow; invalid: InvalidReason | null }> {
  const rng = prng(options.seed ?? 1);
  const share = options.invalidShare ?? 0;
  for (let i = 0; i < count; i++) {
    const row = validRow(rng, i);
    if (rng() < share) {
      const reason = REASONS[i % REASONS.length]!;
      yield { row: spoil(rng, row, reason), invalid: reason };
    } else {
      yield { row, invalid: null };
    }
  }
}

/** `count` template rows (Chinese header keys), deterministic for the seed. */
export async function* generateRecordRows(
  count: number,
  options: GenerateOptions = {},
): AsyncGenerator<GeneratedRow> {
  for await (const { row } of generateRecordRowCases(count, options)) yield row;
}

/** Writes rows as a template CSV (UTF-8 with BOM, Chinese headers) and resolves when the file is closed. */
export async function writeCsvFile(
  path: string,
  rows: AsyncIterable<GeneratedRow> | Iterable<GeneratedRow>,
): Promise<void> {
  async function* values() {
    for await (const row of rows) yield TEMPLATE_COLUMNS.map((column) => row[column.zh]);
  }
  await writeCsv(createWriteStream(path), TEMPLATE_HEADER, values());
}
