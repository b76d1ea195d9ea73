import test from 'ava';
import { findUnsafeInput, MAX_JSON_DEPTH } from '../../src/kernel/input-safety.js';
import { isCatalogueFieldPath } from '../../src/census/record.schemas.js';

test('text outside the BMP (CJK Extension B, as in rare characters of old titles) is accepted', (t) => {
  t.is(findUnsafeInput({ title: '𠀀𪚥𩸽論語', authors: [{ name: '𠮷' }] }), null);
});

const refused: Array<[string, unknown, string, string]> = [
  ['NUL', { title: 'a\u0000b' }, 'title', 'no_nul'],
  ['lone high surrogate at the end', { title: 'abc\ud840' }, 'title', 'well_formed_unicode'],
  ['lone low surrogate', { t: ['x', '\udc00y'] }, 't[1]', 'well_formed_unicode'],
  ['reversed pair', { t: '\udc00\ud840' }, 't', 'well_formed_unicode'],
  ['__proto__ key', JSON.parse('{"a":{"__proto__":{"x":1}}}'), 'a.__proto__', 'forbidden_key'],
  ['constructor key', { authors: [{ constructor: 1 }] }, 'authors[0].constructor', 'forbidden_key'],
  ['NUL in a key', { 'a\u0000': 1 }, 'a\u0000', 'no_nul'],
];
for (const [name, value, path, rule] of refused) {
  test(`refused: ${name}`, (t) => {
    const problem = findUnsafeInput(value);
    t.is(problem?.path, path);
    t.is(problem?.rule, rule);
    t.truthy(problem?.messageZh);
    t.truthy(problem?.messageEn);
  });
}

test('nesting up to the limit is accepted, one level more is not', (t) => {
  const nest = (levels: number): unknown => (levels === 0 ? 'x' : [nest(levels - 1)]);
  t.is(findUnsafeInput({ a: nest(MAX_JSON_DEPTH - 1) }), null);
  t.is(findUnsafeInput({ a: nest(MAX_JSON_DEPTH) })?.rule, 'max_depth');
});

test('a 50,000-deep array is checked without overflowing the stack', (t) => {
  const deep = JSON.parse('['.repeat(50_000) + ']'.repeat(50_000));
  t.is(findUnsafeInput({ a: deep })?.rule, 'max_depth');
});

const paths: Array<[string, boolean]> = [
  ['title', true],
  ['authors', true],
  ['authors[0]', true],
  ['authors[12].name', true],
  ['size.height', true],
  ['seals[3].ownerUnknown', true],
  ['phReadings[0].measuredAt', true],
  ['nonsense', false],
  ['title.x', false],
  ['authors.name', false],
  ['authors[0].nobody', false],
  ['size[0]', false],
  ['authors[0]name', false],
  ['__proto__', false],
  ['constructor', false],
  ['toString', false],
  ['', false],
];
for (const [path, ok] of paths) {
  test(`comment field path ${JSON.stringify(path)} is ${ok ? 'a' : 'not a'} catalogue field`, (t) => {
    t.is(isCatalogueFieldPath(path), ok);
  });
}
