import test from 'ava';
import { checkGujiDate, normaliseEditionDate } from '../../src/census/dates/edition-date.rules.js';
import { rowToRecordInput } from '../../src/census/spreadsheet/row-codec.js';
import {
  TEMPLATE_COLUMNS,
  TEMPLATE_HEADER,
  type TemplateCells,
} from '../../src/census/spreadsheet/template.js';
import {
  generateRecordRowCases,
  generateRecordRows,
  type GeneratedRow,
} from '../bench/record-rows.generator.js';

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const cellsOf = (row: GeneratedRow) =>
  Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.key, row[c.zh]])) as TemplateCells;

test('rows are keyed by the Chinese headers and deterministic for a seed', async (t) => {
  const a = await all(generateRecordRows(50, { seed: 9, invalidShare: 0.2 }));
  const b = await all(generateRecordRows(50, { seed: 9, invalidShare: 0.2 }));
  const c = await all(generateRecordRows(50, { seed: 10, invalidShare: 0.2 }));
  t.deepEqual(a, b);
  t.notDeepEqual(a, c);
  t.deepEqual(Object.keys(a[0]!), [...TEMPLATE_HEADER]);
  t.is(new Set(a.map((r) => r.索书号)).size, 50);
});

test('valid rows read cleanly and their editions are dated before 1912', async (t) => {
  const cases = await all(generateRecordRowCases(1000, { seed: 1 }));
  t.true(cases.every((c) => c.invalid === null));
  const editions = new Set<string>();
  for (const { row } of cases) {
    const result = rowToRecordInput(cellsOf(row), { institutionId: 'i' });
    if ('errors' in result) return t.fail(JSON.stringify(result.errors));
    t.true(result.input.title.length > 0);
    t.true(result.input.authors.length > 0 && result.input.authors.every((a) => a.role !== null));
    editions.add(row.版本);
    const date = checkGujiDate(normaliseEditionDate(row.版本), row.版本);
    t.is(date, null, `${row.版本}: ${date?.messageEn}`);
  }
  t.true(editions.size > 200, `${editions.size} distinct editions`);
});

test('the invalid share is respected and each kind of invalid row is caught where it should be', async (t) => {
  const cases = await all(generateRecordRowCases(2000, { seed: 2, invalidShare: 0.25 }));
  const invalid = cases.filter((c) => c.invalid !== null);
  t.true(invalid.length > 400 && invalid.length < 600, `${invalid.length} invalid`);
  const kinds = new Set(invalid.map((c) => c.invalid));
  t.deepEqual([...kinds].sort(), ['binding', 'empty_title', 'era_year', 'republican_date', 'volumes']);
  for (const { row, invalid: reason } of invalid) {
    const result = rowToRecordInput(cellsOf(row), { institutionId: 'i' });
    switch (reason) {
      case 'volumes':
        t.true('errors' in result && result.errors[0]!.path === 'volumes', row.册数);
        break;
      case 'era_year':
        t.is(
          checkGujiDate(normaliseEditionDate(row.版本), row.版本)?.code,
          'ERA_YEAR_OUT_OF_RANGE',
          row.版本,
        );
        break;
      case 'republican_date':
        t.is(checkGujiDate(normaliseEditionDate(row.版本), row.版本)?.code, 'GUJI_DATE_TOO_LATE', row.版本);
        break;
      case 'empty_title':
        t.true('input' in result && result.input.title === '');
        break;
      case 'binding':
        t.true('input' in result && ['竹簡裝', '騎馬釘', '膠裝'].includes(result.input.binding ?? ''));
        break;
    }
  }
});
