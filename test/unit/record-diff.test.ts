import test from 'ava';
import { deepEqual, diffRecords, type FieldChange } from '../../src/census/record-diff.rules.js';
import type { RecordInput } from '../../src/domain/record.types.js';
import { validGujiInput } from '../helpers/record-input.js';

const base = validGujiInput();

const rows: Array<[string, RecordInput, FieldChange[]]> = [
  ['identical records have no changes', validGujiInput(), []],
  [
    'a changed text field',
    validGujiInput({ title: '朱子大全' }),
    [{ field: 'title', before: base.title, after: '朱子大全' }],
  ],
  ['a number to null', validGujiInput({ volumes: null }), [{ field: 'volumes', before: 40, after: null }]],
  [
    'two fields, in record order',
    validGujiInput({ grade: '一级乙等', callNumber: '善 9' }),
    [
      { field: 'callNumber', before: base.callNumber, after: '善 9' },
      { field: 'grade', before: base.grade, after: '一级乙等' },
    ],
  ],
  [
    'a change inside one seal reports the whole list',
    validGujiInput({ seals: [{ ...base.seals[0]!, position: '卷末' }] }),
    [{ field: 'seals', before: base.seals, after: [{ ...base.seals[0]!, position: '卷末' }] }],
  ],
  [
    'a reordered list is a change',
    validGujiInput({ authors: [{ dynasty: '明', name: '邵寶', role: '辑' }, ...base.authors] }),
    [
      {
        field: 'authors',
        before: base.authors,
        after: [{ dynasty: '明', name: '邵寶', role: '辑' }, ...base.authors],
      },
    ],
  ],
  [
    'a size change reports the size',
    validGujiInput({ size: { height: 27.5, width: 17.3 } }),
    [{ field: 'size', before: base.size, after: { height: 27.5, width: 17.3 } }],
  ],
  [
    'a size written in another key order is no change',
    validGujiInput({ size: { width: 17.2, height: 27.5 } }),
    [],
  ],
];
for (const [title, after, changes] of rows) {
  test(`diffRecords: ${title}`, (t) => {
    t.deepEqual(diffRecords(base, after), changes);
  });
}

test('diffRecords: a field missing from an old body equals null', (t) => {
  const old = { ...base } as Partial<RecordInput>;
  delete old.collectionHistory;
  t.deepEqual(diffRecords(old as RecordInput, base), []);
  t.deepEqual(diffRecords(old as RecordInput, { ...base, collectionHistory: '購藏' }), [
    { field: 'collectionHistory', before: null, after: '購藏' },
  ]);
});

const equal: Array<[string, unknown, unknown, boolean]> = [
  ['equal numbers', 1, 1, true],
  ['0 and -0', 0, -0, true],
  ['NaN and NaN', NaN, NaN, true],
  ['null and undefined', null, undefined, true],
  ['null and 0', null, 0, false],
  ['empty string and null', '', null, false],
  ['arrays of different length', [1], [1, 2], false],
  ['array and object', [], {}, false],
  ['nested objects', { a: [{ b: 1 }] }, { a: [{ b: 1 }] }, true],
  ['nested difference', { a: [{ b: 1 }] }, { a: [{ b: 2 }] }, false],
  ['undefined member and missing member', { a: 1, b: undefined }, { a: 1 }, true],
];
for (const [title, a, b, expected] of equal) {
  test(`deepEqual: ${title} → ${expected}`, (t) => {
    t.is(deepEqual(a, b), expected);
  });
}
