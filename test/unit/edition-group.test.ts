import test from 'ava';
import { editionCore, editionGroupKey } from '../../src/search/edition-group.rules.js';

const shiji = (edition: string, names = ['司馬遷', '裴駰']) => ({
  title: '史記一百三十卷',
  authors: names.map((name) => ({ dynasty: '漢', name, role: '撰' })),
  edition,
});

const cores: Array<[string, string | null]> = [
  ['明萬曆三十三年（1605）王肯堂刻本', '明万历三十三年王肯堂刻'],
  ['明萬曆三十三年王肯堂刻本（卷一至三配清抄本）', '明万历三十三年王肯堂刻'],
  ['明嘉靖二十四年（1545）孔天胤刻本', '明嘉靖二十四年孔天胤刻'],
  ['清康熙四十四年（1705）揚州詩局刻本', '清康熙四十四年扬州诗局刻'],
  ['民國八年（1919）上海商務印書館影印本', '民国八年上海商务印书馆影印'],
  ['清乾隆武英殿木活字本', '清乾隆武英殿木活字'],
  ['明嘉靖刻本', null], // dynasty + era only: several editions of one reign
  ['明刻本', null],
  ['清內府刻本', null],
  ['清抄本', null], // manuscripts are each their own object
  ['稿本', null],
  ['清陳氏向山閣抄本', null],
  ['', null],
];
for (const [statement, core] of cores) {
  test(`editionCore(${statement || '(empty)'})`, (t) => t.is(editionCore(statement), core));
}

test('copies of one edition share a key whatever the copy notes, spelling and later printing state', (t) => {
  const key = editionGroupKey(shiji('明萬曆三十三年（1605）王肯堂刻本'));
  t.truthy(key);
  t.is(editionGroupKey(shiji('明万历三十三年王肯堂刻本')), key);
  t.is(editionGroupKey(shiji('明萬曆三十三年（1605）王肯堂刻本（目錄配清抄本）')), key);
  t.is(editionGroupKey(shiji('明萬曆三十三年王肯堂刻清康熙遞修本')), key);
  t.is(
    editionGroupKey({
      ...shiji('明萬曆三十三年王肯堂刻本'),
      authors: [
        { dynasty: '西漢', name: '司马迁', role: '著' },
        { dynasty: '南朝宋', name: '裴骃', role: '集解' },
      ],
    }),
    key,
  );
});

test('a commentator left out by one catalogue does not split the group', (t) => {
  t.is(
    editionGroupKey(shiji('明萬曆三十三年王肯堂刻本', ['司馬遷'])),
    editionGroupKey(shiji('明萬曆三十三年王肯堂刻本')),
  );
});

test('another year, printer, work or person is another edition', (t) => {
  const key = editionGroupKey(shiji('明萬曆三十三年王肯堂刻本'));
  t.not(editionGroupKey(shiji('明萬曆三十四年王肯堂刻本')), key);
  t.not(editionGroupKey(shiji('明萬曆三十三年吳勉學刻本')), key);
  t.not(editionGroupKey({ ...shiji('明萬曆三十三年王肯堂刻本'), title: '漢書一百二十卷' }), key);
  t.not(editionGroupKey(shiji('明萬曆三十三年王肯堂刻本', ['班固'])), key);
});

test('a vague or manuscript edition forms no group', (t) => {
  t.is(editionGroupKey(shiji('明嘉靖刻本')), null);
  t.is(editionGroupKey(shiji('清抄本')), null);
});
