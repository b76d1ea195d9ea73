import test from 'ava';
import { foldTerm, sameTerm } from '../../src/census/term-folding.rules.js';
import {
  codeListsFromSeed,
  resolveCodeValue,
  type CodeListValues,
} from '../../src/census/code-list.rules.js';
import { TERM_VARIANTS } from '../../src/census/term-variants.data.js';

// --- foldTerm: spellings that must meet ----------------------------------------------------------

const same: Array<[string, string, string]> = [
  ['綫裝', '线装', 'variant 綫 and traditional 裝'],
  ['線裝', '线装', 'traditional 線裝'],
  ['綫裝', '線裝', 'two traditional spellings'],
  ['刻本', '刻本', 'identical text'],
  [' 刻 本 ', '刻本', 'spaces around and inside'],
  ['刻\u3000本', '刻本', 'an ideographic space'],
  ['刻\u200b本', '刻本', 'a zero-width space from a spreadsheet'],
  ['蝴蝶裝', '蝴蝶装', 'traditional 裝 in a longer term'],
  ['經摺裝', '经折装', '經摺 → 经折'],
  ['金鑲玉', '金镶玉', '鑲 → 镶'],
  ['餖版', '饾版', '餖 → 饾'],
  ['漢文古籍', '汉文古籍', '漢 → 汉'],
  ['焉耆—龜茲文', '焉耆-龟兹文', 'em dash and hyphen'],
  ['峯', '峰', 'variant 峯'],
  ['敎', '教', 'variant 敎'],
  ['於', '于', '於 → 于'],
  ['鈔本', '抄本', '鈔本 = 抄本'],
  ['钞本', '抄本', '钞本 = 抄本'],
  ['藁本', '稿本', '藁本 = 稿本'],
  ['ＡＢＣ１２', 'abc12', 'full-width Latin and digits, any case'],
  ['（宋）朱熹', '(宋)朱熹', 'full-width brackets'],
  ['一級', '一级', 'traditional 級'],
];
for (const [a, b, why] of same) {
  test(`foldTerm: ${a} and ${b} fold to the same key (${why})`, (t) => {
    t.is(foldTerm(a), foldTerm(b));
    t.true(sameTerm(a, b));
  });
}

const different: Array<[string, string, string]> = [
  ['线装', '包背装', 'different bindings'],
  ['刻本', '抄本', 'print versus manuscript'],
  ['经', '史', 'different classes'],
  ['批', '批校', 'a prefix is not the same term'],
];
for (const [a, b, why] of different) {
  test(`foldTerm: ${a} and ${b} stay apart (${why})`, (t) => {
    t.not(foldTerm(a), foldTerm(b));
    t.false(sameTerm(a, b));
  });
}

const keys: Array<[string, string]> = [
  ['綫裝', '线装'],
  ['  精 裝 ', '精装'],
  ['', ''],
  ['   ', ''],
  ['乾隆', '乾隆'],
];
for (const [input, key] of keys) {
  test(`foldTerm(${JSON.stringify(input)}) is ${JSON.stringify(key)}`, (t) => {
    t.is(foldTerm(input), key);
  });
}

test('foldTerm: every variant in TERM_VARIANTS folds onto its standard character', (t) => {
  for (const [variant, standard] of TERM_VARIANTS) t.is(foldTerm(variant), foldTerm(standard), variant);
});

test('foldTerm: folding is idempotent on the seed code-list values', (t) => {
  for (const list of codeListsFromSeed().values()) {
    for (const { value } of list.values) t.is(foldTerm(foldTerm(value)), foldTerm(value), value);
  }
});

test('foldTerm: no two seed values of one list fold together', (t) => {
  for (const list of codeListsFromSeed().values()) {
    const keysOfList = list.values.map((v) => foldTerm(v.value));
    t.is(new Set(keysOfList).size, keysOfList.length, list.name);
  }
});

// --- resolveCodeValue ---------------------------------------------------------------------------

const seed = codeListsFromSeed();
const binding = seed.get('binding')!;
const editionType = seed.get('edition_type')!;
const edited: CodeListValues = {
  name: 'binding',
  values: [
    { value: '线装', aliases: ['线订'], active: true },
    { value: '毛装', aliases: [], active: false },
    { value: '平装', active: true },
  ],
};

const resolves: Array<[string, CodeListValues, string, string, boolean?]> = [
  ['綫裝 resolves to the stored 线装', binding, '綫裝', '线装'],
  ['線裝 resolves to the stored 线装', binding, '線裝', '线装'],
  ['a full-width, spaced 刻 本 resolves to 刻本', editionType, ' 刻\u3000本 ', '刻本'],
  ['鈔本 resolves to 抄本', editionType, '鈔本', '抄本'],
  ['an alias resolves to its value', edited, '線訂', '线装'],
  ['a retired value resolves when allowed', edited, '毛裝', '毛装', true],
];
for (const [title, list, input, value, allowRetired] of resolves) {
  test(`resolveCodeValue: ${title}`, (t) => {
    t.deepEqual(resolveCodeValue(list, input, { allowRetired: allowRetired ?? false }), { ok: true, value });
  });
}

test('resolveCodeValue: an unknown value lists the allowed values', (t) => {
  const result = resolveCodeValue(binding, '胶装');
  t.false(result.ok);
  if (!result.ok)
    t.deepEqual(
      result.allowed,
      binding.values.map((v) => v.value),
    );
});

test('resolveCodeValue: an empty value is unknown', (t) => {
  t.false(resolveCodeValue(binding, '  ').ok);
});

test('resolveCodeValue: a retired value is refused for new input, naming it, and left out of the allowed values', (t) => {
  const result = resolveCodeValue(edited, '毛装');
  t.deepEqual(result, { ok: false, allowed: ['线装', '平装'], retired: '毛装' });
});

test('codeListsFromSeed: every list is present, all values active', (t) => {
  t.is(seed.size, 10);
  for (const list of seed.values())
    t.true(
      list.values.every((v) => v.active && v.aliases?.length === 0),
      list.name,
    );
});
