import test from 'ava';
import {
  presentManifest,
  DEFAULT_IIIF_RIGHTS,
  type ManifestSource,
} from '../../src/iiif/manifest.presenter.js';
import { presentCollection, NATION_LABEL } from '../../src/iiif/collection.presenter.js';
import { readingLayout } from '../../src/iiif/presentation-layout.rules.js';
import { chineseNumber, juanOfLabel, juanRuns } from '../../src/iiif/presentation-ranges.rules.js';
import { chineseText, isTraditional } from '../../src/domain/iiif/presentation-language.rules.js';
import { exportUrls, serviceUrls } from '../../src/iiif/presentation-urls.js';
import { presentationErrors } from '../helpers/iiif-presentation-schema.js';

const urls = serviceUrls('https://census.example.org');
const options = { urls, rights: DEFAULT_IIIF_RIGHTS };

function source(
  overrides: Partial<ManifestSource['record']> = {},
  labels = ['卷一 1a', '卷一 1b', '卷二 1a'],
) {
  return {
    record: {
      censusNumber: '350000-2001-0000001',
      type: 'guji',
      title: '朱子大全一百卷目錄二卷',
      authors: [{ dynasty: '宋', name: '朱熹', role: '撰' }],
      edition: '明天順四年（1460）賀沈、胡緝刻本',
      date: { dynasty: '明', era: '天顺', eraYear: 4, yearFrom: 1460, yearTo: 1460, precision: 'year' },
      grade: '二级乙等',
      binding: '线装',
      volumes: 40,
      ...overrides,
    },
    institution: { id: '8f7c2b1e-4d3a-4c5b-9e6f-0a1b2c3d4e5f', name: '福建省圖書館', provinceCode: '350000' },
    images: labels.map((label, i) => ({
      id: `00000000-0000-4000-8000-00000000000${i + 1}`,
      sequence: i + 1,
      label,
      width: 3000,
      height: 4000,
    })),
  } satisfies ManifestSource;
}

test('reading layout: Chinese bindings right to left, Western 民国 left to right, scrolls top to bottom', (t) => {
  for (const binding of ['线装', '綫裝', '包背装', '蝴蝶装', '经折装', '金镶玉', null])
    t.deepEqual(
      readingLayout(binding, 'guji'),
      { viewingDirection: 'right-to-left', behavior: ['paged'] },
      String(binding),
    );
  t.deepEqual(readingLayout('平装', 'minguo'), { viewingDirection: 'left-to-right', behavior: ['paged'] });
  t.deepEqual(readingLayout('精裝', 'minguo'), { viewingDirection: 'left-to-right', behavior: ['paged'] });
  t.deepEqual(readingLayout('线装', 'minguo'), { viewingDirection: 'right-to-left', behavior: ['paged'] });
  t.is(
    readingLayout('平装', 'guji').viewingDirection,
    'right-to-left',
    'a rebound 古籍 is still read right to left',
  );
  t.deepEqual(readingLayout('卷轴装', 'guji'), {
    viewingDirection: 'top-to-bottom',
    behavior: ['continuous'],
  });
  t.deepEqual(
    readingLayout('线装', 'guji', [
      { bindings: ['線裝'], viewingDirection: 'left-to-right', behavior: ['individuals'] },
    ]),
    { viewingDirection: 'left-to-right', behavior: ['individuals'] },
    'the table is data: a changed setting wins',
  );
});

test('the manifest carries the layout of its binding', (t) => {
  const book = presentManifest(source(), options);
  t.is(book.viewingDirection, 'right-to-left');
  t.deepEqual(book.behavior, ['paged']);
  const minguo = presentManifest(source({ type: 'minguo', binding: '平装', title: '吶喊' }), options);
  t.is(minguo.viewingDirection, 'left-to-right');
  const scroll = presentManifest(source({ binding: '卷轴装' }), options);
  t.is(scroll.viewingDirection, 'top-to-bottom');
  t.deepEqual(scroll.behavior, ['continuous']);
});

test('labels: zh-Hant as catalogued when traditional, plus zh-Hans and en', (t) => {
  t.true(isTraditional('朱子大全一百卷目錄二卷'));
  t.false(isTraditional('朱子大全一百卷目录二卷'));
  const m = presentManifest(source(), options);
  t.deepEqual(m.label, {
    'zh-Hant': ['朱子大全一百卷目錄二卷'],
    'zh-Hans': ['朱子大全一百卷目录二卷'],
    en: ['朱子大全一百卷目錄二卷'],
  });
  const simplified = presentManifest(source({ title: '朱子大全一百卷目录二卷' }), options);
  t.deepEqual(simplified.label, { 'zh-Hans': ['朱子大全一百卷目录二卷'], en: ['朱子大全一百卷目录二卷'] });
  t.deepEqual(chineseText('卷一', 'Juan 1'), { 'zh-Hans': ['卷一'], en: ['Juan 1'] });
});

test('metadata: title, authors, edition and normalised date, census number, grade, institution', (t) => {
  const m = presentManifest(source(), options);
  const byEn = Object.fromEntries(m.metadata!.map((e) => [e.label.en![0], e.value]));
  t.deepEqual(byEn.Title!['zh-Hant'], ['朱子大全一百卷目錄二卷']);
  t.deepEqual(byEn.Authors!['zh-Hans'], ['（宋）朱熹撰']);
  t.deepEqual(byEn.Edition!['zh-Hant'], ['明天順四年（1460）賀沈、胡緝刻本']);
  t.deepEqual(byEn['Date (normalised)']!.en, ['1460']);
  t.deepEqual(byEn['Census registration number'], { none: ['350000-2001-0000001'] });
  t.deepEqual(byEn.Grade!['zh-Hans'], ['二级乙等']);
  t.deepEqual(byEn['Holding institution']!['zh-Hans'], ['福建省图书馆']);
  const range = presentManifest(
    source({
      date: { dynasty: '清', era: '乾隆', eraYear: null, yearFrom: 1736, yearTo: 1795, precision: 'era' },
    }),
    options,
  );
  t.deepEqual(range.metadata!.find((e) => e.label.en![0] === 'Date (normalised)')!.value.en, ['1736–1795']);
  t.is(range.navDate, '1736-01-01T00:00:00Z');
  const undated = presentManifest(
    source({
      date: { dynasty: null, era: null, eraYear: null, yearFrom: null, yearTo: null, precision: 'unknown' },
    }),
    options,
  );
  t.false(undated.metadata!.some((e) => e.label.en![0] === 'Date (normalised)'));
  t.is(undated.navDate, undefined);
});

test('institution: requiredStatement and provider; rights as given', (t) => {
  const m = presentManifest(source(), { urls, rights: 'http://creativecommons.org/publicdomain/zero/1.0/' });
  t.regex(m.requiredStatement!.value['zh-Hant']![0]!, /^福建省圖書館藏。开放获取：/);
  t.regex(m.requiredStatement!.value.en![0]!, /^Held by 福建省圖書館\. Open access: /);
  t.is(m.provider![0]!.type, 'Agent');
  t.is(m.provider![0]!.id, 'https://census.example.org/institutions/8f7c2b1e-4d3a-4c5b-9e6f-0a1b2c3d4e5f');
  t.is(m.rights, 'http://creativecommons.org/publicdomain/zero/1.0/');
});

test('one canvas per image in order, each painted by its image service, with thumbnails', (t) => {
  const m = presentManifest(source(), options);
  t.is(m.items.length, 3);
  const canvas = m.items[0]!;
  t.is(canvas.width, 3000);
  t.is(canvas.height, 4000);
  t.deepEqual(canvas.label, { 'zh-Hans': ['卷一 1a'], en: ['卷一 1a'] });
  const anno = canvas.items![0]!.items![0]! as any;
  t.is(anno.motivation, 'painting');
  t.is(anno.target, canvas.id);
  t.is(anno.body.service[0].id, 'https://census.example.org/iiif/3/00000000-0000-4000-8000-000000000001');
  t.is(anno.body.service[0].type, 'ImageService3');
  t.is(
    (m.thumbnail![0] as any).id,
    'https://census.example.org/iiif/3/00000000-0000-4000-8000-000000000001/full/200,/0/default.jpg',
  );
  t.is((m.thumbnail![0] as any).height, 267);
  t.deepEqual(
    m.items.map((c) => c.label!.en![0]),
    ['卷一 1a', '卷一 1b', '卷二 1a'],
  );
});

test('rights statement: restricted institutions get the rightsstatements.org URI and their terms in zh and en', (t) => {
  const base = source();
  const restricted = (rightsStatement: 'on_site' | 'metadata_only', imagesVisible: boolean) =>
    presentManifest(
      { ...base, institution: { ...base.institution, rightsStatement }, imagesVisible },
      options,
    );
  const onSite = restricted('on_site', false);
  t.is(onSite.rights, 'http://rightsstatements.org/vocab/NoC-OKLR/1.0/');
  t.regex(onSite.requiredStatement!.value['zh-Hans']![0]!, /^福建省图书馆藏。仅限馆内阅览：/);
  t.regex(onSite.requiredStatement!.value.en![0]!, /^Held by 福建省圖書館\. On-site only: /);
  t.deepEqual(presentationErrors(onSite), []);
  // On-site only: the pages and their image services are described (the reading room reaches
  // them), but no thumbnail the public would be refused.
  t.is(onSite.thumbnail, undefined);
  t.true(onSite.items.every((c) => c.thumbnail === undefined && c.items!.length === 1));

  const metadataOnly = restricted('metadata_only', false);
  t.is(metadataOnly.rights, 'http://rightsstatements.org/vocab/NoC-OKLR/1.0/');
  t.regex(metadataOnly.requiredStatement!.value.en![0]!, /Metadata only: /);
  t.deepEqual(presentationErrors(metadataOnly), []);
  t.is(metadataOnly.items.length, 3, 'the book is still described page by page');
  t.true(metadataOnly.items.every((c) => c.items!.length === 0 && c.thumbnail === undefined));
  t.false(JSON.stringify(metadataOnly).includes('/iiif/3/'), 'no image service anywhere');

  // The institution's own staff get the full manifest whatever the statement.
  const staff = restricted('metadata_only', true);
  t.truthy(staff.thumbnail);
  t.true(staff.items.every((c) => c.items!.length === 1 && c.thumbnail!.length === 1));
});

test('ranges per 卷 from page labels', (t) => {
  t.is(chineseNumber('一百九'), 109);
  t.is(chineseNumber('二十二'), 22);
  t.is(chineseNumber('十'), 10);
  t.is(chineseNumber('一〇五'), 105);
  t.is(chineseNumber('12'), 12);
  t.is(chineseNumber('首'), null);
  t.deepEqual(juanOfLabel('卷第三 葉2b'), { key: '3', zh: '卷三', en: 'Juan 3' });
  t.deepEqual(juanOfLabel('卷12 1a'), { key: '12', zh: '卷12', en: 'Juan 12' });
  t.is(juanOfLabel('封面'), null);
  t.deepEqual(
    juanRuns(['封面', '卷首 1a', '卷一 1a', '卷1 1b', '序', '卷二 1a', '卷二 1b']).map((r) => [
      r.zh,
      r.pages,
    ]),
    [
      ['卷首', [1]],
      ['卷一', [2, 3]],
      ['卷二', [5, 6]],
    ],
  );
  const m = presentManifest(source(), options);
  t.is(m.structures!.length, 2);
  t.deepEqual(m.structures![0]!.label, { 'zh-Hans': ['卷一'], en: ['Juan 1'] });
  t.deepEqual(
    m.structures![0]!.items!.map((i: any) => i.id),
    [m.items[0]!.id, m.items[1]!.id],
  );
  t.is(
    presentManifest(source({}, ['1a', '1b']), options).structures,
    undefined,
    'no 卷 in labels: no ranges',
  );
});

test('manifests and collections validate against the Presentation 3.0 schema', (t) => {
  for (const m of [
    presentManifest(source(), options),
    presentManifest(source({ binding: '卷轴装' }, ['卷一']), options),
    presentManifest(source({}, []), options),
  ])
    t.deepEqual(presentationErrors(m), []);
  const collection = presentCollection(
    {
      key: { level: 'institution', id: 'abc' },
      label: NATION_LABEL,
      parent: { level: 'province', code: '350000' },
      institution: { id: 'abc', name: '福建省圖書館', provinceCode: '350000' },
      entries: [
        { kind: 'manifest', censusNumber: '350000-2001-0000001', label: chineseText('朱子大全') },
        { kind: 'collection', key: { level: 'province', code: '350000' }, label: { en: ['Fujian'] } },
      ],
    },
    {
      urls: exportUrls('https://mirror.example.org/iiif', 'https://census.example.org'),
      rights: DEFAULT_IIIF_RIGHTS,
    },
  );
  t.deepEqual(presentationErrors(collection), []);
  t.is(collection.id, 'https://mirror.example.org/iiif/collection/institution/abc.json');
  t.is((collection.items[0] as any).id, 'https://mirror.example.org/iiif/manifest/350000-2001-0000001.json');
  t.false('items' in collection.items[0]!);
  // The validator itself rejects what the spec forbids.
  t.true(
    presentationErrors({ ...presentManifest(source(), options), rights: 'all rights reserved' }).length > 0,
  );
});
