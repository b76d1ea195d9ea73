import test from 'ava';
import { completenessTier, missingForTier, TIER_FIELDS } from '../../src/census/completeness.rules.js';
import type { CompletenessTier, RecordInput } from '../../src/domain/record.types.js';
import { validGujiInput, validMinguoInput } from '../helpers/record-input.js';

const guji = validGujiInput;
const minguo = validMinguoInput;

// A 古籍 with exactly the mandatory fields (basic and full ones emptied).
const gujiMandatoryOnly = guji({
  editionType: null,
  publisher: null,
  place: null,
  binding: null,
  classification: null,
  otherTitles: [],
  titleSource: null,
  layout: null,
  size: null,
  frame: null,
  notes: null,
  abstract: null,
});
// The same plus the basic fields.
const gujiBasic = guji({
  otherTitles: [],
  titleSource: null,
  layout: null,
  size: null,
  frame: null,
  notes: null,
});

const tiers: Array<[string, RecordInput, CompletenessTier]> = [
  ['a full 古籍 record', guji(), 'full'],
  ['a full 民国 record', minguo(), 'full'],
  ['a 古籍 with only the mandatory fields', gujiMandatoryOnly, 'mandatory'],
  ['a 古籍 with the basic fields but no layout, size, frame or notes', gujiBasic, 'basic'],
  ['a 古籍 without a grade', guji({ grade: null }), 'none'],
  ['a 古籍 graded 未定级 (a placeholder)', guji({ grade: '未定级' }), 'none'],
  ['a 古籍 with damage grade 未评估 (a placeholder)', guji({ damageGrade: '未评估' }), 'none'],
  ['a 古籍 without authors', guji({ authors: [] }), 'none'],
  ['a 古籍 with a blank edition statement', guji({ edition: '  ' }), 'none'],
  ['a 古籍 without 册数', guji({ volumes: null }), 'none'],
  [
    'a 古籍 with a place but no publisher (either fills the group)',
    guji({ publisher: null, place: '建陽' }),
    'full',
  ],
  ['a 古籍 with neither publisher nor place', guji({ publisher: null, place: null }), 'mandatory'],
  ['a 古籍 without a binding', guji({ binding: null }), 'mandatory'],
  ['a 古籍 with other titles but no title source', guji({ titleSource: null }), 'full'],
  [
    'a 古籍 with neither other titles nor title source',
    guji({ titleSource: null, otherTitles: [] }),
    'basic',
  ],
  ['a 古籍 with an abstract instead of notes', guji({ notes: null, abstract: '是書……' }), 'full'],
  ['a 古籍 without seals or annotations (not required)', guji({ seals: [], annotations: [] }), 'full'],
  ['a 古籍 without a frame', guji({ frame: null }), 'basic'],
  ['a 民国 without a grade (not a 民国 field)', minguo({ grade: null }), 'full'],
  ['a 民国 with pages but no 册数', minguo({ volumes: null }), 'full'],
  ['a 民国 with no extent at all', minguo({ volumes: null, pages: null, serialHoldings: null }), 'none'],
  ['a 民国 without a document type', minguo({ minguoDocumentType: null }), 'none'],
  ['a 民国 without paper', minguo({ paper: null }), 'mandatory'],
  ['a 民国 without pH readings', minguo({ phReadings: [] }), 'basic'],
  ['a 民国 without collection history', minguo({ collectionHistory: null }), 'basic'],
];
for (const [title, record, tier] of tiers) {
  test(`completenessTier: ${title} is ${tier}`, (t) => {
    t.is(completenessTier(record), tier);
  });
}

const missing: Array<[string, RecordInput, CompletenessTier, string[]]> = [
  ['nothing is missing for full on a full 古籍', guji(), 'full', []],
  ['nothing is missing for tier none', guji({ grade: null }), 'none', []],
  ['a missing grade is listed for mandatory', guji({ grade: null }), 'mandatory', ['grade']],
  [
    'lower tiers come first, groups read a|b',
    guji({ grade: '未定级', publisher: null, place: null, layout: null }),
    'full',
    ['grade', 'publisher|place', 'layout'],
  ],
  [
    'full lacks for a basic 古籍',
    gujiBasic,
    'full',
    ['titleSource|otherTitles', 'layout', 'size', 'frame', 'notes|abstract'],
  ],
  [
    'basic lacks for a mandatory 古籍',
    gujiMandatoryOnly,
    'basic',
    ['editionType', 'publisher|place', 'binding', 'classification'],
  ],
  [
    'a 民国 without extent',
    minguo({ volumes: null, pages: null, serialHoldings: null }),
    'mandatory',
    ['volumes|pages|serialHoldings'],
  ],
  ['a 民国 without pH readings lacks them for full', minguo({ phReadings: [] }), 'full', ['phReadings']],
];
for (const [title, record, tier, keys] of missing) {
  test(`missingForTier: ${title}`, (t) => {
    t.deepEqual(missingForTier(record, tier), keys);
  });
}

test('TIER_FIELDS: every requirement names fields of the record', (t) => {
  const fields = new Set(Object.keys(guji()));
  for (const byLevel of Object.values(TIER_FIELDS)) {
    for (const requirements of Object.values(byLevel)) {
      for (const r of requirements) {
        t.true(r.anyOf.length > 0 && r.anyOf.every((f) => fields.has(f)), r.key);
        t.true(r.labelZh.length > 0 && r.labelEn.length > 0, r.key);
      }
    }
  }
});
