// `npm run bench:same-edition`: how well the 同版 rule (src/search/edition-group.rules.ts) groups
// copies of one edition, on generated catalogue entries whose true edition is known. Copies of an
// edition are written the ways institutions write them (simplified or traditional, with or without
// the Gregorian year, with copy notes, later printing states, other roles and dynasty prefixes, a
// second person left out, an abbreviated printer); other editions differ by a year or a printer
// only, and some statements are too vague to tell editions apart. Prints pairwise precision and
// recall (a pair = two copies; a true pair = the same edition).

import { editionGroupKey } from '../../src/search/edition-group.rules.js';
import { foldTerm } from '../../src/census/term-folding.rules.js';
import type { Responsibility } from '../../src/domain/record.types.js';
import { prng } from './record-rows.generator.js';

const SEED = Number(process.env.SEED ?? 7);
const WORK_COUNT = Number(process.env.WORKS ?? 400);

const random = prng(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (p: number) => random() < p;

const WORKS: Array<[string, Array<[string, string, string]>]> = [
  [
    '史記一百三十卷',
    [
      ['漢', '司馬遷', '撰'],
      ['南朝宋', '裴駰', '集解'],
    ],
  ],
  [
    '漢書一百卷',
    [
      ['漢', '班固', '撰'],
      ['唐', '顏師古', '注'],
    ],
  ],
  [
    '資治通鑑二百九十四卷',
    [
      ['宋', '司馬光', '撰'],
      ['元', '胡三省', '音注'],
    ],
  ],
  [
    '文選六十卷',
    [
      ['梁', '蕭統', '輯'],
      ['唐', '李善', '注'],
    ],
  ],
  ['杜工部集二十卷', [['唐', '杜甫', '撰']]],
  ['朱子語類一百四十卷', [['宋', '黎靖德', '編']]],
  [
    '說文解字十五卷',
    [
      ['漢', '許慎', '撰'],
      ['宋', '徐鉉', '校定'],
    ],
  ],
  ['陸宣公奏議二十二卷', [['唐', '陸贄', '撰']]],
  ['楚辭章句十七卷', [['漢', '王逸', '撰']]],
  [
    '韓昌黎集四十卷',
    [
      ['唐', '韓愈', '撰'],
      ['宋', '朱熹', '考異'],
    ],
  ],
  ['太平御覽一千卷', [['宋', '李昉', '等輯']]],
  ['水經注四十卷', [['北魏', '酈道元', '撰']]],
];
const ERAS: Array<[string, string, number, number]> = [
  ['明', '嘉靖', 1522, 45],
  ['明', '萬曆', 1573, 48],
  ['明', '崇禎', 1628, 17],
  ['清', '康熙', 1662, 61],
  ['清', '乾隆', 1736, 60],
  ['清', '道光', 1821, 30],
];
const PRINTERS: Array<[string, string]> = [
  ['南京國子監', '南監'],
  ['毛氏汲古閣', '汲古閣'],
  ['武英殿', '殿'],
  ['揚州詩局', '詩局'],
  ['金陵書局', '金陵局'],
  ['吳勉學', '吳勉學'],
  ['王肯堂', '王肯堂'],
  ['孔天胤', '孔天胤'],
];
const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function numeral(n: number): string {
  if (n === 1) return '元';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${NUMERALS[tens]}十`}${NUMERALS[ones]}`;
}

interface Edition {
  id: number;
  dynasty: string;
  era: string;
  year: number;
  gregorian: number;
  printer: [string, string];
  vague: boolean;
}
interface Copy {
  edition: number;
  title: string;
  authors: Responsibility[];
  edition_: string;
}

function editionsOf(firstId: number): Edition[] {
  const editions: Edition[] = [];
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    // Near misses: the next edition often shares the era and printer, one year apart.
    const previous = editions.at(-1);
    const nearMiss = previous !== undefined && chance(0.4);
    const [dynasty, era, start, length] = nearMiss ? ERAS.find((e) => e[1] === previous.era)! : pick(ERAS);
    const year = nearMiss
      ? previous.year < length
        ? previous.year + 1
        : previous.year - 1
      : 1 + Math.floor(random() * length);
    editions.push({
      id: firstId + i,
      dynasty,
      era,
      year,
      gregorian: start - 1 + year,
      printer: nearMiss && chance(0.5) ? previous.printer : pick(PRINTERS),
      vague: chance(0.1),
    });
  }
  return editions;
}

function writeCopy(work: (typeof WORKS)[number], edition: Edition): Copy {
  const simplified = chance(0.3);
  const spell = (text: string) => (simplified ? foldTerm(text) : text);
  let statement: string;
  if (edition.vague) {
    statement = `${edition.dynasty}${edition.era}刻本`;
  } else {
    const printer = chance(0.05) ? edition.printer[1] : edition.printer[0];
    const bracket = chance(0.6) ? `（${edition.gregorian}）` : '';
    const state = chance(0.15) ? '清遞修本' : chance(0.1) ? '後印本' : '本';
    const note = chance(0.2) ? '（卷一至三配清抄本）' : '';
    statement = `${edition.dynasty}${edition.era}${numeral(edition.year)}年${bracket}${printer}刻${state}${note}`;
  }
  const persons = work[1].filter((_, i) => i === 0 || !chance(0.1));
  const authors = persons.map(([dynasty, name, role]) => ({
    dynasty: chance(0.2) ? null : dynasty,
    name: spell(name),
    role: chance(0.2) ? '著' : role,
  }));
  return { edition: edition.id, title: spell(work[0]), authors, edition_: spell(statement) };
}

const copies: Copy[] = [];
let nextEdition = 0;
for (let w = 0; w < WORK_COUNT; w++) {
  const work = WORKS[w % WORKS.length]!;
  // Each generated "work" is its own title variant so that works of one template do not collide.
  const variant: (typeof WORKS)[number] = [`${work[0]}${w >= WORKS.length ? `（第${w}種）` : ''}`, work[1]];
  for (const edition of editionsOf(nextEdition)) {
    nextEdition = edition.id + 1;
    const held = 1 + Math.floor(random() * 5);
    for (let c = 0; c < held; c++) copies.push(writeCopy(variant, edition));
  }
}

const keys = copies.map((c) => editionGroupKey({ title: c.title, authors: c.authors, edition: c.edition_ }));
let truePairs = 0;
let predictedPairs = 0;
let correctPairs = 0;
for (let i = 0; i < copies.length; i++) {
  for (let j = i + 1; j < copies.length; j++) {
    const same = copies[i]!.edition === copies[j]!.edition;
    const grouped = keys[i] !== null && keys[i] === keys[j];
    if (same) truePairs++;
    if (grouped) predictedPairs++;
    if (same && grouped) correctPairs++;
  }
}
const percent = (n: number) => `${(100 * n).toFixed(1)}%`;
console.log(
  `same-edition rule on ${copies.length} generated copies of ${nextEdition} editions (seed ${SEED}):`,
);
console.log(`  true pairs ${truePairs}, grouped pairs ${predictedPairs}, correct ${correctPairs}`);
console.log(
  `  precision ${percent(correctPairs / predictedPairs)}  recall ${percent(correctPairs / truePairs)}`,
);
console.log(`  copies in no group (vague or manuscript): ${keys.filter((k) => k === null).length}`);
