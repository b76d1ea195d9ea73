import test from 'ava';
import { chicago, gbt7714, type CitableRecord } from '../../src/search/citation.rules.js';

const shiji: CitableRecord = {
  censusNumber: '350000-2001-0000001',
  title: '史記一百三十卷',
  authors: [
    { dynasty: '漢', name: '司馬遷', role: '撰' },
    { dynasty: '南朝宋', name: '裴駰', role: '集解' },
  ],
  edition: '明萬曆二十四年（1596）南京國子監刻本',
  publisher: '南京國子監',
  place: '南京',
  yearFrom: 1596,
  yearTo: 1596,
  institutionName: '福建省图书馆',
  url: 'https://census.example.org/records/350000-2001-0000001',
};
const cited = new Date('2026-12-04T09:00:00Z');

test('GB/T 7714-2015: names, title [M/OL], edition, imprint, holding, date cited, permalink', (t) => {
  t.is(
    gbt7714(shiji, cited),
    '司馬遷, 裴駰. 史記一百三十卷[M/OL]. 明萬曆二十四年（1596）南京國子監刻本. 南京: 南京國子監, 1596. ' +
      '福建省图书馆藏, 普查登记编号 350000-2001-0000001. [2026-12-04]. ' +
      'https://census.example.org/records/350000-2001-0000001',
  );
});

test('Chicago bibliography entry keeps the catalogued text and ends with the access date and URL', (t) => {
  t.is(
    chicago(shiji, cited),
    '司馬遷, and 裴駰. 史記一百三十卷. 南京: 南京國子監, 1596. 明萬曆二十四年（1596）南京國子監刻本. ' +
      'Held by 福建省图书馆, census no. 350000-2001-0000001. Accessed December 4, 2026. ' +
      'https://census.example.org/records/350000-2001-0000001.',
  );
});

test('more than three names: the first three and 等 / the first and et al.', (t) => {
  const many = {
    ...shiji,
    authors: ['甲', '乙', '丙', '丁'].map((name) => ({ dynasty: null, name, role: '撰' })),
  };
  t.true(gbt7714(many, cited).startsWith('甲, 乙, 丙, 等. 史記'));
  t.true(chicago(many, cited).startsWith('甲 et al. 史記'));
});

test('unknown imprint and an inferred year range: only what is known, the range in brackets', (t) => {
  const vague = {
    ...shiji,
    authors: [],
    publisher: null,
    place: null,
    edition: '明刻本',
    yearFrom: 1368,
    yearTo: 1644,
  };
  t.is(
    gbt7714(vague, cited),
    '史記一百三十卷[M/OL]. 明刻本. [1368-1644]. 福建省图书馆藏, 普查登记编号 350000-2001-0000001. [2026-12-04]. ' +
      'https://census.example.org/records/350000-2001-0000001',
  );
  const undated = { ...vague, yearFrom: null, yearTo: null, edition: '' };
  t.false(gbt7714(undated, cited).includes('..'));
});
