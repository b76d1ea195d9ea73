import test from 'ava';
import {
  DEFAULT_NUMBERING_SCHEME,
  formatCensusNumber,
  isCensusNumber,
  parseCensusNumber,
  type CensusNumberParts,
  type NumberingScheme,
} from '../../src/census/census-number.rules.js';

const scheme = DEFAULT_NUMBERING_SCHEME;
const slashes: NumberingScheme = { separator: '/', serialDigits: 5, minguoPrefix: 'MG' };

const formats: Array<[string, NumberingScheme, CensusNumberParts, string]> = [
  [
    'the first 古籍 of an institution',
    scheme,
    { provinceCode: '350000', institutionCode: '2001', type: 'guji', serial: 1 },
    '350000-2001-0000001',
  ],
  [
    'the first 民国 of an institution (M plus 7 digits)',
    scheme,
    { provinceCode: '350000', institutionCode: '2001', type: 'minguo', serial: 1 },
    '350000-2001-M0000001',
  ],
  [
    'the largest 7-digit serial',
    scheme,
    { provinceCode: '110000', institutionCode: '0001', type: 'guji', serial: 9_999_999 },
    '110000-0001-9999999',
  ],
  [
    'a configured scheme',
    slashes,
    { provinceCode: '320000', institutionCode: '2002', type: 'minguo', serial: 42 },
    '320000/2002/MG00042',
  ],
];
for (const [title, s, parts, text] of formats) {
  test(`formatCensusNumber: ${title} is ${text}`, (t) => {
    t.is(formatCensusNumber(s, parts), text);
  });
  test(`parseCensusNumber: ${text} reads back (${title})`, (t) => {
    t.deepEqual(parseCensusNumber(s, text), parts);
    t.true(isCensusNumber(s, text));
  });
}

const throwsRange: Array<[string, NumberingScheme, CensusNumberParts]> = [
  [
    'a serial beyond 7 digits',
    scheme,
    { provinceCode: '350000', institutionCode: '2001', type: 'guji', serial: 10_000_000 },
  ],
  ['serial 0', scheme, { provinceCode: '350000', institutionCode: '2001', type: 'guji', serial: 0 }],
  [
    'a fractional serial',
    scheme,
    { provinceCode: '350000', institutionCode: '2001', type: 'guji', serial: 1.5 },
  ],
  [
    'a 5-digit province code',
    scheme,
    { provinceCode: '35000', institutionCode: '2001', type: 'guji', serial: 1 },
  ],
  [
    'a 3-digit institution code',
    scheme,
    { provinceCode: '350000', institutionCode: '201', type: 'guji', serial: 1 },
  ],
  [
    'a scheme without a 民国 prefix',
    { ...scheme, minguoPrefix: '' },
    { provinceCode: '350000', institutionCode: '2001', type: 'guji', serial: 1 },
  ],
  [
    'a scheme with a digit separator',
    { ...scheme, separator: '0' },
    { provinceCode: '350000', institutionCode: '2001', type: 'guji', serial: 1 },
  ],
  [
    'a scheme with 0 serial digits',
    { ...scheme, serialDigits: 0 },
    { provinceCode: '350000', institutionCode: '2001', type: 'guji', serial: 1 },
  ],
];
for (const [title, s, parts] of throwsRange) {
  test(`formatCensusNumber: ${title} throws RangeError`, (t) => {
    t.throws(() => formatCensusNumber(s, parts), { instanceOf: RangeError });
  });
}

const notNumbers: Array<[string, string]> = [
  ['too few serial digits', '350000-2001-000001'],
  ['too many serial digits', '350000-2001-00000001'],
  ['serial zero', '350000-2001-0000000'],
  ['a lower-case prefix', '350000-2001-m0000001'],
  ['another prefix', '350000-2001-X0000001'],
  ['another separator', '350000/2001/0000001'],
  ['surrounding space', ' 350000-2001-0000001'],
  ['a short province code', '35000-2001-0000001'],
  ['empty text', ''],
];
for (const [title, text] of notNumbers) {
  test(`parseCensusNumber: ${JSON.stringify(text)} is not a census number (${title})`, (t) => {
    t.is(parseCensusNumber(scheme, text), null);
    t.false(isCensusNumber(scheme, text));
  });
}

test('parseCensusNumber: a separator with regular-expression meaning is taken literally', (t) => {
  const dotted: NumberingScheme = { separator: '.', serialDigits: 7, minguoPrefix: 'M' };
  t.deepEqual(parseCensusNumber(dotted, '350000.2001.0000003'), {
    provinceCode: '350000',
    institutionCode: '2001',
    type: 'guji',
    serial: 3,
  });
  t.is(parseCensusNumber(dotted, '350000x2001x0000003'), null);
});
