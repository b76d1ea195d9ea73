// Export → import is lossless (records.md "Spreadsheet template"): random complete records of both
// types, exported with the template in CSV and XLSX, re-import with every row unchanged and every
// field equal; a sheet with only some columns changes only those fields; files made with the older,
// shorter template still import without blanking anything.

import test from 'ava';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ADMIN, startTestApp, type TestApp } from '../helpers/test-app.js';
import { ApiClient } from '../helpers/api-client.js';
import { createInstitution } from '../helpers/fixtures.js';
import type { RecordInput } from '../../src/domain/record.types.js';
import { EMPTY_RECORD_BODY } from '../../src/census/record-body.js';
import { isFieldOfType } from '../../src/census/record-validation.rules.js';

let app: TestApp;
let admin: ApiClient;
test.before(async () => {
  app = await startTestApp();
  admin = await new ApiClient(app.url).login(ADMIN.email, ADMIN.password);
});
test.after.always(async () => {
  await app?.close();
});

// --- a small seeded generator (deterministic: a failure names its seed) ---------------------------

type Rng = () => number;
function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const between = (rng: Rng, low: number, high: number) => low + Math.floor(rng() * (high - low + 1));
const maybe = <T>(rng: Rng, value: () => T): T | null => (rng() < 0.7 ? value() : null);

// Traditional and simplified characters, punctuation catalogues use, and what spreadsheets trip on.
const CHARS = [...'朱子大全卷目錄陸宣公奏議史記集注補遺藝芸書舍汲古閣黄丕烈顧廣圻校跋題識綫裝线装刻本抄本'];
const ODD = ['\u3000', '；', '“', '”', '"', "'", '\n', '，', '（', '）', ' ', '：', '、'];
const LEADING = ['=', '+', '-', '@'];

/** Free text: CJK with full-width spaces, ；, quotes and newlines inside, sometimes a formula-trigger first. */
function freeText(rng: Rng, max = 12): string {
  let text = rng() < 0.2 ? pick(rng, LEADING) : '';
  const n = between(rng, 1, max);
  for (let i = 0; i < n; i++) text += rng() < 0.25 ? pick(rng, ODD) : pick(rng, CHARS);
  text += pick(rng, CHARS); // never ends in whitespace (cells are trimmed at the edges)
  // Never starts with whitespace (trimmed) or an apostrophe (a formula-safe CSV writer escapes
  // =+-@ with one, and its reader strips it).
  return text.replace(/^['\s\u3000]+/, '') || '書';
}
/** Text for list entries: no list separators, brackets or colons. */
function plainText(rng: Rng, max = 6): string {
  let text = '';
  const n = between(rng, 1, max);
  for (let i = 0; i < n; i++) text += pick(rng, CHARS);
  return text;
}

const NAMES = ['朱熹', '邵寶', '蕭統', '王念孫', '顧炎武', '黄宗羲', '錢謙益', '段玉裁', '何晏', '孔穎達'];
const ROLES = [
  '撰',
  '輯',
  '辑',
  '補注',
  '集解',
  '音義',
  '評點',
  '正義',
  '音注',
  '校注',
  '箋注',
  '編次',
  '傳',
  '注',
];
const DYNASTIES = ['宋', '明', '清', '後秦', '漢', '梁', '唐'];
const ANNOTATION_MODES = ['跋', '題識', '批校', '校', '過錄', '题跋', '批點'];
const GUJI_EDITIONS = [
  '明天順四年（1460）賀沈、胡緝刻本',
  '清乾隆二十五年（1760）內府刻本',
  '明末汲古閣刻本',
  '清抄本',
  '稿本',
  '元刻明修本',
];
const MINGUO_EDITIONS = ['民國二十年（1931）上海商務印書館鉛印本', '民国十年中华书局排印本'];

let serial = 0;

function randomRecord(rng: Rng, institutionId: string): RecordInput {
  const type = rng() < 0.7 ? 'guji' : 'minguo';
  serial += 1;
  const guji = type === 'guji';
  const total = between(rng, 1, 200);
  const size = () => ({ height: between(rng, 100, 400) / 10, width: between(rng, 80, 300) / 10 });
  return {
    type,
    institutionId,
    callNumber: `${pick(rng, ['善', '普', 'T', '=', '@'])}${freeText(rng, 3).replace(/\n/g, '')}${serial}`,
    title: freeText(rng, 20),
    otherTitles: Array.from({ length: between(rng, 0, 2) }, () => plainText(rng)),
    titleSource: maybe(rng, () => freeText(rng)),
    authors: Array.from({ length: between(rng, 0, 3) }, () => ({
      dynasty: maybe(rng, () => pick(rng, DYNASTIES)),
      name: pick(rng, NAMES),
      role: pick(rng, ROLES),
    })),
    edition: guji ? pick(rng, GUJI_EDITIONS) : pick(rng, MINGUO_EDITIONS),
    editionType: maybe(rng, () => pick(rng, ['刻本', '鈔本', '稿本', '朱墨套印本', '石印本'])),
    publisher: maybe(rng, () => freeText(rng)),
    place: maybe(rng, () => freeText(rng, 4)),
    mixedCopies: maybe(rng, () => freeText(rng)),
    printingState: maybe(rng, () => pick(rng, ['初印', '後印', '遞修'])),
    volumes: maybe(rng, () => between(rng, 1, 120)),
    cases: maybe(rng, () => between(rng, 1, 12)),
    extant: guji ? maybe(rng, () => freeText(rng)) : null,
    totalJuan: guji ? total : null,
    extantJuan: guji ? between(rng, 0, total) : null,
    binding: maybe(rng, () =>
      pick(rng, guji ? ['线装', '綫裝', '線裝', '包背裝', '蝴蝶装'] : ['平装', '精裝']),
    ),
    size: maybe(rng, size),
    frame: maybe(rng, size),
    layout: maybe(
      rng,
      () => `半葉${between(rng, 8, 12)}行，行${between(rng, 18, 24)}字，白口，四周雙邊\n${freeText(rng, 3)}`,
    ),
    classification: maybe(rng, () => pick(rng, ['经', '經', '史', '子', '集', '叢'])),
    subclass: maybe(rng, () => freeText(rng, 4)),
    annotations: Array.from({ length: between(rng, 0, 2) }, () => ({
      person: maybe(rng, () => pick(rng, NAMES)),
      mode: pick(rng, ANNOTATION_MODES),
      note: maybe(rng, () => freeText(rng).replace(/[；;]/g, '、')),
    })),
    seals: Array.from({ length: between(rng, 0, 3) }, () => {
      const owner = maybe(rng, () => pick(rng, NAMES));
      return {
        text: plainText(rng),
        owner,
        ownerUnknown: owner === null,
        position: maybe(rng, () => pick(rng, ['卷端', '卷一首葉', '書衣'])),
      };
    }),
    grade: guji ? maybe(rng, () => pick(rng, ['一级甲等', '二級乙等', '三级丙等', '四级', '未定级'])) : null,
    damageGrade: maybe(rng, () => pick(rng, ['一级', '二级', '三級', '四级', '五级', '完好', '未评估'])),
    documentType: guji ? pick(rng, ['汉文古籍', '漢文古籍', '碑帖拓本']) : '汉文古籍',
    script: pick(rng, ['汉文', '漢文', '满文', '多文种']),
    notes: maybe(rng, () => freeText(rng, 30)),
    abstract: maybe(rng, () => freeText(rng, 40)),
    preciousListNumber: guji && rng() < 0.2 ? String(10000 + serial).padStart(5, '0') : null,
    minguoDocumentType: guji ? null : pick(rng, ['图书', '期刊', '報紙']),
    editionStatement: guji ? null : maybe(rng, () => pick(rng, ['初版', '再版', '三版'])),
    printing: guji ? null : maybe(rng, () => freeText(rng, 3)),
    pages: guji ? null : maybe(rng, () => between(rng, 1, 900)),
    serialHoldings: guji ? null : maybe(rng, () => freeText(rng)),
    paper: guji ? null : maybe(rng, () => pick(rng, ['机制纸', '土紙', '其他'])),
    brittleness: guji ? null : maybe(rng, () => pick(rng, ['无', '轻微', '脆化', '一觸即碎'])),
    phReadings: guji
      ? []
      : Array.from({ length: between(rng, 0, 2) }, () => ({
          value: between(rng, 30, 80) / 10,
          method: maybe(rng, () => pick(rng, ['冷抽提法', '表面電極法'])),
          point: maybe(rng, () => pick(rng, ['書口', '第3頁'])),
          measuredAt: maybe(
            rng,
            () => `20${between(rng, 10, 24)}-0${between(rng, 1, 9)}-1${between(rng, 0, 9)}`,
          ),
        })),
    collectionHistory: guji ? null : maybe(rng, () => freeText(rng, 20)),
  };
}

// --- HTTP helpers ------------------------------------------------------------------------------------

async function upload(institutionId: string, name: string, content: Buffer | string) {
  const form = new FormData();
  form.set('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const res = await fetch(`${app.url}/api/institutions/${institutionId}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
  const body = (await res.json()) as { id: string };
  for (let i = 0; i < 600; i++) {
    const job = await admin.get(`/api/imports/${body.id}`);
    if (job.body.status === 'done' || job.body.status === 'failed') return job.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

async function exportFile(institutionId: string, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const res = await fetch(`${app.url}/api/institutions/${institutionId}/export?format=${format}`, {
    headers: { authorization: `Bearer ${admin.token}` },
  });
  if (res.status !== 200) throw new Error(`export ${format}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

const BODY_FIELDS = Object.keys(randomRecord(prng(0), 'x')).filter(
  (k) => k !== 'type' && k !== 'institutionId',
);

/** A record's catalogue fields as the API shows them, in the shape of RecordInput. */
async function stored(censusNumber: string): Promise<Record<string, unknown>> {
  const res = await admin.get(`/api/records/${censusNumber}`);
  const body = res.body as Record<string, unknown> & { edition: { text: string } };
  const out: Record<string, unknown> = { type: body.type };
  for (const field of BODY_FIELDS)
    out[field] = field === 'edition' ? body.edition.text : (body[field] ?? null);
  return out;
}

function expected(record: RecordInput): Record<string, unknown> {
  const out: Record<string, unknown> = { type: record.type };
  for (const field of BODY_FIELDS) out[field] = (record as unknown as Record<string, unknown>)[field];
  return out;
}

/** Strips the apostrophe a formula-safe CSV writer may put before =, +, - and @ (another change makes the importer do the same). */
function cellsOfCsv(file: Buffer): string[][] {
  return parse(file, { bom: true, relax_column_count: true }) as string[][];
}

// --- the tests -----------------------------------------------------------------------------------------

// The 民国-only fields as a new record has them (a 古籍 must leave them empty).
const EMPTY_MINGUO_FIELDS = Object.fromEntries(
  Object.entries(EMPTY_RECORD_BODY).filter(([field]) => !isFieldOfType('guji', field)),
);

test('random complete records of both types export and re-import unchanged, every field equal (CSV and XLSX)', async (t) => {
  const inst = await createInstitution(admin, '350000');
  const seed = 20261204;
  const rng = prng(seed);
  const records: Array<{ input: RecordInput; censusNumber: string }> = [];
  for (let i = 0; i < 40; i++) {
    const input = randomRecord(rng, inst.id);
    const res = await admin.post('/api/records', input);
    t.is(res.status, 201, `seed ${seed} record ${i}: ${res.text} ${JSON.stringify(input)}`);
    records.push({ input, censusNumber: res.body.censusNumber });
  }
  for (const r of records) t.deepEqual(await stored(r.censusNumber), expected(r.input), 'stored as sent');

  for (const format of ['csv', 'xlsx'] as const) {
    const file = await exportFile(inst.id, format);
    const job = await upload(inst.id, `export.${format}`, file);
    t.is(job.status, 'done', JSON.stringify(job));
    t.is(job.unchanged, records.length, `${format}: ${JSON.stringify(job.errors?.slice(0, 5))}`);
    t.is(job.created + job.updated + job.failed + job.conflicts, 0, `${format}: ${JSON.stringify(job)}`);
  }
  for (const r of records)
    t.deepEqual(await stored(r.censusNumber), expected(r.input), 'after the re-imports');

  // The reported bug: change one title in the export and import it back — only that title changes.
  const rows = cellsOfCsv(await exportFile(inst.id, 'csv'));
  const header = rows[0]!;
  const titleAt = header.indexOf('题名卷数');
  const callAt = header.indexOf('索书号');
  const target = records.find((r) => r.input.type === 'guji')!;
  const row = rows.find((cells) => cells[callAt]?.replace(/^'/, '') === target.input.callNumber)!;
  row[titleAt] = '杜工部集二十卷';
  const edited = await upload(inst.id, 'edited.csv', '\ufeff' + stringify(rows));
  t.is(edited.updated, 1, JSON.stringify(edited));
  t.is(edited.unchanged, records.length - 1);
  t.deepEqual(await stored(target.censusNumber), { ...expected(target.input), title: '杜工部集二十卷' });
});

test('a sheet with only some columns changes only those fields; an absent column never blanks one', async (t) => {
  const inst = await createInstitution(admin, '320000');
  const rng = prng(7);
  const input: RecordInput = { ...randomRecord(rng, inst.id), type: 'guji' };
  Object.assign(input, {
    callNumber: '善 00123',
    totalJuan: 100,
    extantJuan: 90,
    size: { height: 27.5, width: 17.2 },
    frame: { height: 20.1, width: 14.3 },
    layout: '半葉十行，行二十字，白口，四周雙邊',
    ...EMPTY_MINGUO_FIELDS,
    grade: '二级乙等',
    edition: '清抄本',
  });
  const created = await admin.post('/api/records', input);
  t.is(created.status, 201, created.text);
  const job = await upload(inst.id, 'partial.csv', '索书号,题名卷数,册数\r\n善 00123,朱子大全一百卷,12\r\n');
  t.is(job.status, 'done', JSON.stringify(job));
  t.is(job.updated, 1, JSON.stringify(job));
  t.deepEqual(await stored(created.body.censusNumber), {
    ...expected(input),
    title: '朱子大全一百卷',
    volumes: 12,
  });

  // A cell left empty in a column the file has does clear that field (that is what the file says).
  const cleared = await upload(inst.id, 'clear.csv', '索书号,题名卷数,开本\r\n善 00123,朱子大全一百卷,\r\n');
  t.is(cleared.updated, 1, JSON.stringify(cleared));
  t.deepEqual(await stored(created.body.censusNumber), {
    ...expected(input),
    title: '朱子大全一百卷',
    volumes: 12,
    size: null,
  });
});

test('an export made with the old, shorter template imports without blanking anything', async (t) => {
  const inst = await createInstitution(admin, '110000');
  const base: RecordInput = {
    ...randomRecord(prng(3), inst.id),
    type: 'guji',
    callNumber: 'T5612/4432',
    title: '陸宣公奏議二十二卷',
    authors: [
      { dynasty: '唐', name: '陸贄', role: '撰' },
      { dynasty: '宋', name: '郎曄', role: '注' },
    ],
    edition: '明萬曆三十三年（1605）王肯堂刻本',
    editionType: '刻本',
    volumes: 8,
    extant: null,
    binding: '线装',
    classification: '史',
    annotations: [{ person: '（清）黄丕烈', mode: '跋', note: null }],
    seals: [{ text: '汪士鐘印', owner: '汪士鐘', ownerUnknown: false, position: null }],
    grade: '二级乙等',
    damageGrade: '三级',
    documentType: '汉文古籍',
    script: '汉文',
    notes: null,
    preciousListNumber: null,
    totalJuan: 22,
    extantJuan: 22,
    size: { height: 26, width: 16.5 },
    frame: { height: 19.8, width: 14 },
    layout: '半葉九行，行十八字，白口，左右雙邊',
    minguoDocumentType: null,
    editionStatement: null,
    printing: null,
    pages: null,
    serialHoldings: null,
    paper: null,
    brittleness: null,
    phReadings: [],
    collectionHistory: null,
  };
  const created = await admin.post('/api/records', base);
  t.is(created.status, 201, created.text);
  // The template's columns before this change, as an institution's saved export has them.
  const header =
    '索书号,题名卷数,著者,版本,版本类型,册数,存缺卷数,装帧形式,分类,批校题跋,钤印,古籍级别,破损级别,文献类型,文种,附注,名录号,记录类型';
  const line = (title: string) =>
    [
      'T5612/4432',
      title,
      '（唐）陸贄撰\u3000（宋）郎曄注',
      '明萬曆三十三年（1605）王肯堂刻本',
      '刻本',
      '8',
      '',
      '线装',
      '史',
      '（清）黄丕烈跋',
      '汪士鐘印（汪士鐘）',
      '二级乙等',
      '三级',
      '汉文古籍',
      '汉文',
      '',
      '',
      '古籍',
    ].join(',');
  const same = await upload(inst.id, 'old.csv', `\ufeff${header}\r\n${line('陸宣公奏議二十二卷')}\r\n`);
  t.is(same.unchanged, 1, JSON.stringify(same));
  const changed = await upload(inst.id, 'old.csv', `\ufeff${header}\r\n${line('陸宣公奏議二十四卷')}\r\n`);
  t.is(changed.updated, 1, JSON.stringify(changed));
  t.deepEqual(await stored(created.body.censusNumber), { ...expected(base), title: '陸宣公奏議二十四卷' });
});
